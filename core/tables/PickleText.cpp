// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/PickleText.h"

namespace photopeak {

namespace {
// Protocol-0 "V" strings are raw-unicode-escape: \uXXXX and \UXXXXXXXX escapes, everything else UTF-8.
QString decodeRawUnicode(const QByteArray &line)
{
    QString out;
    const QString text = QString::fromUtf8(line);
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('\\') && i + 1 < text.size()
            && (text[i + 1] == QLatin1Char('u') || text[i + 1] == QLatin1Char('U'))) {
            const int digits = text[i + 1] == QLatin1Char('u') ? 4 : 8;
            bool ok = false;
            const uint code = text.mid(i + 2, digits).toUInt(&ok, 16);
            if (ok) {
                const char32_t c = code;
                out += QString::fromUcs4(&c, 1);
                i += 1 + digits;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

// Protocol-0 "S" strings are Python reprs: 'text' or "text" with backslash escapes.
QString decodeRepr(QByteArray line)
{
    if (line.size() >= 2 && (line.front() == '\'' || line.front() == '"') && line.back() == line.front())
        line = line.mid(1, line.size() - 2);
    QByteArray out;
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (line[i] == '\\' && i + 1 < line.size()) {
            const char c = line[++i];
            if (c == 'n') out += '\n';
            else if (c == 't') out += '\t';
            else if (c == 'x' && i + 2 < line.size()) {
                out += char(line.mid(i + 1, 2).toInt(nullptr, 16));
                i += 2;
            } else out += c;
        } else {
            out += line[i];
        }
    }
    return QString::fromUtf8(out);
}
} // namespace

Result<QStringList> PickleText::strings(const QByteArray &pickle)
{
    QStringList out;
    qsizetype i = 0;
    auto readLine = [&]() {
        const qsizetype end = pickle.indexOf('\n', i);
        const QByteArray line = pickle.mid(i, end < 0 ? -1 : end - i);
        i = end < 0 ? pickle.size() : end + 1;
        return line;
    };
    while (i < pickle.size()) {
        const char op = pickle[i++];
        switch (op) {
        case '(': case 'l': case 't': case 'a': case 'e': case 'd': case 's': case ']': case ')': case '}':
        case 'N': case '0': case '1': case '2':
            break;  // marks, list/tuple/dict building, None, pops
        case 'p': case 'g': case 'I': case 'L': case 'F':
            readLine();  // memo put/get, numbers
            break;
        case 'V': out << decodeRawUnicode(readLine()); break;
        case 'S': out << decodeRepr(readLine()); break;
        case '.': return out;
        default:
            return makeError(QString(), QStringLiteral("unsupported pickle opcode '%1' at byte %2 (only lists of "
                                                       "strings are read)").arg(QLatin1Char(op)).arg(i - 1));
        }
    }
    return makeError(QString(), QStringLiteral("pickle has no end mark"));
}

QByteArray PickleText::listOfStrings(const QStringList &values)
{
    QByteArray out = "(lp0\n";
    int memo = 1;
    for (const QString &v : values) {
        QByteArray escaped;
        for (const QChar ch : v) {
            const ushort u = ch.unicode();
            if (u == '\\' || u == '\n' || u == '\r' || u < 0x20)
                escaped += QStringLiteral("\\u%1").arg(u, 4, 16, QLatin1Char('0')).toLatin1();
            else
                escaped += QString(ch).toUtf8();
        }
        out += 'V' + escaped + "\np" + QByteArray::number(memo++) + "\na";
    }
    out += '.';
    return out;
}

} // namespace photopeak
