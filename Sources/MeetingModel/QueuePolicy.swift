/// How the speaking queue orders new points. Changing it mid-meeting is an event
/// (`policy.changed`), and the screen shows the policy in force.
public struct QueuePolicy: Codable, Equatable, Sendable {
  public enum Ordering: String, Codable, CaseIterable, Sendable {
    /// First voice, then group balance, then least airtime, then arrival.
    case balanced
    /// Arrival alone: first come, first served.
    case fifo
  }

  public var ordering: Ordering
  /// Interrupt kinds (point of process, clarifying question, direct response) go before new
  /// points. When off, every hand is ordered as a new point.
  public var interruptsFirst: Bool
  /// An entry that this many later arrivals have overtaken is not overtaken again; 0 turns the
  /// guard off.
  public var starvationLimit: Int
  /// Target shares of airtime per group (tag). Empty means: each person's first tag is their
  /// group, and each group with someone present gets an equal share.
  public var groupTargets: [GroupTarget]

  public init(
    ordering: Ordering = .balanced, interruptsFirst: Bool = true, starvationLimit: Int = 3,
    groupTargets: [GroupTarget] = []
  ) {
    self.ordering = ordering
    self.interruptsFirst = interruptsFirst
    self.starvationLimit = starvationLimit
    self.groupTargets = groupTargets
  }

  public static let balanced = QueuePolicy()
  public static let fifo = QueuePolicy(ordering: .fifo)
}

/// A group's target share of the meeting's airtime, as a fraction (0.5 is half).
public struct GroupTarget: Codable, Equatable, Sendable {
  public var tag: String
  public var share: Double

  public init(tag: String, share: Double) {
    self.tag = tag
    self.share = share
  }
}
