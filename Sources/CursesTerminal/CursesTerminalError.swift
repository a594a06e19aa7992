#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why the screen could not start, in words a facilitator can act on.
public struct CursesTerminalError: Error, Equatable, CustomStringConvertible {
  public let description: String

  init(_ description: String) { self.description = description }

  static func noTerminal(errorNumber: Int32) -> CursesTerminalError {
    CursesTerminalError(
      "Cannot open the terminal (/dev/tty: \(message(for: errorNumber))). Run this in an interactive "
        + "terminal; scripts can use the command-line verbs instead."
    )
  }

  static let alreadyActive = CursesTerminalError(
    "A full-screen view is already open in this process; close it before opening another."
  )

  static func unknownTerminal(_ type: String?) -> CursesTerminalError {
    guard let type, !type.isEmpty else {
      return CursesTerminalError(
        "The terminal type is not set (TERM is empty). Set TERM to your terminal's type, for example "
          + "TERM=xterm-256color, and try again."
      )
    }
    return CursesTerminalError(
      "The terminal type \"\(type)\" is unknown here. Set TERM to a known type, for example "
        + "TERM=xterm-256color, and try again."
    )
  }

  static func system(_ action: String, errorNumber: Int32) -> CursesTerminalError {
    CursesTerminalError("Cannot start the full-screen view: \(action) failed (\(message(for: errorNumber))).")
  }

  private static func message(for errorNumber: Int32) -> String {
    guard let text = strerror(errorNumber) else { return "error \(errorNumber)" }
    return String(cString: text)
  }
}
