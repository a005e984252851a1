// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/n42/N42Reader.h"

#include "io/FileBytes.h"
#include "spectrum/SpectrumProblem.h"
#include "io/n42/N42Format.h"

namespace photopeak {

int N42Reader::confidence(const QString &path, qint64 fileSize, QByteArrayView head) const
{
    const bool n42Suffix = path.endsWith(QLatin1String(".n42"), Qt::CaseInsensitive);
    if (fileSize > n42::MaxFileSize)
        return n42Suffix ? 20 : 0;
    if (n42::editionOf(head) != n42::Edition::None)
        return 100;  // the root element names the format, whatever the suffix (.n42, .xml)
    // Claim damaged .n42 files so that what is wrong with them is reported precisely.
    return n42Suffix ? 50 : 0;
}

Result<std::vector<Spectrum>> N42Reader::read(const QString &path) const
{
    QByteArray bytes;
    if (auto ok = readFileBytes(path, bytes, n42::MaxFileSize); !ok)
        return ok.error();
    return readBytes(bytes, path);
}

Result<std::vector<Spectrum>> N42Reader::readBytes(QByteArrayView bytes, const QString &name) const
{
    if (bytes.size() > n42::MaxFileSize)
        return makeError(name, QStringLiteral("%1 bytes is larger than this format allows (%2)").arg(bytes.size()).arg(n42::MaxFileSize),
                         unsigned(SpectrumProblem::Unreadable));
    return n42::parse(bytes, name);
}

} // namespace photopeak
