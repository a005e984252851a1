// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QString>
#include <QStringList>

namespace photopeak {

// Files Photopeak ships beside its programs (nuclide library, efficiency curves, demo data), found by their
// path relative to the resources folder, e.g. "nuclides/nuclides.tsv" or "efficiency/xgd.json".
// Folders searched, first hit wins:
//   $PHOTOPEAK_RESOURCES                        (a folder laid out like resources/)
//   <app>/../share/photopeak                    (installed: bin/ beside share/; in any build folder, a link made
//   <app>/../../share/photopeak                  by CMake to the source resources, for app/, tests/ and tests/bench/)
//   /usr/share/photopeak
// <app> is QCoreApplication::applicationDirPath() when an application object exists.
QStringList sharedResourceFolders();
// Cleaned path of the first existing file; empty when there is none.
QString findSharedResource(const QString &relativePath);

} // namespace photopeak
