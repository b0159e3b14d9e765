// A fast reader for worksheet XML as spreadsheet programs write it, which hands over to expat for
// anything else.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "io/xml_stream.hpp"
#include "perf_check/expected.hpp"

namespace perf_check::io {

/// Reads the XML of a worksheet part and sends the handler the same events expat would (XmlStream), in
/// about a third of expat's instructions a byte (≈46 against ≈130, callgrind on a generated sheet), for
/// the subset of XML that Excel, WPS, LibreOffice and the usual libraries write: UTF-8 (with or without
/// BOM), an optional XML declaration, elements with ASCII names and attributes quoted either way (at most
/// 32 to a tag) whose values hold no '&', '<' or control characters, and text that may hold the five
/// predefined entities and character references.
///
/// It judges nothing outside that subset. Comments, CDATA, processing instructions, a DOCTYPE, other
/// encodings, '>' or a carriage return in text, invalid UTF-8, a mismatched end tag, a tag over 64 KiB,
/// nesting deeper than 256, a read error, the end of the input inside the root element — and a handler
/// calling fail() or stop() — all end the scan with State::gave_up, and the caller reads the part again
/// with expat, which then gives the events (or the error, with its line and column) as before. The
/// events delivered up to that point were the same as expat's.
class SheetScanner final : public XmlControl {
public:
    /// Fills `buf` with up to `n` bytes of the part; 0 at its end.
    using Read = std::function<Expected<std::size_t>(char* buf, std::size_t n)>;

    SheetScanner(XmlHandler& handler, Read read);

    enum class State {
        paused,   ///< the handler called pause(); resume() goes on from there
        ended,    ///< the document ended, well-formed
        gave_up,  ///< outside the subset (see above): read the part with expat instead
    };
    State resume();

    void pause() override { m_pause_asked = true; }
    void stop() override { m_gave_up = true; }
    void fail(std::string message, std::string message_zh) override;
    /// The line where the current token starts, counting line feeds only (expat also counts a lone
    /// carriage return). Messages never show it: a handler's fail() hands the sheet to expat, whose
    /// line numbers they give.
    [[nodiscard]] long line() const override { return m_line; }

private:
    enum class Stage { start, prolog, content, epilog };
    enum class Step { done, more, give_up };

    Step step();
    Step xml_declaration();
    Step prolog();
    Step text();
    Step reference();
    Step start_tag();
    Step end_tag();
    Step epilog();
    bool fill();  // reads more input after the unconsumed bytes; false at the end or on a read error
    [[nodiscard]] std::size_t avail() const { return m_buf.size() - m_pos; }
    void consume(std::size_t n);

    XmlHandler& m_handler;
    Read m_read;
    std::string m_buf;  // input not yet consumed starts at m_pos
    std::size_t m_pos = 0;
    bool m_eof = false;
    Stage m_stage = Stage::start;
    long m_line = 1;
    bool m_pause_asked = false;
    bool m_gave_up = false;
    std::string m_names;                     // the open elements' names, end to end
    std::vector<std::size_t> m_name_starts;  // where each begins in m_names
    std::string m_attr_text;                 // attribute names and values, each ended by NUL
    std::vector<const char*> m_attrs;        // expat's layout: name, value, …, nullptr
    std::vector<std::pair<std::size_t, std::size_t>> m_attr_spans;
};

}  // namespace perf_check::io
