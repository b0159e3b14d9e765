// Checks that a rule's findings in a Chinese-only run are its findings in a bilingual run without the English.
#pragma once

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/builders.hpp"

namespace perf_check::test {

/// Runs rule `id` on `p` for a run that shows English and for one that does not: the same findings with
/// the same Chinese, English only in the first. Returns the number of findings.
inline std::size_t check_chinese_only_run(const std::string& id, const Project& p) {
    const std::vector<Finding> both = run_rule(id, p);
    const std::vector<Finding> zh = run_rule(id, p, nullptr, nullptr, false);
    REQUIRE(zh.size() == both.size());
    for (std::size_t i = 0; i < both.size(); ++i) {
        CHECK(zh[i].message.zh == both[i].message.zh);
        CHECK(zh[i].hint.zh == both[i].hint.zh);
        CHECK(zh[i].value == both[i].value);
        CHECK(zh[i].loc.row == both[i].loc.row);
        CHECK_FALSE(both[i].message.en.empty());
        CHECK_FALSE(both[i].hint.en.empty());
        CHECK(zh[i].message.en.empty());
        CHECK(zh[i].hint.en.empty());
    }
    return both.size();
}

}  // namespace perf_check::test
