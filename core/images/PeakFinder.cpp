// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "images/PeakFinder.h"

#include <algorithm>
#include <cmath>

namespace photopeak {

namespace {
constexpr float Inf = std::numeric_limits<float>::infinity();
constexpr int MinBinSamples = 6;

// Appends the indices of pixels above their bin's threshold. Blocks of 32 pixels are tested first by a
// branch-free reduction (vectorised, with gathers on CPUs that have AVX2); only blocks with a hit are scanned.
__attribute__((target_clones("arch=x86-64-v3", "default"))) void scanAbove(const float *p, const std::uint16_t *bin,
                                                                            const float *thr, size_t n,
                                                                            std::vector<int> &seeds)
{
    constexpr size_t Block = 32;
    size_t i = 0;
    for (; i + Block <= n; i += Block) {
        int any = 0;
        for (size_t k = 0; k < Block; ++k)
            any |= p[i + k] > thr[bin[i + k]];
        if (any)
            for (size_t k = 0; k < Block; ++k)
                if (p[i + k] > thr[bin[i + k]])
                    seeds.push_back(static_cast<int>(i + k));
    }
    for (; i < n; ++i)
        if (p[i] > thr[bin[i]])
            seeds.push_back(static_cast<int>(i));
}

// Sums of value, value^2 and count of the sampled pixels below the clip limit of their bin, one row.
// Neighbouring pixels share their bin: runs of one bin are summed in registers and stored once.
void accumulateRow(const float *row, const std::uint16_t *brow, int width, int step, const float *clip, double *sum,
                   double *sum2, int *count)
{
    int b = brow[0];
    float limit = clip[b];
    double s = 0.0, s2 = 0.0;
    int c = 0;
    for (int x = 0; x < width; x += step) {
        if (brow[x] != b) {
            sum[b] += s;
            sum2[b] += s2;
            count[b] += c;
            s = s2 = 0.0;
            c = 0;
            b = brow[x];
            limit = clip[b];
        }
        const float v = row[x];
        const bool keep = v < limit;  // false for NaN
        const double kv = keep ? double(v) : 0.0;
        s += kv;
        s2 += kv * kv;
        c += keep;
    }
    sum[b] += s;
    sum2[b] += s2;
    count[b] += c;
}
} // namespace

QJsonObject PeakFinderOptions::toJson() const
{
    QJsonObject o{
        {QStringLiteral("pixelSnr"), pixelSnr}, {QStringLiteral("minSnr"), minSnr},
        {QStringLiteral("minBoxSnr"), minBoxSnr}, {QStringLiteral("adcThreshold"), adcThreshold},
        {QStringLiteral("minPixels"), minPixels}, {QStringLiteral("maxPixels"), maxPixels},
        {QStringLiteral("radialBinWidth"), radialBinWidth}, {QStringLiteral("clipIterations"), clipIterations},
        {QStringLiteral("clipSnr"), clipSnr}, {QStringLiteral("sampleStep"), sampleStep},
        {QStringLiteral("localBgInner"), localBgInner}, {QStringLiteral("localBgOuter"), localBgOuter},
        {QStringLiteral("border"), border},
    };
    if (std::isfinite(centerX) && std::isfinite(centerY)) {
        o[QStringLiteral("centerX")] = centerX;
        o[QStringLiteral("centerY")] = centerY;
    }
    return o;
}

Result<PeakFinderOptions> PeakFinderOptions::fromJson(const QJsonObject &o, const QString &source)
{
    PeakFinderOptions p;
    auto num = [&](const char *key, double fallback) { return o.value(QLatin1String(key)).toDouble(fallback); };
    auto integer = [&](const char *key, int fallback) { return o.value(QLatin1String(key)).toInt(fallback); };
    p.pixelSnr = num("pixelSnr", p.pixelSnr);
    p.minSnr = num("minSnr", p.minSnr);
    p.minBoxSnr = num("minBoxSnr", p.minBoxSnr);
    p.adcThreshold = num("adcThreshold", p.adcThreshold);
    p.minPixels = integer("minPixels", p.minPixels);
    p.maxPixels = integer("maxPixels", p.maxPixels);
    p.radialBinWidth = num("radialBinWidth", p.radialBinWidth);
    p.clipIterations = integer("clipIterations", p.clipIterations);
    p.clipSnr = num("clipSnr", p.clipSnr);
    p.sampleStep = integer("sampleStep", p.sampleStep);
    p.localBgInner = integer("localBgInner", p.localBgInner);
    p.localBgOuter = integer("localBgOuter", p.localBgOuter);
    p.border = integer("border", p.border);
    p.centerX = num("centerX", p.centerX);
    p.centerY = num("centerY", p.centerY);
    if (!(p.pixelSnr > 0) || !(p.minSnr >= 0) || p.minPixels < 1 || p.maxPixels < p.minPixels || !(p.radialBinWidth > 0)
        || p.sampleStep < 1 || p.localBgInner < 1 || p.localBgOuter <= p.localBgInner || p.border < 0 || p.clipIterations < 1)
        return makeError(source, QStringLiteral("peak finder options out of range (need pixelSnr > 0, 1 <= minPixels <= maxPixels, "
                                                "radialBinWidth > 0, sampleStep >= 1, 1 <= localBgInner < localBgOuter, "
                                                "border >= 0, clipIterations >= 1)"));
    return p;
}

PeakFinder::PeakFinder(PeakFinderOptions options) : m_options(options) {}

void PeakFinder::setGeometry(int width, int height, const PixelMask &mask)
{
    m_width = width;
    m_height = height;
    const double cx = std::isfinite(m_options.centerX) ? m_options.centerX : 0.5 * (width - 1);
    const double cy = std::isfinite(m_options.centerY) ? m_options.centerY : 0.5 * (height - 1);
    double maxR = 0.0;
    for (double x : {0.0, width - 1.0})
        for (double y : {0.0, height - 1.0})
            maxR = std::max(maxR, std::hypot(x - cx, y - cy));
    // Bins must fit 16 bits (one value is the masked bin).
    const double binWidth = std::max(m_options.radialBinWidth, (maxR + 1.0) / 65000.0);
    m_bins = static_cast<int>(maxR / binWidth) + 1;
    const size_t n = static_cast<size_t>(width) * static_cast<size_t>(height);
    m_bin.assign(n, 0);
    const bool useMask = mask.width == width && mask.height == height && !mask.isEmpty();
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const size_t i = static_cast<size_t>(y) * width + x;
            m_bin[i] = useMask && !mask.good[i] ? static_cast<std::uint16_t>(m_bins)
                                                : static_cast<std::uint16_t>(std::hypot(x - cx, y - cy) / binWidth);
        }
    const int step = m_options.sampleStep;
    m_sampleRowLength = (width + step - 1) / step;
    m_sampleBin.clear();
    for (int y = 0; y < height; y += step)
        for (int x = 0; x < width; x += step)
            m_sampleBin.push_back(m_bin[static_cast<size_t>(y) * width + x]);
    m_sampleValue.resize(m_sampleBin.size());
    m_mean.assign(m_bins + 1, 0.0f);
    m_sigma.assign(m_bins + 1, 0.0f);
    m_threshold.assign(m_bins + 1, Inf);
    m_visited.assign(n, 0);
    m_stamp = 0;
}

int PeakFinder::binOf(int x, int y) const { return m_bin[static_cast<size_t>(y) * m_width + x]; }

void PeakFinder::radialStatistics(const ImageFrame &frame)
{
    const int bins = m_bins;
    std::vector<float> clip(bins + 1, Inf);
    clip[bins] = -Inf;  // masked pixels never enter the statistics
    std::vector<double> sum(bins + 1), sum2(bins + 1);
    std::vector<int> count(bins + 1);
    const int step = m_options.sampleStep;
    const float *p = frame.pixels.data();
    {
        float *v = m_sampleValue.data();
        for (int y = 0; y < m_height; y += step) {
            const float *row = p + static_cast<size_t>(y) * m_width;
            for (int x = 0; x < m_width; x += step)
                *v++ = row[x];
        }
    }
    const int rows = m_sampleRowLength > 0 ? static_cast<int>(m_sampleValue.size() / m_sampleRowLength) : 0;
    for (int it = 0; it < m_options.clipIterations; ++it) {
        std::fill(sum.begin(), sum.end(), 0.0);
        std::fill(sum2.begin(), sum2.end(), 0.0);
        std::fill(count.begin(), count.end(), 0);
        for (int r = 0; r < rows; ++r)
            accumulateRow(m_sampleValue.data() + static_cast<size_t>(r) * m_sampleRowLength,
                          m_sampleBin.data() + static_cast<size_t>(r) * m_sampleRowLength, m_sampleRowLength, 1,
                          clip.data(), sum.data(), sum2.data(), count.data());
        for (int b = 0; b < bins; ++b) {
            if (count[b] < MinBinSamples) {
                m_mean[b] = std::numeric_limits<float>::quiet_NaN();
                continue;
            }
            const double mean = sum[b] / count[b];
            const double var = std::max(0.0, sum2[b] / count[b] - mean * mean);
            m_mean[b] = static_cast<float>(mean);
            m_sigma[b] = static_cast<float>(std::max(std::sqrt(var), 1e-6));
            clip[b] = static_cast<float>(mean + m_options.clipSnr * m_sigma[b]);
        }
    }
    // Bins with too few usable pixels borrow the statistics of the nearest bin that has them.
    int last = -1;
    for (int b = 0; b < bins; ++b) {
        if (!std::isnan(m_mean[b])) {
            for (int k = last + 1; k < b; ++k) {
                const int from = last < 0 || (b - k) < (k - last) ? b : last;
                m_mean[k] = m_mean[from];
                m_sigma[k] = m_sigma[from];
            }
            last = b;
        }
    }
    for (int k = last + 1; k < bins; ++k) {
        m_mean[k] = last >= 0 ? m_mean[last] : 0.0f;
        m_sigma[k] = last >= 0 ? m_sigma[last] : 1.0f;
    }
    for (int b = 0; b < bins; ++b)
        m_threshold[b] = static_cast<float>(m_mean[b] + m_options.pixelSnr * m_sigma[b]);
    m_threshold[bins] = Inf;
}

std::vector<BraggCandidate> PeakFinder::find(const ImageFrame &frame)
{
    if (frame.width != m_width || frame.height != m_height || m_bin.empty())
        setGeometry(frame.width, frame.height);
    std::vector<BraggCandidate> out;
    if (frame.pixels.size() != m_bin.size())
        return out;
    radialStatistics(frame);
    if (++m_stamp == 0) {
        std::fill(m_visited.begin(), m_visited.end(), 0u);
        m_stamp = 1;
    }
    const float *p = frame.pixels.data();
    const float *thr = m_threshold.data();
    const std::uint16_t *bin = m_bin.data();
    const int w = m_width, h = m_height;
    const size_t n = m_bin.size();
    std::vector<int> seeds, stack, region;
    scanAbove(p, bin, thr, n, seeds);
    for (const int i : seeds) {
        if (m_visited[i] == m_stamp)
            continue;
        // 8-connected region of pixels above their radial threshold; never across the frame edges.
        region.clear();
        stack.clear();
        stack.push_back(static_cast<int>(i));
        m_visited[i] = m_stamp;
        bool nearMask = false;
        while (!stack.empty()) {
            const int k = stack.back();
            stack.pop_back();
            region.push_back(k);
            const int x = k % w, y = k / w;
            for (int dy = -1; dy <= 1; ++dy) {
                const int yy = y + dy;
                if (yy < 0 || yy >= h) {
                    nearMask = true;
                    continue;
                }
                for (int dx = -1; dx <= 1; ++dx) {
                    const int xx = x + dx;
                    if (xx < 0 || xx >= w) {
                        nearMask = true;
                        continue;
                    }
                    const int j = yy * w + xx;
                    if (bin[j] == m_bins)
                        nearMask = true;
                    else if (m_visited[j] != m_stamp && p[j] > thr[bin[j]]) {
                        m_visited[j] = m_stamp;
                        stack.push_back(j);
                    }
                }
            }
        }
        BraggCandidate c;
        c.frame = frame.index;
        c.nearMask = nearMask;
        if (measure(frame, region, c))
            out.push_back(c);
    }
    return out;
}

bool PeakFinder::measure(const ImageFrame &frame, std::vector<int> &region, BraggCandidate &c) const
{
    const PeakFinderOptions &o = m_options;
    const int count = static_cast<int>(region.size());
    if (count < o.minPixels || count > o.maxPixels)
        return false;
    const float *p = frame.pixels.data();
    const int w = m_width, h = m_height;
    int top = region.front();
    for (int k : region)
        if (p[k] > p[top] || (p[k] == p[top] && k < top))
            top = k;
    const int px = top % w, py = top / w;
    if (px < o.border || py < o.border || px >= w - o.border || py >= h - o.border)
        return false;

    // Cheap tests on the radial statistics first (most noise regions end here); the local background below
    // decides for the rest.
    const int b = m_bin[top];
    const double radialNoise = m_sigma[b];
    if ((p[top] - m_mean[b]) < o.minSnr * radialNoise * 0.8)
        return false;
    double boxRaw = 0.0;
    int boxN = 0;
    for (int y = std::max(0, py - 1); y <= std::min(h - 1, py + 1); ++y)
        for (int x = std::max(0, px - 1); x <= std::min(w - 1, px + 1); ++x) {
            const int j = y * w + x;
            if (m_bin[j] != m_bins && std::isfinite(p[j])) {
                boxRaw += p[j];
                ++boxN;
            }
        }
    if ((boxRaw - boxN * m_mean[b]) < o.minBoxSnr * radialNoise * std::sqrt(double(std::max(boxN, 1))) * 0.8)
        return false;

    // Local background: usable pixels below their threshold in a square annulus around the peak.
    double sum = 0.0, sum2 = 0.0;
    int n = 0;
    const int r1 = o.localBgInner, r2 = o.localBgOuter;
    for (int y = std::max(0, py - r2); y <= std::min(h - 1, py + r2); ++y) {
        const int ady = std::abs(y - py);
        for (int x = std::max(0, px - r2); x <= std::min(w - 1, px + r2); ++x) {
            if (std::max(ady, std::abs(x - px)) < r1)
                continue;
            const int j = y * w + x;
            const float v = p[j];
            if (v < m_threshold[m_bin[j]]) {  // false for NaN and for pixels above threshold
                if (m_bin[j] == m_bins)
                    continue;
                sum += v;
                sum2 += double(v) * v;
                ++n;
            }
        }
    }
    double bg = m_mean[b], noise = m_sigma[b];
    if (n >= 8) {
        bg = sum / n;
        noise = std::max(std::sqrt(std::max(0.0, sum2 / n - bg * bg)), 0.5 * m_sigma[b]);
    }
    const double peak = p[top] - bg;
    c.background = bg;
    c.noise = noise;
    c.maxIntensity = peak;
    c.snr = peak / noise;
    c.peakX = px;
    c.peakY = py;
    c.pixels = count;
    if (c.snr < o.minSnr || peak < o.adcThreshold)
        return false;

    c.boxSnr = (boxRaw - boxN * bg) / (noise * std::sqrt(double(std::max(boxN, 1))));
    if (c.boxSnr < o.minBoxSnr)
        return false;

    double total = 0.0, weight = 0.0, sx = 0.0, sy = 0.0;
    for (int k : region) {
        const double v = p[k] - bg;
        total += v;
        const double wk = std::max(v, 0.0);
        weight += wk;
        sx += wk * (k % w);
        sy += wk * (k / w);
    }
    c.integrated = total;
    c.x = weight > 0 ? sx / weight : px;
    c.y = weight > 0 ? sy / weight : py;
    double mxx = 0.0, myy = 0.0, mxy = 0.0;
    for (int k : region) {
        const double wk = std::max(p[k] - bg, 0.0);
        const double dx = (k % w) - c.x, dy = (k / w) - c.y;
        mxx += wk * dx * dx;
        myy += wk * dy * dy;
        mxy += wk * dx * dy;
    }
    if (weight > 0) {
        c.mxx = mxx / weight;
        c.myy = myy / weight;
        c.mxy = mxy / weight;
    }
    return true;
}

} // namespace photopeak
