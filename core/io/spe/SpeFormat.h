// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "spectrum/Spectrum.h"
#include "util/Result.h"

#include <QByteArrayView>
#include <QString>

namespace photopeak::spe {

// IAEA / ORTEC SPE text: records "$NAME:" followed by their lines.
// Read: $SPEC_ID (description), $SPEC_REM (DETDESC# -> detector), $DATE_MEA (start; "MM/dd/yyyy hh:mm:ss",
// with optional fraction or AM/PM; an unreadable date leaves the start unknown), $MEAS_TIM ("live real" s),
// $DATA ("first last", then last - first + 1 counts, any number per line; channels below `first` are
// kept as zeros so channel numbers match the file), $MCA_CAL (count, then coefficients c0 c1 ... and an
// optional unit) or else $ENER_FIT ("offset slope [quad]"). A calibration with slope 0 counts as missing.
// Not read: $ROI, $PRESETS, $SHAPE_CAL (FWHM), $ENER_TABLE, geolocation and other vendor records.
inline constexpr qint64 MaxFileSize = qint64(64) << 20;
inline constexpr int MaxChannels = 1 << 20;

// True when `head` starts like an SPE file (a "$SPEC_ID:", "$DATA:" ... record first).
bool looksLikeSpe(QByteArrayView head);

// One spectrum. `path` names the file in errors (with line numbers) and is stored as the source.
Result<Spectrum> parse(QByteArrayView bytes, const QString &path);

} // namespace photopeak::spe
