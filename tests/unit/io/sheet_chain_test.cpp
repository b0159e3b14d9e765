// Tests of SheetChain: several sheets' projects read as one table, a sheet after another.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "io/sheet_chain.hpp"

using namespace perf_check;
using namespace perf_check::io;

namespace {

// A sheet of the given project names (none: a sheet that holds no project), or, with `breaks`, one
// that fails after them.
class FakeSheet final : public ProjectSource {
public:
    FakeSheet(std::string sheet, std::vector<std::string> names, bool breaks = false)
        : m_names(std::move(names)), m_breaks(breaks) {
        m_table.sheet = std::move(sheet);
        m_table.header_row = 4;
    }
    [[nodiscard]] const TableInfo& table() const override { return m_table; }
    Expected<bool> next(Project& out) override {
        if (m_next == m_names.size()) {
            if (m_breaks) return Error{"the sheet breaks here", "book.xlsx", 9};
            return false;
        }
        out = Project{};
        out.sheet = m_table.sheet;
        out.name.text = m_names[m_next++];
        return true;
    }

private:
    TableInfo m_table;
    std::vector<std::string> m_names;
    std::size_t m_next = 0;
    bool m_breaks;
};

// Every project the chain gives, as "sheet/name", and the error that ended it ("" at the end).
std::vector<std::string> read(SheetChain& chain, std::string& error) {
    std::vector<std::string> out;
    Project p;
    while (true) {
        auto more = chain.next(p);
        if (!more) {
            error = more.error().message;
            return out;
        }
        if (!*more) return out;
        out.push_back(p.sheet + "/" + p.name.text);
    }
}

}  // namespace

TEST_CASE("a chain reads its sheets in turn, passing over one without projects, opening each when due",
          "[sheet-chain][form]") {
    std::vector<std::size_t> opened;
    auto first = std::make_unique<FakeSheet>("一", std::vector<std::string>{"甲"});
    SheetChain chain(std::move(first), {2, 3, 5}, [&](std::size_t k) -> Expected<std::unique_ptr<ProjectSource>> {
        opened.push_back(k);
        if (k == 3)
            return std::unique_ptr<ProjectSource>(std::make_unique<FakeSheet>("三", std::vector<std::string>{}));
        return std::unique_ptr<ProjectSource>(
            std::make_unique<FakeSheet>(std::to_string(k), std::vector<std::string>{"乙", "丙"}));
    });
    CHECK(chain.table().sheet == "一");  // the first sheet's table, for the whole read
    Project p;
    REQUIRE(chain.next(p));
    CHECK(opened.empty());  // no sheet is opened before the one before it has ended
    std::string error;
    const auto rest = read(chain, error);
    CHECK(error.empty());
    CHECK(rest == std::vector<std::string>{"2/乙", "2/丙", "5/乙", "5/丙"});
    CHECK(opened == std::vector<std::size_t>{2, 3, 5});
    CHECK(chain.table().sheet == "一");
}

TEST_CASE("a chain ends in the error of a sheet that cannot be opened or breaks, after what was read",
          "[sheet-chain][form]") {
    SheetChain unopened(std::make_unique<FakeSheet>("一", std::vector<std::string>{"甲"}), {1},
                        [](std::size_t) -> Expected<std::unique_ptr<ProjectSource>> {
                            return Error{"sheet 2 is damaged", "book.xlsx"};
                        });
    std::string error;
    CHECK(read(unopened, error) == std::vector<std::string>{"一/甲"});
    CHECK(error == "sheet 2 is damaged");

    SheetChain broken(std::make_unique<FakeSheet>("一", std::vector<std::string>{"甲"}, true), {1},
                      [](std::size_t) -> Expected<std::unique_ptr<ProjectSource>> {
                          FAIL("a sheet after the broken one is opened");
                          return Error{"", ""};
                      });
    CHECK(read(broken, error) == std::vector<std::string>{"一/甲"});
    CHECK(error == "the sheet breaks here");
}
