// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "numerics/NnlsSolver.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

using namespace photopeak;

namespace {
struct Problem {
    int K = 0, n = 0, c0 = 0;
    std::vector<double> L;  // K x n
    std::vector<double> s;  // n
};

Problem randomProblem(std::mt19937 &rng, int K, int n, int c0, bool nonNegative)
{
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::normal_distribution<double> g(0.0, 1.0);
    Problem p{K, n, c0, std::vector<double>(size_t(K) * n), std::vector<double>(size_t(n))};
    for (double &v : p.L)
        v = nonNegative ? u(rng) : g(rng);
    for (double &v : p.s)
        v = nonNegative ? 10.0 * u(rng) : g(rng);
    return p;
}

// 0.5 ||A x - s||^2 over channels >= c0.
double objective(const Problem &p, const std::vector<double> &x)
{
    double f = 0.0;
    for (int i = p.c0; i < p.n; ++i) {
        double r = -p.s[size_t(i)];
        for (int k = 0; k < p.K; ++k)
            r += p.L[size_t(k) * p.n + i] * x[size_t(k)];
        f += 0.5 * r * r;
    }
    return f;
}

// Reference: the minimum over every subset's unconstrained least-squares solution that is feasible
// (exhaustive, exact for small K). Normal equations solved by Gaussian elimination with pivoting.
std::vector<double> bruteForce(const Problem &p)
{
    std::vector<double> best(size_t(p.K), 0.0);
    double bestF = objective(p, best);
    for (unsigned mask = 1; mask < (1u << p.K); ++mask) {
        std::vector<int> idx;
        for (int k = 0; k < p.K; ++k)
            if (mask >> k & 1u)
                idx.push_back(k);
        const int m = int(idx.size());
        std::vector<double> M(size_t(m) * (m + 1), 0.0);
        for (int a = 0; a < m; ++a) {
            for (int b = 0; b < m; ++b)
                for (int i = p.c0; i < p.n; ++i)
                    M[size_t(a) * (m + 1) + b] += p.L[size_t(idx[a]) * p.n + i] * p.L[size_t(idx[b]) * p.n + i];
            for (int i = p.c0; i < p.n; ++i)
                M[size_t(a) * (m + 1) + m] += p.L[size_t(idx[a]) * p.n + i] * p.s[size_t(i)];
        }
        for (int c = 0; c < m; ++c) {
            int piv = c;
            for (int r = c + 1; r < m; ++r)
                if (std::abs(M[size_t(r) * (m + 1) + c]) > std::abs(M[size_t(piv) * (m + 1) + c]))
                    piv = r;
            for (int t = 0; t <= m; ++t)
                std::swap(M[size_t(c) * (m + 1) + t], M[size_t(piv) * (m + 1) + t]);
            for (int r = 0; r < m; ++r)
                if (r != c) {
                    const double f = M[size_t(r) * (m + 1) + c] / M[size_t(c) * (m + 1) + c];
                    for (int t = c; t <= m; ++t)
                        M[size_t(r) * (m + 1) + t] -= f * M[size_t(c) * (m + 1) + t];
                }
        }
        std::vector<double> x(size_t(p.K), 0.0);
        bool feasible = true;
        for (int a = 0; a < m; ++a) {
            x[size_t(idx[a])] = M[size_t(a) * (m + 1) + m] / M[size_t(a) * (m + 1) + a];
            feasible = feasible && x[size_t(idx[a])] >= 0.0;
        }
        if (feasible) {
            const double f = objective(p, x);
            if (f < bestF) {
                bestF = f;
                best = x;
            }
        }
    }
    return best;
}

double maxRelDiff(const std::vector<double> &a, const std::vector<double> &b)
{
    double scale = 0.0, d = 0.0;
    for (size_t i = 0; i < a.size(); ++i) {
        scale = std::max(scale, std::abs(b[i]));
        d = std::max(d, std::abs(a[i] - b[i]));
    }
    return d / std::max(scale, 1e-300);
}
} // namespace

class TestNnlsSolver : public QObject {
    Q_OBJECT
private slots:
    void matchesExhaustiveSearch_data()
    {
        QTest::addColumn<int>("K");
        QTest::addColumn<int>("n");
        QTest::addColumn<bool>("nonNegative");
        QTest::newRow("K1 positive") << 1 << 40 << true;
        QTest::newRow("K3 gaussian") << 3 << 30 << false;
        QTest::newRow("K5 positive") << 5 << 256 << true;
        QTest::newRow("K5 gaussian") << 5 << 64 << false;
        QTest::newRow("K8 gaussian") << 8 << 100 << false;
        QTest::newRow("K10 gaussian") << 10 << 60 << false;
    }
    void matchesExhaustiveSearch()
    {
        QFETCH(int, K);
        QFETCH(int, n);
        QFETCH(bool, nonNegative);
        std::mt19937 rng(1234u + unsigned(K * 100 + n));
        int withZeros = 0;
        for (int trial = 0; trial < 40; ++trial) {
            const Problem p = randomProblem(rng, K, n, 7, nonNegative);
            NnlsSolver solver(p.L, K, n, 7);
            QVERIFY(solver.isValid());
            std::vector<double> x(size_t(K), -1.0);
            QVERIFY(solver.solve(p.s.data(), x.data()) >= 0);
            const std::vector<double> ref = bruteForce(p);
            for (double v : x)
                QVERIFY(v >= 0.0);
            QVERIFY2(maxRelDiff(x, ref) < 1e-9, qPrintable(QStringLiteral("trial %1: rel diff %2").arg(trial).arg(maxRelDiff(x, ref))));
            for (double v : ref)
                withZeros += v == 0.0;
        }
        if (!nonNegative)
            QVERIFY(withZeros > 0);  // the constraints were active in some trials
    }

    void precomputedAndCholeskyPathsAgree()
    {
        std::mt19937 rng(12);
        for (int K : {3, 6, 10, 12}) {  // 12 > the precomputation limit: Cholesky path in both
            const Problem p = randomProblem(rng, K, 90, 7, false);
            NnlsSolver solver(p.L, K, 90, 7);
            std::vector<double> b(static_cast<size_t>(K)), x1(static_cast<size_t>(K)), x2(static_cast<size_t>(K));
            solver.project(p.s.data(), b.data());
            QVERIFY(solver.solveNormalPrecomputed(b.data(), x1.data()) >= 0);
            QVERIFY(NnlsSolver::solveNormal(solver.gram().data(), b.data(), K, x2.data()) >= 0);
            QVERIFY(maxRelDiff(x1, x2) < 1e-10);
            QVERIFY(maxRelDiff(x1, bruteForce(p)) < 1e-9);
        }
    }

    void warmStartGivesTheSameSolution()
    {
        // Any guessed active set (right, wrong, infeasible, empty) gives the cold start's solution; the right
        // guess answers without iterations.
        std::mt19937 rng(77);
        for (int K : {2, 5, 8}) {
            for (int trial = 0; trial < 20; ++trial) {
                const Problem p = randomProblem(rng, K, 90, 7, false);
                NnlsSolver solver(p.L, K, 90, 7);
                std::vector<double> b(static_cast<size_t>(K)), cold(static_cast<size_t>(K)), warm(static_cast<size_t>(K));
                solver.project(p.s.data(), b.data());
                QVERIFY(solver.solveNormalPrecomputed(b.data(), cold.data()) >= 0);
                unsigned right = 0;
                for (int k = 0; k < K; ++k)
                    right |= cold[size_t(k)] > 0.0 ? 1u << k : 0u;
                for (unsigned guess : {right, 0u, (1u << K) - 1u, unsigned(rng()) & ((1u << K) - 1u)}) {
                    const int it = solver.solveNormalPrecomputed(b.data(), warm.data(), guess);
                    QVERIFY(it >= 0);
                    QVERIFY(maxRelDiff(cold, warm) < 1e-10);
                    if (guess == right && right != 0)
                        QCOMPARE(it, 0);
                }
            }
        }
    }

    void recoversExactMixture()
    {
        std::mt19937 rng(7);
        Problem p = randomProblem(rng, 5, 256, 7, true);
        const std::vector<double> truth{3.0, 0.0, 1.5, 0.0, 7.25};
        for (int i = 0; i < p.n; ++i) {
            p.s[size_t(i)] = 0.0;
            for (int k = 0; k < p.K; ++k)
                p.s[size_t(i)] += truth[size_t(k)] * p.L[size_t(k) * p.n + i];
        }
        NnlsSolver solver(p.L, p.K, p.n, 7);
        std::vector<double> x(5);
        solver.solve(p.s.data(), x.data());
        QVERIFY(maxRelDiff(x, truth) < 1e-12);
    }

    void zeroAndNegativeSpectraGiveZero()
    {
        std::mt19937 rng(8);
        Problem p = randomProblem(rng, 4, 50, 0, true);
        NnlsSolver solver(p.L, 4, 50, 0);
        std::vector<double> zero(50, 0.0), neg(50, -1.0), x(4, 9.0);
        QCOMPARE(solver.solve(zero.data(), x.data()), 0);
        for (double v : x)
            QCOMPARE(v, 0.0);
        solver.solve(neg.data(), x.data());
        for (double v : x)
            QCOMPARE(v, 0.0);
    }

    void weightedEqualsScaledProblem()
    {
        std::mt19937 rng(9);
        Problem p = randomProblem(rng, 5, 120, 7, false);
        std::uniform_real_distribution<double> u(0.1, 3.0);
        std::vector<double> w(size_t(p.n));
        for (double &v : w)
            v = u(rng);
        // sum w (s - Ax)^2 == || sqrt(w) s - sqrt(w) A x ||^2
        Problem q = p;
        for (int i = 0; i < p.n; ++i) {
            q.s[size_t(i)] *= std::sqrt(w[size_t(i)]);
            for (int k = 0; k < p.K; ++k)
                q.L[size_t(k) * p.n + i] *= std::sqrt(w[size_t(i)]);
        }
        NnlsSolver solver(p.L, p.K, p.n, 7);
        std::vector<double> x(5), ones(size_t(p.n), 1.0), plain(5);
        solver.solveWeighted(p.s.data(), w.data(), x.data());
        QVERIFY(maxRelDiff(x, bruteForce(q)) < 1e-9);
        solver.solveWeighted(p.s.data(), ones.data(), x.data());
        solver.solve(p.s.data(), plain.data());
        QVERIFY(maxRelDiff(x, plain) < 1e-12);
    }

    void manyEqualsOneByOne()
    {
        std::mt19937 rng(10);
        const int K = 5, n = 256, count = 3000, stride = 260;
        Problem p = randomProblem(rng, K, n, 7, true);
        std::uniform_real_distribution<double> u(0.0, 50.0);
        std::vector<double> S(size_t(count) * stride);
        for (double &v : S)
            v = u(rng);
        NnlsSolver solver(p.L, K, n, 7);
        std::vector<double> X(size_t(count) * K), x(K);
        QCOMPARE(solver.solveMany(S.data(), count, stride, X.data()), 0);
        for (int i = 0; i < count; i += 37) {
            solver.solve(S.data() + size_t(i) * stride, x.data());
            for (int k = 0; k < K; ++k)
                QVERIFY(std::abs(x[size_t(k)] - X[size_t(i) * K + k]) <= 1e-12 * (1.0 + std::abs(x[size_t(k)])));
        }
    }

    void collinearLoadingsStayFeasible()
    {
        // Component 2 = component 0 + component 1: the Gram matrix is singular.
        std::mt19937 rng(11);
        Problem p = randomProblem(rng, 3, 40, 0, true);
        for (int i = 0; i < p.n; ++i)
            p.L[size_t(2) * p.n + i] = p.L[size_t(i)] + p.L[size_t(p.n + i)];
        NnlsSolver solver(p.L, 3, 40, 0);
        QVERIFY(!std::isfinite(solver.conditionEstimate()) || solver.conditionEstimate() > 1e12);
        std::vector<double> x(3);
        QVERIFY(solver.solve(p.s.data(), x.data()) >= 0);
        for (double v : x)
            QVERIFY(v >= 0.0 && std::isfinite(v));
        // Still optimal: no better objective among the subsets.
        QVERIFY(objective(p, x) <= objective(p, bruteForce(p)) * (1.0 + 1e-9) + 1e-12);
    }

    void rejectsBadShapes()
    {
        QVERIFY(!NnlsSolver(std::vector<double>(10, 1.0), 2, 10, 0).isValid());  // too few values
        QVERIFY(!NnlsSolver(std::vector<double>(17 * 20, 1.0), 17, 20, 0).isValid());  // K > MaxComponents
        QVERIFY(!NnlsSolver(std::vector<double>(2 * 10, 1.0), 2, 10, 10).isValid());  // no channel left
    }
};

QTEST_GUILESS_MAIN(TestNnlsSolver)
#include "tst_nnlssolver.moc"
