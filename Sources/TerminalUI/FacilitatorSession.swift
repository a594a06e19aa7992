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

/// The facilitator screen's loop (Elm style): wait for an event, update, record commands,
/// pick up what other terminals recorded, render, draw what changed.
///
/// The session keeps the queue it last drew, and keys act on that list (`DrawnScreen`), so the
/// `>` and the key always mean the same person. It remembers the undoable actions recorded from
/// this screen, so that `u` takes back this screen's own last action and never another
/// terminal's.
public final class FacilitatorSession {
  let connection: any MeetingConnection
  let backend: any TerminalBackend
  /// The wall clock, injected so that tests can move time.
  let clock: () -> Instant
  let clockOffsetSeconds: Int
  let runCommandLine: (String, MeetingState, Instant) -> CommandLineOutcome
  public private(set) var state: MeetingState
  public private(set) var ui: FacilitatorUI
  /// What the last frame showed, which keys act on.
  public private(set) var drawn = DrawnScreen(queue: [])
  /// Undoable actions recorded from this screen, oldest first.
  public private(set) var ownActions: [EventID] = []
  /// How long to wait for a key before looking at the meeting and the clock again.
  public static let pollMilliseconds = 250

  public init(
    connection: any MeetingConnection, state: MeetingState, backend: any TerminalBackend,
    clock: @escaping () -> Instant, clockOffsetSeconds: Int = 0,
    wrapUpSeconds: Int = MeetingState.defaultWrapUpSeconds,
    runCommandLine: @escaping (String, MeetingState, Instant) -> CommandLineOutcome
  ) {
    self.connection = connection
    self.backend = backend
    self.clock = clock
    self.clockOffsetSeconds = clockOffsetSeconds
    self.runCommandLine = runCommandLine
    self.state = state
    ui = FacilitatorUI(wrapUpSeconds: wrapUpSeconds)
    ui.message = Self.firstSteps(state)
  }

  /// What to press first in a meeting that has not started.
  static func firstSteps(_ state: MeetingState) -> FacilitatorUI.Message? {
    if state.participants.isEmpty {
      return .init(
        "New meeting: add people with  :join NAME --tag lived-experience  and items with  :agenda add TITLE")
    }
    if state.agendaOrder.isEmpty && state.currentTurn == nil && state.speakingQueue.isEmpty {
      return .init("h raises a hand for someone; :agenda add TITLE adds an item; ? lists every key.")
    }
    return nil
  }

  /// Runs until the facilitator quits or a signal asks us to stop.
  ///
  /// Idle, it wakes four times a second to look for other terminals' events and renders only
  /// when something on screen can have changed: a key, a resize, new events, or the clock
  /// passing a second (timers and countdowns).
  public func run() {
    draw()
    while step(backend.nextEvent(timeoutMilliseconds: Self.pollMilliseconds)) {}
  }

  /// Handles one event (nil: the wait timed out); false when the session should end.
  @discardableResult
  public func step(_ event: TerminalEvent?) -> Bool {
    switch event {
    case .interrupt: return false
    case .key(let key):
      switch FacilitatorKeys.handle(key, ui: &ui, state: state, drawn: drawn) {
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
    if event != nil || state.version != version || clock().millisecondsSince1970 / 1000 != drawnSecond {
      draw()
    }
    return true
  }

  /// The clock second the screen was last drawn for.
  private var drawnSecond: Int64 = -1

  /// Derives Up next once, follows the chosen person in it, draws it, and keeps it for the keys.
  public func draw() {
    let size = backend.size
    let now = clock()
    drawnSecond = now.millisecondsSince1970 / 1000
    let queue = state.speakingQueue(at: now, clockOffsetSeconds: clockOffsetSeconds)
    FacilitatorKeys.follow(queue, ui: &ui, state: state)
    drawn = DrawnScreen(queue: queue, fits: FacilitatorScreen.fits(width: size.width, height: size.height))
    backend.draw(
      FacilitatorScreen.render(
        state: state, ui: ui, now: now, width: size.width, height: size.height,
        clockOffsetSeconds: clockOffsetSeconds, queue: queue))
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
  private func record(_ command: Command, at time: Instant?, message: String? = nil) -> Bool {
    do {
      let recorded = try connection.record(command, on: &state, at: time)
      let undoable = Set(state.undoableActions.map(\.event))
      ownActions += recorded.map(\.id).filter { undoable.contains($0) }
      ui.message = .init(message ?? recorded.map { state.describe($0.event) }.joined(separator: "; "))
      return true
    } catch let refusal as Refusal {
      ui.message = .init(refusal.message, isError: true)
    } catch {
      ui.message = .init("\(error)", isError: true)
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
    switch runCommandLine(line, state, clock()) {
    case .record(let command, let time): record(command, at: time)
    case .show(let lines): ui.overlay = lines + ["", "Esc closes this."]
    case .message(let text, let isError): ui.message = .init(text, isError: isError)
    }
  }
}
