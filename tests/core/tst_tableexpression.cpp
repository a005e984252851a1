// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/TableExpression.h"

#include <QTest>

#include <cmath>

using namespace photopeak;

namespace {
EventTable events()
{
    EventTable t;
    t.addColumn(ColumnInfo{QStringLiteral("type"), ColumnType::Integer}, std::vector<double>{14, -14, 12, 14, 16});
    t.addColumn(ColumnInfo{QStringLiteral("is_cc"), ColumnType::Boolean}, std::vector<double>{1, 1, 1, 0, 1});
    t.addColumn(ColumnInfo{QStringLiteral("energy"), ColumnType::Float}, std::vector<double>{5, 50, std::nan(""), 2, 100});
    t.addColumn(ColumnInfo{QStringLiteral("mc_tracks.dir_z"), ColumnType::Float}, std::vector<double>{0.5, -0.5, 0, 1, -1});
    t.addColumn(ColumnInfo{QStringLiteral("flavour"), ColumnType::String},
                QStringList{QStringLiteral("mu"), QStringLiteral("mu"), QStringLiteral("e"), QStringLiteral("mu"), QStringLiteral("tau")});
    return t;
}
} // namespace

class TstTableExpression : public QObject {
    Q_OBJECT
private slots:
    void evaluates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<double>>("expected");  // -1 stands for NaN
        QTest::newRow("track label") << "abs(type) == 14 && is_cc == 1" << QList<double>{1, 1, 0, 0, 0};
        QTest::newRow("words") << "abs(type) == 14 and not is_cc" << QList<double>{0, 0, 0, 1, 0};
        QTest::newRow("or") << "type == 12 || type == 16" << QList<double>{0, 0, 1, 0, 1};
        QTest::newRow("cut") << "energy > 10" << QList<double>{0, 1, -1, 0, 1};
        QTest::newRow("arithmetic precedence") << "2 + 3 * type / 14 - 1" << QList<double>{4, -2, 1 + 36.0 / 14, 4, 1 + 48.0 / 14};
        QTest::newRow("unary minus and parentheses") << "-(type + 2) * -1" << QList<double>{16, -12, 14, 16, 18};
        QTest::newRow("dotted column") << "mc_tracks.dir_z >= 0" << QList<double>{1, 0, 1, 1, 0};
        QTest::newRow("quoted column") << "`mc_tracks.dir_z` < 0" << QList<double>{0, 1, 0, 0, 1};
        QTest::newRow("text") << "flavour == 'mu' && energy < 20" << QList<double>{1, 0, 0, 1, 0};
        QTest::newRow("isnan") << "isnan(energy)" << QList<double>{0, 0, 1, 0, 0};
        QTest::newRow("functions") << "max(log10(energy), 1) + min(type, 0)" << QList<double>{1, std::log10(50.0) - 14, -1, 1, 2};
        QTest::newRow("scientific") << "energy < 1.5e1" << QList<double>{1, 0, -1, 1, 0};
        QTest::newRow("unknown is decided by and/or") << "energy > 10 || type == 12" << QList<double>{0, 1, 1, 0, 1};
        QTest::newRow("negation binds tight") << "!is_cc || type == 16" << QList<double>{0, 0, 0, 1, 1};
    }
    void evaluates()
    {
        QFETCH(QString, text);
        QFETCH(QList<double>, expected);
        auto e = TableExpression::parse(text);
        QVERIFY2(e, qPrintable(e ? QString() : e.error().toString()));
        auto v = e->evaluate(events());
        QVERIFY2(v, qPrintable(v ? QString() : v.error().toString()));
        QCOMPARE(v->size(), size_t(5));
        for (int i = 0; i < 5; ++i) {
            if (expected[i] == -1.0)
                QVERIFY2(std::isnan((*v)[static_cast<size_t>(i)]), qPrintable(QString::number(i)));
            else
                QVERIFY2(std::abs((*v)[static_cast<size_t>(i)] - expected[i]) < 1e-12,
                         qPrintable(QStringLiteral("row %1: %2 vs %3").arg(i).arg((*v)[static_cast<size_t>(i)]).arg(expected[i])));
        }
    }

    void badExpressions_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");  // part of the error
        QTest::newRow("empty") << "   " << "empty";
        QTest::newRow("single =") << "type = 14" << "write '=='";
        QTest::newRow("single &") << "type == 14 & is_cc" << "write '&&'";
        QTest::newRow("unclosed paren") << "abs(type == 14" << "')'";
        QTest::newRow("missing operand") << "type == " << "expected a number, a column name";
        QTest::newRow("dangling operator") << "is_cc &&" << "end of the expression";
        QTest::newRow("two values") << "type 14" << "missing && or ||";
        QTest::newRow("unknown function") << "abss(type)" << "unknown function 'abss'";
        QTest::newRow("chained comparison") << "1 < type < 20" << "cannot be chained";
        QTest::newRow("bad character") << "type == 14 $" << "unexpected character '$'";
        QTest::newRow("unclosed text") << "flavour == 'mu" << "not closed";
        QTest::newRow("text ordering") << "flavour < 'mu'" << "== or !=";
        QTest::newRow("too many arguments") << "abs(type, 2)" << "one argument";
    }
    void badExpressions()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        auto e = TableExpression::parse(text);
        QVERIFY(!e);
        QVERIFY2(e.error().toString().contains(message), qPrintable(e.error().toString()));
        QVERIFY2(e.error().toString().contains(QStringLiteral("position")), qPrintable(e.error().toString()));
    }

    void unknownColumnSuggestsName()
    {
        auto e = TableExpression::parse(QStringLiteral("abs(typ) == 14 && is_cc"));
        QVERIFY(e);
        QCOMPARE(e->columns(), (QStringList{QStringLiteral("typ"), QStringLiteral("is_cc")}));
        auto v = e->evaluate(events());
        QVERIFY(!v);
        QVERIFY2(v.error().toString().contains(QStringLiteral("unknown column 'typ' (did you mean 'type'?)")),
                 qPrintable(v.error().toString()));
        auto mixed = TableExpression::parse(QStringLiteral("flavour == 3"));
        QVERIFY(mixed);
        QVERIFY(!mixed->evaluate(events()));
    }
};

QTEST_GUILESS_MAIN(TstTableExpression)
#include "tst_tableexpression.moc"
