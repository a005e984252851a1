// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "training/TrainingDataSelector.h"

#include "library/SpectrumDataset.h"
#include "spectrum/LabelParser.h"
#include "widgets/WheelGuard.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace photopeak::ui {

namespace {
constexpr int kCountColumn = 1;
constexpr int kKeyRole = Qt::UserRole;

// Fixed height showing the list's rows (at least 2, at most `maxRows`, then it scrolls) below the header, so
// that short lists leave room for the options.
void fitHeight(QTreeWidget *list, int maxRows)
{
    const int rows = std::clamp(list->topLevelItemCount(), 2, maxRows);
    const int row = list->topLevelItemCount() > 0 ? std::max(list->sizeHintForRow(0), 1)
                                                  : list->fontMetrics().height() + 4;
    list->setFixedHeight(list->header()->sizeHint().height() + rows * row + 2 * list->frameWidth());
}

QTreeWidget *checkList(const QString &name, const QString &title, const QString &tip)
{
    auto *t = new QTreeWidget;
    t->setObjectName(name);
    t->setColumnCount(2);
    t->setHeaderLabels({title, QObject::tr("Spectra")});
    t->setRootIsDecorated(false);
    t->setUniformRowHeights(true);
    t->setSelectionMode(QAbstractItemView::NoSelection);
    t->header()->setStretchLastSection(false);
    t->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    t->header()->setSectionResizeMode(kCountColumn, QHeaderView::ResizeToContents);
    t->setToolTip(tip);
    return t;
}
} // namespace

TrainingDataSelector::TrainingDataSelector(QWidget *parent) : QGroupBox(tr("Training data"), parent)
{
    setObjectName(QStringLiteral("trainingData"));
    auto *v = new QVBoxLayout(this);
    m_labelList = checkList(QStringLiteral("labelList"), tr("Label set"),
                            tr("Label sets of the loaded spectra (from folder and file names or HDF5 label columns). "
                               "Only checked label sets are trained on.\nLatent decomposition: every checked single "
                               "label becomes a component."));
    m_folderList = checkList(QStringLiteral("folderList"), tr("Folder or file"),
                             tr("Top folders (or files opened alone, e.g. HDF5 tables) of the loaded data. Only "
                                "spectra in checked folders are trained on."));
    v->addWidget(m_labelList);
    v->addWidget(m_folderList);
    fitHeight(m_labelList, 10);
    fitHeight(m_folderList, 6);
    auto *f = new QFormLayout;
    f->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_background = new QComboBox;
    m_background->setObjectName(QStringLiteral("backgroundCombo"));
    m_background->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_background->setMinimumContentsLength(12);
    m_background->setToolTip(tr("Which label set means background. Spectra labelled background (folders named bkg, "
                                "bkgs or background) always do; choose another set, e.g. (unlabelled), to use it as "
                                "background as well."));
    f->addRow(tr("Background:"), m_background);
    v->addLayout(f);
    m_selectionSummary = new QLabel;
    m_selectionSummary->setObjectName(QStringLiteral("selectionSummary"));
    m_selectionSummary->setWordWrap(true);
    v->addWidget(m_selectionSummary);
    WheelGuard::install(this);

    const auto changed = [this] {
        if (m_filling)
            return;
        updateSummary();
        emit selectionChanged();
    };
    connect(m_labelList, &QTreeWidget::itemChanged, this, changed);
    connect(m_folderList, &QTreeWidget::itemChanged, this, changed);
    connect(m_background, &QComboBox::currentIndexChanged, this, [this, changed] {
        if (m_filling)
            return;
        // The set chosen as background is trained on: check it.
        m_filling = true;
        setLabelSetChecked(m_background->currentData().toString(), true);
        m_filling = false;
        changed();
    });
    updateSummary();
}

void TrainingDataSelector::setDataset(std::shared_ptr<const SpectrumDataset> dataset)
{
    m_dataset = std::move(dataset);
    fillLists();
    updateSummary();
    emit selectionChanged();
}

void TrainingDataSelector::fillLists()
{
    // Keep the user's choices for names that are still there.
    QMap<QString, bool> previousLabels, previousFolders;
    for (int i = 0; i < m_labelList->topLevelItemCount(); ++i)
        previousLabels[m_labelList->topLevelItem(i)->data(0, kKeyRole).toString()] =
            m_labelList->topLevelItem(i)->checkState(0) == Qt::Checked;
    for (int i = 0; i < m_folderList->topLevelItemCount(); ++i)
        previousFolders[m_folderList->topLevelItem(i)->data(0, kKeyRole).toString()] =
            m_folderList->topLevelItem(i)->checkState(0) == Qt::Checked;
    const QString previousBackground = m_background->currentData().toString();

    m_filling = true;
    m_labelList->clear();
    m_folderList->clear();
    m_background->clear();
    m_labelSetKeys.clear();
    m_folders.clear();
    m_labelsByKey.clear();
    m_entryLabelSet.clear();
    m_entryFolder.clear();

    QMap<QString, int> labelCounts, folderCounts;
    if (m_dataset) {
        const auto &entries = m_dataset->entries();
        m_entryLabelSet.assign(entries.size(), -1);
        m_entryFolder.assign(entries.size(), -1);
        QHash<QString, int> labelIndex, folderIndex;
        for (size_t i = 0; i < entries.size(); ++i) {
            const DatasetEntry &e = entries[i];
            if (!e.isUsable())
                continue;
            const QString key = e.spectrum.labelKey();
            auto l = labelIndex.constFind(key);
            if (l == labelIndex.constEnd()) {
                l = labelIndex.insert(key, int(m_labelSetKeys.size()));
                m_labelSetKeys << key;
                m_labelsByKey.insert(key, e.spectrum.labels);
            }
            const QString folder = TrainingSetBuilder::folderOf(e);
            auto f = folderIndex.constFind(folder);
            if (f == folderIndex.constEnd()) {
                f = folderIndex.insert(folder, int(m_folders.size()));
                m_folders << folder;
            }
            m_entryLabelSet[i] = *l;
            m_entryFolder[i] = *f;
            ++labelCounts[key];
            ++folderCounts[folder];
        }
    }

    // Label sets: isotopes and mixtures alphabetically, then background, then unlabelled.
    const QString bg = LabelParser::backgroundLabel();
    QStringList ordered = labelCounts.keys();
    std::stable_sort(ordered.begin(), ordered.end(), [&](const QString &a, const QString &b) {
        auto rank = [&](const QString &k) { return k.isEmpty() ? 2 : k == bg ? 1 : 0; };
        return rank(a) < rank(b);
    });
    auto addItem = [](QTreeWidget *list, const QString &key, const QString &title, int count, bool checked) {
        auto *item = new QTreeWidgetItem(list, {title, QString::number(count)});
        item->setData(0, kKeyRole, key);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(0, checked ? Qt::Checked : Qt::Unchecked);
        item->setTextAlignment(kCountColumn, Qt::AlignRight | Qt::AlignVCenter);
    };
    for (const QString &key : ordered)
        addItem(m_labelList, key, key.isEmpty() ? tr("(unlabelled)") : key, labelCounts.value(key),
                previousLabels.value(key, !key.isEmpty()));
    for (auto it = folderCounts.begin(); it != folderCounts.end(); ++it)
        addItem(m_folderList, it.key(), it.key().isEmpty() ? tr("(no folder)") : it.key(), it.value(),
                previousFolders.value(it.key(), true));

    m_background->addItem(tr("background"), bg);
    for (const QString &key : ordered)
        if (key != bg)
            m_background->addItem(key.isEmpty() ? tr("(unlabelled)") : key, key);
    const int b = m_background->findData(previousBackground);
    m_background->setCurrentIndex(b >= 0 ? b : 0);
    fitHeight(m_labelList, 10);
    fitHeight(m_folderList, 6);
    m_filling = false;
}

bool TrainingDataSelector::setLabelSetChecked(const QString &key, bool checked)
{
    for (int i = 0; i < m_labelList->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_labelList->topLevelItem(i);
        if (item->data(0, kKeyRole).toString() == key) {
            item->setCheckState(0, checked ? Qt::Checked : Qt::Unchecked);
            return true;
        }
    }
    return false;
}

bool TrainingDataSelector::setFolderChecked(const QString &folder, bool checked)
{
    for (int i = 0; i < m_folderList->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_folderList->topLevelItem(i);
        if (item->data(0, kKeyRole).toString() == folder) {
            item->setCheckState(0, checked ? Qt::Checked : Qt::Unchecked);
            return true;
        }
    }
    return false;
}

QStringList TrainingDataSelector::labelSetKeys() const
{
    QStringList out;
    for (int i = 0; i < m_labelList->topLevelItemCount(); ++i)
        out << m_labelList->topLevelItem(i)->data(0, kKeyRole).toString();
    return out;
}

QStringList TrainingDataSelector::folderNames() const
{
    QStringList out;
    for (int i = 0; i < m_folderList->topLevelItemCount(); ++i)
        out << m_folderList->topLevelItem(i)->data(0, kKeyRole).toString();
    return out;
}

TrainingSelection TrainingDataSelector::selection() const
{
    TrainingSelection s;
    for (int i = 0; i < m_labelList->topLevelItemCount(); ++i)
        if (m_labelList->topLevelItem(i)->checkState(0) == Qt::Checked)
            s.labelSets.insert(m_labelList->topLevelItem(i)->data(0, kKeyRole).toString());
    for (int i = 0; i < m_folderList->topLevelItemCount(); ++i)
        if (m_folderList->topLevelItem(i)->checkState(0) == Qt::Checked)
            s.folders.insert(m_folderList->topLevelItem(i)->data(0, kKeyRole).toString());
    s.backgroundLabelSet = m_background->currentData().toString();
    return s;
}

int TrainingDataSelector::selectedSpectrumCount() const
{
    const TrainingSelection s = selection();
    std::vector<char> label(size_t(m_labelSetKeys.size())), folder(size_t(m_folders.size()));
    for (int i = 0; i < m_labelSetKeys.size(); ++i)
        label[size_t(i)] = s.labelSets.contains(m_labelSetKeys[i]);
    for (int i = 0; i < m_folders.size(); ++i)
        folder[size_t(i)] = s.folders.contains(m_folders[i]);
    int n = 0;
    for (size_t i = 0; i < m_entryLabelSet.size(); ++i)
        n += m_entryLabelSet[i] >= 0 && label[size_t(m_entryLabelSet[i])] && folder[size_t(m_entryFolder[i])];
    return n;
}

int TrainingDataSelector::usableSpectrumCount() const
{
    return int(std::count_if(m_entryLabelSet.begin(), m_entryLabelSet.end(), [](int l) { return l >= 0; }));
}

QStringList TrainingDataSelector::latentComponents() const { return latentComponents(selection()); }

QStringList TrainingDataSelector::latentComponents(const TrainingSelection &selection) const
{
    return TrainingSetBuilder::latentComponents(m_labelsByKey, selection);
}

void TrainingDataSelector::updateSummary()
{
    if (!m_dataset || m_dataset->size() == 0)
        m_selectionSummary->setText(tr("No spectra loaded: open files or folders first."));
    else
        m_selectionSummary->setText(tr("%1 of %2 usable spectra selected (%3 files or rows loaded).")
                                        .arg(selectedSpectrumCount())
                                        .arg(usableSpectrumCount())
                                        .arg(m_dataset->size()));
}

} // namespace photopeak::ui
