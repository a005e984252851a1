// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace photopeak {

// The bytes of an XML document from its first markup on (byte-order mark and leading white space skipped),
// without a copy: the view must outlive the result. An empty document is an error naming `path`.
Result<QByteArray> xmlDocumentBytes(QByteArrayView bytes, const QString &path);

// Local name (without a prefix) of the document's root element, read from the first bytes of a file; empty when there is none.
QString xmlRootElementName(QByteArrayView head);

} // namespace photopeak
