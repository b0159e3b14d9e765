// Which sanitizers the test binary was built with (CI runs the suite a second time under ASan+UBSan,
// built by clang; g++ says only whether ASan is on).
//   PERF_CHECK_TEST_ASAN       AddressSanitizer: its shadow memory does not fit under `ulimit -v`.
//   PERF_CHECK_TEST_SANITIZED  ASan or UBSan: far slower than the product, so timing-bound cases skip.
#pragma once

#if defined(__SANITIZE_ADDRESS__)
#define PERF_CHECK_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PERF_CHECK_TEST_ASAN 1
#endif
#endif

#if defined(PERF_CHECK_TEST_ASAN)
#define PERF_CHECK_TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(undefined_behavior_sanitizer)
#define PERF_CHECK_TEST_SANITIZED 1
#endif
#endif
