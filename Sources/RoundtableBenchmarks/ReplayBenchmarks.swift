import Foundation
import MeetingModel
import MeetingStore

/// 1. Replay: times (a) a raw SQLite scan of the rows, touching every column, no decoding (the
/// baseline) and (b) a full replay: read, decode, check (the validating fold) and fold into
/// `MeetingState`. Best of several runs; each replay is checked against the state built in memory.
func replayBenchmark(events eventCount: Int, runs: Int, path: String, report: Report) throws {
  var log: [RecordedEvent] = []
  let generate = seconds { log = syntheticMeeting(events: eventCount) }
  let write = try seconds { try MeetingStore.create(at: path, recorded: log).close() }
  let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
  let expected = MeetingState(replaying: log)
  log = []
  let store = try MeetingStore.open(at: path, access: .readOnly)
  defer { try? store.close() }
  // Opening already replayed the file through the validating fold; the first replay takes that
  // state. Take it here, so that every timed replay below reads, decodes, checks and folds it all.
  guard try store.replay() == expected else { throw BenchError("opening gave a different state") }
  var bestScan = Double.infinity
  var bestReplay = Double.infinity
  for _ in 0..<runs {
    var rows = 0
    bestScan = min(bestScan, try seconds { rows = try store.scanWithoutDecoding().rows })
    guard rows == eventCount else { throw BenchError("the scan read \(rows) rows of \(eventCount)") }
    var state = MeetingState()
    bestReplay = min(bestReplay, try seconds { state = try store.replay() })
    guard state == expected else { throw BenchError("replay gave a different state") }
  }
  func rate(_ seconds: Double) -> Double { Double(eventCount) / seconds }
  print(
    "  (\(eventCount) events, \(size / max(eventCount, 1)) bytes each on disk; built via the model in "
      + "\(format(generate)) s at \(format(rate(generate) / 1e6)) M events/s, written in \(format(write)) s)")
  let ratio = bestScan / bestReplay
  report.add(
    "1. replay \(eventCount) events (best of \(runs))",
    figure: "\(format(rate(bestReplay) / 1e6)) M events/s (\(format(bestReplay, 3)) s)",
    baseline: "raw C-API scan \(format(rate(bestScan) / 1e6)) M events/s (\(format(bestScan, 3)) s)",
    ratio: "\(format(ratio)) of raw", budget: "≥ 4 M events/s and ≥ 0.60 of raw",
    met: rate(bestReplay) >= 4e6 && ratio >= 0.60)
}

/// 5. Peak memory: a child process opens the meeting file and replays it; another child only
/// starts (the baseline: what the binary costs before any meeting). Each reports its VmHWM.
func peakMemoryBenchmark(path: String, events: Int, report: Report) throws {
  let replayed = try childPeak(["--child-replay", path])
  let idle = try childPeak(["--child-idle"])
  report.add(
    "5. peak memory replaying \(events) events",
    figure: "\(format(Double(replayed) / 1024, 1)) MB resident at peak",
    baseline: "the same binary doing nothing: \(format(Double(idle) / 1024, 1)) MB",
    ratio: "+\(format(Double(replayed - idle) / 1024, 1)) MB", budget: "< 64 MB", met: replayed < 64 * 1024)
}

/// Runs this binary as a child and reads the peak resident size (kB) it prints.
private func childPeak(_ arguments: [String]) throws -> Int {
  let text = try output(of: CommandLine.arguments[0], arguments)
  guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
    let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
  else { throw BenchError("the child \(arguments) printed no peak memory: \(text)") }
  return kilobytes
}

/// What a child prints: its peak resident size, from /proc/self/status.
func printPeakMemory() {
  let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
  let kilobytes = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
    .flatMap { Int($0.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "") }
  print("VmHWM: \(kilobytes ?? -1)")
}

/// The child's work: open and replay the file (opening replays it through the validating fold).
func childReplay(_ path: String) throws {
  let store = try MeetingStore.open(at: path, access: .readOnly)
  let state = try store.replay()
  print("version: \(state.version)")
  try store.close()
  printPeakMemory()
}
