// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/MissingValues.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace photopeak {

Result<MissingValues> MissingValues::parse(const QString &spec)
{
    MissingValues out;
    const QString source = QStringLiteral("missing values \"%1\"").arg(spec);
    for (const QString &partRaw : spec.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString part = partRaw.trimmed();
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        const QString column = eq < 0 ? QString() : part.left(eq).trimmed();
        if (eq >= 0 && column.isEmpty())
            return makeError(source, QStringLiteral("\"%1\" has no column name before '='").arg(part));
        const QString values = eq < 0 ? part : part.mid(eq + 1);
        const QStringList items = values.split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (items.isEmpty())
            return makeError(source, QStringLiteral("\"%1\" names no value").arg(part));
        for (const QString &item : items) {
            bool ok = false;
            const double v = item.trimmed().toDouble(&ok);
            if (!ok && item.trimmed().compare(QLatin1String("nan"), Qt::CaseInsensitive) != 0)
                return makeError(source, QStringLiteral("\"%1\" is not a number").arg(item.trimmed()));
            if (!ok)
                continue;  // NaN is always missing
            if (column.isEmpty())
                out.addForAll(v);
            else
                out.addForColumn(column, v);
        }
    }
    return out;
}

std::vector<double> MissingValues::sentinelsFor(const QString &column) const
{
    std::vector<double> out = m_perColumn.value(column);
    out.insert(out.end(), m_all.begin(), m_all.end());
    const size_t n = out.size();
    for (size_t i = 0; i < n; ++i) {
        const double f = static_cast<double>(static_cast<float>(out[i]));
        if (f != out[i] && std::isfinite(f))
            out.push_back(f);
    }
    return out;
}

qint64 MissingValues::apply(const std::vector<double> &sentinels, double *values, qint64 count)
{
    if (sentinels.empty())
        return 0;
    qint64 replaced = 0;
    for (qint64 i = 0; i < count; ++i)
        if (std::find(sentinels.begin(), sentinels.end(), values[i]) != sentinels.end()) {
            values[i] = std::nan("");
            ++replaced;
        }
    return replaced;
}

QString MissingValues::toString() const
{
    QStringList parts;
    QStringList all;
    for (double v : m_all)
        all << QString::number(v, 'g', 17);
    if (!all.isEmpty())
        parts << all.join(QLatin1Char(','));
    QStringList keys = m_perColumn.keys();
    keys.sort();
    for (const QString &k : keys) {
        QStringList vs;
        for (double v : m_perColumn.value(k))
            vs << QString::number(v, 'g', 17);
        parts << k + QLatin1Char('=') + vs.join(QLatin1Char(','));
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace photopeak
