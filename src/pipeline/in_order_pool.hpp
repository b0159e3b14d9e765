// Jobs done by several threads, their results handed on in the order the jobs came: how one file's
// projects use more than one core while its report keeps the order a single thread would give.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "util/fatal.hpp"

namespace perf_check::pipeline {

/// `threads` workers take submitted jobs in order and run `work` on them side by side; each hands its own
/// results to `deliver` when their turn comes, so results go on one at a time in submission order and
/// are used up and freed on the thread that made them. (A first version let whichever thread was free
/// deliver what was due: glibc malloc's arena locks then topped the profile, since memory of another
/// thread's arena is freed under that arena's lock and every finding's strings crossed.) A worker
/// whose result is not yet due goes on with the next job. At most `max_in_flight` jobs are submitted
/// and not yet delivered: submit() waits beyond that, so memory stays bounded however far the
/// submitting thread could read ahead. A job's object comes back through spare() once its result is
/// made, for the submitter to refill (its buffers keep their capacity). `work` and `deliver` must not
/// throw: if they do anyway (memory exhausted), util::on_any_thread ends the run with a message.
template <class Job, class Result>
class InOrderPool {
public:
    using Work = std::function<Result(Job&)>;
    using Deliver = std::function<void(Result&&)>;

    /// Starts `threads` workers, or as many as the system allows (a pids or memory limit): with none,
    /// submit() does each job and delivers it itself, so the jobs get done either way.
    InOrderPool(std::size_t threads, std::size_t max_in_flight, Work work, Deliver deliver)
        : m_max_in_flight(max_in_flight > 0 ? max_in_flight : 1),
          m_work(std::move(work)),
          m_deliver(std::move(deliver)),
          m_threads(util::start_threads(threads, [this] { run(); })) {}
    InOrderPool(const InOrderPool&) = delete;
    InOrderPool& operator=(const InOrderPool&) = delete;
    ~InOrderPool() { finish(); }

    void submit(Job&& job) {
        if (m_threads.empty()) {  // no worker: in turn, on this thread
            m_deliver(m_work(job));
            const std::lock_guard lock(m_mutex);
            m_spares.push_back(std::move(job));
            return;
        }
        std::unique_lock lock(m_mutex);
        m_room.wait(lock, [&] { return m_submitted - m_delivered < m_max_in_flight; });
        m_queue.emplace_back(m_submitted++, std::move(job));
        lock.unlock();
        m_changed.notify_one();
    }

    /// A job whose result has been made, to refill; nullopt when none is free.
    std::optional<Job> spare() {
        const std::lock_guard lock(m_mutex);
        if (m_spares.empty()) return std::nullopt;
        Job j = std::move(m_spares.back());
        m_spares.pop_back();
        return j;
    }

    /// Waits until every submitted job's result has been delivered, then stops the workers.
    void finish() {
        {
            const std::lock_guard lock(m_mutex);
            if (m_closed) return;
            m_closed = true;
        }
        m_changed.notify_all();
        for (auto& t : m_threads) t.join();
    }

private:
    void run() {
        // This worker's results not yet due, in submission order (it takes jobs in that order). While
        // an earlier job is still being done elsewhere, the worker goes on to the next job rather than
        // wait: with one core slower than the other (a VM's neighbour), waiting put the fast one in
        // lock-step with the slow one and -j 2 was no faster than -j 1.
        std::deque<std::pair<std::size_t, Result>> parked;
        std::unique_lock lock(m_mutex);
        while (true) {
            while (!parked.empty() && parked.front().first == m_delivered) {
                {
                    Result due = std::move(parked.front().second);
                    parked.pop_front();
                    lock.unlock();
                    m_deliver(std::move(due));
                }  // what is left of it is freed here, unlocked, by the thread that made it
                lock.lock();
                ++m_delivered;
                m_changed.notify_all();  // the next result due may be another worker's
                // The submitter waits for room only when it is ahead: it is woken once half the jobs
                // in flight are done, not at every one (each wake-up is a system call or two).
                if (m_submitted - m_delivered == m_max_in_flight / 2) m_room.notify_all();
            }
            if (!m_queue.empty()) {
                const std::size_t seq = m_queue.front().first;
                Job job = std::move(m_queue.front().second);
                m_queue.pop_front();
                lock.unlock();
                Result result = m_work(job);
                lock.lock();
                m_spares.push_back(std::move(job));
                parked.emplace_back(seq, std::move(result));
                continue;
            }
            if (m_closed && parked.empty()) return;  // nothing left to do or to hand on
            // Every job before a parked one was taken earlier by a worker that will hand it on: no
            // wait here is for a result nobody holds.
            m_changed.wait(lock, [&] {
                return !m_queue.empty() || (!parked.empty() && parked.front().first == m_delivered) ||
                       (m_closed && parked.empty());
            });
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_changed;  ///< a job submitted, a result handed on, or the pool closed
    std::condition_variable m_room;
    std::deque<std::pair<std::size_t, Job>> m_queue;  ///< submitted, not yet taken: (sequence, job)
    std::vector<Job> m_spares;
    std::size_t m_submitted = 0;
    std::size_t m_delivered = 0;
    std::size_t m_max_in_flight;
    bool m_closed = false;
    Work m_work;
    Deliver m_deliver;
    std::vector<std::thread> m_threads;  ///< last: started once everything they use is
};

}  // namespace perf_check::pipeline
