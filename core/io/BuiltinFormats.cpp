#include "io/BuiltinFormats.h"

#include "io/ReaderRegistry.h"
#include "io/sps/SpsReader.h"

namespace photopeak {

void registerBuiltinFormats(ReaderRegistry &registry)
{
    registry.addReader(std::make_unique<SpsReader>());
    registry.addWriter(std::make_unique<SpsWriter>());
}

} // namespace photopeak
