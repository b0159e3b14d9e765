// argv → Parsed, with CLI11; then dispatch to the pipeline and the small commands.
#include "cli/cli.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "config/rule_set_loader.hpp"
#include "io/open_table.hpp"
#include "monitor/monitor.hpp"
#include "pipeline/commands.hpp"
#include "pipeline/pipeline.hpp"
#include "report/reporters.hpp"
#include "report/template_xlsx.hpp"
#include "scoring/explain.hpp"
#include "util/fatal.hpp"
#include "util/text.hpp"

namespace perf_check::cli {

namespace {

const char* k_description =
    "perf-check — 检查与评分预算项目支出绩效目标表和绩效自评表\n"
    "Validates and scores Chinese budget performance-target tables (绩效目标表) and self-evaluations.";

const char* k_footer =
    "\n退出码 Exit codes: 0 无达到 --fail-on 级别的问题 nothing at/above --fail-on; 1 有 findings at/above it;\n"
    "2 无法完成 the run could not be done (unreadable file, bad rule set, bad option, unwritable report).\n"
    "示例 Examples:\n"
    "  perf-check targets.csv\n"
    "  perf-check --format json -o report.json submissions/\n"
    "  perf-check score self-eval.csv\n"
    "  perf-check explain \"每超过5万元，扣1分，扣完为止\"\n"
    "  perf-check rules cost-breakdown\n"
    "各命令的选项 Each command's options: perf-check check --help (score, monitor, convert … the same)";

// Options shared by check and score.
struct Shared {
    std::vector<std::string> paths;
    std::string rules_path;
    std::string format = "text";
    std::string output;
    std::string lang = "zh";
    std::string fail_on = "error";
    bool summary = false;
    std::string encoding;
    std::string sheet;
    std::string actuals;
    std::vector<std::string> reports;
    bool format_given = false;
    unsigned jobs = 0;
    std::string as_of;
    std::string baseline;
    std::string update_baseline;
    std::vector<std::string> limits;
};

const char* k_limit_help =
    "上限 raise or lower a protective limit, NAME=VALUE (repeatable): cell-bytes (default 4MiB), "
    "columns (16384), xlsx-bytes (unpacked .xlsx, 1GiB); sizes take KiB/MiB/GiB, e.g. --limit cell-bytes=8MiB";

// Reads "8MiB", "512KiB", "2GiB", "4194304" (bytes). K/KB/KiB, M/MB/MiB, G/GB/GiB all count in 1024s:
// these are memory limits, and a user who types 8MB means "about eight megabytes", not a decimal unit.
std::optional<std::uint64_t> parse_size(const std::string& text) {
    std::size_t i = 0;
    std::uint64_t n = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        if (n > (std::uint64_t{1} << 40)) return std::nullopt;  // far beyond any limit; avoids overflow
        n = n * 10 + static_cast<std::uint64_t>(text[i] - '0');
        ++i;
    }
    if (i == 0) return std::nullopt;
    std::string unit;
    for (; i < text.size(); ++i) unit += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
    std::uint64_t scale = 0;
    if (unit.empty() || unit == "b") scale = 1;
    else if (unit == "k" || unit == "kb" || unit == "kib") scale = std::uint64_t{1} << 10;
    else if (unit == "m" || unit == "mb" || unit == "mib") scale = std::uint64_t{1} << 20;
    else if (unit == "g" || unit == "gb" || unit == "gib") scale = std::uint64_t{1} << 30;
    else return std::nullopt;
    return n * scale;
}

// The limits --limit can set. Each has a floor (below it no real table can be read, so the value is
// surely a typo) and a ceiling (the limit must still protect the machine).
struct KnownLimit {
    const char* name;
    bool is_size;
    std::uint64_t low;
    std::uint64_t high;
    std::size_t io::ReadLimits::*field;
};
const KnownLimit k_known_limits[] = {
    {"cell-bytes", true, std::uint64_t{1} << 10, std::uint64_t{1} << 31, &io::ReadLimits::max_cell_bytes},
    {"columns", false, 16, 1'000'000, &io::ReadLimits::max_columns},
    {"xlsx-bytes", true, std::uint64_t{16} << 10, std::uint64_t{64} << 30, &io::ReadLimits::max_xlsx_bytes},
};

// Applies one --limit NAME=VALUE.
std::optional<std::string> apply_limit(const std::string& spec, io::ReadLimits& limits) {
    const std::size_t eq = spec.find('=');
    const std::string name = util::trim(spec.substr(0, eq));
    const std::string value = eq == std::string::npos ? "" : util::trim(spec.substr(eq + 1));
    std::string names;
    for (const auto& k : k_known_limits) names += std::string(names.empty() ? "" : ", ") + k.name;
    const std::string usage = " (上限写法 use NAME=VALUE with NAME one of " + names + ", e.g. --limit cell-bytes=8MiB)";
    if (eq == std::string::npos || value.empty()) return "--limit " + spec + ": expected NAME=VALUE" + usage;
    for (const auto& k : k_known_limits) {
        if (name != k.name) continue;
        std::optional<std::uint64_t> n;
        if (k.is_size) {
            n = parse_size(value);
        } else if (value.find_first_not_of("0123456789") == std::string::npos && value.size() <= 12) {
            n = std::stoull(value);
        }
        if (!n) {
            return "--limit " + spec + ": '" + value + "' is not " +
                   (k.is_size ? "a size such as 8MiB, 512KiB or 4194304" : "a whole number") + usage;
        }
        if (*n < k.low || *n > k.high) {
            return "--limit " + spec + ": " + name + " must be between " + std::to_string(k.low) + " and " +
                   std::to_string(k.high) + (k.is_size ? " bytes" : "") + " (上限超出允许范围)";
        }
        limits.*k.field = static_cast<std::size_t>(*n);
        return std::nullopt;
    }
    return "--limit " + spec + ": unknown limit '" + name + "'" + usage;
}

// A repeatable option that takes one value per occurrence (`--limit X a.csv b.csv` must not read the
// files as more limits), shown in --help as `--limit NAME=VALUE` rather than CLI11's `TEXT ...`.
CLI::Option* one_per_occurrence(CLI::Option* option, const std::string& value_name) {
    return option->type_name(value_name)
        ->allow_extra_args(false)
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

enum class Mode { check, score, monitor };

void add_shared(CLI::App* app, Shared& s, Mode mode) {
    app->add_option("paths", s.paths, "表格文件或目录 tables or directories (.csv .tsv .xlsx .json)")->required();
    app->add_option("--rules", s.rules_path, "规则集 YAML rule set (may say `extends: default`)");
    app->add_option("-f,--format", s.format, "输出格式 output format: " + util::join(report::reporter_names(), ", "))
        ->check(CLI::IsMember(report::reporter_names()));
    app->add_option("-o,--output", s.output, "写入文件 write the report to FILE instead of standard output");
    one_per_occurrence(
        app->add_option("--report", s.reports,
                        "多个输出 another output, FORMAT[:PATH] (repeatable), e.g. --report sarif:out.sarif"),
        "FORMAT[:PATH]");
    app->add_option("--lang", s.lang, "语言 language of messages: zh (default) or en")->check(CLI::IsMember({"zh", "en"}));
    app->add_option("--fail-on", s.fail_on, "exit 1 when a finding is at or above: error (default), warning, info, never")
        ->check(CLI::IsMember({"error", "warning", "info", "never"}));
    app->add_flag("--summary", s.summary,
                  "汇总 per-file and per-unit lines and the key-evaluation list (≥100万元), in text, json, markdown, "
                  "csv (rows after the findings, level 汇总), html and xlsx; sarif, junit, gitlab and github have no "
                  "place for it and say so on stderr");
    app->add_option("--encoding", s.encoding, "CSV 编码 force the CSV encoding: utf-8, utf-8-bom, gb18030");
    app->add_option("--sheet", s.sheet, "XLSX 工作表 sheet name or 1-based number");
    app->add_option("-j,--jobs", s.jobs,
                    "并行 threads: files checked side by side, and a file alone shares out its projects "
                    "(default: number of cores; output order never changes)");
    app->add_option("--baseline", s.baseline, "基线 report only findings not in this baseline file; list the fixed ones");
    app->add_option("--update-baseline", s.update_baseline, "写基线 write this run's findings as the baseline FILE");
    one_per_occurrence(app->add_option("--limit", s.limits, k_limit_help), "NAME=VALUE");
    if (mode == Mode::score) {
        app->add_option("--actuals", s.actuals,
                        "实际完成值文件 actuals as a separate CSV/XLSX/JSON joined on (单位代码, 项目名称, 三级指标)");
    }
    if (mode == Mode::monitor) {
        app->add_option("--progress", s.actuals,
                        "监控进度文件 values and spending to date, joined on (单位代码, 项目名称, 三级指标)");
        app->add_option("--as-of", s.as_of, "监控截止日期 YYYY-MM-DD (default: end of the last full month)");
    }
}

// A path that is no file and reads as the value of --limit or --report, which take one value each:
// `--limit cell-bytes=8MiB columns=100 t.csv` left columns=100 to be looked for as a file.
std::optional<std::string> stray_option_value(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) return std::nullopt;
    const std::string name = path.substr(0, path.find('='));
    for (const auto& k : k_known_limits) {
        if (name == k.name && name.size() < path.size()) {
            return "'" + path + "' is not a file: each limit takes its own --limit, e.g. --limit " + path +
                   " (每个上限前都要写 --limit)";
        }
    }
    if (report::find_reporter(path.substr(0, path.find(':')))) {
        return "'" + path + "' is not a file: each output takes its own --report, e.g. --report " + path +
               " (每个输出前都要写 --report)";
    }
    return std::nullopt;
}

std::optional<std::string> to_run_options(const Shared& s, bool is_tty, RunOptions& run) {
    for (const auto& p : s.paths) {
        if (auto stray = stray_option_value(p)) return stray;
    }
    run.paths = s.paths;
    run.rules_path = s.rules_path;
    // -f/-o give one output; each --report adds one. With only --report, there is no default text output.
    run.reports.clear();
    if (s.reports.empty() || s.format_given || !s.output.empty()) run.reports.push_back({s.format, s.output});
    for (const auto& spec : s.reports) {
        const std::size_t colon = spec.find(':');
        ReportTarget t{spec.substr(0, colon), colon == std::string::npos ? "" : spec.substr(colon + 1)};
        if (!report::find_reporter(t.format)) {
            return "unknown format '" + t.format + "' in --report " + spec + " (formats: " +
                   util::join(report::reporter_names(), ", ") + ")";
        }
        run.reports.push_back(t);
    }
    int to_stdout = 0;
    for (const auto& t : run.reports) to_stdout += pipeline::is_standard_output(t.path) ? 1 : 0;
    if (to_stdout > 1) return "only one output can go to standard output: give the others a path (FORMAT:PATH)";
    run.lang = s.lang == "en" ? Lang::en : Lang::zh;
    if (s.fail_on == "never") run.fail_on.reset();
    else run.fail_on = s.fail_on == "info" ? Severity::info : s.fail_on == "warning" ? Severity::warning : Severity::error;
    run.summary = s.summary;
    run.jobs = s.jobs;
    run.baseline_path = s.baseline;
    run.update_baseline_path = s.update_baseline;
    run.read.sheet = s.sheet;
    for (const auto& spec : s.limits) {
        if (auto err = apply_limit(spec, run.read.limits)) return err;
    }
    run.actuals_path = s.actuals;
    run.colour = is_tty && std::getenv("NO_COLOR") == nullptr;
    if (!s.encoding.empty()) {
        auto enc = io::parse_encoding_name(s.encoding);
        if (!enc) return enc.error().message;
        run.read.encoding = *enc;
    }
    for (const auto& t : run.reports) {
        const auto* entry = report::find_reporter(t.format);
        if (entry && entry->binary && pipeline::is_standard_output(t.path) && is_tty) {
            return "format " + t.format + " writes a binary file: give it a path (-o FILE or --report " + t.format +
                   ":FILE)";
        }
    }
    return std::nullopt;
}

bool is_subcommand(const std::string& a) {
    return a == "check" || a == "score" || a == "monitor" || a == "explain" || a == "rules" || a == "convert" || a == "template";
}

}  // namespace

Parsed parse(const std::vector<std::string>& args_in, bool is_tty) {
    Parsed parsed;
    std::vector<std::string> args = args_in;
    // `perf-check PATH…` is `perf-check check PATH…`: insert the default command when the first
    // argument is neither a command nor a top-level flag.
    if (args.size() > 1 && !is_subcommand(args[1]) && args[1] != "-h" && args[1] != "--help" &&
        args[1] != "--version") {
        // `perf-check -j 2 score t.csv` would check a file named "score": a command named after options
        // (not as an option's value, not an existing file) is a mistake to say, not a path to look for.
        for (std::size_t i = 2; i < args.size(); ++i) {
            // The argument before takes this one as its value only if it is an option with nothing
            // attached (`-j 2`, not `-j2` or `--jobs=2`) and not the one flag (--summary).
            const std::string& before = args[i - 1];
            const bool short_attached = before.size() > 2 && before[0] == '-' && before[1] != '-';
            const bool option_value = before.rfind('-', 0) == 0 && before.find('=') == std::string::npos &&
                                      !short_attached && before != "--summary";
            std::error_code ec;
            if (is_subcommand(args[i]) && !option_value && !std::filesystem::exists(args[i], ec)) {
                parsed.exit_code = 2;
                parsed.message = "perf-check: '" + args[i] + "' is a command: put it first, before the options, e.g. " +
                                 "`perf-check " + args[i] + " -j 2 FILE` (命令须写在所有选项之前)\n";
                return parsed;
            }
        }
        args.insert(args.begin() + 1, "check");
    }
    CLI::App app{k_description, "perf-check"};
    app.footer(k_footer);
    app.set_version_flag("--version", std::string("perf-check ") + PERF_CHECK_VERSION);
    app.require_subcommand(1);

    Shared check_opts;
    auto* check = app.add_subcommand("check", "检查绩效目标表 check tables (default command)");
    add_shared(check, check_opts, Mode::check);
    Shared score_opts;
    auto* score = app.add_subcommand("score", "自评评分 score self-evaluations: per-indicator scores, totals, grades");
    add_shared(score, score_opts, Mode::score);
    Shared monitor_opts;
    auto* monitor = app.add_subcommand("monitor", "1–7月绩效监控 mid-year monitoring: execution against time, targets at risk");
    add_shared(monitor, monitor_opts, Mode::monitor);
    std::string explain_text;
    std::string lang = "zh";
    auto* explain = app.add_subcommand("explain", "解释评（扣分标准） show how a deduction text is read");
    explain->add_option("text", explain_text, "评（扣分标准）文字 the deduction text")->required();
    explain->add_option("--lang", lang, "zh or en")->check(CLI::IsMember({"zh", "en"}));
    std::string rule_id;
    std::string rules_path;
    auto* rules = app.add_subcommand("rules", "列出规则 list rules, or show one rule's documentation");
    rules->add_option("id", rule_id, "规则编号 rule id");
    rules->add_option("--rules", rules_path, "规则集 YAML rule set");
    rules->add_option("--lang", lang, "zh or en")->check(CLI::IsMember({"zh", "en"}));
    std::string convert_path;
    std::string convert_to;
    std::string output;
    std::string encoding;
    std::string sheet;
    std::vector<std::string> convert_limits;
    auto* convert = app.add_subcommand("convert", "转换 convert a table to canonical JSON or clean CSV");
    convert->add_option("path", convert_path, "表格文件 table file")->required();
    convert->add_option("--to", convert_to, "json or csv")->required()->check(CLI::IsMember({"json", "csv"}));
    convert->add_option("-o,--output", output, "写入文件 output file (default: standard output)");
    convert->add_option("--encoding", encoding, "CSV 编码 utf-8, utf-8-bom, gb18030");
    convert->add_option("--sheet", sheet, "XLSX 工作表 sheet name or number");
    one_per_occurrence(convert->add_option("--limit", convert_limits, k_limit_help), "NAME=VALUE");
    auto* templ = app.add_subcommand("template", "模板 write a blank target table (.xlsx) with dropdowns and hints");
    templ->add_option("-o,--output", output, "输出文件 output .xlsx")->required();
    // Subcommands inherit the footer of check's exit codes and examples: these say their own.
    explain->footer(
        "\n退出码 Exit codes: 0 已解释 explained; 2 参数错误 bad option.\n"
        "示例 Example:\n  perf-check explain \"每超过5万元，扣1分，扣完为止\"");
    rules->footer(
        "\n退出码 Exit codes: 0 已列出 listed; 2 未知规则或规则集有误 unknown rule or bad rule set.\n"
        "示例 Examples:\n  perf-check rules\n  perf-check rules cost-breakdown --lang en");
    convert->footer(
        "\n退出码 Exit codes: 0 已转换 converted; 2 无法读取或写出 unreadable table or unwritable output.\n"
        "示例 Examples:\n  perf-check convert targets.xlsx --to json -o targets.json\n"
        "  perf-check convert targets.csv --to csv -o clean.csv");
    templ->footer(
        "\n退出码 Exit codes: 0 已写出 written; 2 无法写出 the file could not be written.\n"
        "示例 Example:\n  perf-check template -o 绩效目标表模板.xlsx\n"
        "模板含一个示例项目（（示例）…），提交前删除 the example project is to be deleted before submitting.");

    std::vector<const char*> argv;
    for (const auto& a : args) argv.push_back(a.c_str());
    try {
        app.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const CLI::CallForHelp&) {
        parsed.exit_code = 0;
        parsed.message = app.help();
        return parsed;
    } catch (const CLI::CallForVersion&) {
        parsed.exit_code = 0;
        parsed.message = std::string("perf-check ") + PERF_CHECK_VERSION + "\n";
        return parsed;
    } catch (const CLI::ParseError& e) {
        // Help of a subcommand arrives as CallForHelp too; everything else is a usage error: exit 2.
        parsed.exit_code = 2;
        if (args_in.size() <= 1) {  // nothing given: say what to give, in Chinese first
            parsed.message =
                "perf-check: 请指定要检查的表格文件或目录，例如 perf-check 绩效目标表.xlsx（no file or directory "
                "given）\n"
                "运行 perf-check --help 查看全部命令和选项（run `perf-check --help` for usage）\n";
        } else {
            parsed.message = std::string("perf-check: 命令行有误（") + e.what() +
                             "）\n运行 perf-check --help 查看用法（run `perf-check --help` for usage）\n";
        }
        return parsed;
    }
    auto fail = [&](const std::string& msg) {
        parsed.exit_code = 2;
        parsed.message = "perf-check: " + msg + "\n";
        return parsed;
    };
    if (check->parsed() || score->parsed() || monitor->parsed()) {
        parsed.command = check->parsed() ? Command::check : score->parsed() ? Command::score : Command::monitor;
        CLI::App* sub = check->parsed() ? check : score->parsed() ? score : monitor;
        Shared& chosen = check->parsed() ? check_opts : score->parsed() ? score_opts : monitor_opts;
        chosen.format_given = sub->get_option("--format")->count() > 0;
        if (auto err = to_run_options(chosen, is_tty, parsed.run)) return fail(*err);
        parsed.run.score = score->parsed();
        parsed.run.monitor = monitor->parsed();
        if (parsed.run.monitor) {
            if (chosen.as_of.empty()) {
                parsed.run.as_of = monitor::format_date(monitor::default_as_of());
            } else if (const auto d = monitor::parse_date(chosen.as_of)) {
                parsed.run.as_of = monitor::format_date(*d);
                parsed.run.as_of_given = true;
            } else {
                return fail("--as-of '" + chosen.as_of + "' is not a date: use YYYY-MM-DD, e.g. 2024-07-31");
            }
        }
    } else if (explain->parsed()) {
        parsed.command = Command::explain;
        parsed.text = explain_text;
        parsed.run.lang = lang == "en" ? Lang::en : Lang::zh;
    } else if (rules->parsed()) {
        parsed.command = Command::rules;
        parsed.text = rule_id;
        parsed.run.rules_path = rules_path;
        parsed.run.lang = lang == "en" ? Lang::en : Lang::zh;
    } else if (convert->parsed()) {
        parsed.command = Command::convert;
        parsed.run.paths = {convert_path};
        parsed.convert_to = convert_to;
        parsed.output = output;
        parsed.run.read.sheet = sheet;
        for (const auto& spec : convert_limits) {
            if (auto err = apply_limit(spec, parsed.run.read.limits)) return fail(*err);
        }
        if (!encoding.empty()) {
            auto enc = io::parse_encoding_name(encoding);
            if (!enc) return fail(enc.error().message);
            parsed.run.read.encoding = *enc;
        }
    } else if (templ->parsed()) {
        parsed.command = Command::template_xlsx;
        parsed.output = output;
        // The template is a workbook: under another name Excel or WPS would not open it as one.
        if (io::lower_extension(output) != ".xlsx") {
            return fail(
                "template writes an .xlsx workbook: name the output *.xlsx, e.g. -o 绩效目标表模板.xlsx "
                "(模板是 Excel 工作簿，输出文件名请以 .xlsx 结尾)");
        }
    }
    return parsed;
}

namespace {

// Runs `body` with its output going to `path` (or `out` when empty/"-"); output that could not be
// written whole (a full disk) fails the command, as a run's reports do.
template <class Body>
int with_output(const std::string& path, std::ostream& out, std::ostream& err, Lang lang, Body body) {
    const bool to_stdout = pipeline::is_standard_output(path);
    std::ofstream file;
    if (!to_stdout) {
        file.open(path, std::ios::binary);
        if (!file) {
            err << "perf-check: " << Error{"cannot write " + path + " (无法写入输出文件 " + path + ")", {}}.render(lang)
                << '\n';
            return pipeline::k_exit_failed;
        }
    }
    std::ostream& o = to_stdout ? out : file;
    const int code = body(o);
    return pipeline::written_whole(o, to_stdout ? std::string() : path, err, lang) ? code : pipeline::k_exit_failed;
}

}  // namespace

int execute(const Parsed& parsed, std::ostream& out, std::ostream& err) {
    if (parsed.exit_code >= 0) {
        (parsed.exit_code == 0 ? out : err) << parsed.message;
        return parsed.exit_code;
    }
    switch (parsed.command) {
        case Command::check:
        case Command::score:
        case Command::monitor: return pipeline::run(parsed.run, out, err);
        case Command::explain: scoring::write_explanation(parsed.text, parsed.run.lang, out); return 0;
        case Command::rules: {
            if (!parsed.text.empty()) return pipeline::show_rule(parsed.text, out, err);
            if (parsed.run.rules_path.empty()) return pipeline::list_rules(config::default_rule_set(), parsed.run.lang, out);
            auto set = config::load_rule_set_file(parsed.run.rules_path);
            if (!set) {
                pipeline::write_rule_set_error(parsed.run.rules_path, set.error(), err);
                return pipeline::k_exit_failed;
            }
            return pipeline::list_rules(*set, parsed.run.lang, out);
        }
        case Command::convert:
            if (std::error_code ec; std::filesystem::is_directory(parsed.run.paths.front(), ec)) {
                err << "perf-check: " << parsed.run.paths.front()
                    << ": is a directory; convert takes one table file: convert each file on its own "
                       "(转换一次只处理一个表格文件：请逐个文件转换)\n";
                return pipeline::k_exit_failed;
            }
            if (auto clash =
                    pipeline::output_clash({parsed.output}, {{parsed.run.paths.front(), "the table to convert"}})) {
                err << "perf-check: " << *clash << '\n';
                return pipeline::k_exit_failed;
            }
            return with_output(parsed.output, out, err, parsed.run.lang, [&](std::ostream& o) {
                return pipeline::convert(parsed.run.paths.front(), parsed.convert_to, parsed.run.read,
                                         config::default_rule_set(), o, err, parsed.run.lang);
            });
        case Command::template_xlsx: {
            auto written = report::write_template(parsed.output, config::default_rule_set());
            if (!written) {
                err << "perf-check: " << written.error().render(parsed.run.lang) << '\n';
                return pipeline::k_exit_failed;
            }
            return pipeline::k_exit_clean;
        }
    }
    return pipeline::k_exit_failed;
}

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    int code = 0;
    try {
        std::vector<std::string> args(argv, argv + argc);
        const Parsed parsed = parse(args, isatty(STDOUT_FILENO) != 0);
        code = execute(parsed, std::cout, std::cerr);
    } catch (...) {  // out of memory, or a bug: a message and exit 2, not an abort
        code = util::report_fatal(std::current_exception(), std::cerr);
    }
    std::cout.flush();
    return code;
}

}  // namespace perf_check::cli
