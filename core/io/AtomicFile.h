// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCryptographicHash>
#include <QFile>
#include <QString>

namespace photopeak {

// Kinds of output recorded in the ledger. A run replaces its own earlier output of the same kind only.
namespace OutputKind {
inline QString other() { return QStringLiteral("output"); }             // writers that name no kind
inline QString spectra() { return QStringLiteral("spectra"); }          // convert: .sps, .csv, .h5
inline QString table() { return QStringLiteral("table"); }              // CSV tables of results
inline QString report() { return QStringLiteral("report"); }            // JSON result reports (classify)
inline QString image() { return QStringLiteral("image"); }              // PNG reports
inline QString document() { return QStringLiteral("document"); }        // PDF/HTML batch reports
inline QString efficiency() { return QStringLiteral("efficiency"); }    // efficiency curves
inline QString model(const QString &kind) { return QStringLiteral("model:") + kind; }
} // namespace OutputKind

// The one way Photopeak writes a file (docs/output-safety.md): into a temporary sibling ".NAME.PID-XXXXXXXX.tmp",
// flushed to disk, then renamed over NAME, so NAME is always either the old file or the complete new one, even
// after kill -9. A committed file is recorded in its folder's OutputLedger as `kind` (OutputKind) so that later
// runs may replace it; whether a path may be written at all is OutputGuard's question, asked before.
// A symbolic link as NAME is followed: its target is replaced.
Status writeFileAtomically(const QString &path, const QByteArray &bytes, const QString &kind = OutputKind::other());
// A temporary path in the same folder, for writers that need a file name (HDF5); rename with commitTemporary.
QString temporarySibling(const QString &path);
Status commitTemporary(const QString &temporaryPath, const QString &path, const QString &kind = OutputKind::other());

// writeFileAtomically for outputs written piece by piece (batch reports of any length in bounded memory): the
// pieces go to the temporary sibling, commit() flushes and renames it; destroyed without commit(), the
// temporary is removed and NAME is untouched.
class AtomicFileStream {
public:
    AtomicFileStream() = default;
    ~AtomicFileStream();
    AtomicFileStream(const AtomicFileStream &) = delete;
    AtomicFileStream &operator=(const AtomicFileStream &) = delete;

    Status open(const QString &path, const QString &kind = OutputKind::other());
    Status write(QByteArrayView bytes);
    Status commit();
    bool isOpen() const { return m_file.isOpen(); }

private:
    QString m_path, m_target, m_kind;
    QFile m_file;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
};

} // namespace photopeak
