// Remembering a pure function of a short text: several rules, normalisation and the scorer read the same
// cells, and a bureau's tables repeat the same few hundred values, units and standards thousands of
// times. Bounded, so memory stays flat however many projects a run reads.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace perf_check::util {

/// Recent results of one pure function by its text argument. Not thread-safe: keep one per thread
/// (`thread_local`). Texts longer than `max_key` bytes (goal prose, whole paragraphs) are computed
/// every time and not kept.
///
/// A direct-mapped cache of `slots` entries (rounded up to a power of two): a text has one slot, by
/// its hash, and a text computed there replaces the one before. Most texts a table repeats stay; a
/// stream of figures that never repeat (actuals, amounts) passes through one slot at a time without
/// allocating (the slot's strings keep their capacity), where a map allocated a node for each and was
/// cleared when full. Memory is fixed when the first text is kept.
template <class Value>
class TextMemo {
public:
    explicit TextMemo(std::size_t slots = 4096, std::size_t max_key = 256) : m_max_key(max_key) {
        std::size_t n = 1;
        while (n < slots) n <<= 1;
        m_mask = n - 1;
    }

    /// compute(text)'s result; the reference is valid until the next call.
    template <class Compute>
    const Value& get(std::string_view text, Compute&& compute) {
        if (text.size() > m_max_key) {
            m_uncached = compute(text);
            return m_uncached;
        }
        if (m_slots.empty()) m_slots.resize(m_mask + 1);
        Slot& slot = m_slots[std::hash<std::string_view>{}(text)&m_mask];
        if (slot.used && slot.key == text) return slot.value;
        slot.value = compute(text);
        slot.key.assign(text);
        if (!slot.used) ++m_size;
        slot.used = true;
        return slot.value;
    }

    /// Texts kept.
    [[nodiscard]] std::size_t size() const { return m_size; }

private:
    struct Slot {
        std::string key;
        Value value{};
        bool used = false;
    };
    std::vector<Slot> m_slots;
    Value m_uncached{};
    std::size_t m_mask = 0;
    std::size_t m_max_key;
    std::size_t m_size = 0;
};

}  // namespace perf_check::util
