// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/HitFeatureExtractor.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

namespace photopeak {

struct HitFeatureExtractor::Scratch {
    std::vector<quint8> box;  // the component on its bounding box with a one-pixel margin
    std::vector<int> erase;
    std::vector<std::pair<int, int>> corners;
    std::vector<int> rowMin, rowMax;
};

namespace {
constexpr double kPi = 3.14159265358979323846;

double cross(long long ox, long long oy, long long ax, long long ay, long long bx, long long by)
{
    return double((ax - ox) * (by - oy) - (ay - oy) * (bx - ox));
}

// Area of the convex hull of points (Andrew's monotone chain, then the shoelace formula).
double hullArea(std::vector<std::pair<int, int>> &pts)
{
    std::sort(pts.begin(), pts.end());
    pts.erase(std::unique(pts.begin(), pts.end()), pts.end());
    const size_t n = pts.size();
    if (n < 3)
        return 0.0;
    std::vector<std::pair<int, int>> h(2 * n);
    size_t k = 0;
    for (size_t i = 0; i < n; ++i) {
        while (k >= 2 && cross(h[k - 2].first, h[k - 2].second, h[k - 1].first, h[k - 1].second, pts[i].first, pts[i].second) <= 0)
            --k;
        h[k++] = pts[i];
    }
    for (size_t i = n - 1, t = k + 1; i > 0; --i) {
        while (k >= t && cross(h[k - 2].first, h[k - 2].second, h[k - 1].first, h[k - 1].second, pts[i - 1].first, pts[i - 1].second) <= 0)
            --k;
        h[k++] = pts[i - 1];
    }
    double a = 0.0;
    for (size_t i = 0; i + 1 < k; ++i)
        a += double(h[i].first) * h[i + 1].second - double(h[i + 1].first) * h[i].second;
    return std::abs(a) * 0.5;
}

// Guo-Hall thinning to a one-pixel-wide 8-connected skeleton; returns its pixel count. Not dlib::skeleton:
// that is Zhang-Suen, which erases two-pixel-wide diagonal lines (a common track shape) down to 2 pixels.
int thin(std::vector<quint8> &im, int w, int h, std::vector<int> &erase)
{
    bool changed = true;
    while (changed) {
        changed = false;
        for (int pass = 0; pass < 2; ++pass) {
            erase.clear();
            for (int y = 1; y < h - 1; ++y)
                for (int x = 1; x < w - 1; ++x) {
                    const int i = y * w + x;
                    if (!im[i])
                        continue;
                    const bool p2 = im[i - w], p3 = im[i - w + 1], p4 = im[i + 1], p5 = im[i + w + 1], p6 = im[i + w],
                               p7 = im[i + w - 1], p8 = im[i - 1], p9 = im[i - w - 1];
                    const int c = (!p2 && (p3 || p4)) + (!p4 && (p5 || p6)) + (!p6 && (p7 || p8)) + (!p8 && (p9 || p2));
                    const int n1 = (p9 || p2) + (p3 || p4) + (p5 || p6) + (p7 || p8);
                    const int n2 = (p2 || p3) + (p4 || p5) + (p6 || p7) + (p8 || p9);
                    const int n = std::min(n1, n2);
                    const bool m = pass == 0 ? ((p6 || p7 || !p9) && p8) : ((p2 || p3 || !p5) && p4);
                    if (c == 1 && n >= 2 && n <= 3 && !m)
                        erase.push_back(i);
                }
            for (int i : erase)
                im[i] = 0;
            changed = changed || !erase.empty();
        }
    }
    return int(std::count(im.begin(), im.end(), quint8(1)));
}
} // namespace

HitFeatureExtractor::HitFeatureExtractor(ThresholdOptions threshold)
    : m_threshold(threshold), m_scratch(std::make_unique<Scratch>())
{
}

HitFeatureExtractor::~HitFeatureExtractor() = default;

QStringList HitFeatureExtractor::names()
{
    QStringList n{QStringLiteral("area"), QStringLiteral("brightness"), QStringLiteral("max_brightness"),
                  QStringLiteral("centroid_x"), QStringLiteral("centroid_y"), QStringLiteral("major_axis"),
                  QStringLiteral("minor_axis"), QStringLiteral("ellipticity"), QStringLiteral("elongation"),
                  QStringLiteral("orientation"), QStringLiteral("solidity"), QStringLiteral("perimeter"),
                  QStringLiteral("skeleton_length"), QStringLiteral("components"), QStringLiteral("level")};
    for (int i = 0; i < profileBins; ++i)
        n << QStringLiteral("profile_%1").arg(i);
    return n;
}

int HitFeatureExtractor::indexOf(const QString &name)
{
    return int(names().indexOf(name.trimmed().toLower()));
}

HitFeatures HitFeatureExtractor::compute(const HitImage &image)
{
    HitFeatures f{};
    auto set = [&f](HitFeature k, double v) { f[size_t(k)] = v; };
    HitSegmenter::segment(image, m_threshold, m_segments, m_mask);
    const HitSegments &s = m_segments;
    const int w = image.width;
    set(HitFeature::Level, s.level);
    set(HitFeature::MaxBrightness, image.pixels.empty() ? 0.0 : *std::max_element(image.pixels.begin(), image.pixels.end()));
    set(HitFeature::Components, double(s.components.size()));
    if (s.main < 0)
        return f;
    double total = 0.0;
    for (const HitComponent &c : s.components)
        total += c.brightness;
    set(HitFeature::IntegratedBrightness, total);

    const HitComponent &m = s.components[size_t(s.main)];
    const int *px = s.pixels.data() + m.firstPixel;
    const int area = m.area;
    set(HitFeature::Area, area);

    // Centroids (binary for the moments, brightness-weighted for the position), bounding box, row extents.
    double sx = 0, sy = 0, swx = 0, swy = 0, sw = 0;
    int x0 = w, x1 = -1, y0 = image.height, y1 = -1;
    for (int i = 0; i < area; ++i) {
        const int x = px[i] % w, y = px[i] / w;
        const double g = image.pixels[px[i]];
        sx += x; sy += y; swx += g * x; swy += g * y; sw += g;
        x0 = std::min(x0, x); x1 = std::max(x1, x); y0 = std::min(y0, y); y1 = std::max(y1, y);
    }
    const double cx = sx / area, cy = sy / area;
    set(HitFeature::CentroidX, swx / sw);
    set(HitFeature::CentroidY, swy / sw);

    // Second central moments of the pixel squares (each pixel a unit square: + 1/12 on the diagonal).
    double m20 = 0, m02 = 0, m11 = 0;
    for (int i = 0; i < area; ++i) {
        const double dx = px[i] % w - cx, dy = px[i] / w - cy;
        m20 += dx * dx; m02 += dy * dy; m11 += dx * dy;
    }
    m20 = m20 / area + 1.0 / 12.0;
    m02 = m02 / area + 1.0 / 12.0;
    m11 /= area;
    const double mean = 0.5 * (m20 + m02), dev = std::sqrt(0.25 * (m20 - m02) * (m20 - m02) + m11 * m11);
    const double l1 = mean + dev, l2 = std::max(mean - dev, 0.0);
    const double major = 4.0 * std::sqrt(l1), minor = 4.0 * std::sqrt(l2);
    const double theta = 0.5 * std::atan2(2.0 * m11, m20 - m02);
    set(HitFeature::MajorAxis, major);
    set(HitFeature::MinorAxis, minor);
    set(HitFeature::Ellipticity, major > 0 ? 1.0 - minor / major : 0.0);
    set(HitFeature::Elongation, minor > 0 ? major / minor : 0.0);
    set(HitFeature::Orientation, theta * 180.0 / kPi);

    // Convex hull of the pixel squares: only the outer corners of each row's extreme pixels can be on it.
    const int bh = y1 - y0 + 1, bw = x1 - x0 + 1;
    Scratch &sc = *m_scratch;
    sc.rowMin.assign(size_t(bh), w);
    sc.rowMax.assign(size_t(bh), -1);
    for (int i = 0; i < area; ++i) {
        const int x = px[i] % w, r = px[i] / w - y0;
        sc.rowMin[r] = std::min(sc.rowMin[r], x);
        sc.rowMax[r] = std::max(sc.rowMax[r], x);
    }
    std::vector<std::pair<int, int>> &corners = sc.corners;
    corners.clear();
    for (int r = 0; r < bh; ++r) {
        if (sc.rowMax[r] < 0)
            continue;
        const int y = r + y0;
        corners.push_back({sc.rowMin[r], y});
        corners.push_back({sc.rowMin[r], y + 1});
        corners.push_back({sc.rowMax[r] + 1, y});
        corners.push_back({sc.rowMax[r] + 1, y + 1});
    }
    const double hull = hullArea(corners);
    set(HitFeature::Solidity, hull > 0 ? area / hull : 0.0);

    // Crack perimeter (pixel edges between the component and anything else) and skeleton on a padded box.
    const int sw2 = bw + 2;
    std::vector<quint8> &box = sc.box;
    box.assign(size_t(sw2 * (bh + 2)), 0);
    for (int i = 0; i < area; ++i)
        box[size_t((px[i] / w - y0 + 1) * sw2 + px[i] % w - x0 + 1)] = 1;
    int perimeter = 0;
    for (int i = 0; i < area; ++i) {
        const int j = (px[i] / w - y0 + 1) * sw2 + px[i] % w - x0 + 1;
        perimeter += !box[j - sw2] + !box[j + sw2] + !box[j - 1] + !box[j + 1];
    }
    set(HitFeature::Perimeter, perimeter);
    const int skeleton = thin(box, sw2, bh + 2, sc.erase);
    set(HitFeature::SkeletonLength, skeleton);

    // Share of the component's brightness in equal bins of the coordinate along the major axis.
    const double ct = std::cos(theta), st = std::sin(theta);
    double tmin = 1e300, tmax = -1e300;
    for (int i = 0; i < area; ++i) {
        const double t = (px[i] % w - cx) * ct + (px[i] / w - cy) * st;
        tmin = std::min(tmin, t);
        tmax = std::max(tmax, t);
    }
    const double span = std::max(tmax - tmin, 1e-9);
    for (int i = 0; i < area; ++i) {
        const double t = (px[i] % w - cx) * ct + (px[i] / w - cy) * st;
        const int bin = std::min(profileBins - 1, int((t - tmin) / span * profileBins));
        f[size_t(HitFeature::Profile0) + bin] += image.pixels[px[i]] / sw;
    }
    return f;
}

FeatureMatrix HitFeatureExtractor::table(const std::vector<Hit> &hits, const ThresholdOptions &threshold, int threads,
                                         const JobControl *job)
{
    const int n = int(hits.size()), cols = int(HitFeature::Count);
    FeatureMatrix out(n, cols);
    if (threads <= 0)
        threads = int(std::max(1u, std::thread::hardware_concurrency()));
    threads = std::max(1, std::min(threads, n / 256 + 1));
    std::atomic<int> done{0};
    auto work = [&](int begin, int end) {
        HitFeatureExtractor ex(threshold);
        for (int i = begin; i < end; ++i) {
            if (JobControl::cancelled(job))
                return;
            const HitFeatures f = ex.compute(hits[size_t(i)].image);
            std::copy(f.begin(), f.end(), out.row(i));
            const int d = ++done;
            if (d % 1024 == 0)
                JobControl::report(job, d, n, QStringLiteral("features"));
        }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(work, int(qint64(n) * t / threads), int(qint64(n) * (t + 1) / threads));
    work(0, int(qint64(n) / threads));
    for (auto &t : pool)
        t.join();
    JobControl::report(job, n, n, QStringLiteral("features"));
    return out;
}

} // namespace photopeak
