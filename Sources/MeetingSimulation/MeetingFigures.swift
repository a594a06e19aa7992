/// The study's targets: the share of airtime each group should have.
public enum StudyTargets: Equatable, Sendable {
  /// An equal share for each group with anyone in it: the product's default (two groups: 50%
  /// each).
  case equal
  /// Each group's share of the people (3 of 10: 30%).
  case composition
  /// Given shares, one per group in the groups' order (fractions adding up to 1 at most).
  case shares([Double])

  /// The target of each group, in the groups' order.
  public func shares(for groups: [SimulatedGroup]) -> [Double] {
    switch self {
    case .equal:
      let present = groups.filter { $0.size > 0 }.count
      return groups.map { $0.size > 0 && present > 0 ? 1 / Double(present) : 0 }
    case .composition:
      let total = groups.reduce(0) { $0 + $1.size }
      return groups.map { total > 0 ? Double($0.size) / Double(total) : 0 }
    case .shares(let shares):
      return groups.indices.map { $0 < shares.count ? shares[$0] : 0 }
    }
  }
}

/// One meeting's figures against the targets.
public struct MeetingFigures: Equatable, Sendable {
  public struct Group: Equatable, Sendable {
    public var tag: String
    public var people: Int
    public var target: Double
    /// The group's share of the meeting's airtime (0…1; 0 when nobody spoke).
    public var share: Double
    /// Share minus target, in percentage points.
    public var deviationPoints: Double
    public var airtimeMilliseconds: Int64
    /// The turn lengths the group asked for with the hands it raised in the meeting.
    public var requestedMilliseconds: Int64
    /// What the group would have asked for had every hand been heard at once
    /// (`SimulatedMeeting.Person.unhinderedDemandMilliseconds`): the same for every policy.
    public var unhinderedDemandMilliseconds: Int64
    /// Even heard at once every time, the group would have asked for less than its target share
    /// of the meeting's time: no queue could have brought it to its target.
    public var isDemandLimited: Bool
    /// Unhindered demand over the target share of the meeting's time: below 1, demand-limited;
    /// just above 1, the target is reachable only if the group is heard nearly every time it
    /// asks. Infinite without a target.
    public var headroom: Double
    public var neverSpoke: Int
    public var turns: Int
    public var handsRaised: Int
    public var handsServed: Int
    public var handsExpired: Int
    public var totalWaitMilliseconds: Int64
    /// The longest wait of any member for the floor (0 when nobody in the group was given it).
    public var longestWaitMilliseconds: Int64
    /// Turns shortened by the wrap-up cue: asked to wrap up, the speaker finished sooner than
    /// they would have.
    public var turnsWrappedUp: Int = 0
  }

  public var groups: [Group]
  /// Gini coefficient of airtime across everyone, including those who never spoke.
  public var gini: Double
  public var people: Int
  public var neverSpoke: Int
  public var turns: Int

  /// Some group asked for less than its target.
  public var isDemandLimited: Bool { groups.contains(where: \.isDemandLimited) }

  /// The smallest headroom of any group: how close the meeting came to being demand-limited.
  public var headroom: Double { groups.map(\.headroom).min() ?? .infinity }

  /// The figures of `meeting` against `targets` (one share per group, in the meeting's group
  /// order).
  public init(meeting: SimulatedMeeting, targets: [Double]) {
    let total = meeting.totalAirtimeMilliseconds
    groups = meeting.groupTags.enumerated().map { index, tag in
      let members = meeting.people.filter { $0.group == index }
      let airtime = members.reduce(Int64(0)) { $0 + $1.airtimeMilliseconds }
      let requested = members.reduce(Int64(0)) { $0 + $1.requestedMilliseconds }
      let unhindered = members.reduce(Int64(0)) { $0 + $1.unhinderedDemandMilliseconds }
      let target = index < targets.count ? targets[index] : 0
      let share = total > 0 ? Double(airtime) / Double(total) : 0
      return Group(
        tag: tag, people: members.count, target: target, share: share,
        deviationPoints: (share - target) * 100, airtimeMilliseconds: airtime,
        requestedMilliseconds: requested,
        unhinderedDemandMilliseconds: unhindered,
        isDemandLimited: Double(unhindered) < target * Double(meeting.durationMilliseconds),
        headroom: target > 0 && meeting.durationMilliseconds > 0
          ? Double(unhindered) / (target * Double(meeting.durationMilliseconds)) : .infinity,
        neverSpoke: members.filter { $0.airtimeMilliseconds == 0 }.count,
        turns: members.reduce(0) { $0 + $1.turns }, handsRaised: members.reduce(0) { $0 + $1.handsRaised },
        handsServed: members.reduce(0) { $0 + $1.handsServed },
        handsExpired: members.reduce(0) { $0 + $1.handsExpired },
        totalWaitMilliseconds: members.reduce(Int64(0)) { $0 + $1.totalWaitMilliseconds },
        longestWaitMilliseconds: members.map(\.longestWaitMilliseconds).max() ?? 0,
        turnsWrappedUp: members.reduce(0) { $0 + $1.turnsWrappedUp })
    }
    gini = Statistics.gini(meeting.people.map { Double($0.airtimeMilliseconds) })
    people = meeting.people.count
    neverSpoke = meeting.people.filter { $0.airtimeMilliseconds == 0 }.count
    turns = meeting.people.reduce(0) { $0 + $1.turns }
  }
}
