// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/latent/GainLattice.h"
#include "ml/latent/GaussianBroadening.h"
#include "ml/latent/LatentAnalyser.h"
#include "ml/latent/LatentModel.h"
#include "ml/latent/LatentTrainer.h"
#include "ml/latent/LineExcess.h"
#include "ml/latent/LegacyInterpolation.h"
#include "ml/latent/LineWidth.h"
#include "ml/latent/ResolutionAdjuster.h"

#include "TestData.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>

using namespace photopeak;

namespace {
std::vector<double> toVector(const QJsonValue &v)
{
    std::vector<double> out;
    for (const QJsonValue &e : v.toArray())
        out.push_back(e.toDouble());
    return out;
}

double relErr(const std::vector<double> &a, const std::vector<double> &b)
{
    double scale = 0.0, d = 0.0;
    for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
        scale = std::max(scale, std::abs(b[i]));
        d = std::max(d, std::abs(a[i] - b[i]));
    }
    return a.size() == b.size() ? d / std::max(scale, 1e-300) : 1e300;
}

// A synthetic detector: Gaussian peaks on a falling continuum, on the GAMMA_FLOW grid's energies.
std::vector<double> shape(const std::vector<double> &energies, const std::vector<double> &peaksKeV, double continuum)
{
    std::vector<double> y(energies.size());
    for (size_t i = 0; i < energies.size(); ++i) {
        const double e = energies[i];
        double v = continuum * std::exp(-e / 400.0);
        for (double p : peaksKeV) {
            const double sigma = 0.03 * p + 5.0;
            v += std::exp(-0.5 * (e - p) * (e - p) / (sigma * sigma));
        }
        y[i] = v;
    }
    return y;
}

const QStringList kComponents{QStringLiteral("Am241"), QStringLiteral("Co60"), QStringLiteral("Cs137"),
                              QStringLiteral("Eu152"), QStringLiteral("background")};

// Poisson spectra of pure synthetic components on a calibration of their own.
std::vector<Spectrum> syntheticTraining(std::mt19937 &rng, int perComponent)
{
    const EnergyCalibration cal = EnergyCalibration::quadratic(-11.0, 8.0, 0.0011);
    std::vector<double> e(256);
    for (int i = 0; i < 256; ++i)
        e[size_t(i)] = cal.energyAt(i + 0.5);
    const std::vector<std::vector<double>> shapes{
        shape(e, {59.5}, 0.2), shape(e, {1173.2, 1332.5}, 0.5), shape(e, {661.7}, 0.4),
        shape(e, {121.8, 344.3, 778.9, 964.1, 1408.0}, 0.6), shape(e, {1460.8, 2614.5}, 3.0)};
    std::vector<Spectrum> out;
    for (int k = 0; k < 5; ++k)
        for (int r = 0; r < perComponent; ++r) {
            Spectrum s;
            s.calibration = cal;
            s.labels = QStringList{kComponents[k]};
            s.detector = k == 4 ? QStringLiteral("left") : QStringLiteral("simulated");
            for (double v : shapes[size_t(k)])
                s.counts.push_back(double(std::poisson_distribution<int>(40.0 * v)(rng)));
            out.push_back(std::move(s));
        }
    return out;
}
} // namespace

class TestLatentModel : public QObject {
    Q_OBJECT
private slots:
    void goldenVectorsOfTheOldTool()
    {
        PHOTOPEAK_REQUIRE_DATA(csv, "gamma_flow/reference/loadings_trained_dim_model.csv");
        PHOTOPEAK_REQUIRE_DATA(jsonl, "gamma_flow/reference/golden_vectors_left.jsonl");
        auto model = LatentModel::fromReferenceCsv(csv);
        QVERIFY2(model.ok(), qPrintable(model ? QString() : model.error().toString()));
        QCOMPARE(model->components(), kComponents);
        LatentAnalyser analyser(*model, LatentOptions::plain());
        QFile f(jsonl);
        QVERIFY(f.open(QIODevice::ReadOnly));
        int n = 0, identical = 0;
        double worstScore = 0.0, worstRebin = 0.0, worstStat = 0.0, worstDenoised = 0.0;
        while (!f.atEnd()) {
            const QByteArray line = f.readLine().trimmed();
            if (line.isEmpty())
                continue;
            const QJsonObject g = QJsonDocument::fromJson(line).object();
            QVERIFY(!g.isEmpty());
            ++n;
            QCOMPARE(g.value("min_channel").toInt(), model->minChannel());
            QCOMPARE(g.value("min_scores_norm").toDouble(), LatentOptions().shareThreshold);
            QStringList order;
            for (const QJsonValue &v : g.value("isotopes_order").toArray())
                order << v.toString();
            QCOMPARE(order, model->components());
            // The old tool's interpolation step, reproduced.
            const QJsonObject rc = g.value("raw_calibration").toObject(), sc = g.value("std_calibration").toObject();
            const std::vector<double> raw = toVector(g.value("raw_spectrum"));
            const std::vector<double> golden = toVector(g.value("rebinned_spectrum"));
            const std::vector<double> mine = LegacyInterpolation::apply(
                raw, EnergyCalibration::quadratic(rc["offset"].toDouble(), rc["slope"].toDouble(), rc["quad"].toDouble()),
                EnergyCalibration::quadratic(sc["offset"].toDouble(), sc["slope"].toDouble(), sc["quad"].toDouble()), 256);
            worstRebin = std::max(worstRebin, relErr(mine, golden));
            // Scores, shares, denoised spectrum and statistics from the old tool's rebinned spectrum.
            const LatentResult r = analyser.analyse(golden);
            worstScore = std::max(worstScore, relErr(r.scores, toVector(g.value("scores"))));
            QVERIFY(relErr(r.shares, toVector(g.value("scores_norm"))) < 1e-6);
            worstDenoised = std::max(worstDenoised, relErr(model->denoise(r.scores), toVector(g.value("denoised"))));
            worstStat = std::max(worstStat, std::abs(r.explainedVariance - g.value("explained_variance_ch_ge_7").toDouble()));
            worstStat = std::max(worstStat, std::abs(r.similarity - g.value("cosine_similarity_all_channels").toDouble()));
            // Prediction dict: same keys in the same order, same rounded shares.
            const QJsonObject dict = g.value("labels_pred_dict").toObject();
            bool same = dict.size() == r.predicted.size();
            QStringList keysInFileOrder;  // QJsonObject sorts keys; recover the file's order from the text
            for (const QString &k : r.predicted) {
                const int ci = int(model->components().indexOf(k));
                same = same && dict.contains(k)
                       && std::abs(std::round(r.shares[size_t(ci)] * 1000.0) / 1000.0 - dict.value(k).toDouble()) < 1e-9;
            }
            const int dictStart = line.indexOf("\"labels_pred_dict\"");
            int pos = dictStart;
            for (const QString &k : r.predicted) {
                const int at = line.indexOf(QByteArray("\"") + k.toUtf8() + "\"", pos);
                same = same && at > pos;  // keys appear in the file in the predicted order
                pos = at;
            }
            identical += same;
            // Scoring the reproduced interpolation gives the same prediction.
            QCOMPARE(analyser.analyse(mine).predicted, r.predicted);
        }
        QCOMPARE(n, 66);
        QVERIFY2(worstRebin < 1e-12, qPrintable(QString::number(worstRebin)));
        QVERIFY2(worstScore < 1e-6, qPrintable(QStringLiteral("worst relative score error %1").arg(worstScore)));
        QVERIFY2(worstDenoised < 1e-6, qPrintable(QString::number(worstDenoised)));
        QVERIFY2(worstStat < 1e-9, qPrintable(QString::number(worstStat)));
        QCOMPARE(identical, n);
        qInfo("golden: %d spectra, max rel score err %.2e, max rebin err %.2e, identical predictions %d/%d", n,
              worstScore, worstRebin, identical, n);
    }

    void trainsNormalisedMeansAndDecomposesMixtures()
    {
        std::mt19937 rng(42);
        const std::vector<Spectrum> train = syntheticTraining(rng, 40);
        const LatentTrainingSpec spec = LatentTrainingSpec::simulatedPlusBackground(kComponents, QStringLiteral("left"));
        auto model = LatentTrainer::train(train, spec);
        QVERIFY2(model.ok(), qPrintable(model ? QString() : model.error().toString()));
        for (int k = 0; k < 5; ++k) {
            double area = 0.0;
            for (int c = model->minChannel(); c < 256; ++c)
                area += model->loading(k)[c];
            QVERIFY(std::abs(area - 1.0) < 1e-12);
        }
        QCOMPARE(model->trainingInfo()["spectraPerComponent"].toObject()["Co60"].toInt(), 40);
        QVERIFY(model->unknownThresholds().deviancePerDof > 0.5 && model->unknownThresholds().deviancePerDof < 3.0);
        QVERIFY(!model->trainingHash().isEmpty());
        // A Cs137 + background mixture on the grid: 30 % Cs137.
        std::vector<double> s(256);
        for (int c = 0; c < 256; ++c)
            s[size_t(c)] = 3000.0 * model->loading(2)[c] + 7000.0 * model->loading(4)[c];
        LatentAnalyser a(*model, LatentOptions::plain());
        const LatentResult r = a.analyse(s);
        QCOMPARE(r.predicted, (QStringList{QStringLiteral("Cs137"), QStringLiteral("background")}));
        QCOMPARE(r.singleLabel, QStringLiteral("Cs137"));
        QVERIFY(std::abs(r.shares[2] - 0.3) < 1e-9);
        QVERIFY(r.explainedVariance > 1.0 - 1e-12);
        QVERIFY(!r.unknown);
        // A weak (5 %) but highly significant component: missed by the 10 % rule, found by the significance rule.
        for (int c = 0; c < 256; ++c)
            s[size_t(c)] = 50000.0 * model->loading(1)[c] + 950000.0 * model->loading(4)[c];
        QCOMPARE(a.analyse(s).predicted, QStringList{QStringLiteral("background")});
        LatentOptions sig;
        sig.detection = DetectionRule::Significance;
        LatentAnalyser b(*model, sig);
        const LatentResult rs = b.analyse(s);
        QCOMPARE(rs.predicted, (QStringList{QStringLiteral("Co60"), QStringLiteral("background")}));
        QVERIFY(rs.standardErrors[1] > 0.0 && rs.scores[1] > 5.0 * rs.standardErrors[1]);
        // Two stages: the weak Co60 alone raises no alarm (5 % < 10 %: background), but beside a strong Cs137
        // (the alarm) it is reported; the old share rule misses it there as well.
        LatentOptions two;
        two.detection = DetectionRule::TwoStage;
        LatentAnalyser t(*model, two);
        QCOMPARE(t.analyse(s).predicted, QStringList{QStringLiteral("background")});
        QCOMPARE(t.analyse(s).singleLabel, QStringLiteral("background"));
        for (int c = 0; c < 256; ++c)
            s[size_t(c)] = 50000.0 * model->loading(1)[c] + 300000.0 * model->loading(2)[c] + 650000.0 * model->loading(4)[c];
        QCOMPARE(t.analyse(s).predicted, (QStringList{QStringLiteral("Cs137"), QStringLiteral("Co60"), QStringLiteral("background")}));
        QCOMPARE(a.analyse(s).predicted, (QStringList{QStringLiteral("Cs137"), QStringLiteral("background")}));
        QCOMPARE(LatentOptions::fromJson(LatentOptions::recommended().toJson()), LatentOptions::recommended());
        QCOMPARE(LatentOptions::recommended().detection, DetectionRule::TwoStage);
        // Training spectra with the wrong detector are not used.
        LatentTrainingSpec wrong = spec;
        wrong.detectorFilter[QStringLiteral("background")] = QStringLiteral("right");
        QVERIFY(!LatentTrainer::train(train, wrong).ok());
    }

    void lineExcessFindsALineOutsideTheIsotopes()
    {
        // A Gaussian line at 1000 keV on a flat background: found where the fit is background only, left out
        // where the isotopes explain most of the model; a smooth excess (a ramp) is not line-shaped.
        const EnergyGrid grid = EnergyGrid::gammaFlowDefault();
        const LineExcess filter(grid, 7, 0.772);
        QVERIFY(filter.isValid());
        const int n = grid.binCount();
        std::vector<double> d(size_t(n), 200.0), iso(size_t(n), 0.0), s = d;
        for (int i = 0; i < n; ++i) {
            const double e = grid.center(i), sigma = std::sqrt(0.772 * 1000.0);
            s[size_t(i)] += 1500.0 * grid.width(i) / (sigma * std::sqrt(2.0 * M_PI)) * std::exp(-0.5 * std::pow((e - 1000.0) / sigma, 2));
        }
        int channel = -1;
        const double z = filter.largest(s.data(), d.data(), iso.data(), &channel);
        QVERIFY2(z > 5.0, qPrintable(QString::number(z)));
        QVERIFY(std::abs(grid.center(channel) - 1000.0) < 20.0);
        std::fill(iso.begin(), iso.end(), 150.0);  // 75 % of the model from isotopes: not looked at
        QCOMPARE(filter.largest(s.data(), d.data(), iso.data()), 0.0);
        std::fill(iso.begin(), iso.end(), 0.0);
        for (int i = 0; i < n; ++i)
            s[size_t(i)] = d[size_t(i)] * (1.0 + 0.2 * i / n);
        QVERIFY(filter.largest(s.data(), d.data(), iso.data()) < 1.0);
    }

    void gainAdjustmentFindsTheStretch()
    {
        std::mt19937 rng(5);
        auto model = LatentTrainer::train(syntheticTraining(rng, 30), LatentTrainingSpec::simulatedPlusBackground(kComponents, "left"));
        QVERIFY(model.ok());
        std::vector<double> s(256);
        for (int c = 0; c < 256; ++c)
            s[size_t(c)] = 20000.0 * model->loading(3)[c] + 10000.0 * model->loading(4)[c];
        // Stretch by 3 %: the adjuster's lattice contains the inverse within a quarter step.
        GainAdjuster stretch(model->grid(), 0.04, 0.01);
        std::vector<double> t(256);
        int idx = -1;
        for (int i = 0; i < stretch.factorCount(); ++i)
            if (std::abs(stretch.factor(i) - 1.03) < 1e-12)
                idx = i;
        QVERIFY(idx >= 0);
        stretch.apply(idx, s.data(), t.data());
        LatentOptions o;
        o.gainAdjust = true;
        LatentAnalyser plain(*model, LatentOptions::plain()), adjusted(*model, o);
        const LatentResult rp = plain.analyse(t), ra = adjusted.analyse(t);
        QVERIFY2(std::abs(ra.gain * 1.03 - 1.0) < 0.004, qPrintable(QString::number(ra.gain)));
        QVERIFY(ra.deviancePerDof < rp.deviancePerDof);
        QVERIFY(ra.explainedVariance > rp.explainedVariance);
        QVERIFY(std::abs(ra.shares[3] - 2.0 / 3.0) < std::abs(rp.shares[3] - 2.0 / 3.0));
    }

    void gaussianBroadeningSpreadsALineBySigma()
    {
        // A line in one bin near 662 keV, broadened by sigma = 20 keV: counts conserved, mean kept, variance
        // of the bin centres = sigma^2 + w^2 / 6 (the uniform source bin and the grouping into bins, w^2 / 12
        // each); broadening twice adds as much again; sigma 0 is the identity.
        const EnergyGrid grid = EnergyGrid::gammaFlowDefault();
        std::vector<double> line(256, 0.0);
        int bin = 0;
        while (grid.center(bin + 1) < 661.657)
            ++bin;
        line[size_t(bin)] = 1000.0;
        auto moments = [&](const std::vector<double> &v, double *mean, double *var) {
            double n = 0, m = 0, q = 0;
            for (int i = 0; i < 256; ++i) {
                n += v[size_t(i)];
                m += v[size_t(i)] * grid.center(i);
            }
            m /= n;
            for (int i = 0; i < 256; ++i)
                q += v[size_t(i)] * (grid.center(i) - m) * (grid.center(i) - m);
            *mean = m;
            *var = q / n;
            return n;
        };
        const double sigma = 20.0, b = sigma * sigma / 661.657;
        const GaussianBroadening g(grid, 0.0, b);
        const std::vector<double> once = g.apply(line), twice = g.apply(once);
        double m0, v0, m1, v1, m2, v2;
        QCOMPARE(moments(line, &m0, &v0), 1000.0);
        QCOMPARE(v0, 0.0);
        QVERIFY(std::abs(moments(once, &m1, &v1) - 1000.0) < 1e-9);
        QVERIFY(std::abs(moments(twice, &m2, &v2) - 1000.0) < 1e-9);
        QVERIFY2(std::abs(m1 - m0) < 0.5, qPrintable(QString::number(m1 - m0)));
        const double s2 = b * grid.center(bin), w2 = grid.width(bin) * grid.width(bin);
        const double e1 = s2 + w2 / 6.0, e2 = 2.0 * e1;
        QVERIFY2(std::abs(v1 - e1) < 0.01 * e1, qPrintable(QStringLiteral("%1 vs %2").arg(v1).arg(e1)));
        QVERIFY2(std::abs(v2 - e2) < 0.02 * e2, qPrintable(QStringLiteral("%1 vs %2").arg(v2).arg(e2)));
        // Without the quantisation terms the test would fail: the width really is sigma, not sigma * 1.1.
        QVERIFY(std::abs(v1 - 1.21 * s2 - w2 / 6.0) > 0.05 * e1);
        const std::vector<double> same = GaussianBroadening(grid, 0.0, 0.0).apply(line);
        for (int i = 0; i < 256; ++i)
            QCOMPARE(same[size_t(i)], line[size_t(i)]);
    }

    void resolutionAdjustmentRecoversTheWidth()
    {
        std::mt19937 rng(8);
        auto model = LatentTrainer::train(syntheticTraining(rng, 30), LatentTrainingSpec::simulatedPlusBackground(kComponents, "left"));
        QVERIFY(model.ok());
        // A measured detector 12 keV (sigma at 662 keV) wider than the templates: Cs137 and Eu152 broadened,
        // background as trained, Poisson noise.
        const std::vector<double> wide = ResolutionAdjuster::broadenedLoadings(*model, 12.0);
        QVERIFY(wide != model->loadings());
        std::vector<double> s(256);
        for (int c = 0; c < 256; ++c)
            s[size_t(c)] = std::poisson_distribution<int>(30000.0 * wide[2 * 256 + size_t(c)] + 15000.0 * wide[3 * 256 + size_t(c)]
                                                          + 20000.0 * model->loading(4)[c] + 0.1)(rng);
        LatentOptions o;
        o.resolutionAdjust = true;
        LatentAnalyser plain(*model, LatentOptions::plain()), adjusted(*model, o);
        const LatentResult rp = plain.analyse(s), ra = adjusted.analyse(s);
        QCOMPARE(rp.broadening, 0.0);
        QVERIFY2(std::abs(ra.broadening - 12.0) <= 3.0, qPrintable(QString::number(ra.broadening)));
        QVERIFY(ra.deviancePerDof < rp.deviancePerDof);
        QVERIFY(std::abs(ra.scores[2] - 30000.0) < std::abs(rp.scores[2] - 30000.0));
        QVERIFY2(std::abs(ra.scores[2] - 30000.0) < 0.02 * 30000.0, qPrintable(QString::number(ra.scores[2])));
        // Templates that already fit keep their width.
        std::vector<double> t(256);
        for (int c = 0; c < 256; ++c)
            t[size_t(c)] = std::poisson_distribution<int>(30000.0 * model->loading(2)[c] + 20000.0 * model->loading(4)[c] + 0.1)(rng);
        QVERIFY2(adjusted.analyse(t).broadening <= 3.0, qPrintable(QString::number(adjusted.analyse(t).broadening)));
        // The option survives the model file's JSON.
        QCOMPARE(LatentOptions::fromJson(o.toJson()), o);
    }

    void resolutionMatchMeasuresTheWidthDifference()
    {
        // Loadings built from lines broadened with sigma^2 = b E: templates b = 0.60 keV, the measured
        // background b = 0.77 keV. The match must find the extra sigma sqrt(0.17 x 661.657) = 10.6 keV, the
        // single line widths to within a keV, and nothing when the background is as narrow as the templates.
        const EnergyGrid grid = EnergyGrid::gammaFlowDefault();
        auto lines = [&](std::initializer_list<double> energies, double b, double continuum) {
            std::vector<double> y(256, 0.0);
            for (double e : energies) {
                int bin = 0;
                while (grid.lowEdge(bin + 1) <= e)
                    ++bin;
                y[size_t(bin)] += 1000.0;
            }
            y = GaussianBroadening(grid, 0.0, b).apply(y);
            for (int i = 7; i < 256; ++i)
                y[size_t(i)] += continuum * std::exp(-grid.center(i) / 500.0);
            return y;
        };
        auto build = [&](double bBackground) {
            std::vector<double> L;
            for (const auto &part : {lines({59.5}, 0.6, 5.0), lines({1173.2, 1332.5}, 0.6, 20.0), lines({661.7}, 0.6, 20.0),
                                     lines({121.8, 344.3, 778.9, 964.1, 1408.0}, 0.6, 30.0),
                                     lines({609.3, 1460.8}, bBackground, 40.0)})
                L.insert(L.end(), part.begin(), part.end());
            return LatentModel::fromLoadings(kComponents, grid, 7, L);
        };
        auto wider = build(0.77);
        QVERIFY(wider.ok());
        const ResolutionMatch m = LineWidth::estimate(*wider);
        const double truth = std::sqrt(0.17 * 661.657);
        QVERIFY2(std::abs(m.extraSigma - truth) < 1.5, qPrintable(QString::number(m.extraSigma)));
        QCOMPARE(int(m.lines.size()), 7);
        for (const auto &l : m.lines) {
            const double b = l.first == QLatin1String("background") ? 0.77 : 0.6;
            QVERIFY2(std::abs(l.second.sigma - std::sqrt(b * l.second.energy)) < 1.5,
                     qPrintable(QStringLiteral("%1 %2: %3").arg(l.first).arg(l.second.energy).arg(l.second.sigma)));
        }
        auto same = build(0.6);
        QVERIFY(same.ok());
        QVERIFY2(LineWidth::estimate(*same).extraSigma < 4.0, qPrintable(QString::number(LineWidth::estimate(*same).extraSigma)));
        // Broadening the templates by the estimate makes their widths those of the detector.
        auto matched = LatentModel::fromLoadings(kComponents, grid, 7, ResolutionAdjuster::broadenedLoadings(*wider, m.extraSigma));
        QVERIFY(matched.ok());
        const ResolutionMatch after = LineWidth::estimate(*matched);
        QVERIFY2(after.extraSigma < 4.0 && std::abs(after.templateB - after.detectorB) < 0.03,
                 qPrintable(QStringLiteral("%1 %2 %3").arg(after.extraSigma).arg(after.templateB).arg(after.detectorB)));
    }

    void quasiPoissonSignificanceIgnoresTemplateMismatch()
    {
        // A strong Eu152 source seen by a detector 8 keV (sigma at 662 keV) wider than the templates: the
        // mismatch is beyond Poisson noise (deviance/dof 3.3) and the plain significance rule buys Co60 (z = 8)
        // to patch it. Scaling the standard errors by sqrt(deviance/dof) keeps Eu152 and background
        // only, exactly by that factor; a spectrum that fits (phi <= 1) keeps its standard errors.
        std::mt19937 rng(9);
        auto model = LatentTrainer::train(syntheticTraining(rng, 30), LatentTrainingSpec::simulatedPlusBackground(kComponents, "left"));
        QVERIFY(model.ok());
        const std::vector<double> wide = ResolutionAdjuster::broadenedLoadings(*model, 8.0);
        std::vector<double> s(256);
        for (int c = 0; c < 256; ++c)
            s[size_t(c)] = std::poisson_distribution<int>(300000.0 * wide[3 * 256 + size_t(c)] + 20000.0 * model->loading(4)[c] + 0.1)(rng);
        LatentOptions sig;
        sig.detection = DetectionRule::Significance;
        LatentOptions quasi = sig;
        quasi.overdispersion = true;
        LatentAnalyser a(*model, sig), b(*model, quasi);
        const LatentResult rs = a.analyse(s), rq = b.analyse(s);
        QVERIFY2(rs.deviancePerDof > 2.0, qPrintable(QString::number(rs.deviancePerDof)));
        QVERIFY2(rs.predicted.size() > 2, qPrintable(rs.predicted.join(QLatin1Char('+'))));
        QCOMPARE(rq.predicted, (QStringList{QStringLiteral("Eu152"), QStringLiteral("background")}));
        for (int k = 0; k < 5; ++k)
            QVERIFY(std::abs(rq.standardErrors[size_t(k)] - rs.standardErrors[size_t(k)] * std::sqrt(rs.deviancePerDof))
                    <= 1e-9 * (1.0 + rq.standardErrors[size_t(k)]));
        std::vector<double> t(256);
        for (int c = 0; c < 256; ++c)
            t[size_t(c)] = std::poisson_distribution<int>(3000.0 * model->loading(3)[c] + 20000.0 * model->loading(4)[c] + 0.1)(rng);
        const LatentResult ts = a.analyse(t), tq = b.analyse(t);
        if (ts.deviancePerDof <= 1.0)
            QCOMPARE(tq.standardErrors, ts.standardErrors);
        QCOMPARE(tq.predicted, ts.predicted);
        // The minimum share: a 10 % share floor removes an isotope holding less than that.
        LatentOptions floor = sig;
        floor.minShare = 0.2;
        LatentAnalyser c(*model, floor);
        QVERIFY(ts.shares[3] < 0.2 && ts.predicted.contains(QStringLiteral("Eu152")));
        QVERIFY(!c.analyse(t).predicted.contains(QStringLiteral("Eu152")));
        QCOMPARE(LatentOptions::fromJson(floor.toJson()), floor);
        QCOMPARE(LatentOptions::fromJson(quasi.toJson()), quasi);
    }

    void poissonStepsReachThePoissonFit()
    {
        // Enough re-weighted steps reach the fixed point of IRLS, the Poisson score equations
        // sum_i l_ik (s_i - d_i) / max(d_i, 1) = 0 for every active component; one step does not.
        std::mt19937 rng(10);
        auto model = LatentTrainer::train(syntheticTraining(rng, 30), LatentTrainingSpec::simulatedPlusBackground(kComponents, "left"));
        QVERIFY(model.ok());
        std::vector<double> s(256);
        for (int c = 0; c < 256; ++c)
            s[size_t(c)] = std::poisson_distribution<int>(8000.0 * model->loading(1)[c] + 3000.0 * model->loading(3)[c]
                                                          + 20000.0 * model->loading(4)[c] + 0.1)(rng);
        auto gradient = [&](const LatentResult &r) {
            const std::vector<double> d = model->denoise(r.scores);
            double worst = 0.0;
            for (int k = 0; k < 5; ++k) {
                if (!(r.scores[size_t(k)] > 0.0))
                    continue;
                double g = 0.0;
                for (int i = model->minChannel(); i < 256; ++i)
                    g += model->loading(k)[i] * (s[size_t(i)] - d[size_t(i)]) / std::max(d[size_t(i)], 1.0);
                worst = std::max(worst, std::abs(g));
            }
            return worst;
        };
        LatentOptions one;
        one.poissonWeighted = true;
        LatentOptions many = one;
        many.poissonSteps = 20;
        const double g1 = gradient(LatentAnalyser(*model, one).analyse(s));
        const double g20 = gradient(LatentAnalyser(*model, many).analyse(s));
        QVERIFY2(g20 < 1e-6, qPrintable(QString::number(g20)));
        QVERIFY2(g1 > 100.0 * g20, qPrintable(QStringLiteral("%1 %2").arg(g1).arg(g20)));
        QCOMPARE(LatentOptions::fromJson(many.toJson()), many);
    }

    void poissonWeightingMatchesWeightedSolver()
    {
        std::mt19937 rng(6);
        auto model = LatentTrainer::train(syntheticTraining(rng, 30), LatentTrainingSpec::simulatedPlusBackground(kComponents, "left"));
        QVERIFY(model.ok());
        std::vector<double> s(256);
        for (int c = 0; c < 256; ++c)
            s[size_t(c)] = std::poisson_distribution<int>(500.0 * model->loading(0)[c] + 3000.0 * model->loading(4)[c] + 0.1)(rng);
        LatentOptions o;
        o.poissonWeighted = true;
        LatentAnalyser a(*model, o);
        const LatentResult r = a.analyse(s);
        // Same as: plain fit, weights 1 / max(model, 1), weighted NNLS.
        std::vector<double> x(5), d(256), w(256, 1.0), xw(5);
        model->score(s.data(), x.data());
        model->denoise(x.data(), d.data());
        for (int c = 0; c < 256; ++c)
            w[size_t(c)] = 1.0 / std::max(d[size_t(c)], 1.0);
        model->solver().solveWeighted(s.data(), w.data(), xw.data());
        QVERIFY(relErr(r.scores, xw) < 1e-12);
        QVERIFY(relErr(r.scores, x) > 1e-6);  // weighting changed the answer
    }

    void saveLoadRoundTrip()
    {
        std::mt19937 rng(7);
        LatentTrainingSpec spec = LatentTrainingSpec::simulatedPlusBackground(kComponents, "left");
        spec.options = LatentOptions::improved();
        auto model = LatentTrainer::train(syntheticTraining(rng, 20), spec);
        QVERIFY(model.ok());
        QTemporaryDir dir;
        const QString path = dir.filePath("m.ppmodel");
        QVERIFY(model->save(path).ok());
        auto back = LatentModel::load(path);
        QVERIFY2(back.ok(), qPrintable(back ? QString() : back.error().toString()));
        QCOMPARE(back->components(), model->components());
        QVERIFY(back->loadings() == model->loadings());
        QVERIFY(back->grid() == model->grid());
        QVERIFY(back->options() == model->options());
        QCOMPARE(back->unknownThresholds().deviancePerDof, model->unknownThresholds().deviancePerDof);
        QCOMPARE(back->trainingHash(), model->trainingHash());
        // Damaged file: a clear error naming it.
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.resize(f.size() / 2);
        f.close();
        auto broken = LatentModel::load(path);
        QVERIFY(!broken.ok());
        QVERIFY(broken.error().toString().contains(path));
        QVERIFY(!LatentModel::load(dir.filePath("missing")).ok());
        QVERIFY(!LatentModel::fromReferenceCsv(dir.filePath("missing.csv")).ok());
    }

    void gainLatticeProjectsInOnePass()
    {
        // The stacked one-pass projections give the bits of each lattice point's own solver (the analyser's
        // search depends on it to stay identical).
        PHOTOPEAK_REQUIRE_DATA(csv, "gamma_flow/reference/loadings_trained_dim_model.csv");
        auto model = LatentModel::fromReferenceCsv(csv, 7);
        QVERIFY(model.ok());
        const GainLattice lattice(*model, 0.06, 0.01);
        QCOMPARE(lattice.count(), 49);
        const int K = model->componentCount();
        std::mt19937_64 rng(3);
        std::uniform_real_distribution<double> u(0.0, 50.0);
        std::vector<double> ws(size_t(model->channelCount()));
        for (double &v : ws)
            v = u(rng);
        std::vector<double> B(size_t(lattice.count()) * K), own(static_cast<size_t>(K));
        lattice.projectCoarse(ws.data(), B.data());
        const std::vector<int> &coarse = lattice.coarseIndices();
        QCOMPARE(int(coarse.size()), 13);
        for (size_t j = 0; j < coarse.size(); ++j) {
            lattice.solver(coarse[j]).project(ws.data(), own.data());
            for (int k = 0; k < K; ++k)
                QCOMPARE(B[j * K + size_t(k)], own[size_t(k)]);
        }
        for (int first : {0, 20, 42}) {
            lattice.projectRange(first, first + 6, ws.data(), B.data());
            for (int i = first; i <= first + 6; ++i) {
                lattice.solver(i).project(ws.data(), own.data());
                for (int k = 0; k < K; ++k)
                    QCOMPARE(B[size_t(i - first) * K + size_t(k)], own[size_t(k)]);
            }
        }
    }

    void spectraOfAnotherGridAreOutOfDomain()
    {
        PHOTOPEAK_REQUIRE_DATA(csv, "gamma_flow/reference/loadings_trained_dim_model.csv");
        auto model = LatentModel::fromReferenceCsv(csv, 7);
        QVERIFY(model.ok());
        auto spectrum = [](int channels, EnergyCalibration cal) {
            Spectrum s;
            s.counts.assign(size_t(channels), 10.0);
            s.calibration = cal;
            return s;
        };
        // The GAMMA_FLOW calibration itself: inside.
        QCOMPARE(model->domainProblem(spectrum(256, EnergyCalibration::quadratic(-12.0, 8.15, 0.0012))), QString());
        // A high-resolution detector (4096 channels of 0.75 keV over the same range): another grid.
        const QString fine = model->domainProblem(spectrum(4096, EnergyCalibration::linear(0.75, 0.0)));
        QVERIFY2(fine.contains(QStringLiteral("keV per channel")), qPrintable(fine));
        // 256 channels up to 300 keV: most of the grid is not covered.
        const QString narrow = model->domainProblem(spectrum(256, EnergyCalibration::linear(300.0 / 256, 0.0)));
        QVERIFY2(narrow.contains(QStringLiteral("covers 0-300 keV")), qPrintable(narrow));
        // No calibration: cannot be put on the grid.
        QVERIFY(!model->domainProblem(spectrum(256, EnergyCalibration())).isEmpty());
    }

    // A model trained on spectra with channels 6 times finer than its grid's bins (XGD on the GAMMA_FLOW grid)
    // judges such spectra as in its domain; the grid's rule alone called them another detector's binning.
    void trainedChannelWidthsAreTheDomain()
    {
        std::mt19937 rng(11);
        std::vector<Spectrum> fine = syntheticTraining(rng, 20);
        for (Spectrum &sp : fine) {
            const int n = sp.channelCount();
            std::vector<double> split;
            for (int c = 0; c < n; ++c)
                for (int k = 0; k < 6; ++k)
                    split.push_back(sp.counts[size_t(c)] / 6.0);
            sp.counts = std::move(split);
            sp.calibration = EnergyCalibration::quadratic(-11.0, 8.0 / 6.0, 0.0011 / 36.0);
        }
        auto model = LatentTrainer::train(fine, LatentTrainingSpec::simulatedPlusBackground(kComponents, "left"));
        QVERIFY2(model.ok(), qPrintable(model.ok() ? QString() : model.error().toString()));
        QCOMPARE(model->domainProblem(fine.front()), QString());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("fine.json"));
        QVERIFY(model->save(path).ok());
        auto loaded = LatentModel::load(path);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->domainProblem(fine.front()), QString());
        // 0.1 keV channels (a high-resolution detector) stay outside, named against the training channels.
        Spectrum hpge;
        hpge.counts.assign(30000, 1.0);
        hpge.calibration = EnergyCalibration::linear(0.1, 0.0);
        const QString problem = loaded->domainProblem(hpge);
        QVERIFY2(problem.contains(QStringLiteral("trained on")), qPrintable(problem));
    }

    void rejectsInvalidLoadings()
    {
        const EnergyGrid g = EnergyGrid::gammaFlowDefault();
        QVERIFY(!LatentModel::fromLoadings({"a", "b"}, g, 7, std::vector<double>(10, 1.0)).ok());
        QVERIFY(!LatentModel::fromLoadings({"a", "a"}, g, 7, std::vector<double>(512, 1.0)).ok());
        std::vector<double> l(512, 1.0);
        l[3] = std::nan("");
        QVERIFY(!LatentModel::fromLoadings({"a", "b"}, g, 7, l).ok());
        QVERIFY(!LatentModel::fromLoadings({"a", "b"}, g, 7, std::vector<double>(512, 1.0)).ok());  // collinear
    }
};

QTEST_GUILESS_MAIN(TestLatentModel)
#include "tst_latentmodel.moc"
