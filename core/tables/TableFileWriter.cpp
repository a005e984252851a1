// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/TableFileWriter.h"

#include "io/AtomicFile.h"
#include "io/h5/H5Access.h"
#include "io/h5/H5NewFile.h"
#include "tables/PickleText.h"

#include <H5Cpp.h>

#include <QMutexLocker>

#include <cstring>

namespace photopeak {

struct TableFileWriter::Impl {
    explicit Impl(const QString &path) : out(path) {}
    h5::NewFile out;
};

namespace {
void stringAttribute(const H5::H5Object &object, const char *name, const QByteArray &value)
{
    const H5::StrType type(H5::PredType::C_S1, std::max<qsizetype>(1, value.size()));
    H5::Attribute attr = object.createAttribute(name, type, H5::DataSpace(H5S_SCALAR));
    attr.write(type, value.isEmpty() ? std::string(1, '\0') : value.toStdString());
}

void intAttribute(const H5::H5Object &object, const char *name, qint64 value)
{
    object.createAttribute(name, H5::PredType::STD_I64LE, H5::DataSpace(H5S_SCALAR)).write(H5::PredType::NATIVE_INT64, &value);
}

void boolAttribute(const H5::H5Object &object, const char *name, bool value)
{
    const unsigned char v = value ? 1 : 0;
    object.createAttribute(name, H5::PredType::STD_B8LE, H5::DataSpace(H5S_SCALAR)).write(H5::PredType::NATIVE_B8, &v);
}

H5::Group ensureGroup(H5::H5File &file, const QString &path)
{
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    std::string current;
    for (const QString &p : parts) {
        current += '/' + p.toStdString();
        if (!file.nameExists(current)) {
            H5::Group g = file.createGroup(current);
            stringAttribute(g, "CLASS", "GROUP");
            stringAttribute(g, "VERSION", "1.0");
            stringAttribute(g, "TITLE", "");
        }
    }
    return file.openGroup(current.empty() ? std::string("/") : current);
}

int stringWidth(const QStringList &values)
{
    int w = 1;
    for (const QString &s : values)
        w = std::max(w, static_cast<int>(s.toUtf8().size()));
    return w;
}

// The file type of one column's values (scalar).
H5::DataType fileTypeOf(const EventTable &t, int c)
{
    switch (t.column(c).type) {
    case ColumnType::Integer: return H5::PredType::STD_I64LE;
    case ColumnType::Float: return H5::PredType::IEEE_F64LE;
    case ColumnType::Boolean: return H5::PredType::STD_B8LE;
    case ColumnType::String: return H5::StrType(H5::PredType::C_S1, static_cast<size_t>(stringWidth(t.strings(c))));
    }
    return H5::PredType::IEEE_F64LE;
}

// Writes element `e` of row `r` of column `c` into `p` in the file type's little-endian layout.
void put(unsigned char *p, const EventTable &t, int c, qint64 r, size_t width)
{
    switch (t.column(c).type) {
    case ColumnType::Integer: {
        const double v = t.numbers(c)[static_cast<size_t>(r)];
        const qint64 i = std::isnan(v) ? 0 : static_cast<qint64>(v);
        std::memcpy(p, &i, 8);
        break;
    }
    case ColumnType::Float: std::memcpy(p, &t.numbers(c)[static_cast<size_t>(r)], 8); break;
    case ColumnType::Boolean: *p = t.numbers(c)[static_cast<size_t>(r)] != 0.0 ? 1 : 0; break;
    case ColumnType::String: {
        const QByteArray s = t.strings(c)[r].toUtf8();
        std::memset(p, 0, width);
        std::memcpy(p, s.constData(), std::min<size_t>(width, static_cast<size_t>(s.size())));
        break;
    }
    }
}

H5::DSetCreatPropList chunked(hsize_t rows, size_t rowBytes)
{
    H5::DSetCreatPropList props;
    const hsize_t chunk = std::max<hsize_t>(1, std::min<hsize_t>(std::max<hsize_t>(rows, 1), (1024 * 1024) / std::max<size_t>(1, rowBytes)));
    props.setChunk(1, &chunk);
    return props;
}

// Members of a compound record: name, file type, the columns it holds (one, or several as an array).
struct Member {
    std::string name;
    H5::DataType scalar;
    std::vector<int> columns;
    bool array = false;
    size_t offset = 0;
    size_t size = 0;
};

H5::DataSet writeCompound(H5::Group &group, const std::string &name, const EventTable &t, std::vector<Member> &members,
                          const std::vector<qint64> *index)
{
    size_t offset = index ? 8 : 0;
    for (Member &m : members) {
        m.offset = offset;
        m.size = m.scalar.getSize() * (m.array ? m.columns.size() : 1);
        offset += m.size;
    }
    const size_t record = offset;
    H5::CompType type(record);
    if (index)
        type.insertMember("index", 0, H5::PredType::STD_I64LE);
    for (const Member &m : members) {
        if (m.array) {
            const hsize_t dims = m.columns.size();
            type.insertMember(m.name, m.offset, H5::ArrayType(m.scalar, 1, &dims));
        } else {
            type.insertMember(m.name, m.offset, m.scalar);
        }
    }
    const hsize_t rows = static_cast<hsize_t>(t.rowCount());
    const hsize_t maxRows = H5S_UNLIMITED;
    H5::DataSpace space(1, &rows, &maxRows);
    H5::DataSet ds = group.createDataSet(name, type, space, chunked(rows, record));
    std::vector<unsigned char> buffer(record * static_cast<size_t>(rows), 0);
    for (qint64 r = 0; r < t.rowCount(); ++r) {
        unsigned char *rec = buffer.data() + static_cast<size_t>(r) * record;
        if (index)
            std::memcpy(rec, &(*index)[static_cast<size_t>(r)], 8);
        for (const Member &m : members)
            for (size_t k = 0; k < m.columns.size(); ++k)
                put(rec + m.offset + k * m.scalar.getSize(), t, m.columns[k], r, m.scalar.getSize());
    }
    if (rows > 0)
        ds.write(buffer.data(), type);
    stringAttribute(ds, "CLASS", "TABLE");
    stringAttribute(ds, "VERSION", "2.7");
    stringAttribute(ds, "TITLE", "");
    intAttribute(ds, "NROWS", static_cast<qint64>(rows));
    int field = 0;
    if (index)
        stringAttribute(ds, "FIELD_0_NAME", QByteArray("index")), ++field;
    for (const Member &m : members)
        stringAttribute(ds, QStringLiteral("FIELD_%1_NAME").arg(field++).toLatin1().constData(),
                        QByteArray::fromStdString(m.name));
    return ds;
}

void writeArray(H5::Group &group, const std::string &name, const H5::DataType &type, const std::vector<hsize_t> &dims,
                const void *data, const H5::DataType &memType)
{
    H5::DataSet ds = group.createDataSet(name, type, H5::DataSpace(static_cast<int>(dims.size()), dims.data()));
    bool empty = false;
    for (hsize_t d : dims)
        empty = empty || d == 0;
    if (!empty)
        ds.write(data, memType);
    stringAttribute(ds, "CLASS", "ARRAY");
    stringAttribute(ds, "VERSION", "2.4");
    stringAttribute(ds, "FLAVOR", "numpy");
    stringAttribute(ds, "TITLE", "");
}

void writeStrings(H5::Group &group, const std::string &name, const QStringList &values)
{
    const int width = stringWidth(values);
    std::vector<char> buffer(static_cast<size_t>(width) * static_cast<size_t>(values.size()), '\0');
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QByteArray s = values[i].toUtf8();
        std::memcpy(buffer.data() + i * width, s.constData(), static_cast<size_t>(s.size()));
    }
    const H5::StrType type(H5::PredType::C_S1, static_cast<size_t>(width));
    writeArray(group, name, type, {static_cast<hsize_t>(values.size())}, buffer.data(), type);
}

QByteArray pandasDtype(const EventTable &t, int c)
{
    switch (t.column(c).type) {
    case ColumnType::Integer: return "int64";
    case ColumnType::Float: return "float64";
    case ColumnType::Boolean: return "bool";
    case ColumnType::String: return "bytes" + QByteArray::number(8 * stringWidth(t.strings(c)));
    }
    return {};
}

// Columns grouped into pandas blocks by type, in the order pandas uses (float, int, bool, string).
std::vector<std::vector<int>> pandasBlocks(const EventTable &t)
{
    std::vector<std::vector<int>> blocks;
    for (ColumnType type : {ColumnType::Float, ColumnType::Integer, ColumnType::Boolean, ColumnType::String}) {
        std::vector<int> cols;
        for (int c = 0; c < t.columnCount(); ++c)
            if (t.column(c).type == type)
                cols.push_back(c);
        if (!cols.empty())
            blocks.push_back(cols);
    }
    return blocks;
}

void writePandasFixed(H5::Group &group, const EventTable &t)
{
    const auto blocks = pandasBlocks(t);
    stringAttribute(group, "pandas_type", "frame");
    stringAttribute(group, "pandas_version", "0.15.2");
    stringAttribute(group, "encoding", "UTF-8");
    stringAttribute(group, "errors", "strict");
    intAttribute(group, "ndim", 2);
    intAttribute(group, "nblocks", static_cast<qint64>(blocks.size()));
    stringAttribute(group, "axis0_variety", "regular");
    stringAttribute(group, "axis1_variety", "regular");
    QStringList names;
    for (const auto &b : blocks)
        for (int c : b)
            names << t.column(c).name;
    writeStrings(group, "axis0", names);
    std::vector<qint64> index(static_cast<size_t>(t.rowCount()));
    for (size_t i = 0; i < index.size(); ++i)
        index[i] = static_cast<qint64>(i);
    writeArray(group, "axis1", H5::PredType::STD_I64LE, {index.size()}, index.data(), H5::PredType::NATIVE_INT64);
    for (const char *axis : {"axis0", "axis1"}) {
        H5::DataSet ds = group.openDataSet(axis);
        stringAttribute(ds, "kind", axis == std::string("axis0") ? "string" : "integer");
        stringAttribute(ds, "name", "N.");
        boolAttribute(ds, "transposed", true);
    }
    for (size_t b = 0; b < blocks.size(); ++b) {
        const std::vector<int> &cols = blocks[b];
        const std::string items = QStringLiteral("block%1_items").arg(b).toStdString();
        stringAttribute(group, QStringLiteral("block%1_items_variety").arg(b).toLatin1().constData(), "regular");
        QStringList blockNames;
        for (int c : cols)
            blockNames << t.column(c).name;
        writeStrings(group, items, blockNames);
        {
            H5::DataSet ds = group.openDataSet(items);
            stringAttribute(ds, "kind", "string");
            stringAttribute(ds, "name", "N.");
            boolAttribute(ds, "transposed", true);
        }
        const std::vector<hsize_t> dims = {static_cast<hsize_t>(t.rowCount()), cols.size()};
        const std::string values = QStringLiteral("block%1_values").arg(b).toStdString();
        const ColumnType type = t.column(cols.front()).type;
        if (type == ColumnType::Boolean) {
            std::vector<unsigned char> v(static_cast<size_t>(t.rowCount()) * cols.size());
            for (qint64 r = 0; r < t.rowCount(); ++r)
                for (size_t k = 0; k < cols.size(); ++k)
                    v[static_cast<size_t>(r) * cols.size() + k] = t.numbers(cols[k])[static_cast<size_t>(r)] != 0.0;
            writeArray(group, values, H5::PredType::STD_B8LE, dims, v.data(), H5::PredType::NATIVE_B8);
        } else {
            std::vector<double> v(static_cast<size_t>(t.rowCount()) * cols.size());
            for (qint64 r = 0; r < t.rowCount(); ++r)
                for (size_t k = 0; k < cols.size(); ++k)
                    v[static_cast<size_t>(r) * cols.size() + k] = t.numbers(cols[k])[static_cast<size_t>(r)];
            writeArray(group, values,
                       type == ColumnType::Integer ? H5::PredType::STD_I64LE : H5::PredType::IEEE_F64LE, dims, v.data(),
                       H5::PredType::NATIVE_DOUBLE);
        }
        boolAttribute(group.openDataSet(values), "transposed", true);
    }
}

void writePandasTable(H5::Group &group, const EventTable &t)
{
    const auto blocks = pandasBlocks(t);
    std::vector<Member> members;
    QStringList valuesCols, allNames;
    for (size_t b = 0; b < blocks.size(); ++b) {
        Member m;
        m.name = QStringLiteral("values_block_%1").arg(b).toStdString();
        m.scalar = fileTypeOf(t, blocks[b].front());
        if (t.column(blocks[b].front()).type == ColumnType::String) {
            int w = 1;
            for (int c : blocks[b])
                w = std::max(w, stringWidth(t.strings(c)));
            m.scalar = H5::StrType(H5::PredType::C_S1, static_cast<size_t>(w));
        }
        m.columns = blocks[b];
        m.array = true;
        members.push_back(m);
        valuesCols << QString::fromStdString(m.name);
        for (int c : blocks[b])
            allNames << t.column(c).name;
    }
    std::vector<qint64> index(static_cast<size_t>(t.rowCount()));
    for (size_t i = 0; i < index.size(); ++i)
        index[i] = static_cast<qint64>(i);
    H5::DataSet ds = writeCompound(group, "table", t, members, &index);
    stringAttribute(ds, "index_kind", "integer");
    for (size_t b = 0; b < blocks.size(); ++b) {
        QStringList names;
        for (int c : blocks[b])
            names << t.column(c).name;
        const QString base = QString::fromStdString(members[b].name);
        stringAttribute(ds, (base + QStringLiteral("_kind")).toLatin1().constData(), PickleText::listOfStrings(names));
        QByteArray dtype = pandasDtype(t, blocks[b].front());
        if (dtype.startsWith("bytes"))
            dtype = "bytes" + QByteArray::number(8 * members[b].scalar.getSize());
        stringAttribute(ds, (base + QStringLiteral("_dtype")).toLatin1().constData(), dtype);
        stringAttribute(ds, (base + QStringLiteral("_meta")).toLatin1().constData(), "N.");
    }
    stringAttribute(group, "pandas_type", "frame_table");
    stringAttribute(group, "pandas_version", "0.15.2");
    stringAttribute(group, "table_type", "appendable_frame");
    stringAttribute(group, "encoding", "UTF-8");
    stringAttribute(group, "errors", "strict");
    stringAttribute(group, "nan_rep", "nan");
    intAttribute(group, "levels", 1);
    stringAttribute(group, "index_cols", "(lp0\n(I0\nVindex\np1\ntp2\na.");
    stringAttribute(group, "values_cols", PickleText::listOfStrings(valuesCols));
    stringAttribute(group, "data_columns", "(lp0\n.");
    // [(1, [names])]: the list pickle of the names inside a tuple inside a list.
    const QByteArray items = PickleText::listOfStrings(allNames).mid(5).chopped(1);
    stringAttribute(group, "non_index_axes", "(lp0\n(I1\n(lp1\n" + items + "tp99999\na.");
    QByteArray info = "(dp0\nI1\n(dp1\nVnames\np2\n(lp3\nNasVtype\np4\nVIndex\np5\nssVindex\np6\n(dp7\ns";
    int memo = 8;
    for (const QString &v : valuesCols) {
        info += 'V' + v.toUtf8() + "\np" + QByteArray::number(memo) + "\n(dp" + QByteArray::number(memo + 1) + "\ns";
        memo += 2;
    }
    stringAttribute(group, "info", info + '.');
}

void writeColumns(H5::Group &group, const EventTable &t)
{
    for (int c = 0; c < t.columnCount(); ++c) {
        const std::string name = t.column(c).name.toStdString();
        const hsize_t n = static_cast<hsize_t>(t.rowCount());
        switch (t.column(c).type) {
        case ColumnType::String: writeStrings(group, name, t.strings(c)); break;
        case ColumnType::Boolean: {
            std::vector<unsigned char> v(static_cast<size_t>(n));
            for (size_t i = 0; i < v.size(); ++i)
                v[i] = t.numbers(c)[i] != 0.0;
            writeArray(group, name, H5::PredType::STD_B8LE, {n}, v.data(), H5::PredType::NATIVE_B8);
            break;
        }
        default:
            writeArray(group, name, t.column(c).type == ColumnType::Integer ? H5::PredType::STD_I64LE : H5::PredType::IEEE_F64LE,
                       {n}, t.numbers(c).data(), H5::PredType::NATIVE_DOUBLE);
        }
    }
}
} // namespace

TableFileWriter::TableFileWriter(QString path) : m_path(std::move(path)), m_impl(std::make_unique<Impl>(m_path)) {}

TableFileWriter::~TableFileWriter() = default;

Status TableFileWriter::add(const QString &tablePath, const EventTable &table, TableLayout layout)
{
    QMutexLocker lock(&h5::libraryMutex());
    h5::silence();
    if (layout == TableLayout::PandasFixed)
        for (int c = 0; c < table.columnCount(); ++c)
            if (table.column(c).type == ColumnType::String)
                return makeError(m_path, QStringLiteral("pandas \"fixed\" frames keep text as pickled Python objects; "
                                                        "column %1 is text: write a pandas table instead").arg(table.column(c).name));
    const bool created = !m_impl->out.isOpen();
    auto opened = m_impl->out.file();
    if (!opened)
        return opened.error();
    try {
        if (created) {
            H5::Group root = (*opened)->openGroup("/");
            stringAttribute(root, "CLASS", "GROUP");
            stringAttribute(root, "PYTABLES_FORMAT_VERSION", "2.1");
            stringAttribute(root, "TITLE", "");
            stringAttribute(root, "VERSION", "1.0");
        }
        H5::H5File &file = **opened;
        if (layout == TableLayout::PyTablesTable) {
            const QString parent = tablePath.section(QLatin1Char('/'), 0, -2);
            H5::Group group = ensureGroup(file, parent);
            std::vector<Member> members;
            for (int c = 0; c < table.columnCount(); ++c) {
                Member m;
                m.name = table.column(c).name.toStdString();
                m.scalar = fileTypeOf(table, c);
                m.columns = {c};
                members.push_back(m);
            }
            writeCompound(group, tablePath.section(QLatin1Char('/'), -1).toStdString(), table, members, nullptr);
        } else {
            H5::Group group = ensureGroup(file, tablePath);
            if (layout == TableLayout::PandasFixed)
                writePandasFixed(group, table);
            else if (layout == TableLayout::PandasTable)
                writePandasTable(group, table);
            else
                writeColumns(group, table);
        }
    } catch (const H5::Exception &e) {
        return makeError(m_path, QStringLiteral("table %1 cannot be written: %2").arg(tablePath, h5::describe(e)));
    }
    return Ok{};
}

Status TableFileWriter::commit(const QString &kind)
{
    QMutexLocker lock(&h5::libraryMutex());
    h5::silence();
    return m_impl->out.commit(kind);
}

Status TableFileWriter::writeCsv(const QString &path, const EventTable &table)
{
    auto quoted = [](const QString &s) {
        if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')))
            return s;
        QString q = s;
        q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + q + QLatin1Char('"');
    };
    QByteArray out;
    QStringList header;
    for (const ColumnInfo &c : table.columns())
        header << quoted(c.name);
    out += header.join(QLatin1Char(',')).toUtf8() + '\n';
    for (qint64 r = 0; r < table.rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < table.columnCount(); ++c)
            cells << quoted(table.text(c, r));
        out += cells.join(QLatin1Char(',')).toUtf8() + '\n';
    }
    return writeFileAtomically(path, out);
}

} // namespace photopeak
