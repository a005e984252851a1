// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "data/SpectrumInfoPanel.h"
#include "data/ProblemText.h"

#include "data/DatasetModel.h"
#include "library/DatasetEntry.h"
#include "plot/SpectrumAnnotations.h"

#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <cmath>

namespace photopeak::ui {

SpectrumInfoPanel::SpectrumInfoPanel(QWidget *parent)
    : QWidget(parent), m_form(new QFormLayout), m_formWidget(new QWidget(this)), m_header(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_header->font();
    bold.setBold(true);
    m_header->setFont(bold);
    layout->addWidget(m_header);
    m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setHorizontalSpacing(10);
    m_form->setVerticalSpacing(3);
    m_formWidget->setLayout(m_form);
    m_form->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_formWidget);
    layout->addStretch(1);

    addField(QStringLiteral("folder"), tr("Folder"));
    addField(QStringLiteral("labels"), tr("Labels"));
    addField(QStringLiteral("channels"), tr("Channels"));
    addField(QStringLiteral("live"), tr("Live time"));
    addField(QStringLiteral("real"), tr("Real time"));
    addField(QStringLiteral("distance"), tr("Distance"));
    addField(QStringLiteral("calibration"), tr("Calibration"));
    addField(QStringLiteral("start"), tr("Start"));
    addField(QStringLiteral("detector"), tr("Detector"));
    addField(QStringLiteral("description"), tr("Description"));
    addField(QStringLiteral("counts"), tr("Total counts"));
    addField(QStringLiteral("flags"), tr("Flags"));
    setEntry(nullptr);
}

QLabel *SpectrumInfoPanel::addField(const QString &key, const QString &title)
{
    auto *value = new QLabel(m_formWidget);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto *label = new QLabel(title + QLatin1Char(':'), m_formWidget);
    label->setStyleSheet(QStringLiteral("QLabel { color: #606060; }"));
    m_form->addRow(label, value);
    m_fields.append({key, value});
    return value;
}

void SpectrumInfoPanel::setField(const QString &key, const QString &text)
{
    for (const auto &[k, label] : m_fields)
        if (k == key) {
            label->setText(text.isEmpty() ? QStringLiteral("—") : text);
            return;
        }
}

void SpectrumInfoPanel::setFieldColor(const QString &key, const QColor &color)
{
    for (const auto &[k, label] : m_fields)
        if (k == key) {
            QPalette palette = this->palette();
            if (color.isValid())
                palette.setColor(QPalette::WindowText, color);
            label->setPalette(palette);
        }
}

QString SpectrumInfoPanel::fieldText(const QString &key) const
{
    if (key == QLatin1String("header"))
        return m_header->text();
    for (const auto &[k, label] : m_fields)
        if (k == key)
            return label->text();
    return {};
}

void SpectrumInfoPanel::setEntry(const DatasetEntry *entry, int selectedCount)
{
    for (const auto &field : m_fields)
        field.second->setText(QStringLiteral("—"));
    setFieldColor(QStringLiteral("flags"), QColor());
    m_formWidget->setVisible(entry != nullptr);
    if (!entry) {
        m_header->setText(tr("No spectrum selected"));
        return;
    }
    const Spectrum &s = entry->spectrum;
    const QLocale locale;
    QString header = s.displayName();
    if (selectedCount > 1)
        header += QLatin1Char('\n') + tr("(current of %n selected)", nullptr, selectedCount);
    m_header->setText(header);
    m_header->setToolTip(s.sourcePath);

    const qsizetype slash = entry->relativePath.lastIndexOf(QLatin1Char('/'));
    setField(QStringLiteral("folder"), slash < 0 ? QFileInfo(s.sourcePath).absolutePath() : entry->relativePath.left(slash));
    setField(QStringLiteral("labels"), s.labels.join(QStringLiteral(", ")));
    if (entry->isReadable()) {
        QString channels = locale.toString(s.channelCount());
        if (s.channelCount() > 0 && s.calibration.isValid(s.channelCount()))
            channels += tr(" (%1 – %2 keV)")
                            .arg(locale.toString(s.calibration.energyAt(0), 'f', 1),
                                 locale.toString(s.calibration.energyAt(s.channelCount()), 'f', 1));
        setField(QStringLiteral("channels"), channels);
        if (s.hasLiveTime())
            setField(QStringLiteral("live"), tr("%1 s").arg(locale.toString(s.liveTime, 'f', 3)));
        else
            setField(QStringLiteral("live"), tr("not recorded"));
        if (s.realTime > 0) {
            QString real = tr("%1 s").arg(locale.toString(s.realTime, 'f', 3));
            if (s.hasLiveTime() && s.realTime >= s.liveTime)
                real += tr(" (dead time %1 %)").arg(locale.toString(100.0 * (1.0 - s.liveTime / s.realTime), 'f', 1));
            setField(QStringLiteral("real"), real);
        }
        setField(QStringLiteral("distance"), s.distanceCm > 0 ? tr("%1 cm").arg(locale.toString(s.distanceCm, 'g', 4))
                                                             : tr("unknown"));
        setField(QStringLiteral("calibration"), SpectrumAnnotations::calibrationText(s.calibration, s.channelCount()));
        if (s.startTime.isValid())
            setField(QStringLiteral("start"), locale.toString(s.startTime, QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        setField(QStringLiteral("detector"), s.detector);
        setField(QStringLiteral("description"), s.description.simplified());
        const double total = s.totalCounts();
        QString counts = locale.toString(total, 'f', 0);
        if (s.hasLiveTime())
            counts += tr(" (%1 counts/s)").arg(locale.toString(total / s.liveTime, 'f', 1));
        setField(QStringLiteral("counts"), counts);
    }
    const QString problems = entryProblemText(*entry);
    setField(QStringLiteral("flags"), problems.isEmpty() ? tr("none") : problems);
    // Red only for real problems; a format without live time is information, not a warning.
    setFieldColor(QStringLiteral("flags"), DatasetModel::isWarning(*entry) ? QColor(0xb0, 0x1c, 0x1c) : QColor());
}

} // namespace photopeak::ui
