// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QString>

namespace photopeak {

// Which files Photopeak wrote: a hidden ledger per folder (".photopeak-outputs.json") lists each file written
// there by name with its kind, size and SHA-256. A file is Photopeak's own output only while it still matches
// its entry, so a file edited, replaced or copied in by someone else counts as foreign again (OutputGuard).
// Updates of a ledger are serialised between processes by a QLockFile beside it; entries of files that are
// gone are dropped on each update. Format in docs/output-safety.md.
class OutputLedger {
public:
    static QString fileName() { return QStringLiteral(".photopeak-outputs.json"); }
    static QString ledgerPath(const QString &file);

    // Records `file` (already at its final name) as written by Photopeak as `kind`; `sha256` of its bytes,
    // computed from the file when empty.
    static Status record(const QString &file, const QString &kind, QByteArray sha256 = {});
    // The kind recorded for `file` when the file still has the recorded size and hash; empty otherwise
    // (not written by Photopeak, or changed since).
    static QString recordedKind(const QString &file);

    static QByteArray sha256OfFile(const QString &file);
};

} // namespace photopeak
