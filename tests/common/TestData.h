// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

// The one way tests find real data: ../shared/data beside the project (PHOTOPEAK_SHARED_DATA at configure
// time, or the PHOTOPEAK_SHARED_DATA environment variable). A missing file fails the test loudly.

#include <QDir>
#include <QFileInfo>
#include <QString>
#include <QTest>

namespace photopeak::testdata {

inline QString root()
{
    const QByteArray env = qgetenv("PHOTOPEAK_SHARED_DATA");
    return env.isEmpty() ? QStringLiteral(PHOTOPEAK_SHARED_DATA) : QString::fromLocal8Bit(env);
}

inline QString path(const QString &relative) { return QDir(root()).filePath(relative); }

} // namespace photopeak::testdata

// Resolves `relative` under the shared data folder into `var`, or fails the current test.
#define PHOTOPEAK_REQUIRE_DATA(var, relative)                                                               \
    const QString var = photopeak::testdata::path(relative);                                                \
    if (!QFileInfo::exists(var))                                                                            \
        QFAIL(qPrintable(QStringLiteral("real test data missing: %1 (is ../shared beside the project?)").arg(var)))
