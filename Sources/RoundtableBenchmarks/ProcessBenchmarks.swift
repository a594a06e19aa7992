import Foundation
import MeetingModel
import MeetingStore
import Synchronization

/// The lines a follower process prints, each with the moment it arrived here.
private final class FollowerOutput: Sendable {
  /// The sequence number at the start of each line seen, and when it was seen.
  let seen = Mutex<[Int64: Double]>([:])

  /// Reads `handle` to its end on a thread of its own.
  func read(_ handle: FileHandle) {
    let thread = Thread { [self] in
      var pending = [UInt8]()
      var buffer = [UInt8](repeating: 0, count: 65536)
      let descriptor = handle.fileDescriptor
      while true {
        let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return }
        let now = monotonic()
        pending += buffer[0..<count]
        while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
          let line = String(decoding: pending[..<newline], as: UTF8.self)
          pending.removeSubrange(...newline)
          if let sequence = Int64(line.prefix { $0.isNumber }) {
            seen.withLock { $0[sequence] = $0[sequence] ?? now }
          }
        }
      }
    }
    thread.start()
  }

  func time(of sequence: Int64) -> Double? { seen.withLock { $0[sequence] } }
}

/// Waits up to `limit` seconds for `sequence` to be seen; when it was, or nil.
private func wait(for sequence: Int64, in follower: FollowerOutput, limit: Double) -> Double? {
  let deadline = monotonic() + limit
  while monotonic() < deadline {
    if let time = follower.time(of: sequence) { return time }
    usleep(200)
  }
  return nil
}

/// A small meeting with a turn running now (by the wall clock), for the screen benchmarks.
private func meetingWithTurnRunning(at path: String) throws -> MeetingStore {
  let now = Instant(millisecondsSince1970: Int64(Date().timeIntervalSince1970 * 1000))
  var state = MeetingState()
  var ids = SystemEventIDs()
  var log: [RecordedEvent] = []
  let commands: [Command] =
    [.createMeeting(title: "Bench forum", purpose: "Benchmarks")]
    + (1...8).map { .join(name: "Person \($0)", tags: [$0 % 2 == 0 ? "professional" : "lived-experience"]) }
    + [.addAgendaItem(title: "Opening", minutes: 20), .nextItem]
    + (1...4).map { .raiseHand(ParticipantID($0), kind: .point) } + [.nextSpeaker]
  for command in commands { log += try state.execute(command, at: now, ids: &ids) }
  return try MeetingStore.create(at: path, recorded: log)
}

/// 4. Cross-process latency: `roundtable log --follow` runs as a follower; this process appends
/// one command at a time with the store and times from the commit returning to the follower
/// printing that event's line. Pauses of 10–60 ms between appends keep them out of step with the
/// follower's polling. Baseline: how long the append itself took.
func crossProcessBenchmark(roundtable: String, appends: Int, folder: String, report: Report) throws {
  let path = folder + "/follow.roundtable"
  let store = try meetingWithTurnRunning(at: path)
  defer { try? store.close() }
  var state = try store.replay()
  let follower = Process()
  let pipe = Pipe()
  follower.executableURL = URL(fileURLWithPath: roundtable)
  follower.arguments = ["log", path, "--follow"]
  follower.standardOutput = pipe
  follower.standardError = FileHandle.nullDevice
  let output = FollowerOutput()
  try follower.run()
  defer {
    follower.terminate()
    follower.waitUntilExit()
  }
  output.read(pipe.fileHandleForReading)
  guard wait(for: state.version, in: output, limit: 30) != nil else {
    throw BenchError("roundtable log --follow did not show the meeting")
  }
  var random = SplitMix(state: 5)
  var seen: [Double] = []
  var appended: [Double] = []
  for index in 0..<appends {
    usleep(UInt32.random(in: 10_000...60_000, using: &random))
    let person = ParticipantID(index % 7 + 2)
    let command: Command =
      state.speakingQueue.contains { $0.participant == person }
      ? .lowerHand(person) : .raiseHand(person, kind: .point)
    let start = monotonic()
    let recorded = try store.execute(command, on: &state, metadata: EventMetadata(terminal: "bench")) {
      latest in
      latest.lastEventTime ?? Instant(millisecondsSince1970: 0)
    }
    let committed = monotonic()
    appended.append(committed - start)
    guard let last = recorded.last, let time = wait(for: last.sequence, in: output, limit: 10) else {
      throw BenchError("the follower did not show event \(recorded.last?.sequence ?? -1) within 10 s")
    }
    seen.append(max(0, time - committed))
  }
  let p99 = quantile(seen, 0.99)
  report.add(
    "4. cross-process: append → `log --follow` line (\(appends) appends)",
    figure: "p50 \(milliseconds(quantile(seen, 0.5))), p99 \(milliseconds(p99))",
    baseline: "the append itself p50 \(milliseconds(quantile(appended, 0.5))); screens poll every 250 ms",
    ratio: "", budget: "p99 < 100 ms", met: p99 < 0.1)
}

/// Clock ticks (user + system) a process has used, from /proc/PID/stat.
private func cpuTicks(of pid: Int32) throws -> Int {
  let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
  // The fields after the command name, which is in parentheses and may hold spaces.
  guard let close = stat.lastIndex(of: ")") else { throw BenchError("cannot read /proc/\(pid)/stat") }
  let fields = stat[stat.index(after: close)...].split(separator: " ")
  // utime and stime are fields 14 and 15; fields here start at field 3.
  guard fields.count > 13, let user = Int(fields[11]), let system = Int(fields[12]) else {
    throw BenchError("cannot read /proc/\(pid)/stat")
  }
  return user + system
}

/// 6. Idle CPU: `roundtable run` on a meeting with a turn running (its timer ticking), in a
/// 120×40 tmux window, nothing pressed, for `window` seconds; `roundtable log --follow` on the
/// same file over the same seconds as the baseline (another idle follower).
func idleBenchmark(roundtable: String, window: Double, folder: String, report: Report) throws {
  let path = folder + "/idle.roundtable"
  try meetingWithTurnRunning(at: path).close()
  let socket = "bench-\(getpid())"
  let tmux = "/usr/bin/tmux"
  guard FileManager.default.isExecutableFile(atPath: tmux) else { throw BenchError("tmux is not installed") }
  try runQuietly(
    tmux, ["-L", socket, "new-session", "-d", "-x", "120", "-y", "40", "exec \(roundtable) run \(path)"])
  defer { _ = try? runQuietly(tmux, ["-L", socket, "kill-server"]) }
  let follower = Process()
  follower.executableURL = URL(fileURLWithPath: roundtable)
  follower.arguments = ["log", path, "--follow"]
  follower.standardOutput = FileHandle.nullDevice
  follower.standardError = FileHandle.nullDevice
  try follower.run()
  defer {
    follower.terminate()
    follower.waitUntilExit()
  }
  usleep(1_500_000)
  guard
    let pid = Int32(
      try output(of: tmux, ["-L", socket, "list-panes", "-F", "#{pane_pid}"]).trimmingCharacters(
        in: .whitespacesAndNewlines))
  else { throw BenchError("no tmux pane") }
  let screen = try output(of: tmux, ["-L", socket, "capture-pane", "-p"])
  guard screen.contains("Bench forum") else {
    throw BenchError("the screen did not show the meeting:\n\(screen)")
  }
  let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
  let screenBefore = try cpuTicks(of: pid)
  let followerBefore = try cpuTicks(of: follower.processIdentifier)
  let start = monotonic()
  usleep(UInt32(window * 1e6))
  let elapsed = monotonic() - start
  let screenTicks = try cpuTicks(of: pid) - screenBefore
  let followerTicks = try cpuTicks(of: follower.processIdentifier) - followerBefore
  func percent(_ ticks: Int) -> Double { Double(ticks) / ticksPerSecond / elapsed * 100 }
  report.add(
    "6. idle CPU of `roundtable run`, turn running, \(format(elapsed, 1)) s",
    figure: "\(screenTicks) ticks = \(format(percent(screenTicks)))% of one core",
    baseline: "`log --follow` (50 ms poll): \(followerTicks) ticks = \(format(percent(followerTicks)))%",
    ratio: "", budget: "< 1%", met: percent(screenTicks) < 1)
}

/// 7. Scale: a year of forums (`files` meeting files of `events` events each, made by
/// `roundtable simulate` and kept in `data` for later runs); `export --format markdown` and
/// `stats` of each, one process each, against replaying the same files in this process.
func scaleBenchmark(roundtable: String, files: Int, events: Int, data: String, report: Report) throws {
  let folder = data + "/year-\(files)x\(events)"
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  let paths = (1...files).map { folder + "/forum-\($0).roundtable" }
  var generated = 0
  let generation = try seconds {
    for (index, path) in paths.enumerated() where !FileManager.default.fileExists(atPath: path) {
      let made = try runQuietly(
        roundtable,
        ["simulate", path, "--participants", "16", "--events", "\(events)", "--seed", "\(index + 1)"])
      guard made else { throw BenchError("roundtable simulate failed for \(path)") }
      generated += 1
    }
  }
  if generated > 0 { print("  (simulated \(generated) files in \(format(generation, 1)) s)") }
  var replayed = 0
  let replay = try seconds {
    for path in paths {
      let store = try MeetingStore.open(at: path, access: .readOnly)
      replayed += Int(try store.replay().version)
      try store.close()
    }
  }
  let export = try seconds {
    for path in paths {
      guard try runQuietly(roundtable, ["export", path, "--format", "markdown"]) else {
        throw BenchError("export failed for \(path)")
      }
    }
  }
  let stats = try seconds {
    for path in paths {
      guard try runQuietly(roundtable, ["stats", path]) else { throw BenchError("stats failed for \(path)") }
    }
  }
  let startup = try seconds {
    for _ in paths { guard try runQuietly(roundtable, ["--help"]) else { throw BenchError("--help failed") } }
  }
  let label = "7. a year: \(files) files × \(events) events (\(replayed) in all)"
  let baseline =
    "replay alone (in process) \(format(replay)) s; \(files) bare starts (`--help`) \(format(startup)) s"
  report.add(
    label + ", export markdown", figure: "\(format(export)) s", baseline: baseline,
    ratio: "\(format(export / replay, 1)) × replay")
  report.add(
    label + ", stats", figure: "\(format(stats)) s", baseline: baseline,
    ratio: "\(format(stats / replay, 1)) × replay")
}
