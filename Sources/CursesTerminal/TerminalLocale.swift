#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The C locale decides how ncursesw turns wide characters into bytes: in the "C" locale
/// Siobhán, 会議 and emoji come out garbled.
enum TerminalLocale {
  /// Adopts the user's locale (`setlocale(LC_ALL, "")`). When that is the bare "C"/"POSIX"
  /// locale, which almost always means that no locale was configured (containers, cron, ssh
  /// without locale forwarding) rather than that the terminal cannot show UTF-8, characters are
  /// handled as UTF-8 instead. A locale chosen explicitly, even a non-UTF-8 one, is kept.
  static func adopt() {
    setlocale(LC_ALL, "")
    let characterLocale = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? "C"
    if characterLocale == "C" || characterLocale == "POSIX" {
      if setlocale(LC_CTYPE, "C.UTF-8") == nil { setlocale(LC_CTYPE, "en_US.UTF-8") }
    }
  }
}
