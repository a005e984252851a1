// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "model/ModelRegistry.h"

#include "model/ModelFile.h"

namespace photopeak {

void ModelRegistry::add(ModelKind kind)
{
    for (ModelKind &k : m_kinds)
        if (k.kind == kind.kind) {
            k = std::move(kind);
            return;
        }
    m_kinds.push_back(std::move(kind));
}

const ModelKind *ModelRegistry::find(const QString &kind) const
{
    for (const ModelKind &k : m_kinds)
        if (k.kind == kind)
            return &k;
    return nullptr;
}

std::vector<const ModelKind *> ModelRegistry::kinds(const QString &inputKind) const
{
    std::vector<const ModelKind *> out;
    for (const ModelKind &k : m_kinds)
        if (inputKind.isEmpty() || k.inputKind == inputKind)
            out.push_back(&k);
    return out;
}

Result<QString> ModelRegistry::peekKind(const QString &path)
{
    auto document = ModelFile::load(path, QString());
    if (!document)
        return document.error();
    return document->header.kind;
}

Result<std::unique_ptr<Model>> ModelRegistry::load(const QString &path) const
{
    return load(path, QString());
}

Result<std::unique_ptr<Model>> ModelRegistry::load(const QString &path, const QString &expectedKind) const
{
    auto document = ModelFile::load(path, expectedKind);
    if (!document)
        return document.error();
    const Result<QString> kind = document->header.kind;
    const ModelKind *k = find(kind.value());
    if (!k || !k->load) {
        QStringList known;
        for (const ModelKind &m : m_kinds)
            known << m.kind;
        return makeError(path, QStringLiteral("model kind '%1' is unknown to this build of Photopeak (known: %2)")
                                   .arg(kind.value(), known.join(QStringLiteral(", "))));
    }
    return k->load(path);
}

Result<std::unique_ptr<Model>> ModelRegistry::train(const QString &kind, const ModelInput &input,
                                                   const QJsonObject &options, const JobControl *job) const
{
    const ModelKind *k = find(kind);
    if (!k)
        return makeError(kind, QStringLiteral("no such model kind"));
    if (!k->train)
        return makeError(kind, QStringLiteral("this model kind is trained by its own command, not through the registry"));
    if (!k->inputKind.isEmpty() && input.inputKind() != k->inputKind)
        return makeError(kind, QStringLiteral("trains on %1, not on %2").arg(k->inputKind, input.inputKind()));
    auto validated = k->parameters.validate(options, kind);
    if (!validated)
        return validated.error();
    return k->train(input, validated.value(), job);
}

} // namespace photopeak
