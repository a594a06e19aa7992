import TerminalUI
import Testing

@testable import CursesTerminal

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The backend on a pseudo-terminal. Serialized: a process has one terminal guard (signal
/// handlers, standard error), so only one backend runs at a time.
@Suite("Curses terminal on a pseudo-terminal", .serialized)
struct CursesTerminalTests {
  /// A started backend plus the file its "standard error" goes to, so that tests never
  /// redirect the test process's own fd 2.
  final class Session {
    let pty: PseudoTerminal
    let terminal: CursesTerminal
    let errors: Int32

    init(width: Int = 40, height: Int = 8, type: String = "xterm-256color", noColor: String? = nil) throws {
      pty = try PseudoTerminal(width: width, height: height)
      var template = Array("/tmp/curses-test-errors-XXXXXX".utf8CString)
      errors = template.withUnsafeMutableBufferPointer { buffer in
        guard let path = buffer.baseAddress else { return -1 }
        let descriptor = mkstemp(path)
        unlink(path)
        return descriptor
      }
      do {
        terminal = try CursesTerminal(
          inputDescriptor: pty.terminal, outputDescriptor: pty.terminal, terminalType: type, noColor: noColor,
          capturingErrorsOf: errors
        )
      } catch {
        close(errors)
        throw error
      }
      _ = pty.output()  // start-up sequences
    }

    deinit {
      terminal.restore()
      close(errors)
    }

    /// The next event, waiting as long as it takes the pseudo-terminal to deliver (the long
    /// time-out only keeps a broken test from hanging).
    func nextEvent() -> TerminalEvent? { terminal.nextEvent(timeoutMilliseconds: 10_000) }

    var screenLines: [String] { (0..<terminal.size.height).map { terminal.screenText(row: $0) ?? "<none>" } }
  }

  static func buffer(_ lines: [String], width: Int = 40, height: Int = 8) -> ScreenBuffer {
    var buffer = ScreenBuffer(width: width, height: height)
    for (row, line) in lines.enumerated() { buffer.write(line, x: 0, y: row) }
    return buffer
  }

  static let names = [
    "Amira | ASCII",
    "Siobhán | precomposed",
    "Siobha\u{301}n | combining accent",
    "Zoë Ñúñez",
    "会議 | CJK, two columns each",
    "🎉 🙂 | emoji",
    "☺\u{FE0F} | variation selector",
    "x\u{301}\u{323} | two combining marks",
  ]

  @Test func reportsTheSizeOfTheTerminal() throws {
    let session = try Session(width: 52, height: 11)
    #expect(session.terminal.size == (52, 11))
  }

  @Test func drawsAccentsCombiningMarksCJKAndEmojiInTheirColumns() throws {
    let session = try Session()
    let buffer = Self.buffer(Self.names)
    session.terminal.draw(buffer)
    let written = session.pty.output()

    // ncurses' own screen holds what the buffer says, column for column. The one exception
    // is deliberate: a text symbol made emoji by U+FE0F, two columns on the screen but one for
    // ncurses and some terminals, is shown as the plain symbol and a space.
    var expected = buffer.lines
    expected[6] = "☺  | variation selector"
    #expect(session.screenLines == expected)
    // And the bytes sent to the terminal carry each cluster whole.
    for text in ["Amira", "Siobhán", "Siobha\u{301}n", "Zoë Ñúñez", "会議", "🎉", "🙂", "x\u{301}\u{323}"] {
      #expect(written.contains(text), "\(text) not written as one piece")
    }
    #expect(written.contains("☺  |"))
  }

  @Test func aSecondDrawOfTheSameScreenWritesAlmostNothing() throws {
    let session = try Session()
    session.terminal.draw(Self.buffer(Self.names))
    let first = session.pty.output()
    session.terminal.draw(Self.buffer(Self.names))
    let second = session.pty.output()
    #expect(first.count > 200)
    #expect(second.count <= 8, "wrote \(second.count) bytes: \(String(decoding: second, as: UTF8.self))")
  }

  @Test func aChangedCellIsAllThatIsWritten() throws {
    let session = try Session()
    var buffer = Self.buffer(Self.names)
    session.terminal.draw(buffer)
    _ = session.pty.output()
    buffer.write("会", x: 30, y: 7)
    session.terminal.draw(buffer)
    let change = session.pty.output()
    #expect(change.contains("会"))
    #expect(!change.contains("Amira"))
    #expect(change.count < 40, "wrote \(change.count) bytes: \(String(decoding: change, as: UTF8.self))")
    #expect(session.screenLines[7] == buffer.lines[7])
  }

  @Test func wideCharactersReplacingNarrowOnesAndBackKeepTheRowAligned() throws {
    let session = try Session()
    var buffer = Self.buffer(["abcdef|", "会議会議|"])
    session.terminal.draw(buffer)
    buffer.write("会議", x: 1, y: 0)  // over b..e
    buffer.write("xyz", x: 1, y: 1)  // over the right half of 会 and all of 議
    session.terminal.draw(buffer)
    #expect(buffer.lines[0] == "a会議f|")
    #expect(buffer.lines[1] == " xyz会議|")
    #expect(session.screenLines == buffer.lines)
  }

  @Test func theRealCursorGoesWhereTheScreenPutsIt() throws {
    let session = try Session()
    var buffer = Self.buffer(["> Siobhán", "  Zoë"])
    buffer.cursor = Position(x: 2, y: 1)
    session.terminal.draw(buffer)
    #expect(session.terminal.physicalCursor == Position(x: 2, y: 1))
    // Nothing hides the cursor (civis) or parks it away from the focus.
    #expect(!session.pty.output().contains("\u{1B}[?25l"))

    buffer.cursor = nil
    session.terminal.draw(buffer)
    #expect(session.terminal.physicalCursor == Position(x: 0, y: 0))
    #expect(session.pty.output().contains("\u{1B}[H"))

    buffer.cursor = Position(x: 99, y: 3)  // off the screen
    session.terminal.draw(buffer)
    #expect(session.terminal.physicalCursor == Position(x: 0, y: 0))
  }

  @Test func colourFollowsTheTerminalAndNoColor() throws {
    #expect(try Session(type: "xterm-256color").terminal.usesColor)
    #expect(try !Session(type: "xterm-256color", noColor: "1").terminal.usesColor)
    #expect(try Session(type: "xterm-256color", noColor: "").terminal.usesColor)
    #expect(try !Session(type: "xterm-mono").terminal.usesColor)
  }

  @Test func rolesShowWithoutColourToo() throws {
    let session = try Session(noColor: "1")
    var buffer = ScreenBuffer(width: 40, height: 8)
    buffer.write("ALERT", x: 0, y: 0, role: .alert)
    buffer.write("chosen", x: 0, y: 1, role: .selection)
    session.terminal.draw(buffer)
    let written = session.pty.output()
    // xterm's terminfo sets attributes as SGR 0;<attribute>.
    #expect(written.contains("\u{1B}[0;1mALERT"))  // bold
    #expect(written.contains("\u{1B}[0;7mchosen"))  // reverse
    #expect(!written.contains("\u{1B}[3"))  // no foreground colour at all
  }

  @Test func rolesGetTheirColoursAndKeepTheirAttributes() throws {
    let session = try Session()
    var buffer = ScreenBuffer(width: 40, height: 8)
    buffer.write("ALERT", x: 0, y: 0, role: .alert)
    buffer.write("next", x: 0, y: 1, role: .accent)
    session.terminal.draw(buffer)
    let written = session.pty.output()
    #expect(written.contains("\u{1B}[0;1m\u{1B}[31mALERT"))  // bold red
    #expect(written.contains("\u{1B}[36mnext"))  // cyan
  }

  @Test func keysComeBackAsKeys() throws {
    let session = try Session()
    let cases: [(String, Key)] = [
      ("\u{1B}OA", .up), ("\u{1B}OB", .down), ("\u{1B}OC", .right), ("\u{1B}OD", .left),
      ("\u{1B}[A", .up), ("\u{1B}[D", .left),  // normal-mode arrows
      ("\u{1B}OH", .home), ("\u{1B}OF", .end), ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown),
      ("\u{1B}[3~", .delete), ("\u{1B}[Z", .backTab), ("\u{1B}OP", .function(1)),
      ("\u{1B}[24~", .function(12)),
      ("\r", .enter), ("\n", .enter), ("\t", .tab), ("\u{7F}", .backspace), ("\u{8}", .backspace),
      ("\u{1}", .control("a")), ("\u{13}", .control("s")), ("\u{11}", .control("q")),
      ("\u{16}", .control("v")),
      ("q", .character("q")), ("?", .character("?")), ("é", .character("é")), ("会", .character("会")),
      ("🎉", .character("🎉")),
    ]
    for (typed, key) in cases {
      session.pty.type(typed)
      #expect(session.nextEvent() == .key(key), "typed \(Array(typed.unicodeScalars))")
    }
  }

  @Test func escapeOnItsOwnIsTheEscapeKey() throws {
    let session = try Session()
    session.pty.type("\u{1B}")
    #expect(session.nextEvent() == .key(.escape))
    session.pty.type("\u{1B}")
    session.pty.type("q")
    let events = [session.nextEvent(), session.nextEvent()]
    // Esc then q typed quickly may also read as one Alt-q, which is Esc followed by q.
    #expect(events == [.key(.escape), .key(.character("q"))])
  }

  @Test func waitingWithNothingTypedTimesOut() throws {
    let session = try Session()
    #expect(session.terminal.nextEvent(timeoutMilliseconds: 0) == nil)
    #expect(session.terminal.nextEvent(timeoutMilliseconds: 20) == nil)
  }

  @Test func aResizeIsReportedWithTheNewSizeAndRedrawsEverything() throws {
    let session = try Session(width: 40, height: 8)
    session.terminal.draw(Self.buffer(Self.names))
    _ = session.pty.output()

    session.pty.resize(width: 30, height: 5)
    // A terminal sends SIGWINCH to its foreground process; this test process is not one.
    kill(getpid(), SIGWINCH)
    #expect(session.nextEvent() == .resize(width: 30, height: 5))
    #expect(session.terminal.size == (30, 5))

    let smaller = Self.buffer(Array(Self.names.prefix(5)), width: 30, height: 5)
    session.terminal.draw(smaller)
    let written = session.pty.output()
    #expect(written.contains("Amira"))
    #expect(written.contains("会議"))
    #expect(session.screenLines == smaller.lines)
  }

  @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
  func stopSignalsBecomeInterrupts(signal: Int32) throws {
    let session = try Session()
    kill(getpid(), signal)
    #expect(session.nextEvent() == .interrupt)
    // Taken once: the next wait sees only what comes after.
    #expect(session.terminal.nextEvent(timeoutMilliseconds: 0) == nil)
  }

  @Test func signalsBlockedByTheParentAreUnblocked() throws {
    var blocked = sigset_t()
    sigemptyset(&blocked)
    sigaddset(&blocked, SIGTERM)
    var previous = sigset_t()
    sigprocmask(SIG_BLOCK, &blocked, &previous)
    defer { sigprocmask(SIG_SETMASK, &previous, nil) }
    let session = try Session()
    var now = sigset_t()
    sigprocmask(SIG_SETMASK, nil, &now)
    #expect(sigismember(&now, SIGTERM) == 0)
    kill(getpid(), SIGTERM)
    #expect(session.nextEvent() == .interrupt)
  }

  @Test func aClosedTerminalEndsTheLoop() throws {
    let session = try Session()
    session.pty.hangUp()
    #expect(session.nextEvent() == .interrupt)
  }

  @Test func restoringPutsBackTheSettingsFromBeforeTheStart() throws {
    let pty = try PseudoTerminal(width: 40, height: 8)
    let before = pty.settings()
    let terminal = try CursesTerminal(
      inputDescriptor: pty.terminal, outputDescriptor: pty.terminal, terminalType: "xterm-256color",
      noColor: nil,
      capturingErrorsOf: -1
    )
    let during = pty.settings()
    #expect(!sameSettings(before, during))  // no echo, no line editing, no flow control
    terminal.draw(Self.buffer(Self.names))
    _ = pty.output()
    terminal.restore()
    #expect(sameSettings(before, pty.settings()))
    let goodbye = pty.output()
    #expect(goodbye.contains("\u{1B}[?1049l"))  // left the alternate screen

    terminal.restore()  // a second time changes nothing
    terminal.draw(Self.buffer(["after"]))
    #expect(terminal.nextEvent(timeoutMilliseconds: 0) == nil)
    #expect(pty.output().isEmpty)
    #expect(sameSettings(before, pty.settings()))
  }

  @Test func theSignalHandlersAreGoneAfterRestoring() throws {
    let before = Self.handler(of: SIGTERM)
    let session = try Session()
    let during = Self.handler(of: SIGTERM)
    session.terminal.restore()
    #expect(during != before)
    #expect(Self.handler(of: SIGTERM) == before)
  }

  /// The address of a signal's handler (or SIG_DFL / SIG_IGN).
  static func handler(of signal: Int32) -> Int {
    var action = sigaction()
    sigaction(signal, nil, &action)
    #if os(Linux)
      return unsafeBitCast(action.__sigaction_handler, to: Int.self)
    #else
      return unsafeBitCast(action.__sigaction_u, to: Int.self)
    #endif
  }

  @Test func standardErrorWrittenDuringTheScreenIsKeptAndPrintedAfter() throws {
    let session = try Session()
    var status = stat()
    fstat(session.errors, &status)
    // While the screen is up the descriptor leads to a private, already-unlinked file.
    #expect(status.st_mode & 0o777 == 0o600)
    #expect(status.st_nlink == 0)
    let message = Array("warning: the projector is upside down\n".utf8)
    _ = message.withUnsafeBytes { write(session.errors, $0.baseAddress, $0.count) }
    #expect(!session.pty.output().contains("projector"))  // not over the screen

    session.terminal.restore()
    var copied = [UInt8](repeating: 0, count: 256)
    let count = pread(session.errors, &copied, copied.count, 0)
    #expect(Array(copied.prefix(max(0, count))) == message)
  }

  @Test func onlyOneScreenAtATime() throws {
    let session = try Session()
    let other = try PseudoTerminal(width: 40, height: 8)
    #expect(throws: CursesTerminalError.alreadyActive) {
      try CursesTerminal(
        inputDescriptor: other.terminal, outputDescriptor: other.terminal, terminalType: "xterm")
    }
    session.terminal.restore()
    let next = try CursesTerminal(
      inputDescriptor: other.terminal, outputDescriptor: other.terminal, terminalType: "xterm", noColor: nil,
      capturingErrorsOf: -1
    )
    next.restore()
  }

  @Test func anUnknownTerminalTypeIsRefusedWithAHint() throws {
    let pty = try PseudoTerminal(width: 40, height: 8)
    let before = pty.settings()
    #expect(throws: CursesTerminalError.unknownTerminal("no-such-terminal")) {
      try CursesTerminal(
        inputDescriptor: pty.terminal, outputDescriptor: pty.terminal, terminalType: "no-such-terminal",
        noColor: nil,
        capturingErrorsOf: -1
      )
    }
    #expect(CursesTerminalError.unknownTerminal("no-such-terminal").description.contains("TERM="))
    #expect(sameSettings(before, pty.settings()))
    // Nothing was left claimed.
    let terminal = try CursesTerminal(
      inputDescriptor: pty.terminal, outputDescriptor: pty.terminal, terminalType: "xterm", noColor: nil,
      capturingErrorsOf: -1
    )
    terminal.restore()
  }

  @Test func runsHeadlessOnDevNull() throws {
    let null = open("/dev/null", O_RDWR)
    defer { close(null) }
    let terminal = try CursesTerminal(
      inputDescriptor: null, outputDescriptor: null, terminalType: "xterm", noColor: nil,
      capturingErrorsOf: -1
    )
    defer { terminal.restore() }
    #expect(terminal.size.width > 0 && terminal.size.height > 0)
    terminal.draw(Self.buffer(["会議 Zoë"], width: terminal.size.width, height: terminal.size.height))
    #expect(terminal.screenText(row: 0) == "会議 Zoë")
    // No keyboard at all: the loop is told to stop instead of waking up forever.
    #expect(terminal.nextEvent(timeoutMilliseconds: 10_000) == .interrupt)
  }
}
