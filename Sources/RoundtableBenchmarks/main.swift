import Foundation
import MeetingModel
import MeetingStore

// Replay benchmark: builds a realistic synthetic meeting of N events in a meeting file, then
// times (a) a raw SQLite scan of the same rows without decoding (the baseline) and (b) a full
// replay: read, decode, check (the validating fold) and fold into MeetingState. Reports events per second and the ratio,
// best of several runs. Usage: roundtable-bench [events] [runs]
//
// Build in release: swift run -c release roundtable-bench 1000000 5

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let eventCount = arguments.first ?? 1_000_000
let runs = arguments.dropFirst().first ?? 5

/// A small, seeded random number generator (SplitMix64), so every run builds the same meeting.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// A synthetic meeting driven through the real model: hands, turns, interrupts, lowered
/// hands, contributions, signals, agenda items and decisions, in roughly the proportions of a
/// real meeting.
func syntheticMeeting(events target: Int) -> [RecordedEvent] {
  var random = SplitMix(state: 42)
  var state = MeetingState()
  var ids = SequentialEventIDs()
  var now = Instant(iso8601: "2026-11-21T10:00:00Z") ?? Instant(millisecondsSince1970: 0)
  var log: [RecordedEvent] = []
  log.reserveCapacity(target + 16)
  func run(_ command: Command) {
    if let recorded = try? state.execute(
      command, at: now, metadata: EventMetadata(terminal: "bench"), ids: &ids)
    {
      log += recorded
    }
  }
  run(.createMeeting(title: "Synthetic forum", purpose: "Replay benchmark"))
  let groups = ["lived-experience", "professional"]
  for index in 0..<12 {
    run(
      .join(name: "Person \(index + 1)", tags: [groups[index % 2]], timeAdjustment: index % 5 == 0 ? 1.5 : 1))
  }
  var item = 0
  while log.count < target {
    if state.currentItem == nil || Int.random(in: 0..<150, using: &random) == 0 {
      item += 1
      run(.addAgendaItem(title: "Item \(item)", minutes: 20))
      run(.nextItem)
    }
    let person = ParticipantID(Int.random(in: 1...12, using: &random))
    switch Int.random(in: 0..<100, using: &random) {
    case 0..<45:
      let kinds: [EntryKind] = [.point, .point, .point, .point, .response, .clarify, .process]
      run(.raiseHand(person, kind: kinds[Int.random(in: 0..<kinds.count, using: &random)]))
    case 45..<75:
      now = now.adding(seconds: Int64.random(in: 10...180, using: &random))
      run(.nextSpeaker)
    case 75..<85: run(.lowerHand(person))
    case 85..<90:
      run(
        .recordContribution(person, mode: .written, text: "A written point from the room", creditSeconds: 60))
    case 90..<94:
      run(.sendSignal(.jargon))
      run(.acknowledgeSignal(SignalID(state.signals.count)))
    case 94..<96:
      run(
        .recordDecision(
          DecisionDraft(
            text: "Agreed next steps", method: .consent, outcome: .agreed, rung: .coDesign,
            stances: [Stance(participant: person, stance: .agree)])))
    default:
      now = now.adding(seconds: 30)
      run(.endTurn)
    }
  }
  return Array(log.prefix(target))
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roundtable-bench-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let path = folder.appendingPathComponent("synthetic.roundtable").path

var log: [RecordedEvent] = []
let generate = seconds { log = syntheticMeeting(events: eventCount) }
let write = try seconds { try MeetingStore.create(at: path, recorded: log).close() }
let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
let expected = MeetingState(replaying: log)
log = []

let store = try MeetingStore.open(at: path, access: .readOnly)
// Opening already replayed the file through the validating fold; the first replay takes that
// state. Take it here, so that every timed replay below reads, decodes, checks and folds it all.
let opened = try store.replay()
precondition(opened == expected, "opening gave a different state")
var bestScan = Double.infinity
var bestReplay = Double.infinity
for _ in 0..<runs {
  var rows = 0
  bestScan = min(bestScan, try seconds { rows = try store.scanWithoutDecoding().rows })
  precondition(rows == eventCount)
  var state = MeetingState()
  bestReplay = min(bestReplay, try seconds { state = try store.replay() })
  precondition(state == expected, "replay gave a different state")
}

func rate(_ seconds: Double) -> String {
  String(format: "%.2f M events/s", Double(eventCount) / seconds / 1e6)
}
print("events:                \(eventCount) (\(size / max(eventCount, 1)) bytes each on disk)")
print("generate via model:    \(String(format: "%.2f s", generate)) (\(rate(generate)) decided and applied)")
print("write (one transaction): \(String(format: "%.2f s", write))")
print("raw scan, no decoding: \(String(format: "%.3f s", bestScan))  \(rate(bestScan))  (baseline)")
print("replay: read+decode+fold: \(String(format: "%.3f s", bestReplay))  \(rate(bestReplay))")
print("replay / raw scan:     \(String(format: "%.2f", bestScan / bestReplay)) of the baseline's speed")
