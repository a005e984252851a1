#include "io/BuiltinFormats.h"

#include "io/ReaderRegistry.h"
#include "io/csv/CsvReader.h"
#include "io/csv/CsvWriter.h"
#include "io/h5/H5LibraryWriter.h"
#include "io/h5/H5SpectraReader.h"
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
}

} // namespace photopeak
