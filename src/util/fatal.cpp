#include "util/fatal.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <new>
#include <sstream>
#include <string>
#include <vector>

namespace perf_check::util {

int report_fatal(const std::exception_ptr& failure, std::ostream& err) {
    std::string what;  // of an internal error, when it says
    try {
        std::rethrow_exception(failure);
    } catch (const std::bad_alloc&) {
        err << "perf-check: 内存不足，运行中止，已写出的报告不完整 (out of memory: the run stopped; any report written "
               "so far is incomplete). 请增加可用内存（或放宽 ulimit -v），或用 -j 1 "
               "逐个处理文件、把过大的表格拆分后重试 "
               "(allow more memory, or use -j 1, or split the largest table, and run again).\n";
        return k_exit_fatal;
    } catch (const std::exception& ex) {
        what = ex.what();
    } catch (...) {
    }
    err << "perf-check: 内部错误，运行中止，已写出的报告不完整 (internal error: the run stopped; any report written so "
           "far is incomplete)"
        << (what.empty() ? "" : ": ") << what
        << ". 这是 perf-check 的缺陷，请连同命令和输入文件报告 (a defect in perf-check: please report it with the "
           "command and the input files).\n";
    return k_exit_fatal;
}

namespace {

struct FatalExitFiles {
    std::mutex mutex;
    std::vector<std::string> paths;
};

FatalExitFiles& fatal_exit_files() {
    static FatalExitFiles files;  // never destroyed before a thread may still call exit_fatal()
    return files;
}

// Removes the registered files; a thread that holds the list (registering one this very moment) is not
// waited for: the exit must not hang.
void remove_fatal_exit_files() noexcept {
    auto& files = fatal_exit_files();
    std::unique_lock<std::mutex> lock(files.mutex, std::try_to_lock);
    if (!lock.owns_lock()) return;
    for (const auto& path : files.paths) std::remove(path.c_str());
}

}  // namespace

void remove_on_fatal_exit(const std::string& path) {
    auto& files = fatal_exit_files();
    const std::lock_guard<std::mutex> lock(files.mutex);
    files.paths.push_back(path);
}

void forget_on_fatal_exit(const std::string& path) {
    auto& files = fatal_exit_files();
    const std::lock_guard<std::mutex> lock(files.mutex);
    const auto it = std::find(files.paths.begin(), files.paths.end(), path);
    if (it != files.paths.end()) files.paths.erase(it);
}

void exit_fatal(const std::exception_ptr& failure) noexcept {
    // Compose first, then write once: under memory exhaustion this may itself fail, and the exit code
    // must still be the fatal one.
    try {
        std::ostringstream text;
        report_fatal(failure, text);
        const std::string s = text.str();
        std::fwrite(s.data(), 1, s.size(), stderr);
    } catch (...) {
        static const char k_plain[] = "perf-check: out of memory or internal error: the run stopped.\n";
        std::fwrite(k_plain, 1, sizeof k_plain - 1, stderr);
    }
    std::fflush(stderr);
    remove_fatal_exit_files();
    std::_Exit(k_exit_fatal);
}

}  // namespace perf_check::util
