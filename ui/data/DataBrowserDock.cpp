#include "data/DataBrowserDock.h"

#include "data/DatasetFilterProxy.h"
#include "data/DatasetModel.h"
#include "data/ElideMiddleDelegate.h"

#include <QHeaderView>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace photopeak::ui {

DataBrowserDock::DataBrowserDock(DatasetModel *model, QWidget *parent)
    : QDockWidget(tr("Data"), parent)
    , m_model(model)
    , m_proxy(new DatasetFilterProxy(this))
    , m_filter(new QLineEdit)
    , m_problemsOnly(new QToolButton)
    , m_view(new QTreeView)
    , m_summary(new QLabel)
    , m_emitTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("dataBrowserDock"));
    setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    m_proxy->setSourceModel(model);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);

    auto *filterRow = new QHBoxLayout;
    filterRow->setSpacing(4);
    m_filter->setPlaceholderText(tr("Filter: name, folder, label or flag (e.g. Cs137 60s)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setObjectName(QStringLiteral("dataFilter"));
    m_problemsOnly->setCheckable(true);
    m_problemsOnly->setIcon(QIcon(QStringLiteral(":/icons/warning.svg")));
    m_problemsOnly->setText(tr("Problems"));
    m_problemsOnly->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_problemsOnly->setToolTip(tr("Show only spectra with problems (all-zero, missing calibration, ...)"));
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_problemsOnly);
    layout->addLayout(filterRow);

    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);  // dataset order (sorted paths) until the user sorts
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAllColumnsShowFocus(true);
    m_view->setObjectName(QStringLiteral("dataView"));
    m_view->setTextElideMode(Qt::ElideRight);  // names differ at their start (time stamps)
    m_view->setItemDelegateForColumn(DatasetModel::FolderColumn, new ElideMiddleDelegate(m_view));
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionsMovable(true);
    header->setMinimumSectionSize(40);
    // The name takes whatever width is left, so the table never needs a horizontal scroll bar.
    header->setSectionResizeMode(DatasetModel::NameColumn, QHeaderView::Stretch);
    const QFontMetrics fm = m_view->fontMetrics();
    const auto widthOf = [&fm](const char *sample) { return fm.horizontalAdvance(QString::fromLatin1(sample)) + 12; };
    header->resizeSection(DatasetModel::FolderColumn, widthOf("srcs/Cs137/60s/15cm"));
    header->resizeSection(DatasetModel::LabelsColumn, widthOf("Co60, Cs137"));
    header->resizeSection(DatasetModel::LiveTimeColumn, widthOf("Live time_"));
    header->resizeSection(DatasetModel::CountsColumn, widthOf("1,000,000"));
    header->resizeSection(DatasetModel::FlagsColumn, widthOf("distance-0_"));
    layout->addWidget(m_view, 1);

    m_summary->setObjectName(QStringLiteral("dataSummary"));
    m_summary->setStyleSheet(QStringLiteral("QLabel { color: #505050; }"));
    layout->addWidget(m_summary);
    setWidget(content);

    // Typing filters after a short pause so large datasets stay fluid.
    auto *filterDelay = new QTimer(this);
    filterDelay->setSingleShot(true);
    filterDelay->setInterval(150);
    connect(m_filter, &QLineEdit::textChanged, filterDelay, qOverload<>(&QTimer::start));
    connect(filterDelay, &QTimer::timeout, this, [this] {
        m_proxy->setFilterWords(m_filter->text());
        updateSummary();
    });
    connect(m_problemsOnly, &QToolButton::toggled, this, [this](bool on) {
        m_proxy->setProblemsOnly(on);
        updateSummary();
    });
    // Selection and current row change together: coalesce into one notification (one redraw).
    m_emitTimer->setSingleShot(true);
    m_emitTimer->setInterval(0);
    connect(m_emitTimer, &QTimer::timeout, this, &DataBrowserDock::emitSelection);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, m_emitTimer, qOverload<>(&QTimer::start));
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, m_emitTimer, qOverload<>(&QTimer::start));
    connect(m_model, &QAbstractItemModel::modelReset, this, &DataBrowserDock::onModelReset);
    updateSummary();
}

QList<int> DataBrowserDock::selectedEntries() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<int> out;
    out.reserve(rows.size());
    for (const QModelIndex &index : rows)
        out << index.data(DatasetModel::EntryIndexRole).toInt();
    return out;
}

int DataBrowserDock::currentEntry() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid() || !m_view->selectionModel()->isRowSelected(current.row(), current.parent()))
        return -1;
    return current.data(DatasetModel::EntryIndexRole).toInt();
}

void DataBrowserDock::selectFirstUsable()
{
    const int rows = m_proxy->rowCount();
    if (rows == 0)
        return;
    int row = 0;
    for (int r = 0; r < rows; ++r)
        if (!m_proxy->index(r, 0).data(DatasetModel::HasProblemRole).toBool()) {
            row = r;
            break;
        }
    const QModelIndex index = m_proxy->index(row, 0);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

bool DataBrowserDock::selectEntry(int entryIndex)
{
    const QModelIndex source = m_model->index(entryIndex, 0);
    if (!source.isValid())
        return false;
    QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid()) {
        // Hidden by the filter: clear it rather than show a spectrum the list does not.
        m_filter->clear();
        m_problemsOnly->setChecked(false);
        index = m_proxy->mapFromSource(source);
    }
    if (!index.isValid())
        return false;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

void DataBrowserDock::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void DataBrowserDock::onModelReset()
{
    updateSummary();
    m_emitTimer->start();
}

void DataBrowserDock::emitSelection() { emit selectionChanged(selectedEntries(), currentEntry()); }

void DataBrowserDock::updateSummary()
{
    const QLocale locale;
    const int total = m_model->rowCount();
    if (total == 0) {
        m_summary->setText(tr("No data opened"));
        return;
    }
    QString text = tr("%1 spectra").arg(locale.toString(total));
    if (m_model->problemCount() > 0)
        text += tr(" · %1 flagged").arg(locale.toString(m_model->problemCount()));
    const int shown = m_proxy->rowCount();
    if (shown != total)
        text += tr(" · %1 shown").arg(locale.toString(shown));
    m_summary->setText(text);
}

} // namespace photopeak::ui
