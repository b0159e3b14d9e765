// The last resort: a run that cannot go on (memory exhausted, or a failure that is perf-check's own bug)
// ends with a message saying what happened and what to do, and exit code 2, never with an abort and a
// core dump. Every thread the program starts runs its work through on_any_thread() (start_threads).
#pragma once

#include <cstddef>
#include <exception>
#include <iosfwd>
#include <string>
#include <thread>
#include <vector>

namespace perf_check::util {

/// The exit code of a run that could not be done (SPEC §5).
inline constexpr int k_exit_fatal = 2;

/// Writes what `failure` means for the user to `err` (bilingual, one paragraph) and returns k_exit_fatal.
int report_fatal(const std::exception_ptr& failure, std::ostream& err);

/// Ends the process from a thread other than main's after report_fatal() on standard error: the other
/// threads may be waiting for this one's results, so unwinding further would hang or abort.
[[noreturn]] void exit_fatal(const std::exception_ptr& failure) noexcept;

/// Named temporary files exit_fatal() removes before the process ends (a run that ends otherwise
/// unwinds, and their owners remove them): the xlsx report's workbook, which libxlsxwriter assembles at a
/// path in $TMPDIR. An owner forgets its file before removing it itself.
void remove_on_fatal_exit(const std::string& path);
void forget_on_fatal_exit(const std::string& path);

/// Runs `work()`; if it throws, exit_fatal(). For the body of every thread perf-check starts.
template <class Work>
void on_any_thread(Work&& work) noexcept {
    try {
        work();
    } catch (...) {
        exit_fatal(std::current_exception());
    }
}

/// Starts up to `count` threads running `body` (through on_any_thread), as many as the system allows:
/// a pids or memory limit may refuse some, and the caller must get its work done with those it got
/// (with none, on its own thread).
template <class Body>
std::vector<std::thread> start_threads(std::size_t count, const Body& body) {
    std::vector<std::thread> started;
    try {
        started.reserve(count);  // no reallocation once threads run: a failure then leaves them joinable
    } catch (const std::exception&) {
        return started;
    }
    for (std::size_t t = 0; t < count; ++t) {
        try {
            started.emplace_back([body] { on_any_thread(body); });
        } catch (const std::exception&) {  // std::system_error, or std::bad_alloc for the thread's state
            break;
        }
    }
    return started;
}

}  // namespace perf_check::util
