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
  ///
  /// With room to spare (`columns` given), the tall size grows: each block becomes a square of
  /// 2×2, 3×3… cells, the largest that fits both `rows` and `columns`, for the back of the room.
  static func render(_ text: String, rows: Int, columns: Int? = nil) -> [String]? {
    if let columns, rows >= 10, let base = render(text, rows: 5) {
      let width = base.map { $0.count }.max() ?? 0
      let scale = min(rows / 5, columns / max(1, width))
      if scale >= 2 {
        return base.flatMap { line in
          let wide = String(line.flatMap { String(repeating: String($0), count: scale) })
          return Array(repeating: wide, count: scale)
        }
      }
    }
    return render(text, rows: rows)
  }

  private static func render(_ text: String, rows: Int) -> [String]? {
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
