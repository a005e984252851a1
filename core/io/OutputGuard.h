// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "util/Result.h"

#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

namespace photopeak {

// Whether a run may write an output path (docs/output-safety.md). Asked before any work, for every output of
// every writer, CLI and window alike. Refused, with a message naming the file:
//  - an input of the run: the same file by canonical path (symbolic links resolved), or an existing file inside
//    an input folder (a folder scan reads it). Never overridden, not even by force;
//  - an existing folder;
//  - an existing file Photopeak did not write (no matching OutputLedger entry), or one it wrote as another kind
//    (a model is never replaced by a report; a check for OutputKind::other accepts any kind), unless force.
// An existing Photopeak output of the same kind, unchanged since, is replaced (atomically, by AtomicFile).
class OutputGuard {
public:
    // Error::kind of a refusal that force would lift (a foreign file, another kind of output).
    static constexpr unsigned Overridable = 1;

    OutputGuard() = default;
    OutputGuard(const QStringList &inputs, bool force);

    // A file or folder the run reads; empty paths and paths that do not exist are ignored.
    void addInput(const QString &path);
    void addInputs(const QStringList &paths);
    void setForce(bool force) { m_force = force; }
    bool force() const { return m_force; }

    Status check(const QString &output, const QString &kind) const;
    // Each non-empty output checked, and no two outputs the same file.
    Status check(const std::vector<std::pair<QString, QString>> &outputsAndKinds) const;
    // Whether `output` is an input (the first rule above), without the other checks.
    bool isInput(const QString &output) const;

    // Removes temporaries ".NAME.PID-XXXXXXXX.tmp" of `output` left by writers that died (kill -9, crash):
    // their process is gone (or, for the older ".NAME.XXXXXXXX.tmp" names, untouched for an hour). Returns the
    // paths removed.
    static QStringList removeStaleTemporaries(const QString &output);
    // Canonical path of an existing file, or the canonical folder plus the name of one that does not exist yet.
    static QString canonicalPath(const QString &path);

private:
    QStringList m_inputFiles, m_inputFolders;  // canonical
    bool m_force = false;
};

} // namespace photopeak
