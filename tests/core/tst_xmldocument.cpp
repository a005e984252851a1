// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// XML opening shared by the N42 and RadiaCode readers: byte-order mark and white space skipped, empty documents
// refused with the file named, root element found from the first bytes only.

#include "FormatTestFiles.h"
#include "io/XmlDocument.h"

#include <QTest>

using namespace photopeak;

class TestXmlDocument : public QObject {
    Q_OBJECT
private slots:
    void rootElementName_data();
    void rootElementName();
    void emptyDocumentsAreRefused_data();
    void emptyDocumentsAreRefused();
    void documentStartsAtTheFirstMarkup();
    void emptyN42FileIsNamedByTheRegistry();
};

void TestXmlDocument::rootElementName_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QString>("root");
    QTest::newRow("declaration") << QByteArray("<?xml version=\"1.0\"?>\n<RadInstrumentData xmlns=\"x\">") << "RadInstrumentData";
    QTest::newRow("bom and blanks") << QByteArray("\xEF\xBB\xBF \r\n\t<ResultDataFile>") << "ResultDataFile";
    QTest::newRow("comment first") << QByteArray("<!-- c --><N42InstrumentData>") << "N42InstrumentData";
    QTest::newRow("prefixed: local name") << QByteArray("<n42:RadInstrumentData xmlns:n42=\"x\">") << "RadInstrumentData";
    QTest::newRow("not xml") << QByteArray("SPECTRUM 1 2 3") << "";
    QTest::newRow("binary") << QByteArray("\x00\x01\x02\x03", 4) << "";
    QTest::newRow("empty") << QByteArray() << "";
}

void TestXmlDocument::rootElementName()
{
    QFETCH(QByteArray, head);
    QFETCH(QString, root);
    QCOMPARE(xmlRootElementName(head), root);
}

void TestXmlDocument::emptyDocumentsAreRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("nothing") << QByteArray();
    QTest::newRow("blanks") << QByteArray(" \r\n\t ");
    QTest::newRow("bom only") << QByteArray("\xEF\xBB\xBF");
    QTest::newRow("bom and blanks") << QByteArray("\xEF\xBB\xBF\n\n");
}

void TestXmlDocument::emptyDocumentsAreRefused()
{
    QFETCH(QByteArray, bytes);
    const auto r = xmlDocumentBytes(bytes, QStringLiteral("/data/a.n42"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().source, QStringLiteral("/data/a.n42"));
    QVERIFY2(r.error().message.contains(QLatin1String("empty")), qPrintable(r.error().message));
}

void TestXmlDocument::documentStartsAtTheFirstMarkup()
{
    const QByteArray bytes("\xEF\xBB\xBF  \n<a>1</a>");
    const auto r = xmlDocumentBytes(bytes, QStringLiteral("x.xml"));
    QVERIFY(r.ok());
    QCOMPARE(*r, QByteArray("<a>1</a>"));
}

void TestXmlDocument::emptyN42FileIsNamedByTheRegistry()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const char *name : {"empty.n42", "blank.xml"}) {
        const QString path = writeCopy(dir, QString::fromLatin1(name), QByteArray(name[0] == 'e' ? "" : "\xEF\xBB\xBF \n"));
        const auto r = ReaderRegistry::instance().read(path);
        QVERIFY2(!r.ok(), name);
        QVERIFY2(r.error().toString().contains(path), qPrintable(r.error().toString()));
    }
}

QTEST_GUILESS_MAIN(TestXmlDocument)
#include "tst_xmldocument.moc"
