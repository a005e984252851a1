// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/h5/H5TableWriter.h"

#include "io/AtomicFile.h"
#include "io/h5/H5Access.h"
#include "io/h5/H5NewFile.h"

#include <H5Cpp.h>

#include <QMutexLocker>

namespace photopeak {

struct H5TableWriter::Impl {
    explicit Impl(const QString &path) : out(path) {}
    h5::NewFile out;
    H5::H5File *file = nullptr;
};

namespace {
const H5::PredType &fileTypeOf(H5TableWriter::NumberType type)
{
    switch (type) {
    case H5TableWriter::NumberType::Float32: return H5::PredType::IEEE_F32LE;
    case H5TableWriter::NumberType::Int64: return H5::PredType::STD_I64LE;
    case H5TableWriter::NumberType::Int32: return H5::PredType::STD_I32LE;
    case H5TableWriter::NumberType::UInt16: return H5::PredType::STD_U16LE;
    case H5TableWriter::NumberType::Float64: break;
    }
    return H5::PredType::IEEE_F64LE;
}

// Creates the groups leading to `datasetPath` and returns the dataset's own name.
std::string prepareGroups(H5::H5File &file, const QString &datasetPath)
{
    const QStringList parts = datasetPath.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    std::string current;
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        current += '/' + parts[i].toStdString();
        if (!file.nameExists(current))
            file.createGroup(current);
    }
    return current + '/' + (parts.isEmpty() ? std::string() : parts.back().toStdString());
}

H5::DataSpace spaceOf(const std::vector<qint64> &shape)
{
    if (shape.empty())
        return H5::DataSpace(H5S_SCALAR);
    std::vector<hsize_t> dims(shape.begin(), shape.end());
    return H5::DataSpace(static_cast<int>(dims.size()), dims.data());
}
} // namespace

H5TableWriter::H5TableWriter(QString path) : m_path(std::move(path)), m_impl(std::make_unique<Impl>(m_path)) {}

H5TableWriter::~H5TableWriter() = default;

Status H5TableWriter::ensureOpen()
{
    auto file = m_impl->out.file();
    if (!file)
        return file.error();
    m_impl->file = *file;
    return Ok{};
}

Status H5TableWriter::addNumbers(const QString &datasetPath, const std::vector<qint64> &shape,
                                 const std::vector<double> &values, NumberType type)
{
    qint64 expected = 1;
    for (qint64 d : shape)
        expected *= d;
    if (expected != static_cast<qint64>(values.size()))
        return makeError(m_path, QStringLiteral("dataset %1: %2 values do not fill the shape (%3 needed)")
                                     .arg(datasetPath)
                                     .arg(values.size())
                                     .arg(expected));
    QMutexLocker lock(&h5::libraryMutex());
    h5::silence();
    if (Status s = ensureOpen(); !s)
        return s;
    try {
        const std::string name = prepareGroups(*m_impl->file, datasetPath);
        H5::DataSet ds = m_impl->file->createDataSet(name, fileTypeOf(type), spaceOf(shape));
        if (!values.empty())
            ds.write(values.data(), H5::PredType::NATIVE_DOUBLE);
    } catch (const H5::Exception &e) {
        return makeError(m_path, QStringLiteral("dataset %1 cannot be written: %2").arg(datasetPath, h5::describe(e)));
    }
    return Ok{};
}

Status H5TableWriter::addStrings(const QString &datasetPath, const QStringList &values, int fixedWidth)
{
    QMutexLocker lock(&h5::libraryMutex());
    h5::silence();
    if (Status s = ensureOpen(); !s)
        return s;
    try {
        const std::string name = prepareGroups(*m_impl->file, datasetPath);
        const hsize_t dims[1] = {static_cast<hsize_t>(values.size())};
        const H5::DataSpace space(1, dims);
        if (fixedWidth > 0) {
            H5::StrType type(H5::PredType::C_S1, static_cast<size_t>(fixedWidth));
            type.setStrpad(H5T_STR_NULLPAD);
            std::vector<char> buffer(static_cast<size_t>(values.size()) * static_cast<size_t>(fixedWidth), '\0');
            for (qsizetype i = 0; i < values.size(); ++i) {
                const QByteArray utf8 = values[i].toUtf8().left(fixedWidth);
                std::copy(utf8.begin(), utf8.end(), buffer.begin() + i * fixedWidth);
            }
            m_impl->file->createDataSet(name, type, space).write(buffer.data(), type);
        } else {
            H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);
            type.setCset(H5T_CSET_UTF8);
            std::vector<std::string> utf8;
            for (const QString &v : values)
                utf8.push_back(v.toStdString());
            std::vector<const char *> pointers;
            for (const std::string &s : utf8)
                pointers.push_back(s.c_str());
            m_impl->file->createDataSet(name, type, space).write(pointers.data(), type);
        }
    } catch (const H5::Exception &e) {
        return makeError(m_path, QStringLiteral("dataset %1 cannot be written: %2").arg(datasetPath, h5::describe(e)));
    }
    return Ok{};
}

Status H5TableWriter::addAttribute(const QString &objectPath, const QString &name, const QString &value)
{
    QMutexLocker lock(&h5::libraryMutex());
    h5::silence();
    if (Status s = ensureOpen(); !s)
        return s;
    try {
        const std::string object = objectPath.isEmpty() ? std::string("/") : objectPath.toStdString();
        H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);
        type.setCset(H5T_CSET_UTF8);
        const std::string text = value.toStdString();
        const H5O_type_t kind = object == "/" ? H5O_TYPE_GROUP : m_impl->file->childObjType(object);
        if (kind == H5O_TYPE_DATASET)
            m_impl->file->openDataSet(object).createAttribute(name.toStdString(), type, H5::DataSpace(H5S_SCALAR)).write(type, text);
        else
            m_impl->file->openGroup(object).createAttribute(name.toStdString(), type, H5::DataSpace(H5S_SCALAR)).write(type, text);
    } catch (const H5::Exception &e) {
        return makeError(m_path, QStringLiteral("attribute %1 of %2 cannot be written: %3")
                                     .arg(name, objectPath, h5::describe(e)));
    }
    return Ok{};
}

Status H5TableWriter::commit()
{
    QMutexLocker lock(&h5::libraryMutex());
    h5::silence();
    if (Status s = ensureOpen(); !s)
        return s;
    return m_impl->out.commit(OutputKind::table());
}

} // namespace photopeak
