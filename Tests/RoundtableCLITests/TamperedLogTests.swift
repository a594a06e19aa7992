import Foundation
import GRDB
import MeetingModel
import Testing

@testable import MeetingStore

/// Meeting files and imports holding events the CLI could never write (issue 12's probe: a time
/// of Int64.min, an adjustment of 1e20, a hand for participant 99…): every verb refuses them with
/// exit 2 and the event's number, prints nothing on standard output, and leaves the file as it
/// was; `run` exits the same way instead of crashing or hanging.
@Suite("Tampered meeting files and imports: exit 2, the event named, nothing written")
struct TamperedLogTests {
  let folder = Folder()
  let file = "m.rt"
  var path: String { folder.path(file) }

  /// The verbs the probe crashed (and `decide`, which it did not), each as it would be typed.
  static let verbs: [[String]] = [
    ["log", "m.rt"], ["hand", "m.rt", "ben"], ["next", "m.rt"], ["queue", "m.rt"], ["stats", "m.rt"],
    ["decide", "m.rt", "Agreed", "--method", "consent", "--outcome", "agreed"], ["agenda", "list", "m.rt"],
    ["export", "m.rt", "--format", "jsonl"],
  ]

  /// A meeting made with the CLI: created, Amira and Ben joined, Amira's hand up (events 1–4).
  func makeMeeting() {
    CLI.ok(["new", file, "--title", "Forum", "--at", "2026-11-21T10:00:00Z"], in: folder.url)
    CLI.ok(["join", file, "Amira", "--at", "2026-11-21T10:00:00Z"], in: folder.url)
    CLI.ok(["join", file, "Ben", "--at", "2026-11-21T10:00:00Z"], in: folder.url)
    CLI.ok(["hand", file, "amira", "--at", "2026-11-21T10:01:00Z"], in: folder.url)
  }

  func tamper(_ sql: String, _ arguments: StatementArguments = []) throws {
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in try db.execute(sql: sql, arguments: arguments) }
    try queue.close()
  }

  /// Stores `event` as row `seq`, encoded as Roundtable stores events.
  func insert(
    seq: Int64, _ event: MeetingEvent,
    time: Int64 = Instant(iso8601: "2026-11-21T10:01:00Z")!.millisecondsSince1970
  ) throws {
    try tamper(
      "INSERT INTO events (seq, id, time, type, version, data) VALUES (?, ?, ?, ?, ?, ?)",
      [
        seq, withUnsafeBytes(of: UUID().uuid) { Data($0) }, time, StoredEventCodec.code(of: event.type),
        event.schemaVersion, Data(StoredEventCodec.encode(event)),
      ])
  }

  /// The bytes of the meeting file and its WAL.
  func bytes() -> [Data?] {
    ["", "-wal"].map { FileManager.default.contents(atPath: path + $0) }
  }

  /// Every verb exits 2 with `reason` in its message, prints nothing, and changes nothing.
  func expectEveryVerbRefuses(_ reason: String, sourceLocation: SourceLocation = #_sourceLocation) {
    for verb in Self.verbs {
      let before = bytes()
      let run = CLI.run(verb, in: folder.url)
      #expect(run.status == 2, "\(verb): \(run.stderr)", sourceLocation: sourceLocation)
      #expect(
        run.stderr.hasPrefix("roundtable: m.rt"), "\(verb): \(run.stderr)", sourceLocation: sourceLocation)
      #expect(run.stderr.contains(reason), "\(verb): \(run.stderr)", sourceLocation: sourceLocation)
      #expect(
        run.stderr.contains("It was not changed"), "\(verb): \(run.stderr)", sourceLocation: sourceLocation)
      #expect(run.stdout.isEmpty, "\(verb) printed \(run.stdout)", sourceLocation: sourceLocation)
      #expect(bytes() == before, "\(verb) changed the file", sourceLocation: sourceLocation)
    }
  }

  // MARK: Problem 1: a stored time of Int64.min

  @Test func aTimeOfInt64MinIsRefusedByEveryVerb() throws {
    makeMeeting()
    try tamper("UPDATE events SET time = ? WHERE seq = 3", [Int64.min])
    expectEveryVerbRefuses("event 3 has a time outside the years 1970 to 9999")
  }

  /// The full screen refuses the file before it takes the terminal: a clean exit 2 with the
  /// message, the terminal as it was, no crash and no hang.
  @Test(.enabled(if: Tmux.isAvailable)) func runRefusesItBeforeTakingTheTerminal() throws {
    makeMeeting()
    try tamper("UPDATE events SET time = ? WHERE seq = 3", [Int64.min])
    let before = bytes()
    let tmux = Tmux(
      width: 100, height: 30, command: ScreenEndToEndTests.wrapped("run m.rt"), in: folder.url)
    defer { tmux.end() }
    #expect(waitForFile(folder.path("status.txt"), seconds: 20))
    let status = try String(contentsOfFile: folder.path("status.txt"), encoding: .utf8)
    #expect(status == "2\n")
    let stderr = try String(contentsOfFile: folder.path("stderr.txt"), encoding: .utf8)
    #expect(stderr.contains("event 3 has a time outside the years 1970 to 9999"), "\(stderr)")
    #expect(waitForFile(folder.path("after.txt")))
    let settings = ScreenEndToEndTests.settings(in: folder)
    #expect(settings.before == settings.after)
    #expect(bytes() == before)
  }

  /// A screen following a file someone tampers with does not crash: it says it cannot read the
  /// meeting, keeps showing the meeting as it was, records nothing, and quits cleanly.
  @Test(.enabled(if: Tmux.isAvailable)) func aScreenFollowingATamperedFileSaysSoAndRecordsNothing() throws {
    makeMeeting()
    let tmux = Tmux(width: 120, height: 30, command: ScreenEndToEndTests.wrapped("run m.rt"), in: folder.url)
    defer { tmux.end() }
    #expect(tmux.waitFor("Nobody has the floor."))
    try insert(seq: 5, .handRaised(HandRaised(participant: ParticipantID(99), kind: .point)))
    #expect(tmux.waitFor("Cannot read the meeting"))
    #expect(tmux.waitFor("event 5 raises a hand for participant 99"))
    // Giving the next person the floor is refused: the command is decided after a catch-up.
    tmux.send("n")
    tmux.send("q")
    #expect(waitForFile(folder.path("status.txt"), seconds: 20))
    #expect(try String(contentsOfFile: folder.path("status.txt"), encoding: .utf8) == "0\n")
    let queue = try DatabaseQueue(
      path: path,
      configuration: {
        var c = Configuration()
        c.readonly = true
        return c
      }())
    #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT max(seq) FROM events") } == 5)
    try queue.close()
  }

  // MARK: Problem 2: an adjustment of 1e20, and NaN

  @Test func anImportedAdjustmentOf1e20IsRefusedAndCreatesNothing() throws {
    makeMeeting()
    let jsonl = CLI.ok(["export", file, "--format", "jsonl"], in: folder.url)
    var lines = jsonl.split(separator: "\n").map(String.init)
    #expect(lines[1].contains("\"timeAdjustment\":1"))
    lines[1] = lines[1].replacingOccurrences(of: "\"timeAdjustment\":1", with: "\"timeAdjustment\":1e20")
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: folder.path("bad.jsonl"), atomically: true, encoding: .utf8)
    let run = CLI.run(["import", "new.rt", "bad.jsonl"], in: folder.url)
    #expect(run.status == 2)
    #expect(
      run.stderr
        == "roundtable: Line 2: event 2 gives participant 1 a time adjustment of 1e+20: a time adjustment is "
        + "between 0.25 and 4 (1.5 gives half as much time again). Nothing was imported.\n")
    #expect(run.stdout.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: folder.path("new.rt")))
  }

  @Test func aStoredAdjustmentOf1e20IsRefusedBeforeHandCommitsAnything() throws {
    makeMeeting()
    try insert(
      seq: 5, .participantUpdated(ParticipantUpdated(participant: ParticipantID(2), timeAdjustment: 1e20)))
    expectEveryVerbRefuses("event 5 gives participant 2 a time adjustment of 1e+20")
  }

  @Test func aStoredNaNIsRefused() throws {
    makeMeeting()
    try insert(
      seq: 5,
      .participantJoined(
        ParticipantJoined(
          participant: ParticipantID(3), name: "Chloe", tags: [], role: .participant, timeAdjustment: .nan)))
    expectEveryVerbRefuses(
      "event 5 (participant.joined) cannot be read: a number in the event data is not finite")
  }

  // MARK: Problem 3: logs the CLI could never write

  @Test(arguments: [99, -1])
  func aHandForSomeoneWhoNeverJoinedIsRefused(participant: Int) throws {
    makeMeeting()
    try insert(seq: 5, .handRaised(HandRaised(participant: ParticipantID(participant), kind: .point)))
    expectEveryVerbRefuses("event 5 raises a hand for participant \(participant), who never joined")
  }

  @Test func aSecondMeetingCreatedIsRefused() throws {
    makeMeeting()
    try insert(seq: 5, .meetingCreated(MeetingCreated(title: "Another", policy: .fifo)))
    expectEveryVerbRefuses("event 5 creates the meeting a second time")
  }

  @Test func aDuplicateEventIDIsRefused() throws {
    makeMeeting()
    try tamper(
      """
      CREATE TABLE loose AS SELECT * FROM events; DROP TABLE events; ALTER TABLE loose RENAME TO events;
      UPDATE events SET id = (SELECT id FROM events WHERE seq = 2) WHERE seq = 3;
      """)
    expectEveryVerbRefuses("event 3 has the same id as event 2")
  }

  @Test func textInTheTimeColumnIsRefused() throws {
    makeMeeting()
    try tamper("UPDATE events SET time = 'ten o''clock' WHERE seq = 2")
    expectEveryVerbRefuses("event 2 has a time that is not a whole number")
  }

  @Test func anImportWithTimesGoingBackwardsIsRefused() throws {
    makeMeeting()
    CLI.ok(["hand", file, "ben", "--at", "2026-11-21T10:02:00Z"], in: folder.url)
    let jsonl = CLI.ok(["export", file, "--format", "jsonl"], in: folder.url)
    var lines = jsonl.split(separator: "\n").map(String.init)
    lines[4] = lines[4].replacingOccurrences(of: "2026-11-21T10:02:00Z", with: "2026-11-21T09:59:00Z")
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: folder.path("bad.jsonl"), atomically: true, encoding: .utf8)
    let run = CLI.run(["import", "new.rt", "bad.jsonl"], in: folder.url)
    #expect(run.status == 2)
    #expect(
      run.stderr.hasPrefix(
        "roundtable: Line 5: event 5 (queue.hand-raised) is dated 2026-11-21T09:59:00Z, before an earlier event "
          + "(2026-11-21T10:01:00Z)"), "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder.path("new.rt")))
  }

  @Test func anImportWithAHandForParticipant99IsRefused() throws {
    makeMeeting()
    let jsonl = CLI.ok(["export", file, "--format", "jsonl"], in: folder.url)
    var lines = jsonl.split(separator: "\n").map(String.init)
    #expect(lines[3].contains("\"participant\":1"))
    lines[3] = lines[3].replacingOccurrences(of: "\"participant\":1", with: "\"participant\":99")
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: folder.path("bad.jsonl"), atomically: true, encoding: .utf8)
    let run = CLI.run(["import", "new.rt", "bad.jsonl"], in: folder.url)
    #expect(run.status == 2)
    #expect(
      run.stderr
        == "roundtable: Line 4: event 4 raises a hand for participant 99, who never joined. Nothing was imported.\n"
    )
    #expect(!FileManager.default.fileExists(atPath: folder.path("new.rt")))
  }

  /// `log --follow` checks what it follows: a bad event appended while it waits ends it with
  /// exit 2 and the message, after the good events it printed.
  @Test func logFollowStopsAtABadEventAppendedLater() throws {
    makeMeeting()
    let process = Process()
    process.executableURL = CLI.binary
    process.arguments = ["log", file, "--follow"]
    process.currentDirectoryURL = folder.url
    process.environment = CLI.environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    Thread.sleep(forTimeInterval: 1)
    try insert(seq: 5, .handRaised(HandRaised(participant: ParticipantID(99), kind: .point)))
    let deadline = Date().addingTimeInterval(20)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    if process.isRunning {
      process.terminate()
      Issue.record("log --follow went on after the bad event")
    }
    process.waitUntilExit()
    let stdout = String(decoding: out.fileHandleForReading.readAllRetryingInterrupts(), as: UTF8.self)
    let stderr = String(decoding: err.fileHandleForReading.readAllRetryingInterrupts(), as: UTF8.self)
    #expect(process.terminationStatus == 2)
    #expect(stderr.contains("event 5 raises a hand for participant 99, who never joined"), "\(stderr)")
    #expect(stdout.split(separator: "\n").count == 4)
  }

  // MARK: Problem 4: a duplicated sequence number

  @Test func aDuplicatedSequenceNumberIsCalledDuplicated() throws {
    makeMeeting()
    try tamper(
      """
      CREATE TABLE loose AS SELECT * FROM events; DROP TABLE events; ALTER TABLE loose RENAME TO events;
      INSERT INTO events SELECT * FROM events WHERE seq = 3;
      """)
    expectEveryVerbRefuses("event 3 appears twice in the log")
  }
}
