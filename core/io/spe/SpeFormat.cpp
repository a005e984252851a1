// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/spe/SpeFormat.h"

#include "util/NumberText.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QTime>

#include <cmath>
#include <optional>

namespace photopeak::spe {

namespace {
struct Record {
    int headerLine = 0;  // 1-based line of "$NAME:"
    QStringList lines;   // the lines after it, up to the next record
};

const QLocale &cLocale()
{
    static const QLocale c = [] {
        QLocale l = QLocale::c();
        l.setNumberOptions(QLocale::RejectGroupSeparator);
        return l;
    }();
    return c;
}

const QRegularExpression &recordHeader()
{
    static const QRegularExpression re(QStringLiteral("^\\$([A-Za-z0-9_]+):\\s*$"));
    return re;
}

Error lineError(const QString &path, int line, const QString &what, unsigned kind = unsigned(SpectrumProblem::Unreadable))
{
    return makeError(path, QStringLiteral("line %1: %2").arg(line).arg(what), kind);
}

// Fields separated by white space or commas, as views into `line` (the $DATA loop's hot path: no regular
// expression, no copies).
QList<QStringView> tokens(QStringView line)
{
    QList<QStringView> out;
    qsizetype start = -1;
    for (qsizetype i = 0; i <= line.size(); ++i) {
        const bool separator = i == line.size() || line[i].isSpace() || line[i] == QLatin1Char(',');
        if (separator && start >= 0) {
            out << line.sliced(start, i - start);
            start = -1;
        } else if (!separator && start < 0) {
            start = i;
        }
    }
    return out;
}

// "04/26/2017 11:05:11", "01/12/2014 3:12:28 PM", "09/17/2012 13:41:07.0" (month first, as ORTEC writes it).
QDateTime parseDate(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        "^(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?\\s*([AaPp][Mm])?$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return {};
    int year = m.captured(3).toInt();
    if (m.captured(3).size() == 2)
        year += year < 70 ? 2000 : 1900;
    int hour = m.captured(4).toInt();
    if (!m.captured(8).isEmpty()) {
        if (hour < 1 || hour > 12)
            return {};
        const bool pm = m.captured(8).startsWith(QLatin1Char('P'), Qt::CaseInsensitive);
        hour = hour % 12 + (pm ? 12 : 0);
    }
    int ms = 0;
    if (!m.captured(7).isEmpty())
        ms = static_cast<int>(std::lround(QStringLiteral("0.%1").arg(m.captured(7)).toDouble() * 1000.0));
    const QDate date(year, m.captured(1).toInt(), m.captured(2).toInt());
    const QTime time(hour, m.captured(5).toInt(), m.captured(6).isEmpty() ? 0 : m.captured(6).toInt(), std::min(ms, 999));
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time);
}

// Up to `count` numbers from `line` (all when count < 0); the rest of the line (a unit) is returned in `rest`.
std::optional<std::vector<double>> numbersOf(const QString &line, int count, QStringList *rest = nullptr)
{
    const QList<QStringView> parts = tokens(line);
    std::vector<double> out;
    for (const QStringView p : parts) {
        if (count >= 0 && static_cast<int>(out.size()) == count) {
            if (rest)
                *rest << p.toString();
            continue;
        }
        bool ok = false;
        const double v = parseDouble(p, &ok, cLocale());
        if (!ok || !std::isfinite(v)) {
            if (count < 0 && rest && !out.empty()) {  // trailing unit such as "keV"
                *rest << p.toString();
                continue;
            }
            return std::nullopt;
        }
        out.push_back(v);
    }
    return out;
}

bool hasSlope(const std::vector<double> &c)
{
    for (size_t k = 1; k < c.size(); ++k)
        if (c[k] != 0.0)
            return true;
    return false;
}
} // namespace

bool looksLikeSpe(QByteArrayView head)
{
    if (head.startsWith("\xEF\xBB\xBF"))
        head = head.sliced(3);
    if (head.contains('\0'))
        return false;
    const QString text = QString::fromLatin1(head.first(std::min<qsizetype>(head.size(), 1024)));
    for (const QString &raw : text.split(QLatin1Char('\n'))) {
        const QString line = raw.trimmed();
        if (line.isEmpty())
            continue;
        const auto m = recordHeader().match(line);
        if (!m.hasMatch())
            return false;
        static const QStringList known{QStringLiteral("SPEC_ID"),  QStringLiteral("SPEC_REM"), QStringLiteral("DATE_MEA"),
                                       QStringLiteral("MEAS_TIM"), QStringLiteral("DATA"),     QStringLiteral("ENER_FIT"),
                                       QStringLiteral("MCA_CAL"),  QStringLiteral("ROI"),      QStringLiteral("PRESETS")};
        return known.contains(m.captured(1).toUpper());
    }
    return false;
}

Result<Spectrum> parse(QByteArrayView bytes, const QString &path)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes = bytes.sliced(3);
    if (bytes.trimmed().isEmpty())
        return makeError(path, QStringLiteral("file is empty"), unsigned(SpectrumProblem::Unreadable));
    if (bytes.contains('\0'))
        return makeError(path, QStringLiteral("is binary, not SPE text (it contains NUL bytes)"),
                         unsigned(SpectrumProblem::Unreadable) | unsigned(SpectrumProblem::UnknownFormat));

    // Records in file order; text before the first record is not SPE.
    QHash<QString, Record> records;
    const QStringList lines = QString::fromLatin1(bytes).split(QLatin1Char('\n'));
    Record *open = nullptr;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines[i];
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const int lineNo = static_cast<int>(i + 1);
        if (line.startsWith(QLatin1Char('$'))) {
            const auto m = recordHeader().match(line.trimmed());
            if (!m.hasMatch())
                return lineError(path, lineNo, QStringLiteral("'%1' is not an SPE record name such as $DATA:").arg(line.left(40)));
            const QString name = m.captured(1).toUpper();
            if (records.contains(name) && name != QLatin1String("ENDRECORD"))
                return lineError(path, lineNo, QStringLiteral("second $%1 record (only single-spectrum SPE files are read)").arg(name));
            open = &records[name];
            open->headerLine = lineNo;
            open->lines.clear();
            continue;
        }
        if (!open) {
            if (line.trimmed().isEmpty())
                continue;
            return lineError(path, lineNo, QStringLiteral("text before the first $ record: not an SPE file"),
                             unsigned(SpectrumProblem::Unreadable) | unsigned(SpectrumProblem::UnknownFormat));
        }
        open->lines << line;
    }

    Spectrum s;
    s.sourcePath = path;

    // $DATA: "first last", then the counts.
    const auto dataIt = records.constFind(QStringLiteral("DATA"));
    if (dataIt == records.constEnd())
        return makeError(path, QStringLiteral("no $DATA record (missing channel data)"), unsigned(SpectrumProblem::Unreadable));
    const Record &data = dataIt.value();
    qsizetype firstValueLine = 0;
    while (firstValueLine < data.lines.size() && data.lines[firstValueLine].trimmed().isEmpty())
        ++firstValueLine;
    if (firstValueLine >= data.lines.size())
        return lineError(path, data.headerLine, QStringLiteral("$DATA has no channel range and no counts (missing channel data)"),
                         unsigned(SpectrumProblem::Truncated));
    const int rangeLine = data.headerLine + 1 + static_cast<int>(firstValueLine);
    const auto range = numbersOf(data.lines[firstValueLine], -1);
    if (!range || range->size() != 2 || (*range)[0] != std::floor((*range)[0]) || (*range)[1] != std::floor((*range)[1])
        || (*range)[0] < 0 || (*range)[1] < (*range)[0] || (*range)[1] >= MaxChannels)
        return lineError(path, rangeLine, QStringLiteral("$DATA channel range '%1' is not 'first last' with 0 <= first <= last < %2")
                                              .arg(data.lines[firstValueLine].trimmed().left(40))
                                              .arg(MaxChannels));
    const int first = static_cast<int>((*range)[0]), last = static_cast<int>((*range)[1]);
    const size_t expected = static_cast<size_t>(last - first + 1);
    s.counts.assign(static_cast<size_t>(first), 0.0);
    s.counts.reserve(static_cast<size_t>(last) + 1);
    size_t got = 0;
    for (qsizetype i = firstValueLine + 1; i < data.lines.size(); ++i) {
        const int lineNo = data.headerLine + 1 + static_cast<int>(i);
        for (const QStringView t : tokens(data.lines[i])) {
            bool ok = false;
            const double v = parseDouble(t, &ok, cLocale());
            if (!ok)
                return lineError(path, lineNo, QStringLiteral("count '%1' of channel %2 is not a number").arg(t.left(40).toString()).arg(first + got));
            if (got == expected)
                return lineError(path, lineNo, QStringLiteral("more counts than $DATA %1 %2 announces (%3 channels)")
                                                   .arg(first)
                                                   .arg(last)
                                                   .arg(expected));
            s.counts.push_back(v);
            ++got;
        }
    }
    if (got < expected)
        return makeError(path, QStringLiteral("truncated: $DATA %1 %2 announces %3 channels but the file holds %4 counts")
                                   .arg(first)
                                   .arg(last)
                                   .arg(expected)
                                   .arg(got),
                         unsigned(SpectrumProblem::Truncated));

    // $MEAS_TIM: "live real".
    if (const auto it = records.constFind(QStringLiteral("MEAS_TIM")); it != records.constEnd()) {
        const QString line = it->lines.value(0).trimmed();
        const auto t = numbersOf(line, -1);
        if (!t || t->size() != 2)
            return lineError(path, it->headerLine + 1, QStringLiteral("$MEAS_TIM '%1' is not 'live real' in seconds").arg(line.left(40)));
        s.liveTime = (*t)[0];
        s.realTime = (*t)[1];
    } else {
        s.problems.add(SpectrumProblem::NoLiveTime);
    }

    if (const auto it = records.constFind(QStringLiteral("DATE_MEA")); it != records.constEnd())
        s.startTime = parseDate(it->lines.value(0));

    if (const auto it = records.constFind(QStringLiteral("SPEC_ID")); it != records.constEnd()) {
        QStringList parts;
        for (const QString &l : it->lines)
            if (!l.trimmed().isEmpty())
                parts << l.trimmed();
        s.description = parts.join(QStringLiteral("; "));
    }
    if (const auto it = records.constFind(QStringLiteral("SPEC_REM")); it != records.constEnd())
        for (const QString &l : it->lines)
            if (l.trimmed().startsWith(QLatin1String("DETDESC#")))
                s.detector = l.trimmed().mid(8).trimmed();

    // Calibration: $MCA_CAL (full polynomial) first, else $ENER_FIT.
    std::vector<double> mcaCal, enerFit;
    if (const auto it = records.constFind(QStringLiteral("MCA_CAL")); it != records.constEnd()) {
        bool ok = false;
        const int n = it->lines.value(0).trimmed().toInt(&ok);
        if (!ok || n < 1 || n > 16)
            return lineError(path, it->headerLine + 1, QStringLiteral("$MCA_CAL coefficient count '%1' is not 1..16")
                                                           .arg(it->lines.value(0).trimmed().left(40)));
        QStringList unit;
        const auto c = numbersOf(it->lines.value(1), n, &unit);
        if (!c || static_cast<int>(c->size()) != n)
            return lineError(path, it->headerLine + 2, QStringLiteral("$MCA_CAL coefficients '%1' are not %2 numbers")
                                                           .arg(it->lines.value(1).trimmed().left(60))
                                                           .arg(n));
        mcaCal = *c;
        const QString u = unit.value(0);
        if (u.compare(QLatin1String("MeV"), Qt::CaseInsensitive) == 0)
            for (double &v : mcaCal)
                v *= 1000.0;
        else if (!u.isEmpty() && u.compare(QLatin1String("keV"), Qt::CaseInsensitive) != 0)
            mcaCal.clear();  // unknown unit: do not guess
    }
    if (const auto it = records.constFind(QStringLiteral("ENER_FIT")); it != records.constEnd()) {
        const auto c = numbersOf(it->lines.value(0), -1);
        if (!c || c->size() < 2)
            return lineError(path, it->headerLine + 1, QStringLiteral("$ENER_FIT '%1' is not 'offset slope [quad]'")
                                                           .arg(it->lines.value(0).trimmed().left(40)));
        enerFit = *c;
    }
    const std::vector<double> &chosen = hasSlope(mcaCal) ? mcaCal : enerFit;
    bool representable = hasSlope(chosen);
    for (size_t k = EnergyCalibration::MaxDegree + 1; k < chosen.size(); ++k)
        if (chosen[k] != 0.0)
            representable = false;
    if (representable)
        s.calibration = EnergyCalibration::fromCoefficients(chosen);
    else
        s.problems.add(SpectrumProblem::MissingCalibration);
    s.checkValues();
    return s;
}

} // namespace photopeak::spe
