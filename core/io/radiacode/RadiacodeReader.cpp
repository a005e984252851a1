// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/radiacode/RadiacodeReader.h"

#include "io/FileBytes.h"
#include "spectrum/SpectrumProblem.h"
#include "io/radiacode/RadiacodeFormat.h"

namespace photopeak {

int RadiacodeReader::confidence(const QString &, qint64 fileSize, QByteArrayView head) const
{
    if (fileSize > radiacode::MaxFileSize)
        return 0;
    return radiacode::looksLikeRadiacodeXml(head) ? 100 : 0;
}

Result<std::vector<Spectrum>> RadiacodeReader::read(const QString &path) const
{
    QByteArray bytes;
    if (auto ok = readFileBytes(path, bytes, radiacode::MaxFileSize); !ok)
        return ok.error();
    return readBytes(bytes, path);
}

Result<std::vector<Spectrum>> RadiacodeReader::readBytes(QByteArrayView bytes, const QString &name) const
{
    if (bytes.size() > radiacode::MaxFileSize)
        return makeError(name, QStringLiteral("%1 bytes is larger than this format allows (%2)").arg(bytes.size()).arg(radiacode::MaxFileSize),
                         unsigned(SpectrumProblem::Unreadable));
    return radiacode::parse(bytes, name);
}

} // namespace photopeak
