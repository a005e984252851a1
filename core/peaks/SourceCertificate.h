// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QDateTime>
#include <QString>

#include <vector>

namespace photopeak {

// Certified activity of a reference source on a date.
struct SourceCertificate {
    QString nuclide;
    double activityBq = 0.0;
    QDateTime date;

    // The XGD laboratory sources (methods.md 1.6): Na22 107, Co60 100, Cs137 116, Eu152 104, Am241 111 kBq
    // on 2016-10-01.
    static std::vector<SourceCertificate> xgdSources()
    {
        const QDateTime d(QDate(2016, 10, 1), QTime(0, 0));
        return {{QStringLiteral("Na22"), 107e3, d}, {QStringLiteral("Co60"), 100e3, d}, {QStringLiteral("Cs137"), 116e3, d},
                {QStringLiteral("Eu152"), 104e3, d}, {QStringLiteral("Am241"), 111e3, d}};
    }
};

} // namespace photopeak
