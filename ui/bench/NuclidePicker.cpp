// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "bench/NuclidePicker.h"

#include "bench/BenchLocale.h"
#include "peaks/NuclideLibrary.h"
#include "plot/InteractiveOverlay.h"
#include "plot/SpectrumAnnotations.h"

#include <QBrush>
#include <QCheckBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace photopeak::ui {

namespace {
enum Column { Name, HalfLife, Lines };

QString linesText(const Nuclide &n)
{
    const QLocale l = benchLocale();
    QStringList parts;
    for (const GammaLine &g : n.linesIn(0.0, 1e9, 0.01)) {
        if (parts.size() == 4)
            break;
        parts << QStringLiteral("%1 (%2 %)").arg(l.toString(g.energyKeV, 'f', 1), l.toString(100.0 * g.intensity, 'g', 3));
    }
    return parts.join(QStringLiteral(", "));
}
} // namespace

NuclidePicker::NuclidePicker(QWidget *parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_list(new QTreeWidget(this))
    , m_escapes(new QCheckBox(tr("&Escape and sum lines"), this))
{
    setObjectName(QStringLiteral("nuclidePicker"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_search->setPlaceholderText(tr("Search: Cs137, caesium, Cs, or an energy such as 662"));
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName(QStringLiteral("nuclideSearch"));
    layout->addWidget(m_search);
    m_list->setObjectName(QStringLiteral("nuclideList"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("Nuclide"), tr("Half-life"), tr("Strongest lines (keV, per decay)")});
    m_list->header()->setSectionResizeMode(Lines, QHeaderView::Stretch);
    layout->addWidget(m_list, 1);
    m_escapes->setChecked(false);  // small detectors hardly show them; on demand
    m_escapes->setToolTip(tr("Single and double escape lines (E − 511, E − 1022 keV) above 1.1 MeV and the sum "
                             "of the two strongest lines"));
    layout->addWidget(m_escapes);
    connect(m_search, &QLineEdit::textChanged, this, &NuclidePicker::applyFilter);
    connect(m_escapes, &QCheckBox::toggled, this, &NuclidePicker::referencesChanged);
    connect(m_list, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item) {
        if (m_filling)
            return;
        const QString name = item->data(Name, Qt::UserRole).toString();
        m_checked.removeAll(name);
        if (item->checkState(Name) == Qt::Checked)
            m_checked << name;
        recolor();  // colours follow the order of checking
        emit referencesChanged();
    });
}

void NuclidePicker::setLibrary(std::shared_ptr<const NuclideLibrary> library)
{
    m_library = std::move(library);
    m_checked.clear();
    fill();
}

bool NuclidePicker::escapeAndSumLines() const { return m_escapes->isChecked(); }
QStringList NuclidePicker::checkedNuclides() const { return m_checked; }

void NuclidePicker::setChecked(const QString &nuclide, bool on)
{
    m_checked.removeAll(nuclide);
    if (on)
        m_checked << nuclide;
    recolor();
    emit referencesChanged();
}

void NuclidePicker::recolor()
{
    m_filling = true;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        const int order = static_cast<int>(m_checked.indexOf(item->data(Name, Qt::UserRole).toString()));
        item->setCheckState(Name, order >= 0 ? Qt::Checked : Qt::Unchecked);
        item->setForeground(Name, order >= 0 ? QBrush(InteractiveOverlay::referenceColor(order)) : QBrush());
    }
    m_filling = false;
}

bool NuclidePicker::matches(const Nuclide &n, const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return true;
    bool isNumber = false;
    const double e = QLocale().toDouble(t, &isNumber);
    const double e2 = isNumber ? e : t.toDouble(&isNumber);
    if (isNumber) {
        const double tolerance = std::max(3.0, 0.01 * e2);
        return std::any_of(n.lines.begin(), n.lines.end(), [&](const GammaLine &g) {
            return std::abs(g.energyKeV - e2) <= tolerance && g.intensity >= 0.001;
        });
    }
    const QString canonical = NuclideLibrary::canonicalName(t);
    if (n.name.compare(canonical, Qt::CaseInsensitive) == 0 || n.name.startsWith(t, Qt::CaseInsensitive))
        return true;
    // Element symbol ("Cs" but not "C" matching "Cs137") or element name in the UI language or English.
    static const QRegularExpression digit(QStringLiteral("\\d"));
    const QString symbol = n.name.left(n.name.indexOf(digit));
    if (symbol.compare(t, Qt::CaseInsensitive) == 0)
        return true;
    return SpectrumAnnotations::isotopeName(n.name).contains(t, Qt::CaseInsensitive);
}

void NuclidePicker::fill()
{
    m_filling = true;
    m_list->clear();
    if (m_library)
        for (const Nuclide &n : m_library->nuclides()) {
            auto *item = new QTreeWidgetItem(m_list);
            item->setText(Name, n.name);
            item->setData(Name, Qt::UserRole, n.name);
            item->setToolTip(Name, SpectrumAnnotations::isotopeName(n.name));
            item->setText(HalfLife, n.halfLifeText());
            item->setText(Lines, linesText(n));
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Name, Qt::Unchecked);
        }
    recolor();
    m_filling = true;
    m_list->resizeColumnToContents(Name);
    m_list->resizeColumnToContents(HalfLife);
    m_filling = false;
    applyFilter();
}

void NuclidePicker::applyFilter()
{
    const QString text = m_search->text();
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        const Nuclide *n = m_library ? m_library->find(item->data(Name, Qt::UserRole).toString()) : nullptr;
        item->setHidden(n && !matches(*n, text) && item->checkState(Name) != Qt::Checked);
    }
}

} // namespace photopeak::ui
