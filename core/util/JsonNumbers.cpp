// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "util/JsonNumbers.h"

#include <QJsonValue>
#include <QtEndian>

#include <cmath>

namespace photopeak {

namespace {
QString number(double v) { return QString::number(v, 'g', 17); }
} // namespace

QString JsonNumbers::encodeDoubles(const std::vector<double> &values)
{
    QByteArray bytes(static_cast<qsizetype>(values.size() * sizeof(double)), '\0');
    for (size_t i = 0; i < values.size(); ++i)
        qToLittleEndian(values[i], bytes.data() + i * sizeof(double));
    return QString::fromLatin1(bytes.toBase64());
}

std::vector<double> JsonNumbers::decodeDoubles(const QString &text)
{
    const QByteArray bytes = QByteArray::fromBase64(text.toLatin1());
    std::vector<double> values(static_cast<size_t>(bytes.size()) / sizeof(double));
    for (size_t i = 0; i < values.size(); ++i)
        values[i] = qFromLittleEndian<double>(bytes.constData() + i * sizeof(double));
    return values;
}

Result<std::vector<double>> JsonNumbers::readDoubles(const QJsonObject &object, const QString &field, const QString &source,
                                                   double min, double max, qsizetype count)
{
    const QJsonValue value = object.value(field);
    const auto bytes = QByteArray::fromBase64Encoding(value.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!value.isString() || !bytes || bytes.decoded.size() % qsizetype(sizeof(double)) != 0)
        return makeError(source, QStringLiteral("field '%1' is missing or not base64 of float64 values; the file is damaged").arg(field));
    std::vector<double> values = decodeDoubles(value.toString());
    if (count >= 0 && qsizetype(values.size()) != count)
        return makeError(source, QStringLiteral("field '%1' holds %2 values, %3 expected; the file is damaged")
                                     .arg(field).arg(values.size()).arg(count));
    for (size_t i = 0; i < values.size(); ++i)
        if (!std::isfinite(values[i]) || values[i] < min || values[i] > max)
            return makeError(source, QStringLiteral("field '%1': value %2 of %3 is %4, outside [%5, %6]; the file is damaged")
                                         .arg(field).arg(i).arg(values.size()).arg(number(values[i]), number(min), number(max)));
    return values;
}

Result<double> JsonNumbers::readNumber(const QJsonObject &object, const QString &field, const QString &source, double min, double max)
{
    const QJsonValue value = object.value(field);
    if (!value.isDouble())
        return makeError(source, QStringLiteral("field '%1' is missing or not a number; the file is damaged").arg(field));
    const double v = value.toDouble();
    if (!std::isfinite(v) || v < min || v > max)
        return makeError(source, QStringLiteral("field '%1' = %2 is outside [%3, %4]; the file is damaged")
                                     .arg(field, number(v), number(min), number(max)));
    return v;
}

} // namespace photopeak
