// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/latent/FitStatistics.h"

#include <cmath>

namespace photopeak {

FitStatistics FitStatistics::compute(const double *s, const double *d, int n, int c0)
{
    FitStatistics r;
    const int m = n - c0;
    // Pass 1: the means (explained variance over >= c0, similarity over all) and the cosine's sums.
    double ms = 0.0, mr = 0.0;           // explained variance
    double ps = 0.0, pd = 0.0;           // similarity (Pearson)
    double csd = 0.0, css = 0.0, cdd = 0.0;  // cosine
    for (int i = 0; i < c0; ++i) {
        ps += s[i];
        pd += d[i];
    }
    for (int i = c0; i < n; ++i) {
        const double si = s[i], di = d[i];
        ms += si;
        mr += si - di;
        ps += si;
        pd += di;
        csd += si * di;
        css += si * si;
        cdd += di * di;
    }
    ms /= m;
    mr /= m;
    ps /= n;
    pd /= n;
    // Pass 2: the centred sums.
    double vs = 0.0, vr = 0.0;
    double sd = 0.0, ss = 0.0, dd = 0.0;
    for (int i = 0; i < c0; ++i) {
        sd += (s[i] - ps) * (d[i] - pd);
        ss += (s[i] - ps) * (s[i] - ps);
        dd += (d[i] - pd) * (d[i] - pd);
    }
    for (int i = c0; i < n; ++i) {
        const double si = s[i], di = d[i];
        vs += (si - ms) * (si - ms);
        const double res = si - di - mr;
        vr += res * res;
        sd += (si - ps) * (di - pd);
        ss += (si - ps) * (si - ps);
        dd += (di - pd) * (di - pd);
    }
    r.explainedVariance = vs > 0.0 ? 1.0 - vr / vs : 0.0;
    r.similarity = ss > 0.0 && dd > 0.0 ? sd / std::sqrt(ss) / std::sqrt(dd) : 0.0;
    r.cosine = css > 0.0 && cdd > 0.0 ? csd / std::sqrt(css * cdd) : 0.0;
    return r;
}

} // namespace photopeak
