// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "model/ParameterTable.h"

#include <QJsonObject>
#include <QWidget>

#include <map>

class QCheckBox;

namespace photopeak::ui {

// The form of a method's options, generated from its ParameterTable (core/model): one group box per group, a
// check box, spin box, combo box or line edit per option with the table's label, range, default and help as
// tooltip (with the command-line option), so the window and photopeak-cli can never disagree. Options marked
// advanced appear when "Show every option" is checked.
class ParameterForm : public QWidget {
    Q_OBJECT
public:
    explicit ParameterForm(photopeak::ParameterTable table, QWidget *parent = nullptr);

    const photopeak::ParameterTable &table() const { return m_table; }
    // Every key with the value shown now.
    QJsonObject values() const;
    // Shows these values (missing keys keep theirs); values the table refuses are ignored.
    void setValues(const QJsonObject &values);
    // The editor of one option ("param-<key>" is its object name), or nullptr.
    QWidget *editor(const QString &key) const;
    void setOptionEnabled(const QString &key, bool enabled);
    void setShowAdvanced(bool show);

signals:
    void valuesChanged();

private:
    QWidget *createEditor(const photopeak::ParameterSpec &spec);
    QJsonValue editorValue(const photopeak::ParameterSpec &spec) const;
    void setEditorValue(const photopeak::ParameterSpec &spec, const QJsonValue &value);
    void updateAdvancedRows();

    photopeak::ParameterTable m_table;
    std::map<QString, QWidget *> m_editors;
    std::map<QString, QWidget *> m_labels;  // form labels (none for check boxes)
    QCheckBox *m_showAdvanced = nullptr;
};

} // namespace photopeak::ui
