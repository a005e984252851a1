// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// Set-up shared by every harness: a QCoreApplication (some loaders look for shipped resources beside the
// program) and no Qt log output (warnings about refused files would cost more time than the parsing).
#include <QCoreApplication>
#include <QtGlobal>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
    return 0;
}
