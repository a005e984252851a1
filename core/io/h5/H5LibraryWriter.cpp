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

void writeStrings(H5::H5File &file, const char *name, const QStringList &values)
{
    std::vector<std::string> utf8;
    utf8.reserve(static_cast<size_t>(values.size()));
    for (const QString &v : values)
        utf8.push_back(v.toStdString());
    std::vector<const char *> pointers;
    pointers.reserve(utf8.size());
    for (const std::string &s : utf8)
        pointers.push_back(s.c_str());
    const hsize_t dims[1] = {utf8.size()};
    const H5::StrType type = utf8StringType();
    file.createDataSet(name, type, H5::DataSpace(1, dims)).write(pointers.data(), type);
}

template <typename T>
void writeColumn(H5::H5File &file, const char *name, const H5::PredType &fileType, const H5::PredType &memType,
                 const std::vector<T> &values)
{
    const hsize_t dims[1] = {values.size()};
    file.createDataSet(name, fileType, H5::DataSpace(1, dims)).write(values.data(), memType);
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

// Padded [n, max channels] table, chunked by rows and compressed (zero padding costs almost nothing).
void writeCounts(H5::H5File &file, const std::vector<Spectrum> &spectra, size_t width)
{
    const size_t n = spectra.size();
    std::vector<double> table(n * width, 0.0);
    for (size_t r = 0; r < n; ++r)
        std::copy(spectra[r].counts.begin(), spectra[r].counts.end(), table.begin() + static_cast<qsizetype>(r * width));
    const hsize_t dims[2] = {n, width};
    H5::DSetCreatPropList properties;
    if (width > 0) {
        const hsize_t chunk[2] = {std::clamp<hsize_t>(32768 / width, 1, n), width};
        properties.setChunk(2, chunk);
        if (H5Zfilter_avail(H5Z_FILTER_DEFLATE) > 0) {
            properties.setShuffle();
            properties.setDeflate(4);
        }
    }
    H5::DataSet counts = file.createDataSet("counts", H5::PredType::IEEE_F64LE, H5::DataSpace(2, dims), properties);
    counts.write(table.data(), H5::PredType::NATIVE_DOUBLE);
    writeStringAttribute(counts, "description",
                         QStringLiteral("counts per channel; row i holds channels[i] values, the rest is padding"));
}

Status validate(const QString &path, const std::vector<Spectrum> &spectra)
{
    if (spectra.empty())
        return makeError(path, QStringLiteral("nothing to write: no spectra"));
    for (size_t i = 0; i < spectra.size(); ++i)
        for (const QString &label : spectra[i].labels)
            if (label.contains(QLatin1Char(';')) || label.isEmpty())
                return makeError(path, QStringLiteral("spectrum %1 (%2): label '%3' is empty or contains ';', "
                                                      "which separates labels in the library")
                                           .arg(i)
                                           .arg(spectra[i].displayName(), label));
    return Ok{};
}

void writeFile(const QString &temporary, const std::vector<Spectrum> &spectra)
{
    H5::H5File file(QFile::encodeName(temporary).constData(), H5F_ACC_TRUNC);
    const size_t n = spectra.size();
    size_t width = 0;
    for (const Spectrum &s : spectra)
        width = std::max(width, s.counts.size());

    H5::Group root = file.openGroup("/");
    writeStringAttribute(root, "format", QString::fromLatin1(h5lib::FormatName));
    writeIntAttribute(root, "version", h5lib::Version);
    writeStringAttribute(root, "writer", QStringLiteral("Photopeak " PHOTOPEAK_VERSION));
    writeStringAttribute(root, "created", QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    writeIntAttribute(root, "spectrum_count", static_cast<long long>(n));
    writeStringAttribute(root, "energy_calibration",
                         QStringLiteral("E_keV = c0 + c1*i + c2*i^2 + c3*i^3, i = channel index (lower channel edge)"));

    writeCounts(file, spectra, width);
    std::vector<std::int32_t> channels(n);
    std::vector<double> live(n), real(n), distance(n), calibration(n * 4);
    std::vector<std::int64_t> index(n);
    std::vector<std::uint32_t> problems(n);
    QStringList starts, descriptions, detectors, sources, labels, headers;
    for (size_t i = 0; i < n; ++i) {
        const Spectrum &s = spectra[i];
        channels[i] = static_cast<std::int32_t>(s.counts.size());
        live[i] = s.liveTime;
        real[i] = s.realTime;
        distance[i] = s.distanceCm;
        std::copy(s.calibration.coefficients().begin(), s.calibration.coefficients().end(), calibration.begin() + i * 4);
        index[i] = s.indexInSource;
        problems[i] = s.problems.bits();
        starts << (s.startTime.isValid() ? s.startTime.toString(Qt::ISODateWithMs) : QString());
        descriptions << s.description;
        detectors << s.detector;
        sources << s.sourcePath;
        labels << s.labels.join(QLatin1Char(';'));
        headers << QString::fromLatin1(s.rawHeader.toBase64());
    }
    writeColumn(file, "channels", H5::PredType::STD_I32LE, H5::PredType::NATIVE_INT32, channels);
    writeColumn(file, "live_time", H5::PredType::IEEE_F64LE, H5::PredType::NATIVE_DOUBLE, live);
    writeColumn(file, "real_time", H5::PredType::IEEE_F64LE, H5::PredType::NATIVE_DOUBLE, real);
    writeColumn(file, "distance_cm", H5::PredType::IEEE_F64LE, H5::PredType::NATIVE_DOUBLE, distance);
    writeColumn(file, "index_in_source", H5::PredType::STD_I64LE, H5::PredType::NATIVE_INT64, index);
    writeColumn(file, "problems", H5::PredType::STD_U32LE, H5::PredType::NATIVE_UINT32, problems);
    const hsize_t calDims[2] = {n, 4};
    H5::DataSet cal = file.createDataSet("calibration", H5::PredType::IEEE_F64LE, H5::DataSpace(2, calDims));
    cal.write(calibration.data(), H5::PredType::NATIVE_DOUBLE);
    writeStringAttribute(cal, "columns", QStringLiteral("c0_keV,c1_keV_per_channel,c2_keV_per_channel2,c3_keV_per_channel3"));
    writeStrings(file, "start_time", starts);
    writeStrings(file, "description", descriptions);
    writeStrings(file, "detector", detectors);
    writeStrings(file, "source_path", sources);
    writeStrings(file, "labels", labels);
    writeStrings(file, "raw_header", headers);
    file.close();
}
} // namespace

Status H5LibraryWriter::write(const QString &path, const std::vector<Spectrum> &spectra) const
{
    if (Status ok = validate(path, spectra); !ok)
        return ok;
    QMutexLocker lock(&h5::libraryMutex());
    h5::silence();
    const QString temporary = temporarySibling(path);
    try {
        writeFile(temporary, spectra);
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
