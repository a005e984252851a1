// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "spectrum/SavitzkyGolay.h"

#include <Eigen/Dense>

#include <algorithm>

namespace photopeak {

SavitzkyGolay::SavitzkyGolay(int window, int order)
{
    if (window < 1 || window % 2 == 0 || order < 0 || order >= window)
        return;
    const int half = window / 2;
    // Smoothed value = first row of the pseudo-inverse of the Vandermonde matrix over the window.
    Eigen::MatrixXd A(window, order + 1);
    for (int r = 0; r < window; ++r) {
        double x = 1.0;
        for (int c = 0; c <= order; ++c, x *= (r - half))
            A(r, c) = x;
    }
    const Eigen::MatrixXd pinv = A.completeOrthogonalDecomposition().pseudoInverse();
    m_kernel.resize(static_cast<size_t>(window));
    for (int r = 0; r < window; ++r)
        m_kernel[static_cast<size_t>(r)] = pinv(0, r);
}

void SavitzkyGolay::apply(const double *in, double *out, int n, double scale) const
{
    const int w = window(), half = w / 2;
    if (n <= 0 || w == 0)
        return;
    auto at = [in, n](int i) { return in[std::clamp(i, 0, n - 1)]; };
    const int safeLo = std::min(half, n), safeHi = std::max(safeLo, n - half);
    for (int i = 0; i < safeLo; ++i) {
        double s = 0.0;
        for (int k = 0; k < w; ++k)
            s += m_kernel[static_cast<size_t>(k)] * at(i + k - half);
        out[i] = s * scale;
    }
    const double *kern = m_kernel.data();
    if (w == 5) {
        // The XGD default; unrolled because it runs once per bin of every spectrum.
        const double k0 = kern[0] * scale, k1 = kern[1] * scale, k2 = kern[2] * scale, k3 = kern[3] * scale,
                     k4 = kern[4] * scale;
        for (int i = safeLo; i < safeHi; ++i) {
            const double *p = in + i - 2;
            out[i] = k0 * p[0] + k1 * p[1] + k2 * p[2] + k3 * p[3] + k4 * p[4];
        }
    } else {
        for (int i = safeLo; i < safeHi; ++i) {
            const double *p = in + i - half;
            double s = 0.0;
            for (int k = 0; k < w; ++k)
                s += kern[k] * p[k];
            out[i] = s * scale;
        }
    }
    for (int i = safeHi; i < n; ++i) {
        double s = 0.0;
        for (int k = 0; k < w; ++k)
            s += m_kernel[static_cast<size_t>(k)] * at(i + k - half);
        out[i] = s * scale;
    }
}

std::vector<double> SavitzkyGolay::apply(const std::vector<double> &in) const
{
    std::vector<double> out(in.size());
    apply(in.data(), out.data(), static_cast<int>(in.size()));
    return out;
}

} // namespace photopeak
