// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/sps/SpsReader.h"

#include "io/AtomicFile.h"
#include "io/FileBytes.h"
#include "spectrum/SpectrumProblem.h"
#include "io/sps/SpsFormat.h"

#include <QFile>
#include <QtEndian>

#include <cstring>

namespace photopeak {

int SpsReader::confidence(const QString &path, qint64 fileSize, QByteArrayView head) const
{
    const bool suffix = path.endsWith(QLatin1String(".sps"), Qt::CaseInsensitive);
    if (head.size() >= 2) {
        qint16 n;
        std::memcpy(&n, head.data(), 2);
        n = qFromLittleEndian(n);
        if (n > 0 && fileSize == sps::fileSize(n))
            return suffix ? 100 : 60;
    }
    return suffix ? 50 : 0;  // claim damaged .sps files so that their problem is reported precisely
}

Result<std::vector<Spectrum>> SpsReader::read(const QString &path) const
{
    QByteArray bytes;
    if (auto ok = readFileBytes(path, bytes, sps::fileSize(sps::MaxChannels)); !ok)
        return ok.error();
    return readBytes(bytes, path);
}

Result<std::vector<Spectrum>> SpsReader::readBytes(QByteArrayView bytes, const QString &name) const
{
    if (bytes.size() > sps::fileSize(sps::MaxChannels))
        return makeError(name, QStringLiteral("%1 bytes is larger than this format allows (%2)").arg(bytes.size()).arg(sps::fileSize(sps::MaxChannels)),
                         unsigned(SpectrumProblem::Unreadable));
    auto parsed = sps::parse(bytes, name);
    if (!parsed)
        return parsed.error();
    return std::vector<Spectrum>{std::move(parsed).value()};
}

Status SpsWriter::write(const QString &path, const std::vector<Spectrum> &spectra) const
{
    auto bytes = sps::serialize(spectra.front());
    if (!bytes)
        return makeError(path, bytes.error().message);
    return writeFileAtomically(path, *bytes, OutputKind::spectra());
}

} // namespace photopeak
