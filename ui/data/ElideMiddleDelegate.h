// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QStyledItemDelegate>

namespace photopeak::ui {

// Elides text in the middle for one column (folder paths: both the top folder and the last one matter),
// whatever the view's own elide mode is.
class ElideMiddleDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace photopeak::ui
