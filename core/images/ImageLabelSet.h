// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "images/ImageLabel.h"
#include "images/BraggCandidate.h"
#include "images/SyntheticSpot.h"
#include "util/Result.h"

#include <QString>

#include <set>
#include <vector>

namespace photopeak {

// Labels of the candidates of an image stack. On a "complete" frame every Bragg peak is labelled, so a
// candidate without a label there is not a peak (ground truth, imported peak lists, frames a user has finished);
// elsewhere unlabelled candidates are unknown. Saved in a sidecar HDF5 file beside the data, never in it.
class ImageLabelSet {
public:
    static constexpr double DefaultRadius = 2.5;  // pixels between a label and the candidate it names

    std::vector<ImageLabel> labels;
    std::set<int> completeFrames;

    // "run7.h5" -> "run7.peaklabels.h5" in the same folder.
    static QString sidecarPath(const QString &dataPath);
    // Refuses to write over `dataPath` (the images) and writes atomically.
    Status save(const QString &path, const QString &dataPath, const QString &dataset) const;
    static Result<ImageLabelSet> load(const QString &path);
    // Every spot is a peak; every frame 0..frames-1 is complete.
    static ImageLabelSet fromTruth(const std::vector<SyntheticSpot> &truth, int frames);

    // Sets the label at (x, y), replacing a label of the same frame within `radius`.
    void set(int frame, double x, double y, int label, double radius = DefaultRadius);
    // Removes labels of the frame within `radius`; returns how many.
    int remove(int frame, double x, double y, double radius = DefaultRadius);
    int count(int label) const;

    // One-to-one matching of points to candidates of the same frame, nearest pairs first, within `radius`:
    // for each point the index of its candidate or -1.
    static std::vector<int> match(const std::vector<BraggCandidate> &candidates, const std::vector<ImageLabel> &points,
                                  double radius = DefaultRadius);
    // Per candidate: 1 peak, 0 not a peak, -1 unknown (see the class comment).
    std::vector<int> labelCandidates(const std::vector<BraggCandidate> &candidates, double radius = DefaultRadius) const;
};

} // namespace photopeak
