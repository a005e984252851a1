// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "jobs/Parallel.h"

namespace photopeak {

namespace {
std::atomic<int> g_maxThreads{0};

int machineThreads()
{
    return static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
}
} // namespace

int Parallel::maxThreads()
{
    const int set = g_maxThreads.load(std::memory_order_relaxed);
    return set > 0 ? set : machineThreads();
}

void Parallel::setMaxThreads(int threads)
{
    g_maxThreads.store(threads <= 0 ? 0 : std::clamp(threads, 1, 64), std::memory_order_relaxed);
}

} // namespace photopeak
