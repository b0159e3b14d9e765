// Several sheets of one workbook read as one table, a sheet after another: a workbook of the national
// self-evaluation form, one project a sheet.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

#include "perf_check/reader.hpp"

namespace perf_check::io {

/// The projects of `first`, then those of each sheet of `rest` in turn, opened by `open` when the one
/// before has ended (a workbook may have fifty sheets: one is open at a time). table() is the first
/// sheet's, kept for the whole read: the sheets chained are those of the same columns. A sheet that
/// cannot be opened is the error that ends the read, as a sheet that breaks part-way is.
class SheetChain final : public ProjectSource {
public:
    using Open = std::function<Expected<std::unique_ptr<ProjectSource>>(std::size_t sheet)>;
    SheetChain(std::unique_ptr<ProjectSource> first, std::vector<std::size_t> rest, Open open);
    [[nodiscard]] const TableInfo& table() const override { return m_table; }
    Expected<bool> next(Project& out) override;

private:
    TableInfo m_table;
    std::unique_ptr<ProjectSource> m_current;
    std::vector<std::size_t> m_rest;
    std::size_t m_next = 0;  ///< of m_rest, the sheet to open when m_current ends
    Open m_open;
};

}  // namespace perf_check::io
