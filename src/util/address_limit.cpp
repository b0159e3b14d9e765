#include "util/address_limit.hpp"

#include <sys/resource.h>

#include <algorithm>

namespace perf_check::util {

std::size_t threads_within(std::optional<std::size_t> limit_bytes, std::size_t wanted) {
    if (!limit_bytes) return wanted;
    const std::size_t room = *limit_bytes / k_address_space_per_thread;
    return std::clamp<std::size_t>(room > 0 ? room - 1 : 0, 1, std::max<std::size_t>(wanted, 1));
}

std::optional<std::size_t> address_space_limit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_AS, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return std::nullopt;
    return static_cast<std::size_t>(limit.rlim_cur);
}

}  // namespace perf_check::util
