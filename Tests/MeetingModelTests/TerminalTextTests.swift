import MeetingModel
import Testing

/// The one sanitiser for text on a terminal (docs/cli.md, "What you see in the terminal").
@Suite struct TerminalTextTests {
  /// Hostile or invisible input → what the terminal is given instead.
  static let marked: [(String, String)] = [
    ("\u{1B}]0;pwned\u{07}", "\\e]0;pwned\\x07"),
    ("\u{1B}[2J\u{1B}[H", "\\e[2J\\e[H"),
    ("a\tb", "a\\tb"),
    ("line\rover", "line\\rover"),
    ("one\ntwo", "one⏎two"),
    ("crlf\r\nend", "crlf\\r⏎end"),
    ("nul\u{0}x", "nul\\x00x"),
    ("bell\u{07}", "bell\\x07"),
    ("del\u{7F}", "del\\x7F"),
    ("csi\u{9B}2J", "csi<U+009B>2J"),
    ("nel\u{85}", "nel<U+0085>"),
    ("Zoe\u{202E}txt.exe", "Zoe<U+202E>txt.exe"),
    ("\u{202A}\u{202B}\u{202C}\u{202D}", "<U+202A><U+202B><U+202C><U+202D>"),
    ("\u{2066}x\u{2067}y\u{2068}z\u{2069}", "<U+2066>x<U+2067>y<U+2068>z<U+2069>"),
    ("\u{200E}\u{200F}\u{061C}", "<U+200E><U+200F><U+061C>"),
    ("Ben\u{200B}Okafor", "Ben<U+200B>Okafor"),
    ("a\u{200C}b", "a<U+200C>b"),
    ("a\u{200D}b", "a<U+200D>b"),
    ("word\u{2060}joiner", "word<U+2060>joiner"),
    ("\u{FEFF}bom", "<U+FEFF>bom"),
    ("soft\u{AD}hyphen", "soft<U+00AD>hyphen"),
    ("line\u{2028}sep\u{2029}", "line<U+2028>sep<U+2029>"),
    ("hangul\u{3164}filler", "hangul<U+3164>filler"),
    ("tag\u{E0041}", "tag<U+E0041>"),
    ("\u{FE0F}alone", "<U+FE0F>alone"),
  ]

  /// Legitimate text that must come back exactly as it is.
  static let kept = [
    "Siobhán Byrne", "Zoë Mensah", "e\u{301}", "Ångström", "Ελληνικά", "Русский", "עברית", "العربية",
    "हिन्दी", "日本語の会議", "한국어", "中文", "😀", "👍🏽", "👩‍💻", "👨‍👩‍👧‍👦", "🏳️‍🌈", "❤️‍🔥",
    "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", "☺︎", "1️⃣", "plain ASCII ~!@#$%^&*()_+{}|:\"<>?",
    "\\e is typed", "⏎", "<U+202E>", " ",
  ]

  @Test(arguments: marked) func marksWhatATerminalWouldActOnOrHide(input: String, expected: String) {
    #expect(TerminalText.visible(input) == expected)
    #expect(TerminalText.visible(expected) == expected, "idempotent")
    #expect(!TerminalText.isPlain(input))
  }

  @Test(arguments: kept) func keepsLegitimateText(text: String) {
    #expect(TerminalText.visible(text) == text)
    #expect(TerminalText.isPlain(text))
  }

  @Test func noRawControlEverComesOut() {
    // Every scalar from U+0000 to U+FFFF (and the tags plane), alone and after a letter and
    // an emoji: what comes out holds nothing a terminal acts on or hides.
    var scalars = (0...0xFFFF).compactMap(Unicode.Scalar.init)
    scalars += (0xE0000...0xE01EF).compactMap(Unicode.Scalar.init)
    for scalar in scalars {
      for text in [String(scalar), "a" + String(scalar) + "b", "👩" + String(scalar) + "💻"] {
        let shown = TerminalText.visible(text)
        #expect(
          TerminalText.visible(shown) == shown, "not idempotent for U+\(String(scalar.value, radix: 16))")
        #expect(!Self.hasHostileScalar(shown), "U+\(String(scalar.value, radix: 16)) came out raw")
      }
    }
  }

  @Test func aDocumentKeepsItsOwnLineBreaks() {
    #expect(TerminalText.visible("one\ntwo\u{1B}", keepingLineBreaks: true) == "one\ntwo\\e")
    #expect(TerminalText.visibleInHTML("<p>a\u{202E}b</p>\n") == "<p>a&lt;U+202E&gt;b</p>\n")
  }

  /// A scalar that a terminal acts on or that cannot be seen, outside an emoji sequence.
  static func hasHostileScalar(_ text: String) -> Bool {
    for cluster in text {
      let scalars = Array(cluster.unicodeScalars)
      let emoji = scalars[0].value > 0x7F && scalars[0].properties.isEmoji
      for (index, scalar) in scalars.enumerated() {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return true }
        if emoji && (value == 0x200D || (0xE0020...0xE007F).contains(value)) { continue }
        if index > 0 && ((0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value)) {
          continue
        }
        if index > 0 && ((0x180B...0x180D).contains(value) || value == 0x180F) { continue }
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator: return true
        default: if scalar.properties.isDefaultIgnorableCodePoint { return true }
        }
      }
    }
    return false
  }
}

/// The one calendar check for typed dates and times.
@Suite struct CalendarDateTests {
  @Test func realDaysAreAccepted() {
    for text in ["2026-12-31", "2028-02-29", "2000-02-29", "1970-01-01", "9999-12-31"] {
      #expect(CalendarDate.isValid(text), "\(text)")
    }
  }

  @Test func impossibleDaysAreRefused() {
    for text in [
      "2026-02-30", "2027-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-01-00",
      "99999-01-01", "1969-12-31", "0000-01-01", "2026-1-01", "2026-01-1", "tomorrow", "", "2026/01/01",
      "２０２６-01-01",
    ] {
      #expect(!CalendarDate.isValid(text), "\(text)")
    }
  }

  @Test func timesWithImpossibleDatesOrOffsetsAreRefused() {
    for text in [
      "2026-02-30T10:00:00Z", "2026-11-21T10:00:00+99:00", "2026-11-21T10:00:00+18:01",
      "2026-11-21T10:00:00-19:00", "2026-11-21T10:00:00+05:60", "99999-01-01T00:00:00Z",
      "1969-12-31T23:59:59Z", "2026-11-21T24:00:00Z", "2026-11-21T10:60:00Z", "2026-11-21T10:00:60Z",
    ] {
      #expect(Instant(iso8601: text) == nil, "\(text)")
    }
    for text in [
      "2026-11-21T10:00:00+18:00", "2026-11-21T10:00:00-18:00", "2026-11-21T10:00:00+05:30",
      "9999-12-31T23:59:59Z", "1970-01-01T00:00:00Z", "2028-02-29T12:00:00Z",
    ] {
      #expect(Instant(iso8601: text) != nil, "\(text)")
    }
  }
}
