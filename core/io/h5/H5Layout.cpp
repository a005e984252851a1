// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/h5/H5Layout.h"

#include "io/h5/H5DatasetListing.h"
#include "spectrum/SpectrumProblem.h"

#include <functional>
#include <initializer_list>
#include <tuple>

namespace photopeak {

namespace {
QString normalisedName(const QString &name)
{
    QString n = name.toLower();
    n.replace(QLatin1Char(' '), QLatin1Char('_'));
    n.replace(QLatin1Char('-'), QLatin1Char('_'));
    return n;
}

QStringList nameList(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out << QString::fromLatin1(item);
    return out;
}

const QStringList &detectorNames()
{
    static const QStringList n = nameList({"detector", "detectors", "detector_name", "detector_id", "det"});
    return n;
}
const QStringList &calibrationNames()
{
    static const QStringList n = nameList({"calibration", "calibrations", "energy_calibration",
                                           "calibration_coefficients", "calib", "ecal", "energy_cal"});
    return n;
}
const QStringList &liveTimeNames()
{
    static const QStringList n = nameList({"live_time", "livetime", "live_time_s", "lt", "t_live", "live"});
    return n;
}
const QStringList &realTimeNames()
{
    static const QStringList n = nameList({"real_time", "realtime", "real_time_s", "rt", "t_real", "real"});
    return n;
}
const QStringList &startTimeNames()
{
    static const QStringList n = nameList({"start_time", "starttime", "start", "timestamp", "datetime", "date_time"});
    return n;
}
const QStringList &distanceNames()
{
    static const QStringList n = nameList({"distance_cm", "distance", "source_distance"});
    return n;
}
const QStringList &descriptionNames()
{
    static const QStringList n = nameList({"description", "comment", "comments", "notes", "note"});
    return n;
}

using Fits = std::function<bool(const H5DatasetInfo &)>;

// Best dataset whose leaf name is in `wanted`: same group as `group` first, then shallower paths, then
// the order of `wanted`.
QString pick(const H5DatasetListing &listing, const QStringList &wanted, const QString &group, const Fits &fits)
{
    const H5DatasetInfo *best = nullptr;
    auto score = [&](const H5DatasetInfo &info) {
        const int nameRank = static_cast<int>(wanted.indexOf(normalisedName(info.name())));
        const int depth = static_cast<int>(info.path.count(QLatin1Char('/')));
        return std::tuple(info.group() == group ? 0 : 1, depth, nameRank);
    };
    for (const auto &info : listing.datasets()) {
        if (!wanted.contains(normalisedName(info.name())) || !fits(info))
            continue;
        if (!best || score(info) < score(*best))
            best = &info;
    }
    return best ? best->path : QString();
}

bool isCountsTable(const H5DatasetInfo &info) { return info.isNumeric() && info.rank() == 2; }

Status checkExplicit(const H5DatasetListing &listing, const QString &role, const QString &path)
{
    if (path.isEmpty() || listing.find(path))
        return Ok{};
    return makeError(listing.path(), QStringLiteral("dataset %1 given for %2 does not exist; datasets: %3")
                                         .arg(path, role, listing.summary()),
                     unsigned(SpectrumProblem::UnknownFormat));
}
} // namespace

const QStringList &H5Layout::countsNames()
{
    static const QStringList n = nameList({"counts", "spectra", "spectrum", "data", "hist"});
    return n;
}

const QStringList &H5Layout::labelNames()
{
    static const QStringList n =
        nameList({"labels", "label", "isotopes", "isotope", "class", "classes", "nuclides", "nuclide"});
    return n;
}

bool H5Layout::isEmpty() const
{
    return counts.isEmpty() && labels.isEmpty() && detector.isEmpty() && calibration.isEmpty() && liveTime.isEmpty()
        && realTime.isEmpty() && startTime.isEmpty() && distance.isEmpty() && description.isEmpty();
}

QString H5Layout::toString() const
{
    QStringList parts;
    auto add = [&parts](const char *role, const QString &path) {
        if (!path.isEmpty())
            parts << QStringLiteral("%1=%2").arg(QLatin1String(role), path);
    };
    add("counts", counts);
    add("labels", labels);
    add("detector", detector);
    add("calibration", calibration);
    add("live_time", liveTime);
    add("real_time", realTime);
    add("start_time", startTime);
    add("distance", distance);
    add("description", description);
    return parts.join(QStringLiteral(", "));
}

Result<H5Layout> H5Layout::resolve(const H5DatasetListing &listing, const H5Layout &overrides)
{
    const std::pair<const char *, const QString *> explicitRoles[] = {
        {"counts", &overrides.counts},         {"labels", &overrides.labels},       {"detector", &overrides.detector},
        {"calibration", &overrides.calibration}, {"live time", &overrides.liveTime}, {"real time", &overrides.realTime},
        {"start time", &overrides.startTime}, {"distance", &overrides.distance},   {"description", &overrides.description}};
    for (const auto &[role, path] : explicitRoles)
        if (Status s = checkExplicit(listing, QLatin1String(role), *path); !s)
            return s.error();

    H5Layout layout = overrides;
    auto absolute = [](QString &p) {
        if (!p.isEmpty() && !p.startsWith(QLatin1Char('/')))
            p.prepend(QLatin1Char('/'));
    };
    for (QString *p : {&layout.counts, &layout.labels, &layout.detector, &layout.calibration, &layout.liveTime,
                       &layout.realTime, &layout.startTime, &layout.distance, &layout.description})
        absolute(*p);

    if (layout.counts.isEmpty())
        layout.counts = pick(listing, countsNames(), QStringLiteral("/"), isCountsTable);
    if (layout.counts.isEmpty())
        return makeError(listing.path(),
                         QStringLiteral("no 2-D counts dataset found (looked for numeric [spectra x channels] "
                                        "datasets named %1); datasets: %2")
                             .arg(countsNames().join(QStringLiteral(", ")), listing.summary()),
                         unsigned(SpectrumProblem::UnknownFormat));
    const H5DatasetInfo *counts = listing.find(layout.counts);
    if (!isCountsTable(*counts))
        return makeError(listing.path(), QStringLiteral("dataset %1 cannot hold spectra: it is %2, a 2-D numeric "
                                                        "[spectra x channels] table is needed")
                                             .arg(counts->path, counts->toString()),
                         unsigned(SpectrumProblem::UnknownFormat));
    const qint64 rows = counts->shape[0];
    const QString group = counts->group();

    // One value per spectrum, or one value for all.
    const Fits perRow = [rows](const H5DatasetInfo &i) {
        return (i.rank() <= 1 && (i.elementCount() == rows || i.elementCount() == 1))
            || (i.rank() == 2 && i.shape[1] == 1 && (i.shape[0] == rows || i.shape[0] == 1));
    };
    const Fits perRowNumber = [perRow](const H5DatasetInfo &i) { return i.isNumeric() && perRow(i); };
    const Fits calibrationShape = [rows](const H5DatasetInfo &i) {
        if (!i.isNumeric())
            return false;
        if (i.rank() == 1)
            return i.shape[0] >= 2 && i.shape[0] <= 4;
        return i.rank() == 2 && (i.shape[0] == rows || i.shape[0] == 1) && i.shape[1] >= 2 && i.shape[1] <= 4;
    };

    auto fill = [&](QString &role, const QStringList &wanted, const Fits &fits) {
        if (role.isEmpty())
            role = pick(listing, wanted, group, fits);
    };
    fill(layout.labels, labelNames(), perRow);
    fill(layout.detector, detectorNames(), perRow);
    fill(layout.calibration, calibrationNames(), calibrationShape);
    fill(layout.liveTime, liveTimeNames(), perRowNumber);
    fill(layout.realTime, realTimeNames(), perRowNumber);
    fill(layout.startTime, startTimeNames(), perRow);
    fill(layout.distance, distanceNames(), perRowNumber);
    fill(layout.description, descriptionNames(), perRow);
    return layout;
}

} // namespace photopeak
