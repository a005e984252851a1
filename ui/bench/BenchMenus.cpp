// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// BenchController: the Peaks menu, the plot's and the peak table's context menu, line candidates and the
// exports (peak table CSV, calibration JSON).
#include "bench/BenchLocale.h"
#include "bench/BenchController.h"

#include "bench/NuclidePicker.h"
#include "bench/PeakTableModel.h"
#include "io/AtomicFile.h"
#include "io/OutputGuard.h"
#include "peaks/NuclideLibrary.h"
#include "plot/SpectrumView.h"

#include <QAction>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QTableView>
#include <QTextStream>

#include <algorithm>
#include <cmath>

namespace photopeak::ui {

void BenchController::createMenu()
{
    m_menu = new QMenu(tr("&Peaks"), m_window);
    m_menu->setObjectName(QStringLiteral("peaksMenu"));
    QAction *calibrate = m_menu->addAction(tr("&Calibrate Energy…"), this, &BenchController::openCalibrationDialog);
    calibrate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    calibrate->setObjectName(QStringLiteral("calibrateAction"));
    m_menu->addAction(tr("Restore the File's Ca&libration"), this, [this] {
        QList<int> entries;
        for (int e : m_selection)
            if (m_edits->calibration(e))
                entries << e;
        if (!applyCalibration(entries, std::nullopt))
            emit message(tr("The selected spectra use their files' calibrations."), 6000);
    });
    m_menu->addAction(tr("&Export Calibration…"), this, &BenchController::exportCalibration);
    m_menu->addSeparator();
    m_menu->addAction(tr("&Restore Automatic Peaks"), this, [this] {
        if (!restoreAutomaticPeaks())
            emit message(tr("The peak list is the automatic fit already."), 6000);
    });
    m_menu->addAction(tr("E&xport Peak Table…"), this, &BenchController::exportPeakTable);
    QAction *clearRois = m_menu->addAction(tr("Remove &All ROIs"), this, [this] {
        if (!m_edits->rois(m_current).empty())
            pushRois(m_current, {}, tr("Remove all ROIs"));
    });
    clearRois->setObjectName(QStringLiteral("clearRoisAction"));
    m_menu->addSeparator();
    for (QDockWidget *d : {m_peakDock, m_roiDock, m_nuclideDock})
        m_menu->addAction(d->toggleViewAction());
    m_peakDock->toggleViewAction()->setText(tr("Peak &Table"));
    m_roiDock->toggleViewAction()->setText(tr("R&OI List"));
    m_nuclideDock->toggleViewAction()->setText(tr("Reference &Nuclides"));
    m_nuclideDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
}

std::vector<std::pair<QString, GammaLine>> BenchController::lineCandidates(int peak) const
{
    std::vector<std::pair<QString, GammaLine>> out;
    const FittedPeak p = m_peakModel->peakAt(peak);
    if (!m_library || p.fwhm <= 0.0)
        return out;
    if (m_peakModel->calibrated()) {
        const double window = std::max({3.0 * p.fwhmKeV, 0.03 * p.energyKeV, 3.0});
        std::vector<std::pair<double, std::pair<QString, GammaLine>>> scored;
        for (const Nuclide &n : m_library->nuclides())
            for (const GammaLine &g : n.ownLines)
                if (g.intensity >= 0.01 && std::abs(g.energyKeV - p.energyKeV) <= window)
                    scored.push_back({std::abs(g.energyKeV - p.energyKeV) / window - std::log10(g.intensity), {n.name, g}});
        std::sort(scored.begin(), scored.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        for (size_t i = 0; i < scored.size() && i < 10; ++i)
            out.push_back(scored[i].second);
    }
    for (const QString &name : m_picker->checkedNuclides())
        if (const Nuclide *n = m_library->find(name))
            for (const GammaLine &g : n->linesIn(0.0, 1e9, 0.01)) {
                if (std::none_of(out.begin(), out.end(), [&](const auto &c) {
                        return c.first == name && std::abs(c.second.energyKeV - g.energyKeV) < 0.01;
                    }))
                    out.push_back({name, g});
            }
    return out;
}

void BenchController::showContextMenu(double channel, const QPoint &globalPos)
{
    if (!std::isfinite(channel) || !currentSpectrum())
        return;
    const QLocale l = benchLocale();
    QMenu menu;
    menu.setObjectName(QStringLiteral("plotContextMenu"));
    const PeakList *list = m_edits->peaks(m_current);
    const FittedPeak *nearest = list ? list->peak(list->nearest(channel, 1e9)) : nullptr;
    const int peak = nearest ? list->nearest(channel, std::max(2.0, 0.75 * nearest->fwhm)) : -1;
    menu.addAction(tr("&Fit Peak Here"), this, [this, channel] { fitPeakAt(channel); });
    if (peak >= 0) {
        const double c = list->peak(peak)->centroid;
        m_peakTable->selectRow(peak);
        QMenu *assign = menu.addMenu(tr("&Assign Line to Peak at %1").arg(energyText(c)));
        assign->setObjectName(QStringLiteral("assignLineMenu"));
        for (const auto &[name, g] : lineCandidates(peak))
            assign->addAction(tr("%1 %2 keV (%3 %)").arg(name, l.toString(g.energyKeV, 'f', 2), l.toString(100.0 * g.intensity, 'g', 3)),
                              this, [this, peak, name, e = g.energyKeV] { assignLine(peak, name, e); });
        if (!assign->isEmpty())
            assign->addSeparator();
        assign->addAction(tr("&Other Energy…"), this, [this, peak] {
            bool ok = false;
            const double e = QInputDialog::getDouble(m_window, tr("Assign Energy"), tr("Line energy (keV):"), 661.657, 0.1,
                                                     20000.0, 3, &ok);
            if (ok)
                assignLine(peak, QString(), e);
        });
        if (list->line(peak).isSet())
            assign->addAction(tr("&Clear Assignment"), this, [this, peak] { assignLine(peak, QString(), 0.0); });
        menu.addAction(tr("&Remove Peak at %1").arg(energyText(c)), this, [this, peak] { removePeak(peak); });
        menu.addAction(tr("ROI over This &Peak"), this, [this, peak] {
            const FittedPeak *p = m_edits->peaks(m_current) ? m_edits->peaks(m_current)->peak(peak) : nullptr;
            if (p)
                addRoi(p->centroid - 1.5 * p->fwhm, p->centroid + 1.5 * p->fwhm);
        });
    }
    if (m_library && currentSpectrum()->calibration.isValid(currentSpectrum()->channelCount())) {
        const Spectrum *s = currentSpectrum();
        const double e = s->calibration.energyAt(channel);
        const double window = std::max(3.0, nearest ? 0.75 * nearest->fwhm * (s->calibration.energyAt(channel + 0.5)
                                                                              - s->calibration.energyAt(channel - 0.5))
                                                    : 0.02 * e);
        QMenu *here = menu.addMenu(tr("&Nuclides with a Line near %1 keV").arg(l.toString(e, 'f', 1)));
        here->setObjectName(QStringLiteral("nuclidesHereMenu"));
        std::vector<std::pair<double, QString>> found;
        for (const Nuclide &n : m_library->nuclides()) {
            double best = 0.0;
            QString text;
            for (const GammaLine &g : n.lines)
                if (g.intensity >= 0.005 && std::abs(g.energyKeV - e) <= window && g.intensity > best) {
                    best = g.intensity;
                    text = tr("%1 — %2 keV (%3 %)").arg(n.name, l.toString(g.energyKeV, 'f', 1), l.toString(100.0 * g.intensity, 'g', 3));
                }
            if (best > 0.0)
                found.push_back({best, text});
        }
        std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
        for (size_t i = 0; i < found.size() && i < 15; ++i) {
            const QString name = found[i].second.section(QStringLiteral(" — "), 0, 0);
            QAction *a = here->addAction(found[i].second);
            a->setCheckable(true);
            a->setChecked(m_picker->checkedNuclides().contains(name));
            connect(a, &QAction::toggled, this, [this, name](bool on) {
                m_picker->setChecked(name, on);
                m_nuclideDock->show();
            });
        }
        if (found.empty())
            here->addAction(tr("(none in the library)"))->setEnabled(false);
    }
    menu.addSeparator();
    menu.addAction(tr("&Calibrate Energy…"), this, &BenchController::openCalibrationDialog);
    menu.addAction(tr("Reset &Zoom"), m_view, &SpectrumView::resetZoom);
    menu.exec(globalPos);
}

void BenchController::exportPeakTable()
{
    const Spectrum *s = currentSpectrum();
    if (!s || m_peakModel->rowCount() == 0) {
        emit message(tr("No peaks to export."), 6000);
        return;
    }
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export Peak Table"),
                                                      QFileInfo(s->sourcePath).completeBaseName() + QStringLiteral("-peaks.csv"),
                                                      tr("CSV tables (*.csv)"));
    if (path.isEmpty())
        return;
    if (Status allowed = OutputGuard(QStringList{s->sourcePath}, true).check(path, OutputKind::table()); !allowed) {
        QMessageBox::warning(m_window, tr("Export Peak Table"), allowed.error().toString());
        return;
    }
    QByteArray bytes;
    QTextStream out(&bytes);
    out << "file,channel,channel_unc,energy_kev,energy_unc_kev,fwhm_kev,fwhm_unc_kev,area,area_unc,significance,"
           "continuum,line_nuclide,line_kev,remark\n";
    const PeakList &list = m_peakModel->peaks();
    for (int i = 0; i < m_peakModel->rowCount(); ++i) {
        const FittedPeak p = m_peakModel->peakAt(i);
        const LineAssignment line = list.line(i);
        QString remark = list.note(i);
        remark.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        out << s->displayName() << ',' << p.centroid << ',' << p.centroidUnc << ',' << p.energyKeV << ',' << p.energyUncKeV
            << ',' << p.fwhmKeV << ',' << p.fwhmUncKeV << ',' << p.area << ',' << p.areaUnc << ',' << p.significance() << ','
            << p.continuumCounts << ',' << line.nuclide << ',' << line.energyKeV << ",\"" << remark << "\"\n";
    }
    out.flush();
    if (Status st = writeFileAtomically(path, bytes, OutputKind::table()); !st)
        QMessageBox::warning(m_window, tr("Export Peak Table"), st.error().toString());
    else
        emit message(tr("Peak table written to %1").arg(path), 8000);
}

void BenchController::exportCalibration()
{
    const Spectrum *s = currentSpectrum();
    if (!s || !m_edits->calibration(m_current)) {
        emit message(tr("This spectrum uses its file's calibration; calibrate it first (Peaks ▸ Calibrate Energy)."), 8000);
        return;
    }
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export Calibration"),
                                                      QFileInfo(s->sourcePath).completeBaseName() + QStringLiteral("-calibration.json"),
                                                      tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    if (Status allowed = OutputGuard(QStringList{s->sourcePath}, true).check(path, OutputKind::other()); !allowed) {
        QMessageBox::warning(m_window, tr("Export Calibration"), allowed.error().toString());
        return;
    }
    QJsonArray coefficients;
    for (double c : s->calibration.coefficients())
        coefficients << c;
    const QJsonObject o{{QStringLiteral("spectrum"), s->sourcePath},
                        {QStringLiteral("row"), s->indexInSource},
                        {QStringLiteral("channels"), s->channelCount()},
                        {QStringLiteral("coefficients_kev"), coefficients},
                        {QStringLiteral("formula"), QStringLiteral("E(ch) = c0 + c1 ch + c2 ch^2 + c3 ch^3, channel i covers [E(i), E(i+1))")}};
    if (Status st = writeFileAtomically(path, QJsonDocument(o).toJson(), OutputKind::other()); !st)
        QMessageBox::warning(m_window, tr("Export Calibration"), st.error().toString());
    else
        emit message(tr("Calibration written to %1").arg(path), 8000);
}

} // namespace photopeak::ui
