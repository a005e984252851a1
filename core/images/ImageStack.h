// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "images/ImageFrame.h"
#include "images/PixelMask.h"
#include "io/h5/H5DatasetInfo.h"
#include "util/Result.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace photopeak {

// A stack of detector images in an HDF5 file: a 2-D dataset (one image) or a 3-D dataset N x H x W of any
// integer or float type. The file stays open and frames are read one at a time (one hyperslab each, through
// a chunk cache that holds a frame), so stacks larger than memory can be browsed. Copies share the open
// file. Every error names the file and the dataset.
class ImageStack {
public:
    // How a mask dataset marks pixels: NeXus pixel_mask = nonzero is bad; Cheetah/CrystFEL = nonzero is good.
    enum class MaskConvention { NonzeroIsBad, NonzeroIsGood };

    // `dataset` empty: the first of commonDatasetPaths() present, else the only 2-D/3-D numeric dataset.
    static Result<ImageStack> open(const QString &path, const QString &dataset = {});

    // NeXus entry/data/data, CXI entry_1/data_1/data and the usual detector groups, in order of preference.
    static const QStringList &commonDatasetPaths();
    // Datasets of a file that can hold images (numeric, rank 2 or 3, both image sides >= 2): a dataset browser.
    static Result<std::vector<H5DatasetInfo>> imageDatasets(const QString &path);

    const QString &path() const;
    const H5DatasetInfo &dataset() const;
    int frameCount() const;
    int width() const;
    int height() const;
    // Beam centre in pixels from NeXus beam_center_x/_y beside the detector, if the file has them.
    std::optional<QPair<double, double>> beamCenter() const;

    Result<ImageFrame> readFrame(int index) const;
    // Numbers given per frame: 1-D numeric datasets of length frameCount() (N > 1), as (path, value).
    QList<QPair<QString, double>> frameMetadata(int index) const;

    // The mask stored in the stack's own file (NeXus pixel_mask), if there is one: empty mask otherwise.
    Result<PixelMask> ownMask() const;
    // A 2-D mask dataset from any HDF5 file (the stack's own or another); must match width x height.
    static Result<PixelMask> readMask(const QString &file, const QString &dataset, int width, int height,
                                      MaskConvention convention);
    // Whole numeric datasets of equal length from any HDF5 file (label and truth tables), in the order asked.
    static Result<std::vector<std::vector<double>>> readColumns(const QString &file, const QStringList &datasets);
    // "file.h5 /entry/data/data: 20 frames of 1024 x 1024 float32"
    QString summary() const;

    struct Impl;

private:
    std::shared_ptr<Impl> m_impl;
};

} // namespace photopeak
