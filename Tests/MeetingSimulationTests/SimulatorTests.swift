import MeetingModel
import Testing

@testable import MeetingSimulation

@Suite("The simulator plays meetings through the model")
struct SimulatorTests {
  static let parameters = SimulationParameters.livedAndProfessional(
    lived: 5, professionals: 5, rateRatio: 1.8, demand: 1.5)

  @Test func sameSeedSameEventsAndFigures() throws {
    let simulator = MeetingSimulator(parameters: Self.parameters, facilitation: .queue(.balanced))
    let first = try simulator.events(seed: 11)
    #expect(first == (try simulator.events(seed: 11)))
    #expect(first != (try simulator.events(seed: 12)))
    #expect(try simulator.run(seed: 11) == (try simulator.run(seed: 11)))
    let study = Study(
      settings: [StudySetting(lived: 5, professionals: 5, rateRatio: 1.8, demand: 1.5)], meetingsPerSetting: 3
    )
    #expect(try study.run() == (try study.run()))
  }

  @Test func theEventsAreTheModelsOwn() throws {
    let simulator = MeetingSimulator(parameters: Self.parameters, facilitation: .queue(.balanced))
    var events: [RecordedEvent] = []
    let meeting = try simulator.run(seed: 3) { events.append($0) }
    #expect(meeting.eventCount == events.count)
    #expect(events.map(\.sequence) == Array(1...Int64(events.count)))
    #expect(zip(events, events.dropFirst()).allSatisfy { $0.time <= $1.time })
    // Replaying the log gives the airtime the simulator reports.
    let state = MeetingState(replaying: events)
    #expect(state.status == .closed)
    #expect(
      state.participants.map(\.tags) == Array(repeating: ["lived-experience"], count: 5)
        + Array(repeating: ["professional"], count: 5))
    for person in meeting.people {
      #expect(state.voice(of: person.participant).voiceMilliseconds == person.airtimeMilliseconds)
      #expect(state.voice(of: person.participant).turns == person.turns)
      #expect(person.handsServed == person.turns)
      #expect(person.handsRaised == person.handsServed + person.handsExpired + person.handsOpenAtClose)
    }
    // An hour, nearly always someone speaking (people ask for 1.5 hours).
    #expect(meeting.durationMilliseconds == 3_600_000)
    #expect(meeting.totalAirtimeMilliseconds <= 3_600_000)
    #expect(meeting.totalAirtimeMilliseconds > 3_000_000)
    #expect(events.last?.time == SimulationParameters.defaultStart.adding(seconds: 3600))
  }

  @Test func policiesMeetTheSamePeopleWithTheSameWishes() throws {
    let fifo = try MeetingSimulator(parameters: Self.parameters, facilitation: .queue(.fifo)).run(seed: 5)
    let balanced = try MeetingSimulator(parameters: Self.parameters, facilitation: .queue(.balanced)).run(
      seed: 5)
    let rounds = try MeetingSimulator(parameters: Self.parameters, facilitation: .rounds).run(seed: 5)
    for meeting in [balanced, rounds] {
      #expect(meeting.people.map(\.handsPerHour) == fifo.people.map(\.handsPerHour))
      #expect(
        meeting.people.map(\.unhinderedDemandMilliseconds) == fifo.people.map(\.unhinderedDemandMilliseconds))
    }
    // Professionals' hands go up 1.8 times as often, before individual spread.
    let rates = fifo.people.map(\.handsPerHour)
    #expect(rates.allSatisfy { $0 > 0 })
  }

  @Test func fifoGivesTheFloorInArrivalOrder() throws {
    let events = try MeetingSimulator(parameters: Self.parameters, facilitation: .queue(.fifo)).events(
      seed: 8)
    var waiting: [ParticipantID] = []
    for event in events {
      switch event.event {
      case .handRaised(let e): waiting.append(e.participant)
      case .handLowered(let e): waiting.removeAll { $0 == e.participant }
      case .turnStarted(let e):
        #expect(e.participant == waiting.first)
        waiting.removeFirst()
      default: break
      }
    }
  }

  @Test func roundRobinHearsEachPersonOncePerRound() throws {
    let events = try MeetingSimulator(parameters: Self.parameters, facilitation: .rounds).events(seed: 9)
    var inRound: Set<ParticipantID> = []
    var rounds = 0
    for event in events {
      switch event.event {
      case .roundStarted:
        inRound = []
        rounds += 1
      case .turnStarted(let e):
        #expect(e.source == .round)
        #expect(inRound.insert(e.participant).inserted)
      default: break
      }
    }
    #expect(rounds > 5)
  }

  @Test func unheardHandsGoDownAfterTheMaximumWait() throws {
    var parameters = Self.parameters
    parameters.maxWaitSeconds = 30
    parameters.demand = 3
    let meeting = try MeetingSimulator(parameters: parameters, facilitation: .queue(.fifo)).run(seed: 4)
    #expect(meeting.people.reduce(0) { $0 + $1.handsExpired } > 0)
    #expect(meeting.people.allSatisfy { $0.longestWaitMilliseconds <= 30_000 })
  }

  @Test func agendaItemsAndEventLimit() throws {
    var parameters = Self.parameters
    parameters.agendaItems = 3
    let events = try MeetingSimulator(parameters: parameters, facilitation: .queue(.balanced)).events(seed: 2)
    let state = MeetingState(replaying: events)
    #expect(state.items.count == 3)
    #expect(state.items.allSatisfy { $0.status == .done })
    parameters.eventLimit = 50
    parameters.meetingSeconds = 100 * 3600
    let limited = try MeetingSimulator(parameters: parameters, facilitation: .queue(.balanced)).run(seed: 2)
    #expect(limited.eventCount >= 50 && limited.eventCount < 60)
  }

  @Test func parametersAreChecked() {
    var parameters = Self.parameters
    parameters.demand = 10
    #expect(throws: SimulationError.self) {
      try MeetingSimulator(parameters: parameters, facilitation: .queue(.fifo)).run(seed: 1)
    }
    #expect(SimulationParameters(groups: []).problem != nil)
    #expect(Self.parameters.problem == nil)
  }

  @Test func calibration() {
    // Two people with equal loads: s / (1 + s) · 2 = 1 gives s = 1.
    #expect(abs(MeetingSimulator.rateScale(demand: 1, loads: [1, 1]) - 1) < 1e-9)
    // Loads 1 and 3, demand 1: s/(1+s) + 3s/(1+3s) = 1 gives 3s² = 1.
    #expect(abs(MeetingSimulator.rateScale(demand: 1, loads: [1, 3]) - 1 / 3.0.squareRoot()) < 1e-9)
    // Over a long stretch, someone raising a hand every 60 s while free, for 60 s turns, asks
    // for half the time.
    let asked = MeetingSimulator.unhinderedDemand(
      random: Xoshiro256StarStar(seed: 1), rate: 1 / 60_000, meanTurn: 60_000, sigma: 0.8,
      meetingMilliseconds: 3_600_000_000)
    #expect(abs(Double(asked) / 3_600_000_000 - 0.5) < 0.02)
  }

  /// Replays `events` and counts the turns that ended `grace` milliseconds after a moment when
  /// the model showed the wrap-up cue (judged on everything recorded up to that moment).
  static func turnsEndedAfterTheCue(_ events: [RecordedEvent], afterSeconds: Int, grace: Int64) -> Int {
    var snapshots: [(time: Instant, state: MeetingState)] = []
    var state = MeetingState()
    var count = 0
    for recorded in events {
      if case .turnEnded = recorded.event {
        let asked = recorded.time.adding(milliseconds: -grace)
        if let then = snapshots.last(where: { $0.time <= asked })?.state,
          then.wrapUpCue(at: asked, afterSeconds: afterSeconds) != nil
        {
          count += 1
        }
      }
      state.apply(recorded)
      if snapshots.last?.time == recorded.time { snapshots.removeLast() }
      snapshots.append((recorded.time, state))
    }
    return count
  }

  @Test func theFacilitatorActsOnTheWrapUpCue() throws {
    let cued = MeetingSimulator(parameters: Self.parameters, facilitation: .queue(.balanced, wrapUpAfter: 30))
    let meeting = try cued.run(seed: 3)
    let wrapped = meeting.people.reduce(0) { $0 + $1.turnsWrappedUp }
    #expect(wrapped > 0)
    // Every turn cut short ended 10 seconds after the model showed the cue (a turn that ended by
    // itself may also have ended so, so this is at least the number cut short).
    let events = try cued.events(seed: 3)
    #expect(
      Self.turnsEndedAfterTheCue(events, afterSeconds: 30, grace: MeetingSimulator.wrapUpGraceMilliseconds)
        >= wrapped)
    // Without the cue, nobody is cut short, and turns are longer on average.
    let uncued = try MeetingSimulator(parameters: Self.parameters, facilitation: .queue(.balanced)).run(
      seed: 3)
    #expect(uncued.people.allSatisfy { $0.turnsWrappedUp == 0 })
    let fifo = try MeetingSimulator(
      parameters: Self.parameters, facilitation: .queue(.fifo, wrapUpAfter: 30)
    ).run(seed: 3)
    #expect(fifo.people.allSatisfy { $0.turnsWrappedUp == 0 })
    #expect(meeting.people.reduce(0) { $0 + $1.turns } > uncued.people.reduce(0) { $0 + $1.turns })
  }
}
