// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "tables/EventTable.h"
#include "util/Result.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace photopeak {

// An expression over the columns of an event table, for labels ("abs(type) == 14 && is_cc == 1") and row
// filters ("energy > 10"). Grammar, loosest first:
//   a || b   a && b   !a   a == b  a != b  a < b  a <= b  a > b  a >= b   a + b  a - b   a * b  a / b  a % b
//   -a   number   column   `column with odd characters`   'text' (compared with a string column)   (a)
//   functions abs, sqrt, log, log10, exp, cos, sin, min(a, b), max(a, b), isnan(a); constant pi
// "and", "or", "not" are accepted for &&, ||, !. Comparisons and logic give 1 or 0; a NaN operand gives NaN
// (the row has no value) except in isnan() and where && / || are decided anyway (0 && NaN = 0). Parse errors give the position and what was expected.
class TableExpression {
public:
    TableExpression();
    ~TableExpression();
    TableExpression(const TableExpression &other);
    TableExpression &operator=(const TableExpression &other);
    TableExpression(TableExpression &&) noexcept;
    TableExpression &operator=(TableExpression &&) noexcept;

    static Result<TableExpression> parse(const QString &text);

    const QString &text() const { return m_text; }
    // Column names the expression reads (each once, in order of appearance).
    QStringList columns() const;
    // One value per row. Unknown columns are refused naming them and the closest existing name.
    Result<std::vector<double>> evaluate(const EventTable &table) const;

    struct Node;

private:
    QString m_text;
    std::shared_ptr<const Node> m_root;
};

} // namespace photopeak
