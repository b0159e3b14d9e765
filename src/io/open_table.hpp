// Opening an input file as a ProjectSource: picks the reader by content and extension.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "io/encoding.hpp"
#include "io/table_assembler.hpp"
#include "perf_check/reader.hpp"
#include "perf_check/ruleset.hpp"

namespace perf_check::io {

struct ReadOptions {
    std::optional<Encoding> encoding;  ///< --encoding; detected when absent
    std::string sheet;                 ///< --sheet NAME or 1-based number; first table-like sheet when empty
    TableKind kind = TableKind::targets;
    ReadLimits limits;
    /// A workbook's sheet chosen without --sheet: the first whole table with self-evaluation columns, before
    /// a target table (score with no actuals file, of a workbook holding 目标表 and 自评表).
    bool prefer_self_evaluation = false;
};

/// Opens `path`: CSV/TSV (by content: text), XLSX (zip signature), canonical JSON (.json). A missing,
/// empty or binary file, a legacy .xls, a WPS .et or an OpenDocument .ods is an Error naming it and
/// saying what to do.
Expected<std::unique_ptr<ProjectSource>> open_table(const std::string& path, const ReadOptions& options,
                                                    const RuleSet& rules);

/// The same for text already in memory (tests, fuzzers): CSV content named `name`.
Expected<std::unique_ptr<ProjectSource>> open_csv_text(std::string content, const std::string& name,
                                                       const ReadOptions& options, const RuleSet& rules);

/// The extension of `path`, lower-cased, with its dot (".xlsx"), or "" when it has none.
std::string lower_extension(const std::string& path);

/// True for a file a directory's tables are found by: a table's extension (.csv .tsv .xlsx .xlsm .json,
/// and .xls .et .ods, which open_table reports as unreadable with what to do; any case) and not hidden
/// (.name) or an Excel lock file (~$name).
bool is_table_file_name(const std::string& path);

/// Expands command-line paths: files as given; directories to their table files (is_table_file_name; a
/// .json only when it is a perf-check table; a .txt only when it is Excel's "Unicode 文本", UTF-16 with its
/// byte-order mark), recursively, sorted by path. A path that does not exist is
/// kept (opening it reports it). A file named more than once (the same file once links and `..` are
/// resolved) is listed once, first place. Files in `besides` play another part in the run (the actuals
/// or progress file, which may sit in the directory being checked) and are not inputs.
std::vector<std::string> expand_inputs(const std::vector<std::string>& paths,
                                       const std::vector<std::string>& besides = {});

}  // namespace perf_check::io
