// Mid-year monitoring: dates and time progress, and the analysis of one project for the monitoring report.
#include "monitor/monitor.hpp"

#include <fmt/format.h>

#include <ctime>

#include "model/dates.hpp"
#include "monitor/judge.hpp"
#include "rules/finding_text.hpp"
#include "rules/rule_util.hpp"
#include "util/text.hpp"

namespace perf_check::monitor {

using model::days_in_month;

namespace {

// Reads 1..max_digits ASCII digits at `pos`; -1 if there are none.
int read_number(std::string_view s, std::size_t& pos, std::size_t max_digits) {
    int n = 0;
    std::size_t digits = 0;
    while (pos < s.size() && digits < max_digits && s[pos] >= '0' && s[pos] <= '9') {
        n = n * 10 + (s[pos] - '0');
        ++pos;
        ++digits;
    }
    return digits == 0 ? -1 : n;
}

bool skip(std::string_view s, std::size_t& pos, std::string_view token) {
    if (s.substr(pos, token.size()) != token) return false;
    pos += token.size();
    return true;
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
    const std::string s = util::fold(text);  // full-width digits and separators → ASCII
    std::size_t pos = 0;
    Date d;
    d.year = read_number(s, pos, 4);
    if (d.year < 1900 || pos != 4) return std::nullopt;
    // One separator style for the whole date: 2024-07-31, 2024/7/31, 2024.07.31 or 2024年7月31日.
    const bool chinese = skip(s, pos, "年");
    if (!chinese) {
        if (pos >= s.size() || (s[pos] != '-' && s[pos] != '/' && s[pos] != '.')) return std::nullopt;
        const char sep = s[pos++];
        d.month = read_number(s, pos, 2);
        if (pos >= s.size() || s[pos] != sep) return std::nullopt;
        ++pos;
    } else {
        d.month = read_number(s, pos, 2);
        if (!skip(s, pos, "月")) return std::nullopt;
    }
    d.day = read_number(s, pos, 2);
    if (chinese && !skip(s, pos, "日")) skip(s, pos, "号");
    if (pos != s.size()) return std::nullopt;
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
    return d;
}

Date default_as_of() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    Date d{local.tm_year + 1900, local.tm_mon + 1, 1};
    // The last full month is the one before the current one.
    if (d.month == 1) {
        d.year -= 1;
        d.month = 12;
    } else {
        d.month -= 1;
    }
    d.day = days_in_month(d.year, d.month);
    return d;
}

std::string format_date(const Date& d) { return fmt::format("{:04d}-{:02d}-{:02d}", d.year, d.month, d.day); }

std::optional<HeaderPeriod> period_in_header(std::string_view header) {
    const std::string h = util::strip_spaces(util::fold(header));
    // "1" then a dash or 至, then the last month and 月: 1-7月, 1至7月, 1—7月, 1~7月.
    for (std::size_t i = 0; i < h.size(); ++i) {
        if (h[i] != '1' || (i > 0 && h[i - 1] >= '0' && h[i - 1] <= '9')) continue;
        std::size_t j = i + 1;
        bool dash = false;
        for (const std::string_view sep : {"-", "至", "—", "–", "~", "－", "到"}) {
            if (h.compare(j, sep.size(), sep) == 0) {
                j += sep.size();
                dash = true;
                break;
            }
        }
        if (!dash) continue;
        int month = 0;
        std::size_t k = j;
        while (k < h.size() && k - j < 2 && h[k] >= '0' && h[k] <= '9') month = month * 10 + (h[k++] - '0');
        if (k == j || month < 1 || month > 12 || h.compare(k, std::string_view("月").size(), "月") != 0) continue;
        HeaderPeriod p;
        p.last_month = month;
        // A year written before it: 2024年1-7月.
        const std::size_t year_end = h.rfind("年", i);
        if (year_end != std::string::npos && year_end >= 4) {
            int year = 0;
            bool digits = true;
            for (std::size_t d = year_end - 4; d < year_end; ++d) {
                digits = digits && h[d] >= '0' && h[d] <= '9';
                year = year * 10 + (h[d] - '0');
            }
            if (digits) p.year = year;
        }
        return p;
    }
    return std::nullopt;
}

std::optional<int> year_in_name(std::string_view name) {
    std::optional<int> found;
    const auto digit = [&](std::size_t i) { return i < name.size() && name[i] >= '0' && name[i] <= '9'; };
    for (std::size_t i = 0; i + 4 <= name.size(); ++i) {
        if (!digit(i) || (i > 0 && digit(i - 1)) || digit(i + 4)) continue;
        if (!digit(i + 1) || !digit(i + 2) || !digit(i + 3) || name[i] != '2' || name[i + 1] != '0') continue;
        const int year = 2000 + (name[i + 2] - '0') * 10 + (name[i + 3] - '0');
        if (found && *found != year) return std::nullopt;
        found = year;
    }
    return found;
}

bool names_part_of_year(std::string_view header) {
    if (const auto period = period_in_header(header)) return period->last_month < 12;
    const std::string h = util::strip_spaces(util::fold(header));
    if (util::contains(h, "目前") || util::contains(h, "半年")) return true;
    // 截至7月底, 截至7月末, 截止6月: a month before December.
    for (const std::string_view to : {"截至", "截止"}) {
        const std::size_t at = h.find(to);
        if (at == std::string::npos) continue;
        std::size_t k = at + to.size();
        int month = 0;
        const std::size_t digits = k;
        while (k < h.size() && k - digits < 2 && h[k] >= '0' && h[k] <= '9') month = month * 10 + (h[k++] - '0');
        if (k > digits && month >= 1 && month < 12 && h.compare(k, std::string_view("月").size(), "月") == 0)
            return true;
    }
    return false;
}

std::string period_mismatch(bool monitoring, std::string_view spent_header, std::string_view actual_header) {
    std::vector<std::string> named;  // the headers of the other kind, quoted
    for (const std::string_view header : {spent_header, actual_header}) {
        if (header.empty()) continue;
        const bool other =
            monitoring ? util::contains(util::strip_spaces(util::fold(header)), "全年") : names_part_of_year(header);
        if (other) named.push_back("“" + std::string(header) + "”");
    }
    if (named.empty()) return {};
    const std::string en = util::join(named, " and ");
    const std::string zh = util::join(named, "、");
    if (!monitoring) {
        return fmt::format(
            "the actuals file's {0} {1} progress to part of the year, but score reads {2} as the whole year's result: "
            "budget execution and the indicators are scored on {2}. For mid-year monitoring run perf-check monitor "
            "TABLE --progress FILE; for the year-end evaluation give the year's actuals "
            "(注意：实际完成值文件的{3}是年中进度数据，评分却把它当作全年实际：预算执行率和各指标都按它计分。"
            "年中监控请用 perf-check monitor 表格 --progress 文件；年终自评请提供全年实际完成值)",
            en, named.size() > 1 ? "are" : "is", named.size() > 1 ? "them" : "it", zh);
    }
    return fmt::format(
        "the progress file's {0} {1} the whole year's result, but monitor reads {2} as progress to the monitoring "
        "date; for the year-end evaluation run perf-check score TABLE --actuals FILE "
        "(注意：进度文件的{3}是全年数据，监控却把它当作截至监控日期的进度；年终评分请用 perf-check score 表格 "
        "--actuals 文件)",
        en, named.size() > 1 ? "are" : "is", named.size() > 1 ? "them" : "it", zh);
}

std::string as_of_disagreement(std::string_view header, const Date& as_of, bool given, std::optional<int> year_hint) {
    const auto period = period_in_header(header);
    if (!period) return {};
    const int year = period->year.value_or(year_hint.value_or(as_of.year));
    if (as_of.month == period->last_month && year == as_of.year) return {};
    const Date end{year, period->last_month, days_in_month(year, period->last_month)};
    const std::string when = given ? format_date(as_of) : format_date(as_of) + "（未指定 --as-of，取上月末）";
    const std::string when_en = given ? format_date(as_of) : format_date(as_of) + " (no --as-of: the last month's end)";
    // English, then the Chinese in brackets: Error::render puts the Chinese first in a Chinese run.
    return fmt::format(
        "the progress data's “{}” runs to the end of month {}, but the monitoring date is {}: time progress and "
        "whether projects are behind go by that date; for data to {}, run again with --as-of {} "
        "(注意：进度数据的“{}”是截至{}{}月底的累计数，监控日期却是{}；时间进度和是否滞后都按监控日期计算。"
        "数据截至{}的，请加 --as-of {} 重新运行)",
        std::string(header), period->last_month, when_en, format_date(end), format_date(end), std::string(header),
        period->year ? std::to_string(*period->year) + "年" : std::string(), period->last_month, when, format_date(end),
        format_date(end));
}

int days_in_year(int year) {
    return model::leap_year(year) ? 366 : 365;
}

int day_of_year(const Date& d) {
    int n = d.day;
    for (int m = 1; m < d.month; ++m) n += days_in_month(d.year, m);
    return n;
}

Decimal time_progress(const Date& d) {
    // By days, not months: 31 July is 213/366 = 58.20% of 2024, where 7/12 would say 58.33%; days are
    // what money is spent over, and they give the same answer for any as-of date, not only month ends.
    return Decimal::from_int(day_of_year(d)) / Decimal::from_int(days_in_year(d.year));
}

ProjectProgress analyse_project(const Project& project, const RuleSet& rules) {
    ProjectProgress p;
    p.file = project.file;
    p.project_code = project.code.text;
    p.project = project.name.shown();
    p.row = project.first_row;
    p.funds = project.funds_wan;
    const auto clock = clock_of(rules);
    if (!clock) return p;
    p.time_progress = clock->progress;

    const bool judge_behind = rule_enabled(rules, k_execution_behind);
    const bool judge_over = rule_enabled(rules, k_execution_over_budget);
    const bool judge_risk = rule_enabled(rules, k_target_at_risk);
    const bool judge_missing = rule_enabled(rules, k_progress_missing);

    const ExecutionSettings execution = execution_settings(rules);
    const Execution e = judge_execution(project, *clock, execution);
    p.tolerance_points = execution.tolerance;
    p.budget = e.budget;
    p.budget_from_funds = e.budget_from_funds;
    p.spent = e.spent;
    p.execution_rate = e.rate;
    p.gap_points = e.gap_points;
    p.catch_up = e.catch_up;
    p.spent_missing = e.spent_missing;
    p.behind = judge_behind && e.behind;
    p.over_budget = judge_over && over_budget(e);

    const RiskSettings risk = risk_settings(rules);
    std::vector<std::pair<const Indicator*, std::size_t>> at_risk;  // indicator and its IndicatorProgress
    std::vector<const Indicator*> missing;
    int quantitative = 0;
    for (const auto& ind : project.indicators) {
        if (!monitored(ind)) {
            // A deadline already missed is a target at risk; one not due yet, or met, says nothing.
            if (!judge_risk) continue;
            if (auto ip = judge_deadline(ind, *clock, rules.scoring)) {
                at_risk.emplace_back(&ind, p.indicators.size());
                p.indicators.push_back(std::move(*ip));
            }
            continue;
        }
        ++quantitative;
        IndicatorProgress ip = judge_indicator(ind, *clock, risk, rules.scoring);
        if (!judge_risk) {
            ip.at_risk = false;
            ip.shortfall.reset();
        }
        if (ip.at_risk) at_risk.emplace_back(&ind, p.indicators.size());
        if (ip.missing) missing.push_back(&ind);
        p.indicators.push_back(std::move(ip));
    }
    p.indicators_at_risk = static_cast<int>(at_risk.size());
    p.indicators_missing = static_cast<int>(missing.size());

    // The problems, in the order the report lists them, each with the suggestion a bureau would make.
    if (p.behind) {
        p.problems.push_back(execution_problem(e, *clock));
        p.suggestions.push_back(
            {fmt::format("加快预算执行进度，按时间进度尚需支出{}万元，防止资金沉淀和年底突击花钱。",
                         rules::amount(*e.catch_up)),
             fmt::format("Speed up spending ({} 万元 behind the time elapsed) so money neither lies idle nor is "
                         "rushed out at year end.",
                         rules::amount(*e.catch_up))});
    }
    if (p.over_budget) {
        p.problems.push_back(over_budget_problem(e));
        p.suggestions.push_back({"核实执行数和预算数；确需增加支出的，应按程序调整预算，不得超预算支出。",
                                 "Check the spending and the budget; spending more needs a budget adjustment first."});
    }
    if (!at_risk.empty()) {
        std::vector<std::string> names;
        for (const auto& [ind, index] : at_risk) {
            p.problems.push_back(risk_problem(*ind, p.indicators[index]));
            names.push_back("“" + ind->name.text + "”");
        }
        const std::string list = util::join(names, "、");
        p.suggestions.push_back(
            {fmt::format("分析{}等指标目标难以实现的原因，从加强和改进内部管理入手加快实施；确因客观情况变化无法实现的，"
                         "按程序申请调整绩效目标。",
                         list),
             fmt::format("Analyse why {} may be missed and improve internal management to catch up; where "
                         "circumstances changed, apply to adjust the targets through the proper procedure.",
                         list)});
    }
    if (judge_missing) {
        const bool nothing = no_progress_at_all(project, e);
        if (nothing) {
            p.problems.push_back({fmt::format("未报送监控数据（执行数和{}项定量指标的完成值均缺）。", quantitative),
                                  fmt::format("No monitoring data (no spending, no value for its {} quantitative "
                                              "indicators).",
                                              quantitative)});
        } else {
            if (e.spent_missing) p.problems.push_back({"未报送截至监控日的执行数。", "No spending to date reported."});
            if (e.budget_missing) {
                p.problems.push_back({"缺少预算数，资金总额也无法读取，无法计算执行率。",
                                      "No budget figure and an unreadable 资金总额: no execution rate."});
            }
            if (!missing.empty()) {
                std::vector<std::string> names;
                for (const Indicator* ind : missing) names.push_back("“" + ind->name.text + "”");
                p.problems.push_back({fmt::format("指标{}未报送截至目前完成值（或不是数字）。", util::join(names, "、")),
                                      fmt::format("No (numeric) value to date for {}.", util::join(names, ", "))});
            }
        }
        p.data_missing = nothing || e.spent_missing || e.budget_missing || !missing.empty();
        if (p.data_missing) {
            p.suggestions.push_back({"补充报送监控数据（截至监控日的执行数和各定量指标完成值），确保监控信息真实、完整。",
                                     "Report the missing monitoring data (spending and each quantitative "
                                     "indicator's value to date), complete and accurate."});
        }
    }
    return p;
}

}  // namespace perf_check::monitor
