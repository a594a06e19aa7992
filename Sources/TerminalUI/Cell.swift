/// Text attributes a terminal can show without colour. Meaning never rests on colour alone:
/// every state that matters is also in the text (a `>` marker, a label, a symbol), and these
/// attributes add emphasis that works on monochrome terminals too.
public struct TextStyle: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  public static let bold = TextStyle(rawValue: 1 << 0)
  public static let underline = TextStyle(rawValue: 1 << 1)
  public static let reverse = TextStyle(rawValue: 1 << 2)
  public static let dim = TextStyle(rawValue: 1 << 3)
}

/// What a piece of text is, for the theme to colour: the screens say what, the theme (colour
/// or monochrome) says how.
public enum ColorRole: UInt8, CaseIterable, Hashable, Sendable {
  case normal
  case heading
  case accent
  case good
  case warning
  case alert
  case muted
  case selection
}

/// One terminal cell: a grapheme cluster and how it looks. A wide character takes its cell and
/// the next, which holds a `continuation` cell.
public struct Cell: Hashable, Sendable {
  public var character: Character
  /// 1 for most characters, 2 for wide ones, 0 for the cell after a wide character.
  public var width: UInt8
  public var style: TextStyle
  public var role: ColorRole

  public init(_ character: Character, width: UInt8 = 1, style: TextStyle = [], role: ColorRole = .normal) {
    self.character = character
    self.width = width
    self.style = style
    self.role = role
  }

  public static let blank = Cell(" ")
  /// The right half of a wide character: nothing to draw.
  public static let continuation = Cell(" ", width: 0)
}
