import TerminalUI
import Testing

@Suite("Display width per grapheme cluster")
struct DisplayWidthTests {
  @Test func namesTakeTheColumnsTerminalsGiveThem() {
    #expect(DisplayWidth.of("Amira") == 5)
    #expect(DisplayWidth.of("Siobhán") == 7)
    #expect(DisplayWidth.of("Siobha\u{301}n") == 7)  // combining acute accent
    #expect(DisplayWidth.of("Zoë") == 3)
    #expect(DisplayWidth.of("会議") == 4)
    #expect(DisplayWidth.of("ｶﾀｶﾅ") == 4)  // halfwidth katakana
    #expect(DisplayWidth.of("🎉") == 2)
    #expect(DisplayWidth.of("👩🏽‍🦱") == 2)  // one cluster: woman, skin tone, ZWJ, curly hair
    #expect(DisplayWidth.of("☺\u{FE0F}") == 2)
    #expect(DisplayWidth.of("a\u{200B}b") == 2)  // zero-width space
    #expect(DisplayWidth.of("tab\there") == 7)
  }

  @Test func truncateAndPadWorkInColumns() {
    #expect(DisplayWidth.pad("会議", to: 6) == "会議  ")
    #expect(DisplayWidth.truncate("会議会議", to: 5) == "会議…")
    #expect(DisplayWidth.truncate("Siobhán Byrne", to: 8) == "Siobhán…")
    #expect(DisplayWidth.pad("Zoë", to: 5) == "Zoë  ")
    #expect(DisplayWidth.truncate("short", to: 10) == "short")
  }
}
