// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/cnf/CnfFormat.h"

#include <QDate>
#include <QDateTime>
#include <QtEndian>

#include <cmath>
#include <cstring>
#include <optional>

namespace photopeak::cnf {

namespace {
constexpr quint32 AcquisitionSection = 0x00012000;
constexpr quint32 SampleSection = 0x00012001;
constexpr quint32 DataSection = 0x00012005;
constexpr qsizetype TableStart = 0x70;
constexpr qsizetype DescriptorSize = 0x30;
constexpr qsizetype SectionHeaderSize = 0x30;
constexpr int MaxDescriptors = 64;
constexpr int MaxChannels = 1 << 20;

unsigned truncatedKind() { return unsigned(SpectrumProblem::Truncated); }
unsigned unreadableKind() { return unsigned(SpectrumProblem::Unreadable); }

// Bounds-checked little-endian reads.
class Bytes {
public:
    explicit Bytes(QByteArrayView b) : m_b(b) {}
    bool has(qsizetype offset, qsizetype size) const { return offset >= 0 && size >= 0 && offset <= m_b.size() - size; }
    quint16 u16(qsizetype o) const { return qFromLittleEndian<quint16>(m_b.data() + o); }
    quint32 u32(qsizetype o) const { return qFromLittleEndian<quint32>(m_b.data() + o); }
    qint64 i64(qsizetype o) const { return qFromLittleEndian<qint64>(m_b.data() + o); }
    quint64 u64(qsizetype o) const { return qFromLittleEndian<quint64>(m_b.data() + o); }
    quint8 u8(qsizetype o) const { return static_cast<quint8>(m_b[o]); }
    // PDP-11 / VAX F-float: 16-bit words swapped relative to IEEE single, exponent bias 129 -> value / 4.
    double pdpFloat(qsizetype o) const
    {
        const quint32 raw = u32(o);
        const quint32 swapped = (raw << 16) | (raw >> 16);
        if ((swapped & 0x7f800000u) == 0)
            return (swapped & 0x80000000u) ? std::nan("") : 0.0;  // 0, or the reserved operand
        float f;
        std::memcpy(&f, &swapped, sizeof f);
        return static_cast<double>(f) / 4.0;
    }
    QString text(qsizetype o, qsizetype n) const
    {
        QByteArray s(m_b.data() + o, n);
        const qsizetype nul = s.indexOf('\0');
        if (nul >= 0)
            s.truncate(nul);
        return QString::fromLatin1(s).trimmed();
    }
    qsizetype size() const { return m_b.size(); }

private:
    QByteArrayView m_b;
};

// Offset of the first section with `id`, from the descriptor table; nullopt if absent.
std::optional<qsizetype> sectionOffset(const Bytes &b, quint32 id)
{
    for (int k = 0; k < MaxDescriptors; ++k) {
        const qsizetype d = TableStart + k * DescriptorSize;
        if (!b.has(d, DescriptorSize))
            return std::nullopt;
        const quint32 sid = b.u32(d);
        if (sid == 0)
            return std::nullopt;
        if (sid == id)
            return static_cast<qsizetype>(b.u32(d + 0x0a));
    }
    return std::nullopt;
}

// 100 ns ticks; the file stores durations negated (VMS delta time).
double seconds(qint64 ticks) { return std::abs(static_cast<double>(ticks)) * 1e-7; }

QDateTime vmsTime(quint64 ticks)
{
    if (ticks == 0 || ticks == ~quint64(0))
        return {};
    if (ticks / 10000 > quint64(400) * 365 * 86400 * 1000)  // beyond year 2258: not a time
        return {};
    // Counted in UTC so that no daylight-saving rule applies, then taken as the instrument's local time.
    const QDateTime utc = QDateTime(QDate(1858, 11, 17), QTime(0, 0), Qt::UTC).addMSecs(static_cast<qint64>(ticks / 10000));
    return QDateTime(utc.date(), utc.time());
}
} // namespace

bool looksLikeCnf(QByteArrayView head)
{
    const Bytes b(head);
    if (!b.has(TableStart, DescriptorSize))
        return false;
    // The first descriptor is one of the CAM sections 0x000120xx and points past the table.
    const quint32 first = b.u32(TableStart);
    const quint32 offset = b.u32(TableStart + 0x0a);
    return (first & 0xffffff00u) == 0x00012000u && offset >= 0x200;
}

Result<Spectrum> parse(QByteArrayView bytes, const QString &path)
{
    const Bytes b(bytes);
    if (!b.has(TableStart, DescriptorSize))
        return makeError(path, QStringLiteral("truncated: %1 bytes, shorter than the CNF section table").arg(bytes.size()),
                         truncatedKind());
    if (!looksLikeCnf(bytes))
        return makeError(path, QStringLiteral("no CNF section table at byte 0x70 (not a Canberra CNF file)"),
                         unreadableKind() | unsigned(SpectrumProblem::UnknownFormat));

    // A section must lie inside the file and start with a header repeating its id.
    auto section = [&](quint32 id, const char *what, bool required) -> Result<qsizetype> {
        const auto offset = sectionOffset(b, id);
        if (!offset)
            return makeError(path, required ? QStringLiteral("no %1 section (0x%2) in the section table").arg(QLatin1String(what)).arg(id, 8, 16, QLatin1Char('0'))
                                            : QString(),
                             unreadableKind());
        if (!b.has(*offset, SectionHeaderSize))
            return makeError(path, QStringLiteral("truncated: the %1 section starts at byte %2 but the file has %3 bytes")
                                       .arg(QLatin1String(what))
                                       .arg(*offset)
                                       .arg(b.size()),
                             truncatedKind());
        if (b.u32(*offset) != id)
            return makeError(path, QStringLiteral("the %1 section at byte %2 does not start with its id 0x%3 (damaged file)")
                                       .arg(QLatin1String(what))
                                       .arg(*offset)
                                       .arg(id, 8, 16, QLatin1Char('0')),
                             unreadableKind());
        return *offset;
    };
    auto acquisition = section(AcquisitionSection, "acquisition parameter", true);
    if (!acquisition)
        return acquisition.error();
    auto data = section(DataSection, "spectrum data", true);
    if (!data)
        return data.error();
    const qsizetype acq = *acquisition, dat = *data;

    // Channel count, given twice.
    if (!b.has(acq, 0xBB) || !b.has(dat, SectionHeaderSize))
        return makeError(path, QStringLiteral("truncated inside the acquisition parameters"), truncatedKind());
    const int channels = 256 * b.u8(acq + 0xBA);
    const int dataChannels = b.u16(dat + 0x2A);
    if (channels <= 0 || channels > MaxChannels)
        return makeError(path, QStringLiteral("acquisition parameters give %1 channels").arg(channels), unreadableKind());
    if (dataChannels != channels)
        return makeError(path, QStringLiteral("the acquisition parameters give %1 channels but the data section %2: "
                                              "not a layout this reader knows")
                                   .arg(channels)
                                   .arg(dataChannels),
                         unreadableKind());

    // Times and calibration blocks of the acquisition section.
    const qsizetype timeBlock = acq + SectionHeaderSize + b.u16(acq + 0x24);
    const qsizetype calibrationBlock = acq + SectionHeaderSize + b.u16(acq + 0x22);
    if (!b.has(timeBlock, 0x19) || !b.has(calibrationBlock + 0x44, 16))
        return makeError(path, QStringLiteral("truncated: the acquisition times or calibration lie beyond the end of the file "
                                              "(%1 bytes)")
                                   .arg(b.size()),
                         truncatedKind());

    const qsizetype first = dat + SectionHeaderSize + b.u16(dat + 0x28);
    const qsizetype needed = static_cast<qsizetype>(channels) * 4;
    if (!b.has(first, needed))
        return makeError(path, QStringLiteral("truncated: %1 channels need %2 bytes from byte %3 but the file has %4 bytes")
                                   .arg(channels)
                                   .arg(needed)
                                   .arg(first)
                                   .arg(b.size()),
                         truncatedKind());

    Spectrum s;
    s.sourcePath = path;
    // Stored channel k is Genie channel k + 1 (see the header).
    s.counts.assign(static_cast<size_t>(channels), 0.0);
    for (int k = 0; k + 1 < channels; ++k)
        s.counts[static_cast<size_t>(k) + 1] = b.u32(first + 4 * k);
    if (const quint32 last = b.u32(first + 4 * (channels - 1)); last != 0)
        s.counts.push_back(last);

    s.realTime = seconds(b.i64(timeBlock + 0x09));
    s.liveTime = seconds(b.i64(timeBlock + 0x11));
    s.startTime = vmsTime(b.u64(timeBlock + 0x01));

    std::vector<double> c;
    for (int k = 0; k < 4; ++k)
        c.push_back(b.pdpFloat(calibrationBlock + 0x44 + 4 * k));
    s.calibration = EnergyCalibration::fromCoefficients(c);
    if (s.calibration.degree() == 0)
        s.problems.add(SpectrumProblem::MissingCalibration);

    if (auto sample = section(SampleSection, "sample", false); sample && b.has(*sample + 0x30, 64))
        s.description = b.text(*sample + 0x30, 64);
    s.checkValues();
    return s;
}

} // namespace photopeak::cnf
