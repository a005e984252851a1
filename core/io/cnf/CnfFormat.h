// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "spectrum/Spectrum.h"
#include "util/Result.h"

#include <QByteArrayView>
#include <QString>

namespace photopeak::cnf {

// Canberra CNF (Genie 2000 "CAM" file), read only. Little-endian; a table of 48-byte section descriptors
// at 0x70 (section id, offset of the section at +0x0a); every section starts with a 48-byte header that
// repeats its id. Read:
// - acquisition section (0x00012000): channel count (256 x byte at +0xBA), start time (VMS time, 100 ns
//   since 1858-11-17), real and live time (negated 64-bit 100 ns counts) in the block at
//   +0x30 + u16(+0x24); energy calibration c0..c3 (PDP-11 floats) at +0x44 of the block at +0x30 + u16(+0x22);
// - sample section (0x00012001): title (64 characters at +0x30) -> description;
// - data section (0x00012005): uint32 counts from +0x30 + u16(+0x28); its header repeats the channel count
//   (u16 at +0x2A), which must agree with the acquisition section's.
// Genie numbers channels from 1 and its calibration is in those numbers: the first stored value is channel 1.
// It is put at index 1 (index 0 stays empty), as the reference SPE conversion of becquerel's sample does, so
// the calibration applies unchanged. If the last stored channel is not empty the spectrum gets one more channel.
// Only the first acquisition/data sections are read (no multi-spectrum or MCS files); no efficiency, peak or
// nuclide results.
inline constexpr qint64 MaxFileSize = qint64(64) << 20;

bool looksLikeCnf(QByteArrayView head);
Result<Spectrum> parse(QByteArrayView bytes, const QString &path);

} // namespace photopeak::cnf
