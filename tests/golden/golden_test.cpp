// Golden tests: whole outputs of real runs compared byte for byte. PERF_CHECK_UPDATE_GOLDEN=1 rewrites
// the expected files; review their diff like code.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/cli.hpp"
#include "support/paths.hpp"

using namespace perf_check;

namespace {

struct Case {
    const char* name;  ///< tests/golden/cases/<name>.out
    std::vector<std::string> args;
    int exit_code;
};

// Paths in outputs are as given: run from the source tree with relative paths so outputs do not
// depend on where the checkout is.
const std::vector<Case>& cases() {
    static const std::vector<Case> k_cases = {
        {"seed-text", {"samples/targets-2024.csv"}, 1},
        {"seed-json", {"samples/targets-2024.csv", "-f", "json"}, 1},
        {"seed-en-text", {"samples/targets-2024.csv", "--lang", "en"}, 1},
        {"seed-gb18030-json", {"samples/targets-2024.gb18030.csv", "-f", "json"}, 1},
        {"clean-text", {"samples/clean-2024.csv"}, 0},
        {"old-style-json", {"samples/old-style-2022.csv", "-f", "json"}, 1},
        {"summary-text", {"samples/targets-2024.csv", "samples/clean-2024.csv", "--summary"}, 1},
        {"summary-json", {"samples/targets-2024.csv", "samples/clean-2024.csv", "--summary", "-f", "json"}, 1},
        {"seed-model-json", {"convert", "samples/targets-2024.csv", "--to", "json"}, 0},
    };
    return k_cases;
}

}  // namespace

TEST_CASE("golden outputs", "[golden]") {
    const auto previous = std::filesystem::current_path();
    std::filesystem::current_path(PERF_CHECK_SOURCE_DIR);
    const bool update = std::getenv("PERF_CHECK_UPDATE_GOLDEN") != nullptr;
    for (const auto& c : cases()) {
        SECTION(c.name) {
            std::vector<std::string> args = {"perf-check"};
            args.insert(args.end(), c.args.begin(), c.args.end());
            std::ostringstream out;
            std::ostringstream err;
            const int code = cli::execute(cli::parse(args, false), out, err);
            CHECK(code == c.exit_code);
            CHECK(err.str().empty());
            const std::string path = std::string("tests/golden/cases/") + c.name + ".out";
            if (update) {
                std::filesystem::create_directories("tests/golden/cases");
                std::ofstream(path, std::ios::binary) << out.str();
            }
            const std::string expected = test::slurp(path);
            INFO("golden file " << path << " (PERF_CHECK_UPDATE_GOLDEN=1 rewrites it)");
            CHECK(out.str() == expected);
        }
    }
    std::filesystem::current_path(previous);
}
