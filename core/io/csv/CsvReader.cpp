// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/csv/CsvReader.h"

#include "io/csv/CsvFormat.h"

#include <QFile>

namespace photopeak {

int CsvReader::confidence(const QString &path, qint64 fileSize, QByteArrayView head) const
{
    const bool suffix = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
    if (fileSize > csv::MaxFileSize)
        return suffix ? 20 : 0;
    if (csv::looksLikeSpectrumCsv(head))
        return suffix ? 95 : 30;
    // Claim other .csv files so that what is wrong with them is reported with a line number.
    return suffix ? 40 : 0;
}

Result<std::vector<Spectrum>> CsvReader::read(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(path, QStringLiteral("cannot be opened: %1").arg(file.errorString()),
                         unsigned(SpectrumProblem::Unreadable));
    if (file.size() > csv::MaxFileSize)
        return makeError(path, QStringLiteral("%1 bytes is larger than any spectrum CSV this program reads (%2 MiB)")
                                   .arg(file.size())
                                   .arg(csv::MaxFileSize >> 20),
                         unsigned(SpectrumProblem::Unreadable));
    return readBytes(file.readAll(), path);
}

Result<std::vector<Spectrum>> CsvReader::readBytes(QByteArrayView bytes, const QString &name) const
{
    if (bytes.size() > csv::MaxFileSize)
        return makeError(name, QStringLiteral("%1 bytes is larger than any spectrum CSV this program reads (%2 MiB)")
                                   .arg(bytes.size())
                                   .arg(csv::MaxFileSize >> 20),
                         unsigned(SpectrumProblem::Unreadable));
    auto parsed = csv::parse(bytes, name);
    if (!parsed)
        return parsed.error();
    return std::vector<Spectrum>{std::move(parsed).value()};
}

} // namespace photopeak
