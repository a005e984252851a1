// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "PeaksCli.h"

#include "AnalysisCli.h"
#include "CliOutput.h"

using namespace photopeak;

namespace PeaksCli {

std::optional<EfficiencyCurve> efficiency(const QString &value, const QString &command, int *exitCode)
{
    if (value.isEmpty())
        return EfficiencyCurve();
    const QString path = AnalysisCli::resolveEfficiency(value);
    if (path.isEmpty()) {
        cliErr() << "photopeak-cli " << command << ": " << value
                 << ": no such efficiency file (nor a shipped curve of that name)\n";
        *exitCode = 2;
        return std::nullopt;
    }
    auto curve = EfficiencyCurve::load(path);
    if (!curve) {
        cliErr() << "photopeak-cli " << command << ": " << curve.error().toString() << "\n";
        *exitCode = 1;
        return std::nullopt;
    }
    return std::move(curve).value();
}

std::optional<std::vector<GammaLine>> calibrationLines(const NuclideLibrary &library, const QString &list,
                                                       const QString &command, int *exitCode)
{
    std::vector<GammaLine> lines;
    for (const QString &name : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const Nuclide *n = library.find(name);
        if (!n) {
            cliErr() << "photopeak-cli " << command << ": nuclide '" << name << "' is not in the library\n";
            *exitCode = 2;
            return std::nullopt;
        }
        lines.insert(lines.end(), n->lines.begin(), n->lines.end());
    }
    return lines;
}

} // namespace PeaksCli
