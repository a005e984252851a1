// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "io/h5/H5DatasetInfo.h"
#include "util/Result.h"

#include <QList>
#include <QPair>
#include <QString>

#include <vector>

namespace photopeak {

// Every dataset of an HDF5 file (recursively through its groups) with shape and type, and the root
// attributes as text. What the CLI `info` command prints and what the spectra reader maps roles from.
class H5DatasetListing {
public:
    H5DatasetListing() = default;
    H5DatasetListing(QString path, std::vector<H5DatasetInfo> datasets, QList<QPair<QString, QString>> rootAttributes);

    // Opens the file read-only; an error names the file and what HDF5 found wrong.
    static Result<H5DatasetListing> read(const QString &path);

    const QString &path() const { return m_path; }
    const std::vector<H5DatasetInfo> &datasets() const { return m_datasets; }
    const QList<QPair<QString, QString>> &rootAttributes() const { return m_rootAttributes; }
    QString rootAttribute(const QString &name) const;  // empty if absent
    const H5DatasetInfo *find(const QString &datasetPath) const;  // nullptr if absent

    // One line: "/counts [643 x 256] int32, /labels [643] string (variable length), ..."
    QString summary() const;
    // Several lines for people: attributes, then one dataset per line.
    QString toText() const;

private:
    QString m_path;
    std::vector<H5DatasetInfo> m_datasets;
    QList<QPair<QString, QString>> m_rootAttributes;
};

} // namespace photopeak
