// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// The latent analysis' fast paths give the same bits as the straightforward code they replace: the fused
// reconstruction statistics against LatentModel's three functions, and the line-excess scan against its
// one-window-at-a-time definition, on the GAMMA_FLOW test spectra under the plain and the default model.
#include "eval/LatentProtocol.h"
#include "io/ReaderRegistry.h"
#include "ml/latent/FitStatistics.h"
#include "ml/latent/LatentAnalyser.h"
#include "ml/latent/LineExcess.h"
#include "numerics/SimdKernels.h"
#include "spectrum/Rebinner.h"

#include "TestData.h"

#include <QTest>

#include <cmath>
#include <cstring>
#include <random>

using namespace photopeak;

namespace {
bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

// LineExcess::largest one window at a time, as it was written first (the definition the fast scan must match).
double lineExcessReference(const EnergyGrid &grid, int c0, double b2, const double *s, const double *d, const double *iso,
                           int *channel)
{
    const int n = grid.binCount();
    std::vector<double> R(size_t(n) + 1, 0.0), D(size_t(n) + 1, 0.0), I(size_t(n) + 1, 0.0);
    for (int i = 0; i < n; ++i) {
        R[size_t(i) + 1] = R[size_t(i)] + (s[i] - d[i]);
        D[size_t(i) + 1] = D[size_t(i)] + std::max(d[i], 1.0);
        I[size_t(i) + 1] = I[size_t(i)] + std::max(iso[i], 0.0);
    }
    const std::vector<double> &e = grid.edges();
    double bestF2 = 0.0, bestV = 1.0;
    *channel = -1;
    for (int j = c0; j < n; ++j) {
        const double centre = 0.5 * (e[size_t(j)] + e[size_t(j) + 1]), width = e[size_t(j) + 1] - e[size_t(j)];
        const int h = std::max(0, int(std::lround(0.5 * 2.3548 * std::sqrt(b2 * std::max(centre, 1.0)) / width)));
        const int lo = j - h - (h + 1), cl = j - h, ch = j + h + 1, hi = j + h + (h + 1) + 1;
        if (lo < c0 || hi > n)
            continue;
        const double a = 1.0 / (2 * h + 1), b = 0.5 / (h + 1);
        const bool isotopeFree = !(I[size_t(hi)] - I[size_t(lo)] > 0.5 * (D[size_t(hi)] - D[size_t(lo)]));
        const double f = a * (R[size_t(ch)] - R[size_t(cl)]) - b * ((R[size_t(cl)] - R[size_t(lo)]) + (R[size_t(hi)] - R[size_t(ch)]));
        const double f2 = isotopeFree && f > 0.0 ? f * f : 0.0;
        const double v = a * a * (D[size_t(ch)] - D[size_t(cl)]) + b * b * ((D[size_t(cl)] - D[size_t(lo)]) + (D[size_t(hi)] - D[size_t(ch)]));
        if (f2 * bestV > bestF2 * v) {
            bestF2 = f2;
            bestV = v;
            *channel = j;
        }
    }
    return *channel >= 0 ? std::sqrt(bestF2 / bestV) : 0.0;
}

// The spectra of the benchmark's speed set on the model's grid (every `step`-th, to keep the test short).
std::vector<std::vector<double>> testSpectra(const LatentProtocol &protocol, const LatentModel &model, int step)
{
    std::vector<std::vector<double>> out;
    Rebinner rebinner(model.grid());
    int index = 0;
    for (const QString &path : protocol.singleFiles + protocol.multiFiles) {
        auto spectra = ReaderRegistry::instance().read(path);
        if (!spectra)
            continue;
        for (const Spectrum &s : *spectra)
            if (index++ % step == 0)
                out.push_back(rebinner.rebin(s));
    }
    return out;
}
} // namespace

class TestLatentFastPath : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        const QString dir = QStringLiteral(PHOTOPEAK_SHARED_DATA "/gamma_flow");
        if (!QFileInfo::exists(dir + QStringLiteral("/Am241_left.h5")))
            QSKIP("GAMMA_FLOW data not found");
        m_protocol = LatentProtocol::gammaFlowDefault(dir);
        auto plain = m_protocol.train(LatentOptions::plain());
        QVERIFY2(plain.ok(), qPrintable(plain ? QString() : plain.error().toString()));
        m_plain = std::make_unique<LatentModel>(std::move(*plain));
        auto recommended = m_protocol.train(LatentOptions::recommended());
        QVERIFY2(recommended.ok(), qPrintable(recommended ? QString() : recommended.error().toString()));
        m_default = std::make_unique<LatentModel>(std::move(*recommended));
        m_spectra = testSpectra(m_protocol, *m_plain, 7);
        QVERIFY(m_spectra.size() > 300);
    }

    void fitStatisticsAreTheThreeFunctionsBitForBit()
    {
        for (const LatentModel *model : {m_plain.get(), m_default.get()}) {
            LatentAnalyser analyser(*model);
            const int n = model->channelCount(), c0 = model->minChannel();
            int checked = 0;
            for (const std::vector<double> &s : m_spectra) {
                analyser.analyse(s);
                const double *d = analyser.denoised().data();
                const FitStatistics f = FitStatistics::compute(s.data(), d, n, c0);
                QVERIFY(sameBits(f.explainedVariance, model->explainedVariance(s.data(), d)));
                QVERIFY(sameBits(f.similarity, model->similarity(s.data(), d)));
                QVERIFY(sameBits(f.cosine, model->cosine(s.data(), d)));
                ++checked;
            }
            QCOMPARE(checked, int(m_spectra.size()));
        }
        // An empty spectrum: every statistic 0, as LatentModel's.
        const std::vector<double> zero(256, 0.0);
        const FitStatistics z = FitStatistics::compute(zero.data(), zero.data(), 256, 7);
        QCOMPARE(z.explainedVariance, 0.0);
        QCOMPARE(z.similarity, 0.0);
        QCOMPARE(z.cosine, 0.0);
    }

    void lineExcessScanIsTheWindowByWindowDefinition()
    {
        const LatentModel &model = *m_default;
        const double b2 = model.unknownThresholds().lineSigma2PerKeV;
        QVERIFY(b2 > 0.0);
        const LineExcess excess(model.grid(), model.minChannel(), b2);
        LatentAnalyser analyser(model);
        const int n = model.channelCount(), bg = model.backgroundIndex();
        std::vector<double> iso(size_t(n), 0.0);
        int flagged = 0;
        for (const std::vector<double> &s : m_spectra) {
            const LatentResult r = analyser.analyse(s);
            const double *d = analyser.denoised().data();
            const double *lb = analyser.fittedModel().loading(bg);
            for (int i = 0; i < n; ++i)
                iso[size_t(i)] = d[i] - r.scores[size_t(bg)] * lb[i];
            int fast = -2, slow = -2;
            const double z = excess.largest(s.data(), d, iso.data(), &fast);
            const double zRef = lineExcessReference(model.grid(), model.minChannel(), b2, s.data(), d, iso.data(), &slow);
            QCOMPARE(fast, slow);
            QVERIFY(sameBits(z, zRef));
            QVERIFY(sameBits(z, r.lineExcess));
            flagged += z > 0.0;
        }
        QVERIFY(flagged > 0);
    }

    void onePassGramIsTheBlockedKernelBitForBit()
    {
        // A 5-column design stored 8 wide (one pass over the rows) and 12 wide (the blocked kernel, two rows of G
        // per pass): every entry of G and h must agree to the bit.
        std::mt19937 rng(7);
        std::uniform_real_distribution<double> u(0.0, 2.0);
        const int rows = 249;
        for (int columns = 1; columns <= 6; ++columns) {
            const int narrow = (columns + 3) / 4 * 4, wide = narrow + 4;
            std::vector<double> A8(size_t(rows) * narrow, 0.0), A12(size_t(rows) * wide, 0.0), w(rows, 0.0), y(rows, 0.0);
            for (int r = 0; r < rows; ++r) {
                w[size_t(r)] = u(rng);
                y[size_t(r)] = 100.0 * u(rng);
                for (int c = 0; c < columns; ++c)
                    A8[size_t(r) * narrow + c] = A12[size_t(r) * wide + c] = u(rng) / (1.0 + r);
            }
            std::vector<double> G1(columns * columns, 0.0), G2(columns * columns, 0.0), h1(columns, 0.0), h2(columns, 0.0);
            simd::weightedGram(A8.data(), rows, narrow, columns, w.data(), y.data(), G1.data(), h1.data());
            simd::weightedGram(A12.data(), rows, wide, columns, w.data(), y.data(), G2.data(), h2.data());
            for (size_t i = 0; i < G1.size(); ++i)
                QVERIFY2(sameBits(G1[i], G2[i]), qPrintable(QStringLiteral("columns %1, G[%2]").arg(columns).arg(i)));
            for (size_t i = 0; i < h1.size(); ++i)
                QVERIFY(sameBits(h1[i], h2[i]));
        }
    }

private:
    LatentProtocol m_protocol;
    std::unique_ptr<LatentModel> m_plain, m_default;
    std::vector<std::vector<double>> m_spectra;
};

QTEST_GUILESS_MAIN(TestLatentFastPath)
#include "tst_latentfastpath.moc"
