import ArgumentParser
import Foundation
import MeetingModel
import MeetingStore

struct DecideCommand: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "decide",
    abstract: "Record a decision with its method, outcome, stances, rung and actions.",
    discussion: """
      Stances: NAME=agree|concern|stand-aside|block|abstain, optionally with :reason.
      Actions: "OWNER: what will be done", optionally ending with (due 2026-12-05).
      Rungs: informing, consultation, engagement, co-design, co-production.

      Example:
        roundtable decide forum.roundtable "A cooker in every first home" \\
          --method consent --outcome agreed --rung co-production \\
          --stance Siobhán=agree --stance "Ama=concern:no budget yet" \\
          --action "Tom: cost it (due 2026-12-05)"
      """
  )

  @OptionGroup var file: FileArgument
  @Argument(help: "What was decided.") var text: String
  @Option(help: "consensus, consent, vote or other.") var method: DecisionMethod
  @Option(help: "agreed, not-agreed or deferred.") var outcome: DecisionOutcome
  @Option(name: .customLong("stance"), help: "NAME=stance[:reason] (repeat for each person).") var stances:
    [String] = []
  @Option(help: "The participation rung the decision was made on.") var rung: ParticipationRung?
  @Option(name: .customLong("action"), help: "\"OWNER: text\" (repeat for each action).") var actions:
    [String] = []
  @Option(
    parsing: .unconditional,
    help: "Votes for,against,abstaining (with --method vote), such as 7,2,1; each 0 to 100000.")
  var votes: String?
  @OptionGroup var time: TimeOption

  func modelCommand(in state: MeetingState) throws -> Command {
    .recordDecision(
      DecisionDraft(
        text: text, method: method, outcome: outcome, rung: rung, votes: try votes.map(Self.parseVotes),
        stances: try stances.map { try Self.parseStance($0, in: state) },
        actions: try actions.map { try Self.parseAction($0, in: state) }))
  }

  func run() throws {
    try reporting {
      try record(inFile: file.file).close()
    }
  }

  static func parseStance(_ text: String, in state: MeetingState) throws -> Stance {
    guard let equals = text.firstIndex(of: "=") else {
      throw ValidationError(
        "--stance '\(text)' should be NAME=agree|concern|stand-aside|block|abstain[:reason].")
    }
    let name = String(text[..<equals])
    let rest = text[text.index(after: equals)...]
    let kindText = rest.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
    guard let kind = StanceKind(rawValue: kindText.trimmingCharacters(in: .whitespaces).lowercased()) else {
      throw ValidationError(
        "'\(kindText)' is not a stance; use agree, concern, stand-aside, block or abstain (in --stance '\(text)')."
      )
    }
    let reason = rest.split(separator: ":", maxSplits: 1).dropFirst().first.map(String.init)
    return Stance(participant: try state.participantID(named: name), stance: kind, reason: reason)
  }

  static func parseAction(_ text: String, in state: MeetingState) throws -> ActionDraft {
    guard let colon = text.firstIndex(of: ":") else {
      throw ValidationError("--action '\(text)' should be \"OWNER: what will be done\".")
    }
    let owner = text[..<colon].trimmingCharacters(in: .whitespaces)
    var what = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    var due: String?
    if what.hasSuffix(")"), let open = what.range(of: "(due ", options: .backwards) {
      due = String(what[open.upperBound..<what.index(before: what.endIndex)])
      what = what[..<open.lowerBound].trimmingCharacters(in: .whitespaces)
    }
    let participant = try? state.participantID(named: owner)
    return ActionDraft(
      owner: participant.map { state.name(of: $0) } ?? owner, ownerParticipant: participant,
      text: what,
      due: due)
  }

  static func parseVotes(_ text: String) throws -> VoteTally {
    let numbers = text.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    guard numbers.count == 3 else {
      throw ValidationError("--votes '\(text)' should be for,against,abstaining, such as 7,2,1.")
    }
    return VoteTally(inFavour: numbers[0], against: numbers[1], abstentions: numbers[2])
  }
}

struct SignalCommand: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "signal",
    abstract: "Send a signal to the facilitator, anonymously unless --from is given.",
    discussion: """
      Examples:
        roundtable signal forum.roundtable jargon
        roundtable signal forum.roundtable break --from Zoë
        roundtable signal forum.roundtable other --note "the room is too warm"
      """
  )

  @OptionGroup var file: FileArgument
  @Argument(help: "jargon, break, slower, louder or other.") var type: SignalType
  @Option(help: "Who sends it (leave out to stay anonymous).") var from: String?
  @Option(help: "A short note (needed for other).") var note: String?
  @OptionGroup var time: TimeOption

  func modelCommand(in state: MeetingState) throws -> Command {
    .sendSignal(type, from: try from.map { try state.participantID(named: $0) }, note: note)
  }

  func run() throws {
    try reporting {
      try record(inFile: file.file).close()
    }
  }

}

struct AcknowledgeCommand: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "ack",
    abstract: "Acknowledge a signal (the oldest open one unless a number is given).",
    discussion: "Example:\n  roundtable ack forum.roundtable"
  )

  @OptionGroup var file: FileArgument
  @Argument(help: "The signal's number.") var signal: Int?
  @OptionGroup var time: TimeOption

  func modelCommand(in state: MeetingState) throws -> Command {
    guard let id = signal.map({ SignalID($0) }) ?? state.openSignals.first?.id else {
      throw Refusal(.unknownSignal, "There is no open signal to acknowledge.")
    }
    return .acknowledgeSignal(id)
  }

  func run() throws {
    try reporting {
      try record(inFile: file.file).close()
    }
  }

}

struct UndoCommand: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "undo",
    abstract: "Take back the last undoable action, with a compensating event (nothing is deleted).",
    discussion: """
      Without a kind, takes back the latest undoable action in the meeting, whoever recorded it, \
      and says whose it was (the command line, the facilitator's screen, the note-taker's…). A \
      kind limits it to the latest action of that kind: hand, lower, floor, move, contribution, \
      signal, ack (a signal's acknowledgement), end-turn, agenda, decision, action.

      On the facilitator screen, u takes back only that screen's own last action.

      Examples:
        roundtable undo forum.roundtable
        roundtable undo forum.roundtable --kind floor
        roundtable undo forum.roundtable hand
      """
  )

  @OptionGroup var file: FileArgument
  @Argument(help: "What kind of action to undo (the same as --kind).") var kindArgument: UndoKind?
  @Option(name: .customLong("kind"), help: "What kind of action to undo; default: the latest of any kind.")
  var kindOption: UndoKind?
  @OptionGroup var time: TimeOption

  func validate() throws {
    if let kindArgument, let kindOption, kindArgument != kindOption {
      throw ValidationError(
        "Give the kind once: '\(kindArgument.rawValue)' or --kind \(kindOption.rawValue).")
    }
  }

  var kind: UndoKind? { kindOption ?? kindArgument }

  /// Undoes exactly the action that was found and described, even if another terminal records
  /// something meanwhile.
  func modelCommand(in state: MeetingState) throws -> Command {
    .undo(kind, action: state.undoTarget(kind: kind)?.event)
  }

  func run() throws {
    try reporting {
      var session = try MeetingSession(file: file.file, access: .readWrite)
      defer { try? session.close() }
      let target = session.state.undoTarget(kind: kind)
      let metadata = try target.flatMap { target in
        try session.store.events(after: target.sequence - 1, limit: 1).first?.metadata
      }
      try session.record(try modelCommand(in: session.state), at: time)
      if let target {
        say("Undid \(target.summary), recorded by \(Self.whose(metadata)).")
      }
    }
  }

  /// Whose terminal recorded an event, in words.
  static func whose(_ metadata: EventMetadata?) -> String {
    let terminal = metadata?.terminal ?? ""
    let role = terminal.split(separator: "@").first.map(String.init) ?? terminal
    var words: String
    switch role {
    case "cli": words = "the command line"
    case "facilitator", "screen": words = "the facilitator's screen"
    case "notes", "note-taker": words = "the note-taker's screen"
    case "participant": words = "a participant's screen"
    case "": words = "an unnamed terminal"
    default: words = "“\(role)”"
    }
    if terminal.contains("@") { words += " (\(terminal))" }
    if let author = metadata?.author { words += " for \(author)" }
    return words
  }
}
