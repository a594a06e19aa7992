import CNCurses
import TerminalUI

/// What `wget_wch` returns, as the keys the screens understand.
enum KeyCode {
  /// A character code (`wget_wch` returned OK): printable characters, and the control codes
  /// terminals send for Enter, Tab, Esc, Backspace and Ctrl-letter. Nil for codes no screen
  /// uses (Ctrl-@, Ctrl-\ and friends, C1 controls, invalid scalars).
  static func key(forCharacter code: UInt32) -> Key? {
    switch code {
    case 9: return .tab
    // Enter sends CR (nonl keeps the terminal from turning it into LF); Ctrl-J sends LF.
    case 10, 13: return .enter
    case 27: return .escape
    // Terminals disagree on which of DEL and Ctrl-H the backspace key sends.
    case 8, 127: return .backspace
    case 1...26:
      guard let letter = Unicode.Scalar(code + 0x60) else { return nil }
      return .control(Character(letter))
    case 0..<32, 0x80..<0xA0: return nil
    default:
      guard let scalar = Unicode.Scalar(code) else { return nil }
      return .character(Character(scalar))
    }
  }

  /// A key code (`wget_wch` returned KEY_CODE_YES). Nil for keys no screen uses (shifted
  /// arrows, Insert, mouse, F13 and above).
  static func key(forKeyCode code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_HOME: return .home
    case KEY_END: return .end
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_BTAB: return .backTab
    case KEY_DC: return .delete
    case KEY_BACKSPACE: return .backspace
    case KEY_ENTER: return .enter
    case cn_key_f(1)...cn_key_f(12): return .function(Int(code - cn_key_f(0)))
    default: return nil
    }
  }
}
