// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "util/Result.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace photopeak {

// Writes plain datasets into a new HDF5 file: exports of feature tables, foreign-layout fixtures for tests.
// Groups along a dataset path are created as needed. The file is built under a temporary name and only
// appears at `path` on commit(); a writer destroyed without commit() leaves nothing behind.
class H5TableWriter {
public:
    enum class NumberType { Float64, Float32, Int64, Int32, UInt16 };

    explicit H5TableWriter(QString path);
    ~H5TableWriter();
    H5TableWriter(const H5TableWriter &) = delete;
    H5TableWriter &operator=(const H5TableWriter &) = delete;

    // `values` in row-major order; their number must be the product of `shape` (empty shape = scalar).
    Status addNumbers(const QString &datasetPath, const std::vector<qint64> &shape, const std::vector<double> &values,
                      NumberType type = NumberType::Float64);
    // UTF-8 strings, variable length (fixedWidth 0) or fixed width in bytes, NUL padded.
    Status addStrings(const QString &datasetPath, const QStringList &values, int fixedWidth = 0);
    // String attribute on a group or dataset ("/" for the root).
    Status addAttribute(const QString &objectPath, const QString &name, const QString &value);
    Status commit();

private:
    struct Impl;
    Status ensureOpen();

    QString m_path;
    std::unique_ptr<Impl> m_impl;
};

} // namespace photopeak
