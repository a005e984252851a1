// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "hits/HitCollection.h"

namespace photopeak {

// A folder of PNG/JPEG crops: crops directly in the folder are unlabelled, crops in a subfolder carry the
// subfolder's name as their label; a label table (HitLabelsFile) adds labels, times, positions and devices
// by file name without suffix and overrides folder labels. Crops of another size than the collection's
// are refused one by one with the file named.
class HitFolderReader {
public:
    static Result<HitCollection> read(const QString &folder, const HitReadOptions &options = {});
};

} // namespace photopeak
