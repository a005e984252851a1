// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "images/SyntheticImageGenerator.h"

#include "images/ImageStack.h"
#include "io/h5/H5TableWriter.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace photopeak {

namespace {

double normalCdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

// Fraction of a unit Gaussian spot (centre c, width s) falling into the pixel [p - 0.5, p + 0.5].
double pixelShare(int p, double c, double s) { return normalCdf((p + 0.5 - c) / s) - normalCdf((p - 0.5 - c) / s); }

float poisson(std::mt19937_64 &rng, double mean)
{
    if (mean <= 0.0)
        return 0.0f;
    if (mean > 80.0) {
        std::normal_distribution<double> normal(mean, std::sqrt(mean));
        return static_cast<float>(std::max(0.0, std::round(normal(rng))));
    }
    std::poisson_distribution<int> d(mean);
    return static_cast<float>(d(rng));
}
} // namespace

QJsonObject SyntheticImageOptions::toJson() const
{
    return QJsonObject{
        {QStringLiteral("width"), width}, {QStringLiteral("height"), height}, {QStringLiteral("frames"), frames},
        {QStringLiteral("seed"), QString::number(seed)}, {QStringLiteral("spotsPerFrame"), spotsPerFrame},
        {QStringLiteral("minSnr"), minSnr}, {QStringLiteral("maxSnr"), maxSnr}, {QStringLiteral("minSigma"), minSigma},
        {QStringLiteral("maxSigma"), maxSigma}, {QStringLiteral("saturatedSpotsPerFrame"), saturatedSpotsPerFrame},
        {QStringLiteral("airScatter"), airScatter}, {QStringLiteral("waterRing"), waterRing},
        {QStringLiteral("baseline"), baseline}, {QStringLiteral("moduleSize"), moduleSize},
        {QStringLiteral("moduleGap"), moduleGap}, {QStringLiteral("beamStopRadius"), beamStopRadius},
        {QStringLiteral("hotPixels"), hotPixels}, {QStringLiteral("saturation"), saturation},
        {QStringLiteral("integerPixels"), integerPixels},
    };
}

SyntheticImageGenerator::SyntheticImageGenerator(SyntheticImageOptions options)
    : m_options(options), m_mask(options.width, options.height)
{
    const int w = m_options.width, h = m_options.height;
    // The beam a little off centre, as on real detectors.
    m_beamX = 0.5 * (w - 1) + 0.013 * w;
    m_beamY = 0.5 * (h - 1) - 0.021 * h;
    const double size = std::min(w, h);
    const double ringRadius = 0.33 * size, ringWidth = 0.035 * size;
    m_background.resize(static_cast<size_t>(w) * static_cast<size_t>(h));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const double r = std::hypot(x - m_beamX, y - m_beamY);
            const double air = m_options.airScatter / (1.0 + std::pow(r / (0.12 * size), 2.0));
            const double ring = m_options.waterRing * std::exp(-0.5 * std::pow((r - ringRadius) / ringWidth, 2.0));
            m_background[static_cast<size_t>(y) * w + x] = static_cast<float>(m_options.baseline + air + ring);
        }
    // Module gaps: rows and columns between modules.
    const int period = m_options.moduleSize + m_options.moduleGap;
    if (m_options.moduleSize > 0 && m_options.moduleGap > 0)
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                if (x % period >= m_options.moduleSize || y % period >= m_options.moduleSize)
                    m_mask.setBad(x, y);
    // Beam stop: a disc at the beam and its holder arm to the left edge.
    const int r0 = m_options.beamStopRadius;
    if (r0 > 0)
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const bool disc = std::hypot(x - m_beamX, y - m_beamY) <= r0;
                const bool arm = x <= m_beamX && std::abs(y - m_beamY) <= r0 / 3.0;
                if (disc || arm)
                    m_mask.setBad(x, y);
            }
}

ImageFrame SyntheticImageGenerator::frame(int index, std::vector<SyntheticSpot> *truth) const
{
    const SyntheticImageOptions &o = m_options;
    const int w = o.width, h = o.height;
    std::mt19937_64 rng(o.seed * 1000003ULL + static_cast<quint64>(index) * 7919ULL + 17ULL);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const double scale = 0.9 + 0.2 * unit(rng);  // beam intensity varies from shot to shot
    std::vector<double> expected(m_background.size());
    for (size_t i = 0; i < expected.size(); ++i)
        expected[i] = scale * m_background[i];

    // Spots away from masked pixels and the border, and apart from each other.
    std::vector<SyntheticSpot> spots;
    const int total = o.spotsPerFrame + o.saturatedSpotsPerFrame;
    const int margin = 4, minSeparation = 14;
    for (int attempt = 0; static_cast<int>(spots.size()) < total && attempt < total * 200; ++attempt) {
        SyntheticSpot s;
        s.frame = index;
        s.x = margin + unit(rng) * (w - 1 - 2 * margin);
        s.y = margin + unit(rng) * (h - 1 - 2 * margin);
        const int cx = static_cast<int>(std::lround(s.x)), cy = static_cast<int>(std::lround(s.y));
        bool clear = true;
        for (int dy = -margin; dy <= margin && clear; ++dy)
            for (int dx = -margin; dx <= margin && clear; ++dx)
                clear = m_mask.isGood(cx + dx, cy + dy);
        for (const SyntheticSpot &other : spots)
            clear = clear && std::hypot(other.x - s.x, other.y - s.y) >= minSeparation;
        if (!clear)
            continue;
        s.sigma = o.minSigma + unit(rng) * (o.maxSigma - o.minSigma);
        const double bg = expected[static_cast<size_t>(cy) * w + cx];
        // Brightest pixel's share of the spot.
        double best = 0.0;
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx)
                best = std::max(best, pixelShare(cx + dx, s.x, s.sigma) * pixelShare(cy + dy, s.y, s.sigma));
        const bool saturate = static_cast<int>(spots.size()) >= o.spotsPerFrame;
        double peak;
        if (saturate)
            peak = o.saturation * (1.5 + 3.0 * unit(rng));
        else
            peak = std::sqrt(bg) * o.minSnr * std::pow(o.maxSnr / o.minSnr, unit(rng));
        s.intensity = peak / best;
        s.snr = peak / std::sqrt(bg);
        s.saturated = peak + bg >= o.saturation;
        const int reach = static_cast<int>(std::ceil(5.0 * s.sigma)) + 1;
        for (int y = std::max(0, cy - reach); y <= std::min(h - 1, cy + reach); ++y) {
            const double fy = pixelShare(y, s.y, s.sigma);
            for (int x = std::max(0, cx - reach); x <= std::min(w - 1, cx + reach); ++x)
                expected[static_cast<size_t>(y) * w + x] += s.intensity * fy * pixelShare(x, s.x, s.sigma);
        }
        spots.push_back(s);
    }

    ImageFrame f(w, h);
    f.index = index;
    for (size_t i = 0; i < expected.size(); ++i)
        f.pixels[i] = std::min(static_cast<float>(o.saturation), poisson(rng, expected[i]));
    for (int k = 0; k < o.hotPixels; ++k) {
        const int x = static_cast<int>(unit(rng) * w), y = static_cast<int>(unit(rng) * h);
        if (m_mask.isGood(x, y))
            f.at(x, y) = static_cast<float>(std::round(o.saturation * (0.3 + 0.7 * unit(rng))));
    }
    // Gaps read zero; the beam stop's shadow a little scatter.
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            if (!m_mask.isGood(x, y))
                f.at(x, y) = std::hypot(x - m_beamX, y - m_beamY) <= o.beamStopRadius + 1 ? poisson(rng, 2.0) : 0.0f;
    if (truth)
        truth->insert(truth->end(), spots.begin(), spots.end());
    return f;
}

Status SyntheticImageGenerator::write(const QString &path) const
{
    const SyntheticImageOptions &o = m_options;
    const size_t framePixels = static_cast<size_t>(o.width) * static_cast<size_t>(o.height);
    std::vector<double> pixels;
    pixels.reserve(framePixels * static_cast<size_t>(o.frames));
    std::vector<SyntheticSpot> truth;
    for (int i = 0; i < o.frames; ++i) {
        const ImageFrame f = frame(i, &truth);
        pixels.insert(pixels.end(), f.pixels.begin(), f.pixels.end());
    }
    std::vector<double> mask(framePixels);
    for (size_t i = 0; i < framePixels; ++i)
        mask[i] = m_mask.good[i] ? 0.0 : 1.0;
    std::vector<double> tf, tx, ty, ts, ti, tsnr, tsat;
    for (const SyntheticSpot &s : truth) {
        tf.push_back(s.frame);
        tx.push_back(s.x);
        ty.push_back(s.y);
        ts.push_back(s.sigma);
        ti.push_back(s.intensity);
        tsnr.push_back(s.snr);
        tsat.push_back(s.saturated ? 1.0 : 0.0);
    }
    const qint64 n = static_cast<qint64>(truth.size());
    H5TableWriter writer(path);
    using T = H5TableWriter::NumberType;
    for (Status s : {writer.addNumbers(QStringLiteral("/entry/data/data"), {o.frames, o.height, o.width}, pixels,
                                       o.integerPixels ? T::Int32 : T::Float32),
                     writer.addNumbers(QStringLiteral("/entry/instrument/detector/pixel_mask"), {o.height, o.width}, mask, T::Int32),
                     writer.addNumbers(QStringLiteral("/entry/instrument/detector/beam_center_x"), {}, {m_beamX}),
                     writer.addNumbers(QStringLiteral("/entry/instrument/detector/beam_center_y"), {}, {m_beamY}),
                     writer.addNumbers(QStringLiteral("/entry/instrument/detector/saturation_value"), {}, {o.saturation}),
                     writer.addNumbers(QStringLiteral("/entry/truth/frame"), {n}, tf, T::Int32),
                     writer.addNumbers(QStringLiteral("/entry/truth/x"), {n}, tx),
                     writer.addNumbers(QStringLiteral("/entry/truth/y"), {n}, ty),
                     writer.addNumbers(QStringLiteral("/entry/truth/sigma"), {n}, ts),
                     writer.addNumbers(QStringLiteral("/entry/truth/intensity"), {n}, ti),
                     writer.addNumbers(QStringLiteral("/entry/truth/snr"), {n}, tsnr),
                     writer.addNumbers(QStringLiteral("/entry/truth/saturated"), {n}, tsat, T::Int32),
                     writer.addAttribute(QStringLiteral("/"), QStringLiteral("generator"),
                                         QStringLiteral("photopeak-cli images synth %1").arg(QStringLiteral(PHOTOPEAK_VERSION))),
                     writer.addAttribute(QStringLiteral("/"), QStringLiteral("licence"),
                                         QStringLiteral("CC0-1.0: synthetic frames generated by Photopeak, no measured data")),
                     writer.addAttribute(QStringLiteral("/entry/truth"), QStringLiteral("coordinates"),
                                         QStringLiteral("pixel centres at integer x (fast scan) and y (slow scan)"))})
        if (!s)
            return s;
    return writer.commit();
}

Result<std::vector<SyntheticSpot>> SyntheticImageGenerator::readTruth(const QString &path)
{
    QStringList names;
    for (const char *n : {"frame", "x", "y", "sigma", "intensity", "snr", "saturated"})
        names << QStringLiteral("/entry/truth/") + QLatin1String(n);
    auto columns = ImageStack::readColumns(path, names);
    if (!columns)
        return makeError(path, QStringLiteral("has no ground truth (%1)").arg(columns.error().message));
    const auto &c = *columns;
    std::vector<SyntheticSpot> out(c.front().size());
    for (size_t i = 0; i < out.size(); ++i) {
        out[i].frame = static_cast<int>(c[0][i]);
        out[i].x = c[1][i];
        out[i].y = c[2][i];
        out[i].sigma = c[3][i];
        out[i].intensity = c[4][i];
        out[i].snr = c[5][i];
        out[i].saturated = c[6][i] != 0.0;
    }
    return out;
}

} // namespace photopeak
