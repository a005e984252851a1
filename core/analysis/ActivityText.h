#pragma once

#include <QString>

namespace photopeak {

// Activities in words for tables, legends and reports, with the unit chosen by the magnitude.
// "104 ± 8 kBq": the uncertainty keeps two significant digits at most and fixes the decimals of both.
QString formatActivity(double bq, double uncBq);
// "3.2 kBq": three significant digits.
QString formatBecquerel(double bq);

} // namespace photopeak
