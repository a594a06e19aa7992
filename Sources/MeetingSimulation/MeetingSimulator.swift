import MeetingModel

/// What happened in one simulated meeting: per person, how much they asked for, how long they
/// waited and how much airtime the model credited them with.
public struct SimulatedMeeting: Equatable, Sendable {
  public struct Person: Equatable, Sendable {
    public var participant: ParticipantID
    /// Index into `SimulatedMeeting.groupTags`.
    public var group: Int
    /// Nominal hand-raising rate while the person has neither a hand up nor the floor.
    public var handsPerHour: Double
    /// Mean length of the turns the person asks for.
    public var meanTurnSeconds: Double
    /// The speaking time the person would have asked for in the meeting had every hand been
    /// heard at once: the same random wishes, played without waiting. It depends on the seed
    /// alone, not on the policy, and says whether a target was within reach.
    public var unhinderedDemandMilliseconds: Int64
    /// Voice as the model counts it (`MeetingState.voice(of:)`).
    public var airtimeMilliseconds: Int64
    public var turns: Int
    public var handsRaised: Int
    /// Hands that were given the floor.
    public var handsServed: Int
    /// Hands lowered after waiting `maxWaitSeconds`.
    public var handsExpired: Int
    /// A hand still up when the meeting closed (0 or 1).
    public var handsOpenAtClose: Int
    /// The turn lengths asked for, summed over every hand raised (a hand raised again after it
    /// expired counts again).
    public var requestedMilliseconds: Int64
    /// Summed over the hands that were given the floor: from raising the hand to the floor.
    public var totalWaitMilliseconds: Int64
    public var longestWaitMilliseconds: Int64
    /// Turns shortened by the wrap-up cue: asked to wrap up, the person finished sooner than they
    /// would have.
    public var turnsWrappedUp: Int = 0
  }

  /// The groups' tags, in the order of `SimulationParameters.groups`.
  public var groupTags: [String]
  /// Everyone, in joining order.
  public var people: [Person]
  /// From the start to the close.
  public var durationMilliseconds: Int64
  public var eventCount: Int

  public var totalAirtimeMilliseconds: Int64 { people.reduce(0) { $0 + $1.airtimeMilliseconds } }
}

/// A command the simulation gave was refused by the model: a fault in the simulator, never
/// expected.
public struct SimulationError: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}

/// Simulates meetings through the real model: every hand, lowered hand, turn and round is a
/// `Command` given to `MeetingState.execute`, and the airtime reported is what the model
/// counted. Pure: no clock, no I/O; the same parameters, facilitation and seed always give the
/// same events.
///
/// Randomness comes from `Xoshiro256StarStar` streams derived from the seed: one for the
/// meeting (individual rates, turn-length multipliers) and one per person (the waits between
/// their hands and the lengths of the turns they ask for). Each person draws in the same order
/// whatever the policy, so the same seed under two policies is the same people with the same
/// wishes: only the queue differs.
public struct MeetingSimulator: Sendable {
  public var parameters: SimulationParameters
  public var facilitation: Facilitation

  public init(parameters: SimulationParameters, facilitation: Facilitation) {
    self.parameters = parameters
    self.facilitation = facilitation
  }

  /// Runs one meeting, handing each recorded event to `onEvent` as it happens (in log order),
  /// and returns what happened.
  public func run(seed: UInt64, onEvent: (RecordedEvent) -> Void = { _ in }) throws(SimulationError)
    -> SimulatedMeeting
  {
    if let problem = parameters.problem { throw SimulationError(message: problem) }
    var run = MeetingRun(parameters: parameters, facilitation: facilitation, seed: seed)
    return try run.play(onEvent)
  }

  /// The meeting's events, in log order (convenient for small meetings and tests).
  public func events(seed: UInt64) throws(SimulationError) -> [RecordedEvent] {
    var events: [RecordedEvent] = []
    _ = try run(seed: seed) { events.append($0) }
    return events
  }
}

// MARK: Calibration

extension MeetingSimulator {
  /// Once asked to wrap up, a speaker takes this long to finish their sentence.
  static let wrapUpGraceMilliseconds: Int64 = 10_000

  /// The factor s for which Σ s·loadᵢ / (1 + s·loadᵢ) = demand (by bisection; the sum grows with
  /// s toward the number of people, so any demand below that has exactly one solution).
  static func rateScale(demand: Double, loads: [Double]) -> Double {
    func total(_ s: Double) -> Double { loads.reduce(0) { $0 + s * $1 / (1 + s * $1) } }
    var low = 0.0
    var high = 1.0 / (loads.max() ?? 1)
    while total(high) < demand && high < 1e300 { high *= 2 }
    for _ in 0..<200 {
      let middle = (low + high) / 2
      if total(middle) < demand { low = middle } else { high = middle }
    }
    return (low + high) / 2
  }

  /// The speaking time a person would ask for in the meeting if every hand were heard at once:
  /// their own random stream (the same draws, in the same order, as in the meeting itself)
  /// played with no waiting. Each wish counts up to the end of the meeting.
  static func unhinderedDemand(
    random: Xoshiro256StarStar, rate: Double, meanTurn: Double, sigma: Double, meetingMilliseconds: Int64
  ) -> Int64 {
    var random = random
    var now: Int64 = 0
    var asked: Int64 = 0
    while true {
      now += gapMilliseconds(random.exponential(rate: rate))
      if now >= meetingMilliseconds { return asked }
      let length = turnMilliseconds(random.logNormal(mean: meanTurn, sigma: sigma))
      asked += min(length, meetingMilliseconds - now)
      now += length
    }
  }

  /// A drawn wait between hands, in whole milliseconds (at least 1).
  static func gapMilliseconds(_ gap: Double) -> Int64 {
    gap.isFinite ? max(1, Int64(min(gap, 1e15).rounded(.up))) : 1_000_000_000_000_000
  }

  /// A drawn turn length, in whole milliseconds (at least a second).
  static func turnMilliseconds(_ length: Double) -> Int64 {
    max(1000, Int64(min(length, 1e12).rounded()))
  }
}

/// One meeting being played: the model's state, and what each simulated person is doing.
private struct MeetingRun {
  enum Status: Equatable {
    /// Hand down, floor elsewhere: the next hand goes up at `nextRaise`.
    case idle(nextRaise: Int64)
    /// Hand up since `raisedAt`, asking for a turn of `requested` milliseconds.
    case waiting(raisedAt: Int64, requested: Int64)
    case speaking
  }

  struct Person {
    var record: SimulatedMeeting.Person
    /// Hands per millisecond while idle.
    var rate: Double
    var meanTurnMilliseconds: Double
    var random: Xoshiro256StarStar
    var status: Status
  }

  let parameters: SimulationParameters
  let facilitation: Facilitation
  var state = MeetingState()
  var ids = SequentialEventIDs()
  var people: [Person] = []
  var eventCount = 0
  /// Who has the floor and when their turn will end (by their own wish).
  var speaker: (index: Int, ends: Int64, wrappingUp: Bool)?
  var roundsStarted = 0

  init(parameters: SimulationParameters, facilitation: Facilitation, seed: UInt64) {
    self.parameters = parameters
    self.facilitation = facilitation
    var meetingRandom = Xoshiro256StarStar(seed: SplitMix64.derive(seed, 0))
    var weights: [(group: Int, weight: Double, meanTurn: Double)] = []
    for (groupIndex, group) in parameters.groups.enumerated() {
      let lengthMultiplier = meetingRandom.uniform(in: group.turnLengthMultiplier)
      for _ in 0..<group.size {
        let spread = meetingRandom.logNormal(mean: 1, sigma: parameters.rateSigma)
        weights.append(
          (groupIndex, group.rateMultiplier * spread, parameters.meanTurnSeconds * 1000 * lengthMultiplier))
      }
    }
    // Scale every rate so that, if every hand were heard at once, people would ask for
    // `demand` times the time available. Someone who raises a hand at rate r while neither
    // waiting nor speaking, for turns of mean length m, then speaks a fraction r·m / (1 + r·m)
    // of the time; the fractions add up to `demand`.
    let scale = MeetingSimulator.rateScale(
      demand: parameters.demand, loads: weights.map { $0.weight * $0.meanTurn })
    let meetingMilliseconds = Int64(parameters.meetingSeconds) * 1000
    for (index, person) in weights.enumerated() {
      let rate = scale * person.weight
      // The person's own stream; `unhinderedDemand` plays a copy of it.
      let random = Xoshiro256StarStar(seed: SplitMix64.derive(seed, 1, UInt64(index)))
      let unhindered = MeetingSimulator.unhinderedDemand(
        random: random, rate: rate, meanTurn: person.meanTurn, sigma: parameters.turnLengthSigma,
        meetingMilliseconds: meetingMilliseconds)
      people.append(
        Person(
          record: SimulatedMeeting.Person(
            participant: ParticipantID(index + 1), group: person.group, handsPerHour: rate * 3_600_000,
            meanTurnSeconds: person.meanTurn / 1000, unhinderedDemandMilliseconds: unhindered,
            airtimeMilliseconds: 0, turns: 0, handsRaised: 0, handsServed: 0, handsExpired: 0,
            handsOpenAtClose: 0, requestedMilliseconds: 0, totalWaitMilliseconds: 0,
            longestWaitMilliseconds: 0),
          rate: rate, meanTurnMilliseconds: person.meanTurn, random: random, status: .speaking))
    }
  }

  var queuePolicy: QueuePolicy {
    switch facilitation {
    case .queue(let policy, _): policy
    case .rounds: .fifo
    }
  }

  // MARK: Playing

  mutating func play(_ onEvent: (RecordedEvent) -> Void) throws(SimulationError) -> SimulatedMeeting {
    let end = Int64(parameters.meetingSeconds) * 1000
    let items = parameters.agendaItems
    try execute(.createMeeting(title: "Simulated meeting", policy: queuePolicy), at: 0, onEvent)
    var groupCounts = [Int](repeating: 0, count: parameters.groups.count)
    for index in people.indices {
      let group = people[index].record.group
      groupCounts[group] += 1
      let tag = parameters.groups[group].tag
      try execute(.join(name: "\(tag) \(groupCounts[group])", tags: [tag]), at: 0, onEvent)
    }
    for item in 0..<items {
      try execute(.addAgendaItem(title: "Item \(item + 1)"), at: 0, onEvent)
    }
    if items > 0 { try execute(.nextItem, at: 0, onEvent) }
    let boundaries = items > 1 ? (1..<items).map { end * Int64($0) / Int64(items) } : []
    var nextBoundary = 0
    for index in people.indices { becomeIdle(index, at: 0) }

    var now: Int64 = 0
    while parameters.eventLimit.map({ eventCount < $0 }) ?? true {
      // The next moment anything happens.
      var next = end
      if let speaker { next = min(next, speaker.ends) }
      if let check = nextCueCheck(after: now) { next = min(next, check) }
      if nextBoundary < boundaries.count { next = min(next, boundaries[nextBoundary]) }
      for person in people {
        switch person.status {
        case .idle(let nextRaise): next = min(next, nextRaise)
        case .waiting(let raisedAt, _): next = min(next, raisedAt + maxWait)
        case .speaking: break
        }
      }
      if next >= end { break }
      now = next

      // The speaker finishes; the model's turn ends below, with `next` or `done`.
      if let current = speaker, current.ends == now {
        becomeIdle(current.index, at: now)
        speaker = nil
      }
      if nextBoundary < boundaries.count, boundaries[nextBoundary] == now {
        nextBoundary += 1
        if let current = speaker {
          // The item ends mid-turn: the speaker stops.
          becomeIdle(current.index, at: now)
          speaker = nil
        }
        try execute(.nextItem, at: now, onEvent)
      }
      for index in people.indices {
        guard case .waiting(let raisedAt, _) = people[index].status, raisedAt + maxWait == now else {
          continue
        }
        try execute(.lowerHand(people[index].record.participant), at: now, onEvent)
        people[index].record.handsExpired += 1
        becomeIdle(index, at: now)
      }
      for index in people.indices {
        guard case .idle(let nextRaise) = people[index].status, nextRaise == now else { continue }
        try execute(.raiseHand(people[index].record.participant), at: now, onEvent)
        let requested = drawTurnLength(index)
        people[index].record.handsRaised += 1
        people[index].record.requestedMilliseconds += requested
        people[index].status = .waiting(raisedAt: now, requested: requested)
      }
      if speaker == nil {
        try giveFloor(at: now, onEvent)
      } else if let current = speaker, !current.wrappingUp, cueShows(at: now) {
        // The facilitator acts on the wrap-up cue: the speaker finishes within the grace time
        // (or sooner, if they were about to), then the next person speaks.
        let ends = min(current.ends, now + MeetingSimulator.wrapUpGraceMilliseconds)
        if ends < current.ends { people[current.index].record.turnsWrappedUp += 1 }
        speaker = (current.index, ends, true)
      }
    }

    let close = parameters.eventLimit == nil ? end : now
    if state.status == .open || state.status == .scheduled {
      try execute(.closeMeeting, at: close, onEvent)
    }
    for index in people.indices {
      if case .waiting = people[index].status { people[index].record.handsOpenAtClose = 1 }
      let tally = state.voice(of: people[index].record.participant)
      people[index].record.airtimeMilliseconds = tally.voiceMilliseconds
      people[index].record.turns = tally.turns
    }
    return SimulatedMeeting(
      groupTags: parameters.groups.map(\.tag), people: people.map(\.record), durationMilliseconds: close,
      eventCount: eventCount)
  }

  /// How often the facilitator looks at the screen for the wrap-up cue once it may show.
  static let cueCheckMilliseconds: Int64 = 5_000

  /// Seconds into a turn after which the facilitator acts on the wrap-up cue; 0: never.
  var wrapUpAfter: Int {
    if case .queue(_, let seconds) = facilitation { seconds } else { 0 }
  }

  /// The next moment the facilitator looks for the wrap-up cue: when the current turn reaches
  /// `wrapUpAfter` (times the speaker's adjustment), then every `cueCheckMilliseconds`. Nil when the
  /// facilitator does not use the cue or nobody has the floor.
  func nextCueCheck(after now: Int64) -> Int64? {
    guard wrapUpAfter > 0, let speaker, !speaker.wrappingUp, let turn = state.currentTurn else { return nil }
    let adjustment = state.participant(turn.participant)?.timeAdjustment ?? 1
    let first = offset(of: turn.start) + Int64((Double(wrapUpAfter) * 1000 * adjustment).rounded(.up))
    if now < first { return first }
    let every = Self.cueCheckMilliseconds
    return now + every - (now - first) % every
  }

  func cueShows(at now: Int64) -> Bool {
    wrapUpAfter > 0
      && state.wrapUpCue(at: parameters.start.adding(milliseconds: now), afterSeconds: wrapUpAfter) != nil
  }

  func offset(of instant: Instant) -> Int64 {
    instant.milliseconds(since: parameters.start)
  }

  var maxWait: Int64 { Int64(parameters.maxWaitSeconds) * 1000 }

  var anyoneWaiting: Bool {
    people.contains { if case .waiting = $0.status { true } else { false } }
  }

  func isWaiting(_ id: ParticipantID) -> Bool {
    if case .waiting = people[id.rawValue - 1].status { true } else { false }
  }

  /// The floor is free (or its holder has just finished): give it as the facilitation says.
  mutating func giveFloor(at now: Int64, _ onEvent: (RecordedEvent) -> Void) throws(SimulationError) {
    switch facilitation {
    case .queue:
      if anyoneWaiting {
        try started(try execute(.nextSpeaker, at: now, onEvent), at: now)
      } else if state.currentTurn != nil {
        try execute(.endTurn, at: now, onEvent)
      }
    case .rounds:
      while true {
        if let round = state.round {
          if let upcoming = round.upcoming, !isWaiting(upcoming) {
            try execute(.passInRound, at: now, onEvent)
            continue
          }
          // The upcoming person speaks; or, after the round's last turn, `next` ends the round.
          let events = try execute(.nextSpeaker, at: now, onEvent)
          if state.currentTurn != nil {
            try started(events, at: now)
            return
          }
          continue
        }
        if anyoneWaiting {
          let order = people.indices.map { people[($0 + roundsStarted) % people.count].record.participant }
          roundsStarted += 1
          try execute(.startRound(order: order), at: now, onEvent)
          continue
        }
        if state.currentTurn != nil { try execute(.endTurn, at: now, onEvent) }
        return
      }
    }
  }

  /// Bookkeeping for the turn the model just started.
  mutating func started(_ events: [RecordedEvent], at now: Int64) throws(SimulationError) {
    for recorded in events {
      guard case .turnStarted(let turn) = recorded.event else { continue }
      let index = turn.participant.rawValue - 1
      guard people.indices.contains(index), case .waiting(let raisedAt, let requested) = people[index].status
      else {
        throw SimulationError(
          message: "The model gave the floor to \(turn.participant), who was not waiting.")
      }
      let wait = now - raisedAt
      people[index].record.handsServed += 1
      people[index].record.totalWaitMilliseconds += wait
      people[index].record.longestWaitMilliseconds = max(people[index].record.longestWaitMilliseconds, wait)
      people[index].status = .speaking
      speaker = (index, now + requested, false)
      return
    }
    throw SimulationError(message: "The model gave nobody the floor although hands were up.")
  }

  mutating func becomeIdle(_ index: Int, at now: Int64) {
    let gap = MeetingSimulator.gapMilliseconds(people[index].random.exponential(rate: people[index].rate))
    people[index].status = .idle(nextRaise: now + gap)
  }

  mutating func drawTurnLength(_ index: Int) -> Int64 {
    MeetingSimulator.turnMilliseconds(
      people[index].random.logNormal(
        mean: people[index].meanTurnMilliseconds, sigma: parameters.turnLengthSigma))
  }

  @discardableResult
  mutating func execute(_ command: Command, at offset: Int64, _ onEvent: (RecordedEvent) -> Void)
    throws(SimulationError) -> [RecordedEvent]
  {
    let events: [RecordedEvent]
    do {
      events = try state.execute(command, at: parameters.start.adding(milliseconds: offset), ids: &ids)
    } catch {
      throw SimulationError(message: "The model refused \(command) at +\(offset) ms: \(error.message)")
    }
    eventCount += events.count
    for event in events { onEvent(event) }
    return events
  }
}
