/// The meeting's life cycle.
public enum MeetingStatus: String, Codable, CaseIterable, Sendable {
  /// No `meeting.created` event yet.
  case notCreated = "not-created"
  /// Created; people and agenda can be prepared before it opens.
  case scheduled
  case open
  case closed
}

/// Title, purpose and date: what the meeting is.
public struct MeetingInfo: Equatable, Sendable {
  public var title: String
  public var purpose: String?
  public var date: String?
  public var createdAt: Instant
}

/// Per-person running totals of voice, kept up to date by `apply` so that the queue can be
/// ordered without walking the history.
public struct VoiceTally: Equatable, Sendable {
  public var spokenMilliseconds: Int64 = 0
  public var creditedMilliseconds: Int64 = 0
  public var turns: Int = 0
  public var contributions: Int = 0

  /// Spoken airtime plus the credit of written and supported contributions.
  public var voiceMilliseconds: Int64 { spokenMilliseconds + creditedMilliseconds }
  /// Whether the person has been heard at all (a turn or a contribution).
  public var hasSpoken: Bool { turns > 0 || contributions > 0 }
}

/// An action that `undo` can take back, with what is needed to take it back.
struct UndoRecord: Equatable, Sendable {
  var kind: UndoKind
  var eventID: EventID
  var sequence: Int64
  var participant: ParticipantID?
  /// The hand as it was before it was lowered (undo of a lower) or before it got the floor.
  var entry: QueueEntry?
  /// The placement an entry had before a manual move.
  var previousPlacement: ManualPlacement?
  /// The decision, signal, contribution, action or agenda item (by raw id) the action created
  /// or acted on.
  var target: Int = 0
  /// The agenda item that was current before an agenda step.
  var previousItem: AgendaItemID?
}

/// An agenda item closed at a place in the log.
struct ClosedItem: Equatable, Sendable {
  var item: AgendaItemID
  var sequence: Int64
}

/// An action that `undo` could take back now or later, as screens and the CLI show it.
public struct UndoableAction: Equatable, Sendable {
  public var kind: UndoKind
  /// The event that did it; `Command.undo(action:)` takes back exactly this one.
  public var event: EventID
  public var sequence: Int64
  /// What it was, for messages: "Chloe Adams's raised hand", "ending Dev Patel's turn".
  public var summary: String
}

/// Everything known about a meeting: a left fold of its events through `apply`.
///
/// The struct is a value: copies are cheap until changed, comparisons are exact, and the same
/// events always give an equal state.
public struct MeetingState: Equatable, Sendable {
  /// Sequence number of the last event applied (0 before any).
  public internal(set) var version: Int64 = 0
  /// The latest time of any event applied; timed commands may not go back before it.
  public internal(set) var lastEventTime: Instant?
  public internal(set) var status: MeetingStatus = .notCreated
  public internal(set) var info: MeetingInfo?
  public internal(set) var policy: QueuePolicy = .balanced
  /// When the policy in force was set (nil for the policy the meeting was created with).
  public internal(set) var policyChangedAt: Instant?
  /// Everyone who ever joined, indexed by `id.rawValue - 1`.
  public internal(set) var participants: [Participant] = []
  /// Running voice totals, indexed like `participants`.
  public internal(set) var voice: [VoiceTally] = []
  /// Every agenda and parking-lot item, indexed by `id.rawValue - 1`.
  public internal(set) var items: [AgendaItem] = []
  /// The agenda in running order (parking-lot items are not in it).
  public internal(set) var agendaOrder: [AgendaItemID] = []
  public internal(set) var currentItem: AgendaItemID?
  /// Raised hands in arrival order; `speakingQueue` derives the speaking order.
  public internal(set) var entries: [QueueEntry] = []
  public internal(set) var currentTurn: Turn?
  /// Finished turns, oldest first.
  public internal(set) var turns: [Turn] = []
  public internal(set) var contributions: [Contribution] = []
  public internal(set) var round: Round?
  /// Go-rounds that have ended, oldest first (for the minutes: who passed).
  public internal(set) var pastRounds: [Round] = []
  public internal(set) var signals: [Signal] = []
  public internal(set) var decisions: [Decision] = []
  public internal(set) var actions: [ActionItem] = []
  /// The previous meeting's open actions and decisions, carried into this one (`c1`, `c2`, …),
  /// each with its latest follow-up.
  public internal(set) var carriedOver: [CarriedItem] = []
  /// Who has spoken while no agenda item was current.
  public internal(set) var speakersWithoutItem: [ParticipantID] = []
  var undoLog: [UndoRecord] = []
  /// Who the current turn overtook (reused buffer), so an undo of the floor takes back exactly
  /// those counts.
  var overtakenByCurrentTurn: [ParticipantID] = []
  /// The agenda item the last `agenda.item-closed` closed, and that event's place in the log, so
  /// that the step `agenda next` makes can be undone back to it.
  var closedItem: ClosedItem?
  /// Where the last undo marker is in the log (its compensating events follow it).
  var undoMarkerSequence: Int64 = 0

  public init() {}

  /// Builds the state by applying `events` in order.
  public init(replaying events: some Sequence<RecordedEvent>) {
    for event in events { apply(event) }
  }

  // MARK: Look-ups

  public func participant(_ id: ParticipantID) -> Participant? {
    participants.indices.contains(id.index) ? participants[id.index] : nil
  }

  public func item(_ id: AgendaItemID) -> AgendaItem? {
    items.indices.contains(id.index) ? items[id.index] : nil
  }

  public func decision(_ id: DecisionID) -> Decision? {
    decisions.indices.contains(id.index) ? decisions[id.index] : nil
  }

  public func signal(_ id: SignalID) -> Signal? {
    signals.indices.contains(id.index) ? signals[id.index] : nil
  }

  /// The name to show for a participant id.
  public func name(of id: ParticipantID) -> String {
    participant(id)?.name ?? "participant \(id.rawValue)"
  }

  /// The participant's running voice totals.
  public func voice(of id: ParticipantID) -> VoiceTally {
    voice.indices.contains(id.index) ? voice[id.index] : VoiceTally()
  }

  /// The raised hand of a participant, if they have one up.
  public func entry(for id: ParticipantID) -> QueueEntry? {
    entries.first { $0.participant == id }
  }

  /// People present now, in joining order.
  public var present: [Participant] { participants.filter(\.isPresent) }

  /// Signals not yet acknowledged, oldest first.
  public var openSignals: [Signal] { signals.filter(\.isOpen) }

  /// The parking lot: parked topics not yet taken onto the agenda.
  public var parkingLot: [AgendaItem] { items.filter(\.isParked) }

  /// Who has been heard on the current item (or, before the agenda starts, in the meeting's
  /// opening), in order of first voice.
  public var speakersOnCurrentItem: [ParticipantID] {
    currentItem.flatMap { item($0)?.speakers } ?? speakersWithoutItem
  }
}

extension MeetingState {
  /// The kind of the most recent action that `undo` could take back, if any.
  public var latestUndoable: UndoKind? { undoLog.last?.kind }

  /// The actions `undo` remembers, oldest first (the most recent ones, at least 200).
  public var undoableActions: [UndoableAction] {
    undoLog.map {
      UndoableAction(kind: $0.kind, event: $0.eventID, sequence: $0.sequence, summary: summary(of: $0))
    }
  }

  /// The action `undo` would take back for `kind` (any kind when nil) or the given `action`.
  public func undoTarget(kind: UndoKind? = nil, action: EventID? = nil) -> UndoableAction? {
    guard let record = undoRecord(kind: kind, action: action) else { return nil }
    return UndoableAction(
      kind: record.kind, event: record.eventID, sequence: record.sequence, summary: summary(of: record))
  }

  func undoRecord(kind: UndoKind?, action: EventID?) -> UndoRecord? {
    undoLog.last { record in
      (kind == nil || record.kind == kind) && (action == nil || record.eventID == action)
    }
  }

  func summary(of record: UndoRecord) -> String {
    let who = record.participant.map { name(of: $0) } ?? "someone"
    switch record.kind {
    case .hand: return "\(who)'s raised hand"
    case .lower: return "lowering \(who)'s hand"
    case .floor: return "giving the floor to \(who)"
    case .move: return "moving \(who) in the queue"
    case .contribution: return "\(who)'s contribution"
    case .signal: return "the signal “\(signal(SignalID(record.target))?.type.label ?? "signal")”"
    case .decision:
      let text = decision(DecisionID(record.target)).map { " “\($0.text)”" } ?? ""
      return "decision #\(record.target)\(text)"
    case .action:
      guard let action = actions.first(where: { $0.id.rawValue == record.target }) else {
        return "action item \(record.target)"
      }
      return "the action for \(action.owner): \(action.text)"
    case .acknowledgement:
      return "acknowledging the signal “\(signal(SignalID(record.target))?.type.label ?? "signal")”"
    case .turnEnd: return "ending \(who)'s turn"
    case .agenda:
      return "opening “\(item(AgendaItemID(record.target))?.title ?? "item \(record.target)")”"
    }
  }
}
