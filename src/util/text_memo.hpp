// Remembering a pure function of a short text: several rules, normalisation and the scorer read the same
// cells, and a bureau's tables repeat the same few hundred values, units and standards thousands of
// times. Bounded, so memory stays flat however many projects a run reads.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace perf_check::util {

/// Recent results of one pure function by its text argument. Not thread-safe: keep one per thread
/// (`thread_local`). Texts longer than `max_key` bytes (goal prose, whole paragraphs) are computed
/// every time and not kept; when `limit` texts are kept the memo starts afresh.
template <class Value>
class TextMemo {
public:
    explicit TextMemo(std::size_t limit = 4096, std::size_t max_key = 256) : m_limit(limit), m_max_key(max_key) {}

    /// compute(text)'s result; the reference is valid until the next call.
    template <class Compute>
    const Value& get(std::string_view text, Compute&& compute) {
        if (text.size() > m_max_key) {
            m_uncached = compute(text);
            return m_uncached;
        }
        if (const auto it = m_map.find(text); it != m_map.end()) return it->second;
        if (m_map.size() >= m_limit) m_map.clear();
        return m_map.emplace(std::string(text), compute(text)).first->second;
    }

    [[nodiscard]] std::size_t size() const { return m_map.size(); }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, Value, Hash, std::equal_to<>> m_map;
    Value m_uncached{};
    std::size_t m_limit;
    std::size_t m_max_key;
};

}  // namespace perf_check::util
