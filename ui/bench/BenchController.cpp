// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "bench/BenchController.h"

#include "bench/BenchLocale.h"
#include "analysis/SpectrumAnalysis.h"
#include "bench/CalibrationDialog.h"
#include "bench/NuclidePicker.h"
#include "bench/PeakTableModel.h"
#include "bench/RoiTableModel.h"
#include "jobs/JobRunner.h"
#include "peaks/ManualPeakFit.h"
#include "peaks/NuclideLibrary.h"
#include "peaks/PeakAnalyzer.h"
#include "peaks/PeakFit.h"
#include "plot/SpectrumView.h"
#include "undo/FunctionCommand.h"

#include <QAction>
#include <QDockWidget>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLocale>
#include <QMainWindow>
#include <QStatusBar>
#include <QTableView>
#include <QUndoStack>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace photopeak::ui {

namespace {
// The automatic list: PeakAnalyzer's regions, each peak with a remark when its shape is no photopeak's.
PeakList automaticList(const PeakAnalysis &analysis)
{
    PeakList list;
    const ManualPeakFit shape(analysis.peaks);
    for (const PeakRegion &r : analysis.regions) {
        if (r.peaks.empty())
            continue;
        PeakList::Row row;
        row.region = r;
        row.lines.resize(r.peaks.size());
        for (const FittedPeak &p : r.peaks)
            row.notes.push_back(shape.shapeProblem(p, r));
        list.rows.push_back(std::move(row));
    }
    std::sort(list.rows.begin(), list.rows.end(),
              [](const auto &a, const auto &b) { return a.region.peaks.front().centroid < b.region.peaks.front().centroid; });
    list.automatic = true;
    return list;
}

QTableView *makeTable(QAbstractItemModel *model, const QString &name)
{
    auto *table = new QTableView;
    table->setObjectName(name);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->verticalHeader()->setVisible(false);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setAlternatingRowColors(true);
    table->setContextMenuPolicy(Qt::CustomContextMenu);
    return table;
}
} // namespace

BenchController::BenchController(SpectrumView *view, QUndoStack *undo, QAction *peaksToggle, QMainWindow *window)
    : QObject(window)
    , m_view(view)
    , m_undo(undo)
    , m_peaksToggle(peaksToggle)
    , m_window(window)
    , m_edits(new SpectrumEdits(this))
    , m_runner(new JobRunner(this))
    , m_peakModel(new PeakTableModel(this))
    , m_roiModel(new RoiTableModel(this))
{
    createDocks(window);
    createMenu();
    connect(m_edits, &SpectrumEdits::changed, this, [this](int entry) {
        if (entry == m_current)
            refresh();
    });
    connect(m_edits, &SpectrumEdits::calibrationChanged, this, [this](int entry) {
        if (auto it = m_display.find(entry); it != m_display.end()) {
            m_retired.push_back(it->second);
            m_display.erase(it);
        }
        emit displayChanged();
    });
    connect(m_edits, &SpectrumEdits::cleared, this, [this] {
        for (auto &[entry, copy] : m_display)
            m_retired.push_back(copy);
        m_display.clear();
        if (m_current >= 0) {  // a restored session; opening data plots its own selection
            emit displayChanged();
            requestAutomaticPeaks();
            refresh();
        }
    });
    connect(m_view, &SpectrumView::peakFitRequested, this, &BenchController::fitPeakAt);
    connect(m_view, &SpectrumView::regionFitRequested, this, &BenchController::fitRegion);
    connect(m_view, &SpectrumView::peakRemovalRequested, this, &BenchController::removePeaksIn);
    connect(m_view, &SpectrumView::roiRequested, this, &BenchController::addRoi);
    connect(m_view, &SpectrumView::roiPreviewRequested, this, &BenchController::onRoiPreview);
    connect(m_view, &SpectrumView::contextMenuRequested, this, &BenchController::showContextMenu);
    connect(m_view, &SpectrumView::deleteRequested, this, [this] {
        const int selected = selectedPeak();
        const PeakList *list = m_edits->peaks(m_current);
        const int index = selected >= 0 ? selected : (list && m_lastClicked >= 0 ? list->nearest(m_lastClicked, 3.0) : -1);
        if (index >= 0)
            removePeak(index);
    });
    connect(m_view, &SpectrumView::channelClicked, this, [this](double channel) {
        m_lastClicked = channel;
        const PeakList *list = m_edits->peaks(m_current);
        if (!list)
            return;
        const FittedPeak *near = list->peak(list->nearest(channel, 1e9));
        const int index = near ? list->nearest(channel, 0.75 * near->fwhm) : -1;
        if (index >= 0)
            m_peakTable->selectRow(index);
        else
            m_peakTable->clearSelection();
    });
    connect(this, &BenchController::message, this, [this](const QString &text, int timeout) {
        m_window->statusBar()->showMessage(text, timeout);
    });
}

BenchController::~BenchController() = default;

bool BenchController::fitting() const { return m_fittingEntry >= 0 && m_fittingEntry == m_current && m_runner->isBusy(); }

void BenchController::createDocks(QMainWindow *window)
{
    m_peakTable = makeTable(m_peakModel, QStringLiteral("peakTable"));
    m_peakDock = new QDockWidget(tr("Peaks"), window);
    m_peakDock->setObjectName(QStringLiteral("peakDock"));
    m_peakDock->setWidget(m_peakTable);
    connect(m_peakTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] { refresh(); });
    connect(m_peakTable, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const PeakRegion *r = m_peakModel->peaks().regionOf(index.row());
        if (!r)
            return;
        const double a = m_view->keyForChannel(r->low - 0.5 * (r->high - r->low));
        const double b = m_view->keyForChannel(r->high + 0.5 * (r->high - r->low));
        if (std::isfinite(a) && std::isfinite(b)) {
            m_view->plot()->xAxis->setRange(a, b);
            m_view->plot()->replot();
        }
    });
    connect(m_peakTable, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_peakTable->indexAt(pos);
        if (const FittedPeak *p = m_peakModel->peaks().peak(index.row()))
            showContextMenu(p->centroid, m_peakTable->viewport()->mapToGlobal(pos));
    });

    m_roiTable = makeTable(m_roiModel, QStringLiteral("roiTable"));
    m_roiDock = new QDockWidget(tr("ROIs"), window);
    m_roiDock->setObjectName(QStringLiteral("roiDock"));
    m_roiDock->setWidget(m_roiTable);
    connect(m_roiTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] { refresh(); });

    m_picker = new NuclidePicker;
    m_nuclideDock = new QDockWidget(tr("Reference Nuclides"), window);
    m_nuclideDock->setObjectName(QStringLiteral("nuclideDock"));
    m_nuclideDock->setWidget(m_picker);
    connect(m_picker, &NuclidePicker::referencesChanged, this, &BenchController::refresh);

    for (QDockWidget *d : {m_peakDock, m_roiDock, m_nuclideDock})
        d->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_peakDock);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_roiDock);
    window->tabifyDockWidget(m_peakDock, m_roiDock);
    window->addDockWidget(Qt::RightDockWidgetArea, m_nuclideDock);
    m_nuclideDock->hide();
    m_peakDock->raise();
    window->resizeDocks({m_peakDock}, {760}, Qt::Horizontal);
    m_peakTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_roiTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
}

void BenchController::setDataset(std::shared_ptr<const SpectrumDataset> dataset, std::shared_ptr<const NuclideLibrary> library)
{
    m_runner->cancel();
    m_fittingEntry = -1;
    m_dataset = std::move(dataset);
    if (library != m_library) {
        m_library = std::move(library);
        m_picker->setLibrary(m_library);
    }
    m_current = -1;
    m_selection.clear();
    m_preview.reset();
    m_edits->clear();
}

void BenchController::setAnalysisSource(std::function<const SpectrumAnalysis *(int)> source) { m_analysisOf = std::move(source); }

const Spectrum *BenchController::displaySpectrum(int entry) const
{
    if (!m_dataset || entry < 0 || entry >= m_dataset->size())
        return nullptr;
    const Spectrum &original = m_dataset->entries()[static_cast<size_t>(entry)].spectrum;
    std::optional<EnergyCalibration> cal = entry == m_current && m_preview ? m_preview : m_edits->calibration(entry);
    if (!cal)
        return &original;
    auto &copy = m_display[entry];
    if (!copy || !(copy->calibration == *cal)) {
        if (copy)
            m_retired.push_back(copy);
        copy = std::make_shared<Spectrum>(original);
        copy->calibration = *cal;
        copy->problems.remove(SpectrumProblem::MissingCalibration);
        copy->problems.remove(SpectrumProblem::InvalidCalibration);
    }
    return copy.get();
}

void BenchController::setCurrent(int entry, const QList<int> &selection)
{
    m_selection = selection;
    if (entry != m_current) {
        m_current = entry;
        m_lastClicked = -1.0;
        m_peakTable->clearSelection();
        m_roiTable->clearSelection();
        if (m_preview) {
            m_preview.reset();
            emit displayChanged();
        }
    }
    requestAutomaticPeaks();
    refresh();
}

void BenchController::requestAutomaticPeaks()
{
    const Spectrum *s = displaySpectrum(m_current);
    if (!s || m_edits->peaks(m_current) || m_fittingEntry == m_current)
        return;
    const DatasetEntry &entry = m_dataset->entries()[static_cast<size_t>(m_current)];
    if (!entry.isReadable() || entry.spectrum.channelCount() < 16)
        return;
    if (m_analysisOf)
        if (const SpectrumAnalysis *a = m_analysisOf(m_current); a && a->peaks) {
            m_edits->setPeaks(m_current, automaticList(*a->peaks));
            return;
        }
    // The spectrum as read (its own calibration sets the search range), as the analysis and the CLI fit it.
    m_fittingEntry = m_current;
    const int index = m_current;
    std::shared_ptr<const SpectrumDataset> owner = m_dataset;
    m_runner->start([owner, index](const JobControl *) { return PeakAnalyzer().run(owner->entries()[static_cast<size_t>(index)].spectrum); },
                    [this, owner, index](PeakAnalysis &&analysis) {
                        m_fittingEntry = -1;
                        if (owner != m_dataset || m_edits->peaks(index))
                            return;
                        m_edits->setPeaks(index, automaticList(analysis));
                        if (index != m_current)
                            requestAutomaticPeaks();
                    });
}

int BenchController::selectedPeak() const
{
    const QModelIndexList rows = m_peakTable->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

QString BenchController::energyText(double channel) const
{
    const Spectrum *s = currentSpectrum();
    const QLocale l = benchLocale();
    if (s && s->calibration.isValid(s->channelCount()))
        return tr("%1 keV").arg(l.toString(s->calibration.energyAt(channel), 'f', 1));
    return tr("channel %1").arg(l.toString(channel, 'f', 1));
}

void BenchController::refresh()
{
    const Spectrum *s = currentSpectrum();
    const PeakList *list = m_edits->peaks(m_current);
    const int selected = selectedPeak();
    const int n = s ? s->channelCount() : 0;
    {
        const QSignalBlocker block(m_peakTable->selectionModel());
        m_peakModel->setPeaks(list ? *list : PeakList(), s ? s->calibration : EnergyCalibration(), n);
        if (selected >= 0 && selected < m_peakModel->rowCount())
            m_peakTable->selectRow(selected);
    }
    m_peakDock->setWindowTitle(fitting() ? tr("Peaks (fitting…)") : tr("Peaks (%1)").arg(list ? list->count() : 0));

    const int selectedRoi = m_roiTable->selectionModel()->selectedRows().value(0).row();
    std::vector<RoiIntegral> integrals;
    if (s)
        for (const RoiRange &r : m_edits->rois(m_current))
            integrals.push_back(RoiIntegral::compute(*s, r.low, r.high));
    {
        const QSignalBlocker block(m_roiTable->selectionModel());
        m_roiModel->setRois(s, integrals);
        if (selectedRoi >= 0 && selectedRoi < m_roiModel->rowCount())
            m_roiTable->selectRow(selectedRoi);
    }
    m_roiDock->setWindowTitle(tr("ROIs (%1)").arg(integrals.size()));

    InteractiveOverlay overlay;
    overlay.regions = list ? list->regions() : std::vector<PeakRegion>{};
    overlay.selectedPeak = selectedPeak();
    overlay.rois = integrals;
    overlay.selectedRoi = m_roiTable->selectionModel()->selectedRows().value(0, QModelIndex()).row();
    if (m_library) {
        const QStringList names = m_picker->checkedNuclides();
        for (int i = 0; i < names.size(); ++i)
            if (const Nuclide *nuclide = m_library->find(names[i]))
                overlay.references.push_back({*nuclide, InteractiveOverlay::referenceColor(i)});
    }
    overlay.escapeAndSumLines = m_picker->escapeAndSumLines();
    m_view->setOverlay(overlay);
}

void BenchController::showPeaks()
{
    if (m_peaksToggle && !m_peaksToggle->isChecked())
        m_peaksToggle->setChecked(true);  // a peak fitted by hand is meant to be seen
    m_peakDock->show();
    m_peakDock->raise();
}

void BenchController::pushPeaks(int entry, PeakList after, const QString &text)
{
    const PeakList *now = m_edits->peaks(entry);
    std::optional<PeakList> before = now ? std::optional(*now) : std::nullopt;
    m_undo->push(new FunctionCommand(
        text, [this, entry, after = std::move(after)] { m_edits->setPeaks(entry, after); },
        [this, entry, before = std::move(before)] { m_edits->setPeaks(entry, before); }));
}

void BenchController::pushRois(int entry, std::vector<RoiRange> after, const QString &text)
{
    std::vector<RoiRange> before = m_edits->rois(entry);
    m_undo->push(new FunctionCommand(
        text, [this, entry, after = std::move(after)] { m_edits->setRois(entry, after); },
        [this, entry, before = std::move(before)] { m_edits->setRois(entry, before); }));
}

bool BenchController::fitPeakAt(double channel)
{
    const Spectrum *s = currentSpectrum();
    if (!s)
        return false;
    PeakList list = m_edits->peaks(m_current) ? *m_edits->peaks(m_current) : PeakList();
    const ManualPeakFit fit(list.peaks());
    auto region = fit.fitAt(s->counts, channel);
    if (!region) {
        emit message(tr("No peak fitted at %1: %2").arg(energyText(channel), region.error().message), 10000);
        return false;
    }
    const FittedPeak peak = region->peaks.front();
    list.addRegion(std::move(*region));
    pushPeaks(m_current, std::move(list), tr("Fit peak at %1").arg(energyText(peak.centroid)));
    showPeaks();
    if (const PeakList *now = m_edits->peaks(m_current))
        m_peakTable->selectRow(now->indexOfCentroid(peak.centroid));
    emit message(tr("Peak at %1: net area %2 ± %3").arg(energyText(peak.centroid), benchLocale().toString(peak.area, 'f', 0),
                                                       benchLocale().toString(peak.areaUnc, 'f', 0)), 10000);
    return true;
}

bool BenchController::fitRegion(double lowChannel, double highChannel)
{
    const Spectrum *s = currentSpectrum();
    if (!s)
        return false;
    PeakList list = m_edits->peaks(m_current) ? *m_edits->peaks(m_current) : PeakList();
    const ManualPeakFit fit(list.peaks());
    auto region = fit.fitRange(s->counts, static_cast<int>(std::floor(lowChannel)), static_cast<int>(std::ceil(highChannel)));
    if (!region) {
        emit message(tr("No peaks fitted in %1 – %2: %3").arg(energyText(lowChannel), energyText(highChannel),
                                                             region.error().message), 10000);
        return false;
    }
    const int count = static_cast<int>(region->peaks.size());
    list.addRegion(std::move(*region));
    pushPeaks(m_current, std::move(list), tr("Fit %n peak(s) in %1 – %2", nullptr, count)
                                              .arg(energyText(lowChannel), energyText(highChannel)));
    showPeaks();
    return true;
}

int BenchController::removePeaksIn(double lowChannel, double highChannel)
{
    const PeakList *now = m_edits->peaks(m_current);
    if (!now)
        return 0;
    PeakList list = *now;
    int removed = 0;
    for (int i = list.count() - 1; i >= 0; --i)
        if (const FittedPeak *p = list.peak(i); p->centroid >= lowChannel && p->centroid <= highChannel) {
            list.removePeak(i);
            ++removed;
        }
    if (removed == 0) {
        emit message(tr("No peak between %1 and %2").arg(energyText(lowChannel), energyText(highChannel)), 6000);
        return 0;
    }
    pushPeaks(m_current, std::move(list), tr("Remove %n peak(s)", nullptr, removed));
    return removed;
}

bool BenchController::removePeak(int index)
{
    const PeakList *now = m_edits->peaks(m_current);
    if (!now || !now->peak(index))
        return false;
    const double c = now->peak(index)->centroid;
    PeakList list = *now;
    list.removePeak(index);
    pushPeaks(m_current, std::move(list), tr("Remove peak at %1").arg(energyText(c)));
    return true;
}

bool BenchController::restoreAutomaticPeaks()
{
    if (m_current < 0 || !m_edits->peaks(m_current) || m_edits->peaks(m_current)->automatic)
        return false;
    const std::optional<PeakList> before = *m_edits->peaks(m_current);
    const int entry = m_current;
    // Forgetting the edited list makes the automatic fit run again; undo brings the edits back.
    m_undo->push(new FunctionCommand(
        tr("Restore automatic peaks"),
        [this, entry] {
            m_edits->setPeaks(entry, std::nullopt);
            if (entry == m_current)
                requestAutomaticPeaks();
        },
        [this, entry, before] { m_edits->setPeaks(entry, before); }));
    return true;
}

bool BenchController::addRoi(double lowChannel, double highChannel)
{
    const Spectrum *s = currentSpectrum();
    if (!s)
        return false;
    const RoiRange roi{static_cast<int>(std::floor(lowChannel)), static_cast<int>(std::ceil(highChannel))};
    if (roi.high - roi.low < 1)
        return false;
    std::vector<RoiRange> rois = m_edits->rois(m_current);
    rois.push_back(roi);
    pushRois(m_current, std::move(rois), tr("Add ROI %1 – %2").arg(energyText(roi.low), energyText(roi.high)));
    m_roiDock->show();
    m_roiDock->raise();
    m_roiTable->selectRow(m_roiModel->rowCount() - 1);
    emit message(RoiTableModel::summary(*s, RoiIntegral::compute(*s, roi.low, roi.high)), 15000);
    return true;
}

bool BenchController::removeRoi(int index)
{
    std::vector<RoiRange> rois = m_edits->rois(m_current);
    if (index < 0 || index >= static_cast<int>(rois.size()))
        return false;
    rois.erase(rois.begin() + index);
    pushRois(m_current, std::move(rois), tr("Remove ROI"));
    return true;
}

void BenchController::onRoiPreview(double lowChannel, double highChannel)
{
    if (const Spectrum *s = currentSpectrum())
        m_window->statusBar()->showMessage(
            RoiTableModel::summary(*s, RoiIntegral::compute(*s, static_cast<int>(std::floor(lowChannel)),
                                                            static_cast<int>(std::ceil(highChannel)))));
}

bool BenchController::assignLine(int peak, const QString &nuclide, double energyKeV)
{
    const PeakList *now = m_edits->peaks(m_current);
    if (!now || !now->peak(peak))
        return false;
    PeakList list = *now;
    list.setLine(peak, {nuclide, energyKeV});
    const QString what = nuclide.isEmpty() ? tr("%1 keV").arg(benchLocale().toString(energyKeV, 'f', 2))
                                           : tr("%1 %2 keV").arg(nuclide, benchLocale().toString(energyKeV, 'f', 2));
    pushPeaks(m_current, std::move(list), energyKeV > 0.0 ? tr("Assign %1").arg(what) : tr("Clear line assignment"));
    return true;
}

bool BenchController::applyCalibration(const QList<int> &entries, const std::optional<EnergyCalibration> &calibration)
{
    std::vector<std::pair<int, std::optional<EnergyCalibration>>> before;
    for (int e : entries)
        before.emplace_back(e, m_edits->calibration(e));
    if (before.empty())
        return false;
    m_preview.reset();
    const QString text = calibration ? tr("Energy calibration of %n spectra", nullptr, static_cast<int>(entries.size()))
                                     : tr("Restore the file's calibration of %n spectra", nullptr, static_cast<int>(entries.size()));
    m_undo->push(new FunctionCommand(
        text,
        [this, entries, calibration] {
            for (int e : entries)
                m_edits->setCalibration(e, calibration);
        },
        [this, before] {
            for (const auto &[e, c] : before)
                m_edits->setCalibration(e, c);
        }));
    return true;
}

void BenchController::openCalibrationDialog()
{
    const Spectrum *s = currentSpectrum();
    const PeakList *list = m_edits->peaks(m_current);
    if (!s || !list) {
        emit message(tr("Select a spectrum with fitted peaks first."), 8000);
        return;
    }
    CalibrationDialog dialog(*list, s->channelCount(), s->calibration, static_cast<int>(m_selection.size()), m_window);
    connect(&dialog, &CalibrationDialog::previewChanged, this, [this](const std::optional<EnergyCalibration> &c) {
        m_preview = c;
        emit displayChanged();
    });
    const bool accepted = dialog.exec() == QDialog::Accepted;
    m_preview.reset();
    emit displayChanged();
    if (accepted && dialog.fit())
        applyCalibration(dialog.applyToSelection() ? m_selection : QList<int>{m_current}, dialog.fit()->calibration);
}

} // namespace photopeak::ui
