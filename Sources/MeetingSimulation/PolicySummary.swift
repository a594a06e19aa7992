/// The figures of many meetings under one policy in one setting.
public struct PolicySummary: Equatable, Sendable, Codable {
  /// How far a group's share was from its target, over a set of meetings.
  public struct Deviation: Equatable, Sendable, Codable {
    public var meetings: Int
    /// Median of |share − target|, in percentage points.
    public var medianPoints: Double?
    /// 90th percentile of |share − target|, in percentage points.
    public var p90Points: Double?
    /// The proportion of meetings with |share − target| ≤ `PolicySummary.tolerancePoints`,
    /// with its 95% Wilson interval.
    public var withinTolerance: Interval?
    /// Mean of share − target (signed: below 0, the group was under its target on average).
    public var meanSignedPoints: Double?

    public init(deviations: [Double], tolerance: Double) {
      meetings = deviations.count
      let magnitudes = deviations.map { abs($0) }
      medianPoints = Statistics.median(magnitudes)
      p90Points = Statistics.quantile(magnitudes, 0.9)
      withinTolerance = Statistics.proportionWithInterval(
        successes: magnitudes.filter { $0 <= tolerance }.count, trials: deviations.count)
      meanSignedPoints = deviations.isEmpty ? nil : Statistics.mean(deviations)
    }
  }

  /// Meetings not demand-limited in which the group with the least headroom would have asked
  /// for `from`…`to` times its target (`MeetingFigures.headroom`), and how many of them ended
  /// with this group within tolerance of its target.
  public struct HeadroomBand: Equatable, Sendable, Codable {
    public var from: Double
    /// Nil: no upper end.
    public var to: Double?
    public var meetings: Int
    public var withinTolerance: Interval?
  }

  /// The bands of `Group.byHeadroom`.
  public static let headroomBands: [(from: Double, to: Double?)] = [
    (1, 1.25), (1.25, 1.5), (1.5, 2), (2, nil),
  ]

  public struct Group: Equatable, Sendable, Codable {
    public var tag: String
    public var people: Int
    public var target: Double
    public var meanShare: Double
    /// Meetings in which this group asked for less than its target.
    public var demandLimitedMeetings: Int
    /// Over the meetings in which no group was demand-limited.
    public var deviation: Deviation
    /// Over the meetings in which some group was demand-limited.
    public var deviationDemandLimited: Deviation
    public var deviationAllMeetings: Deviation
    /// Mean of share ÷ target with its 95% confidence interval, over the meetings in which no
    /// group was demand-limited (nil without a target or without such meetings).
    public var equityRatio: Interval?
    /// The middle 95% of meetings' share ÷ target (2.5th and 97.5th percentiles, median as the
    /// estimate), over the same meetings.
    public var equityRatioSpread: Interval?
    /// The meetings not demand-limited, by their headroom (how many times its target the
    /// tightest group would have asked for): the closer to 1, the less any queue can do.
    public var byHeadroom: [HeadroomBand]
    /// Of the group's members over all meetings, the percentage who never spoke.
    public var neverSpokePercent: Double
    public var turnsPerMeeting: Double
    /// Percentage of the group's turns shortened by the wrap-up cue.
    public var wrappedUpPercent: Double?
    /// Mean wait for the floor over every hand that was given it.
    public var meanWaitSeconds: Double?
    /// The longest wait in each meeting (among hands given the floor), averaged over meetings.
    public var meanLongestWaitSeconds: Double?
    /// The longest wait in any meeting.
    public var longestWaitSeconds: Double?
    /// Percentage of raised hands lowered unserved after the maximum wait.
    public var expiredPercent: Double?
    /// Speaking time asked for with the hands raised, per meeting, in minutes.
    public var requestedPerMeetingMinutes: Double
    /// Speaking time the group would have asked for had every hand been heard at once, per
    /// meeting, in minutes (the same for every policy).
    public var unhinderedDemandPerMeetingMinutes: Double
  }

  /// |share − target| within this many points counts as "on target".
  public static let tolerancePoints = 5.0

  public var meetings: Int
  /// Meetings in which some group asked for less than its target.
  public var demandLimitedMeetings: Int
  public var groups: [Group]
  /// Mean Gini of airtime across everyone (including those who never spoke), with its 95%
  /// confidence interval.
  public var gini: Interval?
  public var neverSpokePercent: Double
  public var turnsPerMeeting: Double

  /// Summarises `figures` (the meetings of one setting under one policy; every meeting has the
  /// same groups in the same order).
  public init(_ figures: [MeetingFigures]) {
    meetings = figures.count
    demandLimitedMeetings = figures.filter(\.isDemandLimited).count
    let tolerance = Self.tolerancePoints
    let groupCount = figures.first?.groups.count ?? 0
    groups = (0..<groupCount).map { index in
      Self.group(index, of: figures, tolerance: tolerance)
    }
    gini = Statistics.meanWithInterval(figures.map(\.gini))
    let people = figures.reduce(0) { $0 + $1.people }
    neverSpokePercent =
      people > 0 ? 100 * Double(figures.reduce(0) { $0 + $1.neverSpoke }) / Double(people) : 0
    turnsPerMeeting = Statistics.mean(figures.map { Double($0.turns) })
  }

  /// The summary of group `index` over `figures`.
  private static func group(_ index: Int, of figures: [MeetingFigures], tolerance: Double) -> Group {
    let all = figures.map { $0.groups[index] }
    let openMeetings = figures.filter { !$0.isDemandLimited }
    let open = openMeetings.map { $0.groups[index] }
    let limited = figures.filter(\.isDemandLimited).map { $0.groups[index] }
    let first = all[0]
    let ratios = first.target > 0 ? open.map { $0.share / first.target } : []
    let served = all.reduce(0) { $0 + $1.handsServed }
    let raised = all.reduce(0) { $0 + $1.handsRaised }
    let people = all.reduce(0) { $0 + $1.people }
    let totalWait = all.reduce(Int64(0)) { $0 + $1.totalWaitMilliseconds }
    let longestWaits = all.filter { $0.handsServed > 0 }.map { Double($0.longestWaitMilliseconds) / 1000 }
    let spread = Statistics.median(ratios).map { median in
      Interval(
        estimate: median, low: Statistics.quantile(ratios, 0.025) ?? median,
        high: Statistics.quantile(ratios, 0.975) ?? median)
    }
    let bands = headroomBands.map { band in
      let inBand = openMeetings.filter { meeting in
        meeting.headroom >= band.from && (band.to.map { meeting.headroom < $0 } ?? true)
      }
      let within = inBand.filter { abs($0.groups[index].deviationPoints) <= tolerance }.count
      return HeadroomBand(
        from: band.from, to: band.to, meetings: inBand.count,
        withinTolerance: Statistics.proportionWithInterval(successes: within, trials: inBand.count))
    }
    let neverSpoke = all.reduce(0) { $0 + $1.neverSpoke }
    let expired = all.reduce(0) { $0 + $1.handsExpired }
    let turns = all.reduce(0) { $0 + $1.turns }
    return Group(
      tag: first.tag, people: first.people, target: first.target,
      meanShare: Statistics.mean(all.map(\.share)),
      demandLimitedMeetings: all.filter(\.isDemandLimited).count,
      deviation: Deviation(deviations: open.map(\.deviationPoints), tolerance: tolerance),
      deviationDemandLimited: Deviation(deviations: limited.map(\.deviationPoints), tolerance: tolerance),
      deviationAllMeetings: Deviation(deviations: all.map(\.deviationPoints), tolerance: tolerance),
      equityRatio: Statistics.meanWithInterval(ratios), equityRatioSpread: spread, byHeadroom: bands,
      neverSpokePercent: people > 0 ? 100 * Double(neverSpoke) / Double(people) : 0,
      turnsPerMeeting: Statistics.mean(all.map { Double($0.turns) }),
      wrappedUpPercent: turns > 0
        ? 100 * Double(all.reduce(0) { $0 + $1.turnsWrappedUp }) / Double(turns) : nil,
      meanWaitSeconds: served > 0 ? Double(totalWait) / Double(served) / 1000 : nil,
      meanLongestWaitSeconds: longestWaits.isEmpty ? nil : Statistics.mean(longestWaits),
      longestWaitSeconds: longestWaits.max(),
      expiredPercent: raised > 0 ? 100 * Double(expired) / Double(raised) : nil,
      requestedPerMeetingMinutes: Statistics.mean(all.map { Double($0.requestedMilliseconds) / 60000 }),
      unhinderedDemandPerMeetingMinutes: Statistics.mean(
        all.map { Double($0.unhinderedDemandMilliseconds) / 60000 }))
  }
}
