// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "bench/PeakList.h"

#include <algorithm>
#include <cmath>

namespace photopeak::ui {

namespace {
struct Ref {
    int row = -1, peak = -1;
};
Ref refOf(const PeakList &list, int index)
{
    if (index < 0)
        return {};
    for (int r = 0; r < static_cast<int>(list.rows.size()); ++r) {
        const int n = static_cast<int>(list.rows[static_cast<size_t>(r)].region.peaks.size());
        if (index < n)
            return {r, index};
        index -= n;
    }
    return {};
}
} // namespace

int PeakList::count() const
{
    int n = 0;
    for (const Row &r : rows)
        n += static_cast<int>(r.region.peaks.size());
    return n;
}

const FittedPeak *PeakList::peak(int index) const
{
    const Ref ref = refOf(*this, index);
    return ref.row < 0 ? nullptr : &rows[static_cast<size_t>(ref.row)].region.peaks[static_cast<size_t>(ref.peak)];
}

const PeakRegion *PeakList::regionOf(int index) const
{
    const Ref ref = refOf(*this, index);
    return ref.row < 0 ? nullptr : &rows[static_cast<size_t>(ref.row)].region;
}

LineAssignment PeakList::line(int index) const
{
    const Ref ref = refOf(*this, index);
    if (ref.row < 0)
        return {};
    const Row &r = rows[static_cast<size_t>(ref.row)];
    return static_cast<size_t>(ref.peak) < r.lines.size() ? r.lines[static_cast<size_t>(ref.peak)] : LineAssignment{};
}

QString PeakList::note(int index) const
{
    const Ref ref = refOf(*this, index);
    if (ref.row < 0)
        return {};
    const Row &r = rows[static_cast<size_t>(ref.row)];
    return static_cast<size_t>(ref.peak) < r.notes.size() ? r.notes[static_cast<size_t>(ref.peak)] : QString();
}

std::vector<FittedPeak> PeakList::peaks() const
{
    std::vector<FittedPeak> out;
    for (const Row &r : rows)
        out.insert(out.end(), r.region.peaks.begin(), r.region.peaks.end());
    return out;
}

std::vector<PeakRegion> PeakList::regions() const
{
    std::vector<PeakRegion> out;
    for (const Row &r : rows)
        out.push_back(r.region);
    return out;
}

int PeakList::nearest(double channel, double maxDistance) const
{
    int best = -1, index = 0;
    double bestDistance = maxDistance;
    for (const Row &r : rows)
        for (const FittedPeak &p : r.region.peaks) {
            const double d = std::abs(p.centroid - channel);
            if (d <= bestDistance) {
                bestDistance = d;
                best = index;
            }
            ++index;
        }
    return best;
}

int PeakList::indexOfCentroid(double centroid) const
{
    int index = 0;
    for (const Row &r : rows)
        for (const FittedPeak &p : r.region.peaks) {
            if (p.centroid == centroid)
                return index;
            ++index;
        }
    return -1;
}

void PeakList::addRegion(PeakRegion region, std::vector<QString> notes)
{
    automatic = false;
    const double lo = region.low, hi = region.high;
    // Peaks of other regions inside the new one are refitted by it.
    for (Row &r : rows)
        for (int k = static_cast<int>(r.region.peaks.size()) - 1; k >= 0; --k) {
            const double c = r.region.peaks[static_cast<size_t>(k)].centroid;
            if (c >= lo && c < hi) {
                r.region.peaks.erase(r.region.peaks.begin() + k);
                if (static_cast<size_t>(k) < r.lines.size())
                    r.lines.erase(r.lines.begin() + k);
                if (static_cast<size_t>(k) < r.notes.size())
                    r.notes.erase(r.notes.begin() + k);
            }
        }
    rows.erase(std::remove_if(rows.begin(), rows.end(), [](const Row &r) { return r.region.peaks.empty(); }), rows.end());
    Row row;
    row.region = std::move(region);
    row.lines.resize(row.region.peaks.size());
    row.notes = std::move(notes);
    row.notes.resize(row.region.peaks.size());
    const auto at = std::lower_bound(rows.begin(), rows.end(), row.region.peaks.front().centroid,
                                     [](const Row &r, double c) { return r.region.peaks.front().centroid < c; });
    rows.insert(at, std::move(row));
}

void PeakList::removePeak(int index)
{
    const Ref ref = refOf(*this, index);
    if (ref.row < 0)
        return;
    automatic = false;
    Row &r = rows[static_cast<size_t>(ref.row)];
    r.region.peaks.erase(r.region.peaks.begin() + ref.peak);
    if (static_cast<size_t>(ref.peak) < r.lines.size())
        r.lines.erase(r.lines.begin() + ref.peak);
    if (static_cast<size_t>(ref.peak) < r.notes.size())
        r.notes.erase(r.notes.begin() + ref.peak);
    if (r.region.peaks.empty())
        rows.erase(rows.begin() + ref.row);
}

void PeakList::setLine(int index, const LineAssignment &line)
{
    const Ref ref = refOf(*this, index);
    if (ref.row < 0)
        return;
    Row &r = rows[static_cast<size_t>(ref.row)];
    r.lines.resize(r.region.peaks.size());
    r.lines[static_cast<size_t>(ref.peak)] = line;
}

} // namespace photopeak::ui
