// Baselines by business keys: writing, reading (strictly) and applying them to a report.
#include "report/baseline.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <tuple>

#include <nlohmann/json.hpp>

#include "report/build.hpp"
#include "util/text.hpp"

namespace perf_check::report {

namespace {

using nlohmann::ordered_json;

constexpr int k_baseline_version = 1;

// The parse error text of nlohmann carries "line L, column C"; keep them for the Error's location.
Error syntax_error(const nlohmann::json::parse_error& e, const std::string& source) {
    Error err{std::string("基线文件不是有效的 JSON（not valid JSON）：") + e.what(), source, 0, 0};
    const std::string what = e.what();
    const auto at = what.find("line ");
    if (at != std::string::npos) std::sscanf(what.c_str() + at, "line %d, column %d", &err.line, &err.column);
    return err;
}

Error shape_error(const std::string& message, const std::string& source) {
    return Error{message + "。请用 --update-baseline 重新生成基线文件。", source, 0, 0};
}

// Recounts what a removed finding changes in the summary: totals, per-unit counts, key-project counts.
void recount_summary(Report& report) {
    Summary& s = report.summary;
    s.errors = s.warnings = s.infos = 0;
    for (auto& u : s.units) u.errors = u.warnings = u.infos = 0;
    for (auto& k : s.key_projects) k.findings = 0;
    std::map<std::string, UnitSummary*> units;
    for (auto& u : s.units) units[u.code] = &u;
    std::map<ProjectKey, KeyProject*> keys;
    for (auto& k : s.key_projects) keys[project_key(k)] = &k;
    for (const auto& f : report.findings) {
        count_severity(f.severity, s.errors, s.warnings, s.infos);
        // Same attribution as report::finalize: only findings that name a project count per unit.
        if (f.project_code.empty() && f.project.empty()) continue;
        if (const auto it = units.find(f.project_code); it != units.end()) {
            count_severity(f.severity, it->second->errors, it->second->warnings, it->second->infos);
        }
        if (const auto it = keys.find(project_key(f)); it != keys.end()) ++it->second->findings;
    }
}

}  // namespace

std::string_view file_name_view(std::string_view path) {
    const auto cut = path.find_last_of("/\\");
    return cut == std::string_view::npos ? path : path.substr(cut + 1);
}

std::string file_name(std::string_view path) {
    return std::string(file_name_view(path));
}

FindingKey finding_key(const Finding& f) {
    // The project and indicator as folded (（二期） as (二期)), as they were kept before findings named them as
    // written: baselines and fingerprints of earlier versions keep matching, and so does a name retyped in the
    // other width.
    return FindingKey{f.rule, file_name(f.loc.file), f.project_code, util::fold(f.project), util::fold(f.indicator)};
}

namespace {

// 64-bit FNV-1a of `parts` (strings or views) joined with U+001F.
template <typename Parts>
std::uint64_t fnv1a(const Parts& parts) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    bool first = true;
    for (const std::string_view part : parts) {
        if (!first) {
            h ^= 0x1fU;
            h *= 0x100000001b3ULL;
        }
        first = false;
        for (const unsigned char c : part) {
            h ^= c;
            h *= 0x100000001b3ULL;
        }
    }
    return h;
}

}  // namespace

namespace {

// `s` folded, as finding_key keys it: `s` itself when folding keeps it (most names: no copy per finding of a
// streamed report), else its fold in `scratch`.
std::string_view folded(std::string_view s, std::string& scratch) {
    if (util::fold_keeps(s) && util::trim_view(s).size() == s.size()) return s;
    scratch = util::fold(s);
    return scratch;
}

}  // namespace

int KeyOccurrences::next(const Finding& f) {
    std::string project;
    std::string indicator;
    const std::array<std::string_view, 5> key = {f.rule, file_name_view(f.loc.file), f.project_code,
                                                 folded(f.project, project), folded(f.indicator, indicator)};
    return m_seen[fnv1a(key)]++;
}

std::string fingerprint(const std::vector<std::string>& parts) {
    const std::uint64_t h = fnv1a(parts);
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

namespace {

// Accepted counts by (key, path, sheet), as a baseline is built and read.
using EntryCounts = std::map<std::tuple<FindingKey, std::string, std::string>, int>;

Baseline baseline_of(const EntryCounts& counts) {
    Baseline b;
    for (const auto& [at, n] : counts) b.entries.push_back({std::get<0>(at), n, std::get<1>(at), std::get<2>(at)});
    return b;
}

}  // namespace

std::string baseline_path(std::string_view path) {
    std::string out(path);
    for (char& c : out) {
        if (c == '\\') c = '/';
    }
    while (out.rfind("./", 0) == 0) out.erase(0, 2);
    return out;
}

Baseline make_baseline(const Report& report) {
    // The files whose findings are on more than one sheet: only their entries keep the sheet.
    std::map<std::string, std::set<std::string>> sheets;
    for (const auto& f : report.findings) {
        if (!f.loc.sheet.empty()) sheets[baseline_path(f.loc.file)].insert(f.loc.sheet);
    }
    EntryCounts counts;
    for (const auto& f : report.findings) {
        std::string path = baseline_path(f.loc.file);
        const auto in = sheets.find(path);
        std::string sheet = in != sheets.end() && in->second.size() > 1 ? f.loc.sheet : std::string();
        ++counts[{finding_key(f), std::move(path), std::move(sheet)}];
    }
    return baseline_of(counts);
}

void write_baseline(const Report& report, std::ostream& out) {
    ordered_json entries = ordered_json::array();
    for (const auto& e : make_baseline(report).entries) {
        ordered_json entry = {{"rule", e.key.rule}, {"file", e.key.file}, {"path", e.path}};
        if (!e.sheet.empty()) entry["sheet"] = e.sheet;
        entry["unit_code"] = e.key.unit_code;
        entry["project"] = e.key.project;
        entry["indicator"] = e.key.indicator;
        entry["count"] = e.count;
        entries.push_back(std::move(entry));
    }
    ordered_json doc = {{"version", k_baseline_version}, {"tool", "perf-check"}, {"entries", std::move(entries)}};
    out << doc.dump(2) << '\n';
}

Expected<Baseline> parse_baseline(std::string_view text, const std::string& source) {
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error& e) {
        return syntax_error(e, source);
    }
    if (!doc.is_object()) return shape_error("基线文件应是一个 JSON 对象（a baseline is a JSON object）", source);
    for (const auto& [name, value] : doc.items()) {
        if (name != "version" && name != "tool" && name != "entries") {
            return shape_error("基线文件中有未知字段 \"" + name + "\"（unknown key）", source);
        }
    }
    if (!doc.contains("version") || !doc["version"].is_number_integer() || doc["version"].get<int>() != k_baseline_version) {
        return shape_error("基线文件的 version 应为 1（unsupported baseline version）", source);
    }
    if (!doc.contains("entries") || !doc["entries"].is_array()) {
        return shape_error("基线文件缺少 entries 数组（missing \"entries\" array）", source);
    }
    static const std::set<std::string> k_fields = {"rule",      "file",    "path",      "sheet",
                                                   "unit_code", "project", "indicator", "count"};
    EntryCounts counts;
    int index = 0;
    for (const auto& e : doc["entries"]) {
        const std::string where = "entries[" + std::to_string(index++) + "]";
        if (!e.is_object()) return shape_error(where + " 应是对象（must be an object）", source);
        for (const auto& [name, value] : e.items()) {
            if (!k_fields.count(name)) return shape_error(where + " 中有未知字段 \"" + name + "\"（unknown key）", source);
        }
        FindingKey key;
        std::string* const targets[] = {&key.rule, &key.file, &key.unit_code, &key.project, &key.indicator};
        const char* const names[] = {"rule", "file", "unit_code", "project", "indicator"};
        for (int i = 0; i < 5; ++i) {
            if (!e.contains(names[i]) || !e[names[i]].is_string()) {
                return shape_error(where + " 的 " + names[i] + " 应是字符串（must be a string）", source);
            }
            *targets[i] = e[names[i]].get<std::string>();
        }
        if (key.rule.empty()) return shape_error(where + " 的 rule 不能为空（rule must not be empty）", source);
        std::string path;  // optional: baselines written before it was kept have none
        if (e.contains("path")) {
            if (!e["path"].is_string()) return shape_error(where + " 的 path 应是字符串（must be a string）", source);
            path = baseline_path(e["path"].get<std::string>());
        }
        std::string sheet;  // optional: only a file with findings on several sheets has it
        if (e.contains("sheet")) {
            if (!e["sheet"].is_string()) return shape_error(where + " 的 sheet 应是字符串（must be a string）", source);
            sheet = e["sheet"].get<std::string>();
        }
        if (!e.contains("count") || !e["count"].is_number_integer() || e["count"].get<long long>() < 1 ||
            e["count"].get<long long>() > 1000000000) {
            return shape_error(where + " 的 count 应是正整数（count must be a positive integer）", source);
        }
        counts[{key, path, sheet}] += static_cast<int>(e["count"].get<long long>());
    }
    return baseline_of(counts);
}

Expected<Baseline> read_baseline(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{"无法读取基线文件（cannot read the baseline file）；请检查路径，或先用 --update-baseline 生成", path, 0, 0};
    std::ostringstream text;
    text << in.rdbuf();
    return parse_baseline(text.str(), path);
}

namespace {

// How many trailing path components `a` and `b` share ("x/民政局/表.csv" and "/ci/民政局/表.csv": 2).
std::size_t common_tail(std::string_view a, std::string_view b) {
    std::size_t n = 0;
    while (!a.empty() && !b.empty()) {
        const auto ca = a.find_last_of('/');
        const auto cb = b.find_last_of('/');
        const std::string_view pa = ca == std::string_view::npos ? a : a.substr(ca + 1);
        const std::string_view pb = cb == std::string_view::npos ? b : b.substr(cb + 1);
        if (pa != pb) break;
        ++n;
        a = ca == std::string_view::npos ? std::string_view() : a.substr(0, ca);
        b = cb == std::string_view::npos ? std::string_view() : b.substr(0, cb);
    }
    return n;
}

// The findings of one key a baseline still accepts, by the (path, sheet) its entries name.
using ByPlace = std::map<std::pair<std::string, std::string>, int>;

// The sheets of the file a finding is in, as the run looked at them (FileResult::sheets, one_sheet).
struct SheetsSeen {
    std::set<std::string> sheets;
    bool one_sheet = false;
    /// The workbook was looked at whole and has no sheet of this name (renamed since the baseline).
    [[nodiscard]] bool gone(const std::string& sheet) const {
        return !one_sheet && !sheets.empty() && sheets.count(sheet) == 0;
    }
};

// Whether an entry of `place` with `n` findings left accepts a finding on `sheet`: an entry without a
// sheet accepts one on any, and so does one of a sheet the workbook no longer has.
bool accepts(const ByPlace::key_type& place, int n, const std::string& sheet, const SheetsSeen& seen) {
    return n > 0 && (place.second.empty() || place.second == sheet || seen.gone(place.second));
}

// For a file whose name several files of the run share: the entry whose path ends the same way further
// than those files' paths end alike (`shared`: 民政局/2024/表.csv and 人社局/2024/表.csv share 2 components,
// so an entry must match 3 — its own unit's folder — whatever the working directory), else an entry of a
// baseline written before paths were kept (matched by name, as then); nullptr when none is left.
int* same_file_entry(ByPlace& by_place, const std::string& path, const std::string& sheet, const SheetsSeen& seen,
                     std::size_t shared) {
    int* best = nullptr;
    std::size_t best_tail = shared;
    int* pathless = nullptr;
    for (auto& [place, n] : by_place) {
        if (!accepts(place, n, sheet, seen)) continue;
        const std::string& entry_path = place.first;
        if (entry_path.empty()) {
            pathless = &n;
            continue;
        }
        if (const std::size_t tail = common_tail(entry_path, path); tail > best_tail) {
            best_tail = tail;
            best = &n;
        }
    }
    return best ? best : pathless;
}

// The entry that accepts a finding of `path` on `sheet`: this path's entry of that sheet, else its entry
// without a sheet, else its entry of a sheet since renamed; then, for a file whose name is unique in the run
// (`shared` empty), any entry (a moved checkout, another working directory, an older baseline without
// paths); else same_file_entry.
int* entry_for(ByPlace& by_place, const std::string& path, const std::string& sheet, const SheetsSeen& seen,
               std::optional<std::size_t> shared) {
    for (const auto& place : {std::pair{path, sheet}, std::pair{path, std::string()}}) {
        if (const auto same = by_place.find(place);
            same != by_place.end() && accepts(place, same->second, sheet, seen)) {
            return &same->second;
        }
    }
    for (auto& [place, n] : by_place) {
        if (place.first == path && accepts(place, n, sheet, seen)) return &n;
    }
    if (shared) return same_file_entry(by_place, path, sheet, seen, *shared);
    for (auto& [place, n] : by_place) {
        if (accepts(place, n, sheet, seen)) return &n;
    }
    return nullptr;
}

// How many trailing components the paths of one name share at most, pair by pair.
std::size_t shared_tail(const std::set<std::string>& paths) {
    std::size_t most = 1;  // the name itself
    for (auto a = paths.begin(); a != paths.end(); ++a) {
        for (auto b = std::next(a); b != paths.end(); ++b) most = std::max(most, common_tail(*a, *b));
    }
    return most;
}

}  // namespace

BaselineResult apply_baseline(Report& report, const Baseline& baseline) {
    // Accepted counts by key, then by the path and sheet the baseline names.
    std::map<FindingKey, ByPlace> remaining;
    for (const auto& e : baseline.entries) remaining[e.key][{e.path, e.sheet}] += e.count;
    // Files of one name in several folders of this run: their findings match only their own path's entries.
    std::map<std::string, std::set<std::string>> paths_by_name;
    std::map<std::string, SheetsSeen> seen_by_path;
    for (const auto& file : report.files) {
        const std::string path = baseline_path(file.path);
        paths_by_name[file_name(path)].insert(path);
        SheetsSeen& seen = seen_by_path[path];
        seen.sheets.insert(file.sheets.begin(), file.sheets.end());
        seen.one_sheet = seen.one_sheet || file.one_sheet;
    }
    static const SheetsSeen k_unseen;
    std::map<std::string, std::size_t> shared_by_name;  // once per name, not per finding
    for (const auto& [name, paths] : paths_by_name) {
        if (paths.size() > 1) shared_by_name[name] = shared_tail(paths);
    }
    BaselineResult result;
    std::vector<Finding> kept;
    kept.reserve(report.findings.size());
    for (auto& f : report.findings) {
        const FindingKey key = finding_key(f);
        int* accepted = nullptr;
        if (const auto it = remaining.find(key); it != remaining.end()) {
            const auto names = paths_by_name.find(key.file);
            const bool unique = names == paths_by_name.end() || names->second.size() <= 1;
            const std::string path = baseline_path(f.loc.file);
            const auto seen = seen_by_path.find(path);
            accepted = entry_for(it->second, path, f.loc.sheet, seen == seen_by_path.end() ? k_unseen : seen->second,
                                 unique ? std::optional<std::size_t>() : shared_by_name.at(key.file));
        }
        if (accepted) {
            --*accepted;
            ++result.suppressed;
        } else {
            kept.push_back(std::move(f));
        }
    }
    report.findings = std::move(kept);
    // Only a file this run checked can have been fixed: a baseline of every department's tables, used on one
    // department's, called all the others' findings fixed. Likewise a sheet: with --sheet, the others.
    const auto sheet_checked = [&](const std::string& name, const std::string& sheet) {
        if (sheet.empty()) return true;
        const auto paths = paths_by_name.find(name);
        if (paths == paths_by_name.end()) return true;
        return std::any_of(paths->second.begin(), paths->second.end(), [&](const std::string& path) {
            const SheetsSeen& seen = seen_by_path.at(path);
            return !seen.one_sheet || seen.sheets.count(sheet) > 0;
        });
    };
    for (const auto& [key, by_place] : remaining) {
        if (!key.file.empty() && !paths_by_name.count(key.file)) continue;
        for (const auto& [place, n] : by_place) {
            if (n > 0 && sheet_checked(key.file, place.second))
                result.fixed.push_back({key, n, place.first, place.second});
        }
    }
    recount_summary(report);
    return result;
}

void write_baseline_result(const BaselineResult& result, Lang lang, std::ostream& out) {
    const bool en = lang == Lang::en;
    if (result.suppressed > 0) {
        out << (en ? "Baseline: " + std::to_string(result.suppressed) + " known finding(s) not shown.\n"
                   : "基线：已隐藏 " + std::to_string(result.suppressed) + " 条基线中已有的问题。\n");
    }
    if (result.fixed.empty()) return;
    out << (en ? "Fixed since the baseline (" + std::to_string(result.fixed.size()) + "):\n"
               : "基线中已修复的问题（" + std::to_string(result.fixed.size()) + " 项）：\n");
    for (const auto& e : result.fixed) {
        std::string where;
        const std::string place = project_place(e.key.file, e.sheet, lang);
        for (const std::string* part : {&place, &e.key.unit_code, &e.key.project, &e.key.indicator}) {
            if (part->empty()) continue;
            if (!where.empty()) where += " ";
            where += *part;
        }
        out << "  " << (en ? "fixed: " : "已修复：") << e.key.rule << "  " << where;
        if (e.count > 1) out << "  ×" << e.count;
        out << '\n';
    }
}

}  // namespace perf_check::report
