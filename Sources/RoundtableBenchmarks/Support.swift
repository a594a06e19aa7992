import Foundation
import MeetingModel

/// How this run was asked for: full sizes (the figures in docs/performance.md) or tiny ones
/// (`--smoke`, which only checks that every benchmark runs and prints a figure).
struct Options {
  var smoke = false
  var only: Set<String> = []
  /// The `roundtable` binary the whole-process benchmarks run: by default the one beside this one.
  var roundtable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("roundtable").path
  /// Where the year of forums is kept between runs.
  var data = ".build/bench-data"
  /// Key presses in benchmark 3 (fewer for a profiler).
  var presses: Int?

  func size(_ full: Int, smoke tiny: Int) -> Int { smoke ? tiny : full }
}

/// One row of the results table: a figure next to its baseline from the same run.
struct Figure {
  var benchmark: String
  var figure: String
  var baseline: String
  var ratio: String
  var budget: String
  /// nil: no budget for this row.
  var met: Bool?
}

/// The figures so far; each is printed as it is measured, and all of them as a table at the end.
final class Report {
  var figures: [Figure] = []

  func add(
    _ benchmark: String, figure: String, baseline: String, ratio: String = "", budget: String = "",
    met: Bool? = nil
  ) {
    let row = Figure(
      benchmark: benchmark, figure: figure, baseline: baseline, ratio: ratio, budget: budget, met: met)
    figures.append(row)
    print("\(benchmark): \(figure)  | baseline: \(baseline)  \(ratio)")
    fflush(nil)
  }

  func printTable() {
    print("")
    print("| benchmark | figure | baseline (same run) | ratio | budget | met |")
    print("| --- | --- | --- | --- | --- | --- |")
    for row in figures {
      let met = row.met.map { $0 ? "yes" : "**no**" } ?? ""
      print("| \(row.benchmark) | \(row.figure) | \(row.baseline) | \(row.ratio) | \(row.budget) | \(met) |")
    }
  }
}

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

func seconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Now, as a monotonic time in seconds.
func monotonic() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// The `fraction` quantile (0.5 the median, 0.99 the p99) of `values`, nearest rank.
func quantile(_ values: [Double], _ fraction: Double) -> Double {
  guard !values.isEmpty else { return .nan }
  let sorted = values.sorted()
  let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
  return sorted[min(max(rank, 0), sorted.count - 1)]
}

func milliseconds(_ seconds: Double) -> String { String(format: "%.3f ms", seconds * 1000) }
func format(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }

/// The machine the figures were measured on.
func machineLine() -> String {
  let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
  let model =
    cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
    .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" }
    ?? "unknown CPU"
  let load = ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "")
    .split(separator: " ").prefix(3).joined(separator: " ")
  return "machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(model), load average \(load)"
}

/// A synthetic meeting driven through the real model: hands, turns, interrupts, lowered
/// hands, contributions, signals, agenda items and decisions, in roughly the proportions of a
/// real meeting, with `participants` people.
func syntheticMeeting(events target: Int, participants: Int = 12, seed: UInt64 = 42) -> [RecordedEvent] {
  var random = SplitMix(state: seed)
  var state = MeetingState()
  var ids = SequentialEventIDs()
  var now = Instant(iso8601: "2026-11-21T10:00:00Z") ?? Instant(millisecondsSince1970: 0)
  var log: [RecordedEvent] = []
  log.reserveCapacity(target + participants + 16)
  func run(_ command: Command) {
    if let recorded = try? state.execute(
      command, at: now, metadata: EventMetadata(terminal: "bench"), ids: &ids)
    {
      log += recorded
    }
  }
  run(.createMeeting(title: "Synthetic forum", purpose: "Replay benchmark"))
  let groups = ["lived-experience", "professional"]
  for index in 0..<participants {
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
    let person = ParticipantID(Int.random(in: 1...participants, using: &random))
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
  return Array(log.prefix(max(target, participants + 1)))
}

/// Starts `executable` with `arguments`, standard input and error on /dev/null and standard
/// output on `output` (a descriptor), waits for it and returns its exit status. posix_spawn and
/// waitpid directly: a child that leaves a daemon behind (tmux) must not keep us waiting.
private func spawnAndWait(_ executable: String, _ arguments: [String], output: Int32, closing: Int32? = nil)
  throws -> (pid: pid_t, wait: () -> Int32)
{
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_adddup2(&actions, output, 1)
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
  if let closing { posix_spawn_file_actions_addclose(&actions, closing) }
  // Nothing else is inherited: a daemon a child leaves behind (the tmux server) must not hold
  // our caller's descriptors (a test waiting for this process would wait for the daemon).
  // `output` reaches the child through dup2, which clears close-on-exec on the copy.
  if let open = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") {
    for descriptor in open.compactMap({ Int32($0) }) where descriptor > 2 {
      _ = fcntl(descriptor, F_SETFD, fcntl(descriptor, F_GETFD) | FD_CLOEXEC)
    }
  }
  let argv = ([executable] + arguments).map { strdup($0) } + [nil]
  defer { for pointer in argv { free(pointer) } }
  var pid: pid_t = 0
  // No signal blocked, as a shell would start it: a test runner blocks some, and a tmux server
  // started with them blocked never sees the SIGTERM of `kill-server` and outlives the bench.
  var attributes = posix_spawnattr_t()
  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  var unblocked = sigset_t()
  sigemptyset(&unblocked)
  posix_spawnattr_setsigmask(&attributes, &unblocked)
  var defaults = sigset_t()
  sigemptyset(&defaults)
  for signal in [SIGHUP, SIGINT, SIGTERM, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
  posix_spawnattr_setsigdefault(&attributes, &defaults)
  posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
  let status = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
  guard status == 0 else { throw BenchError("cannot start \(executable): error \(status)") }
  return (
    pid,
    {
      var result: Int32 = 0
      while waitpid(pid, &result, 0) < 0 && errno == EINTR {}
      return result
    }
  )
}

/// Runs `executable` with `arguments` to the end, its output thrown away; false when it failed.
@discardableResult
func runQuietly(_ executable: String, _ arguments: [String]) throws -> Bool {
  let null = open("/dev/null", O_WRONLY)
  defer { close(null) }
  return try spawnAndWait(executable, arguments, output: null).wait() == 0
}

/// Runs `executable` and returns what it printed.
func output(of executable: String, _ arguments: [String]) throws -> String {
  var ends: [Int32] = [0, 0]
  guard pipe(&ends) == 0 else { throw BenchError("no pipe") }
  let child: (pid: pid_t, wait: () -> Int32)
  do {
    child = try spawnAndWait(executable, arguments, output: ends[1], closing: ends[0])
  } catch {
    close(ends[0])
    close(ends[1])
    throw error
  }
  close(ends[1])
  var data = [UInt8]()
  var buffer = [UInt8](repeating: 0, count: 65536)
  while true {
    let count = buffer.withUnsafeMutableBytes { read(ends[0], $0.baseAddress, $0.count) }
    if count < 0 && errno == EINTR { continue }
    guard count > 0 else { break }
    data += buffer[0..<count]
  }
  close(ends[0])
  _ = child.wait()
  return String(decoding: data, as: UTF8.self)
}

struct BenchError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
