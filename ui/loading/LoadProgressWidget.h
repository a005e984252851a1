#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace photopeak::ui {

class DatasetLoader;

// Status-bar strip shown while a dataset loads: stage text, progress bar, Cancel button.
class LoadProgressWidget : public QWidget {
    Q_OBJECT
public:
    explicit LoadProgressWidget(DatasetLoader *loader, QWidget *parent = nullptr);

    QToolButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_bar; }

private:
    void onStarted();
    void onProgress(qint64 done, qint64 total, const QString &stage);

    DatasetLoader *m_loader;
    QLabel *m_label;
    QProgressBar *m_bar;
    QToolButton *m_cancel;
};

} // namespace photopeak::ui
