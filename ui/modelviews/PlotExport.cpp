// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "modelviews/PlotExport.h"

#include "io/AtomicFile.h"
#include "io/OutputGuard.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileDialog>
#include <QMessageBox>
#include <qcustomplot.h>

namespace photopeak::ui {

Status savePlotPng(QCustomPlot *plot, const QString &path, const QStringList &inputs, int width, int height)
{
    if (Status allowed = OutputGuard(inputs, true).check(path, OutputKind::image()); !allowed)
        return allowed;
    const QPixmap pixmap = plot->toPixmap(width > 0 ? width : plot->width(), height > 0 ? height : plot->height());
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (pixmap.isNull() || !pixmap.save(&buffer, "PNG"))
        return makeError(path, QStringLiteral("the plot could not be rendered as PNG"));
    return writeFileAtomically(path, bytes, OutputKind::image());
}

void exportPlotPng(QWidget *parent, QCustomPlot *plot, const QString &suggestedName, const QStringList &inputs)
{
    const QString title = QCoreApplication::translate("photopeak::ui::PlotExport", "Save View as PNG");
    const QString path = QFileDialog::getSaveFileName(
        parent, title, suggestedName, QCoreApplication::translate("photopeak::ui::PlotExport", "PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (Status st = savePlotPng(plot, path, inputs); !st)
        QMessageBox::warning(parent, title, st.error().toString());
}

} // namespace photopeak::ui
