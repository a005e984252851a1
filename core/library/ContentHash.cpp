// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "library/ContentHash.h"

#include <QCryptographicHash>

#include <algorithm>

namespace photopeak {

QString spectrumContentHash(const Spectrum &s)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(QByteArrayView(reinterpret_cast<const char *>(s.counts.data()),
                             static_cast<qsizetype>(s.counts.size() * sizeof(double))));
    h.addData(QByteArrayView(reinterpret_cast<const char *>(&s.liveTime), sizeof s.liveTime));
    const auto &c = s.calibration.coefficients();
    h.addData(QByteArrayView(reinterpret_cast<const char *>(c.data()), static_cast<qsizetype>(c.size() * sizeof(double))));
    h.addData(s.labelKey().toUtf8());
    return QString::fromLatin1(h.result().toHex());
}

QString datasetContentHash(const std::vector<const Spectrum *> &spectra)
{
    std::vector<QString> hashes;
    hashes.reserve(spectra.size());
    for (const Spectrum *s : spectra)
        hashes.push_back(spectrumContentHash(*s));
    std::sort(hashes.begin(), hashes.end());
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (const QString &x : hashes)
        h.addData(x.toLatin1());
    return QString::fromLatin1(h.result().toHex());
}

} // namespace photopeak
