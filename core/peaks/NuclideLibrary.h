// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "peaks/Nuclide.h"
#include "util/Result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace photopeak {

// The nuclide library file (resources/nuclides/nuclides.tsv): half-lives and photon lines with the source
// and version the file states. Daughters in equilibrium are expanded into their parent's `lines`.
class NuclideLibrary {
public:
    static Result<NuclideLibrary> load(const QString &path);
    static Result<NuclideLibrary> parse(const QByteArray &text, const QString &sourceName);
    // $PHOTOPEAK_NUCLIDES when set, else the shipped nuclides/nuclides.tsv found by findSharedResource
    // (util/SharedResources.h: $PHOTOPEAK_RESOURCES, <app>/../share/photopeak, the source tree, ...); empty if none.
    static QString defaultPath();
    static Result<NuclideLibrary> loadDefault();
    // "Cs-137", "cs137", "137Cs", "CS137" -> "Cs137". Returns the input trimmed when it is no nuclide name.
    static QString canonicalName(const QString &name);

    const Nuclide *find(const QString &name) const;
    const std::vector<Nuclide> &nuclides() const { return m_nuclides; }
    QStringList names() const;
    QString source() const { return m_source; }
    QString version() const { return m_version; }
    QString path() const { return m_path; }

private:
    std::vector<Nuclide> m_nuclides;
    QString m_source;
    QString m_version;
    QString m_path;
};

} // namespace photopeak
