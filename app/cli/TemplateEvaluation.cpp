// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "TemplateEvaluation.h"

#include <QElapsedTimer>

using namespace photopeak;

namespace TemplateEvaluation {

int run(const QString &root, const NuclideLibrary &lib, const LeaveOneIsotopeOut::Options &options, QTextStream &out)
{
    QElapsedTimer timer;
    timer.start();
    const auto r = LeaveOneIsotopeOut::run(root, lib, options);
    if (!r) {
        out << "identify --leave-one-out-xgd: " << r.error().toString() << "\n";
        return 1;
    }
    out << "Leave-one-isotope-out identification from library templates (" << root << ")\n";
    out << "  background reference: " << r->backgrounds << " spectra, " << QString::number(r->backgroundLiveTime, 'f', 0) << " s\n";
    out << "  response fitted without the isotope: resolution " << (options.fitResolution ? "from the peaks" : "of the efficiency file")
        << ", efficiency shape " << (options.fitEfficiency ? (options.backgroundLines ? "from line ratios (sources and the backgrounds' natural chains)" : "from line ratios")
                                                           : "of the efficiency file (not blind)")
        << ", continuum from the 60-s spectra"
        << (options.stride > 1 ? QStringLiteral("; every %1th spectrum").arg(options.stride) : QString()) << "\n";
    for (const auto &row : r->rows)
        out << "  " << row.isotope << " (" << row.setting << "): " << row.response << "\n";
    out << "\n" << LeaveOneIsotopeOut::format(*r, options.genericColumn);
    out << "  time " << QString::number(timer.elapsed() / 1000.0, 'f', 1) << " s\n";
    return 0;
}

} // namespace TemplateEvaluation
