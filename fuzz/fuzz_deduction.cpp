// libFuzzer target: the 评（扣分标准） grammar — normalisation, parsing and the explanation built from it.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <ostream>
#include <streambuf>
#include <string>

#include "fuzz_common.hpp"
#include "scoring/deduction.hpp"
#include "scoring/explain.hpp"

using namespace perf_check;

namespace {

// Discards what write_explanation prints: the fuzzer wants its code paths, not its text.
struct NullBuffer : std::streambuf {
    int overflow(int c) override { return c; }
    std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

std::size_t code_points(const std::string& s) {
    std::size_t n = 0;
    for (const unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 4096) return 0;  // a cell's deduction text; longer inputs only slow the search down
    const std::string text = fuzz::as_string(data, size);

    const std::string normal = scoring::normalize_deduction_text(text);
    // Contract (deduction.hpp): normalising is idempotent, and parsing reads the normalised text.
    if (scoring::normalize_deduction_text(normal) != normal) std::abort();

    const scoring::Formula formula = scoring::parse_deduction(text);
    if (formula.text != normal) std::abort();
    const std::size_t length = code_points(formula.text);
    for (const auto& piece : formula.pieces) {
        if (piece.from > piece.to || piece.to > length) std::abort();
        if (piece.kind == scoring::PieceKind::step &&
            (piece.index < 0 || static_cast<std::size_t>(piece.index) >= formula.steps.size())) {
            std::abort();
        }
        (void)scoring::describe(formula, piece);
    }
    for (const auto& step : formula.steps) (void)scoring::phrase(step);
    (void)scoring::canonical_form(formula);

    NullBuffer sink;
    std::ostream out(&sink);
    scoring::write_explanation(text, Lang::zh, out);
    return 0;
}
