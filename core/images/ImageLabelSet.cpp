// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "images/ImageLabelSet.h"

#include "images/ImageStack.h"
#include "io/h5/H5TableWriter.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <map>

namespace photopeak {

QString ImageLabelSet::sidecarPath(const QString &dataPath)
{
    const QFileInfo info(dataPath);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral(".peaklabels.h5"));
}

Status ImageLabelSet::save(const QString &path, const QString &dataPath, const QString &dataset) const
{
    if (!dataPath.isEmpty() && QFileInfo(path).absoluteFilePath() == QFileInfo(dataPath).absoluteFilePath())
        return makeError(path, QStringLiteral("labels are never written into the image file; choose another file"));
    const qint64 n = static_cast<qint64>(labels.size());
    std::vector<double> f, x, y, l, snr, complete(completeFrames.begin(), completeFrames.end());
    for (const ImageLabel &a : labels) {
        f.push_back(a.frame);
        x.push_back(a.x);
        y.push_back(a.y);
        l.push_back(a.label);
        snr.push_back(a.snr);
    }
    using T = H5TableWriter::NumberType;
    H5TableWriter w(path);
    for (Status s : {w.addNumbers(QStringLiteral("/labels/frame"), {n}, f, T::Int32),
                     w.addNumbers(QStringLiteral("/labels/x"), {n}, x), w.addNumbers(QStringLiteral("/labels/y"), {n}, y),
                     w.addNumbers(QStringLiteral("/labels/label"), {n}, l, T::Int32),
                     w.addNumbers(QStringLiteral("/labels/snr"), {n}, snr),
                     w.addNumbers(QStringLiteral("/labels/complete_frames"), {qint64(complete.size())}, complete, T::Int32),
                     w.addAttribute(QStringLiteral("/"), QStringLiteral("data_file"), QFileInfo(dataPath).fileName()),
                     w.addAttribute(QStringLiteral("/"), QStringLiteral("dataset"), dataset),
                     w.addAttribute(QStringLiteral("/labels"), QStringLiteral("meaning"),
                                    QStringLiteral("label 1 = Bragg peak, 0 = not a peak; x fast scan, y slow scan, pixel "
                                                   "centres at integers; on complete frames every peak is labelled"))})
        if (!s)
            return s;
    return w.commit();
}

Result<ImageLabelSet> ImageLabelSet::load(const QString &path)
{
    auto columns = ImageStack::readColumns(path, {QStringLiteral("/labels/frame"), QStringLiteral("/labels/x"),
                                                  QStringLiteral("/labels/y"), QStringLiteral("/labels/label"),
                                                  QStringLiteral("/labels/snr")});
    if (!columns)
        return columns.error();
    auto complete = ImageStack::readColumns(path, {QStringLiteral("/labels/complete_frames")});
    if (!complete)
        return complete.error();
    ImageLabelSet set;
    const auto &c = *columns;
    for (size_t i = 0; i < c[0].size(); ++i) {
        if (!std::isfinite(c[1][i]) || !std::isfinite(c[2][i]) || (c[3][i] != 0.0 && c[3][i] != 1.0))
            return makeError(path, QStringLiteral("label %1 is damaged (position not finite or label not 0/1)").arg(i));
        set.labels.push_back({static_cast<int>(c[0][i]), c[1][i], c[2][i], static_cast<int>(c[3][i]), c[4][i]});
    }
    for (double f : complete->front())
        set.completeFrames.insert(static_cast<int>(f));
    return set;
}

ImageLabelSet ImageLabelSet::fromTruth(const std::vector<SyntheticSpot> &truth, int frames)
{
    ImageLabelSet set;
    for (const SyntheticSpot &s : truth)
        set.labels.push_back({s.frame, s.x, s.y, 1, s.snr});
    for (int f = 0; f < frames; ++f)
        set.completeFrames.insert(f);
    return set;
}

void ImageLabelSet::set(int frame, double x, double y, int label, double radius)
{
    remove(frame, x, y, radius);
    labels.push_back({frame, x, y, label});
}

int ImageLabelSet::remove(int frame, double x, double y, double radius)
{
    const auto before = labels.size();
    labels.erase(std::remove_if(labels.begin(), labels.end(),
                                [&](const ImageLabel &a) { return a.frame == frame && std::hypot(a.x - x, a.y - y) <= radius; }),
                 labels.end());
    return static_cast<int>(before - labels.size());
}

int ImageLabelSet::count(int label) const
{
    return static_cast<int>(std::count_if(labels.begin(), labels.end(), [&](const ImageLabel &a) { return a.label == label; }));
}

std::vector<int> ImageLabelSet::match(const std::vector<BraggCandidate> &candidates, const std::vector<ImageLabel> &points,
                                      double radius)
{
    std::vector<int> out(points.size(), -1);
    std::map<int, std::vector<int>> byFrame;
    for (size_t i = 0; i < candidates.size(); ++i)
        byFrame[candidates[i].frame].push_back(static_cast<int>(i));
    struct Pair {
        double d;
        int point, candidate;
    };
    std::vector<Pair> pairs;
    for (size_t p = 0; p < points.size(); ++p) {
        const auto it = byFrame.find(points[p].frame);
        if (it == byFrame.end())
            continue;
        for (int c : it->second) {
            const double d = std::hypot(candidates[c].x - points[p].x, candidates[c].y - points[p].y);
            if (d <= radius)
                pairs.push_back({d, static_cast<int>(p), c});
        }
    }
    std::sort(pairs.begin(), pairs.end(), [](const Pair &a, const Pair &b) { return a.d < b.d; });
    std::vector<char> taken(candidates.size(), 0);
    for (const Pair &pr : pairs)
        if (out[pr.point] < 0 && !taken[pr.candidate]) {
            out[pr.point] = pr.candidate;
            taken[pr.candidate] = 1;
        }
    return out;
}

std::vector<int> ImageLabelSet::labelCandidates(const std::vector<BraggCandidate> &candidates, double radius) const
{
    std::vector<int> out(candidates.size(), -1);
    for (size_t i = 0; i < candidates.size(); ++i)
        if (completeFrames.count(candidates[i].frame))
            out[i] = 0;
    const std::vector<int> matched = match(candidates, labels, radius);
    for (size_t p = 0; p < labels.size(); ++p)
        if (matched[p] >= 0)
            out[matched[p]] = labels[p].label;
    return out;
}

} // namespace photopeak
