// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QWidget>

class QColor;
class QFormLayout;
class QLabel;

namespace photopeak {
struct DatasetEntry;
}

namespace photopeak::ui {

// Everything known about the current spectrum: acquisition (channels, live/real time, distance, start),
// calibration, labels, totals and problem flags. Text is selectable for copying into notes.
class SpectrumInfoPanel : public QWidget {
    Q_OBJECT
public:
    explicit SpectrumInfoPanel(QWidget *parent = nullptr);

    // `selectedCount` > 1 adds a note that the panel shows the current one of several plotted spectra.
    void setEntry(const DatasetEntry *entry, int selectedCount = 1);
    QString fieldText(const QString &key) const;  // for tests: "channels", "live", "flags", ...

private:
    QLabel *addField(const QString &key, const QString &title);
    void setField(const QString &key, const QString &text);
    void setFieldColor(const QString &key, const QColor &color);  // invalid colour = default

    QFormLayout *m_form;
    QWidget *m_formWidget;
    QLabel *m_header;
    QList<QPair<QString, QLabel *>> m_fields;
};

} // namespace photopeak::ui
