// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/h5/H5LibraryWriter.h"

#include "io/AtomicFile.h"
#include "io/h5/H5Access.h"
#include "io/h5/H5LibraryFormat.h"

#include <H5Cpp.h>

#include <QFile>
#include <QMutexLocker>

#include <algorithm>
#include <cstdint>

namespace photopeak {

namespace {
H5::StrType utf8StringType()
{
    H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);
    type.setCset(H5T_CSET_UTF8);
    return type;
}

void writeStringAttribute(H5::H5Object &object, const char *name, const QString &value)
{
    const std::string utf8 = value.toStdString();
    const H5::StrType type = utf8StringType();
    object.createAttribute(name, type, H5::DataSpace(H5S_SCALAR)).write(type, utf8);
}

void writeIntAttribute(H5::H5Object &object, const char *name, long long value)
{
    object.createAttribute(name, H5::PredType::STD_I64LE, H5::DataSpace(H5S_SCALAR))
        .write(H5::PredType::NATIVE_LLONG, &value);
}

// What the first pass learns: the file's shape.
struct Shape {
    size_t rows = 0;
    size_t width = 0;
};

Status checkLabels(const QString &path, const std::vector<Spectrum> &chunk, size_t firstRow)
{
    for (size_t i = 0; i < chunk.size(); ++i)
        for (const QString &label : chunk[i].labels)
            if (label.contains(QLatin1Char(';')) || label.isEmpty())
                return makeError(path, QStringLiteral("spectrum %1 (%2): label '%3' is empty or contains ';', "
                                                      "which separates labels in the library")
                                           .arg(firstRow + i)
                                           .arg(chunk[i].displayName(), label));
    return Ok{};
}

Status checkShape(const QString &path, const Shape &shape)
{
    if (shape.rows == 0)
        return makeError(path, QStringLiteral("nothing to write: no spectra"));
    // Never write a file the reader would refuse (the same check on the same shape).
    H5DatasetInfo counts;
    counts.path = QStringLiteral("/counts");
    counts.kind = H5DatasetInfo::Kind::Float;
    counts.shape = {static_cast<qint64>(shape.rows), static_cast<qint64>(shape.width)};
    if (Status fits = h5::checkTableShape(counts, path); !fits)
        return makeError(path, QStringLiteral("%1; write at most %2 spectra of %3 channels per library file")
                                   .arg(fits.error().message)
                                   .arg(std::min<qint64>(h5::MaxRowsPerTable, h5::MaxValuesPerRead / std::max<qint64>(1, qint64(shape.width))))
                                   .arg(shape.width));
    return Ok{};
}

// The library's datasets at their final size; rows are written into them chunk by chunk.
class LibraryFile {
public:
    LibraryFile(const QString &temporary, const Shape &shape) : m_file(QFile::encodeName(temporary).constData(), H5F_ACC_TRUNC), m_shape(shape)
    {
        const hsize_t n = shape.rows;
        H5::Group root = m_file.openGroup("/");
        writeStringAttribute(root, "format", QString::fromLatin1(h5lib::FormatName));
        writeIntAttribute(root, "version", h5lib::Version);
        writeStringAttribute(root, "writer", QStringLiteral("Photopeak " PHOTOPEAK_VERSION));
        writeStringAttribute(root, "created", QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        writeIntAttribute(root, "spectrum_count", static_cast<long long>(n));
        writeStringAttribute(root, "energy_calibration",
                             QStringLiteral("E_keV = c0 + c1*i + c2*i^2 + c3*i^3, i = channel index (lower channel edge)"));
        // Padded [n, max channels] table, chunked by rows and compressed (zero padding costs almost nothing).
        const hsize_t dims[2] = {n, shape.width};
        H5::DSetCreatPropList properties;
        if (shape.width > 0) {
            const hsize_t chunk[2] = {std::clamp<hsize_t>(32768 / shape.width, 1, n), shape.width};
            properties.setChunk(2, chunk);
            if (H5Zfilter_avail(H5Z_FILTER_DEFLATE) > 0) {
                properties.setShuffle();
                properties.setDeflate(4);
            }
        }
        m_counts = m_file.createDataSet("counts", H5::PredType::IEEE_F64LE, H5::DataSpace(2, dims), properties);
        writeStringAttribute(m_counts, "description",
                             QStringLiteral("counts per channel; row i holds channels[i] values, the rest is padding"));
        const hsize_t column[1] = {n};
        auto make = [&](const char *name, const H5::DataType &type) { return m_file.createDataSet(name, type, H5::DataSpace(1, column)); };
        m_channels = make("channels", H5::PredType::STD_I32LE);
        m_live = make("live_time", H5::PredType::IEEE_F64LE);
        m_real = make("real_time", H5::PredType::IEEE_F64LE);
        m_distance = make("distance_cm", H5::PredType::IEEE_F64LE);
        m_index = make("index_in_source", H5::PredType::STD_I64LE);
        m_problems = make("problems", H5::PredType::STD_U32LE);
        const hsize_t calDims[2] = {n, 4};
        m_calibration = m_file.createDataSet("calibration", H5::PredType::IEEE_F64LE, H5::DataSpace(2, calDims));
        writeStringAttribute(m_calibration, "columns", QStringLiteral("c0_keV,c1_keV_per_channel,c2_keV_per_channel2,c3_keV_per_channel3"));
        const H5::StrType text = utf8StringType();
        for (const char *name : {"start_time", "description", "detector", "source_path", "labels", "raw_header"})
            m_strings.push_back(make(name, text));
    }

    // Rows [m_written, m_written + chunk.size()).
    void append(const std::vector<Spectrum> &chunk)
    {
        const size_t n = chunk.size(), first = m_written;
        std::vector<std::int32_t> channels(n);
        std::vector<double> live(n), real(n), distance(n), calibration(n * 4), counts(n * m_shape.width, 0.0);
        std::vector<std::int64_t> index(n);
        std::vector<std::uint32_t> problems(n);
        std::vector<std::vector<std::string>> texts(6, std::vector<std::string>(n));
        for (size_t i = 0; i < n; ++i) {
            const Spectrum &s = chunk[i];
            std::copy(s.counts.begin(), s.counts.end(), counts.begin() + static_cast<qsizetype>(i * m_shape.width));
            channels[i] = static_cast<std::int32_t>(s.counts.size());
            live[i] = s.liveTime;
            real[i] = s.realTime;
            distance[i] = s.distanceCm;
            std::copy(s.calibration.coefficients().begin(), s.calibration.coefficients().end(), calibration.begin() + i * 4);
            index[i] = s.indexInSource;
            problems[i] = s.problems.bits();
            texts[0][i] = s.startTime.isValid() ? s.startTime.toString(Qt::ISODateWithMs).toStdString() : std::string();
            texts[1][i] = s.description.toStdString();
            texts[2][i] = s.detector.toStdString();
            texts[3][i] = s.sourcePath.toStdString();
            texts[4][i] = s.labels.join(QLatin1Char(';')).toStdString();
            texts[5][i] = s.rawHeader.toBase64().toStdString();
        }
        if (m_shape.width > 0)
            writeRows(m_counts, counts.data(), H5::PredType::NATIVE_DOUBLE, first, n, m_shape.width);
        writeRows(m_channels, channels.data(), H5::PredType::NATIVE_INT32, first, n);
        writeRows(m_live, live.data(), H5::PredType::NATIVE_DOUBLE, first, n);
        writeRows(m_real, real.data(), H5::PredType::NATIVE_DOUBLE, first, n);
        writeRows(m_distance, distance.data(), H5::PredType::NATIVE_DOUBLE, first, n);
        writeRows(m_index, index.data(), H5::PredType::NATIVE_INT64, first, n);
        writeRows(m_problems, problems.data(), H5::PredType::NATIVE_UINT32, first, n);
        writeRows(m_calibration, calibration.data(), H5::PredType::NATIVE_DOUBLE, first, n, 4);
        const H5::StrType text = utf8StringType();
        for (size_t k = 0; k < texts.size(); ++k) {
            std::vector<const char *> pointers(n);
            for (size_t i = 0; i < n; ++i)
                pointers[i] = texts[k][i].c_str();
            writeRows(m_strings[k], pointers.data(), text, first, n);
        }
        m_written += n;
    }

    size_t written() const { return m_written; }
    void close() { m_file.close(); }

private:
    static void writeRows(H5::DataSet &dataset, const void *values, const H5::DataType &memType, size_t first, size_t rows,
                          size_t columns = 0)
    {
        if (rows == 0)
            return;
        H5::DataSpace fileSpace = dataset.getSpace();
        const int rank = columns > 0 ? 2 : 1;
        const hsize_t offset[2] = {first, 0};
        const hsize_t extent[2] = {rows, columns};
        fileSpace.selectHyperslab(H5S_SELECT_SET, extent, offset);
        dataset.write(values, memType, H5::DataSpace(rank, extent), fileSpace);
    }

    H5::H5File m_file;
    Shape m_shape;
    size_t m_written = 0;
    H5::DataSet m_counts, m_channels, m_live, m_real, m_distance, m_index, m_problems, m_calibration;
    std::vector<H5::DataSet> m_strings;
};
} // namespace

Status H5LibraryWriter::write(const QString &path, const std::vector<Spectrum> &spectra) const
{
    return writeChunks(path, [&](const auto &take) { take(spectra); });
}

Status H5LibraryWriter::writeChunks(const QString &path, const Chunks &chunks) const
{
    Shape shape;
    Status checked = Ok{};
    chunks([&](const std::vector<Spectrum> &chunk) {
        if (checked)
            checked = checkLabels(path, chunk, shape.rows);
        shape.rows += chunk.size();
        for (const Spectrum &s : chunk)
            shape.width = std::max(shape.width, s.counts.size());
    });
    if (!checked)
        return checked;
    if (Status ok = checkShape(path, shape); !ok)
        return ok;
    QMutexLocker lock(&h5::libraryMutex());
    h5::silence();
    const QString temporary = temporarySibling(path);
    try {
        LibraryFile file(temporary, shape);
        bool changed = false;
        chunks([&](const std::vector<Spectrum> &chunk) {
            size_t width = 0;
            for (const Spectrum &s : chunk)
                width = std::max(width, s.counts.size());
            changed = changed || file.written() + chunk.size() > shape.rows || width > shape.width;
            if (!changed)
                file.append(chunk);
        });
        changed = changed || file.written() != shape.rows;
        file.close();
        if (changed) {
            QFile::remove(temporary);
            return makeError(path, QStringLiteral("the input changed while it was being written; nothing written"));
        }
    } catch (const H5::Exception &e) {
        QFile::remove(temporary);
        return makeError(path, QStringLiteral("cannot be written as HDF5: %1").arg(h5::describe(e)));
    } catch (const std::bad_alloc &) {
        QFile::remove(temporary);
        return makeError(path, QStringLiteral("too many spectra to write at once (out of memory)"));
    }
    return commitTemporary(temporary, path, OutputKind::spectra());
}

} // namespace photopeak
