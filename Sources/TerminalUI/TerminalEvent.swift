/// A key as the screens understand it, whatever the terminal sent.
public enum Key: Hashable, Sendable {
  case character(Character)
  /// Ctrl plus a letter (lowercase), other than the ones with names below.
  case control(Character)
  case enter
  case escape
  case tab
  case backTab
  case backspace
  case delete
  case up
  case down
  case left
  case right
  case home
  case end
  case pageUp
  case pageDown
  case function(Int)
}

/// Everything the screen loop reacts to arrives as one of these (Elm style): keys, size
/// changes, the clock ticking, signals asking us to stop. No work happens in signal handlers.
public enum TerminalEvent: Hashable, Sendable {
  case key(Key)
  case resize(width: Int, height: Int)
  /// Ctrl-C, SIGTERM or SIGHUP: restore the terminal and leave.
  case interrupt
}

/// A terminal the screens can be shown on. `CursesTerminal` is the real one; tests use a
/// recording fake.
public protocol TerminalBackend: AnyObject {
  /// Columns and rows now.
  var size: (width: Int, height: Int) { get }
  /// Whether colour may be used (the terminal has colours and `NO_COLOR` is not set).
  var usesColor: Bool { get }
  /// Shows `buffer`, writing only the cells that changed since the last call, and puts the
  /// real cursor at `buffer.cursor`.
  func draw(_ buffer: ScreenBuffer)
  /// Waits up to `timeoutMilliseconds` (blocking, without spinning) for the next event; nil on
  /// time-out.
  func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent?
  /// Puts the terminal back as it was. Safe to call more than once.
  func restore()
}
