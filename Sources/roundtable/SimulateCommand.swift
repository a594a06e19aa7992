import ArgumentParser
import Foundation
import MeetingModel
import MeetingSimulation
import MeetingStore

/// `roundtable simulate`: a synthetic meeting file, for load tests and benchmarks.
struct SimulateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract: "Create a synthetic meeting file of a given size, for load tests and benchmarks.",
    discussion: """
      Plays a seeded simulated meeting through the real meeting model (the simulator of \
      `roundtable study`: half the people with lived experience, half professionals who raise \
      their hands more often, hands that lapse, a queue given the floor as soon as it is free) \
      until it has recorded the number of events asked for, with a new agenda item every 500 \
      events or so, and writes them to a new meeting file. The same seed gives the same meeting.

      Examples:
        roundtable simulate big.roundtable --participants 12 --events 1000000 --seed 7
        roundtable simulate small.roundtable --participants 8 --events 2000 --policy fifo
      """
  )

  @OptionGroup var file: FileArgument
  static let participantRange = 2...500
  static let eventRange = 1...10_000_000
  static let ratioRange = 0.01...100.0

  @Option(parsing: .unconditional, help: "How many people, 2 to 500.") var participants: Int = 12
  @Option(parsing: .unconditional, help: "How many events to record, 1 to 10000000.") var events: Int
  @Option(
    parsing: .unconditional,
    help: "The seed, 0 to 18446744073709551615: the same seed gives the same meeting.") var seed: UInt64 = 1
  @Option(parsing: .unconditional, help: "How much more often professionals raise their hands, 0.01 to 100.")
  var ratio: Double = 1.8
  @Option(help: "Queue policy: balanced or fifo.") var policy: QueuePolicy.Ordering = .balanced

  func validate() throws {
    try checkRange(participants, Self.participantRange, "--participants")
    try checkRange(events, Self.eventRange, "--events")
    try checkRange(ratio, Self.ratioRange, "--ratio")
  }

  func run() throws {
    try reporting {
      let started = Date()
      var parameters = SimulationParameters.livedAndProfessional(
        lived: participants / 2, professionals: participants - participants / 2, rateRatio: ratio, demand: 1.5
      )
      // Long enough for any number of events; the event limit ends it.
      parameters.meetingSeconds = max(3600, events * 30)
      parameters.agendaItems = max(1, events / 500)
      parameters.eventLimit = events
      let simulator = MeetingSimulator(
        parameters: parameters, facilitation: .queue(QueuePolicy(ordering: policy)))
      var recorded: [RecordedEvent] = []
      recorded.reserveCapacity(events + 8)
      var ids = SystemEventIDs()
      let meeting: SimulatedMeeting
      do {
        meeting = try simulator.run(seed: seed) { event in
          var event = event
          event.id = ids.nextEventID()
          recorded.append(event)
        }
      } catch let error as SimulationError {
        throw Refusal(.invalidInput, error.message)
      }
      let store = try MeetingStore.create(at: file.file, recorded: recorded)
      try store.close()
      let turns = meeting.people.reduce(0) { $0 + $1.turns }
      let seconds = Date().timeIntervalSince(started)
      say(
        "Simulated \(recorded.count) events (\(participants) people, \(turns) turns, seed \(seed)) into "
          + "\(file.file) in \(String(format: "%.1f", seconds)) s.")
    }
  }
}
