#pragma once

#include <QLoggingCategory>

// Enable with QT_LOGGING_RULES="photopeak.ui.*=true".
Q_DECLARE_LOGGING_CATEGORY(lcLoad)
