// Tests of the shared message wording: format_text, fmt::format for text arguments.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include <fmt/args.h>
#include <fmt/format.h>

#include "rules/finding_text.hpp"

using namespace perf_check;

TEST_CASE("format_text fills each {} with the next argument, as fmt::format does", "[finding-text]") {
    const std::string name = "项目总成本";
    const std::string_view unit = "万元";
    CHECK(rules::format_text("指标“{}”的单位“{}”。", name, unit) == "指标“项目总成本”的单位“万元”。");
    CHECK(rules::format_text("{}{}", "a", std::string("b")) == "ab");
    CHECK(rules::format_text("没有字段。") == "没有字段。");
    CHECK(rules::format_text("{}", "") == "");
    CHECK(rules::format_text("“{}”", std::string()) == "“”");
}

TEST_CASE("format_text agrees with fmt::format on random patterns and arguments", "[finding-text]") {
    // Pieces of patterns and of arguments: Chinese, ASCII, empty, and arguments that look like fields.
    const std::vector<std::string> text = {"项目", "“", "”", "a", " ", "分。", "", "{}", "x{", "}y", "万元"};
    std::mt19937 rng(37);
    std::uniform_int_distribution<std::size_t> piece(0, text.size() - 1);
    std::uniform_int_distribution<int> count(0, 5);
    for (int round = 0; round < 5000; ++round) {
        std::string pattern;
        std::vector<std::string> args;
        const int fields = count(rng);
        for (int k = 0; k <= fields; ++k) {
            for (int n = count(rng); n > 0; --n) {
                const std::string& p = text[piece(rng)];
                if (p.find_first_of("{}") == std::string::npos) pattern += p;  // no brace but the fields
            }
            if (k == fields) break;
            pattern += "{}";
            std::string arg;
            for (int n = count(rng); n > 0; --n) arg += text[piece(rng)];
            args.push_back(arg);
        }
        fmt::dynamic_format_arg_store<fmt::format_context> store;
        for (const auto& a : args) store.push_back(a);
        const std::vector<std::string_view> views(args.begin(), args.end());
        std::string got;
        switch (views.size()) {
            case 0:
                got = rules::detail::format_text(pattern, {});
                break;
            case 1:
                got = rules::detail::format_text(pattern, {views[0]});
                break;
            case 2:
                got = rules::detail::format_text(pattern, {views[0], views[1]});
                break;
            case 3:
                got = rules::detail::format_text(pattern, {views[0], views[1], views[2]});
                break;
            case 4:
                got = rules::detail::format_text(pattern, {views[0], views[1], views[2], views[3]});
                break;
            default:
                got = rules::detail::format_text(pattern, {views[0], views[1], views[2], views[3], views[4]});
        }
        CAPTURE(pattern);
        CHECK(got == fmt::vformat(pattern, store));
    }
}
