// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "live/LiveControls.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace photopeak::ui {

LiveControls::LiveControls(QWidget *parent) : QWidget(parent)
{
    auto *alarm = new QGroupBox(tr("Alarm"), this);
    auto *form = new QFormLayout(alarm);
    m_sigma = new QDoubleSpinBox(alarm);
    m_sigma->setRange(0.5, 100.0);
    m_sigma->setSingleStep(0.5);
    m_sigma->setDecimals(1);
    m_sigma->setSuffix(tr(" σ"));
    m_sigma->setToolTip(tr("Gross-count excess over the rolling background that makes an interval alarming"));
    form->addRow(tr("Threshold"), m_sigma);
    m_raiseAfter = new QSpinBox(alarm);
    m_raiseAfter->setRange(1, 100);
    m_raiseAfter->setToolTip(tr("Consecutive alarming intervals before the alarm is raised"));
    form->addRow(tr("Raise after"), m_raiseAfter);
    m_clearAfter = new QSpinBox(alarm);
    m_clearAfter->setRange(1, 100);
    m_clearAfter->setToolTip(tr("Consecutive quiet intervals before the alarm is cleared"));
    form->addRow(tr("Clear after"), m_clearAfter);
    m_probability = new QDoubleSpinBox(alarm);
    m_probability->setRange(0.0, 1.0);
    m_probability->setSingleStep(0.05);
    m_probability->setToolTip(tr("An isotope is named in an alarm at or above this probability"));
    form->addRow(tr("Name isotopes at p ≥"), m_probability);
    m_modelAlarms = new QCheckBox(tr("Model decisions alarm too"), alarm);
    m_modelAlarms->setToolTip(tr("An interval the model calls a source with a named isotope is alarming as well"));
    form->addRow(m_modelAlarms);

    auto *sums = new QGroupBox(tr("Weak sources and background"), this);
    auto *form2 = new QFormLayout(sums);
    m_sum = new QSpinBox(sums);
    m_sum->setRange(0, 1000);
    m_sum->setSpecialValueText(tr("off"));
    m_sum->setToolTip(tr("Also test the sum of the last N intervals"));
    form2->addRow(tr("Sliding sum of"), m_sum);
    m_cumulative = new QCheckBox(tr("Cumulative sum since the start"), sums);
    form2->addRow(m_cumulative);
    m_background = new QSpinBox(sums);
    m_background->setRange(2, 10000);
    m_background->setSuffix(tr(" intervals"));
    m_background->setToolTip(tr("The rolling background is the mean of the last N source-free intervals"));
    form2->addRow(tr("Background of"), m_background);
    m_reset = new QPushButton(tr("Learn Background Again"), sums);
    form2->addRow(m_reset);

    m_export = new QPushButton(tr("Export Alarm Log…"), this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(alarm);
    layout->addWidget(sums);
    layout->addWidget(m_export);
    layout->addStretch(1);

    setOptions(LiveAnalysis::Options());
    for (auto *w : {m_sigma, m_probability})
        connect(w, &QDoubleSpinBox::valueChanged, this, &LiveControls::changed);
    for (auto *w : {m_raiseAfter, m_clearAfter, m_sum, m_background})
        connect(w, &QSpinBox::valueChanged, this, &LiveControls::changed);
    for (auto *w : {m_cumulative, m_modelAlarms})
        connect(w, &QCheckBox::toggled, this, &LiveControls::changed);
    connect(m_reset, &QPushButton::clicked, this, &LiveControls::resetBackgroundRequested);
    connect(m_export, &QPushButton::clicked, this, &LiveControls::exportLogRequested);
}

LiveAnalysis::Options LiveControls::options() const
{
    LiveAnalysis::Options o;
    o.alarm.sigma = m_sigma->value();
    o.alarm.raiseAfter = m_raiseAfter->value();
    o.alarm.clearAfter = m_clearAfter->value();
    o.alarm.isotopeProbability = m_probability->value();
    o.alarm.modelAlarms = m_modelAlarms->isChecked();
    o.slidingIntervals = m_sum->value();
    o.cumulative = m_cumulative->isChecked();
    o.backgroundIntervals = m_background->value();
    o.minBackgroundIntervals = std::min(o.minBackgroundIntervals, o.backgroundIntervals);
    return o;
}

void LiveControls::setOptions(const LiveAnalysis::Options &o)
{
    const QSignalBlocker b1(m_sigma), b2(m_raiseAfter), b3(m_clearAfter), b4(m_probability), b5(m_modelAlarms), b6(m_sum),
        b7(m_cumulative), b8(m_background);
    m_sigma->setValue(o.alarm.sigma);
    m_raiseAfter->setValue(o.alarm.raiseAfter);
    m_clearAfter->setValue(o.alarm.clearAfter);
    m_probability->setValue(o.alarm.isotopeProbability);
    m_modelAlarms->setChecked(o.alarm.modelAlarms);
    m_sum->setValue(o.slidingIntervals);
    m_cumulative->setChecked(o.cumulative);
    m_background->setValue(o.backgroundIntervals);
}

} // namespace photopeak::ui
