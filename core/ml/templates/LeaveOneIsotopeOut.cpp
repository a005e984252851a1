// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/templates/LeaveOneIsotopeOut.h"

#include "features/SpectrumPreparer.h"
#include "jobs/Parallel.h"
#include "spectrum/LabelParser.h"
#include "library/SpectrumDataset.h"
#include "ml/templates/DetectorResponse.h"
#include "ml/templates/TemplateIdentifier.h"
#include "peaks/ClassicalIdentifier.h"
#include "peaks/PeakAnalyzer.h"

#include <QDir>

#include <map>

namespace photopeak {

namespace {

struct Item {
    QString isotope;  // single label, or "background"
    PreparedSpectrum prepared;
};

std::vector<Item> readFolder(const QString &folder, const EnergyGrid &grid, const NuclideLibrary &lib)
{
    std::vector<Item> out;
    auto ds = SpectrumDataset::openFolder(folder);
    if (!ds)
        return out;
    SpectrumPreparer prep(grid);
    for (const auto &e : ds->entries()) {
        if (!e.isUsable())
            continue;
        QStringList labels;
        for (const QString &l : e.spectrum.labels)
            if (l == LabelParser::backgroundLabel() || lib.find(l))
                labels << (l == LabelParser::backgroundLabel() ? l : lib.find(l)->name);
        labels.removeDuplicates();
        if (labels.size() != 1)
            continue;
        auto p = prep.prepare(e.spectrum);
        if (p)
            out.push_back({labels.front(), std::move(*p)});
    }
    return out;
}

// FWHM(E) from the fitted peaks of each training isotope's summed spectrum (1-keV grid as channels).
ResolutionModel fitResolution(const std::vector<std::vector<double>> &sums, const EnergyGrid &grid)
{
    std::vector<ResolutionModel::Point> points;
    for (const auto &counts : sums) {
        Spectrum s;
        s.counts = counts;
        s.liveTime = 1.0;
        s.calibration = EnergyCalibration::linear(grid.width(0), grid.lowEdge(0));
        const PeakAnalysis a = PeakAnalyzer().run(s);
        for (const auto &r : a.regions)
            for (const auto &p : r.peaks)
                if (r.peaks.size() == 1 && p.significance() >= 10.0 && p.fwhmKeV > 0.0 && p.energyKeV > 40.0)
                    points.push_back({p.energyKeV, p.fwhmKeV, p.fwhmUncKeV});
    }
    return ResolutionModel::fit(points, 3);
}

} // namespace

int LeaveOneIsotopeOut::Result::total() const
{
    int n = 0;
    for (const auto &r : rows)
        n += r.n;
    return n;
}

int LeaveOneIsotopeOut::Result::hits() const
{
    int n = 0;
    for (const auto &r : rows)
        n += r.top1;
    return n;
}

photopeak::Result<LeaveOneIsotopeOut::Result> LeaveOneIsotopeOut::run(const QString &root, const NuclideLibrary &lib,
                                                                      const Options &options, const JobControl *job)
{
    const EnergyGrid grid = EnergyGrid::xgdDefault();
    const QDir dir(root);
    std::vector<Item> sources, backgrounds, longItems;
    for (const QString &sub : {QStringLiteral("srcs"), QStringLiteral("Dataset")})
        for (auto &it : readFolder(dir.filePath(sub), grid, lib))
            (it.isotope == LabelParser::backgroundLabel() ? backgrounds : sources).push_back(std::move(it));
    for (auto &it : readFolder(dir.filePath(QStringLiteral("bkgs")), grid, lib))
        if (it.isotope == LabelParser::backgroundLabel())
            backgrounds.push_back(std::move(it));
    if (options.includeLong)
        for (auto &it : readFolder(dir.filePath(QStringLiteral("long")), grid, lib))
            if (it.isotope != LabelParser::backgroundLabel())
                longItems.push_back(std::move(it));
    if (sources.empty() || backgrounds.empty())
        return makeError(root, QStringLiteral("no labelled single-source spectra or backgrounds (srcs/, Dataset/, bkgs/)"));
    const int nb = grid.binCount();
    Result result;
    std::vector<double> bkgRate(static_cast<size_t>(nb), 0.0);
    double bkgTime = 0.0;
    for (const auto &b : backgrounds) {
        for (int i = 0; i < nb; ++i)
            bkgRate[static_cast<size_t>(i)] += b.prepared.counts[static_cast<size_t>(i)];
        bkgTime += b.prepared.liveTime;
    }
    for (double &v : bkgRate)
        v /= bkgTime;
    result.backgrounds = static_cast<int>(backgrounds.size());
    result.backgroundLiveTime = bkgTime;

    DetectorResponse generic = DetectorResponse::generic(DetectorResponse::Type::Xenon);
    if (options.efficiency.isValid()) {
        const ResolutionModel r = ResolutionModel::fromString(options.efficiency.resolution);
        if (r.isValid())
            generic.resolution = r;
        if (!options.fitEfficiency)
            generic.efficiency = options.efficiency;
    }
    std::map<QString, std::vector<const Item *>> byIsotope;
    for (const auto &s : sources)
        byIsotope[s.isotope].push_back(&s);

    // Net rate of one spectrum against the mean background, and its variance.
    auto measured = [&](const QString &iso, const std::vector<double> &counts, double t) {
        DetectorResponse::Measured m;
        m.nuclide = lib.find(iso);
        for (int i = 0; i < nb; ++i) {
            const double c = counts[static_cast<size_t>(i)];
            m.netRate.push_back(c / t - bkgRate[static_cast<size_t>(i)]);
            m.variance.push_back(std::max(c, 1.0) / (t * t) + bkgRate[static_cast<size_t>(i)] / bkgTime);
        }
        return m;
    };
    // Response fitted on the 60-s spectra of every isotope but `without`.
    auto fitResponse = [&](const QString &without) {
        DetectorResponse r = generic;
        std::vector<DetectorResponse::Measured> single, summed;
        std::vector<std::vector<double>> sums;
        for (const auto &[iso, items] : byIsotope) {
            if (iso == without)
                continue;
            std::vector<double> sum(static_cast<size_t>(nb), 0.0);
            double t = 0.0;
            for (const Item *it : items) {
                if (it->prepared.liveTime < 30.0)
                    continue;
                single.push_back(measured(iso, it->prepared.counts, it->prepared.liveTime));
                for (int i = 0; i < nb; ++i)
                    sum[static_cast<size_t>(i)] += it->prepared.counts[static_cast<size_t>(i)];
                t += it->prepared.liveTime;
            }
            if (t > 0.0) {
                summed.push_back(measured(iso, sum, t));
                sums.push_back(std::move(sum));
            }
        }
        if (options.fitResolution) {
            const ResolutionModel res = fitResolution(sums, grid);
            if (res.isValid())
                r.resolution = res;
        }
        if (options.fitEfficiency && options.backgroundLines) {
            // The natural lines of the training backgrounds, measured together (K40 and annihilation take their
            // own counts); each chain segment has its own activity (radon daughters, thorium daughters, Ac228).
            DetectorResponse::Measured m;
            for (const char *chain : {"Pb214", "Bi214", "Ac228", "Pb212", "K40"})
                if (const Nuclide *n = lib.find(QLatin1String(chain)))
                    m.components.push_back(n);
            m.otherLinesKeV = {510.999};
            m.netRate = bkgRate;
            for (int i = 0; i < nb; ++i)
                m.variance.push_back(std::max(bkgRate[static_cast<size_t>(i)], 1.0 / bkgTime) / bkgTime);
            m.minEnergyKeV = 200.0;
            summed.push_back(std::move(m));
        }
        if (options.fitEfficiency)
            (void)r.fitEfficiency(summed, grid);  // keeps the generic shape when too few line pairs
        (void)r.fitContinuum(single, grid);
        return r;
    };

    auto evaluate = [&](const QString &iso, const std::vector<const Item *> &all, const DetectorResponse &fitted, const QString &setting) {
        std::vector<const Item *> items;
        for (size_t i = 0; i < all.size(); i += static_cast<size_t>(std::max(1, options.stride)))
            items.push_back(all[i]);
        TemplateIdentifier fittedId(lib, fitted, grid), genericId(lib, generic, grid);
        fittedId.setBackground(bkgRate, bkgTime);
        genericId.setBackground(bkgRate, bkgTime);
        std::vector<QString> top(items.size()), topGeneric(items.size());
        Parallel::forEach(static_cast<qsizetype>(items.size()), [&](qsizetype i) {
            const auto m = fittedId.identify(items[static_cast<size_t>(i)]->prepared, true);
            top[static_cast<size_t>(i)] = m.empty() ? QStringLiteral("(none)") : m.front().nuclide;
            if (qEnvironmentVariableIsSet("PHOTOPEAK_DEBUG_LOO")) {
                QStringList t;
                for (size_t k = 0; k < m.size() && k < 6; ++k)
                    t << QStringLiteral("%1 z%2 a%3").arg(m[k].nuclide).arg(m[k].significance, 0, 'f', 1).arg(m[k].alone, 0, 'f', 1);
                qInfo("%s t=%.0f: %s", qPrintable(iso), items[static_cast<size_t>(i)]->prepared.liveTime, qPrintable(t.join(QStringLiteral(", "))));
            }
            if (options.genericColumn) {
                const auto g = genericId.identify(items[static_cast<size_t>(i)]->prepared, true);
                topGeneric[static_cast<size_t>(i)] = g.empty() ? QStringLiteral("(none)") : g.front().nuclide;
            }
        }, job, QStringLiteral("without %1").arg(iso));
        Row row;
        row.isotope = iso;
        row.setting = setting;
        row.response = fitted.describe();
        for (size_t i = 0; i < items.size(); ++i) {
            ++row.n;
            if (top[i] == iso)
                ++row.top1;
            else
                ++row.wrong[top[i]];
            if (topGeneric[i] == iso)
                ++row.generic;
        }
        result.rows.push_back(row);
    };
    for (const auto &[iso, items] : byIsotope) {
        if (!options.isotopes.isEmpty() && !options.isotopes.contains(iso))
            continue;
        if (JobControl::cancelled(job))
            break;
        evaluate(iso, items, fitResponse(iso), QStringLiteral("srcs/Dataset"));
    }
    if (!longItems.empty() && !JobControl::cancelled(job)) {
        const DetectorResponse fitted = fitResponse(QString());
        std::map<QString, std::vector<const Item *>> longBy;
        for (const auto &it : longItems)
            longBy[it.isotope].push_back(&it);
        for (const auto &[iso, items] : longBy)
            if (!byIsotope.count(iso) && (options.isotopes.isEmpty() || options.isotopes.contains(iso)))
                evaluate(iso, items, fitted, QStringLiteral("long (never trained)"));
    }
    return result;
}

QString LeaveOneIsotopeOut::format(const Result &r, bool genericColumn)
{
    QString out;
    out += QStringLiteral("  isotope   spectra                  n   named top-1 (fitted response)%1   most frequent miss\n")
               .arg(genericColumn ? QStringLiteral("   generic xenon response") : QString());
    for (const auto &row : r.rows) {
        QString miss;
        int most = 0;
        for (auto it = row.wrong.begin(); it != row.wrong.end(); ++it)
            if (it.value() > most) {
                most = it.value();
                miss = QStringLiteral("%1 (%2)").arg(it.key()).arg(it.value());
            }
        out += QStringLiteral("  %1 %2 %3   %4 (%5 %)").arg(row.isotope, -8).arg(row.setting, -20).arg(row.n, 5).arg(row.top1, 10)
                   .arg(100.0 * row.top1 / std::max(1, row.n), 5, 'f', 1);
        if (genericColumn)
            out += QStringLiteral("   %1 (%2 %)").arg(row.generic, 10).arg(100.0 * row.generic / std::max(1, row.n), 5, 'f', 1);
        out += QStringLiteral("   %1\n").arg(miss);
    }
    out += QStringLiteral("  all                              %1   %2 (%3 %)\n").arg(r.total(), 5).arg(r.hits(), 10)
               .arg(100.0 * r.hits() / std::max(1, r.total()), 5, 'f', 1);
    return out;
}

} // namespace photopeak
