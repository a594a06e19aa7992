/// Large digits for the speaking timer, readable from the back of a room. Two sizes: five rows
/// of solid blocks for tall screens, three rows of line drawing for small ones.
enum BigDigits {
  /// Glyphs for "0"…"9" and ":", each row the same width within a size.
  private static let tall: [Character: [String]] = [
    "0": ["███", "█ █", "█ █", "█ █", "███"], "1": [" █ ", "██ ", " █ ", " █ ", "███"],
    "2": ["███", "  █", "███", "█  ", "███"], "3": ["███", "  █", "███", "  █", "███"],
    "4": ["█ █", "█ █", "███", "  █", "  █"], "5": ["███", "█  ", "███", "  █", "███"],
    "6": ["███", "█  ", "███", "█ █", "███"], "7": ["███", "  █", "  █", "  █", "  █"],
    "8": ["███", "█ █", "███", "█ █", "███"], "9": ["███", "█ █", "███", "  █", "███"],
    ":": [" ", "█", " ", "█", " "], "+": ["   ", " █ ", "███", " █ ", "   "],
  ]

  private static let short: [Character: [String]] = [
    "0": ["┌─┐", "│ │", "└─┘"], "1": [" ┐ ", " │ ", " ┴ "], "2": ["╶─┐", "┌─┘", "└─╴"],
    "3": ["╶─┐", " ─┤", "╶─┘"], "4": ["╷ ╷", "└─┤", "  ╵"], "5": ["┌─╴", "└─┐", "╶─┘"],
    "6": ["┌─╴", "├─┐", "└─┘"], "7": ["╶─┐", "  │", "  ╵"], "8": ["┌─┐", "├─┤", "└─┘"],
    "9": ["┌─┐", "└─┤", "╶─┘"], ":": [" ", "·", "·"], "+": ["   ", "╶┼╴", "   "],
  ]

  /// Rows of `text` in the size that fits `rows` (5 or more: tall; 3 or 4: short); nil when
  /// even the short size does not fit.
  static func render(_ text: String, rows: Int) -> [String]? {
    let font: [Character: [String]]
    switch rows {
    case 5...: font = tall
    case 3...4: font = short
    default: return nil
    }
    let height = font["0"]?.count ?? 0
    var lines = Array(repeating: "", count: height)
    for (offset, character) in text.enumerated() {
      guard let glyph = font[character] else { continue }
      for row in 0..<height { lines[row] += (offset == 0 ? "" : " ") + glyph[row] }
    }
    return lines
  }
}
