// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace photopeak {

// Checksums of the JSON files Photopeak writes and trusts later (models, efficiency curves): the root object
// carries "checksum": "sha256:<hex>", the SHA-256 of the file's exact bytes with that hex replaced by zeros.
// Byte-exact, so no canonical re-serialisation is needed; any change of content, a flipped digit or a
// truncation, no longer matches. Format in docs/output-safety.md ("Trusted files").
namespace JsonChecksum {
// The indented JSON of `root` with its checksum; `root` must not hold "checksum" itself.
QByteArray serialize(QJsonObject root);
// Ok when `bytes` (parsed as `root`) match their checksum. A file written before checksums (no "checksum"
// field) passes with a line appended to *warnings; a malformed or non-matching one is refused.
Status verify(const QByteArray &bytes, const QJsonObject &root, const QString &path, QStringList *warnings);
} // namespace JsonChecksum

} // namespace photopeak
