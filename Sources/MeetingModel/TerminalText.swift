/// Text made safe to show on a terminal, one line at a time: every character that a terminal
/// would act on, or that a reader cannot see, is replaced by a visible mark, so that no stored
/// text can move the cursor, change the window title, clear the screen, reorder what follows
/// it or forge a line of output.
///
/// The marks (docs/cli.md, "What you see in the terminal"):
///
/// - `\e` escape (U+001B), `\t` tab, `\r` carriage return, `⏎` a line break inside one line
///   of output (U+000A), `\x07` for the other C0 controls and DEL (`\x00` … `\x1F`, `\x7F`);
/// - `<U+009B>` for C1 controls (U+0080–U+009F), bidirectional overrides, embeddings,
///   isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), zero-width
///   and other invisible characters (U+200B–U+200D, U+2060–U+2064, U+FEFF, the soft hyphen
///   U+00AD, Hangul fillers …: every format character and every default-ignorable code point),
///   and the line and paragraph separators U+2028 and U+2029.
///
/// Kept as they are: letters of every script, accents and other combining marks, CJK, emoji,
/// and what belongs inside one emoji: a zero-width joiner between two emoji in one grapheme
/// cluster (👩‍💻, 🏳️‍🌈), variation selectors attached to a character, and the tag characters
/// of a flag such as 🏴󠁧󠁢󠁳󠁣󠁴󠁿.
///
/// The function is pure and idempotent (its output contains only characters it keeps), and
/// text that is already plain comes back unchanged. A mark is not itself escaped, so a typed
/// `\e` and an escape character look the same: the point is that nothing reaches the terminal
/// raw, and the exact text is in `--json` and the JSONL export.
public enum TerminalText {
  /// `text` with every control, escape, bidirectional and invisible character shown as a mark.
  /// With `keepingLineBreaks`, U+000A stays a real line break (for whole documents whose
  /// lines the caller shows one by one); otherwise it is shown as `⏎`.
  public static func visible(_ text: String, keepingLineBreaks: Bool = false) -> String {
    visible(text, keepingLineBreaks: keepingLineBreaks, htmlSafe: false)
  }

  /// A rendered HTML page with every control, bidirectional and invisible character shown as
  /// in `visible`, the `<U+202E>` marks written `&lt;U+202E&gt;`; line breaks stay (in HTML
  /// they are white space). Markup holds none of these characters, so only text changes.
  public static func visibleInHTML(_ html: String) -> String {
    visible(html, keepingLineBreaks: true, htmlSafe: true)
  }

  private static func visible(_ text: String, keepingLineBreaks: Bool, htmlSafe: Bool) -> String {
    if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || (keepingLineBreaks && $0 == 0x0A) }) {
      return text
    }
    var result = String.UnicodeScalarView()
    for cluster in text {
      let scalars = Array(cluster.unicodeScalars)
      let isEmoji = isEmojiBase(scalars[0])
      for (index, scalar) in scalars.enumerated() {
        if keepingLineBreaks && scalar == "\n" {
          result.append(scalar)
        } else if let mark = mark(
          for: scalar, at: index, of: scalars.count, inEmoji: isEmoji,
          next: index + 1 < scalars.count ? scalars[index + 1] : nil)
        {
          result.append(
            contentsOf: (htmlSafe && mark.hasPrefix("<")
              ? "&lt;" + mark.dropFirst().dropLast() + "&gt;" : mark).unicodeScalars)
        } else {
          result.append(scalar)
        }
      }
    }
    return String(result)
  }

  /// `text` without what `visible` would mark: for the full-screen UI, whose cells have fixed
  /// widths and which drops what it cannot show rather than widening the row.
  public static func droppingInvisible(_ text: String) -> String {
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
    var result = String.UnicodeScalarView()
    for cluster in text {
      let scalars = Array(cluster.unicodeScalars)
      let isEmoji = isEmojiBase(scalars[0])
      for (index, scalar) in scalars.enumerated()
      where mark(
        for: scalar, at: index, of: scalars.count, inEmoji: isEmoji,
        next: index + 1 < scalars.count ? scalars[index + 1] : nil) == nil
      {
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// Whether `text` would be shown unchanged: it holds nothing that `visible` marks.
  public static func isPlain(_ text: String) -> Bool { visible(text) == text }

  /// The mark for one scalar, or nil to keep it.
  private static func mark(
    for scalar: Unicode.Scalar, at index: Int, of count: Int, inEmoji: Bool, next: Unicode.Scalar?
  ) -> String? {
    let value = scalar.value
    switch value {
    case 0x1B: return "\\e"
    case 0x09: return "\\t"
    case 0x0D: return "\\r"
    case 0x0A: return "⏎"
    case 0x00..<0x20, 0x7F: return "\\x" + hex(value, digits: 2)
    case 0x80..<0xA0: return codePoint(value)
    case 0x20..<0x7F: return nil
    default: break
    }
    // Within an emoji: the joiner between two emoji, the tags of a subdivision flag.
    if inEmoji {
      if value == 0x200D, let next, isEmojiBase(next) { return nil }
      if (0xE0020...0xE007F).contains(value) { return nil }
    }
    // Variation selectors choose how the character before them looks.
    if index > 0 && isVariationSelector(value) { return nil }
    let properties = scalar.properties
    switch properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate:
      return codePoint(value)
    default:
      return properties.isDefaultIgnorableCodePoint ? codePoint(value) : nil
    }
  }

  private static func isEmojiBase(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value > 0x7F && scalar.properties.isEmoji
  }

  private static func isVariationSelector(_ value: UInt32) -> Bool {
    (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value)
      || (0x180B...0x180D).contains(value) || value == 0x180F
  }

  private static func codePoint(_ value: UInt32) -> String { "<U+" + hex(value, digits: 4) + ">" }

  private static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}
