// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/latent/LineWidth.h"

#include "ml/latent/LatentModel.h"

#include <Eigen/Dense>

#include <QJsonArray>

#include <cmath>

namespace photopeak {

namespace {
struct KnownLine {
    const char *component;
    double energy;
};
// A priori nuclear data (keV): lines that stand clear of their neighbours at NaI resolution.
constexpr KnownLine kDetectorLines[] = {{"background", 1460.8}, {"background", 609.3}};
constexpr KnownLine kTemplateLines[] = {{"Cs137", 661.7}, {"Co60", 1173.2}, {"Co60", 1332.5},
                                        {"Eu152", 344.3}, {"Eu152", 1408.0}};
constexpr double kReference = 661.657;
} // namespace

double LineWidth::defaultHalfWindow(const EnergyGrid &grid, double energy)
{
    double w = 2.5 * 0.8 * std::sqrt(std::max(energy, 1.0));
    for (int i = 0; i + 1 < grid.binCount(); ++i)
        if (grid.center(i) >= energy) {
            w = std::max(w, 3.0 * grid.width(i));
            break;
        }
    return w;
}

LineFit LineWidth::fit(const EnergyGrid &grid, const double *y, double energy, double halfWindow)
{
    LineFit best;
    best.energy = energy;
    std::vector<int> idx;
    for (int i = 0; i < grid.binCount(); ++i)
        if (std::abs(grid.center(i) - energy) <= halfWindow)
            idx.push_back(i);
    const int m = static_cast<int>(idx.size());
    if (m < 5)
        return best;
    Eigen::MatrixXd X(m, 3);
    Eigen::VectorXd v(m);
    for (int j = 0; j < m; ++j) {
        v(j) = y[idx[size_t(j)]];
        X(j, 1) = grid.width(idx[size_t(j)]);                                   // flat background (per keV)
        X(j, 2) = grid.width(idx[size_t(j)]) * (grid.center(idx[size_t(j)]) - energy) / halfWindow;  // slope
    }
    double bestRss = -1.0;
    const double invSqrt2 = 0.70710678118654752440;
    for (double s = 2.0; s <= 80.0; s += 0.25)
        for (double dc = -15.0; dc <= 15.0; dc += 0.5) {
            const double c = energy + dc;
            for (int j = 0; j < m; ++j) {
                const int i = idx[size_t(j)];
                X(j, 0) = 0.5 * (std::erf((grid.lowEdge(i + 1) - c) / s * invSqrt2) - std::erf((grid.lowEdge(i) - c) / s * invSqrt2));
            }
            const Eigen::Vector3d coef = (X.transpose() * X).ldlt().solve(X.transpose() * v);
            if (!(coef(0) > 0.0))
                continue;
            const double rss = (X * coef - v).squaredNorm();
            if (bestRss < 0.0 || rss < bestRss) {
                bestRss = rss;
                best.sigma = s;
                best.centre = c;
                best.area = coef(0);
            }
        }
    return best;
}

ResolutionMatch LineWidth::estimate(const LatentModel &model)
{
    ResolutionMatch r;
    auto meanB = [&](const auto &lines, double *b, double *offset) {
        double sum = 0.0, shift = 0.0;
        int count = 0;
        for (const KnownLine &l : lines) {
            const int k = model.components().indexOf(QLatin1String(l.component));
            if (k < 0 || l.energy > model.grid().edges().back())
                continue;
            const LineFit f = fit(model.grid(), model.loading(k), l.energy, defaultHalfWindow(model.grid(), l.energy));
            r.lines.push_back({QLatin1String(l.component), f});
            if (f.sigma > 0.0 && f.sigma < 80.0) {
                sum += f.sigma * f.sigma / l.energy;
                shift += f.centre - l.energy;
                ++count;
            }
        }
        *b = count ? sum / count : 0.0;
        *offset = count ? shift / count : 0.0;
        return count > 0;
    };
    const bool det = meanB(kDetectorLines, &r.detectorB, &r.detectorOffset);
    const bool tpl = meanB(kTemplateLines, &r.templateB, &r.templateOffset);
    if (det && tpl) {
        r.extraSigma = std::sqrt(std::max(0.0, r.detectorB - r.templateB) * kReference);
        r.shift = r.templateOffset - r.detectorOffset;
    }
    return r;
}

QJsonObject ResolutionMatch::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("detectorSigma2PerKeV")] = detectorB;
    o[QStringLiteral("templateSigma2PerKeV")] = templateB;
    o[QStringLiteral("extraSigmaAt662keV")] = extraSigma;
    o[QStringLiteral("detectorOffsetKeV")] = detectorOffset;
    o[QStringLiteral("templateOffsetKeV")] = templateOffset;
    o[QStringLiteral("templateShiftKeV")] = shift;
    QJsonArray a;
    for (const auto &l : lines) {
        QJsonObject f;
        f[QStringLiteral("component")] = l.first;
        f[QStringLiteral("energy")] = l.second.energy;
        f[QStringLiteral("sigma")] = l.second.sigma;
        f[QStringLiteral("centre")] = l.second.centre;
        a.append(f);
    }
    o[QStringLiteral("lines")] = a;
    return o;
}

} // namespace photopeak
