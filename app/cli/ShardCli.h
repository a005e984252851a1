// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "jobs/Shard.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

// --shard I/N of the batch commands (classify, report, images find|classify, hits features): the one option
// and its parsing; which items a shard takes is decided by photopeak::Shard alone. docs/scale-out.md.
QCommandLineOption shardOption();
// Reads --shard (the whole batch when absent). Returns -1 to go on, or 2 after printing the usage error.
int readShard(const QCommandLineParser &parser, const QString &command, photopeak::Shard *shard);
