// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

// The project's own spectral-library HDF5 format (docs/spectral-library-format.md). The public part is
// the names below; the read function is internal to core/io/h5 (HDF5 types are only forward-declared).

#include "spectrum/Spectrum.h"
#include "util/Result.h"

#include <QString>

#include <vector>

namespace H5 {
class H5File;
}

namespace photopeak {
class H5DatasetListing;
class H5GlobalHeapCheck;
}

namespace photopeak::h5lib {

// Root attribute `format` holds this text and `version` this number.
inline constexpr char FormatName[] = "photopeak-spectral-library";
inline constexpr int Version = 1;

bool isLibrary(const H5DatasetListing &listing);
// Reads every row of an open library file; `path` names the file in errors and is not stored (rows keep
// the source path they were written with).
Result<std::vector<Spectrum>> read(const H5::H5File &file, const H5GlobalHeapCheck &heap, const H5DatasetListing &listing,
                                   const QString &path);

} // namespace photopeak::h5lib
