// Operational errors (unreadable file, broken rule set, bad option) and a small Expected<T> to return them.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace perf_check {

/// The language of a report or message: Chinese (the default) or English (--lang en).
enum class Lang { zh, en };

/// An operational error: the run (or one file of it) could not be done. Findings are not errors.
/// `file`, `line` and `column` are 0/empty when unknown; render() joins them as "file:line:col: message".
struct Error {
    std::string message;
    std::string file;
    int line = 0;
    int column = 0;

    /// Messages written "English (中文)" come Chinese first in Chinese, "中文（English）", the English kept for
    /// the details it may hold; in English without the Chinese. Others are as written.
    [[nodiscard]] std::string render(Lang lang = Lang::zh) const;
};

/// Either a value or an Error. A minimal stand-in for std::expected, which clang 14 lacks.
template <class T>
class Expected {
public:
    Expected(T value) : m_v(std::move(value)) {}          // NOLINT(google-explicit-constructor)
    Expected(Error error) : m_v(std::move(error)) {}      // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool has_value() const { return m_v.index() == 0; }
    explicit operator bool() const { return has_value(); }
    T& value() { return std::get<0>(m_v); }
    const T& value() const { return std::get<0>(m_v); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    [[nodiscard]] const Error& error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

}  // namespace perf_check
