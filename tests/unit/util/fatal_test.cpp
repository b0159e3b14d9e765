// The last resort: a failure nobody caught ends the run with a message and exit code 2, from the main
// thread (report_fatal) or from any other (on_any_thread, checked in a child process); and threads
// the system refuses are done without (start_threads).
#include <catch2/catch.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <new>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>

#include "pipeline/in_order_pool.hpp"
#include "support/sanitizers.hpp"
#include "util/fatal.hpp"

using namespace perf_check;

TEST_CASE("report_fatal says out of memory, or internal error with what failed, and returns exit code 2",
          "[util][fatal]") {
    std::ostringstream err;
    CHECK(util::report_fatal(std::make_exception_ptr(std::bad_alloc()), err) == 2);
    CHECK(err.str().find("内存不足") != std::string::npos);
    CHECK(err.str().find("out of memory") != std::string::npos);
    CHECK(err.str().find("internal error") == std::string::npos);

    std::ostringstream err2;
    CHECK(util::report_fatal(std::make_exception_ptr(std::logic_error("slot index 7 out of range")), err2) == 2);
    CHECK(err2.str().find("内部错误") != std::string::npos);
    CHECK(err2.str().find("slot index 7 out of range") != std::string::npos);

    std::ostringstream err3;
    CHECK(util::report_fatal(std::make_exception_ptr(42), err3) == 2);
    CHECK(err3.str().find("internal error") != std::string::npos);
}

namespace {

struct ChildOutcome {
    int status = -1;  // exit code, or 128 + signal
    std::string err;
};

// Runs `body` in a child process whose standard error is captured.
template <class Body>
ChildOutcome in_child(Body body) {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        dup2(fds[1], STDERR_FILENO);
        body();
        _exit(0);
    }
    close(fds[1]);
    ChildOutcome o;
    char buf[512];
    for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) o.err.append(buf, static_cast<std::size_t>(n));
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    o.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return o;
}

}  // namespace

TEST_CASE("a thread whose work throws ends the process with exit code 2 and the message, not an abort",
          "[util][fatal]") {
    const auto o = in_child([] {
        std::thread t([] { util::on_any_thread([] { throw std::bad_alloc(); }); });
        t.join();
    });
    CHECK(o.status == 2);
    CHECK(o.err.find("内存不足") != std::string::npos);

    const auto ok = in_child([] {
        int done = 0;
        std::thread t([&] { util::on_any_thread([&] { done = 1; }); });
        t.join();
        if (done != 1) _exit(3);
    });
    CHECK(ok.status == 0);
    CHECK(ok.err.empty());
}

TEST_CASE("a fatal exit removes the temporary files registered for it, and only those", "[util][fatal]") {
    char dir_template[] = "/tmp/perf-check-fatal-XXXXXX";
    REQUIRE(mkdtemp(dir_template) != nullptr);
    const std::string dir = dir_template;
    const std::string registered = dir + "/workbook";
    const std::string forgotten = dir + "/kept";
    for (const auto& p : {registered, forgotten}) std::ofstream(p) << "x";
    const auto o = in_child([&] {
        util::remove_on_fatal_exit(registered);
        util::remove_on_fatal_exit(forgotten);
        util::forget_on_fatal_exit(forgotten);  // its owner removes it (or keeps it) itself
        std::thread t([] { util::on_any_thread([] { throw std::bad_alloc(); }); });
        t.join();
    });
    CHECK(o.status == 2);
    CHECK_FALSE(std::ifstream(registered).good());
    CHECK(std::ifstream(forgotten).good());
    std::remove(forgotten.c_str());
    std::remove(registered.c_str());
    rmdir(dir.c_str());
}

TEST_CASE("start_threads starts what it can: all of them normally, none when no stack can be had",
          "[util][fatal][threads]") {
    std::atomic<int> ran{0};
    auto started = util::start_threads(3, [&] { ++ran; });
    CHECK(started.size() == 3);
    for (auto& t : started) t.join();
    CHECK(ran == 3);

#ifndef PERF_CHECK_TEST_ASAN  // its shadow memory does not fit under a tight limit
    // In a child whose address space is capped just above what it uses, threads that stay alive soon
    // find no room for another 8 MB stack (glibc may first reuse stacks of finished threads): the
    // ones granted run, the rest are refused, and nothing aborts.
    const auto o = in_child([] {
        std::ifstream statm("/proc/self/statm");
        std::size_t pages = 0;
        statm >> pages;
        const rlim_t bytes = pages * 4096 + (std::size_t{64} << 20);
        const rlimit cap{bytes, bytes};
        if (setrlimit(RLIMIT_AS, &cap) != 0) _exit(3);
        std::atomic<bool> go{false};
        std::atomic<int> done{0};
        auto some = util::start_threads(64, [&] {
            while (!go) std::this_thread::yield();
            ++done;
        });
        const auto got = static_cast<int>(some.size());
        go = true;
        for (auto& t : some) t.join();
        _exit(got > 0 && got < 64 && done == got ? 0 : 4);
    });
    CHECK(o.status == 0);
    CHECK(o.err.empty());
#endif
}

TEST_CASE("a thread started by start_threads or a pool worker whose work throws ends the run with exit 2",
          "[util][fatal][threads]") {
    const auto started = in_child([] {
        auto threads = util::start_threads(2, [] { throw std::bad_alloc(); });
        for (auto& t : threads) t.join();
    });
    CHECK(started.status == 2);
    CHECK(started.err.find("内存不足") != std::string::npos);

    // A pool worker failing while the submitter waits for room and a result is due: no hang, no abort.
    const auto pooled = in_child([] {
        pipeline::InOrderPool<int, int> pool(
            2, 2,
            [](int& job) {
                if (job == 3) throw std::logic_error("job 3 failed");
                return job;
            },
            [](int&&) {});
        for (int i = 0; i < 100; ++i) pool.submit(int{i});
        pool.finish();
    });
    CHECK(pooled.status == 2);
    CHECK(pooled.err.find("job 3 failed") != std::string::npos);
}
