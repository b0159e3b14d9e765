// Remembering a pure function of a short text: several rules, normalisation and the scorer read the same
// cells, and a bureau's tables repeat the same few hundred values, units and standards thousands of
// times. Bounded, so memory stays flat however many projects a run reads.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "util/text.hpp"

namespace perf_check::util {

/// Recent results of one pure function by its text argument. Not thread-safe: keep one per thread
/// (`thread_local`). Texts longer than `max_key` bytes (goal prose, whole paragraphs) are computed
/// every time and not kept.
///
/// A direct-mapped cache of `slots` entries (rounded up to a power of two): a text has one slot, by
/// its hash, and a text computed there replaces the one before. Most texts a table repeats stay; a
/// stream of figures that never repeat (actuals, amounts) passes through one slot at a time without
/// allocating (the slot's strings keep their capacity), where a map allocated a node for each and was
/// cleared when full. The slots start few and double while more than half are in use, up to `slots`:
/// a run on one small table (a CI gate checks one submission) does not first clear half a megabyte per
/// memo and per thread (a third of the time of checking the seed table went there).
template <class Value>
class TextMemo {
public:
    explicit TextMemo(std::size_t slots = 4096, std::size_t max_key = 256) : m_max_key(max_key) {
        while (m_most < slots) m_most <<= 1;
    }

    /// compute(text)'s result; the reference is valid until the next call.
    template <class Compute>
    const Value& get(std::string_view text, Compute&& compute) {
        if (text.size() > m_max_key) {
            m_uncached = compute(text);
            return m_uncached;
        }
        const std::size_t h = slot_hash(text);
        if (m_slots.empty()) resize(std::min(k_first_slots, m_most));
        Slot* slot = &m_slots[h & m_mask];
        if (slot->used && same_text(slot->key, text)) return slot->value;
        if (2 * m_size >= m_slots.size() && m_slots.size() < m_most) {
            resize(2 * m_slots.size());
            slot = &m_slots[h & m_mask];
        }
        slot->value = compute(text);
        slot->key.assign(text);
        if (!slot->used) ++m_size;
        slot->used = true;
        return slot->value;
    }

    /// Texts kept.
    [[nodiscard]] std::size_t size() const { return m_size; }
    /// Slots allocated so far.
    [[nodiscard]] std::size_t slots() const { return m_slots.size(); }

    /// A slot's hash of `text`: eight bytes a step with a multiply to mix them. A cell's text is hashed
    /// several times per indicator (each reader asks), and std::hash's (murmur, byte-exact across
    /// platforms) cost more than the readers' own work on a hit; a collision only costs a recomputation.
    static std::size_t slot_hash(std::string_view text) {
        std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ text.size();
        std::size_t i = 0;
        for (; i + 8 <= text.size(); i += 8) {
            std::uint64_t w = 0;
            std::memcpy(&w, text.data() + i, 8);
            h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
            h ^= h >> 32;
        }
        if (i < text.size()) {
            // The last one to seven bytes, without a call to memcpy of a variable length and the stall of
            // reading back what it stored: in a text of eight or more, the eight bytes ending at its end
            // (some hashed twice); in a shorter one, its first and last four (or two, or its bytes).
            const std::size_t n = text.size();
            const char* p = text.data();
            std::uint64_t w = 0;
            if (n >= 8) {
                std::memcpy(&w, p + n - 8, 8);
            } else if (n >= 4) {
                std::uint32_t a = 0;
                std::uint32_t b = 0;
                std::memcpy(&a, p, 4);
                std::memcpy(&b, p + n - 4, 4);
                w = (std::uint64_t{a} << 32) | b;
            } else {
                w = (std::uint64_t{static_cast<unsigned char>(p[0])} << 16) |
                    (std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8) | static_cast<unsigned char>(p[n - 1]);
            }
            h = (h ^ w) * 0xC4CEB9FE1A85EC53ULL;
        }
        h ^= h >> 29;
        h *= 0xFF51AFD7ED558CCDULL;
        return static_cast<std::size_t>(h ^ (h >> 32));
    }

private:
    // `used` beside the key: testing a slot reads one cache line, not the key's and then the line past
    // a large value's.
    struct Slot {
        std::string key;
        bool used = false;
        Value value{};
    };
    static constexpr std::size_t k_first_slots = 64;

    // `n` slots (a power of two), the kept texts moved to theirs: doubling splits each slot in two, so no
    // two kept texts meet in one.
    void resize(std::size_t n) {
        std::vector<Slot> old(n);
        old.swap(m_slots);
        m_mask = n - 1;
        m_size = 0;
        for (Slot& s : old) {
            if (!s.used) continue;
            m_slots[slot_hash(s.key) & m_mask] = std::move(s);
            ++m_size;
        }
    }

    std::vector<Slot> m_slots;
    Value m_uncached{};
    std::size_t m_most = 1;  ///< most slots: `slots` rounded up to a power of two
    std::size_t m_mask = 0;
    std::size_t m_max_key;
    std::size_t m_size = 0;
};

}  // namespace perf_check::util
