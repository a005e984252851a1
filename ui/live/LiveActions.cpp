// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "live/LiveActions.h"

#include "ml/SpectrumClassifierModel.h"
#include "ml/latent/LatentSpectrumModel.h"

#include "live/LiveWindow.h"
#include "session/AnalysisSession.h"

#include <QMenu>

namespace photopeak::ui {

LiveActions::LiveActions(QWidget *window, AnalysisSession *session) : QObject(window), m_window(window), m_session(session) {}

LiveWindow *LiveActions::liveWindow()
{
    if (!m_live) {
        m_live = new LiveWindow(m_window);
        m_live->setWindowIcon(m_window->windowIcon());
        m_live->setAnalyzerProvider([s = m_session]() -> std::shared_ptr<const SpectrumAnalyzer> {
            if (!s->hasModel())
                return nullptr;
            SpectrumAnalyzer::Models models;
            if (s->classifier())
                models.push_back(std::make_shared<const SpectrumClassifierModel>(s->classifier()));
            if (s->latentModel() && s->latentModel()->isValid())
                models.push_back(std::make_shared<const LatentSpectrumModel>(s->latentModel()));
            return std::make_shared<const SpectrumAnalyzer>(std::move(models));
        });
    }
    return m_live;
}

void LiveActions::fillMenu(QMenu *menu)
{
    menu->addAction(tr("&Watch Folder…"), this, [this] {
        LiveWindow *w = liveWindow();
        w->show();
        w->raise();
        w->chooseFolderToWatch();
    });
    menu->addAction(tr("Rep&lay Folder…"), this, [this] {
        LiveWindow *w = liveWindow();
        w->show();
        w->raise();
        w->chooseFolderToReplay();
    });
}

} // namespace photopeak::ui
