// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/XmlDocument.h"

#include "spectrum/SpectrumProblem.h"

#include <QXmlStreamReader>

namespace photopeak {

namespace {
QByteArrayView trimmedStart(QByteArrayView bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes = bytes.sliced(3);
    qsizetype i = 0;
    while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n'))
        ++i;
    return bytes.sliced(i);
}
} // namespace

Result<QByteArray> xmlDocumentBytes(QByteArrayView bytes, const QString &path)
{
    const QByteArrayView trimmed = trimmedStart(bytes);
    if (trimmed.isEmpty())
        return makeError(path, QStringLiteral("file is empty"), unsigned(SpectrumProblem::Unreadable));
    return QByteArray::fromRawData(trimmed.data(), trimmed.size());
}

QString xmlRootElementName(QByteArrayView head)
{
    const QByteArrayView trimmed = trimmedStart(head);
    QXmlStreamReader xml(QByteArray(trimmed.data(), trimmed.size()));
    xml.setNamespaceProcessing(false);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement)
            return xml.name().toString();
        if (xml.hasError())
            break;
    }
    return {};
}

} // namespace photopeak
