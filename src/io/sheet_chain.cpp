// Reading a workbook's sheets one after another as one table.
#include "io/sheet_chain.hpp"

#include <utility>

namespace perf_check::io {

SheetChain::SheetChain(std::unique_ptr<ProjectSource> first, std::vector<std::size_t> rest, Open open)
    : m_table(first->table()), m_current(std::move(first)), m_rest(std::move(rest)), m_open(std::move(open)) {}

Expected<bool> SheetChain::next(Project& out) {
    while (true) {
        auto more = m_current->next(out);
        if (!more || *more) return more;
        if (m_next == m_rest.size()) return false;
        auto opened = m_open(m_rest[m_next++]);
        if (!opened) return opened.error();
        m_current = std::move(*opened);
    }
}

}  // namespace perf_check::io
