// Test support: a parse written down as events, to hold the fast sheet reader (SheetScanner) against
// expat (XmlStream) on the same bytes. Used by tests/unit/io/sheet_scanner_test.cpp and the
// fuzz_sheet_xml fuzzer.
#pragma once

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "io/sheet_scanner.hpp"
#include "io/xml_stream.hpp"

namespace perf_check::test {

/// Records events as lines: "<name a="v" …>", "</name>", and "#text" for character data (the pieces
/// one parser splits text into are joined, since handlers join them). Optionally pauses at every end
/// tag, as the sheet reader does at </row>.
class EventLog final : public io::XmlHandler {
public:
    explicit EventLog(bool pause_at_ends = false) : m_pause(pause_at_ends) {}
    std::vector<std::string> events;

    void on_start(io::XmlControl&, std::string_view name, const char* const* attrs) override {
        std::string e = "<" + std::string(name);
        for (const char* const* a = attrs; a != nullptr && a[0] != nullptr && a[1] != nullptr; a += 2) {
            e += ' ';
            e += a[0];
            e += "=\"";
            e += a[1];
            e += '"';
        }
        events.push_back(e + ">");
        m_in_text = false;
    }
    void on_end(io::XmlControl& xml, std::string_view name) override {
        events.push_back("</" + std::string(name) + ">");
        m_in_text = false;
        if (m_pause) xml.pause();
    }
    void on_text(io::XmlControl&, std::string_view text) override {
        if (m_in_text) {
            events.back() += text;
        } else {
            events.push_back("#" + std::string(text));
            m_in_text = true;
        }
    }

private:
    bool m_pause;
    bool m_in_text = false;
};

struct ScanResult {
    std::vector<std::string> events;
    bool ended = false;  ///< false: the scanner gave up
    int pauses = 0;
};

/// `xml` through the fast reader, served `chunk` bytes at a time (any size: boundaries fall everywhere).
inline ScanResult scan_events(std::string_view xml, std::size_t chunk, bool pause_at_ends = false) {
    EventLog log(pause_at_ends);
    std::size_t at = 0;
    io::SheetScanner scanner(log, [&](char* buf, std::size_t n) -> Expected<std::size_t> {
        const std::size_t k = std::min({n, chunk, xml.size() - at});
        if (k > 0) std::memcpy(buf, xml.data() + at, k);
        at += k;
        return k;
    });
    ScanResult r;
    while (true) {
        const auto state = scanner.resume();
        if (state == io::SheetScanner::State::paused) {
            ++r.pauses;
            continue;
        }
        r.ended = state == io::SheetScanner::State::ended;
        break;
    }
    r.events = std::move(log.events);
    return r;
}

struct ExpatResult {
    std::vector<std::string> events;
    bool ok = false;
};

inline ExpatResult expat_events(std::string_view xml) {
    EventLog log;
    io::XmlStream stream(log, "t.xlsx", "xl/worksheets/sheet1.xml");
    const auto got = stream.feed(xml.data(), xml.size(), true);
    return {std::move(log.events), got.has_value()};
}

/// Empty when the fast reader agrees with expat on `xml`: having read it to the end, the same events
/// and expat accepting the document too; having given up, events that begin expat's. Text the fast
/// reader sent last before giving up is left out: expat may stop inside that text without sending it
/// (at "]]>", say), and it never matters — no end tag followed it, so no row was finished with it, and
/// the reader that takes over starts again with a new handler. Otherwise what differs, for a message.
inline std::string disagreement(std::string_view xml, const ScanResult& fast, const ExpatResult& slow) {
    (void)xml;
    if (fast.ended) {
        if (!slow.ok) return "the fast reader accepted a document expat rejects";
        if (fast.events != slow.events) return "the fast reader read the document differently";
        return {};
    }
    std::size_t n = fast.events.size();
    if (n > 0 && fast.events.back()[0] == '#') --n;
    if (n > slow.events.size()) return "the fast reader gave up after events expat never sent";
    for (std::size_t i = 0; i < n; ++i) {
        if (fast.events[i] != slow.events[i]) {
            return "event " + std::to_string(i) + " differs: \"" + fast.events[i] + "\" / \"" + slow.events[i] + "\"";
        }
    }
    return {};
}

}  // namespace perf_check::test
