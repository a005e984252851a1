// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "bench/CalibrationDialog.h"

#include "bench/BenchLocale.h"
#include "plot/SpectrumPlotter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace photopeak::ui {

namespace {
enum Column { Use, Channel, Line, Residual, ColumnCount };
}

CalibrationDialog::CalibrationDialog(const PeakList &peaks, int channelCount, const EnergyCalibration &current,
                                     int selectionSize, QWidget *parent)
    : QDialog(parent)
    , m_channels(channelCount)
    , m_current(current)
    , m_table(new QTableWidget(this))
    , m_degree(new QComboBox(this))
    , m_preview(new QCheckBox(tr("&Preview on the spectrum"), this))
    , m_residuals(new QCustomPlot(this))
    , m_result(new QLabel(this))
    , m_thisSpectrum(new QRadioButton(tr("&This spectrum"), this))
    , m_selection(new QRadioButton(tr("All &selected spectra (%1)").arg(selectionSize), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("calibrationDialog"));
    setWindowTitle(tr("Energy Calibration"));
    for (int i = 0; i < peaks.count(); ++i)
        if (const LineAssignment line = peaks.line(i); line.isSet()) {
            const FittedPeak *p = peaks.peak(i);
            m_points.push_back({p->centroid, p->centroidUnc, line.energyKeV,
                                line.nuclide.isEmpty() ? QString() : line.nuclide + QLatin1Char(' ')
                                                                        + QString::number(line.energyKeV, 'f', 2)});
        }
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Peaks assigned to a line (right-click a peak ▸ Assign Line). The fit replaces the "
                                "calibration in the window only; the file is not changed."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    const QLocale l = benchLocale();
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels({tr("Use"), tr("Channel"), tr("Line (keV)"), tr("Residual (keV)")});
    m_table->setRowCount(static_cast<int>(m_points.size()));
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int r = 0; r < static_cast<int>(m_points.size()); ++r) {
        const CalibrationPoint &p = m_points[static_cast<size_t>(r)];
        auto *use = new QTableWidgetItem;
        use->setCheckState(Qt::Checked);
        m_table->setItem(r, Use, use);
        m_table->setItem(r, Channel, new QTableWidgetItem(QStringLiteral("%1 ± %2").arg(l.toString(p.channel, 'f', 2),
                                                                                         l.toString(p.channelUnc, 'f', 2))));
        m_table->setItem(r, Line, new QTableWidgetItem(p.label.isEmpty() ? l.toString(p.energyKeV, 'f', 2) : p.label));
        m_table->setItem(r, Residual, new QTableWidgetItem);
        for (int c = Channel; c < ColumnCount; ++c)
            m_table->item(r, c)->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    }
    layout->addWidget(m_table, 1);

    auto *form = new QFormLayout;
    m_degree->addItem(tr("Linear"), 1);
    m_degree->addItem(tr("Quadratic (3 lines or more)"), 2);
    form->addRow(tr("&Degree:"), m_degree);
    layout->addLayout(form);

    SpectrumPlotter::setupPlot(m_residuals);
    m_residuals->setMinimumHeight(160);
    m_residuals->xAxis->setLabel(tr("Energy (keV)"));
    m_residuals->yAxis->setLabel(tr("Residual (keV)"));
    layout->addWidget(m_residuals, 1);
    m_result->setWordWrap(true);
    m_result->setObjectName(QStringLiteral("calibrationResult"));
    layout->addWidget(m_result);
    layout->addWidget(m_preview);
    m_thisSpectrum->setChecked(true);
    m_selection->setEnabled(selectionSize > 1);
    layout->addWidget(m_thisSpectrum);
    layout->addWidget(m_selection);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Apply"));

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_degree, &QComboBox::currentIndexChanged, this, &CalibrationDialog::refit);
    connect(m_table, &QTableWidget::itemChanged, this, &CalibrationDialog::refit);
    connect(m_preview, &QCheckBox::toggled, this, [this](bool on) {
        emit previewChanged(on && m_fit ? std::optional(m_fit->calibration) : std::nullopt);
    });
    connect(this, &QDialog::finished, this, [this] { emit previewChanged(std::nullopt); });
    resize(560, 620);
    refit();
}

bool CalibrationDialog::applyToSelection() const { return m_selection->isChecked(); }

void CalibrationDialog::refit()
{
    std::vector<CalibrationPoint> used;
    std::vector<int> rows;
    for (int r = 0; r < static_cast<int>(m_points.size()); ++r)
        if (m_table->item(r, Use)->checkState() == Qt::Checked) {
            used.push_back(m_points[static_cast<size_t>(r)]);
            rows.push_back(r);
        }
    m_fit.reset();
    m_residuals->clearGraphs();
    const QSignalBlocker block(m_table);
    for (int r = 0; r < m_table->rowCount(); ++r)
        m_table->item(r, Residual)->setText(QString());
    const QLocale l = benchLocale();
    if (used.size() < 2) {
        m_result->setText(tr("Assign lines to at least two peaks (right-click a peak in the plot or the peak "
                             "table ▸ Assign Line)."));
    } else if (auto fit = EnergyCalibrator::fitPoints(used, m_degree->currentData().toInt(), m_channels); !fit) {
        m_result->setText(tr("No calibration: %1").arg(fit.error().message));
    } else {
        m_fit = *fit;
        QVector<double> x, y;
        for (size_t i = 0; i < m_fit->points.size(); ++i) {
            const CalibrationPoint &p = m_fit->points[i];
            m_table->item(rows[i], Residual)->setText(l.toString(p.residualKeV, 'f', 3));
            x << p.energyKeV;
            y << p.residualKeV;
        }
        QCPGraph *g = m_residuals->addGraph();
        g->setData(x, y);
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 7));
        g->setPen(QPen(SpectrumPlotter::colorFor(0)));
        m_residuals->rescaleAxes();
        const double span = std::max(0.5, 1.3 * std::max(std::abs(m_residuals->yAxis->range().lower),
                                                          std::abs(m_residuals->yAxis->range().upper)));
        m_residuals->yAxis->setRange(-span, span);
        m_residuals->xAxis->scaleRange(1.2);
        const auto &c = m_fit->calibration.coefficients();
        m_result->setText(tr("E(ch) = %1 + %2·ch + %3·ch² keV; rms residual %4 keV; 662 keV now at channel %5 "
                             "(was %6).")
                              .arg(l.toString(c[0], 'g', 6), l.toString(c[1], 'g', 6), l.toString(c[2], 'g', 4),
                                   l.toString(m_fit->rmsKeV, 'f', 3),
                                   l.toString(m_fit->calibration.channelAt(661.657, m_channels), 'f', 1),
                                   m_current.isValid(m_channels)
                                       ? l.toString(m_current.channelAt(661.657, m_channels), 'f', 1)
                                       : tr("uncalibrated")));
    }
    m_residuals->replot();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_fit.has_value());
    if (m_preview->isChecked())
        emit previewChanged(m_fit ? std::optional(m_fit->calibration) : std::nullopt);
}

} // namespace photopeak::ui
