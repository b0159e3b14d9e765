// A streaming JSON writer: values go out as they are written, indented like `dump(2)`, so a report of
// any size is written without building a document in memory.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "report/output_buffer.hpp"
#include "util/temp_stream.hpp"

namespace perf_check::report {

/// Whether all of `text` can stand in a JSON string as it is (ASCII without anything to escape, and the
/// common three-byte characters: util::common_utf8_prefix_until(text, '"', '\\') == text.size()), found
/// while copying it to `out`: if so, `out` then holds it. `out` must have room for text.size() + 16
/// bytes; those past the text are scratch, and on false any of them may have been written.
bool copy_if_plain(std::string_view text, char* out);

/// An object key known when perf-check is built, checked then: printable ASCII without '"' or '\\', at
/// most 28 bytes (a literal that is not fails to compile). Kept with its closing `": ` in a fixed block, so
/// that writing one is a copy of that block: a report writes a key for every value, 1.7 million of them
/// in the scores of a 20 MB table, where checking and copying each one as a string was 5% of the run.
class JsonKey {
public:
    static constexpr std::size_t k_block = 32;
    static constexpr std::size_t k_max = k_block - 4;

    template <std::size_t N>
    consteval JsonKey(const char (&name)[N])  // NOLINT(google-explicit-constructor): written as a literal
        : m_size(N + 2) {
        // Not a constant expression, so not a program: a key that valid() refuses.
        if (!valid(name)) throw "a JSON key literal must be printable ASCII without \" or \\, at most 28 bytes";
        for (std::size_t i = 0; i + 1 < N; ++i) m_bytes[i] = name[i];
        m_bytes[N - 1] = '"';
        m_bytes[N] = ':';
        m_bytes[N + 1] = ' ';
    }
    /// Whether `name` can be a JsonKey: a terminated string of at most k_max printable ASCII bytes
    /// other than '"' and '\\', which JSON would escape.
    template <std::size_t N>
    static constexpr bool valid(const char (&name)[N]) {
        if (N < 1 || N - 1 > k_max || name[N - 1] != '\0') return false;
        for (std::size_t i = 0; i + 1 < N; ++i) {
            const char c = name[i];
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') return false;
        }
        return true;
    }
    /// The key, its closing quote, ':' and ' ', then zeros to the end of the block.
    [[nodiscard]] constexpr const char* block() const { return m_bytes; }
    /// How many of block()'s bytes are the key and its closing `": `.
    [[nodiscard]] constexpr std::size_t size() const { return m_size; }

private:
    char m_bytes[k_block] = {};
    std::size_t m_size;
};

/// Writes one JSON value to `out`, pretty-printed with two-space indentation. Strings are escaped as
/// JSON requires (", \, control characters); UTF-8 passes through unchanged, bytes that are not UTF-8
/// become U+FFFD. Output is buffered and
/// flushed in large blocks and at destruction. Misuse (a key outside an object) is a programming error.
class JsonWriter {
public:
    explicit JsonWriter(std::ostream& out);
    JsonWriter() = default;  ///< writes into memory only (see elements())
    /// A writer that continues an array opened elsewhere at nesting `depth` (the array's own level):
    /// its elements start with ",\n" as needed; used to spool array elements to a side stream.
    static JsonWriter continuing_array(std::ostream& out, int depth);
    /// A writer of array elements (as continuing_array) into memory: take() returns them, for a writer
    /// whose array is at nesting `depth` (joined by ',' and spliced with splice_elements()).
    static JsonWriter elements(int depth);
    /// The same, writing into `storage` (emptied, its room kept): a caller that renders run after run hands
    /// one storage from writer to writer (release()) instead of each growing a buffer of its own.
    static JsonWriter elements(int depth, OutputBuffer&& storage);
    JsonWriter(JsonWriter&&) = default;
    JsonWriter& operator=(JsonWriter&&) = delete;
    JsonWriter(const JsonWriter&) = delete;
    JsonWriter& operator=(const JsonWriter&) = delete;
    ~JsonWriter();

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(const JsonKey& name);
    /// A key known only at run time (none of the reports has one; the tests write keys of any text):
    /// escaped as string() escapes a value.
    JsonWriter& runtime_key(std::string_view name);
    JsonWriter& string(std::string_view text);
    /// `text` must already be a JSON number (e.g. Decimal::str()).
    JsonWriter& number(std::string_view text);
    JsonWriter& integer(long long n);
    JsonWriter& boolean(bool b);
    JsonWriter& null();
    /// A value already rendered with two-space indentation from column 0: re-indented to fit here.
    JsonWriter& pretty(std::string_view json);
    /// Appends array elements spooled elsewhere (a continuing_array() writer's output, or elements()
    /// runs joined by ',') to the array open here, after any it already holds; `any`: there are some.
    JsonWriter& splice_elements(std::istream& spooled, bool any);
    /// The same from a SpillBuffer (elements written through a util::SpillStream), which is drained.
    /// False when what it spilled to its temporary file could not be read back: the array is then short.
    bool splice_elements(util::SpillBuffer& spooled, bool any);
    /// What an elements() writer has made; the writer is then empty.
    [[nodiscard]] std::string take();
    /// The same written over `out`, which keeps its room; the writer keeps its storage.
    void take_into(std::string& out);
    /// The writer's storage, for the next elements() writer; this writer is then empty.
    [[nodiscard]] OutputBuffer release();
    /// Ends the output with a newline and flushes it.
    void end_document();
    void flush();

private:
    struct Level {
        bool array = false;
        bool empty = true;
    };
    void before_value();
    void open(char bracket, bool array);
    void close(char bracket);
    void newline_indent(std::size_t depth);
    void escaped(std::string_view text);
    void escaped_valid(std::string_view text);  ///< the escaped bytes of valid UTF-8, without quotes
    void maybe_flush();
    void before_splice();  ///< the separator before spliced elements, and everything before it written out

    std::ostream* m_out = nullptr;
    OutputBuffer m_buf;
    std::vector<Level> m_stack;
    std::size_t m_base = 0;
    bool m_after_key = false;
    /// splice_elements()'s block, made at its first call: once per writer, not per file spliced (a new
    /// zeroed megabyte each time was a quarter of a -j 2 batch's page faults).
    std::unique_ptr<char[]> m_splice_block;
};

}  // namespace perf_check::report
