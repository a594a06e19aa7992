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
  @Option(help: "Votes for,against,abstaining (with --method vote), such as 7,2,1.") var votes: String?
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
    abstract: "Take back the last action of a kind, with a compensating event (nothing is deleted).",
    discussion: """
      Kinds: hand, lower, floor, move, contribution, signal, decision, action.

      Example:
        roundtable undo forum.roundtable floor
      """
  )

  @OptionGroup var file: FileArgument
  @Argument(help: "What to undo.") var kind: UndoKind
  @OptionGroup var time: TimeOption

  func modelCommand(in state: MeetingState) throws -> Command {
    .undo(kind)
  }

  func run() throws {
    try reporting {
      try record(inFile: file.file).close()
    }
  }

}
