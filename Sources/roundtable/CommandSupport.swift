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
  @Option(help: "When it happened, as ISO-8601 (2026-11-21T10:04:00Z or …+01:00). Default: now.")
  var at: String?

  /// The time given with `--at`, or nil for "now".
  func givenInstant() throws -> Instant? {
    guard at != nil else { return nil }
    return try instant()
  }

  func instant() throws -> Instant {
    guard let at else { return Instant.now }
    guard let instant = Instant(iso8601: at) else {
      throw ValidationError("--at '\(at)' is not an ISO-8601 time such as 2026-11-21T10:04:00Z.")
    }
    return instant
  }
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

/// Exit statuses, documented in `roundtable --help`.
enum Exit {
  /// The command was refused; nothing changed.
  static let refused: Int32 = 1
  /// The meeting file could not be used; it was not changed.
  static let fileProblem: Int32 = 2
}

/// Writes to standard error (errors and warnings never go to standard output, which is data).
func printError(_ message: String) {
  FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Runs a verb, turning refusals and file problems into a clear message and exit status.
func reporting(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let refusal as Refusal {
    printError("roundtable: \(refusal.message)")
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
      for event in recorded { print(state.describe(event.event)) }
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
  print(String(decoding: try encoder.encode(value), as: UTF8.self))
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
