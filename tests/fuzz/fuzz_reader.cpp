// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// libFuzzer harness for one reader family, chosen at build time (PHOTOPEAK_FUZZ_READER, its header and the
// file suffix): the bytes go through the reader's in-memory path (SpectrumReader::readBytes) as a file of
// that suffix. Any result is fine; a crash, hang, leak or sanitizer report is the finding.
#include PHOTOPEAK_FUZZ_HEADER

#include <algorithm>
#include <cstddef>
#include <cstdint>

using namespace photopeak;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const PHOTOPEAK_FUZZ_READER reader;
    static const QString name = QStringLiteral("fuzz." PHOTOPEAK_FUZZ_SUFFIX);
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    reader.confidence(name, static_cast<qint64>(size), bytes.first(std::min<qsizetype>(bytes.size(), 4096)));
    const auto result = reader.readBytes(bytes, name);
    if (result) {
        // Touch what a caller would use, so that values the reader left uninitialised or out of range show.
        double total = 0.0;
        for (const Spectrum &s : *result) {
            for (double c : s.counts)
                total += c;
            total += s.calibration.energyAt(static_cast<double>(s.channelCount()));
            total += s.liveTime + s.realTime + static_cast<double>(s.displayName().size());
        }
        volatile double sink = total;
        (void)sink;
    }
    return 0;
}
