// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/h5/H5SpectraReader.h"

#include "io/h5/H5Access.h"
#include "io/h5/H5LibraryFormat.h"
#include "spectrum/LabelParser.h"

#include <H5Cpp.h>

#include <QMutexLocker>
#include <QRegularExpression>

#include <cmath>
#include <cstring>

namespace photopeak {

namespace {
constexpr char Signature[] = "\x89HDF\r\n\x1a\n";

Error rowCountError(const QString &path, const H5DatasetInfo &info, qint64 values, qint64 rows)
{
    return makeError(path, QStringLiteral("dataset %1 has %2 values but the counts table has %3 rows")
                               .arg(info.path)
                               .arg(values)
                               .arg(rows),
                     unsigned(SpectrumProblem::Unreadable));
}

// One value per row, or a single value for all rows.
Result<std::vector<double>> perRowNumbers(const H5::H5File &file, const H5DatasetInfo &info, qint64 rows,
                                          const QString &path)
{
    auto values = h5::readNumbers(file, info, path);
    if (!values)
        return values.error();
    const qint64 n = static_cast<qint64>(values->size());
    if (n == 1)
        return std::vector<double>(static_cast<size_t>(rows), values->front());
    if (n != rows)
        return rowCountError(path, info, n, rows);
    return values;
}

Result<QStringList> perRowStrings(const H5::H5File &file, const H5GlobalHeapCheck &heap, const H5DatasetInfo &info,
                                  qint64 rows, const QString &path)
{
    auto values = h5::readStrings(file, heap, info, path);
    if (!values)
        return values.error();
    const qint64 n = values->size();
    if (n == 1 && rows != 1) {
        QStringList all;
        all.reserve(static_cast<qsizetype>(rows));
        for (qint64 i = 0; i < rows; ++i)
            all << values->front();
        return all;
    }
    if (n != rows)
        return rowCountError(path, info, n, rows);
    return values;
}

// [rows, k] per-row coefficients or one [k] vector for all rows, k = 2..4.
Result<std::vector<EnergyCalibration>> readCalibrations(const H5::H5File &file, const H5DatasetInfo &info,
                                                        qint64 rows, const QString &path)
{
    const qint64 k = info.rank() == 1 ? info.shape[0] : (info.rank() == 2 ? info.shape[1] : 0);
    const qint64 calRows = info.rank() == 2 ? info.shape[0] : 1;
    if (k < 2 || k > 4 || (calRows != rows && calRows != 1))
        return makeError(path, QStringLiteral("dataset %1 is %2; calibration must be [%3, 2..4] or one [2..4] "
                                              "vector of coefficients offset, slope, quad, cubic")
                                   .arg(info.path, info.shapeText())
                                   .arg(rows),
                         unsigned(SpectrumProblem::InvalidCalibration));
    auto values = h5::readNumbers(file, info, path);
    if (!values)
        return values.error();
    std::vector<EnergyCalibration> out(static_cast<size_t>(rows));
    for (qint64 r = 0; r < rows; ++r) {
        const double *row = values->data() + (calRows == 1 ? 0 : r * k);
        out[static_cast<size_t>(r)] = EnergyCalibration::fromCoefficients(std::vector<double>(row, row + k));
    }
    return out;
}

QDateTime parseTime(const QString &text, bool numeric)
{
    if (numeric) {
        bool ok = false;
        const double secs = text.toDouble(&ok);
        if (!ok || !std::isfinite(secs) || secs <= 0)
            return {};
        return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(std::llround(secs * 1000.0)), Qt::UTC);
    }
    QDateTime t = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text.trimmed(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    return t;
}

Result<std::vector<Spectrum>> readTable(const H5::H5File &file, const H5GlobalHeapCheck &heap,
                                        const H5DatasetListing &listing, const H5Layout &overrides, const QString &path)
{
    auto resolved = H5Layout::resolve(listing, overrides);
    if (!resolved)
        return resolved.error();
    const H5Layout &layout = *resolved;
    const H5DatasetInfo &countsInfo = *listing.find(layout.counts);
    const qint64 rows = countsInfo.shape[0];
    const qint64 channels = countsInfo.shape[1];
    if (rows == 0)
        return makeError(path, QStringLiteral("dataset %1 holds no spectra (0 rows)").arg(countsInfo.path),
                         unsigned(SpectrumProblem::Unreadable));

    if (Status shape = h5::checkTableShape(countsInfo, path); !shape)
        return shape.error();
    // Read in blocks of rows straight into the spectra (HDF5 converts integer counts to double).
    std::vector<Spectrum> spectra(static_cast<size_t>(rows));
    const Status countsRead = h5::readRowBlocks(file, countsInfo, path, [&](qint64 first, qint64 count, const double *values) {
        for (qint64 r = first; r < first + count; ++r) {
            const double *row = values + (r - first) * channels;
            spectra[static_cast<size_t>(r)].counts.assign(row, row + channels);
        }
    });
    if (!countsRead)
        return countsRead.error();

    auto numbersFor = [&](const QString &role) -> Result<std::vector<double>> {
        if (role.isEmpty())
            return std::vector<double>{};
        return perRowNumbers(file, *listing.find(role), rows, path);
    };
    auto stringsFor = [&](const QString &role) -> Result<QStringList> {
        if (role.isEmpty())
            return QStringList{};
        return perRowStrings(file, heap, *listing.find(role), rows, path);
    };
    auto labels = stringsFor(layout.labels);
    auto detectors = stringsFor(layout.detector);
    auto descriptions = stringsFor(layout.description);
    auto starts = stringsFor(layout.startTime);
    auto live = numbersFor(layout.liveTime);
    auto real = numbersFor(layout.realTime);
    auto distance = numbersFor(layout.distance);
    for (const Error *e : {labels ? nullptr : &labels.error(), detectors ? nullptr : &detectors.error(),
                           descriptions ? nullptr : &descriptions.error(), starts ? nullptr : &starts.error(),
                           live ? nullptr : &live.error(), real ? nullptr : &real.error(),
                           distance ? nullptr : &distance.error()})
        if (e)
            return *e;
    Result<std::vector<EnergyCalibration>> calibrations = std::vector<EnergyCalibration>{};
    if (!layout.calibration.isEmpty())
        calibrations = readCalibrations(file, *listing.find(layout.calibration), rows, path);
    if (!calibrations)
        return calibrations.error();
    const bool numericStart = !layout.startTime.isEmpty() && listing.find(layout.startTime)->isNumeric();

    for (qint64 r = 0; r < rows; ++r) {
        Spectrum &s = spectra[static_cast<size_t>(r)];
        const size_t i = static_cast<size_t>(r);
        s.sourcePath = path;
        s.indexInSource = static_cast<int>(r);
        if (!labels->isEmpty())
            s.labels = H5SpectraReader::parseLabels(labels->at(r));
        if (!detectors->isEmpty())
            s.detector = detectors->at(r).trimmed();
        if (!descriptions->isEmpty())
            s.description = descriptions->at(r);
        if (!starts->isEmpty())
            s.startTime = parseTime(starts->at(r), numericStart);
        if (!distance->empty())
            s.distanceCm = distance->at(i);
        if (!real->empty())
            s.realTime = real->at(i);
        if (!live->empty())
            s.liveTime = live->at(i);
        else
            s.problems.add(SpectrumProblem::NoLiveTime);
        if (!calibrations->empty())
            s.calibration = calibrations->at(i);
        else
            s.problems.add(SpectrumProblem::MissingCalibration);
        s.checkValues();
    }
    return spectra;
}
} // namespace

QStringList H5SpectraReader::fileSuffixes() const
{
    return {QStringLiteral("h5"), QStringLiteral("hdf5"), QStringLiteral("hdf"), QStringLiteral("he5")};
}

int H5SpectraReader::confidence(const QString &path, qint64 fileSize, QByteArrayView head) const
{
    // The signature sits at offset 0, or after a user block of 512, 1024, 2048 ... bytes.
    const QByteArrayView signature(Signature, 8);
    for (qsizetype offset = 0; offset + 8 <= head.size(); offset = offset == 0 ? 512 : offset * 2)
        if (head.sliced(offset, 8) == signature)
            return 90;
    const bool suffix = fileSuffixes().contains(path.section(QLatin1Char('.'), -1).toLower());
    // Claim damaged files with an HDF5 suffix so that the HDF5 problem is what the user reads.
    return suffix && fileSize >= 0 ? 40 : 0;
}

Result<H5Layout> H5SpectraReader::detectLayout(const QString &path, const H5Layout &overrides)
{
    auto listing = H5DatasetListing::read(path);
    if (!listing)
        return listing.error();
    return H5Layout::resolve(*listing, overrides);
}

QStringList H5SpectraReader::parseLabels(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[;,]"));
    QStringList out;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts)) {
        const QString trimmed = part.trimmed();
        if (trimmed.isEmpty())
            continue;
        const QString canonical = LabelParser::canonical(trimmed);
        const QString label = canonical.isEmpty() ? trimmed : canonical;
        if (!out.contains(label))
            out << label;
    }
    return out;
}

namespace {
Result<std::vector<Spectrum>> readOpened(H5::H5File &file, const H5GlobalHeapCheck &heap, const H5Layout &layout,
                                         const QString &path)
{
    try {
        std::vector<H5DatasetInfo> datasets;
        const H5::Group root = file.openGroup("/");
        h5::listDatasets(root, QStringLiteral("/"), datasets);
        const H5DatasetListing listing(path, std::move(datasets), h5::textAttributes(root));
        if (h5lib::isLibrary(listing) && layout.isEmpty())
            return h5lib::read(file, heap, listing, path);
        return readTable(file, heap, listing, layout, path);
    } catch (const H5::Exception &e) {
        return makeError(path, QStringLiteral("HDF5 file cannot be read: %1").arg(h5::describe(e)),
                         unsigned(SpectrumProblem::Unreadable));
    } catch (const std::bad_alloc &) {
        return makeError(path, QStringLiteral("HDF5 file is too large to hold in memory"),
                         unsigned(SpectrumProblem::Unreadable));
    }
}
} // namespace

Result<std::vector<Spectrum>> H5SpectraReader::read(const QString &path, const H5Layout &layout) const
{
    QMutexLocker lock(&h5::libraryMutex());
    h5::silence();
    H5::H5File file;
    H5GlobalHeapCheck heap;
    if (Status opened = h5::openReadOnly(path, file, heap); !opened)
        return opened.error();
    return readOpened(file, heap, layout, path);
}

Result<std::vector<Spectrum>> H5SpectraReader::readBytes(QByteArrayView bytes, const QString &name) const
{
    if (bytes.size() > H5GlobalHeapCheck::MaxScannedBytes)
        return makeError(name, QStringLiteral("%1 bytes is more than this program reads from memory").arg(bytes.size()),
                         unsigned(SpectrumProblem::Unreadable));
    QMutexLocker lock(&h5::libraryMutex());
    h5::silence();
    H5::H5File file;
    H5GlobalHeapCheck heap;
    if (Status opened = h5::openImage(bytes.toByteArray(), name, file, heap); !opened)
        return opened.error();
    return readOpened(file, heap, H5Layout{}, name);
}

} // namespace photopeak
