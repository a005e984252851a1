// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QStringList>

// The `images` subcommands; `args` starts with the subcommand name ("find", ...). Exit codes as every command.
int runImagesInfo(const QStringList &args);
int runImagesSynth(const QStringList &args);
int runImagesFind(const QStringList &args);
int runImagesClassify(const QStringList &args);
int runImagesTrain(const QStringList &args);
int runImagesEvaluate(const QStringList &args);
