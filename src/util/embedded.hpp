// Files compiled into the binary by cmake/embed.cmake.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace perf_check::embedded {

/// rules/default.yaml.
std::string_view default_rules();
/// schemas/perf-check-table.schema.json: the canonical JSON model's schema.
std::string_view table_schema();
/// rules/docs/<id>.md, as (id, text), sorted by id.
const std::vector<std::pair<std::string_view, std::string_view>>& rule_docs();

}  // namespace perf_check::embedded
