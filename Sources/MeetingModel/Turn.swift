/// How a person came to have the floor.
public enum TurnSource: String, Codable, CaseIterable, Sendable {
  /// From the speaking queue (`next`, or the floor given to someone who had a hand up).
  case queue
  /// Given directly by the facilitator to someone who had no hand up.
  case direct
  /// Their place in a go-round.
  case round
}

/// A stretch of time one person held the floor.
public struct Turn: Equatable, Sendable {
  public var participant: ParticipantID
  /// What the person asked to speak for (a go-round turn counts as a new point).
  public var kind: EntryKind
  public var source: TurnSource
  /// The agenda item current when the turn started.
  public var item: AgendaItemID?
  public var start: Instant
  /// Sequence number of the `turn.started` event.
  public var startSequence: Int64
  /// Nil while the person is still speaking.
  public var end: Instant?

  /// Milliseconds spoken, up to `now` for a turn still going on.
  public func milliseconds(at now: Instant) -> Int64 {
    max(0, (end ?? now).milliseconds(since: start))
  }
}

/// A contribution that counts as voice without being spoken in a turn.
public enum ContributionMode: String, Codable, CaseIterable, Sendable {
  /// Written down (sticky note, chat, card) and read into the meeting.
  case written
  /// Spoken or written with support, or by a proxy on the person's behalf.
  case supported
}

/// A written or supported contribution; it counts as voice in the queue and in the stats.
public struct Contribution: Equatable, Sendable {
  public var id: ContributionID
  public var participant: ParticipantID
  public var mode: ContributionMode
  public var text: String
  /// Seconds of airtime the contribution is credited with.
  public var creditSeconds: Int
  /// Who supported or relayed it, when someone did.
  public var supporter: ParticipantID?
  public var item: AgendaItemID?
  public var at: Instant
  public var isWithdrawn: Bool
}

/// A go-round: everyone in turn, each may pass.
public struct Round: Equatable, Sendable {
  public var topic: String?
  public var order: [ParticipantID]
  /// How many people in `order` have had their turn or passed.
  public var done: Int
  public var passes: [ParticipantID]
  /// The agenda item it was held on.
  public var item: AgendaItemID? = nil

  /// Whose turn in the round comes next, if anyone's.
  public var upcoming: ParticipantID? { done < order.count ? order[done] : nil }
}
