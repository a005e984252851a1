// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "images/ImageDatasetDialog.h"

#include "images/ImageStack.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace photopeak::ui {

ImageDatasetDialog::ImageDatasetDialog(const QString &file, const std::vector<H5DatasetInfo> &datasets,
                                       const QString &preferred, QWidget *parent)
    : QDialog(parent), m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("imageDatasetDialog"));
    setWindowTitle(tr("Choose the image dataset"));
    m_tree->setColumnCount(4);
    m_tree->setHeaderLabels({tr("Dataset"), tr("Frames"), tr("Frame size"), tr("Type")});
    m_tree->setRootIsDecorated(false);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    for (const H5DatasetInfo &d : datasets) {
        const bool stack = d.rank() == 3;
        auto *item = new QTreeWidgetItem(m_tree, {d.path, QString::number(stack ? d.shape[0] : 1),
                                                  QStringLiteral("%1 x %2").arg(d.shape[stack ? 2 : 1]).arg(d.shape[stack ? 1 : 0]),
                                                  d.typeName});
        item->setData(0, Qt::UserRole, d.path);
        if (d.path == preferred)
            m_tree->setCurrentItem(item);
    }
    if (!m_tree->currentItem() && m_tree->topLevelItemCount() > 0)
        m_tree->setCurrentItem(m_tree->topLevelItem(0));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, &QDialog::accept);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("%1 holds %n image datasets (width x height; 3-D datasets are stacks of frames):", nullptr,
                                    int(datasets.size())).arg(QFileInfo(file).fileName()), this));
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
    resize(640, 320);
}

QString ImageDatasetDialog::selectedDataset() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

QString ImageDatasetDialog::choose(const QString &file, const std::vector<H5DatasetInfo> &datasets, QWidget *parent)
{
    if (datasets.size() == 1)
        return datasets.front().path;
    QString preferred;
    for (const QString &common : ImageStack::commonDatasetPaths())
        for (const H5DatasetInfo &d : datasets)
            if (preferred.isEmpty() && d.path == common)
                preferred = d.path;
    ImageDatasetDialog dialog(file, datasets, preferred, parent);
    return dialog.exec() == QDialog::Accepted ? dialog.selectedDataset() : QString();
}

} // namespace photopeak::ui
