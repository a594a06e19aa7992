/// Where an agenda item stands.
public enum AgendaItemStatus: String, Codable, CaseIterable, Sendable {
  case pending
  case current
  case done
  case deferred
}

/// One item on the agenda, or in the parking lot (topics raised to come back to later).
public struct AgendaItem: Equatable, Sendable {
  public var id: AgendaItemID
  public var title: String
  public var leads: [ParticipantID]
  /// The timebox, in minutes; nil when the item has none.
  public var minutes: Int?
  public var status: AgendaItemStatus
  public var isParked: Bool
  /// Every stretch of time the item was current, oldest first (an item can be reopened); the
  /// last one is open while the item is current.
  public var stretches: [AgendaStretch]
  /// Everyone who has had a turn or made a contribution on this item, in order of first voice.
  public var speakers: [ParticipantID]

  /// When the current stretch started, while the item is current.
  public var startedAt: Instant? {
    stretches.last.flatMap { $0.end == nil ? $0.start : nil }
  }

  /// Milliseconds spent on the item up to `now`.
  public func elapsedMilliseconds(at now: Instant) -> Int64 {
    stretches.reduce(0) { $0 + max(0, ($1.end ?? now).milliseconds(since: $1.start)) }
  }

  /// Whether the item was under way at `time` (from the start of a stretch up to, not
  /// including, its end).
  public func wasCurrent(at time: Instant) -> Bool {
    stretches.contains { $0.start <= time && ($0.end.map { time < $0 } ?? true) }
  }

  /// Milliseconds left in the timebox at `now` (negative once overrun); nil without a timebox.
  public func remainingMilliseconds(at now: Instant) -> Int64? {
    minutes.map { Int64($0) * 60_000 - elapsedMilliseconds(at: now) }
  }
}

/// A stretch of time an agenda item was current.
public struct AgendaStretch: Equatable, Sendable {
  public var start: Instant
  /// Nil while the item is still current.
  public var end: Instant?
}
