import MeetingModel
import TerminalUI
import Testing

@testable import roundtable

/// What the screen's `:` line turns typed words into: the shell's argument list with the
/// meeting file where each verb takes it.
@Suite("The screen's : line arguments")
struct ScreenLineArgumentsTests {
  let file = "forum.roundtable"

  func arguments(_ words: [String]) throws -> [String] {
    try ScreenCommandLine.arguments(forScreenLine: words, file: file)
  }

  @Test func theFileFollowsAPlainVerb() throws {
    #expect(
      try arguments(["hand", "amira", "--kind", "response"]) == ["hand", file, "amira", "--kind", "response"])
    #expect(try arguments(["next"]) == ["next", file])
    #expect(
      try arguments(["open", "--at", "2026-11-21T10:00:00Z"]) == [
        "open", file, "--at", "2026-11-21T10:00:00Z",
      ])
    #expect(
      try arguments(["contribute", "zoe", "--written", "Too late"]) == [
        "contribute", file, "zoe", "--written", "Too late",
      ])
    #expect(try arguments(["stance", "1", "ben", "agree"]) == ["stance", file, "1", "ben", "agree"])
    #expect(try arguments(["policy"]) == ["policy", file])
  }

  @Test func theFileFollowsAGroupsStep() throws {
    #expect(
      try arguments(["agenda", "add", "Bus passes", "--minutes", "15"]) == [
        "agenda", "add", file, "Bus passes", "--minutes", "15",
      ])
    #expect(try arguments(["agenda", "defer"]) == ["agenda", "defer", file])
    #expect(
      try arguments(["round", "start", "--order", "zoe,ben"]) == [
        "round", "start", file, "--order", "zoe,ben",
      ])
    #expect(try arguments(["round", "pass"]) == ["round", "pass", file])
  }

  @Test func verbsWithoutAMeetingFileGetNone() throws {
    #expect(try arguments(["study", "--seed", "3"]) == ["study", "--seed", "3"])
    #expect(try arguments(["verbs"]) == ["verbs"])
    #expect(try arguments(["help"]) == ["verbs"])
    #expect(try arguments([]) == [])
  }

  @Test func everyVerbThatTakesAFileGetsItRightAfterItsName() throws {
    var withoutFile: [String] = []
    for verb in Roundtable.configuration.subcommands {
      let steps = verb.configuration.subcommands
      for leaf in steps.isEmpty ? [verb] : steps {
        let words = steps.isEmpty ? [verb._commandName] : [verb._commandName, leaf._commandName]
        let expected = ScreenCommandLine.takesMeetingFile(leaf) ? words + [file] : words
        #expect(try arguments(words) == expected, "\(words)")
        if expected == words { withoutFile.append(words.joined(separator: " ")) }
      }
    }
    // Only these work without the open meeting's file (demo's file is a new one to create).
    #expect(withoutFile == ["demo", "study", "verbs"])
    // The verbs that work on a meeting file are found as such.
    #expect(ScreenCommandLine.takesMeetingFile(HandCommand.self))
    #expect(ScreenCommandLine.takesMeetingFile(RoundStart.self))
    #expect(!ScreenCommandLine.takesMeetingFile(StudyCommand.self))
  }

  @Test func anUnknownVerbIsNamedWithoutTheFile() throws {
    #expect(throws: CommandLineWords.Problem(message: "unknown command 'foo' — :help lists them")) {
      try arguments(["foo", "bar"])
    }
    #expect(throws: CommandLineWords.Problem(message: "unknown command 'watch' — :help lists them")) {
      try arguments(["watch"])
    }
  }

  @Test func aGroupNeedsAKnownStep() throws {
    #expect(
      throws: CommandLineWords.Problem(
        message: "agenda needs a step: add, next, list, start, close, defer or move")
    ) { try arguments(["agenda"]) }
    #expect(throws: CommandLineWords.Problem(message: "round has no step 'jump': start, next, pass or end")) {
      try arguments(["round", "jump"])
    }
    #expect(try arguments(["agenda", "--help"]) == ["agenda", "--help"])
  }

  @Test func theScreenRecordsWhatTheShellWould() throws {
    var state = MeetingState()
    var ids = SequentialEventIDs()
    let at = Instant(iso8601: "2026-11-21T10:00:00Z")!
    for command: Command in [
      .createMeeting(title: "Forum"), .join(name: "Siobhán Byrne", tags: ["lived-experience"]),
      .join(name: "Ben Okafor", tags: ["professional"]), .addAgendaItem(title: "Housing offers"),
      .park(title: "Council tax"),
    ] {
      _ = try state.execute(command, at: at, metadata: EventMetadata(), ids: &ids)
    }
    func run(_ line: String) -> CommandLineOutcome {
      ScreenCommandLine.run(line, file: file, state: state, now: at)
    }
    #expect(
      run("round start --order ben,siob --topic 'One word'")
        == .record(.startRound(order: [ParticipantID(2), ParticipantID(1)], topic: "One word"), at: nil))
    #expect(run("round pass") == .record(.passInRound, at: nil))
    #expect(
      run("close --at 2026-11-21T11:00:00Z")
        == .record(.closeMeeting, at: Instant(iso8601: "2026-11-21T11:00:00Z")))
    #expect(
      run("contribute zoe --written hi")
        == .message("Nobody called “zoe” has joined.", isError: true))
    #expect(
      run("contribute sio --written 'Too late'")
        == .record(
          .recordContribution(ParticipantID(1), mode: .written, text: "Too late", creditSeconds: 60), at: nil)
    )
    #expect(run("unpark council") == .record(.unpark(AgendaItemID(2), position: nil), at: nil))
    #expect(run("agenda start 1") == .record(.startItem(AgendaItemID(1)), at: nil))
    #expect(run("floor ben") == .record(.giveFloor(ParticipantID(2)), at: nil))
    #expect(run("watch") == .message("unknown command 'watch' — :help lists them", isError: true))
    guard case .show(let lines) = run("help") else {
      Issue.record("help shows no list")
      return
    }
    #expect(lines.contains { $0.hasPrefix("round start|next|pass|end") })
  }
}

extension CommandLineWords.Problem: Equatable {
  public static func == (lhs: Self, rhs: Self) -> Bool { lhs.message == rhs.message }
}
