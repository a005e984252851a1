// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "live/FileCompleteness.h"

#include "io/sps/SpsFormat.h"

#include <QFile>
#include <QFileInfo>
#include <QXmlStreamReader>
#include <QtEndian>

#include <cstring>

namespace photopeak {

namespace {
// Name of the first element of an XML head (without prefix), empty when the head is no XML.
QString rootElement(QByteArrayView head)
{
    QXmlStreamReader xml(head.toByteArray());
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement)
            return xml.name().toString();
        if (token == QXmlStreamReader::Invalid)
            return {};
    }
    return {};
}

bool looksLikeXml(QByteArrayView head)
{
    QByteArrayView h = head;
    if (h.startsWith("\xEF\xBB\xBF"))
        h = h.sliced(3);
    h = h.trimmed();
    return h.startsWith('<');
}

// The tail ends with </root> or </prefix:root> (whitespace and NULs after it allowed).
bool endsWithClosingTag(QByteArrayView tail, const QString &root)
{
    qsizetype end = tail.size();
    while (end > 0 && (tail[end - 1] == '\0' || QChar::isSpace(uchar(tail[end - 1]))))
        --end;
    if (end < 3 || tail[end - 1] != '>')
        return false;
    const QByteArray name = root.toUtf8();
    qsizetype close = end - 1;
    while (close > 0 && QChar::isSpace(uchar(tail[close - 1])))
        --close;
    if (close < name.size() || tail.sliced(close - name.size(), name.size()) != QByteArrayView(name))
        return false;
    const qsizetype open = tail.first(close - name.size()).lastIndexOf(QByteArrayView("</"));
    if (open < 0)
        return false;
    const QByteArrayView between = tail.sliced(open + 2, close - name.size() - open - 2);
    return between.isEmpty() || (between.endsWith(':') && !between.contains('>') && !between.contains('<'));
}
} // namespace

FileCompleteness::State FileCompleteness::check(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return State::Unknown;
    const qint64 size = file.size();
    const QByteArray head = file.read(4096);
    QByteArray tail;
    if (size > 0 && file.seek(std::max<qint64>(0, size - 256)))
        tail = file.read(256);
    return check(path, head, tail, size);
}

FileCompleteness::State FileCompleteness::check(const QString &path, QByteArrayView head, QByteArrayView tail, qint64 size)
{
    if (size <= 0)
        return State::Incomplete;
    if (QFileInfo(path).suffix().compare(QLatin1String("sps"), Qt::CaseInsensitive) == 0) {
        if (size < sps::HeaderSize)
            return State::Incomplete;
        qint16 channels = 0;
        std::memcpy(&channels, head.data(), sizeof channels);
        channels = qFromLittleEndian(channels);
        if (channels <= 0)
            return State::Unknown;  // header not written yet, or damaged: let the size settle
        const qsizetype expected = sps::fileSize(channels);
        if (size == expected)
            return State::Complete;
        return size < expected ? State::Incomplete : State::Unknown;
    }
    // Line formats that grow by whole lines (RadiaCode spectrograms): complete when the last line is.
    if (QFileInfo(path).suffix().compare(QLatin1String("rcspg"), Qt::CaseInsensitive) == 0)
        return !tail.isEmpty() && tail.back() == '\n' ? State::Complete : State::Incomplete;
    if (looksLikeXml(head)) {
        const QString root = rootElement(head);
        if (root.isEmpty())
            return State::Unknown;
        return endsWithClosingTag(tail, root) ? State::Complete : State::Incomplete;
    }
    return State::Unknown;
}

} // namespace photopeak
