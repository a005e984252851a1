// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/csv/CsvWriter.h"

#include "io/AtomicFile.h"
#include "io/csv/CsvFormat.h"

namespace photopeak {

Status CsvWriter::write(const QString &path, const std::vector<Spectrum> &spectra) const
{
    if (spectra.size() != 1)
        return makeError(path, QStringLiteral("a CSV file holds exactly one spectrum, %1 were given").arg(spectra.size()));
    return writeFileAtomically(path, csv::serialize(spectra.front()), OutputKind::spectra());
}

} // namespace photopeak
