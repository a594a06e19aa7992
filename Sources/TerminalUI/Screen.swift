import MeetingModel

/// A line at the bottom of a screen: what just happened, or why a command was refused.
public struct ScreenMessage: Equatable, Sendable {
  public var text: String
  public var isError: Bool

  public init(_ text: String, isError: Bool = false) {
    self.text = text
    self.isError = isError
  }
}

/// Another terminal with the meeting open, as the meeting file last heard from it.
public struct ConnectedTerminal: Equatable, Sendable {
  /// "facilitator", "notes" or "participant".
  public var role: String
  /// The terminal's name ("notes@pts/3").
  public var terminal: String
  /// A participant's name, when they watch as themselves.
  public var name: String?

  public init(role: String, terminal: String, name: String? = nil) {
    self.role = role
    self.terminal = terminal
    self.name = name
  }
}

/// What a frame is drawn for: the time, the size, the local clock, who else is connected.
public struct ScreenContext: Equatable, Sendable {
  public var now: Instant
  public var width: Int
  public var height: Int
  /// Seconds the local clock is ahead of UTC (times are shown in local time).
  public var clockOffsetSeconds: Int
  /// Terminals with the meeting open, this one included.
  public var connected: [ConnectedTerminal]

  public init(
    now: Instant, width: Int, height: Int, clockOffsetSeconds: Int = 0, connected: [ConnectedTerminal] = []
  ) {
    self.now = now
    self.width = width
    self.height = height
    self.clockOffsetSeconds = clockOffsetSeconds
    self.connected = connected
  }
}

/// A screen's own state between key presses: it always has a message line and may show a box.
public protocol ScreenState: Equatable, Sendable {
  var message: ScreenMessage? { get set }
  /// Text shown in a box (a report from the `:` line, private notes); a key closes it.
  var overlay: [String]? { get set }
}

/// One role's screen: its state, its key table, and its render function of meeting × screen
/// state × time × size. `ScreenSession` drives any screen over a `TerminalBackend`; nothing
/// about catching up, redrawing, signals or undo is written per role.
public protocol Screen {
  associatedtype UI: ScreenState
  associatedtype KeyAction: Hashable & Sendable

  /// The role the screen's events are recorded with ("facilitator", "notes", "participant").
  static var role: String { get }
  /// The keys in normal mode: the handler, the hint line and the `?` overlay all read it.
  static var keyTable: KeyTable<KeyAction> { get }
  /// Whether the `:` line (any roundtable verb) is open on this screen.
  static var hasCommandLine: Bool { get }

  /// Derives, once per frame, what the frame shows that keys act on (Up next as drawn), and
  /// lets the screen state follow it (a chosen person whose hand went down).
  static func prepare(state: MeetingState, ui: inout UI, context: ScreenContext) -> DrawnScreen
  /// The frame: same inputs, same cells.
  static func render(state: MeetingState, ui: UI, context: ScreenContext, drawn: DrawnScreen) -> ScreenBuffer
  /// What a key does: a new screen state and something for the session to do.
  static func handle(_ key: Key, ui: inout UI, state: MeetingState, drawn: DrawnScreen) -> UIAction
  /// Whether this screen may record `command` at all. The session refuses anything else,
  /// whatever keys arrive (a participant's terminal records only their own hand and signals).
  static func permits(_ command: Command, ui: UI, state: MeetingState) -> Bool
  /// What the screen says when it opens.
  static func greeting(state: MeetingState, ui: UI) -> ScreenMessage?
  /// The meeting recorded what the screen asked for: close the form, say what happened.
  static func recorded(_ events: [RecordedEvent], description: String, ui: inout UI, state: MeetingState)
  /// The meeting refused it: say why, keeping whatever was typed.
  static func refused(_ reason: String, ui: inout UI)
}

extension Screen {
  public static var hasCommandLine: Bool { false }
  public static func permits(_ command: Command, ui: UI, state: MeetingState) -> Bool { true }
  public static func greeting(state: MeetingState, ui: UI) -> ScreenMessage? { nil }
  public static func recorded(
    _ events: [RecordedEvent], description: String, ui: inout UI, state: MeetingState
  ) {
    ui.message = .init(description)
  }
  public static func refused(_ reason: String, ui: inout UI) { ui.message = .init(reason, isError: true) }
}
