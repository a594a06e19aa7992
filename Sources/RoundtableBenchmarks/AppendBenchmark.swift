import Foundation
import MeetingModel
import MeetingStore

/// 2. Durable append: `MeetingStore.execute` (catch up, decide, append in one immediate
/// transaction, apply; synchronous=FULL) one command at a time, against SQLite's bare insert and
/// commit of the very same rows with a reused prepared statement, on a twin file with the same
/// history. Run in alternating blocks so that the machine's drift hits both alike.
func appendBenchmark(history: Int, commands: Int, folder: String, report: Report) throws {
  let log = syntheticMeeting(events: history)
  let storePath = folder + "/append.roundtable"
  let barePath = folder + "/append-bare.roundtable"
  try MeetingStore.create(at: barePath, recorded: log).close()
  let store = try MeetingStore.create(at: storePath, recorded: log)
  defer { try? store.close() }
  var state = try store.replay()
  var time = (log.last?.time ?? Instant(millisecondsSince1970: 0)).adding(seconds: 1)
  let people = state.participants.count
  var executed: [Double] = []
  var bare: [Double] = []
  let blocks = 4
  var done = 0
  for block in 0..<blocks {
    let count = (commands * (block + 1)) / blocks - done
    var recorded: [RecordedEvent] = []
    for index in done..<(done + count) {
      let person = ParticipantID(index / 2 % people + 1)
      let command: Command =
        state.speakingQueue.contains { $0.participant == person }
        ? .lowerHand(person) : .raiseHand(person, kind: .point)
      time = time.adding(seconds: 1)
      let start = monotonic()
      recorded += try store.execute(command, on: &state, at: time, metadata: EventMetadata(terminal: "bench"))
      executed.append(monotonic() - start)
    }
    bare += try MeetingStore.bareAppendLatencies(of: recorded, toFileAt: barePath)
    done += count
  }
  // The twin file holds the same meeting: the baseline wrote valid rows.
  let twin = try MeetingStore.open(at: barePath, access: .readOnly)
  let twinState = try twin.replay()
  try twin.close()
  guard twinState == state else { throw BenchError("the bare appends gave a different meeting") }
  let throughput = Double(executed.count) / executed.reduce(0, +)
  let bareThroughput = Double(bare.count) / bare.reduce(0, +)
  let ratio = throughput / bareThroughput
  report.add(
    "2. durable append, \(commands) commands on \(history) events",
    figure:
      "p50 \(milliseconds(quantile(executed, 0.5))), p99 \(milliseconds(quantile(executed, 0.99))), "
      + "\(format(throughput, 0)) commands/s",
    baseline:
      "bare insert+commit p50 \(milliseconds(quantile(bare, 0.5))), p99 \(milliseconds(quantile(bare, 0.99))), "
      + "\(format(bareThroughput, 0)) rows/s",
    ratio: "\(format(ratio)) of bare throughput", budget: "≥ 0.90 of bare", met: ratio >= 0.90)
}
