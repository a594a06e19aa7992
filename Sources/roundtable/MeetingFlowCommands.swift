import ArgumentParser
import Foundation
import MeetingModel
import MeetingStore

struct OpenCommand: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "open",
    abstract: "Open the meeting (or reopen it after it was closed).",
    discussion: """
      People and the agenda can be prepared before the meeting opens; opening the first agenda \
      item or giving someone the floor opens it too.

      Example:
        roundtable open forum.roundtable --at 2026-11-21T10:00:00Z
      """
  )

  @OptionGroup var file: FileArgument
  @OptionGroup var time: TimeOption

  func modelCommand(in state: MeetingState) throws -> Command {
    .openMeeting
  }

  func run() throws {
    try reporting {
      try record(inFile: file.file).close()
    }
  }
}

struct CloseCommand: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "close",
    abstract: "Close the meeting: the turn ends, the current item closes, hands go down.",
    discussion: """
      Decisions, stances and actions can still be recorded (and back-filled) once the meeting \
      is closed; `roundtable open` reopens it.

      Example:
        roundtable close forum.roundtable
      """
  )

  @OptionGroup var file: FileArgument
  @OptionGroup var time: TimeOption

  func modelCommand(in state: MeetingState) throws -> Command {
    .closeMeeting
  }

  func run() throws {
    try reporting {
      try record(inFile: file.file).close()
    }
  }
}

struct PolicyCommand: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "policy",
    abstract: "Show or change how the speaking queue orders hands (recorded and shown on screen).",
    discussion: """
      Without anything to change, prints the policy in force. Otherwise only what is given \
      changes. Targets are shares of airtime per group (the first tag of each person): 50%, \
      or 0.5. --equal-targets goes back to an equal share for every group present.

      Examples:
        roundtable policy forum.roundtable
        roundtable policy forum.roundtable fifo
        roundtable policy forum.roundtable balanced --starvation-limit 2 --no-interrupts-first
        roundtable policy forum.roundtable --target lived-experience=60% --target professional=40%
        roundtable policy forum.roundtable --equal-targets
      """
  )

  @OptionGroup var file: FileArgument
  @Argument(help: "balanced (first voice, group balance, least airtime, arrival) or fifo (arrival alone).")
  var ordering: QueuePolicy.Ordering?
  @Flag(
    inversion: .prefixedNo,
    help: "Points of process, clarifying questions and direct responses go before new points.")
  var interruptsFirst: Bool?
  @Option(
    parsing: .unconditional,
    help: "Overtaken by this many later arrivals, a hand is not overtaken again (0: off), 0 to 1000.")
  var starvationLimit: Int?
  @Option(
    name: .customLong("target"), help: "TAG=SHARE, such as lived-experience=50% (repeat for each group).")
  var targets: [String] = []
  @Flag(help: "An equal share for every group present (drops the targets set).") var equalTargets = false
  @OptionGroup var time: TimeOption

  func validate() throws {
    if equalTargets && !targets.isEmpty {
      throw ValidationError("Give --target shares or --equal-targets, not both.")
    }
  }

  var changesSomething: Bool {
    ordering != nil || interruptsFirst != nil || starvationLimit != nil || !targets.isEmpty || equalTargets
  }

  func modelCommand(in state: MeetingState) throws -> Command {
    guard changesSomething else {
      throw Refusal(
        .unchanged,
        "The policy in force: \(state.describe(state.policy)). Say what to change (see policy --help).")
    }
    var policy = state.policy
    if let ordering { policy.ordering = ordering }
    if let interruptsFirst { policy.interruptsFirst = interruptsFirst }
    if let starvationLimit { policy.starvationLimit = starvationLimit }
    if equalTargets { policy.groupTargets = [] }
    if !targets.isEmpty { policy.groupTargets = try targets.map(Self.parseTarget) }
    return .changePolicy(policy)
  }

  func run() throws {
    try reporting {
      guard changesSomething else {
        let session = try MeetingSession(file: file.file, access: .readOnly)
        say("Policy: \(session.state.describe(session.state.policy))")
        try session.close()
        return
      }
      try record(inFile: file.file).close()
    }
  }

  /// `lived-experience=50%` or `lived-experience=0.5`.
  static func parseTarget(_ text: String) throws -> GroupTarget {
    guard let equals = text.lastIndex(of: "=") else {
      throw ValidationError("--target '\(text)' should be TAG=SHARE, such as lived-experience=50%.")
    }
    let tag = text[..<equals].trimmingCharacters(in: .whitespaces)
    var share = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
    let isPercent = share.hasSuffix("%")
    if isPercent { share.removeLast() }
    guard let number = Double(share) else {
      throw ValidationError("--target '\(text)': the share should be a percentage such as 50% or 0.5.")
    }
    return GroupTarget(tag: tag, share: isPercent || number > 1 ? number / 100 : number)
  }
}

struct UpdateCommand: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "update",
    abstract: "Change someone's groups, role or speaking-time adjustment.",
    discussion: """
      Only what is given changes; --tag replaces all of the person's tags (the first is their \
      group for voice balance).

      Examples:
        roundtable update forum.roundtable zoe --time-adjust 2
        roundtable update forum.roundtable ama --tag professional --tag health
        roundtable update forum.roundtable rachel --role co-facilitator
      """
  )

  @OptionGroup var file: FileArgument
  @Argument(help: "Who (part of the name is enough).") var name: String
  @Option(name: .customLong("tag"), help: "A group the person belongs to (repeat for several).") var tags:
    [String] = []
  @Option(help: "facilitator, co-facilitator, note-taker, participant or observer.") var role: Role?
  @Option(
    name: .customLong("time-adjust"), parsing: .unconditional,
    help: "Speaking-time adjustment, 0.25 to 4 (1.5: half as long again).")
  var timeAdjust: Double?
  @OptionGroup var time: TimeOption

  func modelCommand(in state: MeetingState) throws -> Command {
    .updateParticipant(
      try state.participantID(named: name), tags: tags.isEmpty ? nil : tags, role: role,
      timeAdjustment: timeAdjust)
  }

  func run() throws {
    try reporting {
      try record(inFile: file.file).close()
    }
  }
}

struct FloorCommand: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "floor",
    abstract: "Give the floor to someone, whether or not their hand is up.",
    discussion: """
      The current turn ends. A hand that was up is taken from the queue with its kind.

      Example:
        roundtable floor forum.roundtable siobhan
      """
  )

  @OptionGroup var file: FileArgument
  @Argument(help: "Who gets the floor (part of the name is enough).") var name: String
  @OptionGroup var time: TimeOption

  func modelCommand(in state: MeetingState) throws -> Command {
    .giveFloor(try state.participantID(named: name))
  }

  func run() throws {
    try reporting {
      try record(inFile: file.file).close()
    }
  }
}
