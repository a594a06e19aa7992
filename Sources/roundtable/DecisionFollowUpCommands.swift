import ArgumentParser
import Foundation
import MeetingModel
import MeetingStore

/// A decision as typed: its number (`2` or `#2`, as `log` and the screen show it).
func decisionID(_ typed: String) throws -> DecisionID {
  let text = typed.trimmingCharacters(in: .whitespaces)
  guard let number = Int(text.hasPrefix("#") ? String(text.dropFirst()) : text), number > 0 else {
    throw ValidationError("'\(typed)' is not a decision number such as 1 (as `roundtable log` shows it).")
  }
  return DecisionID(number)
}

struct StanceCommand: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "stance",
    abstract: "Record someone's stance on a decision (a later stance replaces an earlier one).",
    discussion: """
      Stances: agree, concern, stand-aside, block, abstain. Concerns, stand-asides and blocks \
      are dissent and are always shown with the decision.

      Examples:
        roundtable stance forum.roundtable 1 zoe agree
        roundtable stance forum.roundtable 1 ama concern --reason "no budget yet"
      """
  )

  @OptionGroup var file: FileArgument
  @Argument(help: "The decision's number (as `log` shows it).") var decision: String
  @Argument(help: "Whose stance (part of the name is enough).") var name: String
  @Argument(help: "agree, concern, stand-aside, block or abstain.") var stance: StanceKind
  @Option(help: "Why, in the person's words.") var reason: String?
  @OptionGroup var time: TimeOption

  func modelCommand(in state: MeetingState) throws -> Command {
    .recordStance(
      try decisionID(decision),
      Stance(participant: try state.participantID(named: name), stance: stance, reason: reason))
  }

  func run() throws {
    try reporting {
      try record(inFile: file.file).close()
    }
  }
}

struct AmendCommand: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "amend",
    abstract: "Correct a recorded decision: its text, method, outcome, rung or vote counts.",
    discussion: """
      Only what is given changes; the amendment is recorded, the decision is not rewritten.

      Examples:
        roundtable amend forum.roundtable 1 --outcome deferred
        roundtable amend forum.roundtable 2 --method vote --votes 7,2,1
      """
  )

  @OptionGroup var file: FileArgument
  @Argument(help: "The decision's number (as `log` shows it).") var decision: String
  @Option(help: "What was decided, reworded.") var text: String?
  @Option(help: "consensus, consent, vote or other.") var method: DecisionMethod?
  @Option(help: "agreed, not-agreed or deferred.") var outcome: DecisionOutcome?
  @Option(help: "informing, consultation, engagement, co-design or co-production.") var rung:
    ParticipationRung?
  @Option(
    parsing: .unconditional,
    help: "Votes for,against,abstaining (with the vote method), such as 7,2,1; each 0 to 100000.")
  var votes: String?
  @OptionGroup var time: TimeOption

  func modelCommand(in state: MeetingState) throws -> Command {
    .amendDecision(
      DecisionAmendment(
        decision: try decisionID(decision), text: text, method: method, outcome: outcome, rung: rung,
        votes: try votes.map(DecideCommand.parseVotes)))
  }

  func run() throws {
    try reporting {
      try record(inFile: file.file).close()
    }
  }
}

struct WithdrawCommand: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "withdraw",
    abstract: "Withdraw a decision, with the reason (it stays in the log, marked withdrawn).",
    discussion: "Example:\n  roundtable withdraw forum.roundtable 1 --reason \"recorded on the wrong item\""
  )

  @OptionGroup var file: FileArgument
  @Argument(help: "The decision's number (as `log` shows it).") var decision: String
  @Option(help: "Why it is withdrawn.") var reason: String
  @OptionGroup var time: TimeOption

  func modelCommand(in state: MeetingState) throws -> Command {
    .withdrawDecision(try decisionID(decision), reason: reason)
  }

  func run() throws {
    try reporting {
      try record(inFile: file.file).close()
    }
  }
}

struct ActionCommand: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "action",
    abstract: "Record an action item: who will do what, by when (following a decision, or on its own).",
    discussion: """
      The owner can be a participant (part of the name is enough) or anyone else named, such as \
      a team.

      Examples:
        roundtable action forum.roundtable "Ben: write to the housing team (due 2026-12-01)"
        roundtable action forum.roundtable "Leaving care team: send the offer letters" --decision 1
      """
  )

  @OptionGroup var file: FileArgument
  @Argument(help: "\"OWNER: what will be done\", optionally ending with (due DATE).") var text: String
  @Option(help: "The decision it follows from (its number).") var decision: String?
  @OptionGroup var time: TimeOption

  func modelCommand(in state: MeetingState) throws -> Command {
    var draft = try DecideCommand.parseAction(text, in: state)
    draft.decision = try decision.map(decisionID)
    return .addAction(draft)
  }

  func run() throws {
    try reporting {
      try record(inFile: file.file).close()
    }
  }
}

extension StanceKind: ExpressibleByArgument {}
