// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "spectrum/Spectrum.h"
#include "util/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace photopeak::csv {

// Spectrum as comma-separated text, one channel per line.
//
// Read: optional '# key: value' comment lines (the project's own header, below), then an optional header
// row naming the columns, then numbers. Columns are recognised by name (channel, energy / energy_keV,
// counts); without names 1 column = counts, 2 = energy (or channel when 0,1,2,...) and counts,
// 3 = channel, energy, counts. Separators ',', ';' or tab. Negative counts (net spectra) are kept and
// flagged. The calibration is the header's, else fitted from the energy column (EnergyColumnFit).
//
// Written by this project:
//   # format: photopeak-spectrum-csv
//   # version: 1
//   # live_time_s, real_time_s, start_time (ISO 8601), distance_cm, detector, description, labels (';'),
//   # source_path, index_in_source, problems (SpectrumProblem bits), calibration (c0 c1 c2 c3),
//   # raw_header (base64); text values escape '\' as "\\" and line breaks as "\n"
//   channel,energy_keV,counts
inline constexpr char FormatName[] = "photopeak-spectrum-csv";
inline constexpr int Version = 1;
inline constexpr qint64 MaxFileSize = qint64(256) << 20;

// `path` names the file in errors (with line numbers) and is stored as the source unless the header
// names the original source.
Result<Spectrum> parse(QByteArrayView bytes, const QString &path);
QByteArray serialize(const Spectrum &spectrum);
// True when `head` starts like a spectrum CSV (own header or a recognised column row).
bool looksLikeSpectrumCsv(QByteArrayView head);

} // namespace photopeak::csv
