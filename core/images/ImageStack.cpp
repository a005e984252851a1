// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "images/ImageStack.h"

#include "io/h5/H5Access.h"

#include <H5Cpp.h>

#include <QFileInfo>
#include <QMutexLocker>

#include <cmath>
#include <new>

namespace photopeak {

struct ImageStack::Impl {
    QString path;
    H5DatasetInfo info;
    std::vector<H5DatasetInfo> all;
    H5::H5File file;
    H5::DataSet dataset;
    int frames = 0;
    int height = 0;
    int width = 0;
    mutable std::vector<std::pair<QString, std::vector<double>>> metadata;
    mutable bool metadataRead = false;

    ~Impl()
    {
        QMutexLocker lock(&h5::libraryMutex());
        h5::silence();
        try {
            dataset.close();
            file.close();
        } catch (const H5::Exception &) {
        }
    }
};

namespace {
const QStringList kMaskPaths = {
    QStringLiteral("/entry/instrument/detector/pixel_mask"),
    QStringLiteral("/entry_1/instrument_1/detector_1/mask"),
    QStringLiteral("/entry/data/mask"),
};

bool isImageDataset(const H5DatasetInfo &d)
{
    return d.isNumeric() && (d.rank() == 2 || d.rank() == 3) && d.shape[d.rank() - 1] >= 2 && d.shape[d.rank() - 2] >= 2;
}

const H5DatasetInfo *findInfo(const std::vector<H5DatasetInfo> &all, const QString &path)
{
    QString p = path.startsWith(QLatin1Char('/')) ? path : QLatin1Char('/') + path;
    for (const H5DatasetInfo &d : all)
        if (d.path == p)
            return &d;
    return nullptr;
}

Error datasetError(const QString &file, const QString &dataset, const QString &what)
{
    return makeError(file, QStringLiteral("dataset %1: %2").arg(dataset, what));
}

Result<std::vector<H5DatasetInfo>> listAll(const H5::H5File &file, const QString &path)
{
    std::vector<H5DatasetInfo> all;
    try {
        h5::listDatasets(file.openGroup("/"), QStringLiteral("/"), all);
    } catch (const H5::Exception &e) {
        return makeError(path, QStringLiteral("cannot list the datasets: %1").arg(h5::describe(e)));
    }
    return all;
}

// Reads a whole (small) numeric dataset already described by `info`.
Result<std::vector<double>> readSmall(const H5::H5File &file, const H5DatasetInfo &info, const QString &path)
{
    return h5::readNumbers(file, info, path);
}
} // namespace

const QStringList &ImageStack::commonDatasetPaths()
{
    static const QStringList paths = {
        QStringLiteral("/entry/data/data"),
        QStringLiteral("/entry_1/data_1/data"),
        QStringLiteral("/entry_1/instrument_1/detector_1/data"),
        QStringLiteral("/entry/instrument/detector/data"),
        QStringLiteral("/data/data"),
        QStringLiteral("/data"),
    };
    return paths;
}

Result<std::vector<H5DatasetInfo>> ImageStack::imageDatasets(const QString &path)
{
    QMutexLocker lock(&h5::libraryMutex());
    h5::silence();
    H5::H5File file;
    H5GlobalHeapCheck heap;
    if (Status opened = h5::openReadOnly(path, file, heap); !opened)
        return opened.error();
    auto all = listAll(file, path);
    if (!all)
        return all.error();
    std::vector<H5DatasetInfo> out;
    for (const H5DatasetInfo &d : *all)
        if (isImageDataset(d))
            out.push_back(d);
    return out;
}

Result<ImageStack> ImageStack::open(const QString &path, const QString &datasetPath)
{
    QMutexLocker lock(&h5::libraryMutex());
    h5::silence();
    auto impl = std::make_shared<Impl>();
    impl->path = path;
    H5GlobalHeapCheck heap;
    if (Status opened = h5::openReadOnly(path, impl->file, heap); !opened)
        return opened.error();
    auto all = listAll(impl->file, path);
    if (!all)
        return all.error();
    impl->all = std::move(all).value();

    const H5DatasetInfo *chosen = nullptr;
    if (!datasetPath.isEmpty()) {
        chosen = findInfo(impl->all, datasetPath);
        if (!chosen)
            return datasetError(path, datasetPath, QStringLiteral("does not exist in this file"));
    } else {
        for (const QString &p : commonDatasetPaths())
            if ((chosen = findInfo(impl->all, p)))
                break;
        if (!chosen) {
            std::vector<const H5DatasetInfo *> images;
            for (const H5DatasetInfo &d : impl->all)
                if (isImageDataset(d))
                    images.push_back(&d);
            if (images.size() == 1)
                chosen = images.front();
            else if (images.empty())
                return makeError(path, QStringLiteral("has no image dataset (looked for %1 and any 2-D or 3-D numeric dataset)")
                                           .arg(commonDatasetPaths().join(QStringLiteral(", "))));
            else {
                QStringList names;
                for (const H5DatasetInfo *d : images)
                    names << d->toString();
                return makeError(path, QStringLiteral("has several image datasets; name one: %1").arg(names.join(QStringLiteral("; "))));
            }
        }
    }
    impl->info = *chosen;
    const H5DatasetInfo &info = impl->info;
    if (!info.isNumeric())
        return datasetError(path, info.path, QStringLiteral("holds %1 values, image pixels must be numbers").arg(info.typeName));
    if (info.rank() != 2 && info.rank() != 3)
        return datasetError(path, info.path, QStringLiteral("has rank %1 (%2); an image stack must be 2-D (H x W) or 3-D (N x H x W)")
                                                 .arg(info.rank()).arg(info.shapeText()));
    const qint64 h = info.shape[info.rank() - 2], w = info.shape[info.rank() - 1];
    const qint64 n = info.rank() == 3 ? info.shape[0] : 1;
    if (w < 2 || h < 2 || w > 100000 || h > 100000)
        return datasetError(path, info.path, QStringLiteral("has an image of %1 x %2 pixels, not a detector image").arg(w).arg(h));
    if (n == 0)
        return datasetError(path, info.path, QStringLiteral("holds no frames (0 x %1 x %2)").arg(h).arg(w));
    impl->frames = static_cast<int>(n);
    impl->height = static_cast<int>(h);
    impl->width = static_cast<int>(w);
    try {
        // A cache holding the chunks of at least two frames, so that reading frame by frame never reads a
        // chunk twice however the file is chunked.
        H5::DSetAccPropList access;
        const size_t frameBytes = static_cast<size_t>(w * h) * 8;
        access.setChunkCache(12421, std::max<size_t>(size_t(64) << 20, 2 * frameBytes), 1.0);
        impl->dataset = impl->file.openDataSet(info.path.toStdString(), access);
    } catch (const H5::Exception &e) {
        return datasetError(path, info.path, QStringLiteral("cannot be opened (%1)").arg(h5::describe(e)));
    }
    ImageStack stack;
    stack.m_impl = std::move(impl);
    return stack;
}

const QString &ImageStack::path() const { return m_impl->path; }
const H5DatasetInfo &ImageStack::dataset() const { return m_impl->info; }
int ImageStack::frameCount() const { return m_impl->frames; }
int ImageStack::width() const { return m_impl->width; }
int ImageStack::height() const { return m_impl->height; }

QString ImageStack::summary() const
{
    return QStringLiteral("%1 %2: %3 frame%4 of %5 x %6 %7")
        .arg(QFileInfo(path()).fileName(), dataset().path)
        .arg(frameCount())
        .arg(frameCount() == 1 ? QString() : QStringLiteral("s"))
        .arg(width())
        .arg(height())
        .arg(dataset().typeName);
}

Result<ImageFrame> ImageStack::readFrame(int index) const
{
    const Impl &d = *m_impl;
    if (index < 0 || index >= d.frames)
        return datasetError(d.path, d.info.path, QStringLiteral("has no frame %1 (frames 0..%2)").arg(index).arg(d.frames - 1));
    ImageFrame frame;
    try {
        frame = ImageFrame(d.width, d.height);
    } catch (const std::bad_alloc &) {
        return datasetError(d.path, d.info.path, QStringLiteral("frame too large to hold in memory"));
    }
    frame.index = index;
    QMutexLocker lock(&h5::libraryMutex());
    h5::silence();
    try {
        H5::DataSpace fileSpace = d.dataset.getSpace();
        if (d.info.rank() == 3) {
            const hsize_t start[3] = {static_cast<hsize_t>(index), 0, 0};
            const hsize_t count[3] = {1, static_cast<hsize_t>(d.height), static_cast<hsize_t>(d.width)};
            fileSpace.selectHyperslab(H5S_SELECT_SET, count, start);
        }
        const hsize_t memDims[2] = {static_cast<hsize_t>(d.height), static_cast<hsize_t>(d.width)};
        H5::DataSpace memSpace(2, memDims);
        d.dataset.read(frame.pixels.data(), H5::PredType::NATIVE_FLOAT, memSpace, fileSpace);
    } catch (const H5::Exception &e) {
        return datasetError(d.path, d.info.path, QStringLiteral("frame %1 cannot be read (%2)").arg(index).arg(h5::describe(e)));
    }
    return frame;
}

std::optional<QPair<double, double>> ImageStack::beamCenter() const
{
    const Impl &d = *m_impl;
    const H5DatasetInfo *bx = nullptr, *by = nullptr;
    for (const H5DatasetInfo &info : d.all) {
        if (info.elementCount() != 1 || !info.isNumeric())
            continue;
        if (info.name() == QLatin1String("beam_center_x"))
            bx = &info;
        else if (info.name() == QLatin1String("beam_center_y"))
            by = &info;
    }
    if (!bx || !by)
        return std::nullopt;
    QMutexLocker lock(&h5::libraryMutex());
    h5::silence();
    auto x = readSmall(d.file, *bx, d.path);
    auto y = readSmall(d.file, *by, d.path);
    if (!x || !y || !std::isfinite(x->front()) || !std::isfinite(y->front()))
        return std::nullopt;
    return QPair<double, double>(x->front(), y->front());
}

QList<QPair<QString, double>> ImageStack::frameMetadata(int index) const
{
    const Impl &d = *m_impl;
    QList<QPair<QString, double>> out;
    if (d.frames < 2 || index < 0 || index >= d.frames)
        return out;
    if (!d.metadataRead) {
        QMutexLocker lock(&h5::libraryMutex());
        h5::silence();
        for (const H5DatasetInfo &info : d.all)
            if (info.isNumeric() && info.rank() == 1 && info.shape[0] == d.frames)
                if (auto values = readSmall(d.file, info, d.path))
                    d.metadata.emplace_back(info.path, std::move(values).value());
        d.metadataRead = true;
    }
    for (const auto &[name, values] : d.metadata)
        out.append({name, values[static_cast<size_t>(index)]});
    return out;
}

Result<PixelMask> ImageStack::ownMask() const
{
    for (const QString &p : kMaskPaths)
        if (findInfo(m_impl->all, p))
            return readMask(path(), p, width(), height(), MaskConvention::NonzeroIsBad);
    return PixelMask{};
}

Result<PixelMask> ImageStack::readMask(const QString &file, const QString &dataset, int width, int height,
                                       MaskConvention convention)
{
    QMutexLocker lock(&h5::libraryMutex());
    h5::silence();
    H5::H5File h5file;
    H5GlobalHeapCheck heap;
    if (Status opened = h5::openReadOnly(file, h5file, heap); !opened)
        return opened.error();
    auto all = listAll(h5file, file);
    if (!all)
        return all.error();
    const H5DatasetInfo *info = findInfo(*all, dataset);
    if (!info)
        return datasetError(file, dataset, QStringLiteral("does not exist in this file"));
    const qint64 frames = info->rank() == 3 ? info->shape[0] : 1;
    if (!info->isNumeric() || (info->rank() != 2 && !(info->rank() == 3 && frames == 1)))
        return datasetError(file, info->path, QStringLiteral("is %1 [%2]; a mask must be a numeric H x W dataset")
                                                  .arg(info->typeName, info->shapeText()));
    if (info->shape[info->rank() - 2] != height || info->shape[info->rank() - 1] != width)
        return datasetError(file, info->path, QStringLiteral("is %1 but the images are %2 x %3")
                                                  .arg(info->shapeText()).arg(height).arg(width));
    auto values = h5::readNumbers(h5file, *info, file);
    if (!values)
        return values.error();
    PixelMask mask(width, height);
    const bool nonzeroGood = convention == MaskConvention::NonzeroIsGood;
    for (size_t i = 0; i < values->size(); ++i)
        mask.good[i] = ((*values)[i] != 0.0) == nonzeroGood ? 1 : 0;
    return mask;
}

Result<std::vector<std::vector<double>>> ImageStack::readColumns(const QString &file, const QStringList &datasets)
{
    QMutexLocker lock(&h5::libraryMutex());
    h5::silence();
    H5::H5File h5file;
    H5GlobalHeapCheck heap;
    if (Status opened = h5::openReadOnly(file, h5file, heap); !opened)
        return opened.error();
    auto all = listAll(h5file, file);
    if (!all)
        return all.error();
    std::vector<std::vector<double>> columns;
    for (const QString &name : datasets) {
        const H5DatasetInfo *info = findInfo(*all, name);
        if (!info)
            return datasetError(file, name, QStringLiteral("is missing"));
        if (info->rank() > 1)
            return datasetError(file, name, QStringLiteral("is %1, a column of numbers was expected").arg(info->shapeText()));
        auto values = h5::readNumbers(h5file, *info, file);
        if (!values)
            return values.error();
        if (!columns.empty() && values->size() != columns.front().size())
            return datasetError(file, name, QStringLiteral("has %1 values, %2 has %3")
                                                .arg(values->size()).arg(datasets.front()).arg(columns.front().size()));
        columns.push_back(std::move(values).value());
    }
    return columns;
}

} // namespace photopeak
