// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "model/Model.h"
#include "model/ParameterTable.h"

#include <functional>
#include <memory>
#include <vector>

namespace photopeak {

// How to make models of one kind: train from an input with validated options, or load a saved file.
struct ModelKind {
    using Trainer = std::function<Result<std::unique_ptr<Model>>(const ModelInput &input, const QJsonObject &options,
                                                                 const JobControl *job)>;
    using Loader = std::function<Result<std::unique_ptr<Model>>(const QString &path)>;

    QString kind;                 // model file header "kind"
    QString title;                // for users, e.g. "Event classifier (SVM, forest, logistic)"
    QString inputKind;            // ModelInput::inputKind() it trains on and predicts
    ParameterTable parameters;    // its options, declared once
    Trainer train;                // empty: trained elsewhere (e.g. the spectrum classifier's own pipeline)
    Loader load;
};

// Every model kind, looked up by the kind in the model file header, the way readers are registered:
// adding a kind is its own folder plus one line in core/builtin/BuiltinModels.cpp (which also defines instance()).
class ModelRegistry {
public:
    ModelRegistry() = default;  // empty registry (tests)
    static const ModelRegistry &instance();  // with every built-in kind

    void add(ModelKind kind);
    const ModelKind *find(const QString &kind) const;
    // Kinds that work on this input kind (all when empty).
    std::vector<const ModelKind *> kinds(const QString &inputKind = {}) const;

    // The kind written in a model file's header, without loading the payload; refuses non-model files.
    static Result<QString> peekKind(const QString &path);
    // The one loader for every model file: reads the header's kind and hands the file to that kind's loader.
    // An unknown kind, or a format version newer than this program, is refused naming the file.
    Result<std::unique_ptr<Model>> load(const QString &path) const;
    // Same, but a file of another kind than `expectedKind` is refused as such before its checksum is checked.
    Result<std::unique_ptr<Model>> load(const QString &path, const QString &expectedKind) const;
    // The same loader for a workflow that needs one kind (M, e.g. LatentSpectrumModel): a file of another kind is
    // refused naming the file and both kinds.
    template <class M>
    Result<std::shared_ptr<const M>> loadAs(const QString &path, const QString &kind) const
    {
        auto loaded = load(path, kind);
        if (!loaded)
            return loaded.error();
        std::shared_ptr<const Model> model = std::move(loaded).value();
        auto typed = std::dynamic_pointer_cast<const M>(model);
        if (!typed)
            return makeError(path, QStringLiteral("is a %1 model, but a %2 model is needed").arg(model->kind(), kind));
        return typed;
    }
    // Validates options with the kind's table, then trains.
    Result<std::unique_ptr<Model>> train(const QString &kind, const ModelInput &input, const QJsonObject &options,
                                         const JobControl *job = nullptr) const;

private:
    std::vector<ModelKind> m_kinds;
};

} // namespace photopeak
