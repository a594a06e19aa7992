import ArgumentParser
import CursesTerminal
import Foundation
import MeetingModel
import MeetingStore

/// The meeting file every verb works on.
struct FileArgument: ParsableArguments {
  @Argument(help: "The meeting file (for example forum.roundtable).")
  var file: String
}

/// `--at`: when a recorded thing happened (default now), so note-takers can back-fill and
/// scripts are deterministic.
struct TimeOption: ParsableArguments {
  @Option(
    help:
      "When it happened, as ISO-8601 (2026-11-21T10:04:00Z or …+01:00): a real date, years 1970 to 9999, offsets up to ±18:00. Default: now."
  )
  var at: String?

  /// The time given with `--at`, or nil for "now".
  func givenInstant() throws -> Instant? {
    guard at != nil else { return nil }
    return try instant()
  }

  func instant() throws -> Instant {
    guard let at else { return Instant.now }
    return try parseTime(at, option: "--at")
  }
}

/// A time typed on the command line: ISO-8601, a real date in the years 1970 to 9999, and an
/// offset of at most ±18:00 (the model's one calendar check).
func parseTime(_ text: String, option: String) throws -> Instant {
  guard let instant = Instant(iso8601: text) else {
    throw ValidationError(
      "\(option) '\(text)' is not an ISO-8601 time such as 2026-11-21T10:04:00Z: a real date in the years "
        + "\(CalendarDate.years.lowerBound) to \(CalendarDate.years.upperBound), a time of day, and Z or an "
        + "offset up to ±18:00.")
  }
  return instant
}

extension Instant {
  /// Seconds the local clock is ahead of UTC at this instant, for showing times.
  var localOffsetSeconds: Int {
    TimeZone.current.secondsFromGMT(for: Date(timeIntervalSince1970: Double(millisecondsSince1970) / 1000))
  }

  /// `HH:MM` on the local clock.
  var localTimeOfDay: String { timeOfDay(offsetSeconds: localOffsetSeconds) }

  /// "Now" for recording in `state`: the clock, or the meeting's last event time when another
  /// terminal (or a clock slightly behind) has already recorded something later.
  static func nowAfter(_ state: MeetingState) -> Instant {
    max(Instant.now, state.lastEventTime ?? Instant.now)
  }

  /// The system clock, read here at the edge and never inside the model.
  static var now: Instant {
    Instant(millisecondsSince1970: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
  }
}

/// Refuses a number outside its documented range (docs/cli.md, "Numbers"): exit 64, the
/// command line is wrong, with the range in the message.
func checkRange(_ value: Int, _ range: ClosedRange<Int>, _ option: String, note: String? = nil) throws {
  guard range.contains(value) else {
    throw ValidationError(
      "\(option) must be \(range.lowerBound) to \(range.upperBound)\(note.map { " (\($0))" } ?? ""), not \(value)."
    )
  }
}

/// Refuses a number outside its documented range (and anything not finite).
func checkRange(_ value: Double, _ range: ClosedRange<Double>, _ option: String, note: String? = nil) throws {
  guard value.isFinite, range.contains(value) else {
    throw ValidationError(
      "\(option) must be \(formatNumber(range.lowerBound)) to \(formatNumber(range.upperBound))"
        + "\(note.map { " (\($0))" } ?? ""), not \(value).")
  }
}

/// `0.25`, `4`, `100`: a number as typed, without a needless `.0`.
func formatNumber(_ value: Double) -> String {
  value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
}

/// A refusal whose message has several lines (a plan's problems), each shown on its own line
/// through the sanitiser; exit 1 like every refusal.
struct RefusalLines: Error {
  var lines: [String]
}

/// Exit statuses, documented in `roundtable --help`.
enum Exit {
  /// The command was refused; nothing changed.
  static let refused: Int32 = 1
  /// The meeting file could not be used; it was not changed.
  static let fileProblem: Int32 = 2
}

/// Runs a verb, turning refusals and file problems into a clear message and exit status.
func reporting(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let refusal as Refusal {
    printError("roundtable: \(refusal.message)")
    throw ExitCode(Exit.refused)
  } catch let refusal as RefusalLines {
    printError(lines: ["roundtable: " + (refusal.lines.first ?? "")] + refusal.lines.dropFirst())
    throw ExitCode(Exit.refused)
  } catch let error as StoreError {
    printError("roundtable: \(error.message)")
    throw ExitCode(Exit.fileProblem)
  } catch let error as CursesTerminalError {
    printError("roundtable: \(error)")
    throw ExitCode(Exit.refused)
  }
}

/// One verb's access to its meeting file.
struct MeetingSession {
  let store: MeetingStore
  var state: MeetingState

  init(file: String, access: MeetingStore.Access) throws {
    store = try MeetingStore.open(at: file, access: access)
    state = try replaying(store)
  }

  /// A participant from what someone typed.
  func participant(_ name: String) throws -> ParticipantID {
    try state.participantID(named: name)
  }

  /// Records `command` (decided against the latest state of the file) and prints what happened.
  @discardableResult
  mutating func record(_ command: Command, at time: TimeOption, quiet: Bool = false) throws -> [RecordedEvent]
  {
    let given = try time.givenInstant()
    let recorded = try store.execute(command, on: &state, metadata: EventMetadata(terminal: "cli")) {
      latest in
      given ?? Instant.nowAfter(latest)
    }
    if !quiet {
      for event in recorded { say(state.describe(event.event)) }
    }
    return recorded
  }

  func close() throws { try store.close() }
}

/// The meeting in `store`, replayed; a file whose events cannot be read is refused and left
/// exactly as it was (the companions opening it made are removed).
func replaying(_ store: MeetingStore) throws -> MeetingState {
  do {
    return try store.replay()
  } catch {
    store.abandon()
    throw error
  }
}

/// Creates a meeting file from events decided in memory (with sequential ids, for deciding
/// only): the file gets random ids, like every other event written to a meeting file.
func createMeetingFile(at path: String, from events: [RecordedEvent]) throws -> MeetingStore {
  var ids = SystemEventIDs()
  return try MeetingStore.create(
    at: path,
    recorded: events.map { event in
      var event = event
      event.id = ids.nextEventID()
      return event
    })
}

/// JSON for people and programs alike: sorted keys, indented.
func printJSON(_ value: some Encodable) throws {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
  sayExactly(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// A verb that records something: it turns its arguments into a model command against the
/// current state. The CLI records it in the file; the screen's `:` line does the same in the
/// open meeting.
protocol RecordingVerb: ParsableCommand {
  var time: TimeOption { get }
  func modelCommand(in state: MeetingState) throws -> Command
}

/// A verb that shows data: its report as lines of text, for the terminal or a screen overlay.
protocol ReportingVerb: ParsableCommand {
  func report(state: MeetingState, now: Instant) throws -> [String]
}

extension RecordingVerb {
  /// Records the verb in `file`, printing what happened unless `quiet`, and returns the open
  /// session for any further output; the caller closes it.
  func record(inFile file: String, quiet: Bool = false) throws -> MeetingSession {
    var session = try MeetingSession(file: file, access: .readWrite)
    try session.record(try modelCommand(in: session.state), at: time, quiet: quiet)
    return session
  }
}
