// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/spe/SpeReader.h"

#include "io/FileBytes.h"
#include "spectrum/SpectrumProblem.h"
#include "io/spe/SpeFormat.h"

namespace photopeak {

int SpeReader::confidence(const QString &path, qint64 fileSize, QByteArrayView head) const
{
    const bool suffix = path.endsWith(QLatin1String(".spe"), Qt::CaseInsensitive);
    if (fileSize > spe::MaxFileSize)
        return suffix ? 20 : 0;
    if (spe::looksLikeSpe(head))
        return suffix ? 100 : 90;
    // Claim other .spe files so that what is wrong with them is reported with a line number.
    return suffix ? 50 : 0;
}

Result<std::vector<Spectrum>> SpeReader::read(const QString &path) const
{
    QByteArray bytes;
    if (auto ok = readFileBytes(path, bytes, spe::MaxFileSize); !ok)
        return ok.error();
    return readBytes(bytes, path);
}

Result<std::vector<Spectrum>> SpeReader::readBytes(QByteArrayView bytes, const QString &name) const
{
    if (bytes.size() > spe::MaxFileSize)
        return makeError(name, QStringLiteral("%1 bytes is larger than this format allows (%2)").arg(bytes.size()).arg(spe::MaxFileSize),
                         unsigned(SpectrumProblem::Unreadable));
    auto parsed = spe::parse(bytes, name);
    if (!parsed)
        return parsed.error();
    return std::vector<Spectrum>{std::move(parsed).value()};
}

} // namespace photopeak
