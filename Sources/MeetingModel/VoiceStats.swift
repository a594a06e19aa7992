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
    /// Share of all voice in the meeting (0…1).
    public var share: Double

    /// Spoken plus credited: what counts as voice.
    public var airtimeSeconds: Double { spokenSeconds + creditedSeconds }
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

  /// Everyone who has been in the meeting (observers left out), in joining order.
  public var people: [Person]
  /// Every tag anyone holds, alphabetical.
  public var groups: [Group]
  public var totalAirtimeSeconds: Double
  public var totalTurns: Int
  /// Gini coefficient of airtime among those present who speak: 0 is perfectly even, values
  /// near 1 mean one person had nearly all of it.
  public var gini: Double
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
    let total = zip(spoken, credited).reduce(Int64(0)) { $0 + $1.0 + $1.1 }
    func share(_ ms: Int64) -> Double { total > 0 ? Double(ms) / Double(total) : 0 }

    var people: [VoiceStats.Person] = []
    for (index, person) in participants.enumerated() where person.speaks {
      people.append(
        VoiceStats.Person(
          participant: person.id, name: person.name, tags: person.tags, isPresent: person.isPresent,
          spokenSeconds: Double(spoken[index]) / 1000, creditedSeconds: Double(credited[index]) / 1000,
          turns: turnCounts[index], contributions: contributionCounts[index],
          share: share(spoken[index] + credited[index])))
    }

    let ordering = QueueOrdering(state: self, pendingTurnEnd: nil)
    var tags: [String] = []
    for person in participants where person.speaks {
      for tag in person.tags where !tags.contains(tag) { tags.append(tag) }
    }
    let groups = tags.sorted().map { tag in
      var group = VoiceStats.Group(
        tag: tag, members: 0, membersPresent: 0, airtimeSeconds: 0, turns: 0, share: 0,
        target: ordering.target(of: tag))
      var ms: Int64 = 0
      for (index, person) in participants.enumerated() where person.speaks && person.tags.contains(tag) {
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
      totalTurns: turnCounts.reduce(0, +), gini: giniCoefficient(presentAirtime))
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
