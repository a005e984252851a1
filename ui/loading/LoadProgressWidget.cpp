#include "loading/LoadProgressWidget.h"

#include "loading/DatasetLoader.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>

namespace photopeak::ui {

LoadProgressWidget::LoadProgressWidget(DatasetLoader *loader, QWidget *parent)
    : QWidget(parent)
    , m_loader(loader)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);

    m_bar->setFixedWidth(180);
    m_bar->setTextVisible(true);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop reading (Esc); the previously opened data stays"));
    m_cancel->setAutoRaise(true);
    m_cancel->setObjectName(QStringLiteral("cancelLoadingButton"));

    connect(m_cancel, &QToolButton::clicked, loader, &DatasetLoader::cancel);
    connect(loader, &DatasetLoader::started, this, &LoadProgressWidget::onStarted);
    connect(loader, &DatasetLoader::progress, this, &LoadProgressWidget::onProgress);
    connect(loader, &DatasetLoader::busyChanged, this, &QWidget::setVisible);
    setVisible(false);
}

void LoadProgressWidget::onStarted()
{
    m_label->setText(tr("Scanning…"));
    m_bar->setRange(0, 0);  // busy indicator until the first report
    m_cancel->setEnabled(true);
}

void LoadProgressWidget::onProgress(qint64 done, qint64 total, const QString &stage)
{
    Q_UNUSED(stage)  // core stage names are not translated; show our own words
    const QLocale locale;
    m_label->setText(tr("Reading spectra %1 / %2").arg(locale.toString(done), locale.toString(total)));
    if (total > 0) {
        m_bar->setRange(0, 1000);
        m_bar->setValue(static_cast<int>(1000 * done / total));
    }
}

} // namespace photopeak::ui
