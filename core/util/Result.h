// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace photopeak {

// An error as a value: which file (or object) and what is wrong with it.
struct Error {
    QString source;   // file path, dataset or object the problem belongs to
    QString message;  // what is wrong, in words a user understands
    unsigned kind = 0; // optional domain code (readers: SpectrumProblem bits)

    QString toString() const { return source.isEmpty() ? message : source + QStringLiteral(": ") + message; }
};

// Minimal expected-like result (std::expected arrives with C++23).
template <typename T>
class Result {
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<T>(m_data); }
    const T &value() const & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

struct Ok {};
using Status = Result<Ok>;

inline Error makeError(QString source, QString message, unsigned kind = 0)
{
    return Error{std::move(source), std::move(message), kind};
}

} // namespace photopeak
