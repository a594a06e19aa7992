import CNCurses
import TerminalUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The real terminal, through ncursesw: shows screen buffers (only the cells that changed),
/// turns key presses, resizes and stop signals into `TerminalEvent`s, and puts the terminal
/// back as it found it on every way out: `restore()`, normal exit, and fatal signals.
///
/// One instance at a time per process (signal handlers and standard error are process-wide),
/// used from one thread. While it is active:
/// - SIGINT, SIGTERM and SIGHUP become `.interrupt` and SIGWINCH becomes `.resize`; the handlers
///   only set a flag and wake `nextEvent` through a pipe.
/// - After SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE, SIGQUIT or SIGTRAP the terminal settings are
///   restored, the cursor shown, captured standard error copied out, and the signal re-raised
///   with the disposition it had before the start: the default action, or the Swift runtime's
///   backtracer, which then prints where the program crashed.
/// - Standard error goes to a private temporary file and is copied back by `restore()`, so
///   messages neither scribble over the screen nor get lost.
/// - Ctrl-S, Ctrl-Q, Ctrl-V and Ctrl-O arrive as keys instead of pausing output or quoting the
///   next key (flow control and extended input processing are off); Ctrl-C, Ctrl-Z and Ctrl-\
///   keep their signals.
public final class CursesTerminal: TerminalBackend {
  public private(set) var size: (width: Int, height: Int)
  public let usesColor: Bool

  private let screen: OpaquePointer
  private let window: UnsafeMutablePointer<WINDOW>
  private let inputFile: UnsafeMutablePointer<FILE>
  private let outputFile: UnsafeMutablePointer<FILE>
  private let appearance: CellAppearance
  private var lastDrawn: ScreenBuffer?
  private var active = true
  private var inputHungUp = false
  /// Reused for every cell, so drawing does not allocate per cell.
  private var cellCharacters: [wchar_t] = []

  /// Opens the process's terminal (/dev/tty), whatever standard input and output are connected
  /// to, so that `roundtable run FILE > log` still shows the screen.
  public convenience init() throws {
    let descriptor = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard descriptor >= 0 else { throw CursesTerminalError.noTerminal(errorNumber: errno) }
    defer { close(descriptor) }
    try self.init(inputDescriptor: descriptor, outputDescriptor: descriptor)
  }

  /// Runs the screen on the terminal behind these descriptors (tests use a pseudo-terminal).
  /// Both are duplicated, so the caller may close its own. `terminalType` overrides `TERM`.
  /// Colour is used when the terminal has it and `NO_COLOR` is unset or empty.
  public convenience init(inputDescriptor: Int32, outputDescriptor: Int32, terminalType: String? = nil) throws
  {
    try self.init(
      inputDescriptor: inputDescriptor,
      outputDescriptor: outputDescriptor,
      terminalType: terminalType,
      noColor: getenv("NO_COLOR").map { String(cString: $0) },
      capturingErrorsOf: STDERR_FILENO
    )
  }

  /// `noColor` stands for the `NO_COLOR` variable and `errorDescriptor` for standard error (-1:
  /// capture nothing), so that tests can check both without changing the test process's
  /// environment or its fd 2.
  init(
    inputDescriptor: Int32, outputDescriptor: Int32, terminalType: String?, noColor: String?,
    capturingErrorsOf errorDescriptor: Int32
  ) throws {
    TerminalLocale.adopt()
    let input = fcntl(inputDescriptor, F_DUPFD_CLOEXEC, 0)
    guard input >= 0 else { throw CursesTerminalError.system("reading the terminal", errorNumber: errno) }
    let output = fcntl(outputDescriptor, F_DUPFD_CLOEXEC, 0)
    guard output >= 0 else {
      let failure = errno
      close(input)
      throw CursesTerminalError.system("writing to the terminal", errorNumber: failure)
    }
    // Before ncurses starts, so that it finds our handlers in place and installs none of its
    // own for these signals.
    guard cn_guard_start(output) == 0 else {
      let failure = errno
      close(input)
      close(output)
      throw failure == EBUSY
        ? CursesTerminalError.alreadyActive
        : CursesTerminalError.system("installing signal handlers", errorNumber: failure)
    }
    guard let inputFile = fdopen(input, "r") else {
      let failure = errno
      close(input)
      close(output)
      cn_guard_stop()
      throw CursesTerminalError.system("reading the terminal", errorNumber: failure)
    }
    guard let outputFile = fdopen(output, "w") else {
      let failure = errno
      fclose(inputFile)
      close(output)
      cn_guard_stop()
      throw CursesTerminalError.system("writing to the terminal", errorNumber: failure)
    }
    let type = terminalType ?? getenv("TERM").map { String(cString: $0) }
    guard let screen = newterm(type, outputFile, inputFile) else {
      fclose(inputFile)
      fclose(outputFile)
      cn_guard_stop()
      throw CursesTerminalError.unknownTerminal(type)
    }
    set_term(screen)
    guard let window = cn_stdscr() else {
      endwin()
      cn_guard_restore_settings()
      cn_guard_stop()
      delscreen(screen)
      fclose(inputFile)
      fclose(outputFile)
      throw CursesTerminalError.system("creating the screen", errorNumber: errno)
    }
    Self.configureInput(window, terminal: output)
    // The real cursor stays visible and where the screen puts it (never leaveok): screen
    // readers and braille displays follow it.
    curs_set(1)
    usesColor = (noColor ?? "").isEmpty && CellAppearance.installColorPairs()
    appearance = CellAppearance(usesColor: usesColor)
    Self.publishResetSequence()
    _ = ErrorCapture.start(redirecting: errorDescriptor)

    var rows: Int32 = 0
    var columns: Int32 = 0
    cn_getmaxyx(window, &rows, &columns)
    size = (Int(columns), Int(rows))
    self.screen = screen
    self.window = window
    self.inputFile = inputFile
    self.outputFile = outputFile
    cn_guard_set_exit_hook(
      { context in
        guard let context else { return }
        Unmanaged<CursesTerminal>.fromOpaque(context).takeUnretainedValue().restore()
      },
      Unmanaged.passUnretained(self).toOpaque()
    )
  }

  deinit { restore() }

  // MARK: - Drawing

  public func draw(_ buffer: ScreenBuffer) {
    guard active else { return }
    let previous = lastDrawn.flatMap { $0.width == buffer.width && $0.height == buffer.height ? $0 : nil }
    // A new size (or the first draw, or a resize) starts from a blank virtual screen; ncurses
    // still sends only what differs from what the terminal shows.
    if previous == nil { werase(window) }
    for change in buffer.changes(since: previous) where change.x < size.width && change.y < size.height {
      put(change.cell, x: change.x, y: change.y, in: buffer)
    }
    var cursor = buffer.cursor ?? Position(x: 0, y: 0)
    if cursor.x < 0 || cursor.y < 0 || cursor.x >= size.width || cursor.y >= size.height {
      cursor = Position(x: 0, y: 0)
    }
    wmove(window, Int32(cursor.y), Int32(cursor.x))
    wnoutrefresh(window)
    doupdate()
    lastDrawn = buffer
  }

  private func put(_ cell: Cell, x: Int, y: Int, in buffer: ScreenBuffer) {
    let look = appearance.attributes(style: cell.style, role: cell.role)
    if cell.width == 0 {
      // The right half of a wide character was drawn with it. One with no wide character on
      // its left is shown blank rather than keeping whatever was there.
      if x > 0 && buffer[x - 1, y].width == 2 { return }
      putBlank(x: x, y: y, look: look)
      return
    }
    if cell.width == 2 && x + 1 >= size.width {
      // Half a wide character cannot be shown, and ncurses would wrap it onto the next row.
      putBlank(x: x, y: y, look: look)
      return
    }
    var cursesWidth = CellText.encode(cell.character, into: &cellCharacters)
    if cursesWidth > Int(cell.width) {
      // The C library thinks this is wider than the screen does: showing it would push the
      // rest of the row right, so a placeholder keeps the columns where the screen put them.
      cursesWidth = CellText.encode("?", into: &cellCharacters)
    } else if cursesWidth < Int(cell.width) {
      // The screen gives this cluster two columns (a text symbol made emoji by U+FE0F) but
      // ncurses one. Terminals disagree on such symbols, one column or two; shown as the plain
      // symbol followed by a space, it takes two columns on every terminal and the rest of the
      // row stays where the screen put it.
      _ = CellText.encode(cell.character, into: &cellCharacters, textPresentation: true)
    }
    _ = cn_put_cell(window, Int32(y), Int32(x), cellCharacters, look.attributes, look.pair)
    if cursesWidth < Int(cell.width) { putBlank(x: x + 1, y: y, look: look) }
  }

  private func putBlank(x: Int, y: Int, look: (attributes: attr_t, pair: Int16)) {
    _ = CellText.encode(" ", into: &cellCharacters)
    _ = cn_put_cell(window, Int32(y), Int32(x), cellCharacters, look.attributes, look.pair)
  }

  // MARK: - Input

  /// Waits up to `timeoutMilliseconds` (a negative value waits without limit) in `poll()` on
  /// the terminal and the signal pipe, so an idle screen uses no processor time.
  public func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
    guard active else { return nil }
    let clock = ContinuousClock()
    let deadline = timeoutMilliseconds >= 0 ? clock.now.advanced(by: .milliseconds(timeoutMilliseconds)) : nil
    while true {
      if let event = signalEvent() { return event }
      switch readInput() {
      case .event(let event): return event
      case .ignored: continue
      case .nothing: break
      }
      // The terminal is gone (window closed, ssh dropped) and everything it sent has been read.
      if inputHungUp { return .interrupt }
      var wait: Int32 = -1
      if let deadline {
        let left = clock.now.duration(to: deadline)
        if left <= .zero { return nil }
        wait = Self.millisecondsRoundedUp(left)
      }
      waitForInput(milliseconds: wait)
    }
  }

  private enum InputRead {
    case event(TerminalEvent)
    /// A key no screen uses: read on without waiting.
    case ignored
    case nothing
  }

  private func signalEvent() -> TerminalEvent? {
    cn_guard_drain_wakeups()
    if cn_guard_take_interrupt() != 0 { return .interrupt }
    if cn_guard_take_resize() != 0 { return resized() }
    return nil
  }

  /// Reads what ncurses has or can read without waiting (the window is in no-delay mode; an
  /// Esc still waits ESCDELAY for the rest of an escape sequence).
  private func readInput() -> InputRead {
    var code: wint_t = 0
    switch wget_wch(window, &code) {
    case OK:
      return KeyCode.key(forCharacter: code).map { .event(.key($0)) } ?? .ignored
    case KEY_CODE_YES:
      if Int32(bitPattern: code) == KEY_RESIZE { return .event(resized()) }
      return KeyCode.key(forKeyCode: Int32(bitPattern: code)).map { .event(.key($0)) } ?? .ignored
    default:
      return .nothing
    }
  }

  private func waitForInput(milliseconds: Int32) {
    var descriptors = [
      pollfd(fd: fileno(inputFile), events: Int16(POLLIN), revents: 0),
      pollfd(fd: cn_guard_wakeup_fd(), events: Int16(POLLIN), revents: 0),
    ]
    // EINTR needs no handling: the loop looks at the signal flags again either way.
    guard poll(&descriptors, nfds_t(descriptors.count), milliseconds) > 0 else { return }
    let input = descriptors[0].revents
    if input & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { inputHungUp = true }
    // Readable with nothing to read is the end of input (or input that is no terminal at all,
    // such as /dev/null): waiting again would return at once, forever.
    if input & Int16(POLLIN) != 0 && cn_readable_bytes(descriptors[0].fd) < 1 { inputHungUp = true }
  }

  /// Takes the size from the kernel, not from ncurses, which learns of resizes only through a
  /// SIGWINCH handler of its own (ours relays the signal instead).
  private func resized() -> TerminalEvent {
    var rows: Int32 = 0
    var columns: Int32 = 0
    if cn_terminal_size(fileno(outputFile), &rows, &columns) == 0 { resize_term(rows, columns) }
    // What the terminal shows after a resize is unknown (it may have reflowed or cleared):
    // the next draw repaints everything.
    clearok(cn_curscr(), true)
    lastDrawn = nil
    cn_getmaxyx(window, &rows, &columns)
    size = (Int(columns), Int(rows))
    return .resize(width: size.width, height: size.height)
  }

  // MARK: - Restoring

  public func restore() {
    guard active else { return }
    active = false
    cn_guard_set_exit_hook(nil, nil)
    endwin()
    // ncurses' endwin already put back the settings it saw at start; these are the ones saved
    // before it started, which is what the terminal must end up with.
    cn_guard_restore_settings()
    // After endwin, so that the captured messages land on the normal screen.
    cn_guard_release_error_capture()
    cn_guard_stop()
    delscreen(screen)
    fclose(inputFile)
    fclose(outputFile)
  }

  // MARK: - Test support

  /// What ncurses holds for row `y` of its virtual screen, trailing spaces removed: what the
  /// terminal shows once drawn. Nil once restored.
  func screenText(row y: Int) -> String? {
    guard active, y >= 0, y < size.height else { return nil }
    var text = [wchar_t](repeating: 0, count: size.width * Int(cn_cchar_max()) + 1)
    let savedY = getcury(window)
    let savedX = getcurx(window)
    defer { wmove(window, savedY, savedX) }
    guard mvwinnwstr(window, Int32(y), 0, &text, Int32(text.count - 1)) != ERR else { return nil }
    var line = ""
    for value in text {
      guard value != 0 else { break }
      if let scalar = Unicode.Scalar(UInt32(bitPattern: value)) { line.unicodeScalars.append(scalar) }
    }
    while line.last == " " { line.removeLast() }
    return line
  }

  /// Where ncurses last put the terminal's real cursor. Nil once restored.
  var physicalCursor: Position? {
    guard active, let current = cn_curscr() else { return nil }
    return Position(x: Int(getcurx(current)), y: Int(getcury(current)))
  }

  // MARK: - Start-up helpers

  private static func configureInput(_ window: UnsafeMutablePointer<WINDOW>, terminal: Int32) {
    cbreak()
    noecho()
    nonl()
    keypad(window, true)
    meta(window, true)
    intrflush(window, false)
    // nextEvent waits in poll(); ncurses reads only what is already there.
    nodelay(window, true)
    // Long enough for an escape sequence over ssh, short enough that Esc feels immediate.
    set_escdelay(25)
    // Otherwise ncurses may stop a refresh half-way when keys are waiting, and the screen
    // stays half-drawn while the loop waits for the next key.
    typeahead(-1)
    letControlKeysThrough(terminal)
    defineNormalModeKeys()
  }

  /// Turns off XON/XOFF flow control (Ctrl-S would freeze the screen until Ctrl-Q, which looks
  /// like a hang in the middle of a meeting) and extended input processing (Ctrl-V would
  /// swallow the next key), then tells ncurses that these are the program's settings, so it
  /// reapplies them after a suspend (Ctrl-Z). Signals from Ctrl-C, Ctrl-Z and Ctrl-\ stay on.
  private static func letControlKeysThrough(_ terminal: Int32) {
    var settings = termios()
    guard tcgetattr(terminal, &settings) == 0 else { return }
    settings.c_iflag &= ~tcflag_t(IXON)
    settings.c_lflag &= ~tcflag_t(IEXTEN)
    guard tcsetattr(terminal, TCSANOW, &settings) == 0 else { return }
    def_prog_mode()
  }

  /// keypad() asks the terminal for application-mode keys (ESC O A for up on xterm), but some
  /// terminals, and terminals run under a mismatched TERM, keep sending normal-mode ones
  /// (ESC [ A). Those are added where the terminal description leaves them free.
  private static func defineNormalModeKeys() {
    let sequences: [(String, Int32)] = [
      ("\u{1B}[A", KEY_UP), ("\u{1B}[B", KEY_DOWN), ("\u{1B}[C", KEY_RIGHT), ("\u{1B}[D", KEY_LEFT),
      ("\u{1B}OA", KEY_UP), ("\u{1B}OB", KEY_DOWN), ("\u{1B}OC", KEY_RIGHT), ("\u{1B}OD", KEY_LEFT),
      ("\u{1B}[H", KEY_HOME), ("\u{1B}[F", KEY_END), ("\u{1B}OH", KEY_HOME), ("\u{1B}OF", KEY_END),
      ("\u{1B}[1~", KEY_HOME), ("\u{1B}[4~", KEY_END), ("\u{1B}[Z", KEY_BTAB),
    ]
    for (sequence, code) in sequences where key_defined(sequence) == 0 { define_key(sequence, code) }
  }

  /// What a crash handler writes before restoring the settings: reset attributes, leave keypad
  /// mode and the alternate screen, show the cursor. Prepared now because the handler may not
  /// call into ncurses.
  private static func publishResetSequence() {
    // CAN first: it cancels an escape sequence the crash may have cut short, which would
    // otherwise swallow the start of the reset.
    var bytes: [UInt8] = [0x18]
    for capability in ["sgr0", "rmkx", "rmcup", "cnorm"] {
      guard let value = cn_terminfo_string(capability) else { continue }
      bytes += withoutPadding(Array(String(cString: value).utf8))
    }
    bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { characters in
        cn_guard_set_reset_sequence(characters.baseAddress, characters.count)
      }
    }
  }

  /// Terminfo strings may hold delays such as `$<5>`, which only tputs understands.
  private static func withoutPadding(_ bytes: [UInt8]) -> [UInt8] {
    var result: [UInt8] = []
    var index = 0
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "<"),
        let end = bytes[index...].firstIndex(of: UInt8(ascii: ">"))
      {
        index = end + 1
        continue
      }
      result.append(bytes[index])
      index += 1
    }
    return result
  }

  private static func millisecondsRoundedUp(_ duration: Duration) -> Int32 {
    let (seconds, attoseconds) = duration.components
    let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    return Int32(clamping: milliseconds)
  }
}
