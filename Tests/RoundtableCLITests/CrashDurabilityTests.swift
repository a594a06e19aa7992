import Foundation
import GRDB
import MeetingModel
import MeetingStore
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A small seeded generator (SplitMix64): the same seed gives the same kills.
struct SeededRandom {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound`.
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  /// A time between 0 and `seconds`.
  mutating func seconds(upTo seconds: Double) -> Double { Double(next() >> 11) / Double(1 << 53) * seconds }
}

/// `PRAGMA integrity_check` on a file, read-only.
func integrityCheck(_ path: String) throws -> [String] {
  var configuration = Configuration()
  configuration.readonly = true
  let queue = try DatabaseQueue(path: path, configuration: configuration)
  defer { try? queue.close() }
  return try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
}

/// `kill -9` at random moments (seeded; the seed is printed, set ROUNDTABLE_CRASH_SEED to
/// replay one) while the binary appends events and while it creates meetings: nothing
/// acknowledged is lost, the file stays intact, and a meeting being created is either
/// complete or not there at all.
@Suite("Crash durability: kill -9 at random moments", .serialized)
struct CrashDurabilityTests {
  /// Kills that must land (the process still running) in each test.
  static let kills = 50
  /// At most this many commands per test, however many finish before their kill.
  static let maxTrials = 400
  static let timeoutSeconds = 20.0

  static var seed: UInt64 {
    ProcessInfo.processInfo.environment["ROUNDTABLE_CRASH_SEED"].flatMap { UInt64($0) }
      ?? UInt64(Date().timeIntervalSince1970)
  }

  static let start = Instant(millisecondsSince1970: 1_795_000_000_000)

  /// Runs `arguments` to completion and returns how long it took.
  static func timed(_ arguments: [String], in folder: URL) -> Double {
    let started = Date()
    let child = ChildProcess(arguments, in: folder)
    let outcome = child?.wait(seconds: timeoutSeconds)
    #expect(outcome == .exited(0), "\(arguments): \(child?.stderr ?? "")")
    return Date().timeIntervalSince(started)
  }

  /// Starts `arguments`, kills it after a random part of `window` seconds, and says how it
  /// ended: it may have finished first.
  static func killedAtRandom(
    _ arguments: [String], in folder: URL, window: Double, random: inout SeededRandom,
    pid: UnsafeMutablePointer<pid_t>? = nil
  ) -> ChildProcess.Outcome? {
    guard let child = ChildProcess(arguments, in: folder) else { return nil }
    pid?.pointee = child.pid
    let deadline = Date().addingTimeInterval(random.seconds(upTo: window))
    while Date() < deadline {
      if child.poll() != nil { break }
      usleep(500)
    }
    if let outcome = child.poll() { return outcome }
    return child.kill(SIGKILL)
  }

  @Test func killsDuringAppendsLoseNoAcknowledgedEvent() throws {
    let seed = Self.seed
    var random = SeededRandom(state: seed)
    let folder = Folder()
    let at = { (seconds: Int) in Self.start.adding(milliseconds: Int64(seconds) * 1000).iso8601 }
    CLI.ok(["new", "m.rt", "--title", "Crash", "--at", at(0)], in: folder.url)
    CLI.ok(["join", "m.rt", "Amira", "--at", at(0)], in: folder.url)
    CLI.ok(["join", "m.rt", "Ben", "--at", at(0)], in: folder.url)
    // Kills land anywhere in a command's life: about half of them before it ends.
    let window = 2 * Self.timed(["hand", "m.rt", "Amira", "--at", at(0)], in: folder.url)
    CLI.ok(["lower", "m.rt", "Amira", "--at", at(0)], in: folder.url)

    // Each trial records at its own second, so the log tells which trial wrote what.
    var acknowledged: [Int: EventType] = [:]
    var killed: Set<Int> = []
    var refused = 0
    var failures: [String] = []
    var trial = 0
    while killed.count < Self.kills && trial < Self.maxTrials {
      trial += 1
      let person = random.below(2) == 0 ? "Amira" : "Ben"
      let (arguments, type): ([String], EventType) =
        switch random.below(3) {
        case 0: (["hand", "m.rt", person], .handRaised)
        case 1: (["lower", "m.rt", person], .handLowered)
        default:
          (
            ["decide", "m.rt", "Trial \(trial)", "--method", "consent", "--outcome", "agreed"],
            .decisionRecorded
          )
        }
      switch Self.killedAtRandom(
        arguments + ["--at", at(trial)], in: folder.url, window: window, random: &random)
      {
      case .exited(0): acknowledged[trial] = type
      case .exited(1): refused += 1
      case .signalled(SIGKILL): killed.insert(trial)
      case let other: failures.append("trial \(trial) \(arguments): \(String(describing: other))")
      }
    }

    let store = try MeetingStore.open(at: folder.path("m.rt"), access: .readOnly)
    let events = try store.events()
    #expect(events.map(\.sequence) == Array(1...Int64(events.count)))
    #expect(Set(events.map(\.id)).count == events.count)
    var byTrial: [Int: [EventType]] = [:]
    for event in events.dropFirst(5) {
      let trial = Int(event.time.milliseconds(since: Self.start) / 1000)
      byTrial[trial, default: []].append(event.event.type)
    }
    for (trial, type) in acknowledged where byTrial[trial] != [type] {
      failures.append("acknowledged trial \(trial) (\(type)) is in the log as \(byTrial[trial] ?? [])")
    }
    let landedAfterKill = killed.filter { byTrial[$0] != nil }.count
    for trial in byTrial.keys where acknowledged[trial] == nil && !killed.contains(trial) {
      failures.append("trial \(trial) was refused but is in the log")
    }
    #expect(try store.replay() == MeetingState(replaying: events))
    try store.close()
    #expect(try integrityCheck(folder.path("m.rt")) == ["ok"])
    // Still a working meeting.
    CLI.ok(["queue", "m.rt"], in: folder.url)
    print(
      "Crash durability (appends): seed \(seed), \(trial) commands, \(killed.count) killed (\(landedAfterKill) "
        + "had committed), \(acknowledged.count) acknowledged, \(refused) refused, \(events.count) events, "
        + "\(failures.count) failures")
    #expect(killed.count >= Self.kills)
    #expect(failures == [], "seed \(seed): \(failures.joined(separator: "\n"))")
  }

  /// A plan with many people and items, so that `new --from` writes for a while.
  static func writePlan(to path: String) throws {
    var lines = ["title: Big forum", "policy: balanced", "participants:"]
    for index in 1...60 { lines += ["  - name: Person \(index)", "    tags: [group-\(index % 3)]"] }
    lines.append("agenda:")
    for index in 1...40 { lines += ["  - title: Item \(index)", "    minutes: 5"] }
    try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
  }

  @Test func killsDuringNewAndImportLeaveNothingOrTheWholeMeeting() throws {
    let seed = Self.seed
    var random = SeededRandom(state: seed)
    let folder = Folder()
    let at = Self.start.iso8601
    try Self.writePlan(to: folder.path("plan.yaml"))
    CLI.ok(["simulate", "big.rt", "--events", "2000", "--seed", "3"], in: folder.url)
    let bigLog = CLI.ok(["export", "big.rt", "--format", "jsonl"], in: folder.url)
    #expect(FileManager.default.createFile(atPath: folder.path("big.jsonl"), contents: Data(bigLog.utf8)))

    // The three ways to create a meeting, each run once to completion as the reference.
    let kinds: [(name: String, arguments: [String])] = [
      ("new", ["new", "x.rt", "--title", "Forum", "--at", at]),
      ("new --from", ["new", "x.rt", "--from", "plan.yaml", "--at", at]),
      ("import", ["import", "x.rt", "big.jsonl"]),
    ]
    var references: [[MeetingEvent]] = []
    var windows: [Double] = []
    for kind in kinds {
      windows.append(2 * Self.timed(kind.arguments, in: folder.url))
      let store = try MeetingStore.open(at: folder.path("x.rt"), access: .readOnly)
      references.append(try store.events().map(\.event))
      try store.close()
      Self.remove("x.rt", in: folder)
    }
    #expect(references[2].count >= 2000)

    var killed = 0
    var completeAfterKill = 0
    var killedWhileBuilding = 0
    var nothingAfterKill = 0
    var finished = 0
    var failures: [String] = []
    var trial = 0
    while killed < Self.kills && trial < Self.maxTrials {
      trial += 1
      let index = random.below(kinds.count)
      let kind = kinds[index]
      var pid: pid_t = 0
      let outcome = Self.killedAtRandom(
        kind.arguments, in: folder.url, window: windows[index], random: &random, pid: &pid)
      let exists = FileManager.default.fileExists(atPath: folder.path("x.rt"))
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.url.path)) ?? []
      if outcome == .signalled(SIGKILL), names.contains(where: { $0.hasPrefix(".x.rt.tmp-\(pid)-") }) {
        killedWhileBuilding += 1
      }
      switch outcome {
      case .exited(0): finished += 1
      case .signalled(SIGKILL): killed += 1
      case let other: failures.append("trial \(trial) \(kind.name): \(String(describing: other))")
      }
      if exists {
        if let problem = Self.problem(with: folder.path("x.rt"), expecting: references[index]) {
          failures.append("trial \(trial) \(kind.name), \(outcome.map { "\($0)" } ?? "?"): \(problem)")
        }
        if outcome == .signalled(SIGKILL) { completeAfterKill += 1 }
        // The bytes of a complete import are the exported log, line for line.
        if index == 2, outcome == .exited(0) {
          #expect(CLI.ok(["export", "x.rt", "--format", "jsonl"], in: folder.url) == bigLog)
        }
      } else {
        if outcome == .exited(0) { failures.append("trial \(trial) \(kind.name) succeeded but left no file") }
        nothingAfterKill += 1
        // Nothing there: the name is free for a new meeting, whatever temporary files remain.
        let again = CLI.run(["new", "x.rt", "--title", "Again", "--at", at], in: folder.url)
        if again.status != 0 { failures.append("trial \(trial): new after the kill failed: \(again.stderr)") }
      }
      Self.remove("x.rt", in: folder)
    }
    // The next create removes the temporary files the killed processes left.
    CLI.ok(["new", "x.rt", "--title", "Last", "--at", at], in: folder.url)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.url.path)) ?? []
    let leftovers = names.filter { $0.hasPrefix(".x.rt.tmp-") }
    #expect(leftovers == [])
    print(
      "Crash durability (new/import): seed \(seed), \(trial) creations, \(killed) killed (\(killedWhileBuilding) while "
        + "building it, \(completeAfterKill) left the complete meeting, \(nothingAfterKill) left nothing), \(finished) finished, \(failures.count) failures"
    )
    #expect(killed >= Self.kills)
    #expect(failures == [], "seed \(seed): \(failures.joined(separator: "\n"))")
  }

  /// What is wrong with the meeting at `path`, if it is not the complete `expected` one.
  static func problem(with path: String, expecting expected: [MeetingEvent]) -> String? {
    do {
      let check = try integrityCheck(path)
      guard check == ["ok"] else { return "integrity_check: \(check.prefix(3))" }
      let store = try MeetingStore.open(at: path, access: .readOnly)
      defer { try? store.close() }
      let events = try store.events()
      guard events.map(\.event) == expected else {
        return "holds \(events.count) events, expected \(expected.count)"
      }
      guard try store.replay() == MeetingState(replaying: events) else { return "replay differs" }
      return nil
    } catch {
      return "cannot be opened: \(error)"
    }
  }

  static func remove(_ name: String, in folder: Folder) {
    for suffix in ["", "-wal", "-shm"] { unlink(folder.path(name + suffix)) }
  }
}
