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
  /// The starvation limits accepted: 0 (off) to 1000 turns.
  public static let starvationLimits: ClosedRange<Int> = 0...1000
  /// Target shares of airtime per group (tag). Empty means: each person's first tag is their
  /// group, and each group with someone present gets an equal share.
  public var groupTargets: [GroupTarget]
  /// Whether facilitation counts as voice. Off (the default): people with a facilitation role
  /// (facilitator, co-facilitator, note-taker, observer) are left out of group shares, the
  /// fairness figure, the least-heard list and the wrap-up cue, and their time is reported
  /// apart. On: facilitators, co-facilitators and note-takers count like everyone else
  /// (observers never take the floor, so they stay out).
  public var countsFacilitation: Bool

  public init(
    ordering: Ordering = .balanced, interruptsFirst: Bool = true, starvationLimit: Int = 3,
    groupTargets: [GroupTarget] = [], countsFacilitation: Bool = false
  ) {
    self.ordering = ordering
    self.interruptsFirst = interruptsFirst
    self.starvationLimit = starvationLimit
    self.groupTargets = groupTargets
    self.countsFacilitation = countsFacilitation
  }

  enum CodingKeys: String, CodingKey {
    case ordering, interruptsFirst, starvationLimit, groupTargets, countsFacilitation
  }

  /// Policies written before `countsFacilitation` existed have no such key: they read as off.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    ordering = try container.decode(Ordering.self, forKey: .ordering)
    interruptsFirst = try container.decode(Bool.self, forKey: .interruptsFirst)
    starvationLimit = try container.decode(Int.self, forKey: .starvationLimit)
    groupTargets = try container.decode([GroupTarget].self, forKey: .groupTargets)
    countsFacilitation = try container.decodeIfPresent(Bool.self, forKey: .countsFacilitation) ?? false
  }

  /// `countsFacilitation` is written only when on, so a policy without it has the JSON form it
  /// always had.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(ordering, forKey: .ordering)
    try container.encode(interruptsFirst, forKey: .interruptsFirst)
    try container.encode(starvationLimit, forKey: .starvationLimit)
    try container.encode(groupTargets, forKey: .groupTargets)
    if countsFacilitation { try container.encode(true, forKey: .countsFacilitation) }
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
