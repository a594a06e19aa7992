import MeetingModel

/// A screen's worth of cells, drawn by the pure screens and written to the terminal by a
/// backend (only the changed cells). Screen tests compare `lines` as whole screens.
public struct ScreenBuffer: Equatable, Sendable {
  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]
  /// Where the terminal's real cursor goes: on the focused item, so that screen readers and
  /// braille displays follow it. Nil leaves it at the top-left corner.
  public var cursor: Position?

  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: .blank, count: self.width * self.height)
  }

  public subscript(x: Int, y: Int) -> Cell {
    get { contains(x: x, y: y) ? cells[y * width + x] : .blank }
    set { if contains(x: x, y: y) { cells[y * width + x] = newValue } }
  }

  public func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

  /// Writes `text` from column `x` of row `y`, within `maxWidth` columns (and the screen).
  /// Nothing is cut without a mark: text that does not fit ends in `…` (trailing spaces that do
  /// not fit are simply dropped). Returns the column after the last character written. A wide
  /// character is never cut in half.
  @discardableResult
  public mutating func write(
    _ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: TextStyle = [], role: ColorRole = .normal
  ) -> Int {
    guard y >= 0, y < height else { return x }
    let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
    // Controls, escapes, bidirectional and invisible characters never reach a cell (the rule
    // of the CLI's sanitiser, TerminalText, dropping rather than marking).
    var text = TerminalText.droppingInvisible(text)
    let room = limit - x
    if DisplayWidth.of(text) > room {
      while text.last == " " { text.removeLast() }
      if DisplayWidth.of(text) > room { text = DisplayWidth.truncate(text, to: max(0, room)) }
    }
    var column = x
    for character in text {
      let characterWidth = DisplayWidth.of(character)
      if characterWidth == 0 { continue }
      if column + characterWidth > limit { break }
      if column >= 0 {
        // Overwriting half of a wide character blanks its other half.
        if self[column, y].width == 0, column > 0 { self[column - 1, y] = .blank }
        if self[column, y].width == 2 { self[column + 1, y] = .blank }
        self[column, y] = Cell(character, width: UInt8(characterWidth), style: style, role: role)
        if characterWidth == 2 { self[column + 1, y] = Cell(" ", width: 0, style: style, role: role) }
      }
      column += characterWidth
    }
    return column
  }

  /// Fills a rectangle with one cell.
  public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
    for y in max(0, rect.y)..<min(height, rect.y + rect.height) {
      for x in max(0, rect.x)..<min(width, rect.x + rect.width) { self[x, y] = cell }
    }
  }

  /// The screen as text, one string per row, trailing spaces removed: what a person reads.
  public var lines: [String] {
    (0..<height).map { y in
      var line = ""
      for x in 0..<width where self[x, y].width != 0 { line.append(self[x, y].character) }
      while line.last == " " { line.removeLast() }
      return line
    }
  }

  /// The cells that differ from `previous` (all of them when the size changed), row by row:
  /// what a backend writes to the terminal.
  public func changes(since previous: ScreenBuffer?) -> [(x: Int, y: Int, cell: Cell)] {
    var result: [(x: Int, y: Int, cell: Cell)] = []
    let full = previous.map { $0.width != width || $0.height != height } ?? true
    for y in 0..<height {
      for x in 0..<width {
        let cell = self[x, y]
        if full || previous?[x, y] != cell { result.append((x, y, cell)) }
      }
    }
    return result
  }
}

/// A cell position, column `x` and row `y` from the top-left corner.
public struct Position: Hashable, Sendable {
  public var x: Int
  public var y: Int
  public init(x: Int, y: Int) {
    self.x = x
    self.y = y
  }
}

/// A rectangle of cells.
public struct Rect: Hashable, Sendable {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }
}
