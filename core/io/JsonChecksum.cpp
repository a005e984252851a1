// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/JsonChecksum.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace photopeak::JsonChecksum {

namespace {
const QString kKey = QStringLiteral("checksum");
const QByteArray kPrefix = "sha256:";
constexpr qsizetype kHexLength = 64;

QByteArray zeros() { return QByteArray(kHexLength, '0'); }
} // namespace

QByteArray serialize(QJsonObject root)
{
    root.insert(kKey, QString::fromLatin1(kPrefix + zeros()));
    QByteArray bytes = QJsonDocument(root).toJson(QJsonDocument::Indented);
    const qsizetype at = bytes.indexOf(kPrefix + zeros());
    const QByteArray hash = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    bytes.replace(at + kPrefix.size(), kHexLength, hash);
    return bytes;
}

Status verify(const QByteArray &bytes, const QJsonObject &root, const QString &path, QStringList *warnings)
{
    if (!root.contains(kKey)) {
        if (warnings)
            *warnings << QStringLiteral("%1: written without a checksum (by a Photopeak version before checksums); "
                                        "its content cannot be verified, save it again to add one").arg(path);
        return Ok{};
    }
    const QByteArray value = root.value(kKey).toString().toLatin1();
    const QByteArray hex = value.mid(kPrefix.size());
    if (!value.startsWith(kPrefix) || hex.size() != kHexLength || hex == zeros())
        return makeError(path, QStringLiteral("field 'checksum' is malformed (\"%1\"); the file is damaged")
                                   .arg(QString::fromLatin1(value.left(80))));
    const qsizetype at = bytes.indexOf(kPrefix + hex);
    if (at < 0)
        return makeError(path, QStringLiteral("field 'checksum' is not where it was written; the file was changed"));
    QByteArray blanked = bytes;
    blanked.replace(at + kPrefix.size(), kHexLength, zeros());
    if (QCryptographicHash::hash(blanked, QCryptographicHash::Sha256).toHex() != hex)
        return makeError(path, QStringLiteral("content does not match its checksum: the file was changed or damaged "
                                              "after Photopeak wrote it; refusing to use it"));
    return Ok{};
}

} // namespace photopeak::JsonChecksum
