// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

// Internal to core/io/h5: small helpers over the HDF5 C++ API shared by the reader, the listing and the
// library writer. HDF5 types are only forward-declared so that this header pulls in no HDF5 header.

#include "io/h5/H5DatasetInfo.h"
#include "io/h5/H5GlobalHeapCheck.h"
#include "util/Result.h"

#include <QList>
#include <QPair>
#include <QRecursiveMutex>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace H5 {
class DataSet;
class Exception;
class Group;
class H5File;
class H5Object;
} // namespace H5

namespace photopeak::h5 {

// HDF5 keeps process-wide state (open identifiers, property defaults): the project enters it one caller
// at a time. Every entry point locks this and then calls silence().
QRecursiveMutex &libraryMutex();
// Turns off HDF5's own printing of error stacks to stderr for the calling thread.
void silence();

// The most specific message HDF5 left on its error stack (e.g. "truncated file: eof = 1000, ..."),
// else the exception's own text.
QString describe(const H5::Exception &e);

// Opens a file read-only after checking its string storage (H5GlobalHeapCheck, kept in `heap` for
// readStrings). The error says whether the file is missing, not HDF5 at all, truncated or damaged.
Status openReadOnly(const QString &path, H5::H5File &file, H5GlobalHeapCheck &heap);

// The same for a file image in memory (HDF5's core driver); `name` stands for the path in messages.
Status openImage(const QByteArray &image, const QString &name, H5::H5File &file, H5GlobalHeapCheck &heap);

// Appends every dataset below `group` (whose absolute path is `groupPath`), depth first in name order.
// Follows hard links only and stops at a fixed depth, so cyclic or external links cannot trap it.
void listDatasets(const H5::Group &group, const QString &groupPath, std::vector<H5DatasetInfo> &out, int depth = 0);
H5DatasetInfo infoOf(const H5::DataSet &dataset, const QString &path);
// Attributes of an object whose values are strings or numbers, as text ("1", "a, b" for arrays).
QList<QPair<QString, QString>> textAttributes(const H5::H5Object &object);

// Whole-dataset reads (one H5Dread each). Errors name `file` and the dataset.
Result<std::vector<double>> readNumbers(const H5::H5File &file, const H5DatasetInfo &info, const QString &path);
// Whether a [rows x width] numeric table is within what this program reads from one file (MaxValuesPerRead values,
// MaxRowsPerTable rows); checked from the declared shape, before anything is allocated.
Status checkTableShape(const H5DatasetInfo &info, const QString &path);
// A [rows x width] numeric table read a block of rows at a time (bounded memory whatever its size): `take` gets
// each block's first row, row count and values (row-major doubles, valid during the call).
Status readRowBlocks(const H5::H5File &file, const H5DatasetInfo &info, const QString &path,
                     const std::function<void(qint64 firstRow, qint64 rowCount, const double *values)> &take);
// String datasets (variable or fixed length, trailing NULs and spaces removed); numbers are formatted.
Result<QStringList> readStrings(const H5::H5File &file, const H5GlobalHeapCheck &heap, const H5DatasetInfo &info,
                                const QString &path);

// Largest number of values read from one dataset (2 GiB as doubles). The library writer refuses to write more,
// so that every file it writes can be read back.
inline constexpr qint64 MaxValuesPerRead = qint64(1) << 28;
inline constexpr qint64 MaxRowsPerTable = qint64(1) << 22;
// A dataset storing less than 1/MaxCompressionRatio of its declared bytes is refused before reading (deflate
// cannot do better than about 1032:1; unwritten chunks of a huge declared table store nothing).
inline constexpr qint64 MaxCompressionRatio = 1024;

} // namespace photopeak::h5
