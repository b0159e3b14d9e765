// Delivering per-file results in input order while workers finish files in any order, with a bound on
// what waits: the piece that makes `-j N` deterministic without holding a whole batch in memory.
#pragma once

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
/// run one at a time, under the lock.
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
        if (file == m_head) {
            deliver_waiting(file);
            m_item(std::move(item));
        } else {
            m_waiting_weight += m_weigh(item);
            m_waiting[file].push_back(std::move(item));
        }
    }

    void finish(std::size_t file, End&& end) {
        {
            const std::lock_guard lock(m_mutex);
            m_ends[file] = std::move(end);
            // Finished files at the head go out whole. A head file still being read keeps its waiting
            // items for its own worker's next call: the thread that made them frees them, and the
            // thread finishing here goes on to its next file at once.
            while (m_head < m_ends.size() && m_ends[m_head]) {
                deliver_waiting(m_head);
                m_end(std::move(*m_ends[m_head]));
                m_ends[m_head].reset();
                ++m_head;
            }
        }
        m_turn.notify_all();
    }

    /// Weight of the items waiting now (for tests).
    [[nodiscard]] std::size_t waiting_weight() {
        const std::lock_guard lock(m_mutex);
        return m_waiting_weight;
    }

private:
    void deliver_waiting(std::size_t file) {
        if (m_waiting[file].empty()) return;
        for (auto& item : m_waiting[file]) {
            m_waiting_weight -= m_weigh(item);
            m_item(std::move(item));
        }
        m_waiting[file].clear();
        m_waiting[file].shrink_to_fit();
    }

    std::mutex m_mutex;
    std::condition_variable m_turn;
    std::size_t m_head = 0;
    std::size_t m_waiting_weight = 0;
    std::vector<std::vector<Item>> m_waiting;
    std::vector<std::optional<End>> m_ends;
    std::size_t m_max_waiting;
    DeliverItem m_item;
    DeliverEnd m_end;
    Weigh m_weigh;
};

}  // namespace perf_check::pipeline
