// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "live/AlarmLogic.h"

#include <algorithm>

namespace photopeak {

AlarmLogic::AlarmLogic(int raiseAfter, int clearAfter) { setHysteresis(raiseAfter, clearAfter); }

void AlarmLogic::setHysteresis(int raiseAfter, int clearAfter)
{
    m_raiseAfter = std::max(1, raiseAfter);
    m_clearAfter = std::max(1, clearAfter);
}

void AlarmLogic::reset()
{
    m_alarming = m_quiet = 0;
    m_active = false;
}

AlarmLogic::Event AlarmLogic::update(bool alarming)
{
    if (alarming) {
        ++m_alarming;
        m_quiet = 0;
        if (!m_active && m_alarming >= m_raiseAfter) {
            m_active = true;
            return Event::Raised;
        }
        return Event::None;
    }
    ++m_quiet;
    m_alarming = 0;
    if (m_active && m_quiet >= m_clearAfter) {
        m_active = false;
        return Event::Cleared;
    }
    return Event::None;
}

} // namespace photopeak
