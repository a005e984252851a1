// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/TableCatalog.h"

#include "io/h5/H5Access.h"
#include "tables/PickleText.h"

#include <H5Cpp.h>

#include <QMap>
#include <QMutexLocker>

namespace photopeak {

namespace {
constexpr int MaxDepth = 32;

QString attribute(const H5::H5Object &object, const QString &name)
{
    if (!object.attrExists(name.toStdString()))
        return {};
    const H5::Attribute attr = object.openAttribute(name.toStdString());
    if (attr.getTypeClass() != H5T_STRING || attr.getSpace().getSimpleExtentNpoints() != 1)
        return {};
    std::string value;
    attr.read(attr.getStrType(), value);
    return QString::fromUtf8(value.c_str(), static_cast<qsizetype>(strnlen(value.c_str(), value.size())));
}

QString numberStorage(hid_t type)
{
    const size_t size = H5Tget_size(type);
    switch (H5Tget_class(type)) {
    case H5T_INTEGER:
        return QStringLiteral("%1int%2").arg(H5Tget_sign(type) == H5T_SGN_NONE ? QStringLiteral("u") : QString()).arg(size * 8);
    case H5T_ENUM: return QStringLiteral("enum%1").arg(size * 8);
    case H5T_FLOAT: return QStringLiteral("float%1").arg(size * 8);
    case H5T_BITFIELD: return size == 1 ? QStringLiteral("bool") : QStringLiteral("bitfield%1").arg(size * 8);
    case H5T_STRING:
        return H5Tis_variable_str(type) > 0 ? QStringLiteral("string") : QStringLiteral("string[%1]").arg(size);
    default: return QStringLiteral("other");
    }
}

// The column type of a scalar HDF5 type, or an empty reason why it cannot be read.
bool columnTypeOf(hid_t type, ColumnType *out, QString *why)
{
    switch (H5Tget_class(type)) {
    case H5T_INTEGER:
    case H5T_ENUM: *out = ColumnType::Integer; return true;
    case H5T_FLOAT: *out = ColumnType::Float; return true;
    case H5T_STRING: *out = ColumnType::String; return true;
    case H5T_BITFIELD:
        if (H5Tget_size(type) == 1) {
            *out = ColumnType::Boolean;
            return true;
        }
        *why = QStringLiteral("bit fields wider than one byte are not read");
        return false;
    case H5T_COMPOUND: *why = QStringLiteral("nested compound columns are not read"); return false;
    case H5T_VLEN: *why = QStringLiteral("variable-length sequences (e.g. pickled Python objects) are not read"); return false;
    default: *why = QStringLiteral("values of this HDF5 type class are not read"); return false;
    }
}

// Columns of a compound type: one per scalar member, one per element of an array member. `names` gives
// the element names of array members (pandas values_block_N), else "member[i]".
void compoundColumns(hid_t type, const QString &dataset, const QMap<QString, QStringList> &names, bool skipIndex,
                     std::vector<ColumnInfo> &out)
{
    const int members = H5Tget_nmembers(type);
    for (int m = 0; m < members; ++m) {
        char *raw = H5Tget_member_name(type, static_cast<unsigned>(m));
        const QString field = QString::fromUtf8(raw);
        H5free_memory(raw);
        if (skipIndex && field == QLatin1String("index"))
            continue;
        const hid_t member = H5Tget_member_type(type, static_cast<unsigned>(m));
        if (H5Tget_class(member) == H5T_ARRAY) {
            const hid_t base = H5Tget_super(member);
            const int rank = H5Tget_array_ndims(member);
            std::vector<hsize_t> dims(static_cast<size_t>(std::max(rank, 1)), 1);
            H5Tget_array_dims2(member, dims.data());
            hsize_t count = 1;
            for (int d = 0; d < rank; ++d)
                count *= dims[static_cast<size_t>(d)];
            const QStringList elementNames = names.value(field);
            for (hsize_t e = 0; e < count; ++e) {
                ColumnInfo c;
                c.dataset = dataset;
                c.field = field;
                c.element = static_cast<int>(e);
                c.name = e < static_cast<hsize_t>(elementNames.size()) ? elementNames[static_cast<qsizetype>(e)]
                                                                         : QStringLiteral("%1[%2]").arg(field).arg(e);
                c.storage = numberStorage(base);
                columnTypeOf(base, &c.type, &c.unreadable);
                out.push_back(c);
            }
            H5Tclose(base);
        } else {
            ColumnInfo c;
            c.dataset = dataset;
            c.field = field;
            c.name = field;
            c.storage = numberStorage(member);
            columnTypeOf(member, &c.type, &c.unreadable);
            out.push_back(c);
        }
        H5Tclose(member);
    }
}

qint64 rowsOf(const H5::DataSet &ds)
{
    const H5::DataSpace space = ds.getSpace();
    const int rank = space.getSimpleExtentNdims();
    if (rank < 1)
        return 1;
    std::vector<hsize_t> dims(static_cast<size_t>(rank));
    space.getSimpleExtentDims(dims.data());
    return static_cast<qint64>(dims[0]);
}

Result<QStringList> stringValues(const H5::H5File &file, const H5GlobalHeapCheck &heap, const QString &fileName,
                                 const QString &datasetPath)
{
    const H5DatasetInfo info = h5::infoOf(file.openDataSet(datasetPath.toStdString()), datasetPath);
    return h5::readStrings(file, heap, info, fileName);
}

Result<TableDescription> pandasFixed(const H5::H5File &file, const H5GlobalHeapCheck &heap, const H5::Group &group,
                                     const QString &fileName, const QString &path)
{
    TableDescription t;
    t.file = fileName;
    t.path = path;
    t.layout = TableLayout::PandasFixed;
    const QString prefix = path == QLatin1String("/") ? QString() : path;
    if (group.nameExists("axis1"))
        t.rows = rowsOf(group.openDataSet("axis1"));
    for (int b = 0;; ++b) {
        const std::string items = QStringLiteral("block%1_items").arg(b).toStdString();
        const std::string values = QStringLiteral("block%1_values").arg(b).toStdString();
        if (!group.nameExists(items) || !group.nameExists(values))
            break;
        auto names = stringValues(file, heap, fileName, prefix + QLatin1Char('/') + QString::fromStdString(items));
        if (!names)
            return names.error();
        const H5::DataSet ds = group.openDataSet(values);
        const hid_t type = H5Dget_type(ds.getId());
        const QString dataset = prefix + QLatin1Char('/') + QString::fromStdString(values);
        for (qsizetype j = 0; j < names->size(); ++j) {
            ColumnInfo c;
            c.name = names->at(j);
            c.dataset = dataset;
            c.element = static_cast<int>(j);
            c.storage = numberStorage(type);
            if (H5Tget_class(type) == H5T_VLEN) {
                c.type = ColumnType::String;
                c.storage = QStringLiteral("object");
                c.unreadable = QStringLiteral("pandas \"fixed\" format stores text columns as pickled Python objects, "
                                              "which are not read; save the frame with format=\"table\"");
            } else if (columnTypeOf(type, &c.type, &c.unreadable) && ds.getSpace().getSimpleExtentNdims() != 2) {
                c.unreadable = QStringLiteral("block is not a 2-D array");
            }
            t.columns.push_back(c);
        }
        H5Tclose(type);
    }
    return t;
}

Result<TableDescription> pandasTable(const H5::Group &group, const QString &fileName, const QString &path)
{
    TableDescription t;
    t.file = fileName;
    t.path = path;
    t.layout = TableLayout::PandasTable;
    const QString dataset = (path == QLatin1String("/") ? QString() : path) + QStringLiteral("/table");
    if (!group.nameExists("table"))
        return makeError(fileName, QStringLiteral("pandas table %1 has no \"table\" dataset").arg(path));
    const H5::DataSet ds = group.openDataSet("table");
    if (ds.getTypeClass() != H5T_COMPOUND)
        return makeError(fileName, QStringLiteral("pandas table %1: \"table\" is not a compound dataset").arg(path));
    t.rows = rowsOf(ds);
    QMap<QString, QStringList> names;
    for (const auto &[key, value] : h5::textAttributes(ds)) {
        if (!key.endsWith(QLatin1String("_kind")) || key == QLatin1String("index_kind"))
            continue;
        auto list = PickleText::strings(value.toUtf8());
        if (!list)
            return makeError(fileName, QStringLiteral("pandas table %1: attribute %2: %3").arg(path, key, list.error().message));
        names.insert(key.chopped(5), *list);
    }
    const hid_t type = H5Dget_type(ds.getId());
    compoundColumns(type, dataset, names, true, t.columns);
    H5Tclose(type);
    return t;
}

void walk(const H5::H5File &file, const H5GlobalHeapCheck &heap, const H5::Group &group, const QString &path,
          const QString &fileName, std::vector<TableDescription> &out, QStringList &errors, int depth)
{
    if (depth > MaxDepth)
        return;
    const QString pandasType = attribute(group, QStringLiteral("pandas_type"));
    if (pandasType == QLatin1String("frame") || pandasType == QLatin1String("frame_table")) {
        auto t = pandasType == QLatin1String("frame") ? pandasFixed(file, heap, group, fileName, path)
                                                      : pandasTable(group, fileName, path);
        if (t)
            out.push_back(std::move(t).value());
        else
            errors << t.error().message;
        return;
    }
    const QString prefix = path == QLatin1String("/") ? QString() : path;
    TableDescription columns;
    columns.file = fileName;
    columns.path = path;
    columns.layout = TableLayout::ColumnGroup;
    columns.rows = -1;
    const hsize_t count = group.getNumObjs();
    for (hsize_t i = 0; i < count; ++i) {
        const std::string name = group.getObjnameByIdx(i);
        const QString childPath = prefix + QLatin1Char('/') + QString::fromStdString(name);
        H5L_info_t link;
        if (H5Lget_info(group.getId(), name.c_str(), &link, H5P_DEFAULT) < 0 || link.type != H5L_TYPE_HARD)
            continue;
        const H5O_type_t type = group.childObjType(name);
        if (type == H5O_TYPE_GROUP) {
            if (name.rfind("_i_", 0) != 0)
                walk(file, heap, group.openGroup(name), childPath, fileName, out, errors, depth + 1);
            continue;
        }
        if (type != H5O_TYPE_DATASET)
            continue;
        const H5::DataSet ds = group.openDataSet(name);
        const int rank = ds.getSpace().getSimpleExtentNdims();
        const hid_t dtype = H5Dget_type(ds.getId());
        if (H5Tget_class(dtype) == H5T_COMPOUND && rank == 1) {
            TableDescription t;
            t.file = fileName;
            t.path = childPath;
            t.layout = TableLayout::PyTablesTable;
            t.rows = rowsOf(ds);
            compoundColumns(dtype, childPath, {}, false, t.columns);
            out.push_back(std::move(t));
        } else if (rank == 1 && H5Tget_class(dtype) != H5T_COMPOUND) {
            const qint64 rows = rowsOf(ds);
            if (columns.rows < 0 || rows == columns.rows) {
                columns.rows = rows;
                ColumnInfo c;
                c.name = QString::fromStdString(name);
                c.dataset = childPath;
                c.storage = numberStorage(dtype);
                columnTypeOf(dtype, &c.type, &c.unreadable);
                columns.columns.push_back(c);
            }
        }
        H5Tclose(dtype);
    }
    if (!columns.columns.empty())
        out.push_back(std::move(columns));
}

QString normalised(const QString &table)
{
    QString t = table.trimmed();
    if (!t.startsWith(QLatin1Char('/')))
        t.prepend(QLatin1Char('/'));
    while (t.size() > 1 && t.endsWith(QLatin1Char('/')))
        t.chop(1);
    return t;
}
} // namespace

Result<std::vector<TableDescription>> TableCatalog::list(const QString &fileName)
{
    QMutexLocker lock(&h5::libraryMutex());
    h5::silence();
    H5::H5File file;
    H5GlobalHeapCheck heap;
    if (Status opened = h5::openReadOnly(fileName, file, heap); !opened)
        return opened.error();
    std::vector<TableDescription> out;
    QStringList errors;
    try {
        walk(file, heap, file.openGroup("/"), QStringLiteral("/"), fileName, out, errors, 0);
    } catch (const H5::Exception &e) {
        return makeError(fileName, QStringLiteral("cannot list the tables: %1").arg(h5::describe(e)));
    }
    if (out.empty())
        return makeError(fileName, errors.isEmpty() ? QStringLiteral("holds no table (no compound dataset, pandas "
                                                                     "frame or group of 1-D datasets)")
                                                    : errors.join(QStringLiteral("; ")));
    return out;
}

Result<TableDescription> TableCatalog::find(const QString &fileName, const QString &table)
{
    auto tables = list(fileName);
    if (!tables)
        return tables.error();
    QStringList names;
    for (const TableDescription &t : *tables)
        names << t.path;
    if (table.trimmed().isEmpty()) {
        if (tables->size() == 1)
            return tables->front();
        return makeError(fileName, QStringLiteral("holds %1 tables, name one: %2").arg(tables->size()).arg(names.join(QStringLiteral(", "))));
    }
    const QString wanted = normalised(table);
    for (const TableDescription &t : *tables)
        if (t.path == wanted)
            return t;
    return makeError(fileName, QStringLiteral("has no table %1 (tables: %2)").arg(wanted, names.join(QStringLiteral(", "))));
}

} // namespace photopeak
