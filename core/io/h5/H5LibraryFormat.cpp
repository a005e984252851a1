// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/h5/H5LibraryFormat.h"

#include "io/h5/H5Access.h"
#include "io/h5/H5DatasetListing.h"

#include <H5Cpp.h>

#include <cmath>

namespace photopeak::h5lib {

namespace {
Error formatError(const QString &path, const QString &what)
{
    return makeError(path, QStringLiteral("spectral library: %1").arg(what), unsigned(SpectrumProblem::Unreadable));
}

// Optional per-row dataset: absent -> empty; present -> exactly `rows` values.
template <typename T, typename ReadFn>
Result<T> optionalColumn(const H5DatasetListing &listing, const char *name, qint64 rows, const QString &path,
                         ReadFn read)
{
    const H5DatasetInfo *info = listing.find(QLatin1Char('/') + QLatin1String(name));
    if (!info)
        return T{};
    if (info->rank() != 1 || info->shape[0] != rows)
        return formatError(path, QStringLiteral("dataset %1 is [%2], expected [%3]")
                                     .arg(info->path, info->shapeText())
                                     .arg(rows));
    return read(*info);
}
} // namespace

bool isLibrary(const H5DatasetListing &listing)
{
    return listing.rootAttribute(QStringLiteral("format")) == QLatin1String(FormatName);
}

Result<std::vector<Spectrum>> read(const H5::H5File &file, const H5GlobalHeapCheck &heap, const H5DatasetListing &listing,
                                   const QString &path)
{
    bool versionOk = false;
    const int version = listing.rootAttribute(QStringLiteral("version")).toInt(&versionOk);
    if (!versionOk)
        return formatError(path, QStringLiteral("root attribute 'version' is missing or not a number"));
    if (version > Version)
        return formatError(path, QStringLiteral("written in format version %1; this program reads up to version %2, "
                                                "please update it")
                                     .arg(version)
                                     .arg(Version));

    const H5DatasetInfo *countsInfo = listing.find(QStringLiteral("/counts"));
    const H5DatasetInfo *channelsInfo = listing.find(QStringLiteral("/channels"));
    if (!countsInfo || !channelsInfo)
        return formatError(path, QStringLiteral("datasets /counts and /channels are required; datasets: %1")
                                     .arg(listing.summary()));
    if (countsInfo->rank() != 2 || !countsInfo->isNumeric())
        return formatError(path, QStringLiteral("dataset /counts is %1, expected [spectra x channels] numbers")
                                     .arg(countsInfo->toString()));
    const qint64 rows = countsInfo->shape[0];
    const qint64 width = countsInfo->shape[1];

    auto numbers = [&](const H5DatasetInfo &info) { return h5::readNumbers(file, info, path); };
    auto strings = [&](const H5DatasetInfo &info) { return h5::readStrings(file, heap, info, path); };
    using Numbers = std::vector<double>;
    auto channels = optionalColumn<Numbers>(listing, "channels", rows, path, numbers);
    auto live = optionalColumn<Numbers>(listing, "live_time", rows, path, numbers);
    auto real = optionalColumn<Numbers>(listing, "real_time", rows, path, numbers);
    auto distance = optionalColumn<Numbers>(listing, "distance_cm", rows, path, numbers);
    auto index = optionalColumn<Numbers>(listing, "index_in_source", rows, path, numbers);
    auto problems = optionalColumn<Numbers>(listing, "problems", rows, path, numbers);
    auto starts = optionalColumn<QStringList>(listing, "start_time", rows, path, strings);
    auto descriptions = optionalColumn<QStringList>(listing, "description", rows, path, strings);
    auto detectors = optionalColumn<QStringList>(listing, "detector", rows, path, strings);
    auto sources = optionalColumn<QStringList>(listing, "source_path", rows, path, strings);
    auto labels = optionalColumn<QStringList>(listing, "labels", rows, path, strings);
    auto headers = optionalColumn<QStringList>(listing, "raw_header", rows, path, strings);
    for (const Error *e : {channels ? nullptr : &channels.error(), live ? nullptr : &live.error(),
                           real ? nullptr : &real.error(), distance ? nullptr : &distance.error(),
                           index ? nullptr : &index.error(), problems ? nullptr : &problems.error(),
                           starts ? nullptr : &starts.error(), descriptions ? nullptr : &descriptions.error(),
                           detectors ? nullptr : &detectors.error(), sources ? nullptr : &sources.error(),
                           labels ? nullptr : &labels.error(), headers ? nullptr : &headers.error()})
        if (e)
            return *e;

    std::vector<double> calibration;
    if (const H5DatasetInfo *info = listing.find(QStringLiteral("/calibration"))) {
        if (info->rank() != 2 || info->shape[0] != rows || info->shape[1] != 4)
            return formatError(path, QStringLiteral("dataset /calibration is [%1], expected [%2 x 4]")
                                         .arg(info->shapeText())
                                         .arg(rows));
        auto values = numbers(*info);
        if (!values)
            return values.error();
        calibration = std::move(values).value();
    }
    if (Status shape = h5::checkTableShape(*countsInfo, path); !shape)
        return shape.error();
    std::vector<Spectrum> spectra(static_cast<size_t>(rows));
    for (qint64 r = 0; r < rows; ++r) {
        const double n = channels->at(static_cast<size_t>(r));
        if (!(n >= 0 && n <= width && n == std::floor(n)))
            return formatError(path, QStringLiteral("row %1: /channels says %2 but /counts has %3 columns")
                                         .arg(r)
                                         .arg(n)
                                         .arg(width));
    }
    const Status countsRead = h5::readRowBlocks(file, *countsInfo, path, [&](qint64 first, qint64 count, const double *values) {
        for (qint64 r = first; r < first + count; ++r) {
            const double *row = values + (r - first) * width;
            spectra[static_cast<size_t>(r)].counts.assign(row, row + static_cast<qint64>(channels->at(static_cast<size_t>(r))));
        }
    });
    if (!countsRead)
        return countsRead.error();
    for (qint64 r = 0; r < rows; ++r) {
        const size_t i = static_cast<size_t>(r);
        Spectrum &s = spectra[i];
        if (!live->empty())
            s.liveTime = live->at(i);
        if (!real->empty())
            s.realTime = real->at(i);
        if (!distance->empty())
            s.distanceCm = distance->at(i);
        if (!index->empty())
            s.indexInSource = static_cast<int>(index->at(i));
        if (!problems->empty())
            s.problems = SpectrumProblems::fromBits(static_cast<std::uint32_t>(problems->at(i)));
        if (!starts->isEmpty() && !starts->at(r).isEmpty())
            s.startTime = QDateTime::fromString(starts->at(r), Qt::ISODateWithMs);
        if (!descriptions->isEmpty())
            s.description = descriptions->at(r);
        if (!detectors->isEmpty())
            s.detector = detectors->at(r);
        s.sourcePath = sources->isEmpty() ? path : sources->at(r);
        if (!labels->isEmpty() && !labels->at(r).isEmpty())
            s.labels = labels->at(r).split(QLatin1Char(';'));
        if (!headers->isEmpty() && !headers->at(r).isEmpty())
            s.rawHeader = QByteArray::fromBase64(headers->at(r).toLatin1());
        if (!calibration.empty())
            s.calibration = EnergyCalibration::fromCoefficients(
                std::vector<double>(calibration.begin() + r * 4, calibration.begin() + r * 4 + 4));
        s.checkValues();
    }
    return spectra;
}

} // namespace photopeak::h5lib
