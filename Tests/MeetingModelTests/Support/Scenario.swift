import MeetingModel
import Testing

/// A meeting under test: a state, a clock the test moves by hand, deterministic event ids and
/// the log of everything recorded so far. Given/when/then in the style of the Composable
/// Architecture: `given` runs commands that must succeed, `when` runs the command under test and
/// returns its events, `refusal` checks that a command is refused and changes nothing.
struct Scenario {
  static let start = Instant(iso8601: "2026-11-21T10:00:00Z")!

  var state = MeetingState()
  var ids = SequentialEventIDs()
  var now = Scenario.start
  var log: [RecordedEvent] = []

  /// A created meeting with `policy`, nobody in it yet.
  init(policy: QueuePolicy = .balanced, title: String = "Care leavers' forum") {
    given(.createMeeting(title: title, policy: policy))
  }

  /// A meeting with these people joined: `("Amira", ["lived-experience"])`…
  init(policy: QueuePolicy = .balanced, people: [(String, [String])]) {
    self.init(policy: policy)
    for (name, tags) in people { given(.join(name: name, tags: tags)) }
  }

  /// The usual table for queue tests: two people with lived experience, two professionals.
  static func forum(policy: QueuePolicy = .balanced) -> Scenario {
    Scenario(
      policy: policy,
      people: [
        ("Amira", ["lived-experience"]), ("Ben", ["professional"]),
        ("Chloe", ["lived-experience"]), ("Dev", ["professional"]),
      ])
  }

  /// Runs commands that must succeed (a failing one fails the test).
  mutating func given(_ commands: Command..., sourceLocation: SourceLocation = #_sourceLocation) {
    for command in commands {
      do {
        log += try state.execute(command, at: now, ids: &ids)
      } catch {
        Issue.record("given \(command) was refused: \(error.message)", sourceLocation: sourceLocation)
      }
    }
  }

  /// Runs the command under test and returns the events it recorded.
  mutating func when(_ command: Command) throws(Refusal) -> [MeetingEvent] {
    let recorded = try state.execute(command, at: now, ids: &ids)
    log += recorded
    return recorded.map(\.event)
  }

  /// The refusal of `command`, after checking that it left the state exactly as it was.
  mutating func refusal(_ command: Command, sourceLocation: SourceLocation = #_sourceLocation) -> Refusal? {
    let before = state
    do {
      let events = try state.execute(command, at: now, ids: &ids)
      Issue.record(
        "\(command) was not refused: it recorded \(events.map(\.event))", sourceLocation: sourceLocation)
      return nil
    } catch {
      #expect(state == before, "a refused command changed the state", sourceLocation: sourceLocation)
      return error
    }
  }

  mutating func advance(seconds: Int64) { now = now.adding(seconds: seconds) }

  /// Gives `name` a finished turn of `seconds` (the floor straight to them, then the turn ends).
  mutating func speak(_ name: String, seconds: Int64) {
    given(.giveFloor(id(name)))
    advance(seconds: seconds)
    given(.endTurn)
  }

  func id(_ name: String) -> ParticipantID {
    guard let id = try? state.participantID(named: name) else {
      Issue.record("nobody called \(name)")
      return ParticipantID(0)
    }
    return id
  }

  /// The queue as names in order.
  var queueNames: [String] { state.speakingQueue.map(\.name) }

  /// Reasons for one person's place.
  func reasons(_ name: String) -> [String] {
    state.speakingQueue.first { $0.name == name }?.reasons ?? []
  }
}
