// Living within `ulimit -v`: glibc gives each thread its own heap ("arena"), reserving 64 MB of address
// space for it (128 MB while it aligns the reservation), besides the thread's 8 MB stack. Under an
// address-space limit that reservation can fail, and a thread left without an arena maps every
// allocation separately, one system call per string: a 1.4-second check of a 100 MB table at -j 2 under
// `ulimit -v 120000` ran for over ten minutes. Making all threads share the main heap instead
// (M_ARENA_MAX=1) took 4.3-5.4 s, slower than one thread (2.0 s). So under a limit, perf-check starts
// only as many threads as the limit leaves room for.
#pragma once

#include <cstddef>
#include <optional>

namespace perf_check::util {

/// The address space one more thread needs, with its heap: 128 MiB.
inline constexpr std::size_t k_address_space_per_thread = std::size_t{128} << 20;

/// How many threads fit under an address-space limit of `limit_bytes` (nullopt: no limit) when `wanted`
/// are asked for: one per k_address_space_per_thread beyond the first (the main thread's own share),
/// at least 1 (then the run uses no thread besides main's), at most `wanted`.
std::size_t threads_within(std::optional<std::size_t> limit_bytes, std::size_t wanted);

/// The process's address-space limit (RLIMIT_AS, `ulimit -v`) in bytes; nullopt when unlimited.
std::optional<std::size_t> address_space_limit();

}  // namespace perf_check::util
