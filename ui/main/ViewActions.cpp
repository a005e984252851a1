// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "main/ViewActions.h"

#include "app/Settings.h"

#include <QAction>
#include <QActionGroup>
#include <QIcon>
#include <QMenu>

namespace photopeak::ui {

ViewActions::ViewActions(Settings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_log(new QAction(QIcon(QStringLiteral(":/icons/log-scale.svg")), tr("&Logarithmic Y Axis"), this))
    , m_counts(new QAction(tr("C&ounts"), this))
    , m_rate(new QAction(tr("Count &Rate"), this))
    , m_energy(new QAction(tr("&Energy Axis (keV)"), this))
    , m_channel(new QAction(tr("C&hannel Axis"), this))
    , m_reset(new QAction(QIcon(QStringLiteral(":/icons/zoom-reset.svg")), tr("Reset &Zoom"), this))
{
    m_log->setCheckable(true);
    m_log->setChecked(settings.logScale());
    m_log->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_log->setIconText(tr("Log"));
    m_log->setToolTip(tr("Logarithmic or linear y axis (Ctrl+L)"));

    auto *yGroup = new QActionGroup(this);
    for (QAction *a : {m_counts, m_rate}) {
        a->setCheckable(true);
        yGroup->addAction(a);
    }
    m_counts->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    m_rate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    m_counts->setIconText(tr("Counts"));
    m_rate->setIconText(tr("Rate"));
    m_counts->setToolTip(tr("Counts per channel (Ctrl+1)"));
    m_rate->setToolTip(tr("Counts per second of live time (Ctrl+2); needs a live time"));
    (settings.countRate() ? m_rate : m_counts)->setChecked(true);

    auto *xGroup = new QActionGroup(this);
    for (QAction *a : {m_energy, m_channel}) {
        a->setCheckable(true);
        xGroup->addAction(a);
    }
    m_energy->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_channel->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_energy->setIconText(tr("keV"));
    m_channel->setIconText(tr("Channel"));
    m_energy->setToolTip(tr("Energy on the x axis (Ctrl+E)"));
    m_channel->setToolTip(tr("Channel number on the x axis (Ctrl+Shift+E)"));
    (settings.energyAxis() ? m_energy : m_channel)->setChecked(true);

    m_reset->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_0), QKeySequence(Qt::Key_Home)});
    m_reset->setIconText(tr("Full Range"));
    m_reset->setToolTip(tr("Show the whole spectrum (Ctrl+0, Home, or double-click the plot)"));

    for (QAction *a : {m_log, m_counts, m_rate, m_energy, m_channel})
        connect(a, &QAction::triggered, this, &ViewActions::onChanged);
    connect(m_reset, &QAction::triggered, this, &ViewActions::resetZoomRequested);
}

PlotOptions ViewActions::options() const
{
    PlotOptions o;
    o.logScale = m_log->isChecked();
    o.countRate = m_rate->isChecked();
    o.energyAxis = m_energy->isChecked();
    return o;
}

void ViewActions::fillMenu(QMenu *menu) const
{
    menu->addAction(m_log);
    menu->addSeparator();
    menu->addAction(m_counts);
    menu->addAction(m_rate);
    menu->addSeparator();
    menu->addAction(m_energy);
    menu->addAction(m_channel);
    menu->addSeparator();
    menu->addAction(m_reset);
}

QList<QAction *> ViewActions::toolBarActions() const
{
    return {m_log, nullptr, m_counts, m_rate, nullptr, m_energy, m_channel, nullptr, m_reset};
}

void ViewActions::setCountRateAvailable(bool available) { m_rate->setEnabled(available); }

void ViewActions::onChanged()
{
    const PlotOptions o = options();
    m_settings.setLogScale(o.logScale);
    m_settings.setCountRate(o.countRate);
    m_settings.setEnergyAxis(o.energyAxis);
    emit optionsChanged(o);
}

} // namespace photopeak::ui
