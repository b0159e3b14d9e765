// The run, as one readable sequence of stages. Each stage is a free function in its own module.
#include "pipeline/pipeline.hpp"
#include "pipeline/commands.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>
#include <new>
#include <numeric>
#include <sstream>
#include <thread>

#include "config/rule_set_loader.hpp"
#include "io/actuals_file.hpp"
#include "io/open_table.hpp"
#include "io/table_assembler.hpp"
#include "monitor/monitor.hpp"
#include "pipeline/in_order_pool.hpp"
#include "pipeline/ordered_delivery.hpp"
#include "pipeline/score_pool.hpp"
#include "pipeline/spool.hpp"
#include "report/baseline.hpp"
#include "report/build.hpp"
#include "report/reporters.hpp"
#include "rules/actual_unmatched.hpp"
#include "rules/bad_cell.hpp"
#include "scoring/scorer.hpp"
#include "util/address_limit.hpp"
#include "util/fatal.hpp"
#include "util/text.hpp"

namespace perf_check::pipeline {

namespace {

// Stamps rule id, severity and file on what a rule reports.
class StampingSink final : public FindingSink {
public:
    StampingSink(std::vector<Finding>& out, const std::string& file, bool english)
        : m_out(out), m_file(file), m_english(english) {}
    void use(const rules::ActiveRule& rule) { m_rule = &rule; }
    [[nodiscard]] bool wants_english() const override { return m_english; }
    void add(Finding&& f) override {
        f.rule = m_rule->entry->id;
        f.severity = m_rule->severity;
        if (f.loc.file.empty()) f.loc.file = m_file;
        m_out.push_back(std::move(f));
    }

private:
    std::vector<Finding>& m_out;
    const std::string& m_file;
    bool m_english;
    const rules::ActiveRule* m_rule = nullptr;
};

// One output's share of a file rendered ahead.
struct Spool {
    SpoolFile findings;
    SpoolFile scores;
};

// What one project (or a file's table-level checks) contributes. Its findings stay where the rules put
// them and are listed through `order`: sorting them in place moved each (a dozen strings) once more.
// When the outputs render ahead and the file's turn has not come, the worker has written the findings
// of this file and the score to the file's spools and left their `counts`; `findings` then holds only
// those placed in another file.
struct ProjectResult {
    int indicators = 0;
    std::vector<Finding> findings;
    std::vector<std::uint32_t> order;  ///< every position in `findings`, in report order
    std::vector<report::FindingCounts> counts;
    std::optional<report::ProjectStat> stat;
    // Boxed: a check without scores or progress leaves them out, and a result waiting for its file's turn
    // (thousands of them, behind a big file) took 830 bytes with them in place, and about 290 now.
    std::unique_ptr<ProjectScore> score;
    std::unique_ptr<ProjectProgress> progress;
    /// Set when the outputs render ahead but this result was not (its file's turn had come): the file's
    /// spools, whose results came before it, for the collector to write out first.
    std::vector<Spool>* spooled_before = nullptr;
};

// A file's end: its entry in the report and, when its outputs rendered ahead, its spools (one per output).
struct FileEnd {
    FileResult result;
    std::vector<Spool> spools;
};

ScorePool& score_pool() {
    thread_local ScorePool pool;
    return pool;
}

// Renders a result's own findings and its score on the worker thread, for every output, into the
// file's spools: delivering the file in order is then only a copy of bytes.
void render_ahead(ProjectResult& r, const std::string& path, const std::vector<ReportStream*>& streams,
                  std::vector<Spool>& spools) {
    if (streams.empty()) return;
    std::vector<Finding> own;
    std::vector<Finding> elsewhere;
    own.reserve(r.findings.size());
    for (const std::uint32_t i : r.order) {
        Finding& f = r.findings[i];
        (f.loc.file == path ? own : elsewhere).push_back(std::move(f));
    }
    r.counts = report::count_findings(own);
    thread_local Rendered rendered;  // its strings keep their room from project to project
    for (std::size_t k = 0; k < streams.size(); ++k) {
        streams[k]->render(own, r.score.get(), rendered);
        spools[k].findings.add(rendered.findings);
        spools[k].scores.add(rendered.scores);
    }
    r.findings = std::move(elsewhere);
    r.order.resize(r.findings.size());
    std::iota(r.order.begin(), r.order.end(), std::uint32_t{0});
    score_pool().give(std::move(r.score));
}

// Receives results in final order (one thread at a time): counts the summary, and either streams
// findings and scores to the outputs or keeps them in the report.
class Collector {
public:
    Collector(Report& report, const std::vector<ReportStream*>& streams, Decimal key_threshold, bool key_projects)
        : m_report(report), m_streams(streams), m_summary(key_threshold, key_projects, report.with_summary) {}

    void project(ProjectResult&& r, const std::string& file) {
        announce(file);
        if (r.spooled_before) append_spooled(*r.spooled_before);
        for (const std::uint32_t i : r.order) {
            Finding& f = r.findings[i];
            // A finding placed in another file (a row of the actuals file) is reported with that file,
            // which comes after every input: hold it until the end.
            if (f.loc.file != file) m_deferred.push_back(std::move(f));
            else deliver(std::move(f));
        }
        for (const auto& c : r.counts) m_summary.add_counts(c, file);
        if (r.stat) m_summary.add_project(*r.stat);
        if (r.score) {
            if (m_streams.empty()) {
                m_report.scores.push_back(std::move(*r.score));  // kept: nothing is left to write over
            } else {
                for (auto* s : m_streams) s->score(*r.score);
                score_pool().give(std::move(r.score));
            }
        }
        if (r.progress) m_report.progress.push_back(std::move(*r.progress));
    }

    // The actuals file, listed after every input (never one of them: expand_inputs leaves it out): its
    // findings (deferred) come in finish(), which ends it.
    void file(FileResult&& result) {
        announce(result.path);
        m_report.files.push_back(std::move(result));
        m_actuals_open = true;
    }

    // An input file's end: what its worker spooled goes out first, in output order.
    void file(FileEnd&& end) {
        announce(end.result.path);
        append_spooled(end.spools);
        for (auto* s : m_streams) s->end_file(end.result);
        m_report.files.push_back(std::move(end.result));
    }

    // Deferred findings and a final sort: the report's order is the one report::finding_before defines.
    // The deferred findings come after everything else, in their own order, streamed or kept: even when
    // the actuals file is also an input, its late findings belong to its second entry, the last.
    void finish(std::vector<Finding> late) {
        const report::FileOrder order(m_report.files);
        if (m_streams.empty()) report::sort_findings(m_report.findings, order);
        std::move(late.begin(), late.end(), std::back_inserter(m_deferred));
        report::sort_findings(m_deferred, order);
        for (auto& f : m_deferred) deliver(std::move(f));
        m_deferred.clear();
        if (m_actuals_open) {
            for (auto* s : m_streams) s->end_file(m_report.files.back());
        }
        m_report.summary = m_summary.finish(m_report.files);
    }

private:
    // Streams learn of each file before its findings (inputs and the actuals file are distinct paths:
    // expand_inputs).
    void announce(const std::string& path) {
        if (m_announced && *m_announced == path) return;
        m_announced = path;
        for (auto* s : m_streams) s->begin_file(path);
    }
    // What a file's worker rendered ahead and has not been written yet, in output order; the spools are
    // then empty.
    void append_spooled(std::vector<Spool>& spools) {
        for (std::size_t k = 0; k < spools.size(); ++k) {
            Spool& spool = spools[k];
            if (!spool.findings.any() && !spool.scores.any()) continue;
            m_streams[k]->append_spooled(spool.findings.rewound(), spool.scores.rewound());
            spool.findings.restart();
            spool.scores.restart();
        }
    }
    void deliver(Finding&& f) {
        m_summary.add_finding(f);
        for (auto* s : m_streams) s->finding(f);
        if (m_streams.empty()) m_report.findings.push_back(std::move(f));
    }

    Report& m_report;
    const std::vector<ReportStream*>& m_streams;
    report::SummaryBuilder m_summary;
    std::vector<Finding> m_deferred;
    std::optional<std::string> m_announced;
    bool m_actuals_open = false;
};

// Consecutive results of one file, tagged with the file's path for the collector.
struct PathResult {
    std::string path;
    std::vector<ProjectResult> results;
};
using OrderedResults = OrderedDelivery<PathResult, FileEnd>;

// A worker hands its results on in batches: one lock per batch, not per project. Two workers taking
// one lock some fifteen thousand times a second each collide often enough to spend a tenth of a -j 2
// run asleep on it. A run's only worker takes the lock alone: it hands each result on as it comes
// (FileThreads::batch).
class ResultBatch {
public:
    ResultBatch(OrderedResults& results, std::size_t index, const std::string& path, std::size_t size)
        : m_results(results), m_index(index), m_size(std::max<std::size_t>(1, size)), m_batch{path, {}} {}
    void add(ProjectResult&& r) {
        // Room for a whole batch at once: grown as results came, a batch took seven allocations and
        // moved 63 results from one to the next.
        if (m_batch.results.empty()) m_batch.results.reserve(m_size);
        m_batch.results.push_back(std::move(r));
        // Once the file's turn has come its results are written on this thread as they come, like a run's
        // only worker's: the other workers queue theirs rendered, so they seldom want the lock, and the
        // strings a result frees are the next project's (FileThreads::batch).
        if (m_batch.results.size() >= m_size || m_results.is_head(m_index)) flush();
    }
    void flush() {
        if (m_batch.results.empty()) return;
        PathResult full{m_batch.path, {}};
        full.results.swap(m_batch.results);
        m_results.add(m_index, std::move(full));
    }

private:
    OrderedResults& m_results;
    std::size_t m_index;
    std::size_t m_size;
    PathResult m_batch;
};

// Results held for later files are bounded (findings + projects, ~50–100 MB; rendered ones are
// spooled): past it a worker waits for its file's turn rather than letting memory grow with a big file
// checked behind another big one.
constexpr std::size_t k_max_waiting_results = 100000;

// Every active rule's findings of one check (a table's header, or one project), stamped, in the order
// the rules made them (put_in_order lists them in report order).
template <class Check>
std::vector<Finding> run_rules(const std::vector<const rules::ActiveRule*>& active, const std::string& path, Lang lang,
                               Check check) {
    // The rules' findings gather in this thread's buffer, which keeps its room from check to check: a
    // project without findings (most, on real tables) allocates nothing, and none regrows moving findings
    // around. (A vector per project with room for 8 cost 3 KB each, mostly unused, and regrew past 8.)
    thread_local std::vector<Finding> gathered;
    gathered.clear();  // after a check cut short by running out of memory
    StampingSink sink(gathered, path, lang == Lang::en);
    for (const auto* r : active) {
        sink.use(*r);
        check(*r->rule, sink);
    }
    std::vector<Finding> findings;
    const std::size_t room = gathered.capacity();
    // A check with very many findings (a sheet of unreadable cells) does not leave its room held by the
    // thread for the rest of the run.
    constexpr std::size_t k_room_kept = 256;
    if (4 * gathered.size() >= room && room <= k_room_kept) {
        // A quarter full or more (the usual project with findings): the buffer itself is handed on, no
        // finding moved, and the thread takes a new one of the same room. A result waiting in a queue
        // then holds at most four times the room its findings take (a vector of 8 per project, the
        // earlier way, held 3 KB for none).
        findings.swap(gathered);
        gathered.reserve(room);
    } else {
        // Mostly empty room is not handed on to wait in a queue: the findings move to a vector of their
        // exact number.
        findings.reserve(gathered.size());
        std::move(gathered.begin(), gathered.end(), std::back_inserter(findings));
        gathered.clear();
        if (room > k_room_kept) std::vector<Finding>().swap(gathered);
    }
    return findings;
}

// Lists `r`'s findings in report order: within one file that is row, column, rule, message.
void put_in_order(ProjectResult& r) {
    r.order = report::report_order(r.findings, [](const std::string&) { return std::size_t{0}; });
}

// Whether `project` has funds to read or review: a 资金总额 column, or a target table (its indicators have
// targets) that lacks one — its projects are then listed for review, where they dropped out of the
// key-evaluation list unsaid. An actuals or progress file checked as a table has neither.
bool has_funds_column(const Project& project) {
    if (project.funds.loc.column > 0 || !project.funds.empty()) return true;
    return std::any_of(project.indicators.begin(), project.indicators.end(),
                       [](const Indicator& ind) { return ind.target.loc.column > 0; });
}

// Every rule on one project, with its score and progress when the run asks for them, and its line of
// the key-evaluation list: what one project contributes, whichever thread checks it.
ProjectResult check_project(const Project& project, std::size_t index, const std::string& path,
                            const RunOptions& options, const RuleSet& rules,
                            const std::vector<const rules::ActiveRule*>& active) {
    ProjectResult r;
    r.indicators = static_cast<int>(project.indicators.size());
    r.findings =
        run_rules(active, path, options.lang, [&](const Rule& rule, FindingSink& sink) { rule.check(project, sink); });
    // A cell that could not be read at all is said once, by bad-cell, not again as "empty" by every rule
    // that reads it.
    rules::drop_explained_findings(project, r.findings);
    // After the drop, which keeps the others in their order: the order is the one sorting first gave.
    put_in_order(r);
    if (options.score) {
        r.score = score_pool().take();
        scoring::score_project_into(project, rules, scoring::steps_for(options.lang), *r.score);
    }
    if (options.monitor) r.progress = std::make_unique<ProjectProgress>(monitor::analyse_project(project, rules));
    const std::string_view name = project.name.shown();
    int own = 0;  // findings under this project's business key, for the key-evaluation list
    for (const auto& f : r.findings) {
        if (f.loc.file == path && f.project_code == project.code.text && f.project == name) ++own;
    }
    // Filled in place: built aside and moved in, its four strings were each moved once more per project.
    report::ProjectStat& stat = r.stat.emplace();
    stat.file_index = index;
    stat.file = path;
    stat.sheet = project.sheet;
    stat.implementer = project.implementer;
    stat.code = project.code.text;
    stat.name = name;
    stat.funds_wan = project.funds_wan;
    stat.findings = own;
    stat.funds_text = project.funds.as_read();
    stat.funds_column = has_funds_column(project);
    stat.repeats = project.repeats_row > 0;
    // A national form without a code is one project per file, told from another unit's form of the same name
    // (three health centres' 基本公共卫生服务补助) by its funds, as a namesake is.
    stat.namesake = project.namesake_row > 0 || (project.form && project.code.empty());
    return r;
}

using CheckProject = std::function<ProjectResult(const Project&)>;
using HandOn = std::function<void(ProjectResult&&)>;

// A file's projects read, checked and handed on one at a time, on this thread (-j 1, as many files as
// threads, or a source that cannot be split). Actuals from a separate file join each project before
// its rules, so the self-evaluation rules see them. Returns why reading stopped early, if it did.
std::optional<Error> read_in_turn(ProjectSource& source, io::ActualsIndex* actuals, const CheckProject& check,
                                  const HandOn& hand_on) {
    Project project;
    while (true) {
        auto more = source.next(project);
        if (!more) return more.error();
        if (!*more) return std::nullopt;
        if (actuals) actuals->apply(project);
        hand_on(check(project));
    }
}

// The same with `checkers` threads besides this one, for a table (CSV or spreadsheet) read alone or
// with threads to spare: this thread reads rows and groups them into projects (in file order: where a
// project starts depends on the rows before), the checkers assemble, normalise and check chunks of
// them, and the results are handed on in read order, as read_in_turn would. What crosses between
// threads is the rows' text; each checker assembles into its own project, refilled in place as
// read_in_turn refills its one. (Handing over assembled projects instead, 24 KB of cells each, cost
// more CPU in cache traffic than the second core gave.) A bounded number of chunks in flight: memory
// stays flat.
std::optional<Error> read_in_chunks(io::TableProjectSource& source, const CheckProject& check, const HandOn& hand_on,
                                    const std::function<void()>& chunk_handed_on, std::size_t checkers) {
    using Chunk = std::vector<io::ProjectDraft>;
    struct Checked {
        std::vector<ProjectResult> results;
        bool out_of_memory = false;  ///< the chunk could not be done: it and every later one are dropped
    };
    // About a millisecond of work per chunk: few hand-overs, yet every checker busy on a small file.
    constexpr std::size_t k_chunk = 32;
    // Chunks read ahead, checked and waiting to go on: 16 per checker lets the others run ahead while
    // one is off its core (a busy neighbour on the VM, or another program on a desktop). With 2 per
    // checker, a loop keeping one of two cores busy made -j 2 slower than -j 1 (2.06 s against 1.76 s
    // on the benchmark's table); with 16, 1.57 s. Memory: 24 MiB peak on the 1 GB table at -j 2.
    constexpr std::size_t k_chunks_in_flight_per_checker = 16;
    // Memory running out on a checker (each assembles its own copy of a project: an oversized cell
    // costs it as much again as the reader) fails the file as it would on this thread: what was handed
    // on before stays, the rest is dropped, reading stops, and process_file says why.
    std::atomic<bool> out_of_memory{false};
    InOrderPool<Chunk, Checked> pool(
        checkers, k_chunks_in_flight_per_checker * checkers,
        [&](Chunk& chunk) {
            thread_local Project project;  // this checker's, refilled from chunk to chunk
            Checked out;
            if (out_of_memory) return out;  // dropped at delivery anyway
            try {
                out.results.reserve(chunk.size());
                for (const auto& draft : chunk) {
                    source.assemble(draft, project);
                    out.results.push_back(check(project));
                }
            } catch (const std::bad_alloc&) {
                out.results = std::vector<ProjectResult>();
                out.out_of_memory = true;
                out_of_memory = true;
            }
            return out;
        },
        [&, dropping = false](Checked&& checked) mutable {  // deliveries come one at a time, in order
            dropping = dropping || checked.out_of_memory;
            if (dropping) return;
            try {
                for (auto& r : checked.results) hand_on(std::move(r));
                chunk_handed_on();
            } catch (const std::bad_alloc&) {
                dropping = true;
                out_of_memory = true;
            }
        });
    std::optional<Error> error;
    bool more = true;
    while (more && !out_of_memory) {
        Chunk chunk = pool.spare().value_or(Chunk{});
        chunk.resize(k_chunk);
        std::size_t filled = 0;
        for (; filled < k_chunk; ++filled) {
            auto got = source.next_draft(chunk[filled]);
            if (!got) error = got.error();
            if (!got || !*got) {
                more = false;
                break;
            }
        }
        // A project cut short by an error is not checked (read_in_turn drops it too).
        chunk.resize(filled);
        if (!chunk.empty()) pool.submit(std::move(chunk));
    }
    pool.finish();
    if (out_of_memory) throw std::bad_alloc();  // process_file's, as if it had happened on this thread
    return error;
}

// `checked`: the projects handed on before memory ran out (the one being read or checked then, and
// any read ahead with it, are not among them).
Error out_of_memory(const std::string& path, std::size_t checked) {
    return Error{"out of memory while reading or checking this file (" + std::to_string(checked) +
                     " of its projects were checked before that): look for an oversized cell or sheet, split the "
                     "file, run with -j 1, or allow more memory "
                     "(读取或检查此文件时内存不足：请检查是否有异常大的单元格或工作表，"
                     "拆分文件，使用 -j 1，或增加可用内存后重试)",
                 path};
}

// How a file's work is shared out.
struct FileThreads {
    std::size_t checkers = 0;  ///< threads checking its projects while its worker reads (read_in_chunks)
    /// Results handed to the collector at once (ResultBatch): many when other files' workers take its
    /// lock too; one for a run's only worker, whose results then go out, their strings freed, before
    /// the next project's are made, which reuse them (64 projects' strings freed at once overflowed
    /// malloc's per-thread cache: scoring took 4.6% more instructions, checking 1%).
    std::size_t batch = 1;
};

void process_file(const std::string& path, std::size_t index, const RunOptions& options, const RuleSet& rules,
                  const std::vector<rules::ActiveRule>& active, io::ActualsIndex* actuals,
                  const std::vector<ReportStream*>& render_with, const FileThreads& threads, OrderedResults& results) {
    FileEnd end;
    end.spools.resize(render_with.size());
    FileResult& file = end.result;
    file.path = path;
    // Memory running out while this file is read (an oversized cell or sheet under a tight limit) fails
    // this file, not the batch: what was taken is freed as the exception unwinds.
    auto source = [&]() -> Expected<std::unique_ptr<ProjectSource>> {
        try {
            io::ReadOptions read = options.read;
            // A score run with no actuals file scores a self-evaluation: a workbook's 自评表 before its 目标表.
            read.prefer_self_evaluation = options.score && actuals == nullptr;
            return io::open_table(path, read, rules);
        } catch (const std::bad_alloc&) {
            return out_of_memory(path, 0);
        }
    }();
    if (!source) {
        file.error = source.error().render(options.lang);
        results.finish(index, std::move(end));
        return;
    }
    const TableInfo& table = (*source)->table();
    file.encoding = table.encoding;
    if (!table.sheet.empty()) {
        file.sheets.push_back(table.sheet);
        for (const auto* names : {&table.more_sheets, &table.other_table_sheets})
            file.sheets.insert(file.sheets.end(), names->begin(), names->end());
        for (const auto& u : table.unreadable_sheets) file.sheets.push_back(u.name);
        file.one_sheet = !options.read.sheet.empty();
    }
    // Scoring a target table that has no self-evaluation columns would give every project 0 without a
    // word. (Canonical JSON has no header row; its actuals are per indicator.)
    if (options.score && !actuals && table.header_row > 0 && !table.self_evaluation) {
        file.error =
            Error{
                "nothing to score: the table has no 实际完成值 / 全年执行数 / 得分 column "
                "(表中没有实际完成值列：请使用自评表，或用 --actuals 指定实际完成值文件)",
                path, table.header_row}
                .render(options.lang);
        results.finish(index, std::move(end));
        return;
    }
    ResultBatch batch(results, index, path, threads.batch);
    // With outputs that render ahead, a result waiting for its file's turn is rendered into the file's
    // spools. Once the turn has come, results go to the outputs as they are: the collector writes them on
    // this thread (OrderedDelivery::is_head), after what was spooled. Spooling every file whole cost a
    // write to a temporary file, a read back and a copy of the head file's report too.
    auto pass_on = [&](ProjectResult& r) {
        if (render_with.empty()) return;
        if (results.is_head(index))
            r.spooled_before = &end.spools;
        else
            render_ahead(r, path, render_with, end.spools);
    };
    // A missing column is said once (missing-column), not again by every rule that reads it on every
    // project (CatalogEntry::reads).
    const std::vector<const rules::ActiveRule*> judging = rules::rules_for_table(active, table.missing_columns);
    // Table-level problems (missing columns) first: they explain any project-level noise that follows.
    {
        ProjectResult head;
        head.findings = run_rules(judging, path, options.lang,
                                  [&](const Rule& rule, FindingSink& sink) { rule.check_table(table, sink); });
        put_in_order(head);
        pass_on(head);
        batch.add(std::move(head));
    }
    // Stream: each project is checked and handed on before the next is read; or, with threads to spare
    // for this file, checked on them in chunks while this thread reads on (read_in_chunks).
    auto check = [&](const Project& project) { return check_project(project, index, path, options, rules, judging); };
    auto hand_on = [&](ProjectResult&& r) {
        ++file.projects;
        file.indicators += r.indicators;
        pass_on(r);
        batch.add(std::move(r));
    };
    // Actuals from a separate file join projects in file order on one thread (the index marks what
    // matched): such runs read in turn.
    auto* table_source = dynamic_cast<io::TableProjectSource*>(source->get());
    const bool split = threads.checkers > 1 && table_source && !actuals;
    // Each chunk's results go on at once, from the thread that made them (see InOrderPool).
    std::optional<Error> read_error;
    try {
        read_error = split ? read_in_chunks(
                                 *table_source, check, hand_on, [&] { batch.flush(); }, threads.checkers)
                           : read_in_turn(**source, actuals, check, hand_on);
    } catch (const std::bad_alloc&) {
        read_error = out_of_memory(path, file.projects);
    }
    if (read_error) file.error = read_error->render(options.lang);
    batch.flush();
    for (auto& spool : end.spools) {
        if (!file.error && (spool.findings.failed() || spool.scores.failed())) {
            file.error =
                Error{
                    "could not write this file's findings to a temporary file while waiting for its turn "
                    "(is $TMPDIR full or read-only?); run with -j 1, or free space there "
                    "(临时文件写入失败：请检查 $TMPDIR 的空间和权限，或使用 -j 1)",
                    path}
                    .render(options.lang);
        }
    }
    // A header with no project under it is not a clean table: it is an empty one (a cut-off export, or
    // rows pasted into another sheet). Without a header, missing-column has already said why.
    if (!file.error && file.projects == 0 && table.header_row > 0 && table.missing_columns.empty()) {
        file.error = Error{"no project rows below the header (row " + std::to_string(table.header_row) +
                               ") (表头下没有项目数据行：请检查是否漏复制了数据，或选择了错误的工作表 --sheet)",
                           path, table.header_row}
                         .render(options.lang);
    }
    results.finish(index, std::move(end));
}

// Projects of the actuals file that matched no target project are findings too: never a silent zero.
std::vector<Finding> unused_actuals(const io::ActualsIndex& actuals, const std::vector<rules::ActiveRule>& active,
                                    bool progress) {
    std::vector<Finding> out;
    for (const auto& r : active) {
        if (std::string_view(r.entry->id) != "actual-unmatched") continue;
        for (const auto& p : actuals.unused()) {
            Finding f = rules::unmatched_actuals_project(p, progress);
            f.rule = r.entry->id;
            f.severity = r.severity;
            f.loc.file = actuals.file();
            out.push_back(std::move(f));
        }
    }
    return out;
}

}  // namespace

namespace {

// Files the run reads or writes as something other than a table, which a directory being checked
// leaves out: the actuals or progress file and the baselines kept beside the tables, and (with
// `outputs`) the reports. run() has refused an output that was already there as a table, so the reports
// left out are the files this run has just created (`perf-check d/ -o d/report.json` must not read its
// own emptied report as a table).
std::vector<std::string> not_tables(const RunOptions& options, bool outputs) {
    std::vector<std::string> out;
    for (const std::string* path : {&options.actuals_path, &options.baseline_path, &options.update_baseline_path}) {
        if (!path->empty()) out.push_back(*path);
    }
    if (!outputs) return out;
    for (const auto& target : options.reports) {
        if (!is_standard_output(target.path)) out.push_back(target.path);
    }
    return out;
}

}  // namespace

Report check_inputs(const RunOptions& options, const RuleSet& rules, const std::vector<rules::ActiveRule>& active,
                    io::ActualsIndex* actuals, const std::vector<ReportStream*>& streams) {
    Report report;
    report.lang = options.lang;
    report.with_summary = options.summary;
    report.scoring = options.score;
    if (options.monitor) report.as_of = rules.monitoring.as_of;
    // The actuals (or progress) file is listed once, as such, even when it sits among the tables; the
    // reports and baselines are no tables at all (an output named as a table was refused by run()).
    std::vector<std::string> besides = not_tables(options, true);
    if (actuals) besides.push_back(actuals->file());
    const auto inputs = io::expand_inputs(options.paths, besides);
    const bool key_projects =
        options.summary || streams.empty() ||
        std::any_of(streams.begin(), streams.end(), [](const ReportStream* s) { return s->needs_key_projects(); });
    Collector collector(report, streams, rules.key_evaluation_threshold_wan, key_projects);
    OrderedResults results(
        inputs.size(), k_max_waiting_results, [&](PathResult&& batch) {
            for (auto& r : batch.results) collector.project(std::move(r), batch.path);
        },
        [&](FileEnd&& f) { collector.file(std::move(f)); },
        [](const PathResult& batch) {
            std::size_t weight = 0;
            for (const auto& r : batch.results) weight += r.findings.size() + 1;
            return weight;
        });
    // Files are independent: check them on all cores; OrderedResults keeps the report in input order.
    const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
    // Under `ulimit -v` no more threads than the limit has room for (util/address_limit.hpp says why).
    const std::size_t jobs =
        util::threads_within(util::address_space_limit(), options.jobs == 0 ? cores : options.jobs);
    const auto workers = std::min<std::size_t>(jobs, std::max<std::size_t>(1, inputs.size()));
    // Threads left over when there are fewer files than -j (one big table, say) check each file's
    // projects while its worker reads on: both cores busy on a province's single export. No more per
    // file than there are cores (reading is about a sixth of the work: with as many checkers as cores,
    // the reader fills the gaps); -j beyond that only sets how many files go side by side.
    const FileThreads threads{std::min<std::size_t>(jobs / workers, cores), workers > 1 ? 64U : 1U};
    // With more than one worker, outputs that can render ahead do it on the workers (all of them, or
    // none: then the collector writes), into each file's spools: what waits for its turn is bytes in
    // temporary files, not objects in memory, and the thread delivering it only copies them. One
    // worker writes straight through.
    const bool ahead = workers > 1 && !streams.empty() &&
                       std::all_of(streams.begin(), streams.end(), [](const ReportStream* s) { return s->renders(); });
    const std::vector<ReportStream*> render_with = ahead ? streams : std::vector<ReportStream*>{};
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < inputs.size(); i = next++) {
            process_file(inputs[i], i, options, rules, active, actuals, render_with, threads, results);
        }
    };
    // The threads the system grants take every file between them; with none, this thread does.
    std::vector<std::thread> pool = util::start_threads(workers > 1 ? workers : 0, work);
    if (pool.empty()) work();
    for (auto& t : pool) t.join();
    std::vector<Finding> late;
    if (actuals) {
        // The actuals file is an input of the run: list it so its findings have a file to belong to.
        collector.file(FileResult{actuals->file(), "", 0, 0, std::nullopt,
                                  options.monitor ? FileRole::progress : FileRole::actuals});
        late = unused_actuals(*actuals, active, options.monitor);
    }
    collector.finish(std::move(late));
    return report;
}

int exit_code(const Report& report, const RunOptions& options) {
    for (const auto& f : report.files) {
        if (f.error) return k_exit_failed;
    }
    if (!options.fail_on) return k_exit_clean;
    // The summary counts what was reported (after any baseline), streamed or kept.
    const Summary& s = report.summary;
    const int at_or_above = s.errors + (*options.fail_on <= Severity::warning ? s.warnings : 0) +
                            (*options.fail_on <= Severity::info ? s.infos : 0);
    return at_or_above > 0 ? k_exit_findings : k_exit_clean;
}

bool written_whole(std::ostream& out, const std::string& name, std::ostream& err, Lang lang) {
    if (out.flush()) return true;
    const std::string en = name.empty() ? "standard output" : name;
    const std::string zh = name.empty() ? "标准输出" : name;
    err << "perf-check: "
        << Error{"cannot write " + en + " (未能完整写出" + zh + "：请检查输出位置和 $TMPDIR 的磁盘空间与写入权限)", {}}
               .render(lang)
        << '\n';
    return false;
}

bool is_standard_output(const std::string& path) {
    return path.empty() || path == "-";
}

namespace {

// `p` absolute, symbolic links and `..` resolved as far as it exists; `ec` set when that fails.
std::filesystem::path normal_path(const std::string& p, std::error_code& ec) {
    const auto absolute = std::filesystem::absolute(p, ec);
    return ec ? std::filesystem::path() : std::filesystem::weakly_canonical(absolute, ec);
}

// Same file: one file under two names (a link, a hard link, ./t.csv and t.csv), or, for a path that does
// not exist yet, the same normalised path.
bool same_file(const std::string& a, const std::string& b) {
    std::error_code ec;
    if (std::filesystem::equivalent(a, b, ec)) return true;
    const auto na = normal_path(a, ec);
    if (ec) return false;
    const auto nb = normal_path(b, ec);
    return !ec && na == nb;
}

}  // namespace

std::optional<std::string> output_clash(const std::vector<std::string>& outputs, const std::vector<InputFile>& inputs) {
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        const std::string& out = outputs[i];
        if (is_standard_output(out)) continue;
        for (const auto& in : inputs) {
            if (in.path.empty() || !same_file(out, in.path)) continue;
            return "the output " + out + " is " + in.role + " (" + in.path +
                   "): writing it would overwrite what is to be read; choose another output path, outside the "
                   "directories being checked (输出文件就是要读取的文件，写入会把它覆盖：请换一个输出路径，"
                   "不要放在被检查的目录中)";
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (is_standard_output(outputs[j]) || !same_file(out, outputs[j])) continue;
            return "two outputs go to " + out +
                   ": each would overwrite the other; give each its own path "
                   "(两个输出写到同一个文件，会互相覆盖：请分别指定输出路径)";
        }
    }
    return std::nullopt;
}

std::optional<std::string> output_in_checked_directory(const std::vector<std::string>& outputs,
                                                       const std::vector<std::string>& paths) {
    for (const auto& dir : paths) {
        std::error_code ec;
        if (!std::filesystem::is_directory(dir, ec)) continue;
        const auto root = normal_path(dir, ec);
        if (ec) continue;
        for (const auto& out : outputs) {
            if (is_standard_output(out) || !io::is_table_file_name(out)) continue;
            const auto rel = normal_path(out, ec).lexically_relative(root);
            if (ec || rel.empty() || *rel.begin() == "..") continue;
            return "the output " + out + " is inside " + dir +
                   ", a directory being checked: its tables would include it; write it outside the directory "
                   "(输出文件位于被检查的目录中，会被当作表格读取：请写到该目录之外)";
        }
    }
    return std::nullopt;
}

int run(const RunOptions& options, std::ostream& out, std::ostream& err) {
    // 1. The rule set: compiled-in default, or --rules (an error there stops the run: exit 2).
    RuleSet loaded;
    const RuleSet* rules = &config::default_rule_set();
    if (!options.rules_path.empty()) {
        auto r = config::load_rule_set_file(options.rules_path);
        if (!r) {
            write_rule_set_error(options.rules_path, r.error(), err);
            return k_exit_failed;
        }
        loaded = std::move(*r);
        rules = &loaded;
    }
    // A monitor run reads values to date where a self-evaluation has year-end actuals: the monitoring
    // rules judge them, the self-evaluation rules must not; outside monitoring it is the other way round.
    // A score run scores every project: one with no actuals at all is reported, not a silent 0.
    RuleSet adjusted;
    if (options.monitor || options.score) {
        adjusted = *rules;
        adjusted.monitoring.as_of = options.monitor ? options.as_of : std::string();
        adjusted.scoring.every_project_scored = options.score;
        rules = &adjusted;
    }
    auto active = rules::build_active_rules(*rules);
    if (!active) {
        err << "perf-check: " << active.error().render(options.lang) << '\n';
        return k_exit_failed;
    }
    const std::string_view skipped = options.monitor ? "self-evaluation" : "monitoring";
    active->erase(std::remove_if(active->begin(), active->end(),
                                 [&](const rules::ActiveRule& r) {
                                     // Progress rows that match nothing are as much a finding as unmatched actuals.
                                     return r.entry->category == skipped &&
                                            std::string_view(r.entry->id) != "actual-unmatched";
                                 }),
                  active->end());
    // 2. No output may be a file the run reads (opening it would empty it) or another output: said before
    // anything is read, so that this is the answer whatever else is wrong with the inputs.
    {
        std::vector<std::string> reports;
        for (const auto& target : options.reports) reports.push_back(target.path);
        std::vector<std::string> written = reports;
        written.push_back(options.update_baseline_path);
        std::vector<InputFile> read;
        // Every table as check_inputs will read it, outputs that are already there included: an output
        // must not overwrite a table, even one in a directory (a report of an earlier run left there
        // has to move, or the report go elsewhere). A file named as a table is one whatever else it is.
        for (const auto& path : options.paths) {
            std::error_code ec;
            if (!std::filesystem::is_directory(path, ec)) read.push_back({path, "a table to check"});
        }
        for (const auto& path : io::expand_inputs(options.paths, not_tables(options, false))) {
            read.push_back({path, "a table to check"});
        }
        read.push_back({options.actuals_path, options.monitor ? "the progress file" : "the actuals file"});
        read.push_back({options.rules_path, "the rule set"});
        // The baseline is read before the new one is written: --update-baseline may renew it in place.
        auto clash = output_clash(written, read);
        // Nor may an output with a table's file name go into a directory being checked.
        if (!clash) clash = output_in_checked_directory(written, options.paths);
        if (!clash) clash = output_clash(reports, {{options.baseline_path, "the baseline"}});
        if (clash) {
            err << "perf-check: " << *clash << '\n';
            return k_exit_failed;
        }
    }
    // 3. Actuals from a separate file (score --actuals), loaded once and joined onto every table.
    std::optional<io::ActualsIndex> actuals;
    if (!options.actuals_path.empty()) {
        auto loaded_actuals = io::ActualsIndex::load(options.actuals_path, options.read, *rules, options.monitor);
        if (!loaded_actuals) {
            err << "perf-check: " << loaded_actuals.error().render(options.lang) << '\n';
            return k_exit_failed;
        }
        actuals = std::move(*loaded_actuals);
        // A progress file given to score (or year-end actuals to monitor): read as asked, and said.
        const std::string other_kind =
            monitor::period_mismatch(options.monitor, actuals->spent_header(), actuals->actual_header());
        if (!other_kind.empty())
            err << "perf-check: " << Error{other_kind, actuals->file()}.render(options.lang) << '\n';
        // Values to date for a period the date disagrees with: every project's "behind" would be wrong unsaid.
        if (options.monitor) {
            if (const auto as_of = monitor::parse_date(options.as_of)) {
                const std::string said = monitor::as_of_disagreement(
                    actuals->spent_header(), *as_of, options.as_of_given,
                    monitor::year_in_name(std::filesystem::path(actuals->file()).filename().string()));
                if (!said.empty()) err << "perf-check: " << Error{said, actuals->file()}.render(options.lang) << '\n';
            }
        }
    }
    // 4. Outputs, opened before reading so that a path that cannot be written stops the run at once.
    struct Output {
        std::unique_ptr<Reporter> reporter;
        std::unique_ptr<std::ofstream> file;
        std::ostream* stream = nullptr;
        std::string path;  ///< "" for standard output
    };
    std::vector<Output> outputs;
    for (const auto& target : options.reports) {
        const auto* entry = report::find_reporter(target.format);
        if (!entry) {
            err << "perf-check: unknown format '" << target.format << "'\n";
            return k_exit_failed;
        }
        report::ReporterOptions ropts;
        const bool to_stdout = is_standard_output(target.path);
        ropts.colour = options.colour && to_stdout;
        ropts.fail_on = options.fail_on;
        Output o;
        o.reporter = entry->factory(ropts);
        if (to_stdout) {
            o.stream = &out;
        } else {
            o.file = std::make_unique<std::ofstream>(target.path, std::ios::binary);
            if (!*o.file) {
                err << "perf-check: "
                    << Error{"cannot write " + target.path + " (无法写入输出文件 " + target.path + ")", {}}.render(
                           options.lang)
                    << '\n';
                return k_exit_failed;
            }
            o.stream = o.file.get();
            o.path = target.path;
        }
        outputs.push_back(std::move(o));
    }
    // --summary asked of a format with no place for it (sarif, junit, gitlab, github annotations): said
    // once, before the run, with the formats that carry it, rather than dropped unsaid.
    // So are a score run's scores (score -f sarif once wrote findings only, with no word of the scores).
    if (options.summary || options.score) {
        std::vector<std::string> formats;
        for (const auto& target : options.reports) formats.push_back(target.format);
        if (options.summary) err << report::summary_not_carried(formats);
        if (options.score) err << report::scores_not_carried(formats);
    }
    // Formats that can be written as results arrive are, when nothing needs the whole report first
    // (baselines filter it, monitoring totals it): memory then stays flat on any number of projects.
    std::vector<std::unique_ptr<ReportStream>> streams;
    if (!options.monitor && options.baseline_path.empty() && options.update_baseline_path.empty() && options.stream) {
        for (const auto& o : outputs) {
            auto s = o.reporter->stream(*o.stream, options.lang, options.summary);
            if (!s) {
                streams.clear();
                break;
            }
            if (options.score) s->expect_scores();
            streams.push_back(std::move(s));
        }
    }
    std::vector<ReportStream*> stream_ptrs;
    for (const auto& s : streams) stream_ptrs.push_back(s.get());
    // 5. Read, check (and score) every input into one sorted report.
    Report report = check_inputs(options, *rules, *active, actuals ? &*actuals : nullptr, stream_ptrs);
    // A self-evaluation's own 实际完成值 that --actuals replaced with other values: scored as asked, and said.
    // (Each language whole: the cells quoted may hold brackets of their own.)
    if (actuals && !options.monitor) {
        if (const auto r = actuals->replaced(); r.count > 0) {
            const std::string n = std::to_string(r.count);
            const std::string row = std::to_string(r.row);
            if (options.lang == Lang::en) {
                err << "perf-check: " << n
                    << " actual value(s) filled in the table(s) were replaced by other values of " << actuals->file()
                    << ", as --actuals asks (the first: " << r.file << " row " << row << ", “" << r.indicator << "”: “"
                    << r.table_value << "” in the table, “" << r.file_value
                    << "” in the file); to score the table's, leave them out of the file\n";
            } else {
                err << "perf-check: 表中已填写的 " << n << " 个实际完成值按 --actuals 文件 " << actuals->file()
                    << " 中不同的值计分（如 " << r.file << " 第 " << row << " 行“" << r.indicator << "”：表中“"
                    << r.table_value << "”，文件中“" << r.file_value
                    << "”）；要按表中的值计分，请删去文件中的这些值或不用 --actuals\n";
            }
        }
    }
    if (!streams.empty()) {
        for (auto& s : streams) s->finish(report);
    } else {
        // Baselines: accept known findings (keyed by rule and business keys, never rows) and say what was
        // fixed. The old baseline is read before the new one is written: they may be one file.
        std::optional<report::Baseline> baseline;
        if (!options.baseline_path.empty()) {
            auto read = report::read_baseline(options.baseline_path);
            if (!read) {
                err << "perf-check: " << read.error().render(options.lang) << '\n';
                return k_exit_failed;
            }
            baseline = std::move(*read);
        }
        if (!options.update_baseline_path.empty()) {
            std::ofstream file(options.update_baseline_path, std::ios::binary);
            if (!file) {
                err << "perf-check: "
                    << Error{"cannot write " + options.update_baseline_path + " (无法写入基线文件 " +
                                 options.update_baseline_path + ")",
                             {}}
                           .render(options.lang)
                    << '\n';
                return k_exit_failed;
            }
            report::write_baseline(report, file);
            if (!written_whole(file, options.update_baseline_path, err, options.lang)) return k_exit_failed;
        }
        if (baseline) {
            const auto result = report::apply_baseline(report, *baseline);
            report::write_baseline_result(result, options.lang, err);
        }
        // 6. Render every requested output.
        for (const auto& o : outputs) o.reporter->write(report, *o.stream);
    }
    for (const auto& f : report.files) {
        if (f.error) err << "perf-check: " << *f.error << '\n';
    }
    // A report that could not be written whole (a full disk, a closed pipe, an xlsx workbook that could
    // not be assembled) fails the run: an exit code of 0 or 1 would vouch for a file that is cut short.
    bool written = true;
    for (const auto& o : outputs) {
        written = written_whole(*o.stream, o.path, err, options.lang) && written;
    }
    if (!written) return k_exit_failed;
    return exit_code(report, options);
}

}  // namespace perf_check::pipeline
