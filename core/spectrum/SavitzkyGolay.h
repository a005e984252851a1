// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <vector>

namespace photopeak {

// Savitzky-Golay smoothing (least-squares polynomial of `order` over an odd `window`), edges handled by
// repeating the first and last value (scipy's mode='nearest'). Window 5, order 2 gives (-3,12,17,12,-3)/35.
class SavitzkyGolay {
public:
    SavitzkyGolay(int window = 5, int order = 2);

    int window() const { return static_cast<int>(m_kernel.size()); }
    const std::vector<double> &kernel() const { return m_kernel; }
    bool isValid() const { return !m_kernel.empty(); }

    // out and in may not alias; both hold n values. `scale` multiplies the result (e.g. 1 / live time).
    void apply(const double *in, double *out, int n, double scale = 1.0) const;
    std::vector<double> apply(const std::vector<double> &in) const;

private:
    std::vector<double> m_kernel;
};

} // namespace photopeak
