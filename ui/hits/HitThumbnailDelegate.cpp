// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/HitThumbnailDelegate.h"

#include "hits/HitListModel.h"

#include <QPainter>

namespace photopeak {

HitThumbnailDelegate::HitThumbnailDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QColor HitThumbnailDelegate::classColour(const QString &name)
{
    if (name.isEmpty())
        return QColor(110, 110, 110);
    static const QColor palette[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c),
                                     QColor(0xd6, 0x27, 0x28), QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                                     QColor(0xe3, 0x77, 0xc2), QColor(0xbc, 0xbd, 0x22)};
    const QString n = name.toLower();
    if (n == QLatin1String("track"))
        return palette[0];
    if (n == QLatin1String("worm"))
        return palette[1];
    if (n == QLatin1String("spot"))
        return palette[2];
    if (n == QLatin1String("artefact") || n == QLatin1String("artifact"))
        return palette[3];
    return palette[4 + int(qHash(n) % 4)];
}

QSize HitThumbnailDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const
{
    return QSize(m_cell, m_cell);
}

void HitThumbnailDelegate::paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    p->save();
    const QRect cell = option.rect.adjusted(2, 2, -2, -2);
    const QImage image = index.data(HitListModel::ImageRole).value<QImage>();
    const QRect target = cell.adjusted(3, 3, -3, -3);
    p->setRenderHint(QPainter::SmoothPixmapTransform, false);
    p->drawImage(target, image);

    const QString label = index.data(HitListModel::LabelRole).toString();
    const bool wrong = index.data(HitListModel::MisclassifiedRole).toBool();
    QPen frame(classColour(label), 3, wrong ? Qt::DashLine : Qt::SolidLine);
    if (label.isEmpty())
        frame.setWidth(1);
    p->setPen(frame);
    p->setBrush(Qt::NoBrush);
    p->drawRect(cell.adjusted(1, 1, -2, -2));
    if (option.state & QStyle::State_Selected) {
        p->setPen(QPen(option.palette.highlight().color(), 2));
        p->drawRect(option.rect.adjusted(0, 0, -1, -1));
    }

    QFont f = p->font();
    f.setPixelSize(std::max(9, m_cell / 7));
    p->setFont(f);
    const double prob = index.data(HitListModel::ProbabilityRole).toDouble();
    const QString predicted = index.data(HitListModel::PredictedRole).toString();
    if (prob >= 0) {
        const QString text = QStringLiteral("%1 %2").arg(predicted.left(1)).arg(prob, 0, 'f', 2);
        const QRect box = QRect(target.left(), target.bottom() - f.pixelSize() - 2, target.width(), f.pixelSize() + 3);
        p->fillRect(box, QColor(0, 0, 0, 150));
        p->setPen(classColour(predicted).lighter(150));
        p->drawText(box, Qt::AlignCenter, text);
    }
    if (index.data(HitListModel::FlagsRole).toUInt() != 0) {
        p->setPen(Qt::NoPen);
        p->setBrush(QColor(0xd6, 0x27, 0x28));
        p->drawEllipse(QRect(target.right() - 9, target.top() + 2, 8, 8));
    }
    const int cluster = index.data(HitListModel::ClusterRole).toInt();
    if (cluster >= 0) {
        p->setPen(QColor(230, 230, 230));
        p->drawText(target.adjusted(3, 1, 0, 0), Qt::AlignLeft | Qt::AlignTop, QString::number(cluster));
    }
    p->restore();
}

} // namespace photopeak
