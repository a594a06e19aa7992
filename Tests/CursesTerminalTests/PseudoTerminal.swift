#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A pseudo-terminal for driving `CursesTerminal` without a real one: the backend runs on the
/// `terminal` side, the test types into and reads the screen's bytes from the `controller`
/// side, as a terminal emulator would.
final class PseudoTerminal {
  private(set) var controller: Int32
  let terminal: Int32
  private var sentinelCount = 0

  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  init(width: Int, height: Int) throws {
    // posix_openpt, grantpt, unlockpt and ptsname_r are in the C library but not in the Swift
    // Glibc module (they need _XOPEN_SOURCE); look them up with their C calling convention.
    typealias DescriptorCall = @convention(c) (Int32) -> Int32
    typealias NameCall = @convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32
    let library = dlopen(nil, RTLD_NOW)
    guard let openSymbol = dlsym(library, "posix_openpt"), let grantSymbol = dlsym(library, "grantpt"),
      let unlockSymbol = dlsym(library, "unlockpt"), let nameSymbol = dlsym(library, "ptsname_r")
    else { throw Failure(description: "pseudo-terminal functions not found") }
    let openController = unsafeBitCast(openSymbol, to: DescriptorCall.self)
    let grant = unsafeBitCast(grantSymbol, to: DescriptorCall.self)
    let unlock = unsafeBitCast(unlockSymbol, to: DescriptorCall.self)
    let name = unsafeBitCast(nameSymbol, to: NameCall.self)

    controller = openController(O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard controller >= 0 else { throw Failure(description: "posix_openpt failed: \(errno)") }
    var path = [CChar](repeating: 0, count: 256)
    guard grant(controller) == 0, unlock(controller) == 0, name(controller, &path, path.count) == 0 else {
      close(controller)
      throw Failure(description: "cannot set up the pseudo-terminal: \(errno)")
    }
    let pathName = String(decoding: path.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    terminal = open(pathName, O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard terminal >= 0 else {
      close(controller)
      throw Failure(description: "cannot open \(pathName): \(errno)")
    }
    _ = fcntl(controller, F_SETFL, fcntl(controller, F_GETFL) | O_NONBLOCK)
    resize(width: width, height: height)
  }

  deinit {
    close(terminal)
    hangUp()
  }

  /// Closes the controller side, as when the terminal window is closed.
  func hangUp() {
    guard controller >= 0 else { return }
    close(controller)
    controller = -1
  }

  /// Sets the size the kernel reports (what a terminal emulator does when its window changes).
  func resize(width: Int, height: Int) {
    var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(controller, UInt(TIOCSWINSZ), &size)
  }

  /// Types `text` as a person at the keyboard would.
  func type(_ text: String) {
    let bytes = Array(text.utf8)
    bytes.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      _ = write(controller, base, buffer.count)
    }
  }

  /// Everything written to the terminal since the last call. A marker written after it on the
  /// terminal side comes out last, so reading up to the marker reads everything: no guessing
  /// how long to wait (the long time-out only keeps a broken test from hanging).
  func output() -> [UInt8] {
    sentinelCount += 1
    let marker = Array("<<sentinel \(sentinelCount)>>".utf8)
    marker.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      _ = write(terminal, base, buffer.count)
    }
    var received: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while !received.ends(with: marker) {
      var descriptor = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
      guard poll(&descriptor, 1, 10_000) > 0 else { break }
      let count = read(controller, &chunk, chunk.count)
      if count > 0 {
        received += chunk[0..<count]
      } else if count == 0 || errno != EAGAIN {
        break
      }
    }
    return received.ends(with: marker) ? Array(received.dropLast(marker.count)) : received
  }

  /// The terminal's current settings.
  func settings() -> termios {
    var settings = termios()
    _ = tcgetattr(terminal, &settings)
    return settings
  }
}

extension Array where Element == UInt8 {
  func ends(with suffix: [UInt8]) -> Bool {
    count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
  }

  func contains(_ text: String) -> Bool {
    let needle = Array(text.utf8)
    guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
    for start in 0...(count - needle.count) where self[start] == needle[0] {
      if Array(self[start..<(start + needle.count)]) == needle { return true }
    }
    return false
  }
}

/// Field-by-field equality of terminal settings (termios has padding, so no memcmp).
func sameSettings(_ left: termios, _ right: termios) -> Bool {
  var leftControl = left.c_cc
  var rightControl = right.c_cc
  let sameControlCharacters = withUnsafeBytes(of: &leftControl) { leftBytes in
    withUnsafeBytes(of: &rightControl) { rightBytes in Array(leftBytes) == Array(rightBytes) }
  }
  let speeds = { (settings: termios) in
    withUnsafePointer(to: settings) { [cfgetispeed($0), cfgetospeed($0)] }
  }
  return left.c_iflag == right.c_iflag && left.c_oflag == right.c_oflag && left.c_cflag == right.c_cflag
    && left.c_lflag == right.c_lflag && sameControlCharacters && speeds(left) == speeds(right)
}
