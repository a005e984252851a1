// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QByteArrayView>
#include <QString>

namespace photopeak {

// Whether a file an instrument is still writing may be read: by the format's own size or end marker where
// it has one (.sps: 1024 + 4 N bytes; XML formats such as N42 and RadiaCode: the closing tag of the root
// element; RadiaCode spectrograms: the last line ended), else Unknown and the caller waits until size and
// modification time have settled.
class FileCompleteness {
public:
    enum class State { Complete, Incomplete, Unknown };

    static State check(const QString &path);
    // The same from the first bytes (up to 4 KiB), the last bytes (up to 256) and the size.
    static State check(const QString &path, QByteArrayView head, QByteArrayView tail, qint64 size);
};

} // namespace photopeak
