// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/cnf/CnfReader.h"

#include "io/FileBytes.h"
#include "spectrum/SpectrumProblem.h"
#include "io/cnf/CnfFormat.h"

namespace photopeak {

int CnfReader::confidence(const QString &path, qint64 fileSize, QByteArrayView head) const
{
    const bool suffix = path.endsWith(QLatin1String(".cnf"), Qt::CaseInsensitive);
    if (fileSize > cnf::MaxFileSize)
        return suffix ? 20 : 0;
    if (cnf::looksLikeCnf(head))
        return suffix ? 100 : 80;
    return suffix ? 50 : 0;  // claim damaged .cnf files so that their problem is reported precisely
}

Result<std::vector<Spectrum>> CnfReader::read(const QString &path) const
{
    QByteArray bytes;
    if (auto ok = readFileBytes(path, bytes, cnf::MaxFileSize); !ok)
        return ok.error();
    return readBytes(bytes, path);
}

Result<std::vector<Spectrum>> CnfReader::readBytes(QByteArrayView bytes, const QString &name) const
{
    if (bytes.size() > cnf::MaxFileSize)
        return makeError(name, QStringLiteral("%1 bytes is larger than this format allows (%2)").arg(bytes.size()).arg(cnf::MaxFileSize),
                         unsigned(SpectrumProblem::Unreadable));
    auto parsed = cnf::parse(bytes, name);
    if (!parsed)
        return parsed.error();
    return std::vector<Spectrum>{std::move(parsed).value()};
}

} // namespace photopeak
