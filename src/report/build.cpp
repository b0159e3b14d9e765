// Report assembly: deterministic order and the summary's counts, computed once for every reporter.
#include "report/build.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "util/text.hpp"

namespace perf_check::report {

void count_severity(Severity s, int& errors, int& warnings, int& infos) {
    switch (s) {
        case Severity::error: ++errors; break;
        case Severity::warning: ++warnings; break;
        case Severity::info: ++infos; break;
    }
}

std::string score_working(const IndicatorScore& score, Lang lang) {
    std::string working;
    for (const auto& step : score.steps) {
        if (!working.empty()) working += '\n';
        working += pick(step, lang);
    }
    return working;
}

std::string row_shown(const SourceLocation& loc, Lang lang) {
    if (loc.row <= 0) return {};
    if (loc.sheet_row <= 0 || loc.sheet_row == loc.row) return std::to_string(loc.row);
    // A CSV whose cells hold line breaks: "行 11, 单元格 H9" read as a contradiction. The spreadsheet's row
    // first (what a user opening the file sees, and what the cell says), the line for a text editor.
    return lang == Lang::en ? fmt::format("{} (line {})", loc.sheet_row, loc.row)
                            : fmt::format("{}（文件第{}行）", loc.sheet_row, loc.row);
}

std::string execution_rate_text(const BudgetExecution& execution) {
    return execution.rate ? (*execution.rate * Decimal::from_int(100)).fixed(2) + "%" : std::string();
}

std::string execution_working(const BudgetExecution& execution, Lang lang) {
    const bool en = lang == Lang::en;
    if (!execution.rate || !execution.budget || !execution.spent) {
        return en ? "No rate: the annual budget or the amount spent is missing, or the budget is not above 0; scores 0"
                  : "无法计算执行率（缺少全年预算数或全年执行数，或预算数不大于0）：0分";
    }
    // In 万元 whatever the table's unit (the budget and spending are compared as money_wan reads them).
    std::string s = std::string(en ? "spent " : "全年执行数") + execution.spent->str() + "万元 ÷ " +
                    (en ? "budget " : "全年预算数") + execution.budget->str() +
                    "万元 = " + execution_rate_text(execution);
    if (*execution.rate > Decimal::from_int(1)) {
        s += en ? " (above 100%: counts as 100%)" : "（超过100%按100%计）";
    } else if (*execution.rate < Decimal{}) {
        s += en ? " (negative: counts as 0)" : "（为负数按0计）";
    }
    s += std::string(" × ") + (en ? "weight " : "分值") + execution.weight.str() + " = " + execution.score.str() +
         (en ? "" : "分");
    return s;
}

bool funds_usable(const std::optional<Decimal>& funds_wan) {
    return funds_wan && *funds_wan > Decimal{};
}

std::string funds_unreadable_note(int projects, Lang lang) {
    return lang == Lang::en ? "funds of " + std::to_string(projects) + " project(s) missing or invalid, not counted"
                            : std::to_string(projects) + " 个项目的资金总额缺失或无效，未计入";
}

int repeated_count(const Summary& s) {
    int n = 0;
    for (const auto& u : s.units) n += u.repeated;
    return n;
}

std::string money_text(Decimal wan) {
    std::string two = wan.fixed(2);
    if (Decimal::parse(two) == wan) return two;
    return wan.str();  // 99.999999 is no 100.00: a project just below the key-evaluation threshold looked above it
}

std::string funds_total_text(Decimal funds_wan, int unreadable, Lang lang, int repeated) {
    std::string s = money_text(funds_wan);
    std::vector<std::string> notes;
    if (unreadable > 0) notes.push_back(funds_unreadable_note(unreadable, lang));
    if (repeated > 0) {
        notes.push_back(lang == Lang::en ? std::to_string(repeated) + " project(s) given again, counted once"
                                         : std::to_string(repeated) + " 个项目重复报送，只计一次");
    }
    if (notes.empty()) return s;
    return lang == Lang::en ? s + " (" + util::join(notes, "; ") + ")" : s + "（另有 " + util::join(notes, "；") + "）";
}

std::string repeated_title(const Summary& s, Lang lang) {
    const std::string n = std::to_string(s.repeated.size());
    return lang == Lang::en
               ? "Projects a later file gives again (same unit code and name), counted once, in the first (" + n + ")"
               : "后面的文件重复报送的项目（单位代码、名称相同），汇总只按第一次计（" + n + " 个）";
}

std::vector<std::string> repeated_headers(Lang lang) {
    if (lang == Lang::en) return {"unit code", "project", "file", "first in", "funds (万元)"};
    return {"单位代码", "项目", "文件", "首次出现的文件", "资金总额（万元）"};
}

std::string repeated_funds_text(const KeyProject& k, Lang lang) {
    const auto shown = [](const std::optional<Decimal>& v) { return v ? money_text(*v) : std::string("—"); };
    std::string here = shown(k.repeat_funds_wan);
    if (k.repeat_funds_wan == k.first_funds_wan) return here;
    const std::string first = shown(k.first_funds_wan);
    return lang == Lang::en ? here + " (first: " + first + ", differs)" : here + "（首次 " + first + "，不同）";
}

std::string funds_review_title(const Summary& s, Lang lang) {
    const std::string n = std::to_string(s.funds_to_review.size());
    const std::string threshold = s.key_evaluation_threshold_wan.str();
    return lang == Lang::en
               ? "Projects whose funds are missing or invalid, to decide by hand for key evaluation (funds ≥ " +
                     threshold + " 万元) (" + n + ")"
               : "资金总额缺失或无效、需人工核定是否纳入重点评价（≥ " + threshold + " 万元）的项目（" + n + " 个）";
}

std::vector<std::string> funds_review_headers(Lang lang) {
    if (lang == Lang::en) return {"funds (as written)", "findings", "unit code", "project", "file"};
    return {"资金总额（原文）", "问题数", "单位代码", "项目", "文件"};
}

std::string funds_as_written(const KeyProject& k, Lang lang) {
    if (!k.funds_text.empty()) return k.funds_text;
    return lang == Lang::en ? "(empty)" : "（空）";
}

std::string project_place(const std::string& file, const std::string& sheet, Lang lang) {
    if (sheet.empty()) return file;
    return lang == Lang::en ? file + " (" + sheet + ")" : file + "（" + sheet + "）";
}

FileOrder::FileOrder(const std::vector<FileResult>& files) : m_missing(files.size()), m_last_index(files.size()) {
    for (std::size_t i = 0; i < files.size(); ++i) m_index.emplace(files[i].path, i);
    // The cache starts on a path no file can have (a NUL byte), so the first lookup is a real one.
    m_last.assign(1, '\0');
}

std::size_t FileOrder::operator()(const std::string& path) const {
    if (path == m_last) return m_last_index;
    const auto it = m_index.find(path);
    m_last = path;
    m_last_index = it == m_index.end() ? m_missing : it->second;
    return m_last_index;
}

std::vector<std::vector<const Finding*>> findings_per_file(const Report& report) {
    const FileOrder order(report.files);
    std::vector<std::vector<const Finding*>> out(report.files.size());
    for (const auto& f : report.findings) {
        const std::size_t i = order(f.loc.file);
        if (i < out.size()) out[i].push_back(&f);
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
        const std::size_t first = order(report.files[i].path);
        if (first != i) out[i] = out[first];
    }
    return out;
}

}  // namespace perf_check::report

namespace perf_check {

void replay(const Report& report, ReportStream& stream) {
    // File by file, each file's findings in report order; a report put together by hand need not be
    // sorted. Findings placed in no file of the run come last, as a run delivers them.
    const auto per_file = report::findings_per_file(report);
    const report::FileOrder order(report.files);
    for (std::size_t i = 0; i < report.files.size(); ++i) {
        stream.begin_file(report.files[i].path);
        if (order(report.files[i].path) == i) {
            for (const Finding* f : per_file[i]) stream.finding(*f);
        }
        stream.end_file(report.files[i]);
    }
    for (const auto& f : report.findings) {
        if (order(f.loc.file) == report.files.size()) stream.finding(f);
    }
    for (const auto& s : report.scores) stream.score(s);
    stream.finish(report);
}

}  // namespace perf_check

namespace perf_check::report {

SummaryBuilder::SummaryBuilder(Decimal key_threshold_wan, bool keep_key_projects, bool count_repeats_once)
    : m_keep_key_projects(keep_key_projects), m_count_repeats_once(count_repeats_once) {
    m_summary.key_evaluation_threshold_wan = key_threshold_wan;
}

std::vector<FindingCounts> count_findings(const std::vector<Finding>& findings) {
    std::vector<FindingCounts> out;
    for (const auto& f : findings) {
        const bool keyed = names_project(f);
        auto it = std::find_if(out.begin(), out.end(),
                               [&](const FindingCounts& c) { return c.keyed == keyed && c.project_code == f.project_code; });
        if (it == out.end()) it = out.insert(out.end(), FindingCounts{f.project_code, keyed});
        count_severity(f.severity, it->errors, it->warnings, it->infos);
    }
    return out;
}

UnitSummary& SummaryBuilder::unit(const std::string& code) {
    if (m_last_unit && m_last_unit->code == code) return *m_last_unit;
    const auto [it, fresh] = m_units.try_emplace(code);
    if (fresh) it->second.code = code;
    m_last_unit = &it->second;
    return it->second;
}

SummaryBuilder::FileCounts& SummaryBuilder::file_counts(const std::string& file) {
    if (m_last_file && *m_last_file_name == file) return *m_last_file;
    const auto it = m_files.try_emplace(file).first;
    m_last_file_name = &it->first;
    m_last_file = &it->second;
    return it->second;
}

void SummaryBuilder::add_finding(const Finding& f) {
    // Counted alone, without a FindingCounts (and its copy of the code) per finding.
    int errors = 0;
    int warnings = 0;
    int infos = 0;
    count_severity(f.severity, errors, warnings, infos);
    add_severities(names_project(f), f.project_code, f.loc.file, errors, warnings, infos);
}

void SummaryBuilder::add_counts(const FindingCounts& c, const std::string& file) {
    add_severities(c.keyed, c.project_code, file, c.errors, c.warnings, c.infos);
}

void SummaryBuilder::add_severities(bool keyed, const std::string& code, const std::string& file, int errors,
                                    int warnings, int infos) {
    m_summary.errors += errors;
    m_summary.warnings += warnings;
    m_summary.infos += infos;
    if (!keyed) {
        FileCounts& fc = file_counts(file);
        fc.errors += errors;
        fc.warnings += warnings;
        fc.infos += infos;
        return;
    }
    UnitSummary& u = unit(code);
    u.errors += errors;
    u.warnings += warnings;
    u.infos += infos;
}

void SummaryBuilder::add_project(const ProjectStat& p) {
    UnitSummary& u = unit(p.code);
    FileCounts& fc = file_counts(p.file);
    if (fc.last_unit == nullptr || *fc.last_unit != p.code) fc.last_unit = &*fc.units.insert(p.code).first;
    // A block pasted twice in one file (duplicate-project reports it) is one project.
    if (p.repeats) {
        ++u.repeated;
        return;
    }
    // The same project in a later file (a resubmission beside the first, the CSV and XLSX of one table) is
    // counted once: its funds twice in the unit's total and two lines in the key list misled.
    if (m_count_repeats_once && !p.name.empty()) {
        const std::optional<Decimal> usable = funds_usable(p.funds_wan) ? p.funds_wan : std::nullopt;
        // A namesake (the second project of that code and name in its file) is matched by its funds too: keyed
        // by code and name alone, another file's namesake was counted as a repeat of the first one, its funds lost.
        // A form's 实施单位 tells apart two health centres' forms of one name and the same funds.
        // Folded: a file that writes the name （二期） and another (二期) give one project.
        std::string name = util::fold(p.name);
        if (p.namesake) name += "\x1f" + (p.funds_wan ? p.funds_wan->str() : p.funds_text) + "\x1f" + p.implementer;
        const auto [first, fresh] =
            m_first_file.try_emplace({p.code, std::move(name)}, FirstRead{p.file, p.sheet, usable});
        // Another sheet of the same workbook giving it again (a form's sheet copied) repeats it too.
        const FirstRead& seen = first->second;
        if (!fresh && (seen.file != p.file || seen.sheet != p.sheet)) {
            ++u.repeated;
            KeyProject& again = m_summary.repeated.emplace_back();
            again.file = p.file;
            again.sheet = p.sheet;
            again.project_code = p.code;
            again.project = p.name;
            again.funds_text = seen.file;
            again.first_sheet = seen.sheet;
            again.repeat_funds_wan = usable;
            again.first_funds_wan = seen.funds_wan;
            return;
        }
    }
    ++m_summary.projects;  // the projects the units count: read ones less repeats
    ++u.projects;
    // Funds that are not a positive amount (funds-invalid reports them) add nothing: a -100 would
    // lower the unit's total. Nor can they say whether the project is one for key evaluation: it is
    // counted as unread in its unit's total, and listed for a person to decide.
    if (!funds_usable(p.funds_wan)) {
        if (!p.funds_column) return;
        ++u.funds_unreadable;
        ++m_summary.funds_unreadable;
        if (!m_keep_key_projects) return;
        m_review_listings.push_back({&listing(p), p.funds_text});
        return;
    }
    u.funds_wan += *p.funds_wan;
    m_summary.funds_wan += *p.funds_wan;
    if (!m_keep_key_projects || *p.funds_wan < m_summary.key_evaluation_threshold_wan) return;
    m_key_listings.push_back({&listing(p), *p.funds_wan});
}

SummaryBuilder::KeyEntry& SummaryBuilder::listing(const ProjectStat& p) {
    // Projects are keyed by what the user sees (file, sheet, code, name): a project listed twice is one
    // entry per listing, each counting the findings of every listing under that key.
    KeyEntry& entry = *m_key_findings.try_emplace(project_key(p), 0).first;
    entry.second += p.findings;
    return entry;
}

Summary SummaryBuilder::finish(const std::vector<FileResult>& files) const {
    Summary s = m_summary;
    s.files = static_cast<int>(files.size());
    s.unreadable_files = static_cast<int>(
        std::count_if(files.begin(), files.end(), [](const FileResult& f) { return f.error.has_value(); }));
    // A file's findings that name no project (its table lacks a column) are its units' too.
    std::map<std::string, UnitSummary> units = m_units;
    for (const auto& [file, fc] : m_files) {
        for (const auto& code : fc.units) {
            UnitSummary& u = units[code];
            u.errors += fc.errors;
            u.warnings += fc.warnings;
            u.infos += fc.infos;
        }
    }
    for (const auto& [code, u] : units) s.units.push_back(u);
    // Ranked by problems, as a bureau reads them (SPEC: rank by problems): errors, then warnings, then
    // infos, most first; then by code.
    std::stable_sort(s.units.begin(), s.units.end(), [](const UnitSummary& a, const UnitSummary& b) {
        return std::make_tuple(-a.errors, -a.warnings, -a.infos) < std::make_tuple(-b.errors, -b.warnings, -b.infos);
    });
    // Each listing with the findings of every listing under its key.
    const auto listed = [](const KeyEntry& entry, Decimal funds_wan, const std::string& funds_text) {
        const auto& [key, findings] = entry;
        return KeyProject{std::get<0>(key), std::get<2>(key), std::get<3>(key), funds_wan,       findings,
                          funds_text,       std::nullopt,     std::nullopt,     std::get<1>(key)};
    };
    s.key_projects.reserve(m_key_listings.size());
    for (const auto& l : m_key_listings) s.key_projects.push_back(listed(*l.entry, l.funds_wan, {}));
    s.funds_to_review.reserve(m_review_listings.size());
    for (const auto& l : m_review_listings) s.funds_to_review.push_back(listed(*l.entry, Decimal{}, l.funds_text));
    std::map<std::string, std::size_t> file_index;
    for (std::size_t i = 0; i < files.size(); ++i) file_index.emplace(files[i].path, i);
    auto index_of = [&](const std::string& f) {
        const auto it = file_index.find(f);
        return it == file_index.end() ? files.size() : it->second;
    };
    std::stable_sort(s.key_projects.begin(), s.key_projects.end(), [&](const KeyProject& a, const KeyProject& b) {
        if (a.funds_wan != b.funds_wan) return a.funds_wan > b.funds_wan;
        // As a tuple of (file's place, code, name) compares, without copying the names at every step.
        const std::size_t ia = index_of(a.file);
        const std::size_t ib = index_of(b.file);
        if (ia != ib) return ia < ib;
        if (a.project_code != b.project_code) return a.project_code < b.project_code;
        return a.project < b.project;
    });
    // In the files' order, and within a file as read (that is how they came).
    std::stable_sort(s.funds_to_review.begin(), s.funds_to_review.end(),
                     [&](const KeyProject& a, const KeyProject& b) { return index_of(a.file) < index_of(b.file); });
    std::stable_sort(s.repeated.begin(), s.repeated.end(),
                     [&](const KeyProject& a, const KeyProject& b) { return index_of(a.file) < index_of(b.file); });
    return s;
}

void finalize(Report& report, std::vector<ProjectStat> projects, Decimal key_threshold_wan) {
    sort_findings(report.findings, FileOrder(report.files));
    // Findings per project, keyed by (file, sheet, code, name): business keys, as the user sees them.
    std::map<ProjectKey, int> per_project;
    SummaryBuilder builder(key_threshold_wan, true, report.with_summary);
    for (const auto& f : report.findings) {
        builder.add_finding(f);
        if (names_project(f)) ++per_project[project_key(f)];
    }
    // Each listing under a key gets that key's count once (the builder sums listings).
    std::map<ProjectKey, bool> counted;
    for (auto& p : projects) {
        const auto key = project_key(p);
        const auto it = per_project.find(key);
        p.findings = (it == per_project.end() || counted[key]) ? 0 : it->second;
        counted[key] = true;
        builder.add_project(p);
    }
    report.summary = builder.finish(report.files);
}

}  // namespace perf_check::report
