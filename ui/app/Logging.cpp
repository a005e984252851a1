#include "app/Logging.h"

Q_LOGGING_CATEGORY(lcLoad, "photopeak.ui.load", QtWarningMsg)
