// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

// Runs photopeak-cli (PHOTOPEAK_CLI_PATH, defined for tests/cli) and captures its exit code and output.

#include <QProcess>
#include <QString>
#include <QStringList>

namespace photopeak::testcli {

struct Run {
    int code;
    QString out, err;
};

inline Run cli(const QStringList &args, int timeoutMs = 600000)
{
    QProcess p;
    p.start(QStringLiteral(PHOTOPEAK_CLI_PATH), args);
    p.waitForFinished(timeoutMs);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

} // namespace photopeak::testcli
