#include "features/NonNegativeFit.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <limits>

namespace photopeak {

std::vector<double> NonNegativeFit::solve(const std::vector<double> &G, const std::vector<double> &h, int K,
                                          const std::vector<char> &allowed)
{
    std::vector<double> x(static_cast<size_t>(K), 0.0);
    std::vector<char> passive(static_cast<size_t>(K), 0);
    double trace = 0.0;
    for (int i = 0; i < K; ++i)
        trace += G[static_cast<size_t>(i * K + i)];
    const double ridge = 1e-12 * std::max(trace, 1e-300);
    const double tol = 1e-12 * std::max(1.0, *std::max_element(h.begin(), h.end(), [](double a, double b) {
        return std::abs(a) < std::abs(b);
    }));
    auto gradient = [&](int j) {
        double g = h[static_cast<size_t>(j)];
        for (int k = 0; k < K; ++k)
            g -= G[static_cast<size_t>(j * K + k)] * x[static_cast<size_t>(k)];
        return g;
    };
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
        for (int inner = 0; inner < 3 * K + 10; ++inner) {
            std::vector<int> idx;
            for (int j = 0; j < K; ++j)
                if (passive[static_cast<size_t>(j)])
                    idx.push_back(j);
            const int n = static_cast<int>(idx.size());
            Eigen::MatrixXd Gp(n, n);
            Eigen::VectorXd hp(n);
            for (int a = 0; a < n; ++a) {
                hp(a) = h[static_cast<size_t>(idx[a])];
                for (int b = 0; b < n; ++b)
                    Gp(a, b) = G[static_cast<size_t>(idx[a] * K + idx[b])] + (a == b ? ridge : 0.0);
            }
            const Eigen::VectorXd z = Gp.ldlt().solve(hp);
            bool allPositive = true;
            for (int a = 0; a < n; ++a)
                allPositive = allPositive && z(a) > 0.0;
            if (allPositive) {
                for (int a = 0; a < n; ++a)
                    x[static_cast<size_t>(idx[a])] = z(a);
                break;
            }
            double alpha = std::numeric_limits<double>::infinity();
            for (int a = 0; a < n; ++a)
                if (z(a) <= 0.0) {
                    const double xi = x[static_cast<size_t>(idx[a])];
                    alpha = std::min(alpha, xi / (xi - z(a)));
                }
            if (!std::isfinite(alpha))
                alpha = 0.0;
            for (int a = 0; a < n; ++a) {
                double &xi = x[static_cast<size_t>(idx[a])];
                xi += alpha * (z(a) - xi);
                if (xi <= 1e-15 * std::max(1.0, std::abs(z(a)))) {
                    xi = 0.0;
                    passive[static_cast<size_t>(idx[a])] = 0;
                }
            }
        }
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
