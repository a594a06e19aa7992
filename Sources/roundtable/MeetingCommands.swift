import ArgumentParser
import Foundation
import MeetingModel
import MeetingStore

struct NewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Create a meeting file (readable by you only).",
    discussion: """
      Examples:
        roundtable new forum.roundtable --title "Care leavers' forum"
        roundtable new forum.roundtable --title "Forum" --policy fifo
        roundtable new forum.roundtable --from plan.yaml
        roundtable new forum.roundtable --title "Forum" --count-facilitation
        roundtable new december.roundtable --from plan.yaml --carry-from november.roundtable

      --carry-from reads the previous meeting (without changing it) and carries into the new one \
      every action not withdrawn and not done or dropped, with its latest follow-up, and every \
      decision not withdrawn, under the agenda item “You said, we did” put first. Record what \
      became of them with `roundtable follow-up FILE c1 --status done`.

      By default facilitation is not a voice in the balance: people joined as facilitator, \
      co-facilitator, note-taker or observer are left out of group shares, the fairness figure \
      and the least heard, and their time is shown apart. --count-facilitation (or \
      count-facilitation: true in a plan) counts facilitators, co-facilitators and note-takers \
      like everyone else.
      """
  )

  @OptionGroup var file: FileArgument
  @Option(help: "The meeting's title.") var title: String?
  @Option(help: "What the meeting is for.") var purpose: String?
  @Option(help: "The meeting's date as written, such as 2026-11-21.") var date: String?
  @Option(help: "Queue policy: balanced (default) or fifo.") var policy: QueuePolicy.Ordering?
  @Option(help: "A meeting plan (YAML): title, purpose, policy, targets, participants, agenda.") var from:
    String?
  @Option(
    name: .customLong("carry-from"),
    help: "The previous meeting file: carry its open actions and its decisions into this one.")
  var carryFrom: String?
  @Flag(
    name: .customLong("count-facilitation"),
    help: "Count facilitators, co-facilitators and note-takers in the voice balance (default: left out).")
  var countFacilitation = false
  @OptionGroup var time: TimeOption

  func validate() throws {
    if from == nil && title == nil {
      throw ValidationError("Give the meeting a --title, or a plan with --from.")
    }
  }

  func run() throws {
    try reporting {
      let at = try time.instant()
      // The previous meeting is read first, through a read-only connection: it is never changed.
      var carried: [CarriedItem] = []
      if let carryFrom {
        let previous = try MeetingSession(file: carryFrom, access: .readOnly)
        carried = previous.state.itemsToCarry
        try previous.close()
      }
      var state = MeetingState()
      var ids = SequentialEventIDs()
      var recorded: [RecordedEvent] = []
      if let from {
        let plan = try MeetingPlan.load(from)
        for command in try plan.commands(
          title: title, policy: policy, countsFacilitation: countFacilitation ? true : nil)
        {
          recorded += try state.execute(command, at: at, metadata: EventMetadata(terminal: "cli"), ids: &ids)
        }
      } else {
        recorded = try state.execute(
          .createMeeting(
            title: title ?? "", purpose: purpose, date: date,
            policy: QueuePolicy(ordering: policy ?? .balanced, countsFacilitation: countFacilitation)),
          at: at, metadata: EventMetadata(terminal: "cli"), ids: &ids)
      }
      if !carried.isEmpty {
        recorded += try state.execute(
          .carryOver(carried), at: at, metadata: EventMetadata(terminal: "cli"), ids: &ids)
      }
      let store = try createMeetingFile(at: file.file, from: recorded)
      try store.close()
      let people = state.participants.count
      let items = state.agendaOrder.count
      say(
        "Created \(file.file): “\(state.info?.title ?? "")” (\(state.describe(state.policy)))"
          + (from == nil ? "" : ", \(people) people, \(items) agenda items") + ". Only you can read it.")
      if let carryFrom {
        if let event = recorded.first(where: { $0.event.type == .meetingCarriedOver }) {
          say(
            state.describe(event.event)
              + ", under “\(MeetingState.carryOverItemTitle)” (c1 to c\(carried.count) for `roundtable follow-up`)."
          )
        } else {
          say("Nothing to carry from \(carryFrom): no open actions and no decisions.")
        }
      }
    }
  }
}

struct JoinCommand: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "join",
    abstract: "Add someone to the meeting, or welcome them back.",
    discussion: """
      The first tag is the person's group for voice balance (unless the facilitator sets group \
      targets); further tags describe them.

      Examples:
        roundtable join forum.roundtable "Siobhán Byrne" --tag lived-experience --tag young-person
        roundtable join forum.roundtable "Dr Ama Okafor" --tag professional
        roundtable join forum.roundtable "Zoë Mensah" --tag lived-experience --time-adjust 1.5
        roundtable join forum.roundtable "Rachel Lee" --role note-taker
      """
  )

  @OptionGroup var file: FileArgument
  @Argument(help: "The person's name, as they want it shown.") var name: String
  @Option(name: .customLong("tag"), help: "A group the person belongs to (repeat for several).") var tags:
    [String] = []
  @Option(help: "facilitator, co-facilitator, note-taker, participant (default) or observer.") var role:
    Role = .participant
  @Option(
    name: .customLong("time-adjust"), parsing: .unconditional,
    help: "Speaking-time adjustment, 0.25 to 4 (1.5: half as long again).")
  var timeAdjust: Double = 1
  @OptionGroup var time: TimeOption

  func modelCommand(in state: MeetingState) throws -> Command {
    .join(name: name, tags: tags, role: role, timeAdjustment: timeAdjust)
  }

  func run() throws {
    try reporting {
      try record(inFile: file.file).close()
    }
  }

}

struct LeaveCommand: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "leave",
    abstract: "Record that someone left (their turn ends and their hand goes down).",
    discussion: "Example:\n  roundtable leave forum.roundtable Marcus"
  )

  @OptionGroup var file: FileArgument
  @Argument(help: "Who left (part of the name is enough).") var name: String
  @OptionGroup var time: TimeOption

  func modelCommand(in state: MeetingState) throws -> Command {
    .leave(try state.participantID(named: name))
  }

  func run() throws {
    try reporting {
      try record(inFile: file.file).close()
    }
  }

}

extension Role: ExpressibleByArgument {}
extension EntryKind: ExpressibleByArgument {}
extension SignalType: ExpressibleByArgument {}
extension DecisionMethod: ExpressibleByArgument {}
extension DecisionOutcome: ExpressibleByArgument {}
extension ParticipationRung: ExpressibleByArgument {}
extension UndoKind: ExpressibleByArgument {}
