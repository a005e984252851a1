// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "images/CrystfelStreamReader.h"

#include <QFile>

#include <QFileInfo>
#include <QRegularExpression>

namespace photopeak {

Result<ImageLabelSet> CrystfelStreamReader::read(const QString &path, const QString &imageFile)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return makeError(path, QStringLiteral("cannot be opened: %1").arg(file.errorString()));
    const QString wanted = QFileInfo(imageFile).fileName();
    ImageLabelSet set;
    bool inChunk = false, inPeaks = false, take = true, sawChunk = false;
    int frame = 0, lineNo = 0;
    static const QRegularExpression space(QStringLiteral("\\s+"));
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        ++lineNo;
        if (line.startsWith(QLatin1String("----- Begin chunk"))) {
            inChunk = true;
            sawChunk = true;
            inPeaks = false;
            take = wanted.isEmpty();
            frame = 0;
        } else if (line.startsWith(QLatin1String("----- End chunk"))) {
            inChunk = inPeaks = false;
        } else if (!inChunk) {
            continue;
        } else if (line.startsWith(QLatin1String("Image filename:"))) {
            take = wanted.isEmpty() || QFileInfo(line.section(QLatin1Char(':'), 1).trimmed()).fileName() == wanted;
        } else if (line.startsWith(QLatin1String("Event:"))) {
            bool ok = false;
            frame = line.section(QLatin1String("//"), -1).trimmed().toInt(&ok);
            if (!ok)
                return makeError(path, QStringLiteral("line %1: event '%2' is not a frame number").arg(lineNo).arg(line));
        } else if (line.startsWith(QLatin1String("Peaks from peak search"))) {
            inPeaks = true;
            if (take)
                set.completeFrames.insert(frame);
        } else if (line.startsWith(QLatin1String("End of peak list"))) {
            inPeaks = false;
        } else if (inPeaks && take && !line.startsWith(QLatin1String("fs/px"))) {
            const QStringList parts = line.split(space, Qt::SkipEmptyParts);
            bool okX = false, okY = false;
            const double fs = parts.value(0).toDouble(&okX), ss = parts.value(1).toDouble(&okY);
            if (parts.size() < 4 || !okX || !okY)
                return makeError(path, QStringLiteral("line %1: '%2' is not a peak line (fs ss 1/d intensity panel)").arg(lineNo).arg(line));
            set.labels.push_back({frame, fs - 0.5, ss - 0.5, 1});
        }
    }
    if (!sawChunk)
        return makeError(path, QStringLiteral("is not a CrystFEL stream (no '----- Begin chunk -----')"));
    return set;
}

} // namespace photopeak
