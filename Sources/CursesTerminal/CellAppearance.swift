import CNCurses
import TerminalUI

/// How a cell's style and role look on this terminal: ncurses attributes plus a colour pair.
/// Roles that matter get an attribute in colour and in monochrome alike, so meaning never rests
/// on colour alone.
struct CellAppearance {
  let usesColor: Bool

  /// Sets up one colour pair per role, on the terminal's own background (projectors and light
  /// or dark themes keep their contrast). Returns false when the terminal cannot, so the caller
  /// falls back to monochrome.
  static func installColorPairs() -> Bool {
    guard has_colors(), start_color() == OK else { return false }
    guard cn_color_pairs() > ColorRole.allCases.count else { return false }
    let keepsDefaults = use_default_colors() == OK
    let defaultForeground = keepsDefaults ? Int16(-1) : Int16(COLOR_WHITE)
    let defaultBackground = keepsDefaults ? Int16(-1) : Int16(COLOR_BLACK)
    for role in ColorRole.allCases {
      let foreground = Self.foreground(of: role).map(Int16.init) ?? defaultForeground
      guard init_pair(pair(of: role), foreground, defaultBackground) == OK else { return false }
    }
    return true
  }

  /// Attributes and colour pair for one cell.
  func attributes(style: TextStyle, role: ColorRole) -> (attributes: attr_t, pair: Int16) {
    var attributes = Self.attributes(of: role)
    if style.contains(.bold) { attributes |= cn_a_bold() }
    if style.contains(.underline) { attributes |= cn_a_underline() }
    if style.contains(.reverse) { attributes |= cn_a_reverse() }
    if style.contains(.dim) { attributes |= cn_a_dim() }
    return (attributes, usesColor ? Self.pair(of: role) : 0)
  }

  /// Pair 0 is the terminal's default and cannot be changed, so roles start at 1.
  private static func pair(of role: ColorRole) -> Int16 { Int16(role.rawValue) + 1 }

  /// Nil: the terminal's default foreground, the highest contrast it has.
  private static func foreground(of role: ColorRole) -> Int32? {
    switch role {
    case .accent: return COLOR_CYAN
    case .good: return COLOR_GREEN
    // Magenta rather than yellow: yellow all but disappears on the white backgrounds many
    // projectors and light themes use.
    case .warning: return COLOR_MAGENTA
    case .alert: return COLOR_RED
    case .normal, .heading, .muted, .selection: return nil
    }
  }

  /// The same with or without colour: these carry the emphasis on monochrome terminals.
  private static func attributes(of role: ColorRole) -> attr_t {
    switch role {
    case .heading, .alert: return cn_a_bold()
    case .muted: return cn_a_dim()
    case .selection: return cn_a_reverse()
    case .normal, .accent, .good, .warning: return cn_a_normal()
    }
  }
}
