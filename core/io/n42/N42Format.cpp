// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/n42/N42Format.h"

#include "io/XmlDocument.h"

#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <cmath>

namespace photopeak::n42 {

namespace {
const QLocale &cLocale()
{
    static const QLocale c = [] {
        QLocale l = QLocale::c();
        l.setNumberOptions(QLocale::RejectGroupSeparator);  // "1,000" is two values gone wrong, not 1000
        return l;
    }();
    return c;
}

bool isSeparator(QChar c) { return c.isSpace() || c == QLatin1Char(','); }

// Next whitespace- (or comma-) separated token of `text` from `pos`; false at the end.
bool nextToken(QStringView text, qsizetype &pos, QStringView &token)
{
    while (pos < text.size() && isSeparator(text[pos]))
        ++pos;
    if (pos >= text.size())
        return false;
    const qsizetype start = pos;
    while (pos < text.size() && !isSeparator(text[pos]))
        ++pos;
    token = text.sliced(start, pos - start);
    return true;
}

// Leading byte-order mark and white space, which would make the XML declaration misplaced.
Edition editionOfRoot(QStringView localName)
{
    if (localName == QLatin1String("N42InstrumentData"))
        return Edition::N42_2006;
    if (localName == QLatin1String("RadInstrumentData"))
        return Edition::N42_2012;
    return Edition::None;
}

// An energy calibration as the file gives it (N42-2006 Calibration or N42-2012 EnergyCalibration).
struct CalibrationDef {
    bool energy = true;        // Type="Energy" (or no type); FWHM and efficiency calibrations are ignored
    double unitScale = 1.0;    // MeV -> keV
    std::vector<double> coefficients;
    bool haveCoefficients = false;
    QString problem;           // why it cannot be used; empty when usable
    QString id;
};

struct PendingSpectrum {
    Spectrum s;
    qint64 line = 0;
    QString name;              // detector name or id, for messages
    std::optional<double> live, real, distanceCm;
    QDateTime start;
    bool haveChannels = false;
    bool background = false;
    std::optional<CalibrationDef> calibration;  // given inside the spectrum (N42-2006)
    QStringList calibrationRefs;                // energyCalibrationReference / CalibrationIDs
    QStringList remarks;
};

// A container whose values (times, distance, calibration) apply to the spectra inside it.
struct Scope {
    QString element;
    size_t firstSpectrum = 0;
    std::optional<double> live, real, distanceCm;
    QDateTime start;
    bool background = false;
    QString detector;
    QStringList remarks;
    std::optional<CalibrationDef> calibration;
};

bool isScopeElement(QStringView name)
{
    return name == QLatin1String("Measurement") || name == QLatin1String("DetectorData")
        || name == QLatin1String("DetectorMeasurement") || name == QLatin1String("SpectrumMeasurement")
        || name == QLatin1String("RadMeasurement");
}

bool isSkippedElement(QStringView name)
{
    return name == QLatin1String("DerivedData") || name == QLatin1String("AnalysisResults");
}

double distanceUnitToCm(const QString &units)
{
    const QString u = units.trimmed().toLower();
    if (u.isEmpty() || u == QLatin1String("m"))
        return 100.0;
    if (u == QLatin1String("cm"))
        return 1.0;
    if (u == QLatin1String("mm"))
        return 0.1;
    return 0.0;  // unknown unit: distance not used
}

// Error naming the file and the line.
Error lineError(const QString &path, qint64 line, const QString &what, unsigned kind = unsigned(SpectrumProblem::Unreadable))
{
    return makeError(path, QStringLiteral("line %1: %2").arg(line).arg(what), kind);
}

// Applies a calibration definition to `s`; flags the spectrum when it cannot be used.
void applyCalibration(const CalibrationDef &def, Spectrum &s)
{
    if (!def.problem.isEmpty() || !def.haveCoefficients) {
        s.problems.add(SpectrumProblem::MissingCalibration);
        return;
    }
    std::vector<double> c = def.coefficients;
    for (double &v : c)
        v *= def.unitScale;
    for (size_t k = EnergyCalibration::MaxDegree + 1; k < c.size(); ++k) {
        if (c[k] != 0.0) {
            // Degree above 3 cannot be represented: better no calibration than a wrong one.
            s.problems.add(SpectrumProblem::MissingCalibration);
            s.problems.add(SpectrumProblem::InvalidCalibration);
            return;
        }
    }
    s.calibration = EnergyCalibration::fromCoefficients(c);
    if (s.calibration.slope() == 0.0 && s.calibration.degree() == 0)
        s.problems.add(SpectrumProblem::MissingCalibration);
}
} // namespace

Edition editionOf(QByteArrayView head)
{
    return editionOfRoot(xmlRootElementName(head));
}

std::optional<double> parseDuration(QStringView text)
{
    static const QRegularExpression iso(QStringLiteral(
        "^(-)?P(?:(\\d+(?:\\.\\d*)?)D)?(?:T(?:(\\d+(?:\\.\\d*)?)H)?(?:(\\d+(?:\\.\\d*)?)M)?(?:(\\d+(?:\\.\\d*)?|\\.\\d+)S)?)?$"));
    const QString t = text.trimmed().toString().toUpper();
    const auto m = iso.match(t);
    if (!m.hasMatch() || t == QLatin1String("P") || t == QLatin1String("-P") || t.endsWith(QLatin1Char('T')))
        return std::nullopt;
    double seconds = 0.0;
    bool any = false;
    const double scale[] = {86400.0, 3600.0, 60.0, 1.0};
    for (int k = 0; k < 4; ++k) {
        const QString part = m.captured(k + 2);
        if (part.isEmpty())
            continue;
        bool ok = false;
        const double v = cLocale().toDouble(part, &ok);
        if (!ok)
            return std::nullopt;
        seconds += v * scale[k];
        any = true;
    }
    if (!any)
        return std::nullopt;
    return m.captured(1).isEmpty() ? seconds : -seconds;
}

Result<std::vector<double>> decodeChannelData(QStringView text, bool countedZeroes)
{
    std::vector<double> out;
    qsizetype pos = 0;
    QStringView token;
    while (nextToken(text, pos, token)) {
        bool ok = false;
        const double v = cLocale().toDouble(token, &ok);
        if (!ok)
            return makeError({}, QStringLiteral("channel %1 value '%2' is not a number").arg(out.size()).arg(token.left(40)));
        if (countedZeroes && v == 0.0) {
            QStringView runToken;
            if (!nextToken(text, pos, runToken))
                return makeError({}, QStringLiteral("CountedZeroes channel data ends with a 0 that lacks the number of "
                                                    "zero channels it stands for (file truncated?)"),
                                 unsigned(SpectrumProblem::Truncated));
            const double run = cLocale().toDouble(runToken, &ok);
            if (!ok || !(run >= 0.0) || run != std::floor(run))
                return makeError({}, QStringLiteral("CountedZeroes: '%1' after the 0 at channel %2 is not a whole number "
                                                    "of zero channels")
                                         .arg(runToken.left(40))
                                         .arg(out.size()));
            if (static_cast<double>(out.size()) + run > MaxChannels)
                return makeError({}, QStringLiteral("more than %1 channels (CountedZeroes run of %2 at channel %3)")
                                         .arg(MaxChannels)
                                         .arg(run, 0, 'g', 12)
                                         .arg(out.size()));
            out.insert(out.end(), static_cast<size_t>(run), 0.0);
            continue;
        }
        if (out.size() >= static_cast<size_t>(MaxChannels))
            return makeError({}, QStringLiteral("more than %1 channels").arg(MaxChannels));
        out.push_back(v);
    }
    return out;
}

Result<std::vector<Spectrum>> parse(QByteArrayView bytes, const QString &path)
{
    const auto document = xmlDocumentBytes(bytes, path);
    if (!document)
        return document.error();
    QXmlStreamReader xml(*document);
    xml.setNamespaceProcessing(false);

    Edition edition = Edition::None;
    QString rootPrefix;
    QStringList stack;
    std::vector<PendingSpectrum> spectra;
    std::vector<Scope> scopes;
    constexpr size_t NoSpectrum = static_cast<size_t>(-1);
    size_t current = NoSpectrum;  // index of the spectrum being read
    std::optional<CalibrationDef> calibration;  // calibration being read
    QHash<QString, CalibrationDef> calibrationsById;

    auto text = [&xml]() { return xml.readElementText(); };
    auto xmlError = [&]() -> Error {
        if (xml.error() == QXmlStreamReader::PrematureEndOfDocumentError)
            return lineError(path, xml.lineNumber(), QStringLiteral("the XML ends before the document is complete "
                                                                    "(file truncated?)"),
                             unsigned(SpectrumProblem::Truncated));
        return lineError(path, xml.lineNumber(), QStringLiteral("not well-formed XML: %1").arg(xml.errorString()));
    };
    auto durationOf = [&](const QString &value, const QString &element) -> Result<double> {
        if (xml.hasError())
            return xmlError();
        const auto d = parseDuration(value);
        if (!d)
            return lineError(path, xml.lineNumber(), QStringLiteral("%1 '%2' is not an ISO 8601 duration such as PT640.5S")
                                                        .arg(element, value.trimmed().left(40)));
        return *d;
    };
    auto dateOf = [&](const QString &value, const QString &element) -> Result<QDateTime> {
        if (xml.hasError())
            return xmlError();
        const QDateTime t = QDateTime::fromString(value.trimmed(), Qt::ISODateWithMs);
        if (!t.isValid())
            return lineError(path, xml.lineNumber(), QStringLiteral("%1 '%2' is not an ISO 8601 date and time")
                                                        .arg(element, value.trimmed().left(40)));
        return t;
    };

    while (!xml.atEnd() && !xml.hasError()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QString name = xml.name().toString();
            if (stack.isEmpty()) {
                edition = editionOfRoot(name);
                if (edition == Edition::None)
                    return makeError(path, QStringLiteral("root element <%1> is not N42 (N42InstrumentData or "
                                                          "RadInstrumentData)")
                                               .arg(xml.qualifiedName().toString()),
                                     unsigned(SpectrumProblem::UnknownFormat));
                rootPrefix = xml.prefix().toString();
                stack << name;
                continue;
            }
            // Vendor extensions (other namespace prefixes) and derived or analysis results are not measurements.
            if (xml.prefix() != rootPrefix || isSkippedElement(name)) {
                xml.skipCurrentElement();
                continue;
            }
            const QString parent = stack.back();
            const auto attrs = xml.attributes();

            if (isScopeElement(name)) {
                Scope scope;
                scope.element = name;
                scope.firstSpectrum = spectra.size();
                if (name == QLatin1String("DetectorMeasurement"))
                    scope.detector = attrs.value(QLatin1String("Detector")).toString();
                scopes.push_back(std::move(scope));
                stack << name;
                continue;
            }
            if (name == QLatin1String("Spectrum")) {
                if (current != NoSpectrum)
                    return lineError(path, xml.lineNumber(), QStringLiteral("<Spectrum> inside another <Spectrum>"));
                PendingSpectrum p;
                p.line = xml.lineNumber();
                QString detector = attrs.value(QLatin1String("Detector")).toString();
                if (detector.isEmpty())
                    detector = attrs.value(QLatin1String("radDetectorInformationReference")).toString();
                p.s.detector = detector.trimmed();
                p.name = !p.s.detector.isEmpty() ? p.s.detector : attrs.value(QLatin1String("id")).toString();
                const QString refs = attrs.value(QLatin1String("energyCalibrationReference")).toString() + QLatin1Char(' ')
                    + attrs.value(QLatin1String("CalibrationIDs")).toString();
                p.calibrationRefs = refs.split(QLatin1Char(' '), Qt::SkipEmptyParts);
                spectra.push_back(std::move(p));
                current = spectra.size() - 1;
                stack << name;
                continue;
            }
            if (name == QLatin1String("Calibration") || name == QLatin1String("EnergyCalibration")) {
                CalibrationDef def;
                const QString type = attrs.value(QLatin1String("Type")).toString();
                def.energy = type.isEmpty() || type.compare(QLatin1String("Energy"), Qt::CaseInsensitive) == 0;
                def.id = attrs.hasAttribute(QLatin1String("ID")) ? attrs.value(QLatin1String("ID")).toString()
                                                                  : attrs.value(QLatin1String("id")).toString();
                const QString units = attrs.value(QLatin1String("EnergyUnits")).toString().trimmed();
                if (units.compare(QLatin1String("MeV"), Qt::CaseInsensitive) == 0)
                    def.unitScale = 1000.0;
                else if (units.compare(QLatin1String("eV"), Qt::CaseInsensitive) == 0)
                    def.unitScale = 0.001;
                else if (!units.isEmpty() && units.compare(QLatin1String("keV"), Qt::CaseInsensitive) != 0)
                    def.problem = QStringLiteral("energy units '%1' not understood").arg(units);
                calibration = std::move(def);
                stack << name;
                continue;
            }
            if (calibration) {
                if (name == QLatin1String("Equation")) {
                    const QString model = attrs.value(QLatin1String("Model")).toString();
                    if (!model.isEmpty() && model.compare(QLatin1String("Polynomial"), Qt::CaseInsensitive) != 0)
                        calibration->problem = QStringLiteral("calibration model '%1' is not read").arg(model);
                } else if (name == QLatin1String("Coefficients") || name == QLatin1String("CoefficientValues")) {
                    const QString values = text();
                    if (xml.hasError())
                        return xmlError();
                    qsizetype pos = 0;
                    QStringView tok;
                    std::vector<double> c;
                    while (nextToken(values, pos, tok)) {
                        bool ok = false;
                        const double v = cLocale().toDouble(tok, &ok);
                        if (!ok || !std::isfinite(v))
                            return lineError(path, xml.lineNumber(),
                                             QStringLiteral("calibration coefficient '%1' is not a number").arg(tok.left(40)));
                        c.push_back(v);
                    }
                    calibration->coefficients = std::move(c);
                    calibration->haveCoefficients = !calibration->coefficients.empty();
                    continue;  // readElementText consumed the end tag
                }
                stack << name;
                continue;
            }
            if (name == QLatin1String("ItemToDetectorDistance") && !scopes.empty()) {
                const double unit = distanceUnitToCm(attrs.value(QLatin1String("Units")).toString());
                bool ok = false;
                const double v = cLocale().toDouble(text().trimmed(), &ok);
                if (ok && unit > 0.0 && std::isfinite(v) && v > 0.0)
                    scopes.back().distanceCm = v * unit;
                continue;
            }
            if (current != NoSpectrum && parent == QLatin1String("Spectrum")) {
                PendingSpectrum &p = spectra[current];
                if (name == QLatin1String("ChannelData")) {
                    if (p.haveChannels)
                        return lineError(path, xml.lineNumber(), QStringLiteral("spectrum '%1' has two <ChannelData>").arg(p.name));
                    QString compression = attrs.value(QLatin1String("compressionCode")).toString();
                    if (compression.isEmpty())
                        compression = attrs.value(QLatin1String("Compression")).toString();
                    compression = compression.trimmed();
                    const bool counted = compression.compare(QLatin1String("CountedZeroes"), Qt::CaseInsensitive) == 0;
                    if (!counted && !compression.isEmpty() && compression.compare(QLatin1String("None"), Qt::CaseInsensitive) != 0)
                        return lineError(path, xml.lineNumber(), QStringLiteral("channel data compression '%1' is not supported "
                                                                                "(known: None, CountedZeroes)")
                                                                     .arg(compression));
                    const qint64 line = xml.lineNumber();
                    const QString values = text();
                    if (xml.hasError())
                        return xmlError();
                    auto decoded = decodeChannelData(values, counted);
                    if (!decoded)
                        return lineError(path, line, QStringLiteral("spectrum '%1': %2").arg(p.name, decoded.error().message),
                                         decoded.error().kind ? decoded.error().kind : unsigned(SpectrumProblem::Unreadable));
                    p.s.counts = std::move(decoded).value();
                    p.haveChannels = true;
                    continue;
                }
                if (name == QLatin1String("LiveTime") || name == QLatin1String("LiveTimeDuration")) {
                    auto d = durationOf(text(), name);
                    if (!d)
                        return d.error();
                    p.live = *d;
                    continue;
                }
                if (name == QLatin1String("RealTime") || name == QLatin1String("RealTimeDuration")) {
                    auto d = durationOf(text(), name);
                    if (!d)
                        return d.error();
                    p.real = *d;
                    continue;
                }
                if (name == QLatin1String("StartTime") || name == QLatin1String("StartDateTime")) {
                    auto t = dateOf(text(), name);
                    if (!t)
                        return t.error();
                    p.start = *t;
                    continue;
                }
                if (name == QLatin1String("Remark")) {
                    const QString r = text().simplified();
                    if (!r.isEmpty())
                        p.remarks << r;
                    continue;
                }
                if (name == QLatin1String("SourceType")) {
                    p.background = text().trimmed().compare(QLatin1String("Background"), Qt::CaseInsensitive) == 0;
                    continue;
                }
            } else if (current == NoSpectrum && !scopes.empty() && parent == scopes.back().element) {
                Scope &scope = scopes.back();
                if (name == QLatin1String("StartTime") || name == QLatin1String("StartDateTime")) {
                    auto t = dateOf(text(), name);
                    if (!t)
                        return t.error();
                    scope.start = *t;
                    continue;
                }
                if (name == QLatin1String("SampleRealTime") || name == QLatin1String("RealTime")
                    || name == QLatin1String("RealTimeDuration")) {
                    auto d = durationOf(text(), name);
                    if (!d)
                        return d.error();
                    scope.real = *d;
                    continue;
                }
                if (name == QLatin1String("LiveTime") || name == QLatin1String("LiveTimeDuration")) {
                    auto d = durationOf(text(), name);
                    if (!d)
                        return d.error();
                    scope.live = *d;
                    continue;
                }
                if (name == QLatin1String("MeasurementClassCode")) {
                    scope.background = text().trimmed().compare(QLatin1String("Background"), Qt::CaseInsensitive) == 0;
                    continue;
                }
                if (name == QLatin1String("Remark") && scope.element == QLatin1String("RadMeasurement")) {
                    const QString r = text().simplified();
                    if (!r.isEmpty())
                        scope.remarks << r;
                    continue;
                }
            }
            stack << name;
        } else if (token == QXmlStreamReader::EndElement) {
            if (stack.isEmpty())
                break;
            const QString name = stack.takeLast();
            if (name == QLatin1String("Spectrum") && current != NoSpectrum) {
                current = NoSpectrum;
            } else if ((name == QLatin1String("Calibration") || name == QLatin1String("EnergyCalibration")) && calibration) {
                CalibrationDef def = std::move(*calibration);
                calibration.reset();
                if (!def.energy)
                    continue;
                if (!def.id.isEmpty())
                    calibrationsById.insert(def.id, def);
                if (current != NoSpectrum)
                    spectra[current].calibration = def;
                else if (!scopes.empty() && def.id.isEmpty())
                    scopes.back().calibration = def;
            } else if (isScopeElement(name) && !scopes.empty() && scopes.back().element == name) {
                const Scope scope = std::move(scopes.back());
                scopes.pop_back();
                // Values of the innermost container win: inner scopes close first.
                for (size_t i = scope.firstSpectrum; i < spectra.size(); ++i) {
                    PendingSpectrum &p = spectra[i];
                    if (!p.live && scope.live)
                        p.live = scope.live;
                    if (!p.real && scope.real)
                        p.real = scope.real;
                    if (!p.start.isValid() && scope.start.isValid())
                        p.start = scope.start;
                    if (!p.distanceCm && scope.distanceCm)
                        p.distanceCm = scope.distanceCm;
                    if (!p.calibration && p.calibrationRefs.isEmpty() && scope.calibration)
                        p.calibration = scope.calibration;
                    if (scope.background)
                        p.background = true;
                    if (p.s.detector.isEmpty() && !scope.detector.isEmpty())
                        p.s.detector = scope.detector;
                    p.remarks += scope.remarks;
                }
            }
        }
    }
    if (xml.hasError())
        return xmlError();
    if (!stack.isEmpty())  // defensive: the reader reports an unclosed root as a premature end
        return lineError(path, xml.lineNumber(), QStringLiteral("the XML ends before <%1> is closed (file truncated?)")
                                                     .arg(stack.back()),
                         unsigned(SpectrumProblem::Truncated));
    if (spectra.empty())
        return makeError(path, QStringLiteral("N42 file without any <Spectrum> (missing channel data)"),
                         unsigned(SpectrumProblem::Unreadable));

    std::vector<Spectrum> out;
    out.reserve(spectra.size());
    for (size_t i = 0; i < spectra.size(); ++i) {
        PendingSpectrum &p = spectra[i];
        if (!p.haveChannels || p.s.counts.empty())
            return lineError(path, p.line, QStringLiteral("spectrum %1%2 has no channel data")
                                               .arg(i + 1)
                                               .arg(p.name.isEmpty() ? QString() : QStringLiteral(" ('%1')").arg(p.name)));
        Spectrum s = std::move(p.s);
        s.sourcePath = path;
        s.indexInSource = static_cast<int>(i);
        if (p.live)
            s.liveTime = *p.live;
        else
            s.problems.add(SpectrumProblem::NoLiveTime);
        s.realTime = p.real.value_or(0.0);
        s.startTime = p.start;
        s.distanceCm = p.distanceCm.value_or(0.0);
        s.description = p.remarks.join(QStringLiteral("; "));
        if (p.background)
            s.labels = QStringList{QStringLiteral("background")};
        const CalibrationDef *def = p.calibration ? &*p.calibration : nullptr;
        for (const QString &ref : p.calibrationRefs) {
            if (def)
                break;
            const auto it = calibrationsById.constFind(ref);
            if (it != calibrationsById.constEnd())
                def = &it.value();
        }
        if (def)
            applyCalibration(*def, s);
        else
            s.problems.add(SpectrumProblem::MissingCalibration);
        s.checkValues();
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace photopeak::n42
