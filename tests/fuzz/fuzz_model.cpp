// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// libFuzzer harness for model files: every kind goes through the one loader (ModelRegistry::load), which
// must refuse damaged files with a message and never crash.
#include "FuzzTempFile.h"

#include "model/ModelRegistry.h"

#include <QLoggingCategory>

#include <cstddef>
#include <cstdint>

using namespace photopeak;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QString path = fuzzTempFile("json");
    if (!writeFuzzInput(path, QByteArrayView(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size))))
        return 0;
    const auto model = ModelRegistry::instance().load(path);
    (void)model;
    return 0;
}
