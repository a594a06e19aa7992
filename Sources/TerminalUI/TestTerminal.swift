/// A terminal for tests: it hands out scripted events and keeps every frame drawn, so a screen
/// session can be driven from key press to recorded event to frame without ncurses.
public final class TestTerminal: TerminalBackend {
  public var size: (width: Int, height: Int)
  public var usesColor: Bool
  /// Events still to hand out, first first; nil is a wait that timed out. When the script is
  /// used up the terminal sends `.interrupt`, so that `run()` ends.
  public var script: [TerminalEvent?]
  /// Every frame drawn, oldest first.
  public private(set) var frames: [ScreenBuffer] = []
  public private(set) var restoreCount = 0
  /// Runs before each event is handed out (tests use it to move the clock or write to the
  /// meeting from "another terminal").
  public var beforeEvent: ((TerminalEvent?) -> Void)?

  public init(width: Int = 120, height: Int = 40, usesColor: Bool = false, script: [TerminalEvent?] = []) {
    size = (width, height)
    self.usesColor = usesColor
    self.script = script
  }

  /// The last frame drawn, as text lines.
  public var screen: [String] { frames.last?.lines ?? [] }

  public func draw(_ buffer: ScreenBuffer) { frames.append(buffer) }

  public func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
    let event = script.isEmpty ? .interrupt : script.removeFirst()
    beforeEvent?(event)
    if case .resize(let width, let height) = event { size = (width, height) }
    return event
  }

  public func restore() { restoreCount += 1 }
}
