// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QString>
#include <QStringList>

#include <limits>
#include <vector>

namespace photopeak {

// What an HDF5 file says about one of its datasets, without reading the values.
struct H5DatasetInfo {
    enum class Kind { Integer, Float, String, Other };

    QString path;                // absolute, e.g. "/counts" or "/run1/spectra"
    std::vector<qint64> shape;   // empty for a scalar
    Kind kind = Kind::Other;
    QString typeName;            // "int32", "float64", "string (variable length)", "string[16]", "compound" ...

    QString name() const { return path.section(QLatin1Char('/'), -1); }
    // Group holding the dataset, "/" for the root.
    QString group() const
    {
        const QString g = path.section(QLatin1Char('/'), 0, -2);
        return g.isEmpty() ? QStringLiteral("/") : g;
    }
    int rank() const { return static_cast<int>(shape.size()); }
    qint64 rows() const { return shape.empty() ? 1 : shape.front(); }
    // Saturates at the largest qint64: a damaged file can declare dimensions whose product overflows.
    qint64 elementCount() const
    {
        qint64 n = 1;
        for (qint64 d : shape) {
            if (d < 0 || (d > 0 && n > std::numeric_limits<qint64>::max() / d))
                return std::numeric_limits<qint64>::max();
            n *= d;
        }
        return n;
    }
    bool isNumeric() const { return kind == Kind::Integer || kind == Kind::Float; }
    QString shapeText() const
    {
        if (shape.empty())
            return QStringLiteral("scalar");
        QStringList parts;
        for (qint64 d : shape)
            parts << QString::number(d);
        return parts.join(QStringLiteral(" x "));
    }
    // "/counts [643 x 256] int32"
    QString toString() const { return QStringLiteral("%1 [%2] %3").arg(path, shapeText(), typeName); }
};

} // namespace photopeak
