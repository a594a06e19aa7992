import CNCurses

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard error while the screen is up: anything written to it (a library's warning, a
/// crash message) would scribble over the screen and be wiped by the next draw, so it goes to a
/// private file instead, and is copied back to the real standard error when the terminal is
/// restored (by `cn_guard_release_error_capture`, also after a crash).
enum ErrorCapture {
  /// Redirects `target` (normally 2) to a new, already-unlinked temporary file readable by this
  /// user only (mkstemp creates it 0600), and hands both descriptors to the guard. Returns false
  /// and changes nothing when that is impossible; the screen then runs without the capture.
  static func start(redirecting target: Int32) -> Bool {
    // A closed standard error has nothing to protect (and mkstemp would reuse its number).
    guard fcntl(target, F_GETFD) != -1 else { return false }
    let directory = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    var template = Array("\(directory)/roundtable-stderr-XXXXXX".utf8CString)
    let capture = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
      guard let path = buffer.baseAddress else { return -1 }
      let descriptor = mkstemp(path)
      // Unlinked at once: nothing is left behind whatever way the process ends.
      if descriptor >= 0 { unlink(path) }
      return descriptor
    }
    guard capture >= 0 else { return false }
    _ = fcntl(capture, F_SETFD, FD_CLOEXEC)
    let original = fcntl(target, F_DUPFD_CLOEXEC, 0)
    guard original >= 0 else {
      close(capture)
      return false
    }
    guard dup2(capture, target) >= 0 else {
      close(capture)
      close(original)
      return false
    }
    cn_guard_set_error_capture(target, original, capture)
    return true
  }
}
