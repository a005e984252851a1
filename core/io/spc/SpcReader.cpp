// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/spc/SpcReader.h"

#include "io/FileBytes.h"
#include "spectrum/SpectrumProblem.h"
#include "io/spc/SpcFormat.h"

namespace photopeak {

int SpcReader::confidence(const QString &path, qint64 fileSize, QByteArrayView head) const
{
    const bool suffix = path.endsWith(QLatin1String(".spc"), Qt::CaseInsensitive);
    if (fileSize > spc::MaxFileSize)
        return suffix ? 20 : 0;
    if (spc::looksLikeSpc(head, fileSize))
        return suffix ? 100 : 60;  // a few header words: weaker evidence than a suffix and a header together
    return suffix ? 50 : 0;  // claim damaged .spc files so that their problem is reported precisely
}

Result<std::vector<Spectrum>> SpcReader::read(const QString &path) const
{
    QByteArray bytes;
    if (auto ok = readFileBytes(path, bytes, spc::MaxFileSize); !ok)
        return ok.error();
    return readBytes(bytes, path);
}

Result<std::vector<Spectrum>> SpcReader::readBytes(QByteArrayView bytes, const QString &name) const
{
    if (bytes.size() > spc::MaxFileSize)
        return makeError(name, QStringLiteral("%1 bytes is larger than this format allows (%2)").arg(bytes.size()).arg(spc::MaxFileSize),
                         unsigned(SpectrumProblem::Unreadable));
    auto parsed = spc::parse(bytes, name);
    if (!parsed)
        return parsed.error();
    return std::vector<Spectrum>{std::move(parsed).value()};
}

} // namespace photopeak
