/// One place in the speaking queue, with the reasons it stands where it stands.
public struct QueuedSpeaker: Equatable, Sendable {
  /// 1-based place in the queue.
  public var position: Int
  public var participant: ParticipantID
  public var name: String
  public var kind: EntryKind
  public var raisedAt: Instant
  /// Plain-language reasons, most important first ("first time speaking", …).
  public var reasons: [String]
}

extension MeetingState {
  /// The speaking queue in order, each place with its reasons. Same events, same order.
  /// Times in the reasons are UTC.
  public var speakingQueue: [QueuedSpeaker] { speakingQueue(clockOffsetSeconds: 0) }

  /// The speaking queue, with times in the reasons on a clock `clockOffsetSeconds` ahead of
  /// UTC (the local time zone of whoever reads them). A turn under way counts as it was when it
  /// started; `speakingQueue(at:clockOffsetSeconds:)` counts it up to a moment.
  public func speakingQueue(clockOffsetSeconds: Int) -> [QueuedSpeaker] {
    speakingQueue(pendingTurnEnd: nil, clockOffsetSeconds: clockOffsetSeconds)
  }

  /// The speaking queue as it stands at `time`: the turn under way counts up to `time` (in the
  /// group shares the reasons give, too), so the first place is who `next` would give the floor
  /// to at that moment. What screens show while someone speaks.
  public func speakingQueue(at time: Instant, clockOffsetSeconds: Int = 0) -> [QueuedSpeaker] {
    speakingQueue(pendingTurnEnd: currentTurn.map { ($0, time) }, clockOffsetSeconds: clockOffsetSeconds)
  }

  private func speakingQueue(pendingTurnEnd: (turn: Turn, time: Instant)?, clockOffsetSeconds: Int)
    -> [QueuedSpeaker]
  {
    var ordering = QueueOrdering(state: self, pendingTurnEnd: pendingTurnEnd)
    ordering.clockOffsetSeconds = clockOffsetSeconds
    return ordering.ordered().enumerated().map { offset, entry in
      QueuedSpeaker(
        position: offset + 1, participant: entry.participant, name: name(of: entry.participant),
        kind: entry.kind, raisedAt: entry.raisedAt, reasons: ordering.reasons(for: entry, at: offset + 1))
    }
  }

  /// The queue order without reasons (cheaper).
  public var queueOrder: [QueueEntry] {
    QueueOrdering(state: self, pendingTurnEnd: nil).ordered()
  }

  /// The order the queue will have once the current turn ends at `time`: who `next` picks.
  func queueOrder(afterCurrentTurnEndsAt time: Instant) -> [QueueEntry] {
    QueueOrdering(state: self, pendingTurnEnd: currentTurn.map { ($0, time) }).ordered()
  }
}

/// The balancing rules, applied to a snapshot of the state.
///
/// Order: interrupt kinds first (process, clarify, response; oldest first within a kind) unless
/// the policy turns them off; then new points by the policy: `fifo` is arrival alone,
/// `balanced` compares first voice, then group balance, then least (adjusted) airtime, then
/// arrival. The starvation guard stops an entry from being overtaken again once `starvationLimit`
/// later arrivals have gone before it. Finally, entries the facilitator placed by hand go to
/// their places, in the order the moves were made.
struct QueueOrdering {
  let state: MeetingState
  let policy: QueuePolicy
  /// For the times shown in reasons.
  var clockOffsetSeconds = 0
  /// Voice per participant index, including the turn about to end when there is one.
  private var voice: [VoiceTally]
  private var itemSpeakers: [ParticipantID]
  private var groups: [(tag: String, target: Double, voiceMilliseconds: Int64)]
  private var totalVoice: Int64

  init(state: MeetingState, pendingTurnEnd: (turn: Turn, time: Instant)?) {
    self.state = state
    policy = state.policy
    voice = state.voice
    itemSpeakers = state.speakersOnCurrentItem
    if let (turn, time) = pendingTurnEnd, voice.indices.contains(turn.participant.index) {
      voice[turn.participant.index].spokenMilliseconds += turn.milliseconds(at: time)
      voice[turn.participant.index].turns += 1
      if turn.item == state.currentItem, !itemSpeakers.contains(turn.participant) {
        itemSpeakers.append(turn.participant)
      }
    }
    // Facilitation is not a voice unless the policy counts it: shares are of the voice of
    // those who count in the balance.
    var total: Int64 = 0
    for (index, person) in state.participants.enumerated()
    where voice.indices.contains(index) && state.countsInBalance(person) {
      total += voice[index].voiceMilliseconds
    }
    totalVoice = total
    groups = []
    if policy.ordering == .balanced {
      var targets = policy.groupTargets.map { ($0.tag, $0.share) }
      if targets.isEmpty {
        // Without set targets, each person's first tag is their group, and every group with
        // someone present gets an equal share. Further tags (young-person, say) describe
        // people without splitting the table into overlapping groups.
        var tags: [String] = []
        for person in state.participants where person.isPresent && state.countsInBalance(person) {
          if let tag = person.tags.first, !tags.contains(tag) { tags.append(tag) }
        }
        tags.sort()
        targets = tags.map { ($0, 1.0 / Double(tags.count)) }
      }
      groups = targets.map { tag, share in
        var total: Int64 = 0
        for (index, person) in state.participants.enumerated()
        where person.tags.contains(tag) && state.countsInBalance(person) {
          total += voice[index].voiceMilliseconds
        }
        return (tag, share, total)
      }
    }
  }

  // MARK: Criteria

  /// The target share of a balance group; nil when the tag is not one.
  func target(of tag: String) -> Double? {
    groups.first { $0.tag == tag }?.target
  }

  /// 0: never heard in the meeting; 1: heard in the meeting but not on this item; 2: heard on
  /// this item.
  func firstVoiceTier(_ id: ParticipantID) -> Int {
    guard voice.indices.contains(id.index), voice[id.index].hasSpoken else { return 0 }
    return itemSpeakers.contains(id) ? 2 : 1
  }

  /// The person's group furthest below its target share: (tag, share, target, shortfall in
  /// whole percentage points, never below 0). Nil for someone in no balance group, and for
  /// someone whose voice does not count in the balance (facilitation, by default).
  func neediestGroup(_ id: ParticipantID) -> (tag: String, share: Double, target: Double, shortfall: Int)? {
    guard let person = state.participant(id), state.countsInBalance(person) else { return nil }
    var best: (tag: String, share: Double, target: Double, shortfall: Int)?
    for group in groups where person.tags.contains(group.tag) {
      let share = totalVoice > 0 ? Double(group.voiceMilliseconds) / Double(totalVoice) : 0
      let shortfall = max(0, Int(((group.target - share) * 100).rounded(.down)))
      if let current = best, shortfall <= current.shortfall { continue }
      best = (group.tag, share, group.target, shortfall)
    }
    return best
  }

  /// Airtime divided by the person's time adjustment, in whole seconds.
  func adjustedAirtimeSeconds(_ id: ParticipantID) -> Int64 {
    guard voice.indices.contains(id.index) else { return 0 }
    let adjustment = max(state.participant(id)?.timeAdjustment ?? 1, 0.01)
    return Int64((Double(voice[id.index].voiceMilliseconds) / 1000 / adjustment).rounded(.down))
  }

  func isProtected(_ entry: QueueEntry) -> Bool {
    policy.ordering == .balanced && policy.starvationLimit > 0 && entry.overtaken >= policy.starvationLimit
  }

  private func treatedAsInterrupt(_ entry: QueueEntry) -> Bool {
    policy.interruptsFirst && entry.kind.isInterrupt
  }

  // MARK: Ordering

  func ordered() -> [QueueEntry] {
    let placed = state.entries.compactMap { entry in entry.placement.map { (entry, $0) } }
    let free = state.entries.filter { $0.placement == nil }
    let interrupts = free.filter(treatedAsInterrupt).sorted {
      ($0.kind.priority, $0.arrival) < ($1.kind.priority, $1.arrival)
    }
    var order = interrupts + orderedPoints(free.filter { !treatedAsInterrupt($0) })
    for (entry, placement) in placed.sorted(by: { $0.1.sequence < $1.1.sequence }) {
      order.insert(entry, at: min(max(placement.position - 1, 0), order.count))
    }
    return order
  }

  private func orderedPoints(_ points: [QueueEntry]) -> [QueueEntry] {
    guard policy.ordering == .balanced else { return points.sorted { $0.arrival < $1.arrival } }
    let keyed = points.map { entry in
      (
        entry: entry, tier: firstVoiceTier(entry.participant),
        shortfall: neediestGroup(entry.participant)?.shortfall ?? 0,
        airtime: adjustedAirtimeSeconds(entry.participant)
      )
    }
    var remaining = keyed.sorted {
      ($0.tier, -$0.shortfall, $0.airtime, $0.entry.arrival)
        < ($1.tier, -$1.shortfall, $1.airtime, $1.entry.arrival)
    }
    // Starvation guard: someone who arrived after a protected entry may go before it only to
    // balance the groups (their group is below its target, the protected person's is not).
    // Each place goes to the first entry in balance order that no protected entry holds back.
    var result: [QueueEntry] = []
    result.reserveCapacity(remaining.count)
    while !remaining.isEmpty {
      let protected = remaining.filter { isProtected($0.entry) }
      let index =
        protected.isEmpty
        ? 0
        : remaining.firstIndex { candidate in
          !protected.contains { holder in
            holder.entry.arrival < candidate.entry.arrival
              && !(candidate.shortfall > 0 && holder.shortfall == 0)
          }
        } ?? 0
      result.append(remaining.remove(at: index).entry)
    }
    return result
  }

  // MARK: Reasons

  func reasons(for entry: QueueEntry, at position: Int) -> [String] {
    var reasons: [String] = []
    if let placement = entry.placement {
      reasons.append("moved to \(ordinal(placement.position)) place by facilitator: \(placement.reason)")
    }
    let raised = "raised hand at \(entry.raisedAt.timeOfDay(offsetSeconds: clockOffsetSeconds))"
    if treatedAsInterrupt(entry) {
      switch entry.kind {
      case .process: reasons.append("point of process: goes before every other hand")
      case .clarify: reasons.append("clarifying question: goes before responses and new points")
      case .response: reasons.append("direct response: goes before new points")
      case .point: break
      }
      reasons.append(raised)
      return reasons
    }
    if entry.kind.isInterrupt {
      reasons.append("\(entry.kind.label), ordered as a new point: interrupts are off")
    }
    guard policy.ordering == .balanced else {
      reasons.append("first come, first served (fifo policy)")
      reasons.append(raised)
      return reasons
    }
    switch firstVoiceTier(entry.participant) {
    case 0: reasons.append("first time speaking")
    case 1: reasons.append("first time on this item")
    default: reasons.append("has already spoken on this item")
    }
    if !state.countsInBalance(entry.participant) {
      reasons.append("facilitation role: not counted in the voice balance")
    }
    if totalVoice > 0, let group = neediestGroup(entry.participant) {
      reasons.append(
        "\(group.tag) voices at \(percent(group.share)) of airtime, target \(percent(group.target))")
    }
    if firstVoiceTier(entry.participant) > 0 {
      let spoken = voice[entry.participant.index].voiceMilliseconds / 1000
      let adjustment = state.participant(entry.participant)?.timeAdjustment ?? 1
      var text = "\(formatDuration(seconds: spoken)) of airtime so far"
      if adjustment != 1 {
        text +=
          ", counted as \(formatDuration(seconds: adjustedAirtimeSeconds(entry.participant))) "
          + "(\(formatFactor(adjustment)) time adjustment)"
      }
      reasons.append(text)
    } else if let adjustment = state.participant(entry.participant)?.timeAdjustment, adjustment != 1 {
      reasons.append("\(formatFactor(adjustment)) time adjustment")
    }
    if isProtected(entry) {
      reasons.append("waited through \(entry.overtaken) turns: not overtaken again except to balance groups")
    } else if entry.overtaken > 0 {
      reasons.append("waited through \(entry.overtaken) turn\(entry.overtaken == 1 ? "" : "s")")
    }
    reasons.append(raised)
    return reasons
  }
}

// MARK: Formatting shared by reasons, screens and reports

/// `1st`, `2nd`, `3rd`, `11th`…
public func ordinal(_ n: Int) -> String {
  let suffix: String
  switch (n % 10, n % 100) {
  case (_, 11...13): suffix = "th"
  case (1, _): suffix = "st"
  case (2, _): suffix = "nd"
  case (3, _): suffix = "rd"
  default: suffix = "th"
  }
  return "\(n)\(suffix)"
}

/// `0.22`: a figure such as the fairness (Gini) with two decimals, as screens and reports show it.
public func twoDecimals(_ value: Double) -> String {
  // Figures out of any real range (never from a log that passed the validating fold) are shown
  // as they are rather than trapping in the conversion to `Int`.
  guard value.isFinite, abs(value) < 1e15 else { return "\(value)" }
  let hundredths = Int((value * 100).rounded())
  return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
}

/// `18%`: a fraction as whole percent, as reasons, screens and reports show shares.
public func percent(_ fraction: Double) -> String {
  guard fraction.isFinite, abs(fraction) < 1e15 else { return "\(fraction * 100)%" }
  return "\(Int((fraction * 100).rounded()))%"
}

/// `45s`, `2m 05s`, `1h 02m`.
public func formatDuration(seconds: Int64) -> String {
  let s = max(0, seconds)
  if s < 60 { return "\(s)s" }
  if s < 3600 { return "\(s / 60)m \(twoDigits(s % 60))s" }
  return "\(s / 3600)h \(twoDigits(s / 60 % 60))m"
}

private func twoDigits(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }

/// `1.5×`, `2×`: a speaking-time adjustment as reasons, screens and reports show it.
public func formatFactor(_ factor: Double) -> String {
  guard factor.isFinite, abs(factor) < 1e15 else { return "\(factor)×" }
  let rounded = (factor * 100).rounded() / 100
  if rounded == rounded.rounded() { return "\(Int(rounded))×" }
  return "\(rounded)×"
}
