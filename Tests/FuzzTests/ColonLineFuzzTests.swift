import Foundation
import MeetingModel
import Testing

@testable import roundtable

/// The screen's `:` line: the word splitting and the verb dispatch, from lines a facilitator
/// types, mutated word by word and character by character, against a meeting in progress.
@Suite("Fuzzing: the screen's : line")
struct ColonLineFuzzTests {
  static let now = Instant(millisecondsSince1970: 1_763_719_800_000)

  /// A meeting under way: people, an agenda, a turn, hands, a signal, a decision.
  static func meeting() throws -> MeetingState {
    var state = MeetingState()
    var ids = SequentialEventIDs()
    let start = Instant(millisecondsSince1970: 1_763_719_200_000)
    for command: Command in [
      .createMeeting(title: "Forum"), .join(name: "Amira Haddad", tags: ["lived-experience"]),
      .join(name: "Ben Okafor", tags: ["professional"]), .join(name: "会議 Tanaka", role: .noteTaker),
      .addAgendaItem(title: "Housing", minutes: 20), .addAgendaItem(title: "Buses"), .openMeeting, .nextItem,
      .raiseHand(ParticipantID(1)), .nextSpeaker, .raiseHand(ParticipantID(2)), .sendSignal(.jargon),
      .recordDecision(DecisionDraft(text: "Meet monthly", method: .consent, outcome: .agreed)),
    ] {
      _ = try state.execute(command, at: start, ids: &ids)
    }
    return state
  }

  static let corpus = [
    "hand amira --kind response", "hand ben", "lower ben", "next", "done", "give ben",
    "move ben 1 --reason x",
    "undo", "undo hand", "agenda add \"Food\" --minutes 10", "agenda next", "agenda list", "round start",
    "pass", "signal slower --note 'too fast'", "ack 1",
    "decide \"Meet weekly\" --method vote --for 3 --against 1",
    "stance 1 ben --stance concern --reason cost", "amend 1 --text 'x'", "withdraw 1 --reason twice",
    "action \"Cost it\" --owner Ben --due 2026-12-05", "follow-up 1 --status done", "queue", "stats", "log",
    "help", "join \"Zoë Mensah\" --tag lived-experience", "leave ben", "park \"Garden\"", "policy fifo",
    "contribute amira --written 'A note' --credit 90", "hand amira --at 2026-11-21T10:04:00Z", "close",
  ]

  static let words = [
    "--at", "--kind", "--reason", "--minutes", "--note", "--method", "--for", "--against", "--owner", "--due",
    "--credit", "--help", "-h", "--version", "--", "-", "1", "0", "-1", "99999999999999999999",
    "9223372036854775807", "-9223372036854775808", "1e309", "nan", "2026-02-30", "2026-11-21T10:04:00+99:00",
    "\"", "'", "\"\"", "''", "\u{1B}[2J", "\u{202E}", "会議", "amira", "ben", "c1", "#1", "new", "run",
    "export",
  ]

  static func mutate(_ line: String, random: inout FuzzRandom) -> String {
    var parts = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    let index = random.below(parts.count)
    switch random.below(9) {
    case 0: parts.remove(at: index)
    case 1: parts.insert(random.pick(words), at: random.below(parts.count + 1))
    case 2: parts[index] = random.pick(words)
    case 3: parts.swapAt(index, random.below(parts.count))
    case 4:
      parts.insert(
        contentsOf: random.pick(corpus).split(separator: " ").map(String.init),
        at: random.below(parts.count + 1))
    case 5: parts[index] = random.pick(Mutate.interestingStrings)
    default:
      var characters = Array(line)
      let at = random.below(characters.count + 1)
      switch random.below(3) {
      case 0 where at < characters.count: characters.remove(at: at)
      case 1: characters.insert(random.pick(Array("\"' \t\\-=:\u{0}\u{7F}é")), at: at)
      default: characters = Array(characters.prefix(at))
      }
      return String(characters)
    }
    return parts.joined(separator: " ")
  }

  /// One line: a message, lines to show, or a command that the model then decides against the
  /// meeting (accepted or refused); never a crash, never the file named in a message.
  static func check(_ line: String, state: MeetingState) -> String {
    let file = "/nonexistent/fuzz-meeting.roundtable"
    switch ScreenCommandLine.run(line, file: file, state: state, now: now) {
    case .message(let text, let isError):
      #expect(!text.contains(file), "\(line): \(text)")
      return isError ? "refused" : "message"
    case .show(let lines):
      #expect(!lines.joined().contains(file))
      return "shown"
    case .record(let command, let time):
      var after = state
      var ids = SequentialEventIDs()
      do {
        _ = try after.execute(command, at: time ?? now, ids: &ids)
        return "recorded"
      } catch {
        return "decided, refused"
      }
    }
  }

  @Test func mutatedLinesAreHandledNeverCrash() throws {
    let state = try Self.meeting()
    let figures = fuzz(
      "colon-line", corpus: Self.corpus, budget: .fromEnvironment(iterations: 3000), dump: { Data($0.utf8) },
      mutate: { line, random in Self.mutate(line, random: &random) }, { Self.check($0, state: state) })
    #expect(figures.outcomes["recorded", default: 0] > 0)
    #expect(figures.outcomes["refused", default: 0] > 0)
  }
}
