// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "help/ManualWindow.h"

#include <QFile>
#include <QHBoxLayout>
#include <QListWidget>
#include <QRegularExpression>
#include <QSplitter>
#include <QTextBrowser>

namespace photopeak::ui {

namespace {
constexpr const char *kNote = QT_TRANSLATE_NOOP("photopeak::ui::ManualWindow",
                                                 "Headings are shown in your language; the text of the manual is in English.");
} // namespace

ManualWindow::ManualWindow(QWidget *parent)
    : QWidget(parent, Qt::Window), m_contents(new QListWidget(this)), m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("manualWindow"));
    setWindowTitle(tr("Photopeak Manual"));
    setAttribute(Qt::WA_DeleteOnClose);
    m_contents->setObjectName(QStringLiteral("manualContents"));
    m_browser->setObjectName(QStringLiteral("manualBrowser"));
    m_browser->setOpenExternalLinks(true);
    m_browser->setHtml(html());
    for (const QString &id : sections()) {
        auto *item = new QListWidgetItem(heading(id), m_contents);
        item->setData(Qt::UserRole, id);
    }
    connect(m_contents, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            m_browser->scrollToAnchor(item->data(Qt::UserRole).toString());
    });
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_contents);
    splitter->addWidget(m_browser);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 760});
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    resize(1040, 760);
}

QStringList ManualWindow::sections() const
{
    return {QStringLiteral("start"),    QStringLiteral("browser"),   QStringLiteral("info"),     QStringLiteral("view"),
            QStringLiteral("analysis"), QStringLiteral("results"),   QStringLiteral("training"), QStringLiteral("modelviews"),
            QStringLiteral("live"),     QStringLiteral("reports"),   QStringLiteral("images"),   QStringLiteral("tables"),
            QStringLiteral("hits"),     QStringLiteral("preferences"), QStringLiteral("cli"),    QStringLiteral("scaleout"),
            QStringLiteral("formats"),  QStringLiteral("outputs"),   QStringLiteral("shortcuts")};
}

QString ManualWindow::heading(const QString &section) const
{
    static const std::pair<const char *, const char *> kHeadings[] = {
        {"title", QT_TR_NOOP("Photopeak Manual")},
        {"contents", QT_TR_NOOP("Contents")},
        {"start", QT_TR_NOOP("Getting started")},
        {"browser", QT_TR_NOOP("Data browser")},
        {"info", QT_TR_NOOP("Spectrum information panel")},
        {"view", QT_TR_NOOP("Spectrum view")},
        {"analysis", QT_TR_NOOP("Analysis menu")},
        {"results", QT_TR_NOOP("Results panel")},
        {"training", QT_TR_NOOP("Training panel")},
        {"modelviews", QT_TR_NOOP("Model views")},
        {"live", QT_TR_NOOP("Live monitoring")},
        {"reports", QT_TR_NOOP("Reports")},
        {"images", QT_TR_NOOP("Detector images")},
        {"tables", QT_TR_NOOP("Event tables")},
        {"hits", QT_TR_NOOP("Cosmic-ray hits")},
        {"preferences", QT_TR_NOOP("Preferences")},
        {"cli", QT_TR_NOOP("Command line (photopeak-cli)")},
        {"scaleout", QT_TR_NOOP("Batch runs on a cluster (SLURM)")},
        {"formats", QT_TR_NOOP("File formats")},
        {"outputs", QT_TR_NOOP("Safety of your files")},
        {"shortcuts", QT_TR_NOOP("Keyboard shortcuts")},
    };
    for (const auto &[id, text] : kHeadings)
        if (section == QLatin1String(id))
            return tr(text);
    return section;
}

QString ManualWindow::html() const
{
    QFile file(QStringLiteral(":/manual/manual.html"));
    QString text = file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll())
                                                  : QStringLiteral("<p>%1</p>").arg(tr("The manual is missing from this build."));
    QString contents = QStringLiteral("<p><b>%1</b></p><ul>").arg(heading(QStringLiteral("contents")).toHtmlEscaped());
    for (const QString &id : sections())
        contents += QStringLiteral("<li><a href=\"#%1\">%2</a></li>").arg(id, heading(id).toHtmlEscaped());
    contents += QStringLiteral("</ul>");
    const QString note = tr(kNote);
    text.replace(QStringLiteral("{{contents}}"), contents);
    text.replace(QStringLiteral("{{language-note}}"), note == QLatin1String(kNote) ? QString() : note.toHtmlEscaped());
    static const QRegularExpression placeholder(QStringLiteral("\\{\\{([a-z-]+)\\}\\}"));
    QString out;
    qsizetype last = 0;
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        out += heading(m.captured(1)).toHtmlEscaped();
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

void ManualWindow::showSection(const QString &section)
{
    for (int i = 0; i < m_contents->count(); ++i)
        if (m_contents->item(i)->data(Qt::UserRole).toString() == section) {
            m_contents->setCurrentRow(i);
            break;
        }
    m_browser->scrollToAnchor(section.isEmpty() ? QStringLiteral("top") : section);
}

ManualWindow *ManualWindow::open(QWidget *owner, const QString &section)
{
    QWidget *top = owner ? owner->window() : nullptr;
    auto *manual = top ? top->findChild<ManualWindow *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
    if (!manual)
        manual = new ManualWindow(top);
    manual->show();
    manual->raise();
    manual->activateWindow();
    manual->showSection(section);
    return manual;
}

QString ManualWindow::sectionFor(const QWidget *widget)
{
    // Panels of the workflows opened in tabs are known by their class.
    static const std::pair<const char *, const char *> kPanels[] = {
        {"photopeak::ui::ImagePanel", "images"},      {"photopeak::ui::TablesPanel", "tables"},
        {"photopeak::ui::HitsWidget", "hits"},        {"photopeak::ui::LiveWindow", "live"},
        {"photopeak::ui::LoadingsView", "modelviews"}, {"photopeak::ui::LatentScatterMatrixView", "modelviews"},
        {"photopeak::ui::ConfusionMatrixView", "modelviews"}, {"photopeak::ui::MisclassificationView", "modelviews"},
    };
    for (const QWidget *w = widget; w; w = w->parentWidget()) {
        if (const QVariant v = w->property("manualSection"); v.isValid())
            return v.toString();
        for (const auto &[className, section] : kPanels)
            if (w->inherits(className))
                return QString::fromLatin1(section);
    }
    return {};
}

void ManualWindow::setManualSection(QWidget *panel, const QString &section)
{
    panel->setProperty("manualSection", section);
}

} // namespace photopeak::ui
