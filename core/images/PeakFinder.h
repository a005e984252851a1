// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "images/ImageFrame.h"
#include "images/BraggCandidate.h"
#include "images/PixelMask.h"
#include "util/Result.h"

#include <QJsonObject>

#include <cstdint>
#include <limits>
#include <vector>

namespace photopeak {

struct PeakFinderOptions {
    double pixelSnr = 3.0;       // a pixel joins a candidate above radial mean + pixelSnr * radial sigma
    double minSnr = 3.5;         // candidate kept if its brightest pixel is minSnr local sigmas above the background,
    double minBoxSnr = 3.0;      // the 3 x 3 pixels around it sum to minBoxSnr sigmas of that sum,
    double adcThreshold = 0.0;   // and the brightest pixel is at least this far above the background (detector units)
    int minPixels = 1;
    int maxPixels = 400;
    double radialBinWidth = 2.0; // pixels
    int clipIterations = 3;      // sigma clipping of the radial statistics
    double clipSnr = 3.0;
    int sampleStep = 4;          // radial statistics from every n-th row and column
    int localBgInner = 4;        // local background: square annulus of these half-widths around the peak
    int localBgOuter = 7;
    int border = 2;              // candidates whose brightest pixel is closer to the frame edge are dropped
    double centerX = std::numeric_limits<double>::quiet_NaN();  // beam centre; NaN = frame centre
    double centerY = std::numeric_limits<double>::quiet_NaN();

    QJsonObject toJson() const;
    static Result<PeakFinderOptions> fromJson(const QJsonObject &json, const QString &source);
};

// Bragg-peak candidates in the spirit of peakfinder8 (Cheetah, OnDA, CrystFEL): per-frame radial (annulus)
// background and noise by sigma clipping, pixels above the radial threshold grouped into 8-connected
// regions, each kept if its size is within limits and its brightest pixel stands minSnr local sigmas above
// a local annular background. Masked pixels never join a region nor the background; neighbours are never
// taken across the frame edges. The geometry (radial bins, mask) is prepared once per detector and reused.
// One finder per thread.
class PeakFinder {
public:
    explicit PeakFinder(PeakFinderOptions options = {});

    const PeakFinderOptions &options() const { return m_options; }
    // Detector size and mask (empty = all usable). find() calls it itself when the frame size changes.
    void setGeometry(int width, int height, const PixelMask &mask = {});

    std::vector<BraggCandidate> find(const ImageFrame &frame);

    // Radial statistics of the last frame: mean and sigma per bin (for views and tests).
    const std::vector<float> &radialMean() const { return m_mean; }
    const std::vector<float> &radialSigma() const { return m_sigma; }
    int binOf(int x, int y) const;

private:
    void radialStatistics(const ImageFrame &frame);
    bool measure(const ImageFrame &frame, std::vector<int> &region, BraggCandidate &c) const;

    PeakFinderOptions m_options;
    int m_width = 0, m_height = 0;
    int m_bins = 0;
    std::vector<std::uint16_t> m_bin;  // radial bin per pixel; m_bins (one past the last) for masked pixels
    // The pixels the radial statistics sample (every sampleStep-th row and column), row by row: their bins
    // (geometry) and, per frame, their values, gathered once so that the clipping passes run in cache.
    std::vector<std::uint16_t> m_sampleBin;
    std::vector<float> m_sampleValue;
    int m_sampleRowLength = 0;
    std::vector<float> m_mean, m_sigma, m_threshold;  // per bin; the extra last bin has an infinite threshold
    std::vector<std::uint32_t> m_visited;             // frame stamp per pixel
    std::uint32_t m_stamp = 0;
};

} // namespace photopeak
