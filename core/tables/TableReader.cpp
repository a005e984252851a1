// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/TableReader.h"

#include "io/h5/H5Access.h"

#include <H5Cpp.h>

#include <QMutexLocker>

#include <algorithm>
#include <cstring>
#include <map>

namespace photopeak {

namespace {
enum class Kind { I8, U8, I16, U16, I32, U32, I64, U64, F32, F64, B8, FixedString, VarString };

// Where one requested column sits in a record (or block row) of the memory buffer.
struct Extract {
    int out = 0;          // column index in the chunk
    size_t offset = 0;    // byte offset inside the record
    size_t size = 0;      // bytes of the value (strings: fixed width)
    Kind kind = Kind::F64;
};

bool kindOf(hid_t type, Kind *kind)
{
    const size_t size = H5Tget_size(type);
    const H5T_class_t cls = H5Tget_class(type);
    if (cls == H5T_FLOAT) {
        if (size == 4) *kind = Kind::F32;
        else if (size == 8) *kind = Kind::F64;
        else return false;
        return true;
    }
    if (cls == H5T_BITFIELD && size == 1) {
        *kind = Kind::B8;
        return true;
    }
    if (cls == H5T_STRING) {
        *kind = H5Tis_variable_str(type) > 0 ? Kind::VarString : Kind::FixedString;
        return true;
    }
    if (cls == H5T_INTEGER || cls == H5T_ENUM) {
        hid_t base = cls == H5T_ENUM ? H5Tget_super(type) : type;
        const bool isSigned = H5Tget_sign(base) != H5T_SGN_NONE;
        if (cls == H5T_ENUM)
            H5Tclose(base);
        switch (size) {
        case 1: *kind = isSigned ? Kind::I8 : Kind::U8; return true;
        case 2: *kind = isSigned ? Kind::I16 : Kind::U16; return true;
        case 4: *kind = isSigned ? Kind::I32 : Kind::U32; return true;
        case 8: *kind = isSigned ? Kind::I64 : Kind::U64; return true;
        default: return false;
        }
    }
    return false;
}

template <typename T>
inline double load(const unsigned char *p)
{
    T v;
    std::memcpy(&v, p, sizeof(T));
    return static_cast<double>(v);
}

double numberAt(const unsigned char *p, Kind k)
{
    switch (k) {
    case Kind::I8: return load<qint8>(p);
    case Kind::U8: return load<quint8>(p);
    case Kind::I16: return load<qint16>(p);
    case Kind::U16: return load<quint16>(p);
    case Kind::I32: return load<qint32>(p);
    case Kind::U32: return load<quint32>(p);
    case Kind::I64: return load<qint64>(p);
    case Kind::U64: return load<quint64>(p);
    case Kind::F32: return load<float>(p);
    case Kind::F64: return load<double>(p);
    case Kind::B8: return *p ? 1.0 : 0.0;
    default: return std::nan("");
    }
}

QString stringAt(const unsigned char *p, const Extract &e)
{
    if (e.kind == Kind::VarString) {
        const char *s = nullptr;
        std::memcpy(&s, p, sizeof(s));
        return s ? QString::fromUtf8(s) : QString();
    }
    size_t len = 0;
    while (len < e.size && p[len] != '\0')
        ++len;
    while (len > 0 && p[len - 1] == ' ')
        --len;
    return QString::fromUtf8(reinterpret_cast<const char *>(p), static_cast<qsizetype>(len));
}

// Fills the chunk's columns from `count` records of `stride` bytes. Numbers are taken in tiles of records
// that stay in cache while every column picks its values from them (one pass over the buffer, not one per column).
void unpack(const unsigned char *buffer, size_t stride, qint64 count, const std::vector<Extract> &extracts,
            std::vector<std::vector<double>> &numbers, std::vector<QStringList> &strings)
{
    for (const Extract &e : extracts) {
        if (e.kind == Kind::FixedString || e.kind == Kind::VarString) {
            QStringList &s = strings[static_cast<size_t>(e.out)];
            s.clear();
            s.reserve(count);
            for (qint64 r = 0; r < count; ++r)
                s << stringAt(buffer + static_cast<size_t>(r) * stride + e.offset, e);
        } else {
            numbers[static_cast<size_t>(e.out)].resize(static_cast<size_t>(count));
        }
    }
    const qint64 tile = std::max<qint64>(16, static_cast<qint64>((128 * 1024) / std::max<size_t>(1, stride)));
    for (qint64 first = 0; first < count; first += tile) {
        const qint64 last = std::min(count, first + tile);
        for (const Extract &e : extracts) {
            if (e.kind == Kind::FixedString || e.kind == Kind::VarString)
                continue;
            double *v = numbers[static_cast<size_t>(e.out)].data();
            const unsigned char *p = buffer + static_cast<size_t>(first) * stride + e.offset;
            if (e.kind == Kind::F64) {
                for (qint64 r = first; r < last; ++r, p += stride)
                    std::memcpy(&v[r], p, sizeof(double));
            } else if (e.kind == Kind::F32) {
                for (qint64 r = first; r < last; ++r, p += stride)
                    v[r] = load<float>(p);
            } else {
                for (qint64 r = first; r < last; ++r, p += stride)
                    v[r] = numberAt(p, e.kind);
            }
        }
    }
}

// True when the type is stored as x86 holds it in memory (little-endian numbers, fixed strings): it can be
// read as is, without HDF5's member-by-member compound conversion.
bool readableAsStored(hid_t type)
{
    switch (H5Tget_class(type)) {
    case H5T_INTEGER:
    case H5T_FLOAT:
    case H5T_BITFIELD:
    case H5T_ENUM: return H5Tget_order(type) == H5T_ORDER_LE && Q_BYTE_ORDER == Q_LITTLE_ENDIAN;
    case H5T_STRING: return H5Tis_variable_str(type) <= 0;
    case H5T_ARRAY: {
        const hid_t base = H5Tget_super(type);
        const bool ok = readableAsStored(base);
        H5Tclose(base);
        return ok;
    }
    case H5T_COMPOUND: {
        const int n = H5Tget_nmembers(type);
        for (int i = 0; i < n; ++i) {
            const hid_t m = H5Tget_member_type(type, static_cast<unsigned>(i));
            const bool ok = readableAsStored(m);
            H5Tclose(m);
            if (!ok)
                return false;
        }
        return true;
    }
    default: return false;
    }
}

// RAII for HDF5 C identifiers.
struct Id {
    hid_t id = H5I_INVALID_HID;
    herr_t (*close)(hid_t) = nullptr;
    Id(hid_t i, herr_t (*c)(hid_t)) : id(i), close(c) {}
    ~Id()
    {
        if (id >= 0 && close)
            close(id);
    }
    Id(const Id &) = delete;
    Id &operator=(const Id &) = delete;
    operator hid_t() const { return id; }
};

QString hdf5Message() { return h5::describe(H5::Exception()); }

// One dataset read in row chunks: a compound table (whole records), a 2-D block (whole rows) or a 1-D column.
struct Source {
    QString dataset;
    std::vector<Extract> extracts;
};

class ChunkedRead {
public:
    ChunkedRead(const H5::H5File &file, const TableDescription &table, const QString &dataset)
        : m_table(table), m_dataset(dataset),
          m_ds(H5Dopen2(file.getId(), dataset.toUtf8().constData(), H5P_DEFAULT), H5Dclose),
          m_fileType(m_ds >= 0 ? H5Dget_type(m_ds) : H5I_INVALID_HID, H5Tclose),
          m_memType(H5I_INVALID_HID, H5Tclose), m_space(m_ds >= 0 ? H5Dget_space(m_ds) : H5I_INVALID_HID, H5Sclose)
    {
    }

    Status prepare(const std::vector<int> &wanted, const std::vector<ColumnInfo> &columns)
    {
        if (m_ds < 0 || m_fileType < 0 || m_space < 0)
            return error(QStringLiteral("cannot be opened (%1)").arg(hdf5Message()));
        m_rank = H5Sget_simple_extent_ndims(m_space);
        hsize_t dims[2] = {0, 1};
        if (m_rank < 1 || m_rank > 2 || H5Sget_simple_extent_dims(m_space, dims, nullptr) < 0)
            return error(QStringLiteral("is not a 1-D table or 2-D block"));
        m_rows = static_cast<qint64>(dims[0]);
        m_width = m_rank == 2 ? dims[1] : 1;
        const bool compound = H5Tget_class(m_fileType) == H5T_COMPOUND;
        m_memType.id = readableAsStored(m_fileType) ? H5Tcopy(m_fileType) : H5Tget_native_type(m_fileType, H5T_DIR_ASCEND);
        if (m_memType < 0)
            return error(QStringLiteral("has a type without a native equivalent"));
        const size_t elementSize = H5Tget_size(m_memType);
        m_stride = elementSize * static_cast<size_t>(m_width);
        m_varStrings = H5Tdetect_class(m_memType, H5T_STRING) > 0 && (compound ? true : H5Tis_variable_str(m_memType) > 0);
        for (size_t i = 0; i < wanted.size(); ++i) {
            const ColumnInfo &c = columns[static_cast<size_t>(wanted[i])];
            if (c.dataset != m_dataset)
                continue;
            Extract e;
            e.out = static_cast<int>(i);
            if (compound) {
                const int idx = H5Tget_member_index(m_memType, c.field.toUtf8().constData());
                if (idx < 0)
                    return error(QStringLiteral("has no member \"%1\"").arg(c.field));
                e.offset = H5Tget_member_offset(m_memType, static_cast<unsigned>(idx));
                Id member(H5Tget_member_type(m_memType, static_cast<unsigned>(idx)), H5Tclose);
                if (H5Tget_class(member) == H5T_ARRAY) {
                    Id base(H5Tget_super(member), H5Tclose);
                    e.size = H5Tget_size(base);
                    e.offset += e.size * static_cast<size_t>(std::max(0, c.element));
                    if (!kindOf(base, &e.kind))
                        return error(QStringLiteral("column %1 has an unsupported type").arg(c.name));
                } else {
                    e.size = H5Tget_size(member);
                    if (!kindOf(member, &e.kind))
                        return error(QStringLiteral("column %1 has an unsupported type").arg(c.name));
                }
            } else {
                e.size = elementSize;
                e.offset = elementSize * static_cast<size_t>(std::max(0, c.element));
                if (!kindOf(m_memType, &e.kind))
                    return error(QStringLiteral("column %1 has an unsupported type").arg(c.name));
            }
            m_extracts.push_back(e);
        }
        return Ok{};
    }

    qint64 rows() const { return m_rows; }
    size_t stride() const { return m_stride; }

    Status read(qint64 first, qint64 count, std::vector<unsigned char> &buffer, std::vector<std::vector<double>> &numbers,
                std::vector<QStringList> &strings)
    {
        buffer.resize(static_cast<size_t>(count) * m_stride);
        const hsize_t start[2] = {static_cast<hsize_t>(first), 0};
        const hsize_t n[2] = {static_cast<hsize_t>(count), m_width};
        Id memSpace(H5Screate_simple(m_rank, n, nullptr), H5Sclose);
        if (H5Sselect_hyperslab(m_space, H5S_SELECT_SET, start, nullptr, n, nullptr) < 0
            || H5Dread(m_ds, m_memType, memSpace, m_space, H5P_DEFAULT, buffer.data()) < 0)
            return error(QStringLiteral("rows %1..%2 cannot be read (%3)").arg(first).arg(first + count - 1).arg(hdf5Message()));
        unpack(buffer.data(), m_stride, count, m_extracts, numbers, strings);
        if (m_varStrings)
            H5Dvlen_reclaim(m_memType, memSpace, H5P_DEFAULT, buffer.data());
        return Ok{};
    }

private:
    Error error(const QString &what) const
    {
        return makeError(m_table.file, QStringLiteral("table %1, dataset %2: %3").arg(m_table.path, m_dataset, what));
    }

    const TableDescription &m_table;
    QString m_dataset;
    Id m_ds, m_fileType, m_memType, m_space;
    int m_rank = 1;
    qint64 m_rows = 0;
    hsize_t m_width = 1;
    size_t m_stride = 0;
    bool m_varStrings = false;
    std::vector<Extract> m_extracts;
};
} // namespace

Result<std::vector<int>> TableReader::resolveColumns(const TableDescription &table, const QStringList &columns)
{
    std::vector<int> out;
    if (columns.isEmpty()) {
        for (size_t i = 0; i < table.columns.size(); ++i)
            if (table.columns[i].unreadable.isEmpty())
                out.push_back(static_cast<int>(i));
        if (out.empty())
            return makeError(table.file, QStringLiteral("table %1 has no readable column").arg(table.path));
        return out;
    }
    QStringList missing, unreadable;
    for (const QString &name : columns) {
        const int i = table.indexOf(name);
        if (i < 0)
            missing << name;
        else if (!table.columns[static_cast<size_t>(i)].unreadable.isEmpty())
            unreadable << QStringLiteral("%1 (%2)").arg(name, table.columns[static_cast<size_t>(i)].unreadable);
        else
            out.push_back(i);
    }
    if (!missing.isEmpty())
        return makeError(table.file, QStringLiteral("table %1 has no column %2").arg(table.path, missing.join(QStringLiteral(", "))));
    if (!unreadable.isEmpty())
        return makeError(table.file, QStringLiteral("table %1: column %2 cannot be read").arg(table.path, unreadable.join(QStringLiteral("; "))));
    return out;
}

Status TableReader::readChunks(const TableDescription &table, const QStringList &columns, const MissingValues &missing,
                               qint64 chunkRows, const ChunkSink &sink, const JobControl *job)
{
    auto wanted = resolveColumns(table, columns);
    if (!wanted)
        return wanted.error();
    QMutexLocker lock(&h5::libraryMutex());
    h5::silence();
    H5::H5File file;
    H5GlobalHeapCheck heap;
    if (Status opened = h5::openReadOnly(table.file, file, heap); !opened)
        return opened.error();

    std::vector<ColumnInfo> infos;
    std::vector<std::vector<double>> sentinels;
    for (int i : *wanted) {
        infos.push_back(table.columns[static_cast<size_t>(i)]);
        sentinels.push_back(infos.back().isNumeric() ? missing.sentinelsFor(infos.back().name) : std::vector<double>{});
    }
    // Variable-length strings point into HDF5's heap: check the descriptors once, before any read.
    std::vector<std::unique_ptr<ChunkedRead>> sources;
    std::vector<QString> datasets;
    for (const ColumnInfo &c : infos)
        if (std::find(datasets.begin(), datasets.end(), c.dataset) == datasets.end())
            datasets.push_back(c.dataset);
    qint64 stride = 0;
    for (const QString &d : datasets) {
        auto src = std::make_unique<ChunkedRead>(file, table, d);
        if (Status ok = src->prepare(*wanted, table.columns); !ok)
            return ok.error();
        if (src->rows() < table.rows)
            return makeError(table.file, QStringLiteral("table %1: dataset %2 has %3 rows, the table %4")
                                             .arg(table.path, d).arg(src->rows()).arg(table.rows));
        stride += static_cast<qint64>(src->stride());
        sources.push_back(std::move(src));
    }
    if (chunkRows <= 0)
        chunkRows = std::clamp<qint64>((qint64(8) << 20) / std::max<qint64>(1, stride), 1024, 1 << 20);

    std::vector<std::vector<double>> numbers(infos.size());
    std::vector<QStringList> strings(infos.size());
    std::vector<unsigned char> buffer;
    for (qint64 first = 0; first < table.rows; first += chunkRows) {
        if (JobControl::cancelled(job))
            return makeError(table.file, QStringLiteral("reading table %1 cancelled").arg(table.path));
        const qint64 count = std::min(chunkRows, table.rows - first);
        for (auto &src : sources)
            if (Status ok = src->read(first, count, buffer, numbers, strings); !ok)
                return ok.error();
        EventTable chunk;
        for (size_t c = 0; c < infos.size(); ++c) {
            if (infos[c].type == ColumnType::String) {
                chunk.addColumn(infos[c], std::move(strings[c]));
            } else {
                MissingValues::apply(sentinels[c], numbers[c].data(), count);
                chunk.addColumn(infos[c], std::move(numbers[c]));
            }
        }
        const bool goOn = sink(chunk, first);
        for (size_t c = 0; c < infos.size(); ++c) {  // take the storage back for the next chunk
            if (infos[c].type == ColumnType::String)
                strings[c] = QStringList();
            else
                numbers[c] = std::move(chunk.numbers(static_cast<int>(c)));
        }
        JobControl::report(job, first + count, table.rows, QStringLiteral("Reading %1").arg(table.path));
        if (!goOn)
            break;
    }
    return Ok{};
}

Result<EventTable> TableReader::read(const TableDescription &table, const QStringList &columns,
                                     const MissingValues &missing, const JobControl *job, qint64 maxRows)
{
    const qint64 rows = maxRows > 0 ? std::min(maxRows, table.rows) : table.rows;
    qint64 held = 0;
    EventTable out;
    std::vector<std::vector<double>> numbers;
    std::vector<QStringList> strings;
    std::vector<ColumnInfo> infos;
    Status ok = readChunks(table, columns, missing, 0, [&](const EventTable &chunk, qint64) {
        if (infos.empty()) {
            infos = chunk.columns();
            numbers.resize(infos.size());
            strings.resize(infos.size());
            for (size_t c = 0; c < infos.size(); ++c)
                if (infos[c].type != ColumnType::String)
                    numbers[c].reserve(static_cast<size_t>(rows));
        }
        const qint64 take = std::min(chunk.rowCount(), rows - held);
        for (int c = 0; c < chunk.columnCount(); ++c) {
            if (infos[static_cast<size_t>(c)].type == ColumnType::String)
                strings[static_cast<size_t>(c)] += chunk.strings(c).mid(0, take);
            else
                numbers[static_cast<size_t>(c)].insert(numbers[static_cast<size_t>(c)].end(), chunk.numbers(c).begin(),
                                                       chunk.numbers(c).begin() + take);
        }
        held += take;
        return held < rows;
    }, job);
    if (!ok)
        return ok.error();
    if (infos.empty()) {  // no rows: still give the columns
        auto wanted = resolveColumns(table, columns);
        for (int i : *wanted) {
            const ColumnInfo &c = table.columns[static_cast<size_t>(i)];
            if (c.type == ColumnType::String)
                out.addColumn(c, QStringList());
            else
                out.addColumn(c, std::vector<double>());
        }
        return out;
    }
    for (size_t c = 0; c < infos.size(); ++c) {
        if (infos[c].type == ColumnType::String)
            out.addColumn(infos[c], std::move(strings[c]));
        else
            out.addColumn(infos[c], std::move(numbers[c]));
    }
    return out;
}

} // namespace photopeak
