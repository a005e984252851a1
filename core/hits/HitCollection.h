// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "hits/Hit.h"
#include "util/Result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace photopeak {

struct HitReadOptions {
    QString labelsCsv;        // CSV with id and class columns; empty = <folder>/labels.csv when present
    int expectedSize = 0;     // crops must be this many pixels square; 0 = the size of the first crop read
};

// A set of hits read from a folder of crops (labels from class subfolders or a CSV) or from a CREDO
// detection export (JSON with base64 frames). Files that cannot be used are listed in problems(); the
// rest of the collection is read.
class HitCollection {
public:
    // A folder, or a .json CREDO export.
    static Result<HitCollection> open(const QString &path, const HitReadOptions &options = {});

    std::vector<Hit> &hits() { return m_hits; }
    const std::vector<Hit> &hits() const { return m_hits; }
    int size() const { return static_cast<int>(m_hits.size()); }
    const QString &path() const { return m_path; }
    const std::vector<Error> &problems() const { return m_problems; }

    // Distinct non-empty labels, sorted.
    QStringList classNames() const;
    // Index of every hit's label in classNames(); -1 unlabelled.
    std::vector<int> labelIndices(const QStringList &classes) const;
    // Validation groups: hits of one device (Hit::deviceKey) on one UTC day form one group, so near-identical
    // hits of a session never sit on both sides of a cross-validation split.
    std::vector<int> groups() const;

    void setPath(const QString &path) { m_path = path; }
    void addHit(Hit hit) { m_hits.push_back(std::move(hit)); }
    // Adds a crop of *size x *size pixels (*size 0: takes the crop's size), or a problem naming its file.
    void addCrop(Hit hit, int *size);
    void addProblem(Error problem) { m_problems.push_back(std::move(problem)); }

private:
    QString m_path;
    std::vector<Hit> m_hits;
    std::vector<Error> m_problems;
};

} // namespace photopeak
