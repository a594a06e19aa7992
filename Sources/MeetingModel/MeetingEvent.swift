/// Everything that can happen in a meeting. State is a fold over a list of these.
///
/// Each case has a stable type name (`EventType`) and a schema version, independent of the Swift
/// names, so stored events keep their meaning when the code is renamed.
public enum MeetingEvent: Equatable, Sendable {
  case meetingCreated(MeetingCreated)
  case meetingOpened(MeetingOpened)
  case meetingClosed(MeetingClosed)
  case policyChanged(PolicyChanged)
  case participantJoined(ParticipantJoined)
  case participantLeft(ParticipantLeft)
  case participantReturned(ParticipantReturned)
  case participantUpdated(ParticipantUpdated)
  case agendaItemAdded(AgendaItemAdded)
  case agendaItemMoved(AgendaItemMoved)
  case agendaItemStarted(AgendaItemStarted)
  case agendaItemClosed(AgendaItemClosed)
  case agendaItemDeferred(AgendaItemDeferred)
  case agendaItemUnparked(AgendaItemUnparked)
  case handRaised(HandRaised)
  case handLowered(HandLowered)
  case queueEntryMoved(QueueEntryMoved)
  case handRestored(HandRestored)
  case queueEntryMoveReverted(QueueEntryMoveReverted)
  case turnStarted(TurnStarted)
  case turnEnded(TurnEnded)
  case turnRevoked(TurnRevoked)
  case contributionRecorded(ContributionRecorded)
  case contributionWithdrawn(ContributionWithdrawn)
  case roundStarted(RoundStarted)
  case roundPassed(RoundPassed)
  case roundEnded(RoundEnded)
  case signalSent(SignalSent)
  case signalAcknowledged(SignalAcknowledged)
  case signalWithdrawn(SignalWithdrawn)
  case decisionRecorded(DecisionRecorded)
  case stanceRecorded(StanceRecorded)
  case decisionAmended(DecisionAmended)
  case decisionWithdrawn(DecisionWithdrawn)
  case actionItemAdded(ActionItemAdded)
  case actionItemWithdrawn(ActionItemWithdrawn)
  case correctionUndone(CorrectionUndone)
  case signalReopened(SignalReopened)
  case turnResumed(TurnResumed)
  case actionFollowedUp(ActionFollowedUp)
  case meetingCarriedOver(MeetingCarriedOver)

  /// The stable type of this event.
  public var type: EventType {
    switch self {
    case .meetingCreated: .meetingCreated
    case .meetingOpened: .meetingOpened
    case .meetingClosed: .meetingClosed
    case .policyChanged: .policyChanged
    case .participantJoined: .participantJoined
    case .participantLeft: .participantLeft
    case .participantReturned: .participantReturned
    case .participantUpdated: .participantUpdated
    case .agendaItemAdded: .agendaItemAdded
    case .agendaItemMoved: .agendaItemMoved
    case .agendaItemStarted: .agendaItemStarted
    case .agendaItemClosed: .agendaItemClosed
    case .agendaItemDeferred: .agendaItemDeferred
    case .agendaItemUnparked: .agendaItemUnparked
    case .handRaised: .handRaised
    case .handLowered: .handLowered
    case .queueEntryMoved: .queueEntryMoved
    case .handRestored: .handRestored
    case .queueEntryMoveReverted: .queueEntryMoveReverted
    case .turnStarted: .turnStarted
    case .turnEnded: .turnEnded
    case .turnRevoked: .turnRevoked
    case .contributionRecorded: .contributionRecorded
    case .contributionWithdrawn: .contributionWithdrawn
    case .roundStarted: .roundStarted
    case .roundPassed: .roundPassed
    case .roundEnded: .roundEnded
    case .signalSent: .signalSent
    case .signalAcknowledged: .signalAcknowledged
    case .signalWithdrawn: .signalWithdrawn
    case .decisionRecorded: .decisionRecorded
    case .stanceRecorded: .stanceRecorded
    case .decisionAmended: .decisionAmended
    case .decisionWithdrawn: .decisionWithdrawn
    case .actionItemAdded: .actionItemAdded
    case .actionItemWithdrawn: .actionItemWithdrawn
    case .correctionUndone: .correctionUndone
    case .signalReopened: .signalReopened
    case .turnResumed: .turnResumed
    case .actionFollowedUp: .actionFollowedUp
    case .meetingCarriedOver: .meetingCarriedOver
    }
  }

  /// Writes the event's data under `key`.
  public func encodeData<Key: CodingKey>(
    to container: inout KeyedEncodingContainer<Key>, forKey key: Key
  ) throws {
    switch self {
    case .meetingCreated(let data): try container.encode(data, forKey: key)
    case .meetingOpened(let data): try container.encode(data, forKey: key)
    case .meetingClosed(let data): try container.encode(data, forKey: key)
    case .policyChanged(let data): try container.encode(data, forKey: key)
    case .participantJoined(let data): try container.encode(data, forKey: key)
    case .participantLeft(let data): try container.encode(data, forKey: key)
    case .participantReturned(let data): try container.encode(data, forKey: key)
    case .participantUpdated(let data): try container.encode(data, forKey: key)
    case .agendaItemAdded(let data): try container.encode(data, forKey: key)
    case .agendaItemMoved(let data): try container.encode(data, forKey: key)
    case .agendaItemStarted(let data): try container.encode(data, forKey: key)
    case .agendaItemClosed(let data): try container.encode(data, forKey: key)
    case .agendaItemDeferred(let data): try container.encode(data, forKey: key)
    case .agendaItemUnparked(let data): try container.encode(data, forKey: key)
    case .handRaised(let data): try container.encode(data, forKey: key)
    case .handLowered(let data): try container.encode(data, forKey: key)
    case .queueEntryMoved(let data): try container.encode(data, forKey: key)
    case .handRestored(let data): try container.encode(data, forKey: key)
    case .queueEntryMoveReverted(let data): try container.encode(data, forKey: key)
    case .turnStarted(let data): try container.encode(data, forKey: key)
    case .turnEnded(let data): try container.encode(data, forKey: key)
    case .turnRevoked(let data): try container.encode(data, forKey: key)
    case .contributionRecorded(let data): try container.encode(data, forKey: key)
    case .contributionWithdrawn(let data): try container.encode(data, forKey: key)
    case .roundStarted(let data): try container.encode(data, forKey: key)
    case .roundPassed(let data): try container.encode(data, forKey: key)
    case .roundEnded(let data): try container.encode(data, forKey: key)
    case .signalSent(let data): try container.encode(data, forKey: key)
    case .signalAcknowledged(let data): try container.encode(data, forKey: key)
    case .signalWithdrawn(let data): try container.encode(data, forKey: key)
    case .decisionRecorded(let data): try container.encode(data, forKey: key)
    case .stanceRecorded(let data): try container.encode(data, forKey: key)
    case .decisionAmended(let data): try container.encode(data, forKey: key)
    case .decisionWithdrawn(let data): try container.encode(data, forKey: key)
    case .actionItemAdded(let data): try container.encode(data, forKey: key)
    case .actionItemWithdrawn(let data): try container.encode(data, forKey: key)
    case .correctionUndone(let data): try container.encode(data, forKey: key)
    case .signalReopened(let data): try container.encode(data, forKey: key)
    case .turnResumed(let data): try container.encode(data, forKey: key)
    case .actionFollowedUp(let data): try container.encode(data, forKey: key)
    case .meetingCarriedOver(let data): try container.encode(data, forKey: key)
    }
  }

  /// Reads an event of `type` from the data under `key`.
  public static func decodeData<Key: CodingKey>(
    type: EventType, from container: KeyedDecodingContainer<Key>, forKey key: Key
  ) throws -> MeetingEvent {
    switch type {
    case .meetingCreated: .meetingCreated(try container.decode(MeetingCreated.self, forKey: key))
    case .meetingOpened: .meetingOpened(try container.decode(MeetingOpened.self, forKey: key))
    case .meetingClosed: .meetingClosed(try container.decode(MeetingClosed.self, forKey: key))
    case .policyChanged: .policyChanged(try container.decode(PolicyChanged.self, forKey: key))
    case .participantJoined: .participantJoined(try container.decode(ParticipantJoined.self, forKey: key))
    case .participantLeft: .participantLeft(try container.decode(ParticipantLeft.self, forKey: key))
    case .participantReturned:
      .participantReturned(try container.decode(ParticipantReturned.self, forKey: key))
    case .participantUpdated: .participantUpdated(try container.decode(ParticipantUpdated.self, forKey: key))
    case .agendaItemAdded: .agendaItemAdded(try container.decode(AgendaItemAdded.self, forKey: key))
    case .agendaItemMoved: .agendaItemMoved(try container.decode(AgendaItemMoved.self, forKey: key))
    case .agendaItemStarted: .agendaItemStarted(try container.decode(AgendaItemStarted.self, forKey: key))
    case .agendaItemClosed: .agendaItemClosed(try container.decode(AgendaItemClosed.self, forKey: key))
    case .agendaItemDeferred: .agendaItemDeferred(try container.decode(AgendaItemDeferred.self, forKey: key))
    case .agendaItemUnparked: .agendaItemUnparked(try container.decode(AgendaItemUnparked.self, forKey: key))
    case .handRaised: .handRaised(try container.decode(HandRaised.self, forKey: key))
    case .handLowered: .handLowered(try container.decode(HandLowered.self, forKey: key))
    case .queueEntryMoved: .queueEntryMoved(try container.decode(QueueEntryMoved.self, forKey: key))
    case .handRestored: .handRestored(try container.decode(HandRestored.self, forKey: key))
    case .queueEntryMoveReverted:
      .queueEntryMoveReverted(try container.decode(QueueEntryMoveReverted.self, forKey: key))
    case .turnStarted: .turnStarted(try container.decode(TurnStarted.self, forKey: key))
    case .turnEnded: .turnEnded(try container.decode(TurnEnded.self, forKey: key))
    case .turnRevoked: .turnRevoked(try container.decode(TurnRevoked.self, forKey: key))
    case .contributionRecorded:
      .contributionRecorded(try container.decode(ContributionRecorded.self, forKey: key))
    case .contributionWithdrawn:
      .contributionWithdrawn(try container.decode(ContributionWithdrawn.self, forKey: key))
    case .roundStarted: .roundStarted(try container.decode(RoundStarted.self, forKey: key))
    case .roundPassed: .roundPassed(try container.decode(RoundPassed.self, forKey: key))
    case .roundEnded: .roundEnded(try container.decode(RoundEnded.self, forKey: key))
    case .signalSent: .signalSent(try container.decode(SignalSent.self, forKey: key))
    case .signalAcknowledged: .signalAcknowledged(try container.decode(SignalAcknowledged.self, forKey: key))
    case .signalWithdrawn: .signalWithdrawn(try container.decode(SignalWithdrawn.self, forKey: key))
    case .decisionRecorded: .decisionRecorded(try container.decode(DecisionRecorded.self, forKey: key))
    case .stanceRecorded: .stanceRecorded(try container.decode(StanceRecorded.self, forKey: key))
    case .decisionAmended: .decisionAmended(try container.decode(DecisionAmended.self, forKey: key))
    case .decisionWithdrawn: .decisionWithdrawn(try container.decode(DecisionWithdrawn.self, forKey: key))
    case .actionItemAdded: .actionItemAdded(try container.decode(ActionItemAdded.self, forKey: key))
    case .actionItemWithdrawn:
      .actionItemWithdrawn(try container.decode(ActionItemWithdrawn.self, forKey: key))
    case .correctionUndone: .correctionUndone(try container.decode(CorrectionUndone.self, forKey: key))
    case .signalReopened: .signalReopened(try container.decode(SignalReopened.self, forKey: key))
    case .turnResumed: .turnResumed(try container.decode(TurnResumed.self, forKey: key))
    case .actionFollowedUp: .actionFollowedUp(try container.decode(ActionFollowedUp.self, forKey: key))
    case .meetingCarriedOver:
      .meetingCarriedOver(try container.decode(MeetingCarriedOver.self, forKey: key))
    }
  }
}

/// Stable event type names, as stored and exported. Never rename a raw value once shipped:
/// add a new type or a new schema version instead.
public enum EventType: String, CaseIterable, Sendable, Codable {
  case meetingCreated = "meeting.created"
  case meetingOpened = "meeting.opened"
  case meetingClosed = "meeting.closed"
  case policyChanged = "policy.changed"
  case participantJoined = "participant.joined"
  case participantLeft = "participant.left"
  case participantReturned = "participant.returned"
  case participantUpdated = "participant.updated"
  case agendaItemAdded = "agenda.item-added"
  case agendaItemMoved = "agenda.item-moved"
  case agendaItemStarted = "agenda.item-started"
  case agendaItemClosed = "agenda.item-closed"
  case agendaItemDeferred = "agenda.item-deferred"
  case agendaItemUnparked = "agenda.item-unparked"
  case handRaised = "queue.hand-raised"
  case handLowered = "queue.hand-lowered"
  case queueEntryMoved = "queue.entry-moved"
  case handRestored = "queue.hand-restored"
  case queueEntryMoveReverted = "queue.move-reverted"
  case turnStarted = "turn.started"
  case turnEnded = "turn.ended"
  case turnRevoked = "turn.revoked"
  case contributionRecorded = "contribution.recorded"
  case contributionWithdrawn = "contribution.withdrawn"
  case roundStarted = "round.started"
  case roundPassed = "round.passed"
  case roundEnded = "round.ended"
  case signalSent = "signal.sent"
  case signalAcknowledged = "signal.acknowledged"
  case signalWithdrawn = "signal.withdrawn"
  case decisionRecorded = "decision.recorded"
  case stanceRecorded = "decision.stance-recorded"
  case decisionAmended = "decision.amended"
  case decisionWithdrawn = "decision.withdrawn"
  case actionItemAdded = "action.added"
  case actionItemWithdrawn = "action.withdrawn"
  case correctionUndone = "correction.undone"
  case signalReopened = "signal.reopened"
  case turnResumed = "turn.resumed"
  case actionFollowedUp = "action.followed-up"
  case meetingCarriedOver = "meeting.carried-over"

  /// The newest schema version this code reads (and can write) for the type. Older versions are
  /// upcast on read.
  ///
  /// Version 2 of `meeting.created` and `policy.changed` adds the policy's
  /// `countsFacilitation`; it is written only when that is on, so every other event keeps the
  /// version-1 form it always had (see `MeetingEvent.schemaVersion`).
  public var currentVersion: Int {
    switch self {
    case .meetingCreated, .policyChanged: 2
    default: 1
    }
  }
}

extension MeetingEvent {
  /// The schema version this event is written with: the oldest one that holds all of its data,
  /// so that an event older versions could write looks exactly as they wrote it, and an older
  /// Roundtable refuses (asking for an upgrade) only what it could not read correctly.
  public var schemaVersion: Int {
    switch self {
    case .meetingCreated(let data): data.policy.countsFacilitation ? 2 : 1
    case .policyChanged(let data): data.policy.countsFacilitation ? 2 : 1
    default: 1
    }
  }
}
