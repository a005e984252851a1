// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/HitFolderReader.h"

#include "hits/HitImageDecoder.h"
#include "hits/HitLabelsFile.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>

namespace photopeak {

Result<HitCollection> HitFolderReader::read(const QString &folder, const HitReadOptions &options)
{
    const QDir dir(folder);
    if (!dir.exists())
        return makeError(folder, QStringLiteral("folder does not exist"));
    // Crops in the folder itself and in its class subfolders (one level).
    QStringList files;
    for (const QFileInfo &f : dir.entryInfoList(QDir::Files, QDir::Name))
        if (HitImageDecoder::isImageFile(f.filePath()))
            files << f.filePath();
    for (const QFileInfo &sub : dir.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        for (const QFileInfo &f : QDir(sub.filePath()).entryInfoList(QDir::Files, QDir::Name))
            if (HitImageDecoder::isImageFile(f.filePath()))
                files << f.filePath();
    if (files.isEmpty())
        return makeError(folder, QStringLiteral("no PNG or JPEG crops in this folder or its class subfolders"));

    HitCollection c;
    c.setPath(folder);
    QHash<QString, HitLabelsFile::Row> table;
    const QString csv = options.labelsCsv.isEmpty() ? dir.filePath(QStringLiteral("labels.csv")) : options.labelsCsv;
    if (!options.labelsCsv.isEmpty() || QFileInfo::exists(csv)) {
        auto rows = HitLabelsFile::read(csv);
        if (!rows)
            return rows.error();
        table = std::move(*rows);
    }
    int size = options.expectedSize;
    for (const QString &path : files) {
        auto image = HitImageDecoder::decodeFile(path);
        if (!image) {
            c.addProblem(image.error());
            continue;
        }
        const QFileInfo info(path);
        Hit hit;
        hit.id = info.completeBaseName();
        hit.source = path;
        if (info.absolutePath() != dir.absolutePath())
            hit.label = info.dir().dirName();
        hit.image = std::move(*image);
        const auto row = table.constFind(hit.id);
        if (row != table.constEnd())
            HitLabelsFile::apply(*row, hit);
        c.addCrop(std::move(hit), &size);
    }
    if (c.size() == 0)
        return makeError(folder, QStringLiteral("none of the %1 crops could be read; first problem: %2")
                                     .arg(files.size()).arg(c.problems().front().toString()));
    return c;
}

} // namespace photopeak
