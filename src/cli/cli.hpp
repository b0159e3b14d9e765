// The command line: argv → a typed command. The only place CLI11 is included.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "pipeline/run_options.hpp"

namespace perf_check::cli {

enum class Command { check, score, monitor, explain, rules, convert, template_xlsx };

/// The parsed command line. When `exit_code` >= 0 the parse already finished the run (help, version,
/// or a usage error) and `message` is what to print (to stdout for help, stderr for errors).
struct Parsed {
    Command command = Command::check;
    RunOptions run;
    std::string text;        ///< explain: the deduction text; rules: the rule id (may be empty)
    std::string convert_to;  ///< convert: json | csv
    std::string output;      ///< convert/template: -o path ("" = stdout)
    int exit_code = -1;
    std::string message;
};

/// Parses arguments (argv[0] is the program name). `perf-check PATH…` means `perf-check check PATH…`.
/// `is_tty` says whether standard output is a terminal (colour for text output).
Parsed parse(const std::vector<std::string>& args, bool is_tty = false);

/// Runs a parsed command; returns the exit code (0 / 1 / 2 as SPEC §5).
int execute(const Parsed& parsed, std::ostream& out, std::ostream& err);

/// The process entry point.
int main(int argc, char** argv);

}  // namespace perf_check::cli
