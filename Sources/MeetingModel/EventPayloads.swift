// The data each event carries. One struct per event type; the type's stable name lives in
// `EventType`, never derived from these Swift names, so they can be renamed freely.

public struct MeetingCreated: Codable, Equatable, Sendable {
  public var title: String
  public var purpose: String?
  /// The meeting's date as written (`2026-11-21`), when given.
  public var date: String?
  public var policy: QueuePolicy

  public init(title: String, purpose: String? = nil, date: String? = nil, policy: QueuePolicy) {
    self.title = title
    self.purpose = purpose
    self.date = date
    self.policy = policy
  }
}

public struct MeetingOpened: Codable, Equatable, Sendable {
  public init() {}
}
public struct MeetingClosed: Codable, Equatable, Sendable {
  public init() {}
}

public struct PolicyChanged: Codable, Equatable, Sendable {
  public var policy: QueuePolicy

  public init(policy: QueuePolicy) {
    self.policy = policy
  }
}

public struct ParticipantJoined: Codable, Equatable, Sendable {
  public var participant: ParticipantID
  public var name: String
  public var tags: [String]
  public var role: Role
  public var timeAdjustment: Double

  public init(participant: ParticipantID, name: String, tags: [String], role: Role, timeAdjustment: Double) {
    self.participant = participant
    self.name = name
    self.tags = tags
    self.role = role
    self.timeAdjustment = timeAdjustment
  }
}

public struct ParticipantLeft: Codable, Equatable, Sendable {
  public var participant: ParticipantID

  public init(participant: ParticipantID) {
    self.participant = participant
  }
}

public struct ParticipantReturned: Codable, Equatable, Sendable {
  public var participant: ParticipantID

  public init(participant: ParticipantID) {
    self.participant = participant
  }
}

/// A change to someone's tags, role or speaking-time adjustment; nil fields are unchanged.
public struct ParticipantUpdated: Codable, Equatable, Sendable {
  public var participant: ParticipantID
  public var tags: [String]?
  public var role: Role?
  public var timeAdjustment: Double?

  public init(
    participant: ParticipantID, tags: [String]? = nil, role: Role? = nil, timeAdjustment: Double? = nil
  ) {
    self.participant = participant
    self.tags = tags
    self.role = role
    self.timeAdjustment = timeAdjustment
  }
}

public struct AgendaItemAdded: Codable, Equatable, Sendable {
  public var item: AgendaItemID
  public var title: String
  public var minutes: Int?
  public var leads: [ParticipantID]
  /// 1-based place on the agenda; nil appends. Ignored for the parking lot.
  public var position: Int?
  public var parked: Bool

  public init(
    item: AgendaItemID, title: String, minutes: Int? = nil, leads: [ParticipantID], position: Int? = nil,
    parked: Bool
  ) {
    self.item = item
    self.title = title
    self.minutes = minutes
    self.leads = leads
    self.position = position
    self.parked = parked
  }
}

public struct AgendaItemMoved: Codable, Equatable, Sendable {
  public var item: AgendaItemID
  public var position: Int

  public init(item: AgendaItemID, position: Int) {
    self.item = item
    self.position = position
  }
}

public struct AgendaItemStarted: Codable, Equatable, Sendable {
  public var item: AgendaItemID

  public init(item: AgendaItemID) {
    self.item = item
  }
}

public struct AgendaItemClosed: Codable, Equatable, Sendable {
  public var item: AgendaItemID

  public init(item: AgendaItemID) {
    self.item = item
  }
}

public struct AgendaItemDeferred: Codable, Equatable, Sendable {
  public var item: AgendaItemID

  public init(item: AgendaItemID) {
    self.item = item
  }
}

/// A parking-lot topic taken onto the agenda.
public struct AgendaItemUnparked: Codable, Equatable, Sendable {
  public var item: AgendaItemID
  public var position: Int?

  public init(item: AgendaItemID, position: Int? = nil) {
    self.item = item
    self.position = position
  }
}

public struct HandRaised: Codable, Equatable, Sendable {
  public var participant: ParticipantID
  public var kind: EntryKind

  public init(participant: ParticipantID, kind: EntryKind) {
    self.participant = participant
    self.kind = kind
  }
}

/// Why a hand went down without its owner getting the floor.
public enum LowerReason: String, Codable, CaseIterable, Sendable {
  /// The person lowered it.
  case withdrawn
  /// The facilitator lowered it.
  case facilitator
  /// The person left the meeting.
  case left
  /// An undo of the raise.
  case undone
}

public struct HandLowered: Codable, Equatable, Sendable {
  public var participant: ParticipantID
  public var reason: LowerReason

  public init(participant: ParticipantID, reason: LowerReason) {
    self.participant = participant
    self.reason = reason
  }
}

public struct QueueEntryMoved: Codable, Equatable, Sendable {
  public var participant: ParticipantID
  public var position: Int
  public var reason: String

  public init(participant: ParticipantID, position: Int, reason: String) {
    self.participant = participant
    self.position = position
    self.reason = reason
  }
}

/// A lowered hand put back, with its original arrival and history (undo of a lower).
public struct HandRestored: Codable, Equatable, Sendable {
  public var entry: QueueEntry

  public init(entry: QueueEntry) {
    self.entry = entry
  }
}

/// An undo of a manual move: the entry gets back the placement it had before.
public struct QueueEntryMoveReverted: Codable, Equatable, Sendable {
  public var participant: ParticipantID
  public var placement: ManualPlacement?

  public init(participant: ParticipantID, placement: ManualPlacement? = nil) {
    self.participant = participant
    self.placement = placement
  }
}

public struct TurnStarted: Codable, Equatable, Sendable {
  public var participant: ParticipantID
  public var kind: EntryKind
  public var source: TurnSource

  public init(participant: ParticipantID, kind: EntryKind, source: TurnSource) {
    self.participant = participant
    self.kind = kind
    self.source = source
  }
}

public struct TurnEnded: Codable, Equatable, Sendable {
  public var participant: ParticipantID

  public init(participant: ParticipantID) {
    self.participant = participant
  }
}

/// The floor given by mistake: the turn is voided (no airtime) and the hand goes back up.
public struct TurnRevoked: Codable, Equatable, Sendable {
  public var participant: ParticipantID
  public var restoredEntry: QueueEntry?

  public init(participant: ParticipantID, restoredEntry: QueueEntry? = nil) {
    self.participant = participant
    self.restoredEntry = restoredEntry
  }
}

public struct ContributionRecorded: Codable, Equatable, Sendable {
  public var contribution: ContributionID
  public var participant: ParticipantID
  public var mode: ContributionMode
  public var text: String
  public var creditSeconds: Int
  public var supporter: ParticipantID?

  public init(
    contribution: ContributionID, participant: ParticipantID, mode: ContributionMode, text: String,
    creditSeconds: Int, supporter: ParticipantID? = nil
  ) {
    self.contribution = contribution
    self.participant = participant
    self.mode = mode
    self.text = text
    self.creditSeconds = creditSeconds
    self.supporter = supporter
  }
}

public struct ContributionWithdrawn: Codable, Equatable, Sendable {
  public var contribution: ContributionID

  public init(contribution: ContributionID) {
    self.contribution = contribution
  }
}

public struct RoundStarted: Codable, Equatable, Sendable {
  public var order: [ParticipantID]
  public var topic: String?

  public init(order: [ParticipantID], topic: String? = nil) {
    self.order = order
    self.topic = topic
  }
}

public struct RoundPassed: Codable, Equatable, Sendable {
  public var participant: ParticipantID

  public init(participant: ParticipantID) {
    self.participant = participant
  }
}

public struct RoundEnded: Codable, Equatable, Sendable {
  public init() {}
}

public struct SignalSent: Codable, Equatable, Sendable {
  public var signal: SignalID
  public var type: SignalType
  /// Nil for an anonymous signal.
  public var from: ParticipantID?
  public var note: String?

  public init(signal: SignalID, type: SignalType, from: ParticipantID? = nil, note: String? = nil) {
    self.signal = signal
    self.type = type
    self.from = from
    self.note = note
  }
}

public struct SignalAcknowledged: Codable, Equatable, Sendable {
  public var signal: SignalID

  public init(signal: SignalID) {
    self.signal = signal
  }
}

public struct SignalWithdrawn: Codable, Equatable, Sendable {
  public var signal: SignalID

  public init(signal: SignalID) {
    self.signal = signal
  }
}

public struct DecisionRecorded: Codable, Equatable, Sendable {
  public var decision: DecisionID
  public var item: AgendaItemID?
  public var text: String
  public var method: DecisionMethod
  public var outcome: DecisionOutcome
  public var rung: ParticipationRung?
  public var votes: VoteTally?
  public var stances: [Stance]

  public init(
    decision: DecisionID, item: AgendaItemID? = nil, text: String, method: DecisionMethod,
    outcome: DecisionOutcome, rung: ParticipationRung? = nil, votes: VoteTally? = nil, stances: [Stance]
  ) {
    self.decision = decision
    self.item = item
    self.text = text
    self.method = method
    self.outcome = outcome
    self.rung = rung
    self.votes = votes
    self.stances = stances
  }
}

public struct StanceRecorded: Codable, Equatable, Sendable {
  public var decision: DecisionID
  public var stance: Stance

  public init(decision: DecisionID, stance: Stance) {
    self.decision = decision
    self.stance = stance
  }
}

/// A correction to a decision's wording or how it was taken; nil fields are unchanged.
public struct DecisionAmended: Codable, Equatable, Sendable {
  public var decision: DecisionID
  public var text: String?
  public var method: DecisionMethod?
  public var outcome: DecisionOutcome?
  public var rung: ParticipationRung?
  public var votes: VoteTally?

  public init(
    decision: DecisionID, text: String? = nil, method: DecisionMethod? = nil, outcome: DecisionOutcome? = nil,
    rung: ParticipationRung? = nil, votes: VoteTally? = nil
  ) {
    self.decision = decision
    self.text = text
    self.method = method
    self.outcome = outcome
    self.rung = rung
    self.votes = votes
  }
}

public struct DecisionWithdrawn: Codable, Equatable, Sendable {
  public var decision: DecisionID
  public var reason: String

  public init(decision: DecisionID, reason: String) {
    self.decision = decision
    self.reason = reason
  }
}

public struct ActionItemAdded: Codable, Equatable, Sendable {
  public var action: ActionItemID
  public var decision: DecisionID?
  public var owner: String
  public var ownerParticipant: ParticipantID?
  public var text: String
  public var due: String?

  public init(
    action: ActionItemID, decision: DecisionID? = nil, owner: String, ownerParticipant: ParticipantID? = nil,
    text: String, due: String? = nil
  ) {
    self.action = action
    self.decision = decision
    self.owner = owner
    self.ownerParticipant = ownerParticipant
    self.text = text
    self.due = due
  }
}

public struct ActionItemWithdrawn: Codable, Equatable, Sendable {
  public var action: ActionItemID

  public init(action: ActionItemID) {
    self.action = action
  }
}

/// What an undo can take back: the last action of one kind.
public enum UndoKind: String, Codable, CaseIterable, Sendable {
  case hand
  case lower
  case floor
  case move
  case contribution
  case signal
  case decision
  case action
  /// Acknowledging a signal: the signal shows again.
  case acknowledgement = "ack"
  /// Ending a turn: the same person has the floor again, their time running on.
  case turnEnd = "end-turn"
  /// Opening an agenda item (`agenda next`, `agenda start`): the item before it is current again.
  case agenda
}

/// An acknowledged signal shown again (undo of an acknowledgement).
public struct SignalReopened: Codable, Equatable, Sendable {
  public var signal: SignalID

  public init(signal: SignalID) {
    self.signal = signal
  }
}

/// A turn that was ended given back to its speaker (undo of ending it): the turn goes on as if
/// it had not ended, its time counted from its start.
public struct TurnResumed: Codable, Equatable, Sendable {
  public var participant: ParticipantID

  public init(participant: ParticipantID) {
    self.participant = participant
  }
}

/// Marks an undo. The compensating event that follows it does the actual change; together
/// they keep the log honest: nothing is deleted, the correction is there to read.
public struct CorrectionUndone: Codable, Equatable, Sendable {
  public var kind: UndoKind
  public var undoes: EventID

  public init(kind: UndoKind, undoes: EventID) {
    self.kind = kind
    self.undoes = undoes
  }
}

/// What became of an action: of the meeting's own action item, or of an item carried over
/// from the previous meeting. The latest follow-up is the one that stands.
public struct ActionFollowedUp: Codable, Equatable, Sendable {
  /// The meeting's own action item (nil for a carried item).
  public var action: ActionItemID?
  /// The carried item's number (`c2` is 2), for an item carried from the previous meeting.
  public var carried: Int?
  public var status: FollowUpStatus
  public var note: String?

  public init(action: ActionItemID? = nil, carried: Int? = nil, status: FollowUpStatus, note: String? = nil) {
    self.action = action
    self.carried = carried
    self.status = status
    self.note = note
  }

  /// What the follow-up is about.
  public var target: FollowUpTarget? {
    if let action { return .action(action) }
    return carried.map { .carried($0) }
  }
}

/// The previous meeting's open actions and its decisions, carried into this one (the agenda
/// item "You said, we did" is added with it, as its own event).
public struct MeetingCarriedOver: Codable, Equatable, Sendable {
  public var items: [CarriedItem]

  public init(items: [CarriedItem]) {
    self.items = items
  }
}
