#include "features/NonNegativeFit.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace photopeak {

namespace {
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
} // namespace

std::vector<double> NonNegativeFit::solve(const std::vector<double> &G, const std::vector<double> &h, int K,
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
            solvePassive(G, h, K, idx.data(), n, ridge, scratch.data(), z.data());
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

double NonNegativeFit::reduction(const std::vector<double> &G, const std::vector<double> &h, const std::vector<double> &x)
{
    const size_t K = x.size();
    double xh = 0.0, xGx = 0.0;
    for (size_t i = 0; i < K; ++i) {
        if (x[i] == 0.0)
            continue;
        xh += x[i] * h[i];
        for (size_t j = 0; j < K; ++j)
            xGx += x[i] * G[i * K + j] * x[j];
    }
    return 2.0 * xh - xGx;
}

} // namespace photopeak
