import Foundation
import MeetingModel

/// A meeting that holds every event type, played through the model's commands so that it is a
/// meeting the CLI could have written (and so passes whatever checks a file's opening makes):
/// the source of the every-event fixture (`Fixtures/format-1-every-event.*`).
enum EveryEventMeeting {
  static let start = Instant(iso8601: "2026-11-28T10:00:00Z")!

  /// The log, made once, for the tests that store, export and import whole logs.
  static let recorded: [RecordedEvent] = {
    do { return try log() } catch { fatalError("the every-event meeting refused a command: \(error)") }
  }()

  /// The log, with fixed ids and times.
  static func log() throws -> [RecordedEvent] {
    var state = MeetingState()
    var ids = SequentialEventIDs()
    var now = start
    var log: [RecordedEvent] = []
    func run(_ command: Command, after seconds: Int64 = 5, by author: String? = nil) throws {
      now = now.adding(seconds: seconds)
      do {
        log += try state.execute(
          command, at: now, metadata: EventMetadata(author: author, terminal: "fixture"), ids: &ids)
      } catch {
        throw StepFailed(description: "event \(log.count + 1), \(command): \(error)")
      }
    }
    func lastEventID() -> EventID { log[log.count - 1].id }
    let counting = QueuePolicy(
      ordering: .balanced, interruptsFirst: true, starvationLimit: 2,
      groupTargets: [
        GroupTarget(tag: "lived-experience", share: 0.6), GroupTarget(tag: "professional", share: 0.4),
      ],
      countsFacilitation: true)
    let amira = ParticipantID(1)
    let ben = ParticipantID(2)
    let chloe = ParticipantID(3)
    let dev = ParticipantID(4)

    try run(
      .createMeeting(
        title: "Every event 会議 🎉", purpose: "Freeze the first format", date: "2026-11-28", policy: counting),
      after: 0)
    try run(
      .carryOver([
        CarriedItem(
          number: 1, kind: .action, text: "Cost the cookers", owner: "Ben", due: "2026-12-05",
          followUp: FollowUp(status: .inProgress, note: "asked twice", at: start),
          fromMeeting: "Care leavers forum, 21 November 2026"),
        CarriedItem(
          number: 2, kind: .decision, text: "Meet monthly (agreed)",
          fromMeeting: "Care leavers forum, 21 November 2026"),
      ]))
    try run(.changePolicy(.balanced))
    try run(.changePolicy(counting))
    try run(.join(name: "Amira", tags: ["lived-experience", "young-person"], timeAdjustment: 1.5))
    try run(.join(name: "Ben", tags: ["professional"], role: .coFacilitator))
    try run(.join(name: "Chloe", tags: ["lived-experience"]))
    try run(.join(name: "Dev", tags: [], role: .observer))
    try run(.updateParticipant(dev, tags: ["professional"], timeAdjustment: 2))
    try run(.updateParticipant(dev, role: .participant))
    try run(.addAgendaItem(title: "Housing", minutes: 20, leads: [amira, ben]))
    try run(.addAgendaItem(title: "Transport", leads: []))
    try run(.addAgendaItem(title: "Food", minutes: 10, leads: [], position: 1))
    try run(.park(title: "Later: the garden"))
    try run(.moveAgendaItem(AgendaItemID(2), to: 1))
    try run(.unpark(AgendaItemID(5), position: 2))
    try run(.openMeeting)
    try run(.nextItem)
    try run(.deferItem(nil))
    try run(.startItem(AgendaItemID(3)))
    try run(.raiseHand(ben), after: 10)
    try run(.raiseHand(chloe, kind: .clarify))
    try run(.raiseHand(dev))
    try run(.moveEntry(dev, to: 1, reason: "leads the item"))
    try run(.undo(.move))
    try run(.lowerHand(chloe, byFacilitator: true))
    try run(.undo(.lower))
    try run(.nextSpeaker)
    try run(.undo(.floor))
    try run(.nextSpeaker, after: 10)
    try run(.raiseHand(amira, kind: .response), after: 30)
    try run(.endTurn, after: 40)
    try run(.undo(.turnEnd))
    try run(.endTurn, after: 20)
    try run(.lowerHand(amira))
    try run(.giveFloor(dev), after: 30)
    try run(.endTurn, after: 40)
    try run(.leave(dev))
    try run(.join(name: "Dev"))
    try run(.recordContribution(chloe, mode: .written, text: "Bus pass costs", creditSeconds: 90))
    try run(.recordContribution(amira, mode: .supported, text: "Via Ben", creditSeconds: 60, supporter: ben))
    try run(.undo(.contribution))
    try run(.startRound(order: [ben, amira, chloe], topic: "One word check-in"))
    try run(.nextSpeaker, after: 15)
    try run(.passInRound)
    try run(.endRound)
    try run(.sendSignal(.slower), after: 10)
    try run(.sendSignal(.other, from: chloe, note: "too warm"))
    try run(.acknowledgeSignal(SignalID(1)))
    try run(.undo(.acknowledgement))
    try run(.undo(.signal))
    try run(
      .recordDecision(
        DecisionDraft(
          text: "Cooker in every flat", method: .vote, outcome: .notAgreed, rung: .coDesign,
          votes: VoteTally(inFavour: 3, against: 4, abstentions: 1),
          stances: [
            Stance(participant: amira, stance: .block, reason: "no budget"),
            Stance(participant: ben, stance: .agree),
          ],
          actions: [ActionDraft(owner: "Ben", ownerParticipant: ben, text: "Cost it", due: "2026-12-05")])),
      after: 20, by: "Rachel")
    try run(
      .recordDecision(DecisionDraft(text: "Visit the flats", method: .consent, outcome: .agreed)),
      by: "Rachel")
    try run(.recordStance(DecisionID(1), Stance(participant: chloe, stance: .standAside)))
    try run(
      .amendDecision(
        DecisionAmendment(decision: DecisionID(1), text: "Cooker and fridge", outcome: .deferred)))
    try run(
      .amendDecision(
        DecisionAmendment(
          decision: DecisionID(1), method: .vote, rung: .coProduction,
          votes: VoteTally(inFavour: 5, against: 2, abstentions: 0))))
    try run(.addAction(ActionDraft(owner: "Housing team", text: "Reply to the forum")))
    try run(.undo(.action))
    try run(.withdrawDecision(DecisionID(2), reason: "recorded twice"))
    try run(.followUp(.action(ActionItemID(1)), status: .inProgress, note: "Quote due Friday — 会議"))
    try run(.followUp(.carried(2), status: .done))
    try run(.closeItem)
    try run(.closeMeeting, after: 60)
    return log
  }
}

/// Which step of the every-event meeting was refused, and why.
struct StepFailed: Error, CustomStringConvertible {
  var description: String
}
