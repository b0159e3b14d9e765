// Delivering per-file results in input order while workers finish files in any order, with a bound on
// what waits: the piece that makes `-j N` deterministic without holding a whole batch in memory.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace perf_check::pipeline {

/// Items of file i are delivered (in the order they were added) only after every item of files before
/// i and each file's end. The first unfinished file's items pass straight through; items of later files
/// wait, up to `max_waiting` weight in total, beyond which add() blocks until its file's turn. When a file
/// becomes the first unfinished one, its waiting items go out at its next add() or finish(). The callbacks
/// run one at a time, in order, outside the lock that add() takes to queue an item: a worker queueing
/// for a later file never waits while the head file's results are being written out.
template <class Item, class End>
class OrderedDelivery {
public:
    using DeliverItem = std::function<void(Item&&)>;
    using DeliverEnd = std::function<void(End&&)>;
    using Weigh = std::function<std::size_t(const Item&)>;

    OrderedDelivery(std::size_t files, std::size_t max_waiting, DeliverItem item, DeliverEnd end, Weigh weigh)
        : m_waiting(files), m_ends(files), m_max_waiting(max_waiting), m_item(std::move(item)), m_end(std::move(end)),
          m_weigh(std::move(weigh)) {}

    void add(std::size_t file, Item&& item) {
        std::unique_lock lock(m_mutex);
        m_turn.wait(lock, [&] { return file == m_head || m_waiting_weight < m_max_waiting; });
        if (file != m_head) {
            const std::size_t weight = m_weigh(item);
            m_waiting[file].push_back(std::move(item));  // first: if it throws, nothing was counted
            m_waiting_weight += weight;
            return;
        }
        std::vector<Item> backlog = take_waiting(file);
        // The delivery lock is taken before the queue lock is let go, so deliveries keep the order in
        // which the queue decided them (only a thread holding the queue lock ever waits for it).
        const std::lock_guard delivering(m_delivery);
        lock.unlock();
        if (!backlog.empty()) m_turn.notify_all();
        for (auto& waiting : backlog) m_item(std::move(waiting));
        m_item(std::move(item));
    }

    void finish(std::size_t file, End&& end) {
        std::unique_lock lock(m_mutex);
        m_ends[file] = std::move(end);
        // Finished files at the head go out whole. A head file still being read keeps its waiting
        // items for its own worker's next call: the thread that made them frees them, and the
        // thread finishing here goes on to its next file at once.
        std::vector<std::pair<std::vector<Item>, End>> done;
        while (m_head < m_ends.size() && m_ends[m_head]) {
            done.emplace_back(take_waiting(m_head), std::move(*m_ends[m_head]));
            m_ends[m_head].reset();
            ++m_head;
        }
        m_head_now.store(m_head, std::memory_order_release);
        if (done.empty()) return;
        const std::lock_guard delivering(m_delivery);
        lock.unlock();
        m_turn.notify_all();
        for (auto& [items, file_end] : done) {
            for (auto& waiting : items) m_item(std::move(waiting));
            m_end(std::move(file_end));
        }
    }

    /// Whether `file`'s items now go straight out (it is the first unfinished file). Once true it stays
    /// true until the file's finish(): its worker may then write what it makes straight through rather
    /// than render it ahead, since its add() calls deliver on its own thread, in order.
    [[nodiscard]] bool is_head(std::size_t file) const { return m_head_now.load(std::memory_order_acquire) == file; }

    /// Weight of the items waiting now (for tests).
    [[nodiscard]] std::size_t waiting_weight() {
        const std::lock_guard lock(m_mutex);
        return m_waiting_weight;
    }

private:
    // A file's waiting items, taken out of the queue (under m_mutex) to be delivered.
    std::vector<Item> take_waiting(std::size_t file) {
        std::vector<Item> out;
        out.swap(m_waiting[file]);
        for (const auto& item : out) m_waiting_weight -= m_weigh(item);
        return out;
    }

    std::mutex m_mutex;     ///< the queue: m_head, m_waiting, m_ends, m_waiting_weight
    std::mutex m_delivery;  ///< the callbacks; taken only while holding m_mutex
    std::condition_variable m_turn;
    std::size_t m_head = 0;
    std::atomic<std::size_t> m_head_now{0};  ///< m_head, for is_head() without the lock
    std::size_t m_waiting_weight = 0;
    std::vector<std::vector<Item>> m_waiting;
    std::vector<std::optional<End>> m_ends;
    std::size_t m_max_waiting;
    DeliverItem m_item;
    DeliverEnd m_end;
    Weigh m_weigh;
};

}  // namespace perf_check::pipeline
