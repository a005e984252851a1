// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "io/h5/H5DatasetInfo.h"

#include <QDialog>

#include <vector>

class QTreeWidget;

namespace photopeak::ui {

// The dataset browser of the Images tab: every dataset of an HDF5 file that can hold images (numeric, 2-D
// H x W or 3-D N x H x W), with its shape, type and frame count; the one Photopeak would open by itself is
// preselected. A widget never parses a file: the list comes from ImageStack::imageDatasets().
class ImageDatasetDialog : public QDialog {
    Q_OBJECT
public:
    ImageDatasetDialog(const QString &file, const std::vector<H5DatasetInfo> &datasets, const QString &preferred,
                       QWidget *parent = nullptr);

    QString selectedDataset() const;
    // Asks when the file holds more than one image dataset; the only one otherwise. Empty = cancelled.
    static QString choose(const QString &file, const std::vector<H5DatasetInfo> &datasets, QWidget *parent);

private:
    QTreeWidget *m_tree;
};

} // namespace photopeak::ui
