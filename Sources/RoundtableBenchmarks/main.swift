import Foundation
import MeetingModel
import MeetingStore

// The benchmark suite (docs/performance.md): every figure next to a baseline measured in the
// same run, then a table of them all. Build and run in release: ./scripts/bench
//
// Usage: roundtable-bench [--smoke] [--only 1,2,…] [--roundtable PATH] [--data FOLDER]
//   --smoke       tiny sizes: checks every benchmark runs and prints a figure (CI), no timings
//   --only        run only these benchmarks (numbers 1–7)
//   --roundtable  the roundtable binary for the whole-process benchmarks (default: beside this one)
//   --data        where the year of forums is kept between runs (default .build/bench-data)
//   --presses N   key presses in benchmark 3 (fewer under a profiler)

var options = Options()
var arguments = Array(CommandLine.arguments.dropFirst())
// Children of the peak-memory benchmark.
if arguments.first == "--child-idle" {
  printPeakMemory()
  exit(0)
}
if arguments.first == "--child-replay", arguments.count == 2 {
  try childReplay(arguments[1])
  exit(0)
}
while !arguments.isEmpty {
  let argument = arguments.removeFirst()
  switch argument {
  case "--smoke": options.smoke = true
  case "--only" where !arguments.isEmpty:
    options.only = Set(arguments.removeFirst().split(separator: ",").map(String.init))
  case "--roundtable" where !arguments.isEmpty: options.roundtable = arguments.removeFirst()
  case "--data" where !arguments.isEmpty: options.data = arguments.removeFirst()
  case "--presses" where !arguments.isEmpty: options.presses = Int(arguments.removeFirst())
  default:
    FileHandle.standardError.write(
      Data(
        "usage: roundtable-bench [--smoke] [--only 1,2,…] [--roundtable PATH] [--data FOLDER] [--presses N]\n"
          .utf8))
    exit(2)
  }
}

@MainActor func wanted(_ number: Int) -> Bool { options.only.isEmpty || options.only.contains("\(number)") }

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roundtable-bench-\(getpid())")
  .path
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }
let report = Report()
print(machineLine())
print(options.smoke ? "smoke run: tiny sizes, the figures mean nothing" : "full sizes")
var failures = 0
@MainActor func run(_ number: Int, _ body: () throws -> Void) {
  guard wanted(number) else { return }
  do {
    try body()
  } catch {
    failures += 1
    print("\(number). FAILED: \(error)")
  }
}

let replayEvents = options.size(1_000_000, smoke: 2_000)
let replayPath = folder + "/replay.roundtable"
run(1) {
  try replayBenchmark(events: replayEvents, runs: options.size(5, smoke: 1), path: replayPath, report: report)
}
run(2) {
  try appendBenchmark(
    history: options.size(10_000, smoke: 200), commands: options.size(400, smoke: 8), folder: folder,
    report: report)
}
run(3) {
  try frameBenchmark(
    history: options.size(100_000, smoke: 500), participants: options.size(500, smoke: 20),
    presses: options.presses ?? options.size(1_000, smoke: 10), report: report)
}
run(4) {
  try crossProcessBenchmark(
    roundtable: options.roundtable, appends: options.size(200, smoke: 5), folder: folder, report: report)
}
run(5) {
  if !FileManager.default.fileExists(atPath: replayPath) {
    try MeetingStore.create(at: replayPath, recorded: syntheticMeeting(events: replayEvents)).close()
  }
  try peakMemoryBenchmark(path: replayPath, events: replayEvents, report: report)
}
run(6) {
  try idleBenchmark(
    roundtable: options.roundtable, window: options.smoke ? 1 : 10, folder: folder, report: report)
}
run(7) {
  try scaleBenchmark(
    roundtable: options.roundtable, files: options.size(50, smoke: 3),
    events: options.size(20_000, smoke: 200),
    data: options.smoke ? folder : options.data, report: report)
}
report.printTable()
print(machineLine())
if failures > 0 {
  print("\(failures) benchmark(s) failed")
  exit(1)
}
