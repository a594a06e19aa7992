import ArgumentParser
import Foundation
import MeetingModel
import MeetingStore

struct DecideCommand: ParsableCommand {
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

  func run() throws {
    try reporting {
      var session = try MeetingSession(file: file.file, access: .readWrite)
      let draft = DecisionDraft(
        text: text, method: method, outcome: outcome, rung: rung, votes: try votes.map(Self.parseVotes),
        stances: try stances.map { try Self.parseStance($0, in: session) },
        actions: try actions.map { try Self.parseAction($0, in: session) })
      try session.record(.recordDecision(draft), at: time.instant())
      try session.close()
    }
  }

  static func parseStance(_ text: String, in session: MeetingSession) throws -> Stance {
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
    return Stance(participant: try session.participant(name), stance: kind, reason: reason)
  }

  static func parseAction(_ text: String, in session: MeetingSession) throws -> ActionDraft {
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
    let participant = try? session.participant(owner)
    return ActionDraft(
      owner: participant.map { session.state.name(of: $0) } ?? owner, ownerParticipant: participant,
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

struct SignalCommand: ParsableCommand {
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

  func run() throws {
    try reporting {
      var session = try MeetingSession(file: file.file, access: .readWrite)
      let sender = try from.map { try session.participant($0) }
      try session.record(.sendSignal(type, from: sender, note: note), at: time.instant())
      try session.close()
    }
  }
}

struct AcknowledgeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ack",
    abstract: "Acknowledge a signal (the oldest open one unless a number is given).",
    discussion: "Example:\n  roundtable ack forum.roundtable"
  )

  @OptionGroup var file: FileArgument
  @Argument(help: "The signal's number.") var signal: Int?
  @OptionGroup var time: TimeOption

  func run() throws {
    try reporting {
      var session = try MeetingSession(file: file.file, access: .readWrite)
      guard let id = signal.map({ SignalID($0) }) ?? session.state.openSignals.first?.id else {
        throw Refusal(.unknownSignal, "There is no open signal to acknowledge.")
      }
      try session.record(.acknowledgeSignal(id), at: time.instant())
      try session.close()
    }
  }
}

struct UndoCommand: ParsableCommand {
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

  func run() throws {
    try reporting {
      var session = try MeetingSession(file: file.file, access: .readWrite)
      try session.record(.undo(kind), at: time.instant())
      try session.close()
    }
  }
}
