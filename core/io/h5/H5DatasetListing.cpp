// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/h5/H5DatasetListing.h"

#include "io/h5/H5Access.h"
#include "spectrum/SpectrumProblem.h"

#include <H5Cpp.h>

#include <QMutexLocker>

namespace photopeak {

H5DatasetListing::H5DatasetListing(QString path, std::vector<H5DatasetInfo> datasets,
                                   QList<QPair<QString, QString>> rootAttributes)
    : m_path(std::move(path)), m_datasets(std::move(datasets)), m_rootAttributes(std::move(rootAttributes))
{
}

Result<H5DatasetListing> H5DatasetListing::read(const QString &path)
{
    QMutexLocker lock(&h5::libraryMutex());
    h5::silence();
    H5::H5File file;
    H5GlobalHeapCheck heap;
    if (Status opened = h5::openReadOnly(path, file, heap); !opened)
        return opened.error();
    try {
        std::vector<H5DatasetInfo> datasets;
        const H5::Group root = file.openGroup("/");
        h5::listDatasets(root, QStringLiteral("/"), datasets);
        return H5DatasetListing(path, std::move(datasets), h5::textAttributes(root));
    } catch (const H5::Exception &e) {
        return makeError(path, QStringLiteral("cannot list the datasets: %1").arg(h5::describe(e)),
                         unsigned(SpectrumProblem::Unreadable));
    }
}

QString H5DatasetListing::rootAttribute(const QString &name) const
{
    for (const auto &[key, value] : m_rootAttributes)
        if (key == name)
            return value;
    return {};
}

const H5DatasetInfo *H5DatasetListing::find(const QString &datasetPath) const
{
    const QString wanted = datasetPath.startsWith(QLatin1Char('/')) ? datasetPath : QLatin1Char('/') + datasetPath;
    for (const auto &info : m_datasets)
        if (info.path == wanted)
            return &info;
    return nullptr;
}

QString H5DatasetListing::summary() const
{
    if (m_datasets.empty())
        return QStringLiteral("none");
    // Event files hold hundreds of index tables: keep error messages readable.
    constexpr size_t MaxShown = 12;
    QStringList parts;
    for (size_t i = 0; i < m_datasets.size() && i < MaxShown; ++i)
        parts << m_datasets[i].toString();
    if (m_datasets.size() > MaxShown)
        parts << QStringLiteral("... and %1 more").arg(m_datasets.size() - MaxShown);
    return parts.join(QStringLiteral(", "));
}

QString H5DatasetListing::toText() const
{
    QStringList lines{QStringLiteral("HDF5 file %1").arg(m_path)};
    if (!m_rootAttributes.isEmpty()) {
        lines << QStringLiteral("root attributes:");
        for (const auto &[key, value] : m_rootAttributes)
            lines << QStringLiteral("  %1 = %2").arg(key, value);
    }
    lines << QStringLiteral("datasets (%1):").arg(m_datasets.size());
    for (const auto &info : m_datasets)
        lines << QStringLiteral("  %1  [%2]  %3").arg(info.path, info.shapeText(), info.typeName);
    return lines.join(QLatin1Char('\n'));
}

} // namespace photopeak
