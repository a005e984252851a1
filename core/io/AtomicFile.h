#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QString>

namespace photopeak {

// Writes `bytes` to a temporary file next to `path` and renames it into place (QSaveFile).
Status writeFileAtomically(const QString &path, const QByteArray &bytes);
// A temporary path in the same folder, for writers that need a file name (HDF5); rename with commitTemporary.
QString temporarySibling(const QString &path);
Status commitTemporary(const QString &temporaryPath, const QString &path);

} // namespace photopeak
