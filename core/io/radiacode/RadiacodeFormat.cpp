// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/radiacode/RadiacodeFormat.h"

#include "io/XmlDocument.h"

#include <QDateTime>
#include <QLocale>
#include <QXmlStreamReader>

#include <cmath>
#include <optional>

namespace photopeak::radiacode {

namespace {
const QLocale &cLocale()
{
    static const QLocale c = [] {
        QLocale l = QLocale::c();
        l.setNumberOptions(QLocale::RejectGroupSeparator);
        return l;
    }();
    return c;
}

class Parser {
public:
    Parser(QXmlStreamReader &xml, const QString &path) : m_xml(xml), m_path(path) {}

    Result<std::vector<Spectrum>> document();

private:
    Error lineError(const QString &what, unsigned kind = unsigned(SpectrumProblem::Unreadable), qint64 line = -1) const
    {
        return makeError(m_path, QStringLiteral("line %1: %2").arg(line >= 0 ? line : m_xml.lineNumber()).arg(what), kind);
    }
    Error xmlError() const
    {
        if (m_xml.error() == QXmlStreamReader::PrematureEndOfDocumentError)
            return lineError(QStringLiteral("the XML ends before the document is complete (file truncated?)"),
                             unsigned(SpectrumProblem::Truncated));
        return lineError(QStringLiteral("not well-formed XML: %1").arg(m_xml.errorString()));
    }
    // Text of the current element; nullopt (with m_error set) when the XML breaks inside it.
    std::optional<QString> text()
    {
        QString t = m_xml.readElementText(QXmlStreamReader::SkipChildElements);
        if (m_xml.hasError()) {
            m_error = xmlError();
            return std::nullopt;
        }
        return t.trimmed();
    }
    std::optional<double> number(const QString &element)
    {
        const qint64 line = m_xml.lineNumber();
        const auto t = text();
        if (!t)
            return std::nullopt;
        bool ok = false;
        const double v = cLocale().toDouble(*t, &ok);
        if (!ok || !std::isfinite(v)) {
            m_error = lineError(QStringLiteral("%1 '%2' is not a number").arg(element, t->left(40)), unsigned(SpectrumProblem::Unreadable), line);
            return std::nullopt;
        }
        return v;
    }
    std::optional<QDateTime> dateTime(const QString &element)
    {
        const qint64 line = m_xml.lineNumber();
        const auto t = text();
        if (!t)
            return std::nullopt;
        if (t->isEmpty())
            return QDateTime();
        const QDateTime d = QDateTime::fromString(*t, Qt::ISODateWithMs);
        if (!d.isValid()) {
            m_error = lineError(QStringLiteral("%1 '%2' is not an ISO 8601 date and time").arg(element, t->left(40)),
                                unsigned(SpectrumProblem::Unreadable), line);
            return std::nullopt;
        }
        return d;
    }
    bool resultData(std::vector<Spectrum> &out);
    bool energySpectrum(Spectrum &s);

    QXmlStreamReader &m_xml;
    const QString &m_path;
    std::optional<Error> m_error;
};

Result<std::vector<Spectrum>> Parser::document()
{
    if (!m_xml.readNextStartElement())
        return m_xml.hasError() ? xmlError() : lineError(QStringLiteral("no XML root element"));
    if (m_xml.name() != QLatin1String("ResultDataFile"))
        return makeError(m_path, QStringLiteral("root element <%1> is not a RadiaCode ResultDataFile")
                                     .arg(m_xml.qualifiedName().toString()),
                         unsigned(SpectrumProblem::UnknownFormat));
    std::vector<Spectrum> out;
    while (m_xml.readNextStartElement()) {
        if (m_xml.name() != QLatin1String("ResultDataList")) {
            m_xml.skipCurrentElement();
            continue;
        }
        while (m_xml.readNextStartElement()) {
            if (m_xml.name() != QLatin1String("ResultData")) {
                m_xml.skipCurrentElement();
                continue;
            }
            if (!resultData(out))
                return *m_error;
        }
    }
    if (m_error)
        return *m_error;
    if (m_xml.hasError())
        return xmlError();
    // Anything after the root (there should be nothing) still has to be well-formed.
    while (!m_xml.atEnd())
        m_xml.readNext();
    if (m_xml.hasError())
        return xmlError();
    if (out.empty())
        return makeError(m_path, QStringLiteral("no ResultData with an EnergySpectrum (missing channel data)"),
                         unsigned(SpectrumProblem::Unreadable));
    for (size_t i = 0; i < out.size(); ++i)
        out[i].indexInSource = static_cast<int>(i);
    return out;
}

bool Parser::resultData(std::vector<Spectrum> &out)
{
    QString device;
    QDateTime start;
    std::vector<Spectrum> spectra, backgrounds;
    while (m_xml.readNextStartElement()) {
        const QStringView name = m_xml.name();
        if (name == QLatin1String("DeviceConfigReference")) {
            while (m_xml.readNextStartElement()) {
                if (m_xml.name() == QLatin1String("Name")) {
                    const auto t = text();
                    if (!t)
                        return false;
                    device = *t;
                } else {
                    m_xml.skipCurrentElement();
                }
            }
        } else if (name == QLatin1String("StartTime")) {
            // The measurement's own start comes first; a later one belongs to its background.
            const auto d = dateTime(QStringLiteral("StartTime"));
            if (!d)
                return false;
            if (!start.isValid())
                start = *d;
        } else if (name == QLatin1String("EnergySpectrum") || name == QLatin1String("BackgroundEnergySpectrum")) {
            const bool background = name == QLatin1String("BackgroundEnergySpectrum");
            Spectrum s;
            if (!energySpectrum(s))
                return false;
            (background ? backgrounds : spectra).push_back(std::move(s));
        } else {
            m_xml.skipCurrentElement();
        }
    }
    if (m_xml.hasError()) {
        m_error = xmlError();
        return false;
    }
    const size_t foregrounds = spectra.size();
    for (Spectrum &b : backgrounds) {
        b.labels = QStringList{QStringLiteral("background")};  // the role: an embedded session background
        spectra.push_back(std::move(b));
    }
    for (size_t i = 0; i < spectra.size(); ++i) {
        Spectrum &s = spectra[i];
        if (!s.startTime.isValid() && i < foregrounds)
            s.startTime = start;
        if (!device.isEmpty())
            s.detector = s.detector.isEmpty() ? device : device + QLatin1Char(' ') + s.detector;
        s.checkValues();
        out.push_back(std::move(s));
    }
    return true;
}

bool Parser::energySpectrum(Spectrum &s)
{
    const qint64 line = m_xml.lineNumber();
    std::optional<double> declared, measurementTime, liveTime;
    std::vector<double> coefficients;
    bool haveData = false;
    QString name, comment;
    s.sourcePath = m_path;
    while (m_xml.readNextStartElement()) {
        const QStringView element = m_xml.name();
        if (element == QLatin1String("NumberOfChannels")) {
            declared = number(QStringLiteral("NumberOfChannels"));
            if (!declared)
                return false;
            if (*declared < 1 || *declared > MaxChannels || *declared != std::floor(*declared)) {
                m_error = lineError(QStringLiteral("NumberOfChannels %1 is not a channel count (1..%2)").arg(*declared).arg(MaxChannels));
                return false;
            }
        } else if (element == QLatin1String("SpectrumName") || element == QLatin1String("Comment")
                   || element == QLatin1String("SerialNumber")) {
            const bool isName = element == QLatin1String("SpectrumName"), isComment = element == QLatin1String("Comment");
            const auto t = text();
            if (!t)
                return false;
            (isName ? name : isComment ? comment : s.detector) = *t;
        } else if (element == QLatin1String("EnergyCalibration")) {
            while (m_xml.readNextStartElement()) {
                if (m_xml.name() != QLatin1String("Coefficients")) {
                    m_xml.skipCurrentElement();
                    continue;
                }
                while (m_xml.readNextStartElement()) {
                    if (m_xml.name() != QLatin1String("Coefficient")) {
                        m_xml.skipCurrentElement();
                        continue;
                    }
                    const auto c = number(QStringLiteral("Coefficient"));
                    if (!c)
                        return false;
                    coefficients.push_back(*c);
                }
            }
        } else if (element == QLatin1String("MeasurementTime")) {
            measurementTime = number(QStringLiteral("MeasurementTime"));
            if (!measurementTime)
                return false;
        } else if (element == QLatin1String("LiveTime")) {
            liveTime = number(QStringLiteral("LiveTime"));
            if (!liveTime)
                return false;
        } else if (element == QLatin1String("StartTime")) {
            const auto d = dateTime(QStringLiteral("StartTime"));
            if (!d)
                return false;
            s.startTime = *d;
        } else if (element == QLatin1String("Spectrum")) {
            haveData = true;
            while (m_xml.readNextStartElement()) {
                if (m_xml.name() != QLatin1String("DataPoint")) {
                    m_xml.skipCurrentElement();
                    continue;
                }
                if (s.counts.size() >= static_cast<size_t>(MaxChannels)) {
                    m_error = lineError(QStringLiteral("more than %1 DataPoint values").arg(MaxChannels));
                    return false;
                }
                const auto v = number(QStringLiteral("DataPoint %1").arg(s.counts.size()));
                if (!v)
                    return false;
                s.counts.push_back(*v);
            }
        } else {
            m_xml.skipCurrentElement();
        }
        if (m_error)
            return false;
    }
    if (m_xml.hasError()) {
        m_error = xmlError();
        return false;
    }
    if (!haveData || s.counts.empty()) {
        m_error = lineError(QStringLiteral("EnergySpectrum has no DataPoint values (missing channel data)"),
                            unsigned(SpectrumProblem::Unreadable), line);
        return false;
    }
    if (declared && static_cast<size_t>(*declared) != s.counts.size()) {
        m_error = lineError(QStringLiteral("NumberOfChannels says %1 but the spectrum has %2 DataPoint values")
                                .arg(*declared)
                                .arg(s.counts.size()),
                            s.counts.size() < *declared ? unsigned(SpectrumProblem::Truncated) : unsigned(SpectrumProblem::Unreadable),
                            line);
        return false;
    }
    if (measurementTime || liveTime) {
        s.liveTime = liveTime ? *liveTime : *measurementTime;
        s.realTime = measurementTime ? *measurementTime : *liveTime;
    } else {
        s.problems.add(SpectrumProblem::NoLiveTime);
    }
    s.description = comment.isEmpty() ? name : name.isEmpty() ? comment : name + QStringLiteral("; ") + comment;
    bool representable = !coefficients.empty();
    for (size_t k = EnergyCalibration::MaxDegree + 1; k < coefficients.size(); ++k)
        representable = representable && coefficients[k] == 0.0;
    if (representable)
        s.calibration = EnergyCalibration::fromCoefficients(coefficients);
    if (!representable || s.calibration.degree() == 0)
        s.problems.add(SpectrumProblem::MissingCalibration);
    return true;
}
} // namespace

bool looksLikeRadiacodeXml(QByteArrayView head)
{
    return xmlRootElementName(head) == QLatin1String("ResultDataFile");
}

Result<std::vector<Spectrum>> parse(QByteArrayView bytes, const QString &path)
{
    const auto document = xmlDocumentBytes(bytes, path);
    if (!document)
        return document.error();
    QXmlStreamReader xml(*document);
    xml.setNamespaceProcessing(false);
    return Parser(xml, path).document();
}

} // namespace photopeak::radiacode
