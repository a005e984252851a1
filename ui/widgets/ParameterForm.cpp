// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "widgets/ParameterForm.h"

#include "widgets/WheelGuard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include <climits>
#include <cmath>

namespace photopeak::ui {

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("Parameters", text);
}

int clampToInt(double v)
{
    return v <= double(INT_MIN) ? INT_MIN : v >= double(INT_MAX) ? INT_MAX : int(v);
}

// Enough decimals to show the default and the smallest positive bound.
int decimalsFor(const ParameterSpec &s)
{
    int decimals = 2;
    for (double v : {s.defaultValue.toDouble(), s.minimum}) {
        if (!(std::isfinite(v) && v > 0.0 && v < 1.0))
            continue;
        decimals = std::max(decimals, std::min(6, int(std::ceil(-std::log10(v))) + 1));
    }
    return decimals;
}

} // namespace

ParameterForm::ParameterForm(ParameterTable table, QWidget *parent) : QWidget(parent), m_table(std::move(table))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    std::map<QString, QFormLayout *> groups;
    bool anyAdvanced = false;
    for (const ParameterSpec &s : m_table.specs()) {
        const QString group = QString::fromUtf8(s.group);
        QFormLayout *form = groups[group];
        if (!form) {
            auto *box = new QGroupBox(group.isEmpty() ? tr("Options") : translated(s.group));
            form = new QFormLayout(box);
            form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
            form->setRowWrapPolicy(QFormLayout::WrapLongRows);
            groups[group] = form;
            layout->addWidget(box);
        }
        QWidget *editor = createEditor(s);
        if (s.type == ParameterSpec::Type::Bool) {
            form->addRow(editor);
        } else {
            auto *label = new QLabel(translated(s.label) + QLatin1Char(':'));
            label->setBuddy(editor);
            label->setToolTip(editor->toolTip());
            form->addRow(label, editor);
            m_labels[s.key] = label;
        }
        anyAdvanced = anyAdvanced || s.advanced;
    }
    if (anyAdvanced) {
        m_showAdvanced = new QCheckBox(tr("Show every option"));
        m_showAdvanced->setObjectName(QStringLiteral("showAdvancedCheck"));
        m_showAdvanced->setToolTip(tr("Also show the options that are rarely changed (all of them are stored in the model)."));
        layout->addWidget(m_showAdvanced);
        connect(m_showAdvanced, &QCheckBox::toggled, this, [this] { updateAdvancedRows(); });
    }
    WheelGuard::install(this);
    updateAdvancedRows();
}

QWidget *ParameterForm::createEditor(const ParameterSpec &s)
{
    QWidget *w = nullptr;
    switch (s.type) {
    case ParameterSpec::Type::Bool: {
        auto *c = new QCheckBox(translated(s.label));
        connect(c, &QCheckBox::toggled, this, &ParameterForm::valuesChanged);
        w = c;
        break;
    }
    case ParameterSpec::Type::Int: {
        auto *spin = new QSpinBox;
        spin->setRange(clampToInt(s.minimum), clampToInt(s.maximum));
        spin->setSuffix(s.unit.isEmpty() ? QString() : QLatin1Char(' ') + s.unit);
        connect(spin, &QSpinBox::valueChanged, this, &ParameterForm::valuesChanged);
        w = spin;
        break;
    }
    case ParameterSpec::Type::Double: {
        auto *spin = new QDoubleSpinBox;
        const int decimals = decimalsFor(s);
        spin->setDecimals(decimals);
        spin->setRange(std::isfinite(s.minimum) ? s.minimum : -1e12, std::isfinite(s.maximum) ? s.maximum : 1e12);
        spin->setSingleStep(std::isfinite(s.maximum) && s.maximum <= 1.0 ? std::pow(10.0, 1 - decimals) * 5.0 : 0.5);
        spin->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
        spin->setSuffix(s.unit.isEmpty() ? QString() : QLatin1Char(' ') + s.unit);
        connect(spin, &QDoubleSpinBox::valueChanged, this, &ParameterForm::valuesChanged);
        w = spin;
        break;
    }
    case ParameterSpec::Type::Choice: {
        auto *combo = new QComboBox;
        for (qsizetype i = 0; i < s.choices.size(); ++i)
            combo->addItem(size_t(i) < s.choiceLabels.size() ? translated(s.choiceLabels[size_t(i)]) : s.choices[i], s.choices[i]);
        connect(combo, &QComboBox::currentIndexChanged, this, &ParameterForm::valuesChanged);
        w = combo;
        break;
    }
    case ParameterSpec::Type::Text: {
        auto *edit = new QLineEdit;
        edit->setClearButtonEnabled(true);
        connect(edit, &QLineEdit::textChanged, this, &ParameterForm::valuesChanged);
        w = edit;
        break;
    }
    }
    w->setObjectName(QStringLiteral("param-") + s.key);
    m_editors[s.key] = w;
    w->setToolTip(QStringLiteral("%1\n%2").arg(translated(s.help), tr("Command line: --%1; default %2.")
                                                                       .arg(s.key, ParameterTable::format(s, s.defaultValue))));
    setEditorValue(s, s.defaultValue);
    return w;
}

QJsonValue ParameterForm::editorValue(const ParameterSpec &s) const
{
    QWidget *w = m_editors.at(s.key);
    switch (s.type) {
    case ParameterSpec::Type::Bool: return static_cast<QCheckBox *>(w)->isChecked();
    case ParameterSpec::Type::Int: return double(static_cast<QSpinBox *>(w)->value());
    case ParameterSpec::Type::Double: return static_cast<QDoubleSpinBox *>(w)->value();
    case ParameterSpec::Type::Choice: return static_cast<QComboBox *>(w)->currentData().toString();
    case ParameterSpec::Type::Text: return static_cast<QLineEdit *>(w)->text().trimmed();
    }
    return {};
}

void ParameterForm::setEditorValue(const ParameterSpec &s, const QJsonValue &v)
{
    QWidget *w = m_editors.count(s.key) ? m_editors.at(s.key) : nullptr;
    if (!w)
        return;
    switch (s.type) {
    case ParameterSpec::Type::Bool: static_cast<QCheckBox *>(w)->setChecked(v.toBool()); break;
    case ParameterSpec::Type::Int: static_cast<QSpinBox *>(w)->setValue(clampToInt(v.toDouble())); break;
    case ParameterSpec::Type::Double: static_cast<QDoubleSpinBox *>(w)->setValue(v.toDouble()); break;
    case ParameterSpec::Type::Choice: {
        auto *combo = static_cast<QComboBox *>(w);
        combo->setCurrentIndex(std::max(0, combo->findData(v.toString())));
        break;
    }
    case ParameterSpec::Type::Text: static_cast<QLineEdit *>(w)->setText(v.toString()); break;
    }
}

QJsonObject ParameterForm::values() const
{
    QJsonObject out;
    for (const ParameterSpec &s : m_table.specs())
        out.insert(s.key, editorValue(s));
    return out;
}

void ParameterForm::setValues(const QJsonObject &values)
{
    QJsonObject merged = this->values();
    for (auto it = values.begin(); it != values.end(); ++it)
        merged.insert(it.key(), it.value());
    auto checked = m_table.validate(merged, QStringLiteral("form"));
    if (!checked)
        return;
    for (const ParameterSpec &s : m_table.specs())
        if (values.contains(s.key))
            setEditorValue(s, checked->value(s.key));
}

QWidget *ParameterForm::editor(const QString &key) const
{
    const auto it = m_editors.find(key);
    return it == m_editors.end() ? nullptr : it->second;
}

void ParameterForm::setOptionEnabled(const QString &key, bool enabled)
{
    if (QWidget *w = editor(key))
        w->setEnabled(enabled);
    if (const auto it = m_labels.find(key); it != m_labels.end())
        it->second->setEnabled(enabled);
}

void ParameterForm::setShowAdvanced(bool show)
{
    if (m_showAdvanced)
        m_showAdvanced->setChecked(show);
}

void ParameterForm::updateAdvancedRows()
{
    const bool all = m_showAdvanced && m_showAdvanced->isChecked();
    for (const ParameterSpec &s : m_table.specs()) {
        if (!s.advanced)
            continue;
        m_editors.at(s.key)->setVisible(all);
        if (const auto it = m_labels.find(s.key); it != m_labels.end())
            it->second->setVisible(all);
    }
}

} // namespace photopeak::ui
