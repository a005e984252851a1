// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QString>

namespace photopeak {

// What a table column holds once read: integers, floats and booleans are kept as doubles (booleans 0/1,
// integers exactly up to 2^53), strings as text.
enum class ColumnType { Integer, Float, Boolean, String };

inline QString columnTypeName(ColumnType t)
{
    switch (t) {
    case ColumnType::Integer: return QStringLiteral("integer");
    case ColumnType::Float: return QStringLiteral("float");
    case ColumnType::Boolean: return QStringLiteral("boolean");
    case ColumnType::String: return QStringLiteral("string");
    }
    return {};
}

// One column of a stored table and where its values live in the file.
struct ColumnInfo {
    ColumnInfo() = default;
    ColumnInfo(QString columnName, ColumnType columnType) : name(std::move(columnName)), type(columnType) {}

    QString name;
    ColumnType type = ColumnType::Float;
    QString storage;       // the file's type: "int32", "float64", "bool", "string[16]"
    QString dataset;       // HDF5 dataset holding the values
    QString field;         // compound member ("" for plain datasets)
    int element = -1;      // index inside an array member or a 2-D block column (-1: none)
    QString unreadable;    // why the values cannot be read (e.g. pickled Python objects); empty if readable

    bool isNumeric() const { return type != ColumnType::String; }
};

} // namespace photopeak
