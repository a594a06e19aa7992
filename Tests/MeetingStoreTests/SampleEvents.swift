import Foundation
import MeetingModel

/// One event of every type, with every optional field filled somewhere, for codec tests.
enum SampleEvents {
  static let policy = QueuePolicy(
    ordering: .balanced, interruptsFirst: false, starvationLimit: 2,
    groupTargets: [
      GroupTarget(tag: "lived-experience", share: 0.6), GroupTarget(tag: "professional", share: 0.4),
    ])
  static let entry = QueueEntry(
    participant: ParticipantID(3), kind: .clarify, arrival: 42,
    raisedAt: Instant(millisecondsSince1970: 1_763_719_200_123), overtaken: 2,
    placement: ManualPlacement(position: 1, reason: "leads the item", sequence: 40))

  static let all: [MeetingEvent] = [
    .meetingCreated(
      MeetingCreated(title: "Forum 会議 🎉", purpose: "Agree offers", date: "2026-11-21", policy: policy)),
    .meetingCreated(MeetingCreated(title: "Plain", policy: .fifo)),
    .meetingOpened(MeetingOpened()),
    .meetingClosed(MeetingClosed()),
    .policyChanged(PolicyChanged(policy: .balanced)),
    .participantJoined(
      ParticipantJoined(
        participant: ParticipantID(1), name: "Siobhán Zoë", tags: ["lived-experience", "young-person"],
        role: .coFacilitator, timeAdjustment: 1.5)),
    .participantLeft(ParticipantLeft(participant: ParticipantID(1))),
    .participantReturned(ParticipantReturned(participant: ParticipantID(1))),
    .participantUpdated(
      ParticipantUpdated(participant: ParticipantID(2), tags: [], role: .observer, timeAdjustment: 2)),
    .participantUpdated(ParticipantUpdated(participant: ParticipantID(2))),
    .agendaItemAdded(
      AgendaItemAdded(
        item: AgendaItemID(1), title: "Housing", minutes: 25, leads: [ParticipantID(1), ParticipantID(2)],
        position: 2, parked: false)),
    .agendaItemAdded(AgendaItemAdded(item: AgendaItemID(2), title: "Later", leads: [], parked: true)),
    .agendaItemMoved(AgendaItemMoved(item: AgendaItemID(1), position: 3)),
    .agendaItemStarted(AgendaItemStarted(item: AgendaItemID(1))),
    .agendaItemClosed(AgendaItemClosed(item: AgendaItemID(1))),
    .agendaItemDeferred(AgendaItemDeferred(item: AgendaItemID(1))),
    .agendaItemUnparked(AgendaItemUnparked(item: AgendaItemID(2), position: 1)),
    .handRaised(HandRaised(participant: ParticipantID(1), kind: .response)),
    .handLowered(HandLowered(participant: ParticipantID(1), reason: .facilitator)),
    .queueEntryMoved(QueueEntryMoved(participant: ParticipantID(1), position: 2, reason: "was cut off")),
    .handRestored(HandRestored(entry: entry)),
    .queueEntryMoveReverted(
      QueueEntryMoveReverted(participant: ParticipantID(3), placement: entry.placement)),
    .queueEntryMoveReverted(QueueEntryMoveReverted(participant: ParticipantID(3))),
    .turnStarted(TurnStarted(participant: ParticipantID(1), kind: .point, source: .round)),
    .turnEnded(TurnEnded(participant: ParticipantID(1))),
    .turnRevoked(TurnRevoked(participant: ParticipantID(1), restoredEntry: entry)),
    .contributionRecorded(
      ContributionRecorded(
        contribution: ContributionID(1), participant: ParticipantID(1), mode: .supported, text: "Via Tom",
        creditSeconds: 90, supporter: ParticipantID(2))),
    .contributionWithdrawn(ContributionWithdrawn(contribution: ContributionID(1))),
    .roundStarted(RoundStarted(order: [ParticipantID(2), ParticipantID(1)], topic: "One word check-in")),
    .roundPassed(RoundPassed(participant: ParticipantID(2))),
    .roundEnded(RoundEnded()),
    .signalSent(SignalSent(signal: SignalID(1), type: .jargon)),
    .signalSent(SignalSent(signal: SignalID(2), type: .other, from: ParticipantID(1), note: "too warm")),
    .signalAcknowledged(SignalAcknowledged(signal: SignalID(1))),
    .signalWithdrawn(SignalWithdrawn(signal: SignalID(2))),
    .decisionRecorded(
      DecisionRecorded(
        decision: DecisionID(1), item: AgendaItemID(1), text: "Cooker in every flat", method: .vote,
        outcome: .notAgreed, rung: .coDesign, votes: VoteTally(inFavour: 3, against: 4, abstentions: 1),
        stances: [
          Stance(participant: ParticipantID(1), stance: .block, reason: "no budget"),
          Stance(participant: ParticipantID(2), stance: .agree),
        ])),
    .decisionRecorded(
      DecisionRecorded(
        decision: DecisionID(2), item: nil, text: "x", method: .consent, outcome: .agreed, rung: nil,
        votes: nil,
        stances: [])),
    .stanceRecorded(
      StanceRecorded(
        decision: DecisionID(1), stance: Stance(participant: ParticipantID(3), stance: .standAside))),
    .decisionAmended(DecisionAmended(decision: DecisionID(1), text: "Cooker and fridge", outcome: .deferred)),
    .decisionAmended(
      DecisionAmended(
        decision: DecisionID(1), method: .consensus, rung: .coProduction,
        votes: VoteTally(inFavour: 0, against: 0, abstentions: 0))),
    .decisionWithdrawn(DecisionWithdrawn(decision: DecisionID(2), reason: "recorded twice")),
    .actionItemAdded(
      ActionItemAdded(
        action: ActionItemID(1), decision: DecisionID(1), owner: "Tom", ownerParticipant: ParticipantID(2),
        text: "Cost it", due: "2026-12-05")),
    .actionItemAdded(ActionItemAdded(action: ActionItemID(2), owner: "Housing team", text: "Reply")),
    .actionItemWithdrawn(ActionItemWithdrawn(action: ActionItemID(2))),
    .signalReopened(SignalReopened(signal: SignalID(2))),
    .turnResumed(TurnResumed(participant: ParticipantID(3))),
    .correctionUndone(
      CorrectionUndone(kind: .floor, undoes: UUID(uuidString: "0A0B0C0D-0000-4000-8000-00000000ABCD")!)),
    .actionFollowedUp(
      ActionFollowedUp(action: ActionItemID(1), status: .inProgress, note: "Quote due Friday — 会議")),
    .actionFollowedUp(ActionFollowedUp(carried: 2, status: .done)),
    .meetingCarriedOver(
      MeetingCarriedOver(items: [
        CarriedItem(
          number: 1, kind: .action, text: "Cost it", owner: "Tom", due: "2026-12-05",
          followUp: FollowUp(
            status: .inProgress, note: "asked twice", at: Instant(millisecondsSince1970: 1_763_719_200_456)),
          fromMeeting: "Care leavers forum, 21 November 2026"),
        CarriedItem(
          number: 2, kind: .decision, text: "Meet monthly (agreed)",
          fromMeeting: "Care leavers forum, 21 November 2026"),
      ])),
    .meetingCarriedOver(MeetingCarriedOver(items: [])),
  ]

  /// Wrapped as a log, with times moving forward and some metadata (not a meeting the validating
  /// fold accepts: `EveryEventMeeting` is one).
  static var recorded: [RecordedEvent] {
    var ids = SequentialEventIDs()
    return all.enumerated().map { offset, event in
      RecordedEvent(
        sequence: Int64(offset + 1), id: ids.nextEventID(),
        time: Instant(millisecondsSince1970: 1_763_719_200_000 + Int64(offset) * 1500),
        metadata: offset % 3 == 0 ? EventMetadata(author: "Rachel", terminal: "notes@tty2") : EventMetadata(),
        event: event)
    }
  }
}
