// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// Problem flags as the window shows them: English equals the core's names and sentences (so CLI, CSV and window
// agree and filter words work), and a translated UI shows its own words for every flag.

#include "app/Translations.h"
#include "data/ProblemText.h"
#include "library/DatasetEntry.h"

#include <QApplication>
#include <QTest>

using namespace photopeak;
using namespace photopeak::ui;

namespace {
const std::vector<SpectrumProblem> &allProblems()
{
    static const std::vector<SpectrumProblem> all = [] {
        std::vector<SpectrumProblem> out;
        for (std::uint32_t bit = 1; bit <= static_cast<std::uint32_t>(SpectrumProblem::UnknownDistance); bit <<= 1)
            out.push_back(static_cast<SpectrumProblem>(bit));
        return out;
    }();
    return all;
}
} // namespace

class TestProblemText : public QObject {
    Q_OBJECT
private slots:
    void englishEqualsCore();
    void unknownNamesPassThrough();
    void translatedForEveryFlag_data();
    void translatedForEveryFlag();
    void cleanupTestCase() { installTranslations(QStringLiteral("en")); }
};

void TestProblemText::englishEqualsCore()
{
    QCOMPARE(installTranslations(QStringLiteral("en")), QStringLiteral("en"));
    for (SpectrumProblem p : allProblems()) {
        QCOMPARE(problemLabel(SpectrumProblems::name(p)), SpectrumProblems::name(p));
        QCOMPARE(problemSentence(p), SpectrumProblems::description(p));
    }
    SpectrumProblems two;
    two.add(SpectrumProblem::AllZeroCounts);
    two.add(SpectrumProblem::UnknownDistance);
    QCOMPARE(problemSentences(two), two.descriptions());
    DatasetEntry e;
    e.spectrum.problems = two;
    e.message = QStringLiteral("x.sps: all counts are zero (aborted acquisition)");
    QCOMPARE(entryProblemText(e), e.problemText());
}

void TestProblemText::unknownNamesPassThrough()
{
    QCOMPARE(problemLabel(QStringLiteral("unknown-isotope")), QStringLiteral("unknown-isotope"));
    QCOMPARE(problemLabels({QStringLiteral("all-zero"), QStringLiteral("x")}), (QStringList{QStringLiteral("all-zero"), QStringLiteral("x")}));
}

void TestProblemText::translatedForEveryFlag_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("ru") << QStringLiteral("ru");
    QTest::newRow("de") << QStringLiteral("de");
}

void TestProblemText::translatedForEveryFlag()
{
    QFETCH(QString, code);
    QCOMPARE(installTranslations(code), code);
    QStringList labels;
    for (SpectrumProblem p : allProblems()) {
        const QString label = problemLabel(SpectrumProblems::name(p));
        const QString sentence = problemSentence(p);
        QVERIFY2(!label.isEmpty() && label != SpectrumProblems::name(p), qPrintable(SpectrumProblems::name(p)));
        QVERIFY2(!sentence.isEmpty() && sentence != SpectrumProblems::description(p), qPrintable(SpectrumProblems::description(p)));
        QVERIFY2(!labels.contains(label), qPrintable(label));  // two flags must not read the same
        labels << label;
    }
}

QTEST_MAIN(TestProblemText)
#include "tst_problemtext.moc"
