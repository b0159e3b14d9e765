// Unit tests of TextMemo: results kept per text, long texts not kept, bounded by starting afresh.
#include "util/text_memo.hpp"

#include <set>
#include <string>

#include <catch2/catch.hpp>

using perf_check::util::TextMemo;

TEST_CASE("TextMemo computes a text once and returns the kept result after", "[memo]") {
    TextMemo<std::string> memo;
    int calls = 0;
    const auto upper = [&](std::string_view t) {
        ++calls;
        std::string out(t);
        for (char& c : out) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
        return out;
    };
    CHECK(memo.get("abc", upper) == "ABC");
    CHECK(memo.get("abc", upper) == "ABC");
    CHECK(memo.get("xy", upper) == "XY");
    CHECK(memo.get("abc", upper) == "ABC");
    CHECK(calls == 2);
    CHECK(memo.size() == 2);
    // An empty text is a text like any other.
    CHECK(memo.get("", upper).empty());
    CHECK(memo.get("", upper).empty());
    CHECK(calls == 3);
}

TEST_CASE("TextMemo keeps no text longer than its key limit", "[memo]") {
    TextMemo<std::size_t> memo(4096, 8);
    int calls = 0;
    const auto length = [&](std::string_view t) {
        ++calls;
        return t.size();
    };
    const std::string long_text(9, 'x');
    CHECK(memo.get(long_text, length) == 9);
    CHECK(memo.get(long_text, length) == 9);
    CHECK(calls == 2);
    CHECK(memo.size() == 0);
    CHECK(memo.get(std::string(8, 'x'), length) == 8);  // at the limit: kept
    CHECK(memo.size() == 1);
}

TEST_CASE("TextMemo keeps one text per slot, so memory stays bounded", "[memo]") {
    TextMemo<int> memo(1);  // one slot: every text takes the place of the one before
    int calls = 0;
    const auto count = [&](std::string_view) { return ++calls; };
    CHECK(memo.get("a", count) == 1);
    CHECK(memo.get("a", count) == 1);
    CHECK(memo.size() == 1);
    CHECK(memo.get("b", count) == 2);  // a is dropped, b kept
    CHECK(memo.size() == 1);
    CHECK(memo.get("a", count) == 3);  // computed again
    CHECK(memo.get("a", count) == 3);
    CHECK(calls == 3);
}

TEST_CASE("TextMemo: many texts through a small memo give each its own result", "[memo]") {
    TextMemo<std::string> memo(8);
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 100; ++i) {
            const std::string text = std::to_string(i);
            INFO(text);
            CHECK(memo.get(text, [](std::string_view t) { return "v" + std::string(t); }) == "v" + text);
        }
    }
    CHECK(memo.size() <= 8);
    CHECK(memo.size() > 0);
}

TEST_CASE("TextMemo's slots start few and double as texts are kept, up to its size, keeping what they hold", "[memo]") {
    TextMemo<std::string> memo(4096);
    int calls = 0;
    const auto tagged = [&](std::string_view t) {
        ++calls;
        return "v" + std::string(t);
    };
    CHECK(memo.slots() == 0);  // nothing allocated before the first text
    CHECK(memo.get("甲", tagged) == "v甲");
    CHECK(memo.slots() == 64);
    int doublings = 0;
    std::string previous = "甲";
    for (int i = 0; i < 20000; ++i) {
        const std::string text = "x" + std::to_string(i);
        const std::size_t slots = memo.slots();
        const std::size_t kept = memo.size();
        CHECK(memo.get(text, tagged) == "v" + text);
        if (memo.slots() != slots) {
            ++doublings;
            CHECK(memo.slots() == 2 * slots);
            CHECK(2 * kept >= slots);    // only when more than half were in use
            CHECK(memo.size() >= kept);  // the texts kept went to their new slots
            const int before = calls;
            CHECK(memo.get(previous, tagged) == "v" + previous);  // the text kept just before, found there
            CHECK(memo.get(text, tagged) == "v" + text);          // and the new one kept
            CHECK(calls == before);
        }
        previous = text;
    }
    CHECK(doublings == 6);        // 64 → 4096
    CHECK(memo.slots() == 4096);  // never beyond its size
    CHECK(memo.size() <= 4096);
}

TEST_CASE("TextMemo's slot hash spreads texts that differ in one place", "[memo]") {
    // Deduction standards and values of one table differ in a digit or two, anywhere in the text: a hash
    // that missed such a difference would make them share a slot and be recomputed every time.
    std::set<std::size_t> slots;
    for (int k = 0; k < 1000; ++k) {
        slots.insert(TextMemo<int>::slot_hash("每降低" + std::to_string(k) + "个百分点扣1分，扣完为止") & 4095);
    }
    CHECK(slots.size() > 850);  // 1000 random slots of 4096 fill about 886
    std::set<std::size_t> tails;
    for (int k = 0; k < 1000; ++k)
        tails.insert(TextMemo<int>::slot_hash("项目实施成本项目实施" + std::to_string(k)) & 4095);
    CHECK(tails.size() > 850);
    // Short values (amounts, percentages), whose bytes are all tail: every byte counts, at every length
    // from one to seven.
    for (const int width : {1, 2, 3, 4, 5, 6, 7}) {
        std::set<std::size_t> shorts;
        const int count = width < 3 ? (width == 1 ? 10 : 100) : 1000;
        for (int k = 0; k < count; ++k) {
            std::string text = std::to_string(k);
            text.insert(0, static_cast<std::size_t>(width) - text.size(), '0');
            shorts.insert(TextMemo<int>::slot_hash(text));
        }
        CHECK(shorts.size() == static_cast<std::size_t>(count));
    }
    CHECK(TextMemo<int>::slot_hash("") != TextMemo<int>::slot_hash(std::string_view("\0", 1)));
}
