// Text encodings of CSV inputs: detection (UTF-8, UTF-8 with BOM, GB18030: of the whole file, or of its start
// with the rest checked as it is read) and decoding.
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "perf_check/expected.hpp"

namespace perf_check::io {

enum class Encoding { utf8, utf8_bom, gb18030 };

/// "UTF-8", "UTF-8-BOM", "GB18030".
const char* encoding_name(Encoding e);

/// Parses an --encoding value: utf-8/utf8, utf-8-bom, gb18030/gbk/gb2312/cp936 (case-insensitive).
Expected<Encoding> parse_encoding_name(std::string_view name);

/// The check of the rest of a stream whose start decided its encoding (detect_encoding's `rest`): its
/// reader feeds it each block it reads, from the stream's first, before it decodes or parses the block,
/// and stops at the first the check refuses. One pass over the file instead of two (a scan, then the
/// parse): the scan was a twentieth of a check's time, half of it the kernel copying the file.
class TextCheck {
public:
    /// A check of `encoding` (UTF-8 with or without a byte-order mark: utf8).
    explicit TextCheck(Encoding encoding);
    ~TextCheck();
    TextCheck(TextCheck&&) noexcept;
    TextCheck& operator=(TextCheck&&) noexcept;
    TextCheck(const TextCheck&) = delete;
    TextCheck& operator=(const TextCheck&) = delete;
    [[nodiscard]] Encoding encoding() const;
    /// `block`: the bytes that follow those fed before. False at the first block that is not in the
    /// encoding or holds a NUL: the stream is then no table, and refusal() says why.
    bool feed(std::string_view block);
    /// At the end of the stream: false when it ends inside a character.
    bool finish();
    /// What a reader calls with each block it reads: feeds the bytes of `bytes` from `fresh` on (those
    /// before were fed with an earlier block and kept back, as a decoder keeps a cut character), or
    /// finishes when there are none. nullopt when they are accepted; else how many of `bytes` are whole
    /// lines before the line of the first bytes refused, which the reader still reads (no byte of a UTF-8
    /// or GB18030 character is a line feed).
    std::optional<std::size_t> pass(std::string_view bytes, std::size_t fresh = 0);
    /// feed, finish or pass has said no.
    [[nodiscard]] bool refused() const;
    /// Once feed, finish or pass has said no, why: what detect_encoding says of the whole stream `in`
    /// (scanned again, on this error path only, so that the error is the one a whole scan gives, word for
    /// word); nullopt while the check has said no such thing.
    [[nodiscard]] std::optional<Error> refusal(std::istream& in, const std::string& file) const;
    /// What detect_encoding says of the whole stream `in`, nullopt when it reads: for a reader that
    /// stops before the end (a table without a header). `in` is left where it was.
    [[nodiscard]] std::optional<Error> whole_error(std::istream& in, const std::string& file) const;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

/// Scans the whole stream (in chunks, constant memory) and decides its encoding: valid UTF-8 wins
/// (with BOM if it starts with EF BB BF), else valid GB18030. A stream valid in neither is an Error
/// naming the byte offset, line and bytes (hex) where it stopped being valid in the encoding that got
/// further; a NUL byte is an Error too (binary file). The stream is rewound before returning.
/// `file` names the input in errors.
/// With `rest`, a stream of a block (k_read_block) or more whose first block reads in one encoding and
/// not the other (a table with Chinese text in its first rows) is in that one: it is scanned no further,
/// and `rest` is set to the check its reader makes of it as it reads (an error found then is the one
/// the whole scan would have given, after the projects before it were read).
Expected<Encoding> detect_encoding(std::istream& in, const std::string& file, std::optional<TextCheck>* rest = nullptr);

/// Checks a stream against a forced encoding with the same error as detect_encoding.
Expected<Encoding> verify_encoding(std::istream& in, Encoding forced, const std::string& file);

/// The UTF-16 byte order a stream's byte-order mark announces (FF FE: little-endian, as Excel's
/// "Unicode 文本" writes; FE FF: big-endian), read from its first two bytes; nullopt without one. The
/// stream is rewound.
enum class Utf16 { le, be };
std::optional<Utf16> utf16_bom(std::istream& in);

/// "UTF-16LE" / "UTF-16BE".
const char* utf16_name(Utf16 order);

/// A stream of text decoded from another encoding, a chunk at a time. Its reader can take each chunk
/// whole instead of having it copied out of the stream's buffer: the CSV reader does (the copy was a
/// tenth of decoding a GB18030 table, callgrind).
class ChunkedStream : public std::istream {
public:
    /// The next chunk of text, in place of what `out` held (its storage is kept for a later chunk);
    /// false, and `out` empty, at the end. Text read from the stream's buffer before is not given again.
    virtual bool take_chunk(std::string& out) = 0;
    /// At the end: the error of the bytes a check of the source refused (the text ends on the line before
    /// theirs), or nullopt when the source ended as it should.
    virtual std::optional<Error> refusal(const std::string& file) = 0;
    /// With a check of the source: what a scan of the whole source finds (TextCheck::whole_error), the
    /// stream left where it was; nullopt without one, or when the source reads.
    virtual std::optional<Error> text_error(const std::string& file) = 0;

protected:
    ChunkedStream() : std::istream(nullptr) {}
};

/// `in` (which starts with the BOM of `order`) as a stream of UTF-8 text, without the BOM, decoded a
/// chunk at a time as it is read (constant memory). Unpaired surrogates and a lone last byte become
/// U+FFFD. Seeking back to the start (encoding detection and delimiter sniffing rewind) starts the
/// decoding again; no other seek is supported.
std::unique_ptr<ChunkedStream> utf16_as_utf8(std::unique_ptr<std::istream> in, Utf16 order);

/// Bytes a table is read in, by the encoding scan and the CSV reader: small enough that the block the
/// kernel copies into stays in the core's cache and is read from there (with 1 MiB blocks copying the
/// file took a tenth of a check's time, 128 KiB blocks a fiftieth: perf, `bench/run.sh`).
inline constexpr std::size_t k_read_block = std::size_t{1} << 17;

/// Decodes GB18030 bytes to UTF-8 (glibc iconv). Invalid sequences become U+FFFD.
std::string gb18030_to_utf8(std::string_view bytes);
/// `in`, GB18030, as a stream of UTF-8 text decoded a chunk at a time as it is read (constant memory),
/// as gb18030_to_utf8 decodes; seeking back to the start decodes again, no other seek is supported.
/// The CSV reader reads a GB18030 file through it: decoding whole chunks cost a fifth of what decoding
/// each cell did, and the reader's UTF-8 way, which copies no cell, reads the rest. With `check` (of
/// GB18030, from detect_encoding), each chunk of the source is checked before it is decoded: the text
/// ends on the line before the first bytes refused, and refusal() says why.
std::unique_ptr<ChunkedStream> gb18030_as_utf8(std::unique_ptr<std::istream> in,
                                               std::optional<TextCheck> check = std::nullopt);

}  // namespace perf_check::io
