// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/CredoJsonReader.h"

#include "hits/HitImageDecoder.h"
#include "io/FileBytes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace photopeak {

namespace {
QString text(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toInteger());
    return {};
}
} // namespace

Result<HitCollection> CredoJsonReader::read(const QString &path, const HitReadOptions &options)
{
    QByteArray bytes;
    const Status st = readFileBytes(path, bytes, 2000ll * 1024 * 1024);
    if (!st)
        return st.error();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (doc.isNull())
        return makeError(path, QStringLiteral("not valid JSON at byte %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    const QJsonArray detections = doc.isArray() ? doc.array() : doc.object().value(QStringLiteral("detections")).toArray();
    if (detections.isEmpty())
        return makeError(path, QStringLiteral("no detections (expected a \"detections\" array of CREDO detections)"));

    HitCollection c;
    c.setPath(path);
    int size = options.expectedSize;
    for (qsizetype i = 0; i < detections.size(); ++i) {
        const QJsonObject d = detections[i].toObject();
        const QString source = QStringLiteral("%1#%2").arg(path).arg(i);
        const QString frame = d.value(QStringLiteral("frame_content")).toString();
        if (frame.isEmpty()) {
            c.addProblem(makeError(source, QStringLiteral("detection has no frame_content")));
            continue;
        }
        const auto decoded = QByteArray::fromBase64Encoding(frame.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            c.addProblem(makeError(source, QStringLiteral("frame_content is not valid base64")));
            continue;
        }
        auto image = HitImageDecoder::decodeBytes(*decoded, source);
        if (!image) {
            c.addProblem(image.error());
            continue;
        }
        Hit hit;
        hit.id = text(d.value(QStringLiteral("id")));
        if (hit.id.isEmpty())
            hit.id = QString::number(i);
        hit.source = source;
        hit.device = text(d.value(QStringLiteral("device_id")));
        hit.label = d.value(QStringLiteral("class")).toString(d.value(QStringLiteral("label")).toString());
        hit.timestampMs = d.value(QStringLiteral("timestamp")).toInteger(-1);
        hit.frameX = d.value(QStringLiteral("x")).toInt(-1);
        hit.frameY = d.value(QStringLiteral("y")).toInt(-1);
        hit.frameWidth = d.value(QStringLiteral("width")).toInt(0);
        hit.frameHeight = d.value(QStringLiteral("height")).toInt(0);
        hit.image = std::move(*image);
        c.addCrop(std::move(hit), &size);
    }
    if (c.size() == 0)
        return makeError(path, QStringLiteral("none of the %1 detections could be read; first problem: %2")
                                   .arg(detections.size()).arg(c.problems().front().toString()));
    return c;
}

} // namespace photopeak
