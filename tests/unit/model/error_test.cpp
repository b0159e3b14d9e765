// Tests of Error::render: the place, then the message in the run's language (Chinese first by default).
#include <catch2/catch.hpp>

#include "perf_check/expected.hpp"

using namespace perf_check;

TEST_CASE("Error::render puts the Chinese of an \"English (中文)\" message first, or leaves it out in English",
          "[error]") {
    // A review found unreadable files and unwritable outputs said in English first in a Chinese run.
    const Error empty{"file is empty (文件为空：请确认导出了表格内容)", "a.csv"};
    CHECK(empty.render() == "a.csv: 文件为空：请确认导出了表格内容（file is empty）");
    CHECK(empty.render(Lang::zh) == empty.render());
    CHECK(empty.render(Lang::en) == "a.csv: file is empty");

    // An English aside earlier in the message stays in the English.
    const Error zip{"cannot read as .xlsx (Not a zip archive); save it again (文件已损坏：请重新另存为 .xlsx)",
                    "b.xlsx", 3};
    CHECK(zip.render() ==
          "b.xlsx:3: 文件已损坏：请重新另存为 .xlsx（cannot read as .xlsx (Not a zip archive); save it again）");
    CHECK(zip.render(Lang::en) == "b.xlsx:3: cannot read as .xlsx (Not a zip archive); save it again");

    // Messages of another shape are as written: English only, an English aside last, Chinese only, brackets
    // inside the Chinese.
    for (const char* as_is :
         {"file not found", "cannot read (Not a zip archive)", "找不到文件", "(只有括号)", "bad (unbalanced", "x )"}) {
        INFO(as_is);
        CHECK(Error{as_is, {}}.render() == as_is);
        CHECK(Error{as_is, {}}.render(Lang::en) == as_is);
    }
    // A Chinese bracket may start with ASCII (WPS, .et): its full-width colon says it is the Chinese.
    const Error et{"a WPS .et file: save it as .xlsx (WPS 表格 .et 格式不受支持：请另存为 .xlsx)", "b.et"};
    CHECK(et.render() == "b.et: WPS 表格 .et 格式不受支持：请另存为 .xlsx（a WPS .et file: save it as .xlsx）");
    CHECK(et.render(Lang::en) == "b.et: a WPS .et file: save it as .xlsx");
    const Error nested{"too many columns (行内列数超过上限（16384）：请检查分隔符)", {}};
    CHECK(nested.render() == "行内列数超过上限（16384）：请检查分隔符（too many columns）");
}
