import MeetingModel

/// Where a screen session reads and records the meeting: the meeting file in the program, a
/// meeting in memory in tests.
public protocol MeetingConnection: AnyObject {
  /// Decides `command` against the latest meeting (bringing `state` up to date first), records
  /// its events at `time` (now when nil) and applies them to `state`. Throws the `Refusal`
  /// when the model refuses; nothing is recorded then.
  func record(_ command: Command, on state: inout MeetingState, at time: Instant?) throws -> [RecordedEvent]
  /// Applies what other terminals recorded since `state.version`.
  func catchUp(_ state: inout MeetingState) throws
  /// Tells the other terminals this one is still here (a heartbeat, every few seconds).
  func keepAlive(at time: Instant)
  /// The terminals that have the meeting open now, this one included.
  func connectedTerminals(at time: Instant) -> [ConnectedTerminal]
  /// This terminal is leaving: the others stop listing it.
  func disconnect()
}

extension MeetingConnection {
  public func keepAlive(at time: Instant) {}
  public func connectedTerminals(at time: Instant) -> [ConnectedTerminal] { [] }
  public func disconnect() {}
}

/// What a line typed at the `:` command line comes to.
public enum CommandLineOutcome: Equatable, Sendable {
  /// A verb that changes the meeting: record this (at the given time, or now).
  case record(Command, at: Instant?)
  /// A verb that reports: show these lines in a box.
  case show([String])
  /// Nothing to do but say this (a typo, a verb that only works from the shell).
  case message(String, isError: Bool)
}

/// One loop for every role's screen (Elm style): wait for an event, update, record commands,
/// pick up what other terminals recorded, render, draw what changed.
///
/// The session keeps what it last drew, and keys act on that (`DrawnScreen`), so the `>` and
/// the key always mean the same person. It remembers the undoable actions recorded from this
/// screen, so that `u` takes back this screen's own last action and never another terminal's.
/// It refuses any command the screen does not permit, whatever keys arrive.
public final class ScreenSession<S: Screen> {
  let connection: any MeetingConnection
  let backend: any TerminalBackend
  /// The wall clock, injected so that tests can move time.
  let clock: () -> Instant
  let clockOffsetSeconds: Int
  let runCommandLine: (String, MeetingState, Instant) -> CommandLineOutcome
  public private(set) var state: MeetingState
  public private(set) var ui: S.UI
  /// What the last frame showed, which keys act on.
  public private(set) var drawn = DrawnScreen(queue: [])
  /// Undoable actions recorded from this screen, oldest first.
  public private(set) var ownActions: [EventID] = []
  /// The terminals connected when the screen last looked.
  public private(set) var connected: [ConnectedTerminal] = []
  /// How long to wait for a key before looking at the meeting and the clock again.
  public static var pollMilliseconds: Int { 250 }
  /// How often (in seconds) the screen says it is still here and looks at who else is.
  public static var presenceSeconds: Int64 { 2 }

  public init(
    connection: any MeetingConnection, state: MeetingState, ui: S.UI, backend: any TerminalBackend,
    clock: @escaping () -> Instant, clockOffsetSeconds: Int = 0,
    runCommandLine: @escaping (String, MeetingState, Instant) -> CommandLineOutcome = { _, _, _ in
      .message("This screen has no command line.", isError: true)
    }
  ) {
    self.connection = connection
    self.backend = backend
    self.clock = clock
    self.clockOffsetSeconds = clockOffsetSeconds
    self.runCommandLine = runCommandLine
    self.state = state
    self.ui = ui
    if self.ui.message == nil { self.ui.message = S.greeting(state: state, ui: ui) }
    lookAtPresence(at: clock())
  }

  /// Runs until the person quits or a signal asks us to stop.
  ///
  /// Idle, it wakes four times a second to look for other terminals' events and renders only
  /// when something on screen can have changed: a key, a resize, new events, who is connected,
  /// or the clock passing a second (timers and countdowns).
  public func run() {
    draw()
    while step(backend.nextEvent(timeoutMilliseconds: Self.pollMilliseconds)) {}
    connection.disconnect()
  }

  /// Handles one event (nil: the wait timed out); false when the session should end.
  @discardableResult
  public func step(_ event: TerminalEvent?) -> Bool {
    switch event {
    case .interrupt: return false
    case .key(let key):
      switch S.handle(key, ui: &ui, state: state, drawn: drawn) {
      case .quit: return false
      case .record(let command): record(command, at: nil)
      case .commandLine(let line): commandLine(line)
      case .undoOwn: undoOwn()
      case .none: break
      }
    case .resize, nil: break
    }
    let version = state.version
    followOtherTerminals()
    let now = clock()
    let second = now.millisecondsSince1970 / 1000
    var presenceChanged = false
    if second - presenceSecond >= Self.presenceSeconds { presenceChanged = lookAtPresence(at: now) }
    if event != nil || state.version != version || second != drawnSecond || presenceChanged {
      draw()
    }
    return true
  }

  /// The clock second the screen was last drawn for.
  private var drawnSecond: Int64 = -1
  /// The clock second the screen last looked at who is connected.
  private var presenceSecond: Int64 = -1

  /// Says this terminal is still here and reads who else is; true when that changed.
  @discardableResult
  private func lookAtPresence(at now: Instant) -> Bool {
    presenceSecond = now.millisecondsSince1970 / 1000
    connection.keepAlive(at: now)
    let latest = connection.connectedTerminals(at: now)
    defer { connected = latest }
    return latest != connected
  }

  /// The context a frame is drawn in now.
  var context: ScreenContext {
    let size = backend.size
    return ScreenContext(
      now: clock(), width: size.width, height: size.height, clockOffsetSeconds: clockOffsetSeconds,
      connected: connected)
  }

  /// Derives what the frame shows once, draws it, and keeps it for the keys.
  public func draw() {
    let context = self.context
    drawnSecond = context.now.millisecondsSince1970 / 1000
    drawn = S.prepare(state: state, ui: &ui, context: context)
    backend.draw(S.render(state: state, ui: ui, context: context, drawn: drawn))
  }

  /// Another terminal's events arrive through the same fold as ours.
  private func followOtherTerminals() {
    do {
      try connection.catchUp(&state)
    } catch {
      ui.message = .init("Cannot read the meeting: \(error)", isError: true)
    }
  }

  /// Records `command` at `time` (now when nil), says what happened, and remembers the
  /// undoable actions among its events as this screen's own.
  @discardableResult
  private func record(_ command: Command, at time: Instant?) -> Bool {
    guard S.permits(command, ui: ui, state: state) else {
      S.refused("This screen cannot do that.", ui: &ui)
      return false
    }
    do {
      let recorded = try connection.record(command, on: &state, at: time)
      let undoable = Set(state.undoableActions.map(\.event))
      ownActions += recorded.map(\.id).filter { undoable.contains($0) }
      let description = recorded.map { state.describe($0.event) }.joined(separator: "; ")
      S.recorded(recorded, description: description, ui: &ui, state: state)
      return true
    } catch let refusal as Refusal {
      S.refused(refusal.message, ui: &ui)
    } catch {
      S.refused("\(error)", ui: &ui)
    }
    return false
  }

  /// Takes back this screen's last action that can still be undone. One that can no longer be
  /// (someone spoke since, the hand went up again…) is dropped with the reason, and `u` again
  /// tries the one before.
  private func undoOwn() {
    // Catch up first, so that what can still be undone is judged on the latest meeting.
    followOtherTerminals()
    let undoable = Set(state.undoableActions.map(\.event))
    ownActions.removeAll { !undoable.contains($0) }
    guard let last = ownActions.popLast() else {
      ui.message = .init("Nothing of yours to undo: u takes back only what this screen did.", isError: true)
      return
    }
    guard let target = state.undoTarget(action: last) else {
      ui.message = .init("That can no longer be undone.", isError: true)
      return
    }
    guard S.permits(.undo(action: last), ui: ui, state: state) else {
      ui.message = .init("This screen cannot undo that.", isError: true)
      return
    }
    do {
      _ = try connection.record(.undo(action: last), on: &state, at: nil)
      ui.message = .init("Undid \(target.summary).")
    } catch let refusal as Refusal {
      let more = ownActions.isEmpty ? "" : " (u again tries the one before)"
      ui.message = .init(refusal.message + more, isError: true)
    } catch {
      ui.message = .init("\(error)", isError: true)
    }
  }

  /// Runs a verb typed at the `:` line, as the command line would, on this meeting.
  private func commandLine(_ line: String) {
    guard S.hasCommandLine else {
      ui.message = .init("This screen has no command line.", isError: true)
      return
    }
    switch runCommandLine(line, state, clock()) {
    case .record(let command, let time): record(command, at: time)
    case .show(let lines): ui.overlay = lines + ["", "Esc closes this."]
    case .message(let text, let isError): ui.message = .init(text, isError: isError)
    }
  }
}

/// The facilitator's screen session.
public typealias FacilitatorSession = ScreenSession<FacilitatorScreen>

extension ScreenSession where S == FacilitatorScreen {
  public convenience init(
    connection: any MeetingConnection, state: MeetingState, backend: any TerminalBackend,
    clock: @escaping () -> Instant, clockOffsetSeconds: Int = 0,
    wrapUpSeconds: Int = MeetingState.defaultWrapUpSeconds,
    runCommandLine: @escaping (String, MeetingState, Instant) -> CommandLineOutcome
  ) {
    self.init(
      connection: connection, state: state, ui: FacilitatorUI(wrapUpSeconds: wrapUpSeconds), backend: backend,
      clock: clock, clockOffsetSeconds: clockOffsetSeconds, runCommandLine: runCommandLine)
  }
}
