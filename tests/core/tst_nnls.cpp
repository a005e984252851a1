// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// The one NNLS of the project (numerics/Nnls): optimality (KKT) on random problems of every size, including
// K > 16 (heap scratch), column subsets and warm starts; NonNegativeFit (template features, library templates)
// against the solver it replaced (kept below verbatim as the reference); the weighted Gram builder's
// projection against direct sums.

#include "features/NonNegativeFit.h"
#include "numerics/Nnls.h"
#include "numerics/NnlsSolver.h"
#include "numerics/WeightedGram.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

using namespace photopeak;

namespace {
// ---- The template fit's solver before numerics/Nnls (features/NonNegativeFit.cpp at 01d2d1a), the reference.
namespace oldfit {
// Solves the passive-set system G_PP z = h_P by Cholesky (G is symmetric positive semi-definite; a tiny
// ridge keeps it definite). a: n x n scratch, z: result.
void solvePassive(const std::vector<double> &G, const std::vector<double> &h, int K, const int *idx, int n,
                  double ridge, double *a, double *z)
{
    for (int r = 0; r < n; ++r)
        for (int c = 0; c <= r; ++c)
            a[r * n + c] = G[static_cast<size_t>(idx[r] * K + idx[c])] + (r == c ? ridge : 0.0);
    for (int j = 0; j < n; ++j) {
        double d = a[j * n + j];
        for (int k = 0; k < j; ++k)
            d -= a[j * n + k] * a[j * n + k];
        d = std::sqrt(std::max(d, ridge));
        a[j * n + j] = d;
        for (int i = j + 1; i < n; ++i) {
            double v = a[i * n + j];
            for (int k = 0; k < j; ++k)
                v -= a[i * n + k] * a[j * n + k];
            a[i * n + j] = v / d;
        }
    }
    for (int i = 0; i < n; ++i) {  // L y = h
        double v = h[static_cast<size_t>(idx[i])];
        for (int k = 0; k < i; ++k)
            v -= a[i * n + k] * z[k];
        z[i] = v / a[i * n + i];
    }
    for (int i = n - 1; i >= 0; --i) {  // L^T z = y
        double v = z[i];
        for (int k = i + 1; k < n; ++k)
            v -= a[k * n + i] * z[k];
        z[i] = v / a[i * n + i];
    }
}
} // namespace oldfit

std::vector<double> oldSolve(const std::vector<double> &G, const std::vector<double> &h, int K,
                                          const std::vector<char> &allowed, const std::vector<double> *start)
{
    std::vector<double> x(static_cast<size_t>(K), 0.0);
    if (K <= 0)
        return x;
    std::vector<char> passive(static_cast<size_t>(K), 0);
    bool warm = false;
    if (start && start->size() == x.size())
        for (int j = 0; j < K; ++j)
            if (allowed[static_cast<size_t>(j)] && (*start)[static_cast<size_t>(j)] > 0.0) {
                x[static_cast<size_t>(j)] = (*start)[static_cast<size_t>(j)];
                passive[static_cast<size_t>(j)] = 1;
                warm = true;
            }
    std::vector<int> idx(static_cast<size_t>(K));
    std::vector<double> scratch(static_cast<size_t>(K * K)), z(static_cast<size_t>(K));
    double trace = 0.0, hmax = 0.0;
    for (int i = 0; i < K; ++i) {
        trace += G[static_cast<size_t>(i * K + i)];
        hmax = std::max(hmax, std::abs(h[static_cast<size_t>(i)]));
    }
    const double ridge = 1e-12 * std::max(trace, 1e-300);
    const double tol = 1e-12 * std::max(1.0, hmax);
    auto gradient = [&](int j) {
        double g = h[static_cast<size_t>(j)];
        for (int k = 0; k < K; ++k)
            g -= G[static_cast<size_t>(j * K + k)] * x[static_cast<size_t>(k)];
        return g;
    };
    // Solve on the passive set and step back into the feasible region until every passive x is positive.
    auto feasible = [&] {
        for (int inner = 0; inner < 3 * K + 10; ++inner) {
            int n = 0;
            for (int j = 0; j < K; ++j)
                if (passive[static_cast<size_t>(j)])
                    idx[static_cast<size_t>(n++)] = j;
            oldfit::solvePassive(G, h, K, idx.data(), n, ridge, scratch.data(), z.data());
            bool allPositive = true;
            for (int a = 0; a < n; ++a)
                allPositive = allPositive && z[static_cast<size_t>(a)] > 0.0;
            if (allPositive) {
                for (int a = 0; a < n; ++a)
                    x[static_cast<size_t>(idx[static_cast<size_t>(a)])] = z[static_cast<size_t>(a)];
                break;
            }
            double alpha = std::numeric_limits<double>::infinity();
            for (int a = 0; a < n; ++a)
                if (z[static_cast<size_t>(a)] <= 0.0) {
                    const double xi = x[static_cast<size_t>(idx[static_cast<size_t>(a)])];
                    alpha = std::min(alpha, xi / (xi - z[static_cast<size_t>(a)]));
                }
            if (!std::isfinite(alpha))
                alpha = 0.0;
            for (int a = 0; a < n; ++a) {
                const int j = idx[static_cast<size_t>(a)];
                double &xi = x[static_cast<size_t>(j)];
                xi += alpha * (z[static_cast<size_t>(a)] - xi);
                if (xi <= 1e-15 * std::max(1.0, std::abs(z[static_cast<size_t>(a)]))) {
                    xi = 0.0;
                    passive[static_cast<size_t>(j)] = 0;
                }
            }
        }
    };
    if (warm)
        feasible();
    for (int outer = 0; outer < 3 * K + 10; ++outer) {
        int best = -1;
        double bestW = tol;
        for (int j = 0; j < K; ++j) {
            if (passive[static_cast<size_t>(j)] || !allowed[static_cast<size_t>(j)])
                continue;
            const double w = gradient(j);
            if (w > bestW) {
                bestW = w;
                best = j;
            }
        }
        if (best < 0)
            break;
        passive[static_cast<size_t>(best)] = 1;
        feasible();
    }
    return x;
}

// ---- end of the reference

struct Problem {
    int K = 0, n = 0;
    std::vector<double> A;  // K x n
    std::vector<double> s;
    std::vector<double> G, b;
};

// Non-negative columns (spectra-like), a target that mixes some of them plus noise (so that some bounds bind).
Problem randomProblem(int K, int n, unsigned seed, bool collinear = false)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    Problem p;
    p.K = K;
    p.n = n;
    p.A.resize(size_t(K) * n);
    for (double &v : p.A)
        v = u(rng) * u(rng);
    if (collinear && K >= 3)  // column 2 = column 0 + column 1
        for (int i = 0; i < n; ++i)
            p.A[size_t(2) * n + i] = p.A[size_t(i)] + p.A[size_t(n) + i];
    p.s.assign(size_t(n), 0.0);
    for (int k = 0; k < K; k += 2)
        for (int i = 0; i < n; ++i)
            p.s[size_t(i)] += (1.0 + k) * p.A[size_t(k) * n + i];
    for (double &v : p.s)
        v += 0.3 * (u(rng) - 0.5);
    p.G.assign(size_t(K) * K, 0.0);
    p.b.assign(size_t(K), 0.0);
    for (int a = 0; a < K; ++a) {
        for (int i = 0; i < n; ++i)
            p.b[size_t(a)] += p.A[size_t(a) * n + i] * p.s[size_t(i)];
        for (int c = 0; c < K; ++c)
            for (int i = 0; i < n; ++i)
                p.G[size_t(a) * K + c] += p.A[size_t(a) * n + i] * p.A[size_t(c) * n + i];
    }
    return p;
}

// KKT of min 0.5 x'Gx - b'x, x >= 0 over the allowed columns: x >= 0, w = b - Gx <= tol where x = 0 and
// |w| <= tol where x > 0. Returns the worst violation relative to max |b|.
double kktViolation(const Problem &p, const std::vector<double> &x, const std::vector<char> &allowed)
{
    double scale = 0.0, worst = 0.0;
    for (double v : p.b)
        scale = std::max(scale, std::abs(v));
    for (int j = 0; j < p.K; ++j) {
        if (!allowed.empty() && !allowed[size_t(j)]) {
            worst = std::max(worst, std::abs(x[size_t(j)]) * 1e6);
            continue;
        }
        double w = p.b[size_t(j)];
        for (int k = 0; k < p.K; ++k)
            w -= p.G[size_t(j) * p.K + k] * x[size_t(k)];
        if (x[size_t(j)] < 0.0)
            worst = std::max(worst, -x[size_t(j)] * 1e6);
        worst = std::max(worst, x[size_t(j)] > 0.0 ? std::abs(w) / scale : std::max(w, 0.0) / scale);
    }
    return worst;
}

double objective(const Problem &p, const std::vector<double> &x)
{
    double v = 0.0;
    for (int a = 0; a < p.K; ++a) {
        v -= p.b[size_t(a)] * x[size_t(a)];
        for (int c = 0; c < p.K; ++c)
            v += 0.5 * x[size_t(a)] * p.G[size_t(a) * p.K + c] * x[size_t(c)];
    }
    return v;
}
} // namespace

class TestNnls : public QObject {
    Q_OBJECT
private slots:
    void optimalForEverySize_data();
    void optimalForEverySize();
    void columnSubsetsAndWarmStarts();
    void nonNegativeFitMatchesTheSolverItReplaced();
    void collinearColumns();
    void projectionMatchesDirectSums();
};

void TestNnls::optimalForEverySize_data()
{
    QTest::addColumn<int>("K");
    for (int k : {1, 2, 5, 10, 16, 17, 24, 40})
        QTest::addRow("K=%d", k) << k;
}

void TestNnls::optimalForEverySize()
{
    QFETCH(int, K);
    for (unsigned seed = 1; seed <= 20; ++seed) {
        const Problem p = randomProblem(K, 3 * K + 30, seed * 7919u + unsigned(K));
        std::vector<double> x(size_t(K), -1.0);
        const int it = Nnls::solve(p.G.data(), p.b.data(), K, x.data());
        QVERIFY(it >= 0);
        QVERIFY2(kktViolation(p, x, {}) < 1e-9, qPrintable(QStringLiteral("seed %1: %2").arg(seed).arg(kktViolation(p, x, {}))));
    }
}

void TestNnls::columnSubsetsAndWarmStarts()
{
    for (int K : {6, 20}) {
        const Problem p = randomProblem(K, 100, 42u + unsigned(K));
        std::vector<double> full(static_cast<size_t>(K));
        Nnls::solve(p.G.data(), p.b.data(), K, full.data());
        for (int drop = 0; drop < K; ++drop) {
            std::vector<char> allowed(size_t(K), 1);
            allowed[size_t(drop)] = 0;
            allowed[size_t((drop + 3) % K)] = 0;
            Nnls::Settings cold;
            cold.allowed = allowed.data();
            std::vector<double> a(static_cast<size_t>(K)), b(static_cast<size_t>(K));
            QVERIFY(Nnls::solve(p.G.data(), p.b.data(), K, a.data(), cold) >= 0);
            QVERIFY(kktViolation(p, a, allowed) < 1e-9);
            Nnls::Settings warm = cold;
            warm.start = full.data();  // the solution with every column: a feasible start after dropping two
            QVERIFY(Nnls::solve(p.G.data(), p.b.data(), K, b.data(), warm) >= 0);
            for (int j = 0; j < K; ++j)
                QVERIFY2(std::abs(a[size_t(j)] - b[size_t(j)]) <= 1e-9 * (1.0 + std::abs(a[size_t(j)])),
                         qPrintable(QStringLiteral("K %1 drop %2 column %3: %4 vs %5").arg(K).arg(drop).arg(j)
                                        .arg(a[size_t(j)]).arg(b[size_t(j)])));
        }
    }
}

void TestNnls::nonNegativeFitMatchesTheSolverItReplaced()
{
    double worst = 0.0;
    for (int K : {3, 8, 16, 30}) {
        for (unsigned seed = 1; seed <= 15; ++seed) {
            const Problem p = randomProblem(K, 120, seed * 31u + unsigned(K));
            std::vector<char> allowed(size_t(K), 1);
            if (seed % 3 == 0)
                allowed[seed % K] = 0;
            const std::vector<double> old = oldSolve(p.G, p.b, K, allowed, nullptr);
            const std::vector<double> now = NonNegativeFit::solve(p.G, p.b, K, allowed);
            const std::vector<double> oldWarm = oldSolve(p.G, p.b, K, allowed, &old);
            const std::vector<double> nowWarm = NonNegativeFit::solve(p.G, p.b, K, allowed, &now);
            for (int j = 0; j < K; ++j) {
                const double scale = 1.0 + std::abs(old[size_t(j)]);
                worst = std::max({worst, std::abs(old[size_t(j)] - now[size_t(j)]) / scale,
                                  std::abs(oldWarm[size_t(j)] - nowWarm[size_t(j)]) / scale});
            }
            QVERIFY(std::abs(NonNegativeFit::reduction(p.G, p.b, now) - NonNegativeFit::reduction(p.G, p.b, old))
                    <= 1e-9 * (1.0 + std::abs(NonNegativeFit::reduction(p.G, p.b, old))));
        }
    }
    qInfo("NonNegativeFit against the solver it replaced: max relative difference %.2e", worst);
    QVERIFY(worst < 1e-8);
}

void TestNnls::collinearColumns()
{
    // Column 2 = column 0 + column 1: without a ridge the singular set blocks the entering column; with one the
    // columns share. Either way the fit (objective) is the optimum the reference reaches.
    const Problem p = randomProblem(6, 80, 99u, true);
    std::vector<double> strict(6), ridged(6);
    QVERIFY(Nnls::solve(p.G.data(), p.b.data(), 6, strict.data()) >= 0);
    const std::vector<double> viaFit = NonNegativeFit::solve(p.G, p.b, 6, std::vector<char>(6, 1));
    const std::vector<double> old = oldSolve(p.G, p.b, 6, std::vector<char>(6, 1), nullptr);
    const double best = objective(p, old);
    QVERIFY(std::abs(objective(p, strict) - best) <= 1e-9 * std::abs(best));
    QVERIFY(std::abs(objective(p, viaFit) - best) <= 1e-9 * std::abs(best));
}

void TestNnls::projectionMatchesDirectSums()
{
    for (int K : {1, 3, 5, 8, 13, 16, 21, 65}) {
        const Problem p = randomProblem(K, 249, 5u + unsigned(K));
        const WeightedGram g = WeightedGram::fromRows(p.A.data(), K, p.n, 0, p.n);
        std::vector<double> b(size_t(K), std::nan(""));
        g.project(p.s.data(), b.data());
        for (int k = 0; k < K; ++k)
            QVERIFY2(std::abs(b[size_t(k)] - p.b[size_t(k)]) <= 1e-10 * (1.0 + std::abs(p.b[size_t(k)])),
                     qPrintable(QStringLiteral("K %1 column %2").arg(K).arg(k)));
        if (K <= NnlsSolver::MaxComponents) {  // the latent solver projects through the same storage, same bits
            NnlsSolver solver(p.A, K, p.n, 0);
            std::vector<double> viaSolver(static_cast<size_t>(K));
            solver.project(p.s.data(), viaSolver.data());
            QCOMPARE(viaSolver, b);
        }
    }
}

QTEST_GUILESS_MAIN(TestNnls)
#include "tst_nnls.moc"
