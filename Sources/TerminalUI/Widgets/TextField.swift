/// A one-line text field: what has been typed and where the cursor is, counted in characters
/// as people see them (grapheme clusters), so that `é` typed as `e` + a combining accent, a
/// flag or a CJK character is one step for the arrows and one deletion for Backspace.
///
/// Every prompt uses it: the `:` line, the hand picker, the forms of the note-taker's and
/// participant's screens.
public struct TextField: Equatable, Sendable {
  public private(set) var text: String
  /// How many characters come before the cursor (0…`text.count`).
  public private(set) var cursor: Int

  public init(_ text: String = "") {
    self.text = text
    cursor = text.count
  }

  public var isEmpty: Bool { text.isEmpty }

  /// Handles an editing key; false when the key is not one the field uses (Tab, Enter, Esc…).
  ///
  /// ← → Home End (Ctrl-A, Ctrl-E) move; Backspace and Delete delete one character; Ctrl-U
  /// deletes to the start, Ctrl-K to the end, Ctrl-W the word before the cursor.
  @discardableResult
  public mutating func handle(_ key: Key) -> Bool {
    switch key {
    case .character(let character):
      guard !character.isControlCharacter else { return false }
      insert(character)
    case .backspace:
      guard cursor > 0 else { return true }
      replace(from: cursor - 1, to: cursor, with: "")
    case .delete, .control("d"):
      guard cursor < text.count else { return true }
      replace(from: cursor, to: cursor + 1, with: "")
    case .left: cursor = max(0, cursor - 1)
    case .right: cursor = min(text.count, cursor + 1)
    case .home, .control("a"): cursor = 0
    case .end, .control("e"): cursor = text.count
    case .control("u"): replace(from: 0, to: cursor, with: "")
    case .control("k"): replace(from: cursor, to: text.count, with: "")
    case .control("w"):
      let characters = Array(text)
      var start = cursor
      while start > 0, characters[start - 1].isWhitespace { start -= 1 }
      while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
      replace(from: start, to: cursor, with: "")
    default: return false
    }
    return true
  }

  /// Inserts `character` at the cursor and puts the cursor after it. A combining mark joins
  /// the character before it, as it does on paper.
  public mutating func insert(_ character: Character) {
    replace(from: cursor, to: cursor, with: String(character))
  }

  /// Puts `text` in the field with the cursor at its end.
  public mutating func set(_ text: String) {
    self.text = text
    cursor = text.count
  }

  private mutating func replace(from start: Int, to end: Int, with replacement: String) {
    let characters = Array(text)
    let before = String(characters[0..<start]) + replacement
    text = before + String(characters[end...])
    // The new text may join across the seam (a combining mark after a letter): count again.
    cursor = min(text.count, before.count)
  }

  /// What to show in `width` columns and the cursor's column in it. A text wider than the
  /// field scrolls so that the cursor stays in view; `…` marks each side that is cut.
  public func visible(width: Int) -> (text: String, cursorColumn: Int) {
    guard width > 0 else { return ("", 0) }
    let characters = Array(text)
    let columns = characters.map { DisplayWidth.of($0) }
    let cursorColumn = columns[0..<cursor].reduce(0, +)
    let total = columns.reduce(0, +)
    if total < width { return (text, cursorColumn) }
    // Start as early as possible while the cursor (and one column for it) stays in view.
    var first = 0
    var before = 0
    while first < cursor, cursorColumn - before + (first > 0 ? 1 : 0) >= width - 1 {
      before += columns[first]
      first += 1
    }
    var shown = first > 0 ? "…" : ""
    var used = first > 0 ? 1 : 0
    var index = first
    while index < characters.count {
      let remainingAfter = index + 1 < characters.count
      let room = width - used - (remainingAfter ? 1 : 0)
      if columns[index] > room { break }
      shown.append(characters[index])
      used += columns[index]
      index += 1
    }
    if index < characters.count { shown.append("…") }
    return (shown, (first > 0 ? 1 : 0) + cursorColumn - before)
  }
}

/// What a key does to a one-line prompt such as the `:` line: Enter submits the trimmed text,
/// Esc (or Backspace on an empty line) closes it, anything else edits it.
public enum PromptStep: Equatable, Sendable {
  case editing(TextField)
  case closed
  case submitted(String)

  public init(_ key: Key, editing field: TextField) {
    var field = field
    switch key {
    case .escape: self = .closed
    case .backspace where field.isEmpty: self = .closed
    case .enter: self = .submitted(field.text.trimmingSpaces)
    default:
      field.handle(key)
      self = .editing(field)
    }
  }
}

extension Character {
  /// Control characters (C0, DEL, C1) never go into a field: they come from keys, not text.
  var isControlCharacter: Bool {
    unicodeScalars.allSatisfy { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
  }
}
