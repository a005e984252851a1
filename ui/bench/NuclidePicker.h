// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QStringList>
#include <QWidget>

#include <memory>

class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;
class QCheckBox;

namespace photopeak {
class NuclideLibrary;
struct Nuclide;
}

namespace photopeak::ui {

// Reference lines on demand: the nuclide library with a search field ("Cs137", "cs-137", "caesium",
// "Cs", or an energy such as "662" for the nuclides with a line within 1 % (at least 3 keV) of it), each
// nuclide with its half-life and strongest lines; checked nuclides are drawn over the spectrum in their
// own colours, with escape and sum lines when "Escape and sum lines" is on.
class NuclidePicker : public QWidget {
    Q_OBJECT
public:
    explicit NuclidePicker(QWidget *parent = nullptr);

    void setLibrary(std::shared_ptr<const NuclideLibrary> library);
    QStringList checkedNuclides() const;  // in the order they were checked
    void setChecked(const QString &nuclide, bool on);
    bool escapeAndSumLines() const;
    QLineEdit *searchField() const { return m_search; }
    QTreeWidget *list() const { return m_list; }

    // Does the nuclide match a search text (name, element, or an energy with a line near it)?
    static bool matches(const Nuclide &nuclide, const QString &text);

signals:
    void referencesChanged();

private:
    void fill();
    void applyFilter();
    void recolor();

    std::shared_ptr<const NuclideLibrary> m_library;
    QLineEdit *m_search;
    QTreeWidget *m_list;
    QCheckBox *m_escapes;
    QStringList m_checked;
    bool m_filling = false;
};

} // namespace photopeak::ui
