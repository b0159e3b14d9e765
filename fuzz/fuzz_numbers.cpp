// libFuzzer target: number, unit, comparator and weight normalisation of cell text, and Decimal parsing.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"
#include "model/normalize.hpp"
#include "perf_check/decimal.hpp"

using namespace perf_check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 1024) return 0;  // one cell
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    const Quantity q = model::read_quantity(text);
    if (q.number) {
        // A value read must print and read back to itself (reports print what was read).
        const std::string printed = q.number->str();
        const auto again = Decimal::parse(printed);
        if (!again || *again != *q.number) std::abort();
    }
    (void)model::canonical_unit(text);
    (void)model::read_comparator(text);
    if (const auto w = model::read_weight(text)) (void)w->str();
    if (const auto d = Decimal::parse(text)) {
        // Saturating arithmetic over the whole range (decimal.hpp): UBSan reports any signed overflow.
        (void)d->round(2);
        (void)d->floor();
        (void)d->ceil();
        (void)d->fixed(2);
        (void)(*d * *d);
        (void)(*d / *d);
        (void)(*d + *d);
        (void)(-*d - *d);
        (void)(Decimal::from_int(1) / *d);
    }
    return 0;
}
