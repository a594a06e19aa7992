import Foundation
import MeetingModel

/// A meeting played through the model's own commands that holds an event of every type, with
/// the optional fields filled somewhere: a log the validating fold accepts, for the tests that
/// store, export and import whole logs. (`SampleEvents` is one event of every type out of any
/// meeting, for the codec alone.)
enum SampleLog {
  static var recorded: [RecordedEvent] {
    var state = MeetingState()
    var ids = SequentialEventIDs()
    var now = Instant(millisecondsSince1970: 1_763_719_200_000)
    var log: [RecordedEvent] = []
    func run(_ command: Command) {
      now = now.adding(milliseconds: 1500)
      let metadata =
        log.count % 3 == 0 ? EventMetadata(author: "Rachel", terminal: "notes@tty2") : EventMetadata()
      do {
        log += try state.execute(command, at: now, metadata: metadata, ids: &ids)
      } catch {
        fatalError("the sample meeting refused \(command): \(error.message)")
      }
    }
    let one = ParticipantID(1)
    let two = ParticipantID(2)
    let three = ParticipantID(3)
    run(
      .createMeeting(
        title: "Forum 会議 🎉", purpose: "Agree offers", date: "2026-11-21", policy: SampleEvents.policy))
    run(.changePolicy(.fifo))
    run(
      .join(
        name: "Siobhán Zoë", tags: ["lived-experience", "young-person"], role: .coFacilitator,
        timeAdjustment: 1.5))
    run(.join(name: "Tom", tags: ["professional"]))
    run(.join(name: "Amira", tags: ["lived-experience"]))
    run(.leave(one))
    run(.join(name: "Siobhán Zoë", timeAdjustment: 2))
    run(.updateParticipant(two, tags: ["professional", "housing"], timeAdjustment: 1.25))
    run(.addAgendaItem(title: "Housing", minutes: 25, leads: [one, two]))
    run(.addAgendaItem(title: "Money", minutes: 10))
    run(.park(title: "Later"))
    run(.moveAgendaItem(AgendaItemID(1), to: 2))
    run(.unpark(AgendaItemID(3), position: 1))
    run(.startItem(AgendaItemID(1)))
    run(.raiseHand(one))
    run(.raiseHand(three, kind: .clarify))
    run(.moveEntry(one, to: 2, reason: "was cut off"))
    run(.undo(.move))
    run(.lowerHand(three, byFacilitator: true))
    run(.undo(.lower))
    run(.nextSpeaker)
    run(.undo(.floor))
    run(.giveFloor(one))
    run(.raiseHand(two, kind: .response))
    run(.endTurn)
    run(.undo(.turnEnd))
    run(.endTurn)
    run(.recordContribution(three, mode: .supported, text: "Via Tom", creditSeconds: 90, supporter: two))
    run(.undo(.contribution))
    run(.startRound(order: [two, three], topic: "One word check-in"))
    run(.passInRound)
    run(.endRound)
    run(.sendSignal(.jargon))
    run(.acknowledgeSignal(SignalID(1)))
    run(.undo(.acknowledgement))
    run(.sendSignal(.other, from: one, note: "too warm"))
    run(.undo(.signal))
    run(
      .recordDecision(
        DecisionDraft(
          text: "Cooker in every flat", method: .vote, outcome: .notAgreed, rung: .coDesign,
          votes: VoteTally(inFavour: 3, against: 4, abstentions: 1),
          stances: [
            Stance(participant: one, stance: .block, reason: "no budget"),
            Stance(participant: two, stance: .agree),
          ],
          actions: [ActionDraft(owner: "Tom", ownerParticipant: two, text: "Cost it", due: "2026-12-05")])))
    run(.recordStance(DecisionID(1), Stance(participant: three, stance: .standAside)))
    run(
      .amendDecision(
        DecisionAmendment(decision: DecisionID(1), text: "Cooker and fridge", outcome: .deferred)))
    run(.recordDecision(DecisionDraft(text: "x", method: .consent, outcome: .agreed)))
    run(.withdrawDecision(DecisionID(2), reason: "recorded twice"))
    run(.addAction(ActionDraft(owner: "Housing team", text: "Reply")))
    run(.undo(.action))
    run(.followUp(.action(ActionItemID(1)), status: .inProgress, note: "Quote due Friday — 会議"))
    run(
      .carryOver([
        CarriedItem(
          number: 1, kind: .action, text: "Cost it", owner: "Tom", due: "2026-12-05",
          followUp: FollowUp(
            status: .inProgress, note: "asked twice", at: Instant(millisecondsSince1970: 1_763_719_200_456)),
          fromMeeting: "Care leavers forum, 21 November 2026"),
        CarriedItem(
          number: 2, kind: .decision, text: "Meet monthly (agreed)",
          fromMeeting: "Care leavers forum, 21 November 2026"),
      ]))
    run(.followUp(.carried(2), status: .done))
    run(.deferItem(AgendaItemID(2)))
    run(.closeItem)
    run(.closeMeeting)
    return log
  }
}
