/// Airtime and turns per person and per group, shares against targets, and a fairness figure:
/// what the voice-balance panel and `roundtable stats` show.
public struct VoiceStats: Equatable, Sendable {
  public struct Person: Equatable, Sendable {
    public var participant: ParticipantID
    public var name: String
    public var tags: [String]
    public var isPresent: Bool
    /// Seconds spoken in turns (including a turn still going on, up to `now`).
    public var spokenSeconds: Double
    /// Seconds credited for written and supported contributions.
    public var creditedSeconds: Double
    public var turns: Int
    public var contributions: Int
    /// Share of the voice counted in the balance (0…1); 0 for someone whose voice is not
    /// counted (facilitation, by default).
    public var share: Double
    public var role: Role = .participant
    /// The person's speaking-time adjustment (1 when none).
    public var timeAdjustment: Double = 1

    /// Spoken plus credited: what counts as voice.
    public var airtimeSeconds: Double { spokenSeconds + creditedSeconds }
    /// Airtime divided by the time adjustment: what the queue's least-airtime rule compares
    /// (1.5× means 90 seconds count as 60). Group shares and the fairness figure use
    /// `airtimeSeconds`.
    public var adjustedSeconds: Double { airtimeSeconds / max(timeAdjustment, 0.01) }
  }

  public struct Group: Equatable, Sendable {
    public var tag: String
    public var members: Int
    public var membersPresent: Int
    public var airtimeSeconds: Double
    public var turns: Int
    public var share: Double
    /// The target share the queue works toward; nil for a tag that is not a balance group.
    public var target: Double?
  }

  /// Everyone who has been in the meeting and whose voice counts in the balance
  /// (`MeetingState.countsInBalance`), in joining order: facilitation is left out unless the
  /// policy counts it.
  public var people: [Person]
  /// Every tag someone in `people` holds, alphabetical.
  public var groups: [Group]
  /// Airtime and turns of `people`: what the shares are of.
  public var totalAirtimeSeconds: Double
  public var totalTurns: Int
  /// Gini coefficient of airtime among those in `people` who are present: 0 is perfectly even,
  /// values near 1 mean one person had nearly all of it.
  public var gini: Double
  /// People whose voice is not counted in the balance (facilitator, co-facilitator, note-taker
  /// and observer roles while the policy leaves facilitation out; observers always), in joining
  /// order, their time reported apart.
  public var facilitation: [Person] = []

  /// The airtime of facilitation, reported apart from the balance.
  public var facilitationSeconds: Double { facilitation.reduce(0) { $0 + $1.airtimeSeconds } }
  public var facilitationTurns: Int { facilitation.reduce(0) { $0 + $1.turns } }

  /// Those present whose voice counts, least heard first: least adjusted airtime (the queue's
  /// measure), then least airtime, then name. Facilitation is never in it unless counted.
  public var leastHeard: [Person] {
    people.filter(\.isPresent).sorted {
      ($0.adjustedSeconds, $0.airtimeSeconds, $0.name) < ($1.adjustedSeconds, $1.airtimeSeconds, $1.name)
    }
  }
}

extension MeetingState {
  /// Voice statistics for the meeting, or for one agenda item, counting a turn still going on
  /// up to `now` (ignored when nil).
  public func voiceStats(now: Instant? = nil, item: AgendaItemID? = nil) -> VoiceStats {
    var spoken = [Int64](repeating: 0, count: participants.count)
    var credited = [Int64](repeating: 0, count: participants.count)
    var turnCounts = [Int](repeating: 0, count: participants.count)
    var contributionCounts = [Int](repeating: 0, count: participants.count)
    if let item {
      for turn in turns where turn.item == item && participants.indices.contains(turn.participant.index) {
        spoken[turn.participant.index] += turn.milliseconds(at: turn.end ?? turn.start)
        turnCounts[turn.participant.index] += 1
      }
      for contribution in contributions
      where !contribution.isWithdrawn && contribution.item == item
        && participants.indices.contains(contribution.participant.index)
      {
        credited[contribution.participant.index] += Int64(contribution.creditSeconds) * 1000
        contributionCounts[contribution.participant.index] += 1
      }
    } else {
      for (index, tally) in voice.enumerated() {
        spoken[index] = tally.spokenMilliseconds
        credited[index] = tally.creditedMilliseconds
        turnCounts[index] = tally.turns
        contributionCounts[index] = tally.contributions
      }
    }
    if let now, let turn = currentTurn, item == nil || turn.item == item,
      participants.indices.contains(turn.participant.index)
    {
      spoken[turn.participant.index] += turn.milliseconds(at: now)
      turnCounts[turn.participant.index] += 1
    }
    let counted = participants.map(countsInBalance)
    var total: Int64 = 0
    for index in participants.indices where counted[index] { total += spoken[index] + credited[index] }
    func share(_ ms: Int64) -> Double { total > 0 ? Double(ms) / Double(total) : 0 }

    var people: [VoiceStats.Person] = []
    var facilitation: [VoiceStats.Person] = []
    for (index, person) in participants.enumerated() {
      let entry = VoiceStats.Person(
        participant: person.id, name: person.name, tags: person.tags, isPresent: person.isPresent,
        spokenSeconds: Double(spoken[index]) / 1000, creditedSeconds: Double(credited[index]) / 1000,
        turns: turnCounts[index], contributions: contributionCounts[index],
        share: counted[index] ? share(spoken[index] + credited[index]) : 0, role: person.role,
        timeAdjustment: person.timeAdjustment)
      if counted[index] { people.append(entry) } else { facilitation.append(entry) }
    }

    let ordering = QueueOrdering(state: self, pendingTurnEnd: nil)
    var tags: [String] = []
    for (index, person) in participants.enumerated() where counted[index] {
      for tag in person.tags where !tags.contains(tag) { tags.append(tag) }
    }
    let groups = tags.sorted().map { tag in
      var group = VoiceStats.Group(
        tag: tag, members: 0, membersPresent: 0, airtimeSeconds: 0, turns: 0, share: 0,
        target: ordering.target(of: tag))
      var ms: Int64 = 0
      for (index, person) in participants.enumerated() where counted[index] && person.tags.contains(tag) {
        group.members += 1
        if person.isPresent { group.membersPresent += 1 }
        ms += spoken[index] + credited[index]
        group.turns += turnCounts[index]
      }
      group.airtimeSeconds = Double(ms) / 1000
      group.share = share(ms)
      return group
    }

    let presentAirtime = people.filter(\.isPresent).map(\.airtimeSeconds)
    return VoiceStats(
      people: people, groups: groups, totalAirtimeSeconds: Double(total) / 1000,
      totalTurns: people.reduce(0) { $0 + $1.turns }, gini: giniCoefficient(presentAirtime),
      facilitation: facilitation)
  }
}

/// Gini coefficient of non-negative values: mean absolute difference over twice the mean.
public func giniCoefficient(_ values: [Double]) -> Double {
  guard values.count > 1 else { return 0 }
  let sorted = values.sorted()
  let total = sorted.reduce(0, +)
  guard total > 0 else { return 0 }
  // With values sorted ascending: G = Σ (2i − n − 1)·xᵢ / (n · Σ x), i from 1.
  let n = Double(sorted.count)
  var weighted = 0.0
  for (offset, value) in sorted.enumerated() {
    weighted += (2 * Double(offset + 1) - n - 1) * value
  }
  return weighted / (n * total)
}
