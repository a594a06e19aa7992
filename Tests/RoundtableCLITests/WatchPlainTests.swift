import Foundation
import MeetingModel
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `roundtable watch FILE --plain` run as a child process with its output going to a file
/// (not a terminal), while the test drives the meeting with the CLI from outside: the plain
/// sentences arrive one per change, in order, flushed as they are said, with no escape
/// sequence at all; with `--as`, lines written to its standard input record the person's own
/// hand and signals and nothing else.
@Suite("watch --plain end to end", .serialized)
struct WatchPlainTests {
  static let summaryEnd = "That is where things stand. New changes follow."

  /// A meeting ready to watch: four people, two timed items, open.
  static func meeting(in folder: Folder) {
    CLI.ok(["new", "m.rt", "--title", "Housing forum"], in: folder.url)
    for name in ["Sam", "Alex", "Priya", "Amira"] { CLI.ok(["join", "m.rt", name], in: folder.url) }
    CLI.ok(["agenda", "add", "m.rt", "Welcome", "--minutes", "5"], in: folder.url)
    CLI.ok(["agenda", "add", "m.rt", "Housing", "--minutes", "20"], in: folder.url)
    CLI.ok(["open", "m.rt"], in: folder.url)
  }

  /// The child's output so far, as lines (a line still being written is left out).
  static func lines(_ child: ChildProcess) -> [String] {
    let text = child.stdout
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines.removeLast()
    return lines
  }

  /// Waits until the child has printed `line` (after the first `skip` lines), up to `seconds`.
  @discardableResult
  static func waitFor(
    _ line: String, from child: ChildProcess, after skip: Int = 0, seconds: Double = 15,
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if lines(child).dropFirst(skip).contains(line) { return true }
      if child.poll() != nil { break }
      usleep(20_000)
    }
    Issue.record(
      "no line “\(line)” in:\n\(child.stdout)\nstderr: \(child.stderr)", sourceLocation: sourceLocation)
    return false
  }

  @Test func aScriptedMeetingReadsAsOnePlainSentencePerChange() throws {
    let folder = Folder()
    Self.meeting(in: folder)
    // Colour forced and a colour terminal named: the plain mode has no colour to force.
    let child = try #require(
      ChildProcess(
        ["watch", "m.rt", "--plain"], in: folder.url,
        environment: ["FORCE_COLOR": "1", "CLICOLOR_FORCE": "1", "TERM": "xterm-256color"]))
    Self.waitFor(Self.summaryEnd, from: child)
    let summary = Self.lines(child)
    #expect(
      summary == [
        "Housing forum. The meeting is open.",
        "No item is open now.",
        "Nobody is speaking. Nobody is waiting.",
        "No hands are up.",
        "No signals are waiting.",
        Self.summaryEnd,
      ])
    // Each step waits for its sentence before the next, so that one change gives one line.
    let steps: [([String], [String])] = [
      (["agenda", "next", "m.rt"], ["Item 1 started: Welcome. It has 5 minutes."]),
      (["hand", "m.rt", "Sam"], ["Sam raised a hand. Next: Sam."]),
      (["hand", "m.rt", "Alex"], ["Alex raised a hand. Next: Sam, then Alex."]),
      (["next", "m.rt"], ["Now speaking: Sam. Next: Alex."]),
      (
        ["hand", "m.rt", "Priya", "--kind", "clarify"],
        ["Priya raised a hand for a clarifying question. Next: Priya, then Alex."]
      ),
      (
        ["decide", "m.rt", "Meet every month", "--method", "consent", "--outcome", "agreed"],
        ["Decision recorded: Meet every month."]
      ),
      (["signal", "m.rt", "jargon"], ["Someone asked for plain language."]),
      (["lower", "m.rt", "Alex"], ["Alex's hand is down. Next: Priya."]),
      // The next item ends the turn: two changes, two lines.
      (
        ["agenda", "next", "m.rt"],
        ["Item 2 started: Housing. It has 20 minutes.", "Sam has finished speaking. Next: Priya."]
      ),
    ]
    for (arguments, sentences) in steps {
      CLI.ok(arguments, in: folder.url)
      guard let last = sentences.last, Self.waitFor(last, from: child, after: summary.count) else { break }
    }
    #expect(Array(Self.lines(child).dropFirst(summary.count)) == steps.flatMap(\.1))
    #expect(child.kill(SIGINT) == .exited(0), "Ctrl-C ends cleanly: \(child.stderr)")
    #expect(Self.lines(child).last == "Stopped watching.")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: child.outputPath))
    #expect(!bytes.contains(0x1B), "no escape sequence at all")
    #expect(child.stderr == "")
  }

  @Test func typedLinesRecordOnlyTheOwnHandAndSignals() throws {
    let folder = Folder()
    Self.meeting(in: folder)
    CLI.ok(["agenda", "next", "m.rt"], in: folder.url)
    CLI.ok(["hand", "m.rt", "Sam"], in: folder.url)
    var ends: [Int32] = [0, 0]
    #expect(pipe(&ends) == 0)
    // Neither end is inherited as it is: the child gets a copy of the read end as its input.
    for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    let child = try #require(
      ChildProcess(["watch", "m.rt", "--plain", "--as", "amira"], in: folder.url, input: ends[0]))
    close(ends[0])
    let typing = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
    Self.waitFor(Self.summaryEnd, from: child)
    #expect(Self.lines(child).contains("You are Amira. Your hand is down."))
    var seen = Self.lines(child).count
    func type(
      _ line: String, expecting sentences: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) {
      typing.writeRetryingInterrupts(Data((line + "\n").utf8))
      guard let last = sentences.last,
        Self.waitFor(last, from: child, after: seen, sourceLocation: sourceLocation)
      else { return }
      let said = Array(Self.lines(child).dropFirst(seen))
      #expect(said == sentences, "after typing “\(line)”", sourceLocation: sourceLocation)
      seen += said.count
    }
    type("hand", expecting: ["Your hand is up.", "You are 2nd in the queue: first time speaking."])
    type("lower", expecting: ["Your hand is down.", "You are not in the queue now."])
    let before = CLI.ok(["log", "m.rt", "--json"], in: folder.url)
    type(
      "next",
      expecting: [
        "Only the facilitator can do that. You can raise or lower your hand and send signals. Type help to hear how."
      ])
    type("hand Sam", expecting: ["Type hand alone, or hand response, hand clarify or hand process."])
    #expect(CLI.ok(["log", "m.rt", "--json"], in: folder.url) == before, "nothing recorded")
    type(
      "signal plain",
      expecting: ["Your signal is sent. It does not show your name.", "Someone asked for plain language."])
    type("lower", expecting: ["Your hand is not up."])

    let events = CLI.ok(["log", "m.rt", "--json"], in: folder.url).split(separator: "\n").map {
      (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] ?? [:]
    }
    let typed = events.filter { ($0["meta"] as? [String: Any])?["author"] as? String == "Amira" }
    #expect(
      typed.map { $0["type"] as? String ?? "?" } == [
        "queue.hand-raised", "queue.hand-lowered", "signal.sent",
      ])
    #expect(!events.contains { $0["type"] as? String == "turn.started" }, "next was not recorded")

    // Input ends (a pipe, not a terminal): still watching.
    try typing.close()
    Self.waitFor(
      "Nothing more can be typed here. Still watching. Press Ctrl-C to stop.", from: child, after: seen)
    CLI.ok(["hand", "m.rt", "Alex"], in: folder.url)
    Self.waitFor("Alex raised a hand. Next: Sam, then Alex.", from: child, after: seen)
    #expect(child.kill(SIGTERM) == .exited(0))
    let bytes = try Data(contentsOf: URL(fileURLWithPath: child.outputPath))
    #expect(!bytes.contains(0x1B))
  }

  @Test func accessibleSetMeansPlain() throws {
    let folder = Folder()
    Self.meeting(in: folder)
    let child = try #require(
      ChildProcess(["watch", "m.rt"], in: folder.url, environment: ["ACCESSIBLE": "1"]))
    Self.waitFor(Self.summaryEnd, from: child)
    CLI.ok(["hand", "m.rt", "Priya"], in: folder.url)
    Self.waitFor("Priya raised a hand. Next: Priya.", from: child)
    #expect(child.kill(SIGHUP) == .exited(0), "\(child.stderr)")
    // Set but empty is not set.
    let screen = try #require(
      ChildProcess(["watch", "m.rt"], in: folder.url, environment: ["ACCESSIBLE": ""]))
    #expect(screen.wait(seconds: 15) == .exited(1))
    #expect(screen.stderr.contains("The full screen needs a terminal"))
  }

  /// Without --as, a file its reader may only read (mode 0400, user nobody's own) is watched,
  /// and nothing is left beside it.
  @Test func aWatcherNeedsOnlyReadAccess() throws {
    let folder = HostileFileTests.nobodysMeeting()
    chmod(folder.path("h.rt"), 0o400)
    let child = try #require(ChildProcess(["watch", "h.rt", "--plain"], in: folder.url, asNobody: true))
    Self.waitFor(Self.summaryEnd, from: child)
    #expect(Self.lines(child).first == "Archive. The meeting has not started yet.")
    #expect(child.kill(SIGINT) == .exited(0), "\(child.stderr)")
    #expect(child.stderr == "")
    #expect(!FileManager.default.fileExists(atPath: folder.path("h.rt-shm")))
    #expect(!FileManager.default.fileExists(atPath: folder.path("h.rt-wal")))
  }

  /// A file someone tampers with while it is watched: it stops with exit 2 and says which
  /// event cannot be read, rather than go on saying things about a meeting it cannot read.
  @Test func aTamperedFileStopsItWithTheEventNamed() throws {
    let tampered = TamperedLogTests()
    tampered.makeMeeting()
    let child = try #require(ChildProcess(["watch", "m.rt", "--plain"], in: tampered.folder.url))
    Self.waitFor(Self.summaryEnd, from: child)
    try tampered.insert(seq: 5, .handRaised(HandRaised(participant: ParticipantID(99), kind: .point)))
    #expect(child.wait(seconds: 15) == .exited(2))
    #expect(child.stderr.contains("event 5 raises a hand for participant 99"), "\(child.stderr)")
    #expect(!Self.lines(child).contains { $0.contains("raised a hand") })
  }

  @Test func anUnknownNameIsRefusedBeforeAnythingIsSaid() {
    let folder = Folder()
    Self.meeting(in: folder)
    let result = CLI.run(["watch", "m.rt", "--plain", "--as", "Zed"], in: folder.url)
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(result.stderr.contains("Nobody called “Zed” has joined."))
  }
}
