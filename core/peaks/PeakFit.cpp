// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "peaks/PeakFit.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>

namespace photopeak {

namespace {

constexpr double kFwhmPerSigma = 2.354820045;

double phi(double u) { return 0.3989422804014327 * std::exp(-0.5 * u * u); }
double Phi(double u) { return 0.5 * std::erfc(-u / std::sqrt(2.0)); }

// Full parameter set of a region: per peak (centroid, sigma, area), then continuum coefficients.
struct Model {
    int peaks = 0;
    int degree = 1;
    double pivot = 0.0;
    std::vector<double> p;

    int size() const { return 3 * peaks + degree + 1; }
    double value(int i) const
    {
        const double x0 = i, x1 = i + 1.0, xc = i + 0.5;
        double v = 0.0;
        for (int k = 0; k < peaks; ++k) {
            const double c = p[3 * k], s = p[3 * k + 1], a = p[3 * k + 2];
            v += a * (Phi((x1 - c) / s) - Phi((x0 - c) / s));
        }
        double t = 1.0;
        for (int m = 0; m <= degree; ++m) {
            v += p[3 * peaks + m] * t;
            t *= (xc - pivot);
        }
        return v;
    }
    // Derivatives of value(i) with respect to every parameter.
    void gradient(int i, double *g) const
    {
        const double x0 = i, x1 = i + 1.0, xc = i + 0.5;
        for (int k = 0; k < peaks; ++k) {
            const double c = p[3 * k], s = p[3 * k + 1], a = p[3 * k + 2];
            const double u0 = (x0 - c) / s, u1 = (x1 - c) / s;
            const double G = Phi(u1) - Phi(u0);
            g[3 * k] = -a * (phi(u1) - phi(u0)) / s;
            g[3 * k + 1] = -a * (u1 * phi(u1) - u0 * phi(u0)) / s;
            g[3 * k + 2] = G;
        }
        double t = 1.0;
        for (int m = 0; m <= degree; ++m) {
            g[3 * peaks + m] = t;
            t *= (xc - pivot);
        }
    }
};

} // namespace

Result<PeakRegion> PeakFit::fitRegion(const std::vector<double> &y, int low, int high,
                                      const std::vector<double> &centroids, const std::vector<double> &fwhms) const
{
    const int n = static_cast<int>(y.size());
    low = std::clamp(low, 0, n);
    high = std::clamp(high, low, n);
    const int npk = static_cast<int>(centroids.size());
    if (fwhms.size() != centroids.size())
        return makeError(QStringLiteral("peak fit"), QStringLiteral("one width per centroid expected"));
    Model m;
    m.peaks = npk;
    m.degree = std::clamp(m_options.continuumDegree, 0, 2);
    m.pivot = 0.5 * (low + high);
    m.p.assign(m.size(), 0.0);
    const int nfreeMax = m.size();
    if (high - low < nfreeMax + 2)
        return makeError(QStringLiteral("peak fit"),
                         QStringLiteral("region [%1, %2) too small for %3 peaks").arg(low).arg(high).arg(npk));
    // Free-parameter mask.
    std::vector<int> free;
    std::vector<double> lo(m.size(), -1e300), hi(m.size(), 1e300);
    for (int k = 0; k < npk; ++k) {
        const double s0 = std::max(0.3, fwhms[k] / kFwhmPerSigma);
        m.p[3 * k] = centroids[k];
        m.p[3 * k + 1] = s0;
        const double shift = m_options.maxCentroidShift > 0.0 ? m_options.maxCentroidShift : fwhms[k];
        lo[3 * k] = std::max<double>(low, centroids[k] - shift);
        hi[3 * k] = std::min<double>(high, centroids[k] + shift);
        lo[3 * k + 1] = std::max(0.25, 0.3 * s0);
        hi[3 * k + 1] = std::max(0.5, std::min(3.0 * s0, 0.5 * (high - low)));
        if (!m_options.fixCentroids)
            free.push_back(3 * k);
        if (!m_options.fixWidths)
            free.push_back(3 * k + 1);
        free.push_back(3 * k + 2);
    }
    for (int j = 0; j <= m.degree; ++j)
        free.push_back(3 * npk + j);
    const int nf = static_cast<int>(free.size());
    const int npts = high - low;

    // Weights: pass 0 from the locally averaged data, later passes from the model.
    std::vector<double> var(npts);
    for (int i = low; i < high; ++i) {
        double s = 0.0;
        int c = 0;
        for (int j = std::max(0, i - 1); j <= std::min(n - 1, i + 1); ++j, ++c)
            s += y[j];
        var[i - low] = std::max(s / c, 1.0);
    }

    auto chi2Of = [&](const Model &mm) {
        double c2 = 0.0;
        for (int i = low; i < high; ++i) {
            const double r = y[i] - mm.value(i);
            c2 += r * r / var[i - low];
        }
        return c2;
    };
    // Linear start: areas and continuum with centroids and widths fixed.
    auto linearSolve = [&](Model &mm) {
        std::vector<int> lin;
        for (int k = 0; k < npk; ++k)
            lin.push_back(3 * k + 2);
        for (int j = 0; j <= mm.degree; ++j)
            lin.push_back(3 * npk + j);
        Eigen::MatrixXd A(npts, lin.size());
        Eigen::VectorXd b(npts);
        std::vector<double> g(mm.size());
        for (int i = low; i < high; ++i) {
            mm.gradient(i, g.data());
            const double w = 1.0 / std::sqrt(var[i - low]);
            for (size_t j = 0; j < lin.size(); ++j)
                A(i - low, j) = g[lin[j]] * w;
            b(i - low) = y[i] * w;
        }
        const Eigen::VectorXd x = A.colPivHouseholderQr().solve(b);
        for (size_t j = 0; j < lin.size(); ++j)
            mm.p[lin[j]] = x(j);
    };

    PeakRegion out;
    out.low = low;
    out.high = high;
    out.pivot = m.pivot;
    Eigen::MatrixXd H(nf, nf);
    int totalIter = 0;
    bool converged = false;
    for (int pass = 0; pass < 3; ++pass) {
        if (pass > 0)
            for (int i = low; i < high; ++i)
                var[i - low] = std::max(m.value(i), 1.0);
        if (pass == 0)
            linearSolve(m);
        double lambda = 1e-3;
        double chi2 = chi2Of(m);
        converged = false;
        std::vector<double> g(m.size());
        for (int it = 0; it < m_options.maxIterations; ++it) {
            ++totalIter;
            Eigen::MatrixXd J(npts, nf);
            Eigen::VectorXd r(npts);
            for (int i = low; i < high; ++i) {
                m.gradient(i, g.data());
                const double w = 1.0 / std::sqrt(var[i - low]);
                for (int j = 0; j < nf; ++j)
                    J(i - low, j) = g[free[j]] * w;
                r(i - low) = (y[i] - m.value(i)) * w;
            }
            H = J.transpose() * J;
            const Eigen::VectorXd grad = J.transpose() * r;
            bool improved = false;
            for (int tries = 0; tries < 12 && !improved; ++tries) {
                Eigen::MatrixXd Hl = H;
                for (int j = 0; j < nf; ++j)
                    Hl(j, j) += lambda * std::max(H(j, j), 1e-12);
                const Eigen::VectorXd delta = Hl.ldlt().solve(grad);
                Model trial = m;
                for (int j = 0; j < nf; ++j)
                    trial.p[free[j]] = std::clamp(m.p[free[j]] + delta(j), lo[free[j]], hi[free[j]]);
                const double c2 = chi2Of(trial);
                if (std::isfinite(c2) && c2 <= chi2) {
                    const double gain = chi2 - c2;
                    m = trial;
                    improved = true;
                    lambda = std::max(lambda / 10.0, 1e-9);
                    if (gain < 1e-6 * std::max(1.0, chi2))
                        converged = true;
                    chi2 = c2;
                } else {
                    lambda *= 10.0;
                }
            }
            if (!improved)
                converged = true;  // no step lowers chi2: at the minimum within numerical precision
            if (converged)
                break;
        }
    }
    // Final chi2 and Hessian with the model weights.
    for (int i = low; i < high; ++i)
        var[i - low] = std::max(m.value(i), 1.0);
    {
        Eigen::MatrixXd J(npts, nf);
        std::vector<double> g(m.size());
        for (int i = low; i < high; ++i) {
            m.gradient(i, g.data());
            const double w = 1.0 / std::sqrt(var[i - low]);
            for (int j = 0; j < nf; ++j)
                J(i - low, j) = g[free[j]] * w;
        }
        H = J.transpose() * J;
    }
    out.chi2 = chi2Of(m);
    out.ndf = npts - nf;
    out.iterations = totalIter;
    out.converged = converged;
    Eigen::MatrixXd cov = H.completeOrthogonalDecomposition().pseudoInverse();
    const double scale = std::max(1.0, out.reducedChi2());
    cov *= scale;
    auto sdOf = [&](int param) {
        for (int j = 0; j < nf; ++j)
            if (free[j] == param)
                return std::sqrt(std::max(cov(j, j), 0.0));
        return 0.0;
    };
    out.continuum.assign(m.p.begin() + 3 * npk, m.p.end());
    for (int k = 0; k < npk; ++k) {
        FittedPeak pk;
        pk.centroid = m.p[3 * k];
        pk.centroidUnc = sdOf(3 * k);
        pk.fwhm = kFwhmPerSigma * m.p[3 * k + 1];
        pk.fwhmUnc = kFwhmPerSigma * sdOf(3 * k + 1);
        pk.area = m.p[3 * k + 2];
        pk.areaUnc = sdOf(3 * k + 2);
        pk.continuumCounts = std::max(0.0, 2.5 * pk.fwhm * out.continuumAt(pk.centroid));
        out.peaks.push_back(pk);
    }
    return out;
}

std::vector<PeakRegion> PeakFit::fitCandidates(const std::vector<double> &counts, const std::vector<PeakCandidate> &cands,
                                               double minSignificance) const
{
    std::vector<PeakCandidate> sorted = cands;
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.channel < b.channel; });
    std::vector<PeakRegion> regions;
    const int n = static_cast<int>(counts.size());
    size_t i = 0;
    while (i < sorted.size()) {
        size_t j = i + 1;
        while (j < sorted.size() && j - i < 6
               && sorted[j].channel - 1.5 * sorted[j].fwhmChannels < sorted[j - 1].channel + 1.5 * sorted[j - 1].fwhmChannels)
            ++j;
        std::vector<double> c, w;
        for (size_t k = i; k < j; ++k) {
            c.push_back(sorted[k].channel);
            w.push_back(sorted[k].fwhmChannels);
        }
        const int low = std::max(0, static_cast<int>(std::floor(c.front() - 2.5 * w.front())));
        const int high = std::min(n, static_cast<int>(std::ceil(c.back() + 2.5 * w.back())));
        for (;;) {
            auto r = fitRegion(counts, low, high, c, w);
            if (!r)
                break;
            // Drop the weakest peak below the significance limit (or one that collapsed), then refit.
            int worst = -1;
            double worstZ = minSignificance;
            for (int k = 0; k < static_cast<int>(r->peaks.size()); ++k) {
                const auto &p = r->peaks[k];
                const double z = p.significance();
                const bool collapsed = p.fwhm < 0.8 || p.centroid <= low || p.centroid >= high;
                if (collapsed || z < worstZ) {
                    worstZ = collapsed ? -1e300 : z;
                    worst = k;
                }
            }
            if (worst < 0) {
                regions.push_back(std::move(*r));
                break;
            }
            c.erase(c.begin() + worst);
            w.erase(w.begin() + worst);
            if (c.empty())
                break;
        }
        i = j;
    }
    return regions;
}

void PeakFit::applyCalibration(FittedPeak &p, const EnergyCalibration &cal, int channelCount)
{
    if (!cal.isValid(channelCount))
        return;
    p.energyKeV = cal.energyAt(p.centroid);
    const double slope = cal.energyAt(p.centroid + 0.5) - cal.energyAt(p.centroid - 0.5);
    p.energyUncKeV = p.centroidUnc * slope;
    p.fwhmKeV = p.fwhm * slope;
    p.fwhmUncKeV = p.fwhmUnc * slope;
}

void PeakFit::applyCalibration(std::vector<PeakRegion> &regions, const EnergyCalibration &cal, int channelCount)
{
    for (auto &r : regions)
        for (auto &p : r.peaks)
            applyCalibration(p, cal, channelCount);
}

} // namespace photopeak
