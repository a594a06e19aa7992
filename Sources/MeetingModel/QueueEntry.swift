/// What a raised hand asks for. Interrupt kinds go before new points, in this order.
public enum EntryKind: String, Codable, CaseIterable, Sendable, Comparable {
  case process
  case clarify
  case response
  case point

  /// Lower goes first.
  var priority: Int {
    switch self {
    case .process: 0
    case .clarify: 1
    case .response: 2
    case .point: 3
    }
  }

  public var isInterrupt: Bool { self != .point }

  public static func < (lhs: EntryKind, rhs: EntryKind) -> Bool { lhs.priority < rhs.priority }

  /// How people say it: "point of process", "clarifying question"…
  public var label: String {
    switch self {
    case .process: "point of process"
    case .clarify: "clarifying question"
    case .response: "direct response"
    case .point: "new point"
    }
  }
}

/// A raised hand waiting in the speaking queue. The queue's order is not stored: it is derived
/// from these entries and the meeting's history each time it is asked for.
public struct QueueEntry: Codable, Equatable, Sendable {
  public var participant: ParticipantID
  public var kind: EntryKind
  /// Sequence number of the event that raised the hand: the arrival order.
  public var arrival: Int64
  public var raisedAt: Instant
  /// Turns given to people who raised their hands later, while this one waited.
  public var overtaken: Int
  /// A place set by hand by the facilitator, with the reason, when there is one.
  public var placement: ManualPlacement?

  public init(
    participant: ParticipantID, kind: EntryKind, arrival: Int64, raisedAt: Instant,
    overtaken: Int = 0, placement: ManualPlacement? = nil
  ) {
    self.participant = participant
    self.kind = kind
    self.arrival = arrival
    self.raisedAt = raisedAt
    self.overtaken = overtaken
    self.placement = placement
  }
}

/// A facilitator's move of one entry to a fixed place in the queue.
public struct ManualPlacement: Codable, Equatable, Sendable {
  /// 1-based place in the whole queue; clamped to the queue's length.
  public var position: Int
  public var reason: String
  /// Sequence number of the move: later moves are placed after earlier ones.
  public var sequence: Int64

  public init(position: Int, reason: String, sequence: Int64) {
    self.position = position
    self.reason = reason
    self.sequence = sequence
  }
}
