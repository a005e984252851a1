// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/csv/CsvFormat.h"

#include "io/csv/EnergyColumnFit.h"
#include "spectrum/LabelParser.h"
#include "util/NumberText.h"

#include <QHash>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace photopeak::csv {

namespace {
enum class Column { Channel, Energy, Counts, Other };

QString number(double v) { return QString::number(v, 'g', QLocale::FloatingPointShortest); }

QString escape(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('\r'), QStringLiteral("\\r"));
    text.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return text;
}

QString unescape(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('\\') && i + 1 < text.size()) {
            const QChar next = text[++i];
            out += next == QLatin1Char('n') ? QChar(QLatin1Char('\n'))
                : next == QLatin1Char('r')  ? QChar(QLatin1Char('\r'))
                                            : next;
        } else {
            out += text[i];
        }
    }
    return out;
}

// "Energy (keV)" -> "energykev", "live time" -> "live_time".
QString columnKey(const QString &name)
{
    QString n = name.toLower();
    n.remove(QRegularExpression(QStringLiteral("[\\(\\[].*[\\)\\]]")));
    n.remove(QRegularExpression(QStringLiteral("[^a-z0-9]")));
    return n;
}

QString headerKey(const QString &key)
{
    QString k = key.trimmed().toLower();
    k.replace(QRegularExpression(QStringLiteral("[\\s-]+")), QStringLiteral("_"));
    if (k.endsWith(QLatin1String("_s")))
        k.chop(2);  // live_time_s -> live_time
    return k;
}

Column columnFor(const QString &name)
{
    const QString k = columnKey(name);
    if (k == QLatin1String("channel") || k == QLatin1String("chan") || k == QLatin1String("ch")
        || k == QLatin1String("bin") || k == QLatin1String("channelnumber") || k == QLatin1String("index"))
        return Column::Channel;
    if (k.startsWith(QLatin1String("energy")) || k == QLatin1String("kev") || k == QLatin1String("e")
        || k == QLatin1String("ekev"))
        return Column::Energy;
    if (k == QLatin1String("counts") || k == QLatin1String("count") || k == QLatin1String("cts")
        || k == QLatin1String("netcounts") || k == QLatin1String("grosscounts") || k == QLatin1String("data")
        || k == QLatin1String("spectrum"))
        return Column::Counts;
    return Column::Other;
}

QStringList splitFields(const QString &line, QChar separator)
{
    QStringList fields = separator.isSpace() ? line.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)
                                             : line.split(separator);
    while (fields.size() > 1 && fields.back().trimmed().isEmpty())
        fields.removeLast();  // "1,2," has a trailing separator, not a third column
    for (QString &f : fields) {
        f = f.trimmed();
        if (f.size() >= 2 && f.startsWith(QLatin1Char('"')) && f.endsWith(QLatin1Char('"')))
            f = f.mid(1, f.size() - 2).trimmed();
    }
    return fields;
}

QString columnList(const QStringList &names)
{
    constexpr qsizetype MaxShown = 8;
    if (names.size() <= MaxShown)
        return names.join(QStringLiteral(", "));
    return names.first(MaxShown).join(QStringLiteral(", ")) + QStringLiteral(", ... (%1 columns)").arg(names.size());
}

QChar separatorOf(const QString &line)
{
    for (QChar c : {QLatin1Char(','), QLatin1Char(';'), QLatin1Char('\t')})
        if (line.contains(c))
            return c;
    return QLatin1Char(' ');
}

// Unit of the last digit written in `field` ("0.0800" -> 0.0001; "661" -> 1).
double roundingOf(const QString &field)
{
    const qsizetype dot = field.indexOf(QLatin1Char('.'));
    if (dot < 0 || field.contains(QLatin1Char('e'), Qt::CaseInsensitive))
        return dot < 0 ? 1.0 : 0.0;
    qsizetype decimals = 0;
    while (dot + 1 + decimals < field.size() && field[dot + 1 + decimals].isDigit())
        ++decimals;
    return std::pow(10.0, -static_cast<double>(decimals));
}

QStringList parseLabels(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QRegularExpression(QStringLiteral("[;,]")), Qt::SkipEmptyParts)) {
        const QString trimmed = part.trimmed();
        const QString canonical = LabelParser::canonical(trimmed);
        const QString label = canonical.isEmpty() ? trimmed : canonical;
        if (!label.isEmpty() && !out.contains(label))
            out << label;
    }
    return out;
}

struct Header {
    QHash<QString, QString> values;
    QHash<QString, int> lines;
};

Error lineError(const QString &path, int line, const QString &what, SpectrumProblem kind = SpectrumProblem::Unreadable)
{
    return makeError(path, QStringLiteral("line %1: %2").arg(line).arg(what), unsigned(kind));
}

// Applies the '# key: value' header to `s`; false (with `error`) for a value that is not what the key needs.
bool applyHeader(const Header &h, Spectrum &s, const QString &path, Error &error)
{
    auto numberOf = [&](const char *key, double &out) {
        const QString k = QLatin1String(key);
        if (!h.values.contains(k))
            return true;
        bool ok = false;
        out = QLocale::c().toDouble(h.values[k], &ok);
        if (!ok || !std::isfinite(out)) {
            error = lineError(path, h.lines[k], QStringLiteral("%1 '%2' is not a number").arg(k, h.values[k]));
            return false;
        }
        return true;
    };
    if (h.values.contains(QStringLiteral("version"))) {
        if (h.values[QStringLiteral("version")].toInt() > Version) {
            error = lineError(path, h.lines[QStringLiteral("version")],
                              QStringLiteral("written in format version %1; this program reads up to version %2")
                                  .arg(h.values[QStringLiteral("version")])
                                  .arg(Version));
            return false;
        }
    }
    double index = 0.0, problems = 0.0;
    if (!numberOf("live_time", s.liveTime) || !numberOf("real_time", s.realTime)
        || !numberOf("distance_cm", s.distanceCm) || !numberOf("index_in_source", index)
        || !numberOf("problems", problems))
        return false;
    s.indexInSource = static_cast<int>(index);
    s.problems = SpectrumProblems::fromBits(static_cast<std::uint32_t>(problems));
    if (!h.values.contains(QStringLiteral("live_time")))
        s.problems.add(SpectrumProblem::NoLiveTime);
    if (const QString t = h.values.value(QStringLiteral("start_time")); !t.isEmpty()) {
        s.startTime = QDateTime::fromString(t, Qt::ISODateWithMs);
        if (!s.startTime.isValid()) {
            error = lineError(path, h.lines[QStringLiteral("start_time")],
                              QStringLiteral("start_time '%1' is not an ISO 8601 date and time").arg(t));
            return false;
        }
    }
    s.detector = unescape(h.values.value(QStringLiteral("detector")));
    s.description = unescape(h.values.value(QStringLiteral("description")));
    s.labels = parseLabels(unescape(h.values.value(QStringLiteral("labels"))));
    if (h.values.contains(QStringLiteral("source_path")))
        s.sourcePath = unescape(h.values.value(QStringLiteral("source_path")));
    s.rawHeader = QByteArray::fromBase64(h.values.value(QStringLiteral("raw_header")).toLatin1());
    if (h.values.contains(QStringLiteral("calibration"))) {
        const QString text = h.values[QStringLiteral("calibration")];
        const QStringList parts = text.split(QRegularExpression(QStringLiteral("[\\s,;]+")), Qt::SkipEmptyParts);
        std::vector<double> c;
        for (const QString &p : parts) {
            bool ok = false;
            c.push_back(QLocale::c().toDouble(p, &ok));
            if (!ok) {
                c.clear();
                break;
            }
        }
        if (c.empty() || c.size() > 4) {
            error = lineError(path, h.lines[QStringLiteral("calibration")],
                              QStringLiteral("calibration '%1' must be 1 to 4 numbers c0 c1 c2 c3").arg(text));
            return false;
        }
        s.calibration = EnergyCalibration::fromCoefficients(c);
    }
    return true;
}
} // namespace

Result<Spectrum> parse(QByteArrayView bytes, const QString &path)
{
    if (bytes.isEmpty())
        return makeError(path, QStringLiteral("file is empty"), unsigned(SpectrumProblem::Unreadable));
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes = bytes.sliced(3);
    if (bytes.contains('\0'))
        return makeError(path, QStringLiteral("is binary, not CSV text (it contains NUL bytes)"),
                         unsigned(SpectrumProblem::Unreadable) | unsigned(SpectrumProblem::UnknownFormat));
    const QStringList lines = QString::fromUtf8(bytes).split(QLatin1Char('\n'));

    Spectrum s;
    s.sourcePath = path;
    Header header;
    std::vector<Column> columns;
    QStringList columnNames;
    QChar separator;
    std::vector<double> energies;
    double energyRounding = 0.0;
    double countsTotal = 0.0;
    double previousChannel = 0.0;
    bool haveChannel = false;
    int firstDataLine = 0;
    static const QRegularExpression keyValue(QStringLiteral("^#\\s*([A-Za-z][A-Za-z0-9_ \\-]*?)\\s*:\\s?(.*)$"));

    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNo = static_cast<int>(i + 1);
        QString line = lines[i];
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty())
            continue;
        if (trimmed.startsWith(QLatin1Char('#'))) {
            if (const auto m = keyValue.match(trimmed); m.hasMatch() && columns.empty()) {
                const QString key = headerKey(m.captured(1));
                header.values.insert(key, m.captured(2).trimmed());
                header.lines.insert(key, lineNo);
            }
            continue;
        }
        if (columns.empty()) {
            separator = separatorOf(trimmed);
            const QStringList fields = splitFields(trimmed, separator);
            bool numeric = true;
            for (const QString &f : fields) {
                bool ok = false;
                parseDouble(f, &ok);
                numeric = numeric && ok;
            }
            if (!numeric) {
                for (const QString &f : fields)
                    columns.push_back(columnFor(f));
                columnNames = fields;
                const auto countsColumns = std::count(columns.begin(), columns.end(), Column::Counts);
                if (countsColumns == 0 && fields.size() <= 3 && !separator.isSpace()) {
                    // Unknown names: the last column holds the counts, a first of two the energy.
                    for (size_t c = 0; c < columns.size(); ++c)
                        if (columns[c] == Column::Other)
                            columns[c] = c + 1 == columns.size() ? Column::Counts
                                : columns.size() == 2             ? Column::Energy
                                                                  : Column::Other;
                }
                if (std::count(columns.begin(), columns.end(), Column::Counts) != 1)
                    return lineError(path, lineNo, QStringLiteral("cannot tell which column holds the counts "
                                                                  "(columns: %1)")
                                                       .arg(columnList(fields)));
                continue;
            }
            if (fields.size() == 1)
                columns = {Column::Counts};
            else if (fields.size() == 2)
                columns = {Column::Energy, Column::Counts};  // revised to Channel below if 0, 1, 2 ...
            else if (fields.size() == 3)
                columns = {Column::Channel, Column::Energy, Column::Counts};
            else
                return lineError(path, lineNo, QStringLiteral("%1 values without column names; expected counts, "
                                                              "energy and counts, or channel, energy and counts")
                                                   .arg(fields.size()));
            columnNames = fields.size() == 1 ? QStringList{QStringLiteral("counts")}
                : fields.size() == 2         ? QStringList{QStringLiteral("energy"), QStringLiteral("counts")}
                                             : QStringList{QStringLiteral("channel"), QStringLiteral("energy"),
                                                   QStringLiteral("counts")};
        }
        if (firstDataLine == 0)
            firstDataLine = lineNo;
        const QStringList fields = splitFields(trimmed, separator);
        if (fields.size() != static_cast<qsizetype>(columns.size()))
            return lineError(path, lineNo, QStringLiteral("expected %1 values (%2), found %3")
                                               .arg(columns.size())
                                               .arg(columnList(columnNames))
                                               .arg(fields.size()));
        for (size_t c = 0; c < columns.size(); ++c) {
            if (columns[c] == Column::Other)
                continue;
            bool ok = false;
            const double v = parseDouble(fields[c], &ok);
            if (!ok)
                return lineError(path, lineNo, QStringLiteral("'%1' in column %2 is not a number")
                                                   .arg(fields[c], columnNames[c]));
            if (!std::isfinite(v))
                return lineError(path, lineNo, QStringLiteral("%1 value '%2' is not a finite number")
                                                   .arg(columnNames[c], fields[c]),
                                 columns[c] == Column::Counts ? SpectrumProblem::NonFiniteCounts
                                                              : SpectrumProblem::Unreadable);
            if (columns[c] == Column::Counts) {
                countsTotal += v;
                if (!std::isfinite(countsTotal))
                    return lineError(path, lineNo, QStringLiteral("counts '%1' make the total of the counts infinite")
                                                       .arg(fields[c]),
                                     SpectrumProblem::NonFiniteCounts);
                s.counts.push_back(v);
            } else if (columns[c] == Column::Energy) {
                energies.push_back(v);
                energyRounding = std::max(energyRounding, roundingOf(fields[c]));
            } else {
                if (haveChannel && v != previousChannel + 1.0)
                    return lineError(path, lineNo, QStringLiteral("channel %1 does not follow channel %2 "
                                                                  "(channels must be consecutive)")
                                                       .arg(fields[c], number(previousChannel)));
                previousChannel = v;
                haveChannel = true;
            }
        }
    }
    if (s.counts.empty())
        return makeError(path, columns.empty() ? QStringLiteral("holds no data (only comments or blank lines)")
                                               : QStringLiteral("has column names but no data rows"),
                         unsigned(SpectrumProblem::Unreadable));
    // Two unnamed columns whose first is 0 or 1, 2, 3 ... are channel numbers, not energies.
    if (columnNames == QStringList{QStringLiteral("energy"), QStringLiteral("counts")} && energies.size() > 1) {
        bool consecutive = energies.front() == 0.0 || energies.front() == 1.0;
        for (size_t i = 1; consecutive && i < energies.size(); ++i)
            consecutive = energies[i] == energies[i - 1] + 1.0;
        if (consecutive)
            energies.clear();
    }

    Error headerError;
    if (!applyHeader(header, s, path, headerError))
        return headerError;
    if (!header.values.contains(QStringLiteral("calibration"))) {
        const EnergyColumnFit fit = energies.empty() ? EnergyColumnFit{} : EnergyColumnFit::fit(energies, energyRounding);
        if (!energies.empty() && fit.ok())
            s.calibration = fit.calibration();
        else
            s.problems.add(SpectrumProblem::MissingCalibration);
    }
    s.checkValues();
    return s;
}

QByteArray serialize(const Spectrum &s)
{
    QStringList lines{QStringLiteral("# format: %1").arg(QLatin1String(FormatName)),
                      QStringLiteral("# version: %1").arg(Version),
                      QStringLiteral("# live_time_s: %1").arg(number(s.liveTime)),
                      QStringLiteral("# real_time_s: %1").arg(number(s.realTime))};
    if (s.startTime.isValid())
        lines << QStringLiteral("# start_time: %1").arg(s.startTime.toString(Qt::ISODateWithMs));
    lines << QStringLiteral("# distance_cm: %1").arg(number(s.distanceCm))
          << QStringLiteral("# detector: %1").arg(escape(s.detector))
          << QStringLiteral("# description: %1").arg(escape(s.description))
          << QStringLiteral("# labels: %1").arg(escape(s.labels.join(QLatin1Char(';'))))
          << QStringLiteral("# source_path: %1").arg(escape(s.sourcePath))
          << QStringLiteral("# index_in_source: %1").arg(s.indexInSource)
          << QStringLiteral("# problems: %1").arg(s.problems.bits());
    QStringList c;
    for (double v : s.calibration.coefficients())
        c << number(v);
    lines << QStringLiteral("# calibration: %1").arg(c.join(QLatin1Char(' ')));
    if (!s.rawHeader.isEmpty())
        lines << QStringLiteral("# raw_header: %1").arg(QString::fromLatin1(s.rawHeader.toBase64()));
    lines << QStringLiteral("channel,energy_keV,counts");
    QByteArray out = lines.join(QLatin1Char('\n')).toUtf8();
    out += '\n';
    out.reserve(out.size() + 32 * static_cast<qsizetype>(s.counts.size()));
    for (size_t i = 0; i < s.counts.size(); ++i) {
        out += QByteArray::number(static_cast<qulonglong>(i));
        out += ',';
        out += QString::number(s.calibration.energyAt(static_cast<double>(i)), 'f', 4).toLatin1();
        out += ',';
        out += number(s.counts[i]).toLatin1();
        out += '\n';
    }
    return out;
}

bool looksLikeSpectrumCsv(QByteArrayView head)
{
    const QString text = QString::fromUtf8(head.first(std::min<qsizetype>(head.size(), 2048))).toLower();
    if (text.contains(QLatin1String("# format: ") + QLatin1String(FormatName)))
        return true;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QString t = line.trimmed();
        if (t.isEmpty() || t.startsWith(QLatin1Char('#')))
            continue;
        const QStringList fields = splitFields(t, separatorOf(t));
        return std::any_of(fields.begin(), fields.end(), [](const QString &f) { return columnFor(f) == Column::Counts; });
    }
    return false;
}

} // namespace photopeak::csv
