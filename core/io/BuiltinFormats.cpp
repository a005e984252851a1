// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/BuiltinFormats.h"

#include "io/ReaderRegistry.h"
#include "io/cnf/CnfReader.h"
#include "io/csv/CsvReader.h"
#include "io/csv/CsvWriter.h"
#include "io/h5/H5LibraryWriter.h"
#include "io/h5/H5SpectraReader.h"
#include "io/n42/N42Reader.h"
#include "io/radiacode/RadiacodeReader.h"
#include "io/radiacode/RadiacodeSpectrogramReader.h"
#include "io/spc/SpcReader.h"
#include "io/spe/SpeReader.h"
#include "io/sps/SpsReader.h"

namespace photopeak {

void registerBuiltinFormats(ReaderRegistry &registry)
{
    registry.addReader(std::make_unique<SpsReader>());
    registry.addWriter(std::make_unique<SpsWriter>());
    registry.addReader(std::make_unique<H5SpectraReader>());
    registry.addWriter(std::make_unique<H5LibraryWriter>());
    registry.addReader(std::make_unique<CsvReader>());
    registry.addWriter(std::make_unique<CsvWriter>());
    // Vendor formats, read only. The XML readers tell N42 from RadiaCode by the root element.
    registry.addReader(std::make_unique<N42Reader>());
    registry.addReader(std::make_unique<RadiacodeReader>());
    registry.addReader(std::make_unique<RadiacodeSpectrogramReader>());
    registry.addReader(std::make_unique<SpeReader>());
    registry.addReader(std::make_unique<CnfReader>());
    registry.addReader(std::make_unique<SpcReader>());
}

} // namespace photopeak
