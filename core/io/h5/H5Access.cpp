// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/h5/H5Access.h"

#include "io/h5/H5GlobalHeapCheck.h"
#include "spectrum/SpectrumProblem.h"

#include <H5Cpp.h>

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <atomic>
#include <string>
#include <unistd.h>
#include <cstring>
#include <limits>
#include <new>

namespace photopeak::h5 {

namespace {
constexpr int MaxGroupDepth = 32;

herr_t collectMessage(unsigned, const H5E_error2_t *err, void *data)
{
    auto *messages = static_cast<QStringList *>(data);
    if (err && err->desc && *err->desc)
        messages->append(QString::fromUtf8(err->desc));
    return 0;
}

QString integerTypeName(const H5::IntType &type)
{
    const bool isSigned = type.getSign() != H5T_SGN_NONE;
    return QStringLiteral("%1int%2").arg(isSigned ? QString() : QStringLiteral("u")).arg(type.getSize() * 8);
}

Error datasetError(const QString &path, const H5DatasetInfo &info, const QString &what)
{
    return makeError(path, QStringLiteral("dataset %1: %2").arg(info.path, what),
                     unsigned(SpectrumProblem::Unreadable));
}

// A few hundred bytes of file can declare gigabytes of values (chunks never written read as fill values):
// compare what the dataset declares with what the file stores before allocating anything. Deflate cannot
// compress better than about 1032:1, so a dataset storing less than 1/1024 of its size is damaged or a bomb.
Status checkDeclaredSize(const H5::DataSet &dataset, const H5DatasetInfo &info, const QString &path, qint64 elementBytes)
{
    constexpr qint64 SmallBytes = qint64(1) << 20;  // small datasets (compact, fill-only) are harmless
    const qint64 count = info.elementCount();
    const qint64 declared = elementBytes > 0 && count > std::numeric_limits<qint64>::max() / elementBytes
        ? std::numeric_limits<qint64>::max()
        : count * elementBytes;
    if (declared <= SmallBytes)
        return Ok{};
    const auto stored = static_cast<qint64>(dataset.getStorageSize());
    if (stored >= declared / MaxCompressionRatio)
        return Ok{};
    return datasetError(path, info, QStringLiteral("declares %1 values (%2 MiB) but the file stores only %3 bytes of them: "
                                                   "the file is damaged or not a real data file")
                                        .arg(info.elementCount())
                                        .arg(declared >> 20)
                                        .arg(stored));
}
} // namespace

QRecursiveMutex &libraryMutex()
{
    static QRecursiveMutex mutex;
    return mutex;
}

void silence() { H5::Exception::dontPrint(); }

QString describe(const H5::Exception &e)
{
    QStringList messages;
    H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, collectMessage, &messages);
    // Upward: the innermost cause first, the API call last; the one below the API call says what failed.
    if (messages.size() >= 3 && messages[messages.size() - 2] != messages.front())
        return QStringLiteral("%1: %2").arg(messages[messages.size() - 2], messages.front());
    if (!messages.isEmpty())
        return messages.front();
    return QString::fromStdString(e.getDetailMsg());
}

Status openReadOnly(const QString &path, H5::H5File &file, H5GlobalHeapCheck &heap)
{
    const QFileInfo info(path);
    if (!info.exists())
        return makeError(path, QStringLiteral("file does not exist"), unsigned(SpectrumProblem::Unreadable));
    if (!info.isFile())
        return makeError(path, QStringLiteral("is not a regular file"), unsigned(SpectrumProblem::Unreadable));
    const QByteArray name = QFile::encodeName(path);
    try {
        if (!H5::H5File::isHdf5(name.constData()))
            return makeError(path, QStringLiteral("is not an HDF5 file (the HDF5 signature is missing)"),
                             unsigned(SpectrumProblem::Unreadable) | unsigned(SpectrumProblem::UnknownFormat));
    } catch (const H5::Exception &e) {
        return makeError(path, QStringLiteral("cannot be read as HDF5: %1").arg(describe(e)),
                         unsigned(SpectrumProblem::Unreadable));
    }
    try {
        file.openFile(name.constData(), H5F_ACC_RDONLY);
    } catch (const H5::Exception &e) {
        const QString why = describe(e);
        const bool truncated = why.contains(QLatin1String("truncated"), Qt::CaseInsensitive);
        return makeError(path,
                         truncated ? QStringLiteral("HDF5 file is truncated (shorter than its header says): %1").arg(why)
                                   : QStringLiteral("HDF5 file is damaged and cannot be opened: %1").arg(why),
                         unsigned(SpectrumProblem::Unreadable) | (truncated ? unsigned(SpectrumProblem::Truncated) : 0u));
    }
    auto scanned = H5GlobalHeapCheck::scan(path);
    if (!scanned) {
        file.close();
        return scanned.error();
    }
    heap = std::move(scanned).value();
    return Ok{};
}

Status openImage(const QByteArray &image, const QString &name, H5::H5File &file, H5GlobalHeapCheck &heap)
{
    bool signature = false;
    for (qsizetype offset = 0; offset + 8 <= image.size() && !signature; offset = offset == 0 ? 512 : offset * 2)
        signature = std::memcmp(image.constData() + offset, "\x89HDF\r\n\x1a\n", 8) == 0;
    if (!signature)
        return makeError(name, QStringLiteral("is not an HDF5 file (the HDF5 signature is missing)"),
                         unsigned(SpectrumProblem::Unreadable) | unsigned(SpectrumProblem::UnknownFormat));
    auto scanned = H5GlobalHeapCheck::scanImage(image, name);
    if (!scanned)
        return scanned.error();
    try {
        H5::FileAccPropList access;
        H5Pset_fapl_core(access.getId(), 1 << 16, false);
        // HDF5 copies the image: it never writes to the caller's bytes.
        H5Pset_file_image(access.getId(), const_cast<char *>(image.constData()), static_cast<size_t>(image.size()));
        // The core driver opens a file of that name if one exists: give the image a name no file has.
        static std::atomic<quint64> images{0};
        const std::string imageName = "photopeak-memory-image-" + std::to_string(::getpid()) + "-" + std::to_string(images++);
        file.openFile(imageName.c_str(), H5F_ACC_RDONLY, access);
    } catch (const H5::Exception &e) {
        const QString why = describe(e);
        const bool truncated = why.contains(QLatin1String("truncated"), Qt::CaseInsensitive);
        return makeError(name,
                         truncated ? QStringLiteral("HDF5 file is truncated (shorter than its header says): %1").arg(why)
                                   : QStringLiteral("HDF5 file is damaged and cannot be opened: %1").arg(why),
                         unsigned(SpectrumProblem::Unreadable) | (truncated ? unsigned(SpectrumProblem::Truncated) : 0u));
    }
    heap = std::move(scanned).value();
    return Ok{};
}

H5DatasetInfo infoOf(const H5::DataSet &dataset, const QString &path)
{
    H5DatasetInfo info;
    info.path = path;
    const H5::DataSpace space = dataset.getSpace();
    const int rank = space.getSimpleExtentNdims();
    if (rank > 0) {
        std::vector<hsize_t> dims(static_cast<size_t>(rank));
        space.getSimpleExtentDims(dims.data());
        for (hsize_t d : dims)
            info.shape.push_back(static_cast<qint64>(d));
    }
    switch (dataset.getTypeClass()) {
    case H5T_INTEGER:
        info.kind = H5DatasetInfo::Kind::Integer;
        info.typeName = integerTypeName(dataset.getIntType());
        break;
    case H5T_FLOAT:
        info.kind = H5DatasetInfo::Kind::Float;
        info.typeName = QStringLiteral("float%1").arg(dataset.getFloatType().getSize() * 8);
        break;
    case H5T_STRING: {
        info.kind = H5DatasetInfo::Kind::String;
        const H5::StrType type = dataset.getStrType();
        info.typeName = type.isVariableStr() ? QStringLiteral("string (variable length)")
                                             : QStringLiteral("string[%1]").arg(type.getSize());
        break;
    }
    case H5T_COMPOUND: info.typeName = QStringLiteral("compound"); break;
    case H5T_ENUM: info.typeName = QStringLiteral("enum"); break;
    case H5T_ARRAY: info.typeName = QStringLiteral("array"); break;
    case H5T_VLEN: info.typeName = QStringLiteral("variable-length sequence"); break;
    case H5T_OPAQUE: info.typeName = QStringLiteral("opaque"); break;
    case H5T_BITFIELD: info.typeName = QStringLiteral("bitfield"); break;
    case H5T_REFERENCE: info.typeName = QStringLiteral("reference"); break;
    default: info.typeName = QStringLiteral("other"); break;
    }
    return info;
}

void listDatasets(const H5::Group &group, const QString &groupPath, std::vector<H5DatasetInfo> &out, int depth)
{
    if (depth > MaxGroupDepth)
        return;
    const hsize_t count = group.getNumObjs();
    for (hsize_t i = 0; i < count; ++i) {
        const std::string name = group.getObjnameByIdx(i);
        const QString childPath = (groupPath == QLatin1String("/") ? QString() : groupPath) + QLatin1Char('/')
            + QString::fromStdString(name);
        H5L_info_t link;
        if (H5Lget_info(group.getId(), name.c_str(), &link, H5P_DEFAULT) < 0 || link.type != H5L_TYPE_HARD)
            continue;
        const H5O_type_t type = group.childObjType(name);
        if (type == H5O_TYPE_GROUP) {
            listDatasets(group.openGroup(name), childPath, out, depth + 1);
        } else if (type == H5O_TYPE_DATASET) {
            out.push_back(infoOf(group.openDataSet(name), childPath));
        }
    }
}

QList<QPair<QString, QString>> textAttributes(const H5::H5Object &object)
{
    QList<QPair<QString, QString>> out;
    const int count = object.getNumAttrs();
    for (int i = 0; i < count; ++i) {
        const H5::Attribute attr = object.openAttribute(static_cast<unsigned>(i));
        const QString name = QString::fromStdString(attr.getName());
        const H5T_class_t cls = attr.getTypeClass();
        const hssize_t n = attr.getSpace().getSimpleExtentNpoints();
        if (n <= 0 || n > 4096)
            continue;
        if (cls == H5T_STRING && n == 1) {
            const H5::StrType type = attr.getStrType();
            std::string value;
            attr.read(type, value);
            out.append({name, QString::fromUtf8(value.c_str())});
        } else if (cls == H5T_INTEGER || cls == H5T_FLOAT) {
            std::vector<double> values(static_cast<size_t>(n));
            attr.read(H5::PredType::NATIVE_DOUBLE, values.data());
            QStringList parts;
            for (double v : values)
                parts << QString::number(v, 'g', 15);
            out.append({name, parts.join(QStringLiteral(", "))});
        }
    }
    return out;
}

Result<std::vector<double>> readNumbers(const H5::H5File &file, const H5DatasetInfo &info, const QString &path)
{
    if (!info.isNumeric())
        return datasetError(path, info, QStringLiteral("holds %1 values, numbers were expected").arg(info.typeName));
    const qint64 n = info.elementCount();
    if (n > MaxValuesPerRead)
        return datasetError(path, info, QStringLiteral("has %1 values, more than this program reads at once").arg(n));
    // Declared outside the try: closing the dataset while unwinding would clear HDF5's error stack
    // before describe() reads it.
    H5::DataSet dataset;
    try {
        dataset = file.openDataSet(info.path.toStdString());
        if (Status sized = checkDeclaredSize(dataset, info, path, static_cast<qint64>(dataset.getDataType().getSize())); !sized)
            return sized.error();
        std::vector<double> values(static_cast<size_t>(n));
        if (n > 0)
            dataset.read(values.data(), H5::PredType::NATIVE_DOUBLE);
        return values;
    } catch (const H5::Exception &e) {
        return datasetError(path, info, QStringLiteral("cannot be read (%1)").arg(describe(e)));
    } catch (const std::bad_alloc &) {
        return datasetError(path, info, QStringLiteral("too large to hold in memory"));
    }
}

Status checkTableShape(const H5DatasetInfo &info, const QString &path)
{
    if (!info.isNumeric() || info.rank() != 2)
        return datasetError(path, info, QStringLiteral("is %1, a [rows x channels] table of numbers was expected")
                                            .arg(info.toString()));
    if (info.shape[0] > MaxRowsPerTable)
        return datasetError(path, info, QStringLiteral("has %1 rows, more than this program reads from one file (%2)")
                                            .arg(info.shape[0])
                                            .arg(MaxRowsPerTable));
    if (info.shape[1] > 0 && info.shape[0] > MaxValuesPerRead / info.shape[1])
        return datasetError(path, info, QStringLiteral("has %1 values, more than this program reads from one file (%2)")
                                            .arg(info.shapeText())
                                            .arg(MaxValuesPerRead));
    return Ok{};
}

Status readRowBlocks(const H5::H5File &file, const H5DatasetInfo &info, const QString &path,
                     const std::function<void(qint64, qint64, const double *)> &take)
{
    if (Status shape = checkTableShape(info, path); !shape)
        return shape;
    const qint64 rows = info.shape[0], width = info.shape[1];
    H5::DataSet dataset;  // outside the try, see readNumbers
    try {
        dataset = file.openDataSet(info.path.toStdString());
        if (Status sized = checkDeclaredSize(dataset, info, path, static_cast<qint64>(dataset.getDataType().getSize())); !sized)
            return sized.error();
        if (rows == 0 || width == 0) {
            take(0, rows, nullptr);
            return Ok{};
        }
        constexpr qint64 BlockValues = qint64(1) << 22;  // 32 MiB of doubles
        const qint64 blockRows = std::max<qint64>(1, BlockValues / width);
        std::vector<double> block(static_cast<size_t>(std::min(rows, blockRows) * width));
        H5::DataSpace fileSpace = dataset.getSpace();
        for (qint64 first = 0; first < rows; first += blockRows) {
            const qint64 count = std::min(blockRows, rows - first);
            const hsize_t offset[2] = {static_cast<hsize_t>(first), 0};
            const hsize_t extent[2] = {static_cast<hsize_t>(count), static_cast<hsize_t>(width)};
            fileSpace.selectHyperslab(H5S_SELECT_SET, extent, offset);
            const H5::DataSpace memSpace(2, extent);
            dataset.read(block.data(), H5::PredType::NATIVE_DOUBLE, memSpace, fileSpace);
            take(first, count, block.data());
        }
    } catch (const H5::Exception &e) {
        return datasetError(path, info, QStringLiteral("cannot be read (%1)").arg(describe(e)));
    } catch (const std::bad_alloc &) {
        return datasetError(path, info, QStringLiteral("too large to hold in memory"));
    }
    return Ok{};
}

Result<QStringList> readStrings(const H5::H5File &file, const H5GlobalHeapCheck &heap, const H5DatasetInfo &info,
                                const QString &path)
{
    if (info.isNumeric()) {
        auto numbers = readNumbers(file, info, path);
        if (!numbers)
            return numbers.error();
        QStringList out;
        out.reserve(static_cast<qsizetype>(numbers->size()));
        for (double v : *numbers)
            out << QString::number(v, 'g', 15);
        return out;
    }
    if (info.kind != H5DatasetInfo::Kind::String)
        return datasetError(path, info, QStringLiteral("holds %1 values, text was expected").arg(info.typeName));
    const qint64 n = info.elementCount();
    if (n > MaxValuesPerRead / 16)
        return datasetError(path, info, QStringLiteral("has %1 strings, more than this program reads at once").arg(n));
    QStringList out;
    out.reserve(static_cast<qsizetype>(n));
    H5::DataSet dataset;  // outside the try, see readNumbers
    try {
        dataset = file.openDataSet(info.path.toStdString());
        const H5::StrType fileType = dataset.getStrType();
        if (n == 0)
            return out;
        // Variable-length strings store 16-byte descriptors in the dataset.
        if (Status sized = checkDeclaredSize(dataset, info, path, fileType.isVariableStr() ? 16 : qint64(fileType.getSize()));
            !sized)
            return sized.error();
        if (fileType.isVariableStr()) {
            // Chunked or compact storage has no single address to check; HDF5 reads those unchecked.
            if (const haddr_t address = H5Dget_offset(dataset.getId()); address != HADDR_UNDEF)
                if (Status sound = heap.checkDescriptors(path, info.path, address, n); !sound)
                    return sound.error();
            H5::StrType memType(H5::PredType::C_S1, H5T_VARIABLE);
            memType.setCset(fileType.getCset());
            std::vector<char *> buffer(static_cast<size_t>(n), nullptr);
            dataset.read(buffer.data(), memType);
            for (char *s : buffer)
                out << (s ? QString::fromUtf8(s) : QString());
            H5::DataSet::vlenReclaim(buffer.data(), memType, dataset.getSpace());
        } else {
            const size_t width = fileType.getSize();
            H5::StrType memType(H5::PredType::C_S1, width);
            memType.setCset(fileType.getCset());
            memType.setStrpad(H5T_STR_NULLPAD);
            std::vector<char> buffer(static_cast<size_t>(n) * width, '\0');
            dataset.read(buffer.data(), memType);
            for (qint64 i = 0; i < n; ++i) {
                const char *s = buffer.data() + static_cast<size_t>(i) * width;
                size_t len = 0;
                while (len < width && s[len] != '\0')
                    ++len;
                while (len > 0 && s[len - 1] == ' ')
                    --len;
                out << QString::fromUtf8(s, static_cast<qsizetype>(len));
            }
        }
    } catch (const H5::Exception &e) {
        return datasetError(path, info, QStringLiteral("cannot be read (%1)").arg(describe(e)));
    } catch (const std::bad_alloc &) {
        return datasetError(path, info, QStringLiteral("too large to hold in memory"));
    }
    return out;
}

} // namespace photopeak::h5
