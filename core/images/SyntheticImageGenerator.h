// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "images/ImageFrame.h"
#include "images/PixelMask.h"
#include "images/SyntheticSpot.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace photopeak {

struct SyntheticImageOptions {
    int width = 1024;
    int height = 1024;
    int frames = 8;
    quint64 seed = 1;
    int spotsPerFrame = 60;
    double minSnr = 1.5;      // spot peak SNR drawn log-uniformly between these
    double maxSnr = 2000.0;
    double minSigma = 0.8;    // spot width in pixels, uniform
    double maxSigma = 1.6;
    int saturatedSpotsPerFrame = 2;
    double airScatter = 40.0; // photons per pixel at the beam, falling off with radius
    double waterRing = 30.0;  // photons per pixel on the water ring
    double baseline = 6.0;    // flat background (photons per pixel)
    int moduleSize = 256;     // detector modules of this many pixels, separated by gaps
    int moduleGap = 6;
    int beamStopRadius = 24;
    int hotPixels = 20;       // single pixels near saturation, not masked
    double saturation = 60000.0;
    bool integerPixels = false;  // int32 instead of float32 in the file

    QJsonObject toJson() const;
};

// Detector frames with known Bragg spots for tests, the demo and benchmarks: 2-D Gaussian spots over a wide
// intensity range (some near the noise, a few saturated), air scatter and a water ring, Poisson noise, module
// gaps and a beam stop (masked), hot pixels (not masked). Seeded: the same options give the same frames.
class SyntheticImageGenerator {
public:
    explicit SyntheticImageGenerator(SyntheticImageOptions options);

    const SyntheticImageOptions &options() const { return m_options; }
    const PixelMask &mask() const { return m_mask; }
    double beamX() const { return m_beamX; }
    double beamY() const { return m_beamY; }

    // Frame `index` and its spots (appended to `truth`).
    ImageFrame frame(int index, std::vector<SyntheticSpot> *truth) const;

    // Writes a NeXus-style stack: /entry/data/data [N, H, W], /entry/instrument/detector/pixel_mask (nonzero =
    // bad), beam_center_x/_y, and the truth in /entry/truth (frame, x, y, sigma, intensity, snr, saturated).
    Status write(const QString &path) const;

    // Reads the truth a written stack carries; an error if the file has none.
    static Result<std::vector<SyntheticSpot>> readTruth(const QString &path);

private:
    SyntheticImageOptions m_options;
    PixelMask m_mask;
    std::vector<float> m_background;  // expected background per pixel before the per-frame scale
    double m_beamX = 0.0, m_beamY = 0.0;
};

} // namespace photopeak
