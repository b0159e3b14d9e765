// The monitoring part of the reports: the draft 绩效运行监控综合报告 (Markdown, HTML), the text view and
// the workbook tables, all from one overview (monitor::summarise) so every format prints the same figures.
#include "report/monitor_sections.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include "monitor/judge.hpp"
#include "monitor/monitor.hpp"
#include "monitor/summary.hpp"
#include "util/text.hpp"

namespace perf_check::report {

namespace {

using monitor::Department;
using monitor::Overview;
using monitor::Totals;

// ---- numbers as the report prints them -------------------------------------------------------------

std::string money(Decimal wan) { return wan.fixed(2); }
std::string money(const std::optional<Decimal>& wan) { return wan ? wan->fixed(2) : "—"; }
std::string pct(const std::optional<Decimal>& ratio) { return ratio ? monitor::percent(*ratio).fixed(2) + "%" : "—"; }
std::string pct(Decimal ratio) { return monitor::percent(ratio).fixed(2) + "%"; }

// Execution rate minus time progress in percentage points, signed ("-28.20", "+1.80", "0.00"): the figure a
// reader compares; both percentages are rounded first, as the rules judge them.
std::optional<Decimal> versus_time(const std::optional<Decimal>& rate, Decimal time) {
    if (!rate) return std::nullopt;
    return monitor::percent(*rate) - monitor::percent(time);
}
std::string signed_points(const std::optional<Decimal>& d) {
    if (!d) return "—";
    return (*d > Decimal{} ? "+" : "") + d->fixed(2);
}

// ---- words --------------------------------------------------------------------------------------------

struct Words {
    const char* title;
    const char* as_of_line;  // {as_of} {time} {elapsed} {year_days}
    const char* s1;
    const char* overview;  // {depts} {projects} {as_of} {budget} {spent} {rate} {cmp} {gap}
    const char* lower;
    const char* higher;
    const char* level;  // "与时间进度持平"
    const char* no_rate;
    const char* partial_rate;  // {with_rate} {rated_budget} {rated_spent} {others}
    const char* rate_basis;    // {with_rate} {rated_budget}: after a rate that leaves projects out
    const char* repeated;      // {n}: projects a later file gave again, counted once
    const char* findings_line;  // {tol} {behind} {catch_up} {at_risk} {at_risk_projects} {missing} {rect}
    const char* dept_headers[10];
    const char* total_row;
    const char* s2;
    const char* dept_title;  // {code} {n}
    const char* no_code;
    const char* dept_line;   // {budget} {spent} {rate} {gap} {rect}
    const char* project_headers[8];
    const char* normal;
    const char* verdict_behind;
    const char* verdict_over;
    const char* verdict_risk;
    const char* verdict_missing;
    const char* s3;
    const char* p1_title;
    const char* p1_text;  // {behind} {tol} {catch_up}
    const char* p1_worst;  // list
    const char* p1_item;   // {name} {rate} {gap} {code}
    const char* p1_none;
    const char* p2_title;
    const char* p2_text;  // {n} {projects} {cumulative} {point}
    const char* p2_none;
    const char* p3_title;
    const char* p3_text;  // {n}
    const char* p3_none;
    const char* s4;
    const char* s4_text;   // the same title without its number, for the text view
    const char* s4_intro;  // {n}
    const char* s4_none;
    const char* problems;
    const char* suggestions;
    const char* deadline;
    const char* s5;
    const char* next_steps[4];
    const char* method_title;
    const char* method[5];  // {as_of} {year_days} {elapsed} {time} / {tol}
    const char* sep;        // list separator
    const char* items;      // {n}: a count of indicators in a column of names
};

const Words k_zh = {
    "绩效运行监控综合报告（草稿）",
    "监控截止日期：{0}　时间进度：{1}（全年{3}天，已过{2}天）",
    "一、总体情况",
    "本次对{0}个单位（按单位代码）的{1}个项目开展绩效运行监控。纳入监控的项目预算数合计{3}万元，截至{2}累计执行{4}"
    "万元，"
    "预算执行率{5}，{6}。",
    "低于时间进度{0}个百分点",
    "高于时间进度{0}个百分点",
    "与时间进度持平",
    "各项目均未报送执行数，无法计算预算执行率",
    "执行率按同时有预算数和执行数的{0}个项目计算（预算数{1}万元、执行数{2}万元），其余{3}"
    "个项目未报送执行数，不计入执行率。",
    "（按有执行数的{0}个项目、预算数{1}万元计）",
    "另有{0}个项目在后面的文件中重复出现（单位代码、名称相同），只按第一次计入。",
    "监控发现：预算执行率低于时间进度超过{0}个百分点的项目{1}个，按时间进度尚需支出{2}"
    "万元；年度绩效目标预计难以实现的指标{3}项，"
    "涉及项目{4}个；监控数据缺报的项目{5}个。以上需整改项目共{6}个，详见第四部分。",
    {"单位代码", "项目数", "预算数（万元）", "执行数（万元）", "执行率", "较时间进度（百分点）", "执行进度落后项目",
     "预计难以实现指标", "数据缺报项目", "需整改项目"},
    "合计",
    "二、分单位情况",
    "单位代码 {0}（{1}个项目）",
    "（无单位代码）",
    "预算数{0}万元，执行数{1}万元，执行率{2}，较时间进度{3}个百分点；需整改项目{4}个。",
    {"序号", "项目名称", "预算数（万元）", "执行数（万元）", "执行率", "较时间进度（百分点）", "预计难以实现的指标",
     "监控结论"},
    "正常",
    "执行进度落后",
    "超预算支出",
    "目标预计难以实现",
    "数据缺报",
    "三、存在的主要问题",
    "（一）预算执行进度偏低",
    "{0}个项目预算执行率低于时间进度超过{1}个百分点，按时间进度尚需支出{2}万元，存在资金沉淀和年底突击花钱的风险。",
    "落后较多的有：{0}。",
    "{0}（{3}，执行率{1}，低于时间进度{2}个百分点）",
    "未发现预算执行率低于时间进度超过{0}个百分点的项目。",
    "（二）部分年度绩效目标预计难以实现",
    "{0}项定量指标按目前进度预计难以完成年度目标，涉及{1}"
    "个项目。其中数量、金额等累计类指标按时间进度线性推算全年达不到目标的{2}项，"
    "比率、满意度等指标当前值未达到目标的{3}项。",
    "未发现按目前进度预计难以实现的年度绩效目标。",
    "（三）监控数据报送不完整",
    "{0}个项目未报送截至监控日的执行数或部分定量指标的完成值，影响监控结果的准确性。",
    "各项目监控数据报送完整。",
    "四、需整改项目清单",
    "需整改项目清单",
    "以下{0}个项目需对照问题限期整改，并将整改情况报送财政局。",
    "本次监控未发现需整改的项目。",
    "存在问题",
    "整改建议",
    "整改期限：____",
    "五、下一步工作建议",
    {"督促相关单位对照问题清单逐项整改，在整改期限内将整改情况书面报送财政局。",
     "对预算执行进度偏低的项目，督促加快执行；对确实无法支出的资金，按规定及时收回统筹使用，避免资金沉淀、突击花钱和资"
     "金浪费。",
     "对年度绩效目标预计难以实现的项目，督促单位分析原因、加强和改进内部管理；确因客观情况变化需调整的，按程序调整绩效"
     "目标。",
     "将绩效运行监控结果作为以后年度预算安排和政策调整的重要参考。"},
    "附：监控方法说明",
    {"时间进度按天计算：截至{0}，全年{1}天已过{2}天，时间进度为{3}。",
     "预算执行率 = 截至监控日执行数 ÷ "
     "预算数（未报预算数的按资金总额）；执行率低于时间进度超过{0}个百分点的，列为执行进度落后。",
     "数量、金额等累计类指标按“截至目前完成值 × 全年天数 ÷ "
     "已过天数”线性推算全年完成值，与年度目标比较；比率、满意度等指标按当前值判断，不按时间外推。",
     "成本类（≤）指标按目前支出推算全年超过目标的，列为预计难以实现。金额单位为万元，百分比保留两位小数。",
     "本报告由 perf-check 根据报送的监控数据自动生成，数字以报送数据为准，请审核修改后印发。"},
    "、",
    "{0}项",
};

const Words k_en = {
    "Performance monitoring report (draft)",
    "As of: {0}   Time elapsed: {1} ({2} of {3} days)",
    "1. Overview",
    "Monitored: {1} projects of {0} unit(s) (by unit code). Their budgets total {3} 万元; by {2} they had spent "
    "{4} 万元, an execution rate of {5}, {6}.",
    "{0} percentage points behind the time elapsed",
    "{0} percentage points ahead of the time elapsed",
    "level with the time elapsed",
    "no project reported its spending, so there is no execution rate",
    "The rate covers the {0} projects with both a budget and spending ({1} 万元 budget, {2} 万元 spent); the other {3} "
    "reported no spending.",
    " (over the {0} projects with spending, budget {1} 万元)",
    " {0} project(s) given again by a later file (same unit code and name) are counted once, in the first.",
    "Findings: {1} projects spend more than {0} percentage points behind the time elapsed and need {2} 万元 more to "
    "keep pace; {3} indicators in {4} projects are unlikely to meet their annual targets; {5} projects lack "
    "monitoring data. {6} projects need rectification (section 4).",
    {"unit code", "projects", "budget (万元)", "spent (万元)", "execution", "vs time (points)", "behind",
     "targets at risk", "data missing", "to rectify"},
    "total",
    "2. By unit",
    "Unit {0} ({1} projects)",
    "(no unit code)",
    "Budget {0} 万元, spent {1} 万元, execution {2}, {3} points against time; {4} projects to rectify.",
    {"no.", "project", "budget (万元)", "spent (万元)", "execution", "vs time (points)", "targets at risk",
     "conclusion"},
    "normal",
    "behind",
    "over budget",
    "targets at risk",
    "data missing",
    "3. Main problems",
    "(1) Slow budget execution",
    "{0} projects spend more than {1} percentage points behind the time elapsed and need {2} 万元 more to keep pace: "
    "money may lie idle and be rushed out at year end.",
    "Furthest behind: {0}.",
    "{0} ({3}, execution {1}, {2} points behind)",
    "No project spends more than {0} percentage points behind the time elapsed.",
    "(2) Annual targets at risk",
    "{0} quantitative indicators in {1} projects are unlikely to meet their annual targets: {2} counts or amounts "
    "projected linearly to the year end fall short, and {3} rates or satisfaction levels are below target now.",
    "No annual target looks out of reach at the current pace.",
    "(3) Incomplete monitoring data",
    "{0} projects did not report their spending or some indicator values to date.",
    "All projects reported their monitoring data.",
    "4. Projects needing rectification",
    "Projects needing rectification",
    "The following {0} projects must fix the problems below by the deadline and report back to the finance bureau.",
    "No project needs rectification.",
    "Problems",
    "Suggestions",
    "Deadline: ____",
    "5. Next steps",
    {"Have the units fix each problem on the list and report in writing by the deadline.",
     "Push slow projects to spend to plan; recover money that cannot be spent, so none lies idle or is wasted.",
     "Have units with targets at risk analyse why and improve management; adjust targets through the proper "
     "procedure where circumstances changed.",
     "Use the monitoring results in next year's budget and policy decisions."},
    "Note on method",
    {"Time progress counts days: by {0}, {2} of {1} days had passed, {3} of the year.",
     "Execution rate = spending to date ÷ budget (资金总额 where no budget was given); more than {0} percentage points "
     "below the time progress counts as behind.",
     "Counts and amounts are projected linearly (value to date × days in the year ÷ days elapsed) and compared with "
     "the annual target; rates and satisfaction are judged on their value now.",
     "Cost (≤) indicators whose spending projects above the target are at risk. Money in 万元, percentages to two "
     "decimals.",
     "Generated by perf-check from the reported data; review and edit before sending."},
    ", ",
    "{0}",
};

const Words& words(const Report& r) { return r.lang == Lang::en ? k_en : k_zh; }

template <class... Args>
std::string say(const char* pattern, Args&&... args) {
    return fmt::format(fmt::runtime(pattern), std::forward<Args>(args)...);
}

// ---- what every format shows -------------------------------------------------------------------------

// The run's figures, computed once per rendering.
struct View {
    Overview overview;
    int elapsed = 0;
    int year_days = 0;
    Decimal tolerance = Decimal::from_int(10);
};

View view_of(const Report& report) {
    View v;
    v.overview = monitor::summarise(report);
    if (const auto clock = monitor::clock_of(report.as_of)) {
        v.elapsed = clock->elapsed;
        v.year_days = clock->year_days;
        if (report.progress.empty()) v.overview.time_progress = clock->progress;
    }
    if (!report.progress.empty()) v.tolerance = report.progress.front().tolerance_points;
    return v;
}

const std::vector<bool> k_dept_numeric = {false, true, true, true, true, true, true, true, true, true};
const std::vector<bool> k_project_numeric = {true, false, true, true, true, true, false, false};

std::string dept_code(const Department& d, const Words& w) { return d.code.empty() ? w.no_code : d.code; }

// The execution rate of a department or the total, and — when projects without spending are left out of it —
// what it is over: 1683.32 of 5781.75 read as 51.02% with nothing saying the base was 3299.34.
std::string rate_of(const Totals& t, const Words& w) {
    std::string s = pct(t.rate);
    if (t.rate && t.with_rate < t.projects) s += say(w.rate_basis, t.with_rate, money(t.rated_budget));
    return s;
}

std::vector<std::string> dept_row(const std::string& label, const Totals& t, Decimal time, const Words& w) {
    return {label,
            std::to_string(t.projects),
            money(t.budget),
            money(t.spent),
            rate_of(t, w),
            signed_points(versus_time(t.rate, time)),
            std::to_string(t.behind),
            std::to_string(t.at_risk_indicators),
            std::to_string(t.missing),
            std::to_string(t.rectification)};
}

std::string at_risk_names(const ProjectProgress& p, const Words& w) {
    std::vector<std::string> names;
    for (const auto& i : p.indicators) {
        if (!i.at_risk) continue;
        const auto slash = i.indicator.rfind('/');
        names.push_back(slash == std::string::npos ? i.indicator : i.indicator.substr(slash + 1));
    }
    return util::join(names, w.sep);
}

std::string verdict(const ProjectProgress& p, const Words& w) {
    std::vector<std::string> v;
    if (p.behind) v.emplace_back(w.verdict_behind);
    if (p.over_budget) v.emplace_back(w.verdict_over);
    if (p.indicators_at_risk > 0) v.emplace_back(w.verdict_risk);
    if (p.data_missing) v.emplace_back(w.verdict_missing);
    return v.empty() ? std::string(w.normal) : util::join(v, w.sep);
}

std::vector<std::string> project_row(std::size_t n, const ProjectProgress& p, Decimal time, const Words& w) {
    const std::string risk = at_risk_names(p, w);
    return {std::to_string(n),
            p.project,
            money(p.budget),
            money(p.spent),
            pct(p.execution_rate),
            signed_points(versus_time(p.execution_rate, time)),
            risk.empty() ? "—" : risk,
            verdict(p, w)};
}

std::string overview_text(const View& v, const Report& report, const Words& w) {
    const Totals& t = v.overview.totals;
    std::string cmp;
    if (!t.rate) {
        cmp = w.no_rate;
    } else {
        const Decimal d = *versus_time(t.rate, v.overview.time_progress);
        cmp = d < Decimal{} ? say(w.lower, (-d).fixed(2)) : d > Decimal{} ? say(w.higher, d.fixed(2)) : w.level;
    }
    std::string s = say(w.overview, v.overview.departments.size(), t.projects, report.as_of, money(t.budget),
                        money(t.spent), pct(t.rate), cmp);
    if (t.rate && t.with_rate < t.projects) {
        s += say(w.partial_rate, t.with_rate, money(t.rated_budget), money(t.rated_spent), t.projects - t.with_rate);
    }
    if (v.overview.repeated > 0) s += say(w.repeated, v.overview.repeated);
    return s;
}

std::string findings_text(const View& v, const Words& w) {
    const Totals& t = v.overview.totals;
    return say(w.findings_line, v.tolerance.str(), t.behind, money(t.catch_up), t.at_risk_indicators,
               t.at_risk_projects, t.missing, t.rectification);
}

// Problems of the run, in the bureau's "一是…二是…三是…" order: each a title and its paragraphs.
struct ProblemSection {
    std::string title;
    std::vector<std::string> paragraphs;
};

std::vector<ProblemSection> main_problems(const View& v, const Words& w) {
    const Totals& t = v.overview.totals;
    std::vector<ProblemSection> out;
    ProblemSection behind{w.p1_title, {}};
    if (t.behind == 0) {
        behind.paragraphs.push_back(say(w.p1_none, v.tolerance.str()));
    } else {
        behind.paragraphs.push_back(say(w.p1_text, t.behind, v.tolerance.str(), money(t.catch_up)));
        // The five furthest behind, so a reader sees where the money sits.
        std::vector<const ProjectProgress*> slow;
        for (const ProjectProgress* p : v.overview.projects)
            if (p->behind && p->gap_points) slow.push_back(p);
        std::stable_sort(slow.begin(), slow.end(),
                         [](const ProjectProgress* a, const ProjectProgress* b) { return *a->gap_points > *b->gap_points; });
        std::vector<std::string> items;
        for (std::size_t i = 0; i < slow.size() && i < 5; ++i) {
            items.push_back(say(w.p1_item, slow[i]->project, pct(slow[i]->execution_rate), slow[i]->gap_points->fixed(2),
                                slow[i]->project_code.empty() ? w.no_code : slow[i]->project_code));
        }
        behind.paragraphs.push_back(say(w.p1_worst, util::join(items, w.sep)));
    }
    out.push_back(std::move(behind));
    ProblemSection risk{w.p2_title, {}};
    if (t.at_risk_indicators == 0) {
        risk.paragraphs.emplace_back(w.p2_none);
    } else {
        int cumulative = 0;
        int point = 0;
        for (const ProjectProgress* p : v.overview.projects)
            for (const auto& i : p->indicators)
                if (i.at_risk) (i.cumulative ? cumulative : point)++;
        risk.paragraphs.push_back(say(w.p2_text, t.at_risk_indicators, t.at_risk_projects, cumulative, point));
    }
    out.push_back(std::move(risk));
    ProblemSection missing{w.p3_title, {}};
    missing.paragraphs.push_back(t.missing == 0 ? std::string(w.p3_none) : say(w.p3_text, t.missing));
    out.push_back(std::move(missing));
    return out;
}

std::vector<std::string> method_lines(const View& v, const Report& report, const Words& w) {
    return {say(w.method[0], report.as_of, v.year_days, v.elapsed, pct(v.overview.time_progress)),
            say(w.method[1], v.tolerance.str()), w.method[2], w.method[3], w.method[4]};
}

// Projects on the rectification list, by department code then report order.
std::vector<const ProjectProgress*> to_rectify(const View& v) {
    std::vector<const ProjectProgress*> out;
    for (const auto& d : v.overview.departments)
        for (const ProjectProgress* p : d.projects)
            if (monitor::needs_rectification(*p)) out.push_back(p);
    return out;
}

std::string project_label(const ProjectProgress& p) { return util::trim(p.project_code + " " + p.project); }

// ---- Markdown ----------------------------------------------------------------------------------------------

std::string md(std::string_view s) {
    std::string out;
    for (const char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '|': out += "\\|"; break;
            case '\\': case '*': case '_': case '`': case '[': case ']': case '#':
                out += '\\';
                out += c;
                break;
            case '\n': out += "<br>"; break;
            case '\r': break;
            default: out += c;
        }
    }
    return out;
}

// `numeric` names the columns to right-align (figures line up on their last digit).
void md_table(std::ostream& out, const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows,
              const std::vector<bool>& numeric) {
    out << '|';
    for (const auto& h : headers) out << ' ' << md(h) << " |";
    out << "\n|";
    for (std::size_t i = 0; i < headers.size(); ++i) out << (i < numeric.size() && numeric[i] ? "---:|" : "---|");
    out << '\n';
    for (const auto& r : rows) {
        out << '|';
        for (const auto& c : r) out << ' ' << md(c) << " |";
        out << '\n';
    }
}

// ---- HTML --------------------------------------------------------------------------------------------------

std::string esc(std::string_view s) {
    std::string out;
    for (const char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

void html_table(std::ostream& out, const char* id, const std::vector<std::string>& headers,
                const std::vector<std::vector<std::string>>& rows, const std::vector<bool>& numeric, bool last_is_total) {
    const auto num = [&](std::size_t i) { return i < numeric.size() && numeric[i] ? " class=\"num\"" : ""; };
    out << "<div class=\"table-wrap\"><table" << (id ? std::string(" id=\"") + id + "\"" : "") << "><thead><tr>";
    for (std::size_t i = 0; i < headers.size(); ++i) out << "<th" << num(i) << ">" << esc(headers[i]) << "</th>";
    out << "</tr></thead><tbody>\n";
    for (std::size_t r = 0; r < rows.size(); ++r) {
        out << "<tr" << (last_is_total && r + 1 == rows.size() ? " class=\"total\"" : "") << ">";
        for (std::size_t i = 0; i < rows[r].size(); ++i) out << "<td" << num(i) << ">" << esc(rows[r][i]) << "</td>";
        out << "</tr>\n";
    }
    out << "</tbody></table></div>\n";
}

// Execution rate per department as horizontal bars, with the time progress as a vertical line: where the
// bars stop short of the line is where money is sitting.
std::string execution_chart(const View& v, const Words& w) {
    constexpr int k_label = 120;
    constexpr int k_plot = 480;
    constexpr int k_bar = 16;
    constexpr int k_gap = 6;
    const auto& depts = v.overview.departments;
    // The scale reaches at least 100% and at most 150%: over-execution beyond that is drawn clipped.
    double top = 1.0;
    for (const auto& d : depts)
        if (d.totals.rate) top = std::max(top, std::min(1.5, d.totals.rate->to_double()));
    const int height = static_cast<int>(depts.size()) * (k_bar + k_gap) + 30;
    const double time = v.overview.time_progress.to_double();
    std::ostringstream svg;
    svg << "<svg class=\"chart\" id=\"monitor-chart\" role=\"img\" viewBox=\"0 0 " << k_label + k_plot + 70 << ' '
        << height << "\" width=\"100%\"><title>" << esc(w.dept_headers[4]) << "</title>\n";
    int y = 4;
    for (const auto& d : depts) {
        const double rate = d.totals.rate ? std::min(1.5, d.totals.rate->to_double()) : 0.0;
        const double width = k_plot * rate / top;
        const bool behind = d.totals.rate && *versus_time(d.totals.rate, v.overview.time_progress) < -v.tolerance;
        svg << "<g class=\"bar" << (behind ? " behind" : "") << "\" data-code=\"" << esc(d.code) << "\"><title>"
            << esc(dept_code(d, w)) << " " << esc(pct(d.totals.rate)) << "</title>";
        svg << "<text x=\"" << k_label - 6 << "\" y=\"" << y + k_bar - 4 << "\" text-anchor=\"end\">"
            << esc(dept_code(d, w)) << "</text>";
        svg << fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\"></rect>", k_label, y, width, k_bar);
        svg << fmt::format("<text x=\"{:.1f}\" y=\"{}\" class=\"value\">{}</text></g>\n", k_label + width + 4,
                           y + k_bar - 4, esc(pct(d.totals.rate)));
        y += k_bar + k_gap;
    }
    const double x = k_label + k_plot * time / top;
    svg << fmt::format("<line class=\"time\" x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"0\" y2=\"{1}\"></line>", x, y);
    svg << fmt::format("<text class=\"time-label\" x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", x, y + 16,
                       esc(pct(v.overview.time_progress)));
    svg << "</svg>\n";
    return svg.str();
}

// ---- text ----------------------------------------------------------------------------------------------------

std::string pad(const std::string& s, std::size_t width) {
    const std::size_t w = util::display_width(s);
    return w >= width ? s : s + std::string(width - w, ' ');
}

void text_table(std::ostream& out, const std::vector<std::vector<std::string>>& rows, const std::string& indent) {
    std::vector<std::size_t> widths;
    for (const auto& r : rows) {
        if (widths.size() < r.size()) widths.resize(r.size(), 0);
        for (std::size_t i = 0; i < r.size(); ++i) widths[i] = std::max(widths[i], util::display_width(r[i]));
    }
    for (const auto& r : rows) {
        std::string line = indent;
        for (std::size_t i = 0; i < r.size(); ++i) line += (i + 1 < r.size() ? pad(r[i], widths[i] + 2) : r[i]);
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out << line << '\n';
    }
}

}  // namespace

bool has_monitoring(const Report& report) { return !report.as_of.empty() || !report.progress.empty(); }

void write_monitor_markdown(const Report& report, std::ostream& out, int title_level) {
    if (!has_monitoring(report)) return;
    const Words& w = words(report);
    const View v = view_of(report);
    const Decimal time = v.overview.time_progress;
    const int level = std::clamp(title_level, 1, 5);
    const std::string h1(static_cast<std::size_t>(level), '#');
    const std::string h2 = h1 + "#";
    const std::string h3 = h2 + "#";

    out << h1 << ' ' << w.title << "\n\n"
        << md(say(w.as_of_line, report.as_of, pct(time), v.elapsed, v.year_days)) << "\n\n";

    out << h2 << ' ' << w.s1 << "\n\n" << md(overview_text(v, report, w)) << "\n\n" << md(findings_text(v, w)) << "\n\n";
    std::vector<std::vector<std::string>> rows;
    for (const auto& d : v.overview.departments) rows.push_back(dept_row(dept_code(d, w), d.totals, time, w));
    rows.push_back(dept_row(w.total_row, v.overview.totals, time, w));
    md_table(out, {std::begin(w.dept_headers), std::end(w.dept_headers)}, rows, k_dept_numeric);

    out << '\n' << h2 << ' ' << w.s2 << '\n';
    for (const auto& d : v.overview.departments) {
        const Totals& t = d.totals;
        out << '\n'
            << h3 << ' ' << md(say(w.dept_title, dept_code(d, w), t.projects)) << "\n\n"
            << md(say(w.dept_line, money(t.budget), money(t.spent), rate_of(t, w),
                      signed_points(versus_time(t.rate, time)), t.rectification))
            << "\n\n";
        rows.clear();
        for (std::size_t i = 0; i < d.projects.size(); ++i) rows.push_back(project_row(i + 1, *d.projects[i], time, w));
        rows.push_back({"", w.total_row, money(t.budget), money(t.spent), rate_of(t, w),
                        signed_points(versus_time(t.rate, time)), say(w.items, t.at_risk_indicators), ""});
        md_table(out, {std::begin(w.project_headers), std::end(w.project_headers)}, rows, k_project_numeric);
    }

    out << '\n' << h2 << ' ' << w.s3 << "\n\n";
    for (const auto& section : main_problems(v, w)) {
        out << h3 << ' ' << md(section.title) << "\n\n";
        for (const auto& p : section.paragraphs) out << md(p) << "\n\n";
    }

    out << h2 << ' ' << w.s4 << "\n\n";
    const auto list = to_rectify(v);
    if (list.empty()) {
        out << w.s4_none << "\n\n";
    } else {
        out << md(say(w.s4_intro, list.size())) << "\n";
        std::size_t n = 0;
        for (const ProjectProgress* p : list) {
            out << '\n' << h3 << ' ' << ++n << ". " << md(project_label(*p)) << "\n\n**" << w.problems << "**\n\n";
            for (std::size_t i = 0; i < p->problems.size(); ++i)
                out << i + 1 << ". " << md(pick(p->problems[i], report.lang)) << '\n';
            out << "\n**" << w.suggestions << "**\n\n";
            for (std::size_t i = 0; i < p->suggestions.size(); ++i)
                out << i + 1 << ". " << md(pick(p->suggestions[i], report.lang)) << '\n';
            // Printed as is: the blank is for the reviewer to fill in, and escaped underscores would show.
            out << '\n' << w.deadline << '\n';
        }
        out << '\n';
    }

    out << h2 << ' ' << w.s5 << "\n\n";
    for (std::size_t i = 0; i < 4; ++i) out << i + 1 << ". " << md(w.next_steps[i]) << '\n';
    out << '\n' << h2 << ' ' << w.method_title << "\n\n";
    for (const auto& line : method_lines(v, report, w)) out << "- " << md(line) << '\n';
}

std::string monitor_html(const Report& report) {
    if (!has_monitoring(report)) return {};
    const Words& w = words(report);
    const View v = view_of(report);
    const Decimal time = v.overview.time_progress;
    std::ostringstream out;
    out << "<section id=\"monitoring\" class=\"monitoring\">\n<h2>" << esc(w.title) << "</h2>\n<p class=\"as-of\">"
        << esc(say(w.as_of_line, report.as_of, pct(time), v.elapsed, v.year_days)) << "</p>\n";

    out << "<h3>" << esc(w.s1) << "</h3>\n<p>" << esc(overview_text(v, report, w)) << "</p>\n<p>"
        << esc(findings_text(v, w)) << "</p>\n";
    if (!v.overview.departments.empty()) out << execution_chart(v, w);
    std::vector<std::vector<std::string>> rows;
    for (const auto& d : v.overview.departments) rows.push_back(dept_row(dept_code(d, w), d.totals, time, w));
    rows.push_back(dept_row(w.total_row, v.overview.totals, time, w));
    html_table(out, "monitor-departments", {std::begin(w.dept_headers), std::end(w.dept_headers)}, rows, k_dept_numeric,
               true);

    out << "<h3>" << esc(w.s2) << "</h3>\n";
    for (const auto& d : v.overview.departments) {
        const Totals& t = d.totals;
        out << "<h4>" << esc(say(w.dept_title, dept_code(d, w), t.projects)) << "</h4>\n<p>"
            << esc(say(w.dept_line, money(t.budget), money(t.spent), rate_of(t, w),
                       signed_points(versus_time(t.rate, time)), t.rectification))
            << "</p>\n";
        rows.clear();
        for (std::size_t i = 0; i < d.projects.size(); ++i) rows.push_back(project_row(i + 1, *d.projects[i], time, w));
        rows.push_back({"", w.total_row, money(t.budget), money(t.spent), rate_of(t, w),
                        signed_points(versus_time(t.rate, time)), say(w.items, t.at_risk_indicators), ""});
        html_table(out, nullptr, {std::begin(w.project_headers), std::end(w.project_headers)}, rows, k_project_numeric,
                   true);
    }

    out << "<h3>" << esc(w.s3) << "</h3>\n";
    for (const auto& section : main_problems(v, w)) {
        out << "<h4>" << esc(section.title) << "</h4>\n";
        for (const auto& p : section.paragraphs) out << "<p>" << esc(p) << "</p>\n";
    }

    out << "<h3>" << esc(w.s4) << "</h3>\n";
    const auto list = to_rectify(v);
    if (list.empty()) {
        out << "<p class=\"muted\">" << esc(w.s4_none) << "</p>\n";
    } else {
        out << "<p>" << esc(say(w.s4_intro, list.size())) << "</p>\n<ol class=\"rectification\">\n";
        for (const ProjectProgress* p : list) {
            out << "<li><h4>" << esc(project_label(*p)) << "</h4>\n<p class=\"label\">" << esc(w.problems) << "</p><ol>";
            for (const auto& t : p->problems) out << "<li>" << esc(pick(t, report.lang)) << "</li>";
            out << "</ol>\n<p class=\"label\">" << esc(w.suggestions) << "</p><ol>";
            for (const auto& t : p->suggestions) out << "<li>" << esc(pick(t, report.lang)) << "</li>";
            out << "</ol>\n<p class=\"deadline\">" << esc(w.deadline) << "</p></li>\n";
        }
        out << "</ol>\n";
    }

    out << "<h3>" << esc(w.s5) << "</h3>\n<ol>";
    for (const char* s : w.next_steps) out << "<li>" << esc(s) << "</li>";
    out << "</ol>\n<h3>" << esc(w.method_title) << "</h3>\n<ul class=\"method\">";
    for (const auto& line : method_lines(v, report, w)) out << "<li>" << esc(line) << "</li>";
    out << "</ul>\n</section>\n";
    return out.str();
}

const char* monitor_css() {
    return R"(
.monitoring h3{margin:28px 0 8px}
.monitoring h4{margin:18px 0 6px}
.monitoring .as-of{color:#5f6b7a}
.monitoring .table-wrap{overflow-x:auto}
.monitoring table{border-collapse:collapse;width:100%;background:#fff}
.monitoring th,.monitoring td{border:1px solid #d9dde3;padding:4px 8px;text-align:left;vertical-align:top}
.monitoring th.num,.monitoring td.num{text-align:right;white-space:nowrap}
.monitoring tr.total td{font-weight:600;background:#f0f2f5}
.monitoring .chart{max-width:720px;display:block;margin:8px 0}
.monitoring .chart rect{fill:#1e88e5}
.monitoring .chart .behind rect{fill:#c62828}
.monitoring .chart text{font-size:12px;fill:#1d2430}
.monitoring .chart line.time{stroke:#ef8f00;stroke-width:2;stroke-dasharray:4 3}
.monitoring .chart .time-label{fill:#ef8f00}
.monitoring ol.rectification>li{margin-bottom:14px}
.monitoring .label{font-weight:600;margin:6px 0 2px}
.monitoring .deadline{font-weight:600}
.monitoring .muted{color:#5f6b7a}
)";
}

void write_monitor_text(const Report& report, std::ostream& out) {
    if (!has_monitoring(report)) return;
    const Words& w = words(report);
    const View v = view_of(report);
    const Decimal time = v.overview.time_progress;
    out << w.title << "\n  " << say(w.as_of_line, report.as_of, pct(time), v.elapsed, v.year_days) << "\n  "
        << overview_text(v, report, w) << "\n  " << findings_text(v, w) << "\n\n";
    std::vector<std::vector<std::string>> rows;
    rows.emplace_back(std::begin(w.dept_headers), std::end(w.dept_headers));
    for (const auto& d : v.overview.departments) rows.push_back(dept_row(dept_code(d, w), d.totals, time, w));
    rows.push_back(dept_row(w.total_row, v.overview.totals, time, w));
    text_table(out, rows, "  ");
    for (const auto& d : v.overview.departments) {
        out << "\n  ■ " << say(w.dept_title, dept_code(d, w), d.totals.projects) << '\n';
        rows.clear();
        rows.emplace_back(std::begin(w.project_headers), std::end(w.project_headers));
        for (std::size_t i = 0; i < d.projects.size(); ++i) rows.push_back(project_row(i + 1, *d.projects[i], time, w));
        text_table(out, rows, "    ");
    }
    const auto list = to_rectify(v);
    out << '\n' << w.s4_text << '\n';
    if (list.empty()) out << "  " << w.s4_none << '\n';
    for (const ProjectProgress* p : list) {
        out << "\n  ■ " << project_label(*p) << '\n';
        for (const auto& t : p->problems) out << "      " << w.problems << "：" << pick(t, report.lang) << '\n';
        for (const auto& t : p->suggestions) out << "      " << w.suggestions << "：" << pick(t, report.lang) << '\n';
    }
    out << '\n';
}

std::vector<MonitorSheet> monitor_sheets(const Report& report) {
    if (!has_monitoring(report)) return {};
    const Words& w = words(report);
    const bool zh = report.lang == Lang::zh;
    const View v = view_of(report);
    const Decimal time = v.overview.time_progress;
    auto num = [](Decimal d, int places) { return MonitorCell{d.fixed(places), d, false}; };
    auto opt = [&](const std::optional<Decimal>& d, int places) { return d ? num(*d, places) : MonitorCell{}; };
    auto rate = [](const std::optional<Decimal>& d) { return d ? MonitorCell{pct(*d), *d, true} : MonitorCell{}; };
    auto text = [](std::string s) { return MonitorCell{std::move(s), std::nullopt, false}; };
    auto count = [](int n) { return MonitorCell{std::to_string(n), Decimal::from_int(n), false}; };
    auto join = [&](const std::vector<Text>& items) {
        std::vector<std::string> lines;
        for (std::size_t i = 0; i < items.size(); ++i) lines.push_back(std::to_string(i + 1) + ". " + pick(items[i], report.lang));
        return util::join(lines, "\n");
    };

    MonitorSheet summary{
        zh ? "监控汇总" : "Monitoring summary",
        {w.dept_headers[0], w.dept_headers[1], w.dept_headers[2], w.dept_headers[3], w.dept_headers[4],
         zh ? "时间进度" : "time progress", w.dept_headers[6], zh ? "按进度尚需支出（万元）" : "to catch up (万元)",
         w.dept_headers[7], w.dept_headers[8], w.dept_headers[9],
         // What the rate is over, when projects without spending are left out of it.
         zh ? "计入执行率的项目数" : "projects in the rate", zh ? "其预算数（万元）" : "their budget (万元)"},
        {},
        {},
        false};
    auto summary_row = [&](const std::string& label, const Totals& t) {
        return std::vector<MonitorCell>{text(label),           count(t.projects),      num(t.budget, 2),
                                        num(t.spent, 2),       rate(t.rate),           rate(time),
                                        count(t.behind),       num(t.catch_up, 2),     count(t.at_risk_indicators),
                                        count(t.missing),      count(t.rectification), count(t.with_rate),
                                        num(t.rated_budget, 2)};
    };
    for (const auto& d : v.overview.departments) summary.rows.push_back(summary_row(dept_code(d, w), d.totals));
    summary.rows.push_back(summary_row(w.total_row, v.overview.totals));
    summary.total_last_row = true;
    summary.prose.assign(summary.headers.size(), false);

    MonitorSheet projects{zh ? "项目监控" : "Projects",
                   {zh ? "文件" : "file", zh ? "行" : "row", w.dept_headers[0], zh ? "项目名称" : "project",
                    w.dept_headers[2], zh ? "预算数来源" : "budget from", w.dept_headers[3], w.dept_headers[4],
                    zh ? "时间进度" : "time progress", w.dept_headers[5], zh ? "按进度尚需支出（万元）" : "to catch up (万元)",
                    zh ? "执行进度落后" : "behind", w.project_headers[6], w.problems, w.suggestions,
                    zh ? "整改期限" : "deadline"},
                   {}, {}, false};
    MonitorSheet indicators{
        zh ? "指标监控" : "Indicators",
        {w.dept_headers[0], zh ? "项目名称" : "project", zh ? "指标" : "indicator", zh ? "文件" : "file",
         zh ? "行" : "row", zh ? "目标值" : "target", zh ? "度量单位" : "unit", zh ? "截至目前完成值" : "value to date",
         zh ? "判断方式" : "basis", zh ? "全年预计" : "year-end projection", zh ? "差额" : "shortfall",
         zh ? "预计难以实现" : "at risk", zh ? "说明" : "notes"},
        {},
        {},
        false};
    const char* yes = zh ? "是" : "yes";
    const char* no = zh ? "否" : "no";
    for (const auto& d : v.overview.departments) {
        for (const ProjectProgress* p : d.projects) {
            const std::string risk = at_risk_names(*p, w);
            projects.rows.push_back(
                {text(p->file), count(p->row), text(p->project_code), text(p->project), opt(p->budget, 2),
                 text(p->budget ? (p->budget_from_funds ? "资金总额" : "预算数") : ""),
                 opt(p->spent, 2), rate(p->execution_rate), rate(p->time_progress),
                 opt(versus_time(p->execution_rate, time), 2), opt(p->behind ? p->catch_up : std::nullopt, 2),
                 text(p->behind ? yes : no), text(risk), text(join(p->problems)), text(join(p->suggestions)),
                 text(monitor::needs_rectification(*p) ? "____" : "")});
            for (const auto& i : p->indicators) {
                std::vector<std::string> notes;
                for (const auto& n : i.notes) notes.push_back(pick(n, report.lang));
                indicators.rows.push_back(
                    // The row is the progress file's when the value came from one: the file says which.
                    {text(p->project_code), text(p->project), text(i.indicator),
                     text(i.loc.file.empty() ? p->file : i.loc.file), count(i.loc.row), text(i.target), text(i.unit),
                     i.value ? num(*i.value, 2) : text(i.to_date),
                     text(i.already_missed ? (zh ? "累计，已超过目标" : "cumulative, already over")
                          : i.cumulative   ? (zh ? "累计，线性推算" : "cumulative, projected")
                                           : (zh ? "按当前值" : "value now")),
                     opt(i.projected, 2), opt(i.shortfall, 2),
                     text(i.missing   ? (zh ? "缺报" : "missing")
                          : i.at_risk ? yes
                                      : no),
                     text(util::join(notes, w.sep))});
            }
        }
    }
    projects.prose = {false, false, false, true, false, false, false, false, false, false, false, false, true, true, true, false};
    indicators.prose = {false, true, true, false, false, false, false, false, false, false, false, false, true};
    return {std::move(summary), std::move(projects), std::move(indicators)};
}

}  // namespace perf_check::report
