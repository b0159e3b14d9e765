// The canonical JSON model of a table: writing it (`perf-check convert --to json`) and reading it back.
#pragma once

#include <istream>
#include <memory>
#include <ostream>
#include <string>

#include "perf_check/reader.hpp"
#include "perf_check/ruleset.hpp"

namespace perf_check::io {

/// Writes one table as canonical JSON (schemas/perf-check-table.schema.json), project by project,
/// so memory does not grow with the table. Cell texts are written as read (raw), merged-cell blanks
/// filled; reading the result back gives the same model and therefore the same findings.
class JsonModelWriter {
public:
    JsonModelWriter(std::ostream& out, const TableInfo& table);
    void add(const Project& project);
    /// Closes the document; must be called once after the last project.
    void finish();

private:
    std::ostream& m_out;
    std::string m_sheet;  ///< the table's: a project read from another sheet names its own
    MoneyUnit m_money_unit;  ///< the table's: a project read from another sheet in another unit names its own
    bool m_first = true;
};

/// Reads a canonical JSON table. Structure errors (not this format, wrong types, unknown keys, nesting
/// deeper than 64) are Errors naming the file and line. With `cells_name_file` (an actuals or progress file,
/// joined onto another table's projects) every cell names this file; otherwise cells leave it to their project.
Expected<std::unique_ptr<ProjectSource>> open_json_model(std::unique_ptr<std::istream> in, const std::string& file,
                                                         const RuleSet& rules, bool cells_name_file = false);

}  // namespace perf_check::io
