// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "bench/PeakList.h"
#include "spectrum/EnergyCalibration.h"

#include <QJsonObject>
#include <QObject>

#include <map>
#include <optional>
#include <vector>

namespace photopeak::ui {

// An ROI as the analyst dragged it: channels [low, high) of one spectrum.
struct RoiRange {
    int low = 0, high = 0;
    bool operator==(const RoiRange &) const = default;
};

// What the analyst changed per spectrum (entry index of the opened dataset): its peak list, its ROIs and an
// energy calibration that replaces the file's in the window (the file itself is never written). Setters
// are the raw state changes the undo commands call (BenchController pushes them); each emits changed().
// toJson()/fromJson() give the state for a saved session, keyed by entry index.
class SpectrumEdits : public QObject {
    Q_OBJECT
public:
    explicit SpectrumEdits(QObject *parent = nullptr);

    const PeakList *peaks(int entry) const;
    void setPeaks(int entry, std::optional<PeakList> peaks);
    std::vector<RoiRange> rois(int entry) const;
    void setRois(int entry, std::vector<RoiRange> rois);
    std::optional<EnergyCalibration> calibration(int entry) const;
    void setCalibration(int entry, std::optional<EnergyCalibration> calibration);
    // Entries with a calibration of the analyst's.
    std::vector<int> calibratedEntries() const;

    void clear();
    QJsonObject toJson() const;
    void fromJson(const QJsonObject &json);

signals:
    void changed(int entry);
    void calibrationChanged(int entry);
    void cleared();

private:
    struct Entry {
        std::optional<PeakList> peaks;
        std::vector<RoiRange> rois;
        std::optional<EnergyCalibration> calibration;
    };
    std::map<int, Entry> m_entries;
};

} // namespace photopeak::ui
