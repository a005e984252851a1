// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "ml/templates/LeaveOneIsotopeOut.h"
#include "peaks/NuclideLibrary.h"

#include <QString>
#include <QTextStream>

namespace TemplateEvaluation {

// `identify --leave-one-out-xgd ROOT`: runs photopeak::LeaveOneIsotopeOut and prints its table (with the
// response fitted without each isotope). Returns the exit code.
int run(const QString &root, const photopeak::NuclideLibrary &library, const photopeak::LeaveOneIsotopeOut::Options &options,
        QTextStream &out);

} // namespace TemplateEvaluation
