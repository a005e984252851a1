// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

namespace photopeak {

class ReaderRegistry;
// Adds every format the project ships. Adding a format = one folder under io/ and one line here.
void registerBuiltinFormats(ReaderRegistry &registry);

} // namespace photopeak
