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
  /// Time spent on the item in earlier stretches (an item can be reopened).
  public var elapsedBefore: Int64
  /// When the current stretch started, while the item is current.
  public var startedAt: Instant?
  /// Everyone who has had a turn or made a contribution on this item, in order of first voice.
  public var speakers: [ParticipantID]

  /// Milliseconds spent on the item up to `now`.
  public func elapsedMilliseconds(at now: Instant) -> Int64 {
    elapsedBefore + (startedAt.map { max(0, now.milliseconds(since: $0)) } ?? 0)
  }

  /// Milliseconds left in the timebox at `now` (negative once overrun); nil without a timebox.
  public func remainingMilliseconds(at now: Instant) -> Int64? {
    minutes.map { Int64($0) * 60_000 - elapsedMilliseconds(at: now) }
  }
}
