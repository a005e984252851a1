#include "TemplateEvaluation.h"

#include "features/SpectrumPreparer.h"
#include "spectrum/LabelParser.h"
#include "library/SpectrumDataset.h"
#include "ml/templates/DetectorResponse.h"
#include "ml/templates/TemplateIdentifier.h"
#include "peaks/ResolutionModel.h"

#include <QDir>
#include <QElapsedTimer>

#include <map>

using namespace photopeak;

namespace TemplateEvaluation {

namespace {

struct Item {
    QString path;
    QString isotope;  // single label, or "background"
    PreparedSpectrum prepared;
};

std::vector<Item> readFolder(const QString &folder, SpectrumPreparer &prep, const NuclideLibrary &lib)
{
    std::vector<Item> out;
    auto ds = SpectrumDataset::openFolder(folder);
    if (!ds)
        return out;
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
        if (!p)
            continue;
        out.push_back({e.spectrum.sourcePath, labels.front(), std::move(*p)});
    }
    return out;
}

} // namespace

int run(const QString &root, const NuclideLibrary &lib, const EfficiencyCurve &curve, QTextStream &out)
{
    QElapsedTimer timer;
    timer.start();
    SpectrumPreparer prep(EnergyGrid::xgdDefault());
    const EnergyGrid grid = prep.grid();
    const QDir dir(root);
    std::vector<Item> sources, backgrounds, longItems;
    for (const QString &sub : {QStringLiteral("srcs"), QStringLiteral("Dataset")})
        for (auto &it : readFolder(dir.filePath(sub), prep, lib))
            (it.isotope == LabelParser::backgroundLabel() ? backgrounds : sources).push_back(std::move(it));
    for (auto &it : readFolder(dir.filePath(QStringLiteral("bkgs")), prep, lib))
        if (it.isotope == LabelParser::backgroundLabel())
            backgrounds.push_back(std::move(it));
    for (auto &it : readFolder(dir.filePath(QStringLiteral("long")), prep, lib))
        if (it.isotope != LabelParser::backgroundLabel())
            longItems.push_back(std::move(it));
    if (sources.empty() || backgrounds.empty()) {
        out << "identify --leave-one-out-xgd: no labelled single-source spectra or backgrounds under " << root << "\n";
        return 1;
    }
    const int nb = grid.binCount();
    std::vector<double> bkgRate(static_cast<size_t>(nb), 0.0);
    double bkgTime = 0.0;
    for (const auto &b : backgrounds) {
        for (int i = 0; i < nb; ++i)
            bkgRate[static_cast<size_t>(i)] += b.prepared.counts[static_cast<size_t>(i)];
        bkgTime += b.prepared.liveTime;
    }
    for (double &v : bkgRate)
        v /= bkgTime;

    DetectorResponse generic = DetectorResponse::generic(DetectorResponse::Type::Xenon);
    if (curve.isValid()) {
        generic.efficiency = curve;
        const ResolutionModel r = ResolutionModel::fromString(curve.resolution);
        if (r.isValid())
            generic.resolution = r;
    }
    std::map<QString, std::vector<const Item *>> byIsotope;
    for (const auto &s : sources)
        byIsotope[s.isotope].push_back(&s);

    // Response fitted on the 60-s spectra of the given isotopes (clear peaks, few enough to fit quickly).
    auto fitResponse = [&](const QString &without) {
        DetectorResponse r = generic;
        std::vector<DetectorResponse::Measured> measured;
        for (const auto &[iso, items] : byIsotope) {
            if (iso == without)
                continue;
            for (const Item *it : items) {
                if (it->prepared.liveTime < 30.0)
                    continue;
                DetectorResponse::Measured m;
                m.nuclide = lib.find(iso);
                const double t = it->prepared.liveTime;
                for (int i = 0; i < nb; ++i) {
                    const double c = it->prepared.counts[static_cast<size_t>(i)];
                    m.netRate.push_back(c / t - bkgRate[static_cast<size_t>(i)]);
                    m.variance.push_back(std::max(c, 1.0) / (t * t) + bkgRate[static_cast<size_t>(i)] / bkgTime);
                }
                measured.push_back(std::move(m));
            }
        }
        const auto used = r.fitContinuum(measured, grid);
        return std::pair{r, used ? *used : 0};
    };

    struct Row {
        QString isotope, setting;
        int n = 0, top1 = 0, generic = 0;
        QMap<QString, int> wrong;
    };
    std::vector<Row> rows;
    auto evaluate = [&](const QString &iso, const std::vector<const Item *> &items, const DetectorResponse &fitted, const QString &setting) {
        TemplateIdentifier fittedId(lib, fitted, grid), genericId(lib, generic, grid);
        fittedId.setBackground(bkgRate, bkgTime);
        genericId.setBackground(bkgRate, bkgTime);
        Row row;
        row.isotope = iso;
        row.setting = setting;
        for (const Item *it : items) {
            ++row.n;
            // Named top-1: the most significant template (detection is the trained detector's job).
            const auto m = fittedId.identify(it->prepared, true);
            if (!m.empty() && m.front().nuclide == iso)
                ++row.top1;
            else
                ++row.wrong[m.empty() ? QStringLiteral("(none)") : m.front().nuclide];
            const auto g = genericId.identify(it->prepared, true);
            if (!g.empty() && g.front().nuclide == iso)
                ++row.generic;
        }
        rows.push_back(row);
    };
    out << "Leave-one-isotope-out identification from library templates (" << root << ")\n";
    out << "  background reference: " << backgrounds.size() << " spectra, " << QString::number(bkgTime, 'f', 0) << " s\n";
    for (const auto &[iso, items] : byIsotope) {
        const auto [fitted, used] = fitResponse(iso);
        out << "  without " << iso << ": response fitted on " << used << " spectra: " << fitted.describe() << "\n";
        evaluate(iso, items, fitted, QStringLiteral("srcs/Dataset"));
    }
    if (!longItems.empty()) {
        const auto [fitted, used] = fitResponse(QString());
        std::map<QString, std::vector<const Item *>> longBy;
        for (const auto &it : longItems)
            longBy[it.isotope].push_back(&it);
        for (const auto &[iso, items] : longBy)
            if (!byIsotope.count(iso))
                evaluate(iso, items, fitted, QStringLiteral("long (never trained)"));
    }
    out << "\n  isotope   spectra              n   named top-1 (fitted response)   generic xenon response   most frequent miss\n";
    int n = 0, hit = 0;
    for (const auto &r : rows) {
        QString miss;
        int most = 0;
        for (auto it = r.wrong.begin(); it != r.wrong.end(); ++it)
            if (it.value() > most) {
                most = it.value();
                miss = QStringLiteral("%1 (%2)").arg(it.key()).arg(it.value());
            }
        out << QStringLiteral("  %1 %2 %3   %4 (%5 %)   %6 (%7 %)   %8\n")
                   .arg(r.isotope, -8).arg(r.setting, -20).arg(r.n, 5).arg(r.top1, 10).arg(100.0 * r.top1 / std::max(1, r.n), 5, 'f', 1)
                   .arg(r.generic, 10).arg(100.0 * r.generic / std::max(1, r.n), 5, 'f', 1).arg(miss);
        n += r.n;
        hit += r.top1;
    }
    out << QStringLiteral("  all                          %1   %2 (%3 %)\n").arg(n, 5).arg(hit, 10).arg(100.0 * hit / std::max(1, n), 5, 'f', 1);
    out << "  time " << QString::number(timer.elapsed() / 1000.0, 'f', 1) << " s\n";
    return 0;
}

} // namespace TemplateEvaluation
