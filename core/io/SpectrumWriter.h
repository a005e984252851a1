#pragma once

#include "spectrum/Spectrum.h"
#include "util/Result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace photopeak {

// One file format's writer. Writes go to a temporary file renamed into place, never half-written files.
class SpectrumWriter {
public:
    virtual ~SpectrumWriter() = default;

    virtual QString formatName() const = 0;
    virtual QStringList fileSuffixes() const = 0;
    virtual bool holdsManySpectra() const = 0;
    virtual Status write(const QString &path, const std::vector<Spectrum> &spectra) const = 0;
};

} // namespace photopeak
