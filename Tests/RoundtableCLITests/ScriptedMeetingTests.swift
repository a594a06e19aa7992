import Foundation
import Testing

/// A short meeting run entirely from the shell, with `--at` times, as in the README.
@Suite("The command line, driven like a script")
struct ScriptedMeetingTests {
  /// Sets up the README's meeting: four people, one agenda item, Ben speaking, three hands up.
  static func scriptedMeeting(in folder: Folder) {
    let f = "forum.roundtable"
    let url = folder.url
    CLI.ok(["new", f, "--title", "Care leavers' forum", "--at", "2026-11-21T10:00:00Z"], in: url)
    CLI.ok(
      ["join", f, "Siobhán Byrne", "--tag", "lived-experience", "--at", "2026-11-21T10:00:00Z"], in: url)
    CLI.ok(["join", f, "Ben Okafor", "--tag", "professional", "--at", "2026-11-21T10:00:00Z"], in: url)
    CLI.ok(
      [
        "join", f, "Zoë Mensah", "--tag", "lived-experience", "--time-adjust", "1.5", "--at",
        "2026-11-21T10:00:00Z",
      ],
      in: url)
    CLI.ok(["join", f, "会議 Tanaka", "--tag", "professional", "--at", "2026-11-21T10:00:00Z"], in: url)
    CLI.ok(
      [
        "agenda", "add", f, "Housing offers", "--minutes", "20", "--lead", "ben", "--at",
        "2026-11-21T10:01:00Z",
      ], in: url)
    CLI.ok(["agenda", "next", f, "--at", "2026-11-21T10:02:00Z"], in: url)
    CLI.ok(["hand", f, "ben", "--at", "2026-11-21T10:02:10Z"], in: url)
    CLI.ok(["next", f, "--at", "2026-11-21T10:02:20Z"], in: url)
    CLI.ok(["hand", f, "tanaka", "--at", "2026-11-21T10:03:00Z"], in: url)
    CLI.ok(["hand", f, "siobhan", "--at", "2026-11-21T10:03:10Z"], in: url)
    CLI.ok(["hand", f, "zoe", "--kind", "clarify", "--at", "2026-11-21T10:03:20Z"], in: url)
  }

  @Test func theQueueIsPrintedWithItsReasons() throws {
    let folder = Folder()
    Self.scriptedMeeting(in: folder)
    // As Ben's turn starts, nobody's airtime is counted yet: arrival puts Tanaka first.
    let atStart = CLI.ok(["queue", "forum.roundtable", "--at", "2026-11-21T10:02:20Z"], in: folder.url)
    #expect(
      atStart == """
        Speaking: Ben Okafor (new point, since 10:02)
        #   Name           Kind                 Why
        1.  Zoë Mensah     clarifying question  clarifying question: goes before responses and new points; raised hand at 10:03
        2.  会議 Tanaka    new point            first time speaking; raised hand at 10:03
        3.  Siobhán Byrne  new point            first time speaking; raised hand at 10:03
        Policy: balanced, interrupts first, guard after 3 turns

        """)
    // A minute into his turn, professionals have all the airtime: Siobhán goes before Tanaka,
    // which is what `next` would do at that moment.
    let queue = CLI.ok(["queue", "forum.roundtable", "--at", "2026-11-21T10:03:20Z"], in: folder.url)
    #expect(
      queue == """
        Speaking: Ben Okafor (new point, since 10:02)
        #   Name           Kind                 Why
        1.  Zoë Mensah     clarifying question  clarifying question: goes before responses and new points; raised hand at 10:03
        2.  Siobhán Byrne  new point            first time speaking; lived-experience voices at 0% of airtime, target 50%; raised hand at 10:03
        3.  会議 Tanaka    new point            first time speaking; professional voices at 100% of airtime, target 50%; raised hand at 10:03
        Policy: balanced, interrupts first, guard after 3 turns

        """)
    let next = CLI.ok(["next", "forum.roundtable", "--at", "2026-11-21T10:05:20Z"], in: folder.url)
    #expect(
      next == """
        Ben Okafor's turn ended
        Zoë Mensah has the floor (clarifying question)
        Up next: Siobhán Byrne (first time speaking; lived-experience voices at 0% of airtime, target 50%; waited through 1 turn; raised hand at 10:03).

        """)
  }

  @Test func queueAndStatsGiveJSON() throws {
    let folder = Folder()
    Self.scriptedMeeting(in: folder)
    let data = Data(
      CLI.ok(["queue", "forum.roundtable", "--json", "--at", "2026-11-21T10:02:20Z"], in: folder.url).utf8)
    let queue = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    #expect(queue.map { $0["name"] as? String } == ["Zoë Mensah", "会議 Tanaka", "Siobhán Byrne"])
    #expect(queue.map { $0["position"] as? Int } == [1, 2, 3])
    #expect(queue.map { $0["kind"] as? String } == ["clarify", "point", "point"])
    #expect((queue[2]["reasons"] as? [String]) == ["first time speaking", "raised hand at 10:03"])
    // Without --at, Ben's turn counts up to now (long after these times): lived experience first.
    let nowData = Data(CLI.ok(["queue", "forum.roundtable", "--json"], in: folder.url).utf8)
    let queueNow = try #require(try JSONSerialization.jsonObject(with: nowData) as? [[String: Any]])
    #expect(queueNow.map { $0["name"] as? String } == ["Zoë Mensah", "Siobhán Byrne", "会議 Tanaka"])

    let statsData = Data(
      CLI.ok(["stats", "forum.roundtable", "--json", "--at", "2026-11-21T10:04:20Z"], in: folder.url).utf8)
    let stats = try #require(try JSONSerialization.jsonObject(with: statsData) as? [String: Any])
    let people = try #require(stats["people"] as? [[String: Any]])
    let ben = try #require(people.first { $0["name"] as? String == "Ben Okafor" })
    #expect(ben["airtimeSeconds"] as? Double == 120)
    #expect(ben["turns"] as? Int == 1)
    let groups = try #require(stats["groups"] as? [[String: Any]])
    #expect(groups.map { $0["tag"] as? String } == ["lived-experience", "professional"])
    #expect(groups.map { $0["airtimeSeconds"] as? Double } == [0, 120])
    #expect(groups.map { $0["turns"] as? Int } == [0, 1])
  }

  @Test func refusalsExitWithStatusOneAndChangeNothing() throws {
    let folder = Folder()
    Self.scriptedMeeting(in: folder)
    let file = folder.path("forum.roundtable")
    let before = try Data(contentsOf: URL(fileURLWithPath: file))
    let cases: [([String], String)] = [
      (["hand", "forum.roundtable", "Sam"], "roundtable: Nobody called “Sam” has joined.\n"),
      (
        ["hand", "forum.roundtable", "siobhan"],
        "roundtable: Siobhán Byrne's hand is already up (new point, 3rd in the queue); lower it first to change it.\n"
      ),
      (["lower", "forum.roundtable", "ben"], "roundtable: Ben Okafor's hand is not up.\n"),
      (
        ["decide", "forum.roundtable", " ", "--method", "consent", "--outcome", "agreed"],
        "roundtable: A decision needs its text: what was decided?\n"
      ),
      (
        ["join", "forum.roundtable", "SIOBHÁN BYRNE"],
        "roundtable: Siobhán Byrne is already here; give a different name for someone else.\n"
      ),
    ]
    for (arguments, message) in cases {
      let result = CLI.run(arguments, in: folder.url)
      #expect(result.status == 1, "\(arguments)")
      #expect(result.stderr == message)
      #expect(result.stdout == "")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
  }

  @Test func moveUndoAcknowledgeAndLeaveFromTheShell() throws {
    let folder = Folder()
    Self.scriptedMeeting(in: folder)
    let f = "forum.roundtable"
    #expect(
      CLI.ok(
        ["move", f, "siobhan", "--to", "1", "--reason", "leads the item", "--at", "2026-11-21T10:04:00Z"],
        in: folder.url)
        == "Siobhán Byrne moved to 1st place by the facilitator: leads the item\n")
    #expect(
      CLI.ok(["queue", f, "--json"], in: folder.url).contains(
        "moved to 1st place by facilitator: leads the item"))
    #expect(
      CLI.ok(["undo", f, "move", "--at", "2026-11-21T10:04:10Z"], in: folder.url)
        == "Undo: the last queue move\nThe move of Siobhán Byrne was undone\n"
        + "Undid moving Siobhán Byrne in the queue, recorded by the command line.\n")
    CLI.ok(["signal", f, "break", "--from", "zoe", "--at", "2026-11-21T10:04:20Z"], in: folder.url)
    #expect(CLI.ok(["ack", f, "--at", "2026-11-21T10:04:30Z"], in: folder.url) == "Signal #1 acknowledged\n")
    // Acknowledging is undoable; without a kind, undo takes back the latest action of any kind.
    #expect(
      CLI.ok(["undo", f, "--at", "2026-11-21T10:04:31Z"], in: folder.url).hasSuffix(
        "Undid acknowledging the signal “a break is needed”, recorded by the command line.\n"))
    #expect(CLI.run(["undo", f, "hand", "--kind", "floor"], in: folder.url).status == 64)
    CLI.ok(["ack", f, "--at", "2026-11-21T10:04:32Z"], in: folder.url)
    let again = CLI.run(["ack", f], in: folder.url)
    #expect(again.status == 1)
    #expect(again.stderr == "roundtable: There is no open signal to acknowledge.\n")
    #expect(
      CLI.ok(["leave", f, "siobhan", "--at", "2026-11-21T10:05:00Z"], in: folder.url)
        == "Siobhán Byrne's hand went down as they left\nSiobhán Byrne left\n")
    #expect(
      CLI.ok(["lower", f, "tanaka", "--by-facilitator", "--at", "2026-11-21T10:05:10Z"], in: folder.url)
        == "The facilitator lowered 会議 Tanaka's hand\n")
  }

  @Test func ambiguousNamesAskForMore() throws {
    let folder = Folder()
    CLI.ok(["new", "m.rt", "--title", "x"], in: folder.url)
    CLI.ok(["join", "m.rt", "Sam Okafor"], in: folder.url)
    CLI.ok(["join", "m.rt", "Samira Haddad"], in: folder.url)
    let result = CLI.run(["hand", "m.rt", "sam"], in: folder.url)
    #expect(result.status == 1)
    #expect(
      result.stderr == "roundtable: “sam” could be Sam Okafor or Samira Haddad: give more of the name.\n")
  }

  @Test func fileProblemsExitWithStatusTwoAndUsageErrorsWith64() throws {
    let folder = Folder()
    let missing = CLI.run(["queue", "nowhere.roundtable"], in: folder.url)
    #expect(missing.status == 2)
    #expect(
      missing.stderr
        == "roundtable: There is no meeting file at nowhere.roundtable. Create one with `roundtable new nowhere.roundtable --title …`.\n"
    )
    try "just notes\n".write(toFile: folder.path("notes.txt"), atomically: true, encoding: .utf8)
    let notSQLite = CLI.run(["hand", "notes.txt", "Ben"], in: folder.url)
    #expect(notSQLite.status == 2)
    #expect(try String(contentsOfFile: folder.path("notes.txt"), encoding: .utf8) == "just notes\n")
    CLI.ok(["new", "m.rt", "--title", "x"], in: folder.url)
    let badTime = CLI.run(["join", "m.rt", "Amira", "--at", "half past ten"], in: folder.url)
    #expect(badTime.status == 64)
    #expect(
      badTime.stderr.contains("--at 'half past ten' is not an ISO-8601 time such as 2026-11-21T10:04:00Z: "))
    try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: folder.path("m.rt"))
    let readOnly = CLI.run(["join", "m.rt", "Amira"], in: folder.url)
    #expect(readOnly.status == 2)
    #expect(
      readOnly.stderr.hasPrefix("roundtable: m.rt is read-only, so this command cannot record anything."))
    #expect(CLI.run(["queue", "m.rt"], in: folder.url).status == 0)
  }

  @Test func theWrapUpCueCanBeSetOrTurnedOffButNotNegative() throws {
    let folder = Folder()
    CLI.ok(["new", "m.rt", "--title", "x"], in: folder.url)
    for verb in [["run", "m.rt"], ["demo"]] {
      let negative = CLI.run(verb + ["--wrap-up", "-5"], in: folder.url)
      #expect(negative.status == 64)
      #expect(
        negative.stderr.hasPrefix(
          "Error: --wrap-up must be 0 to 3600 (0: no wrap-up cue), not -5.\n"))
    }
    // Accepted: without a terminal, `run` goes on to refuse the screen, and `demo` narrates.
    let off = CLI.run(["run", "m.rt", "--wrap-up", "0"], in: folder.url)
    #expect(off.status == 1)
    #expect(off.stderr.hasPrefix("roundtable: The full screen needs a terminal"))
    #expect(CLI.ok(["demo", "--wrap-up", "0"], in: folder.url).hasPrefix("Roundtable demo:"))
  }

  @Test func aNewFileIsPrivate() throws {
    let folder = Folder()
    let out = CLI.ok(["new", "m.rt", "--title", "Forum", "--policy", "fifo"], in: folder.url)
    #expect(out == "Created m.rt: “Forum” (fifo, interrupts first). Only you can read it.\n")
    let mode =
      try FileManager.default.attributesOfItem(atPath: folder.path("m.rt"))[.posixPermissions] as? Int
    #expect(mode == 0o600)
    let again = CLI.run(["new", "m.rt", "--title", "Other"], in: folder.url)
    #expect(again.status == 2)
    #expect(again.stderr == "roundtable: m.rt already exists; choose another name (nothing was changed).\n")
  }

  @Test func aPlanSetsUpTheWholeMeeting() throws {
    let folder = Folder()
    let plan = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("docs/plan-example.yaml").path
    let out = CLI.ok(["new", "p.rt", "--from", plan, "--at", "2026-11-21T09:30:00Z"], in: folder.url)
    #expect(
      out
        == "Created p.rt: “Care leavers' housing forum” (balanced, interrupts first, guard after 3 turns, "
        + "lived-experience 60% / professional 40%), 7 people, 3 agenda items. Only you can read it.\n")
    let agenda = CLI.ok(["agenda", "list", "p.rt", "--at", "2026-11-21T09:31:00Z"], in: folder.url)
    #expect(
      agenda == """
        #    Item                      Status   Time          Leads
         1.  Welcome and ground rules  pending  0s of 5 min   
         2.  First home offers at 18   pending  0s of 25 min  Tom Hughes, Siobhán Byrne
         3.  Bus passes for college    pending  0s of 15 min  

        """)
  }

  @Test func exportAndImportRoundTrip() throws {
    let folder = Folder()
    Self.scriptedMeeting(in: folder)
    CLI.ok(
      [
        "decide", "forum.roundtable", "Visit the flats", "--method", "consent", "--outcome", "agreed",
        "--stance",
        "Ben=concern:transport", "--action", "Ben: book a minibus (due 2026-12-01)", "--rung", "co-design",
      ], in: folder.url)
    CLI.ok(["export", "forum.roundtable", "--format", "jsonl", "-o", "forum.jsonl"], in: folder.url)
    let mode =
      try FileManager.default.attributesOfItem(atPath: folder.path("forum.jsonl"))[.posixPermissions] as? Int
    #expect(mode == 0o600)
    let imported = CLI.ok(["import", "copy.roundtable", "forum.jsonl"], in: folder.url)
    #expect(imported == "Imported 15 events into copy.roundtable: “Care leavers' forum”.\n")
    let first = try String(contentsOfFile: folder.path("forum.jsonl"), encoding: .utf8)
    let second = CLI.ok(["export", "copy.roundtable", "--format", "jsonl"], in: folder.url)
    #expect(second == first)
    #expect(first.split(separator: "\n").count == 15)
    // The minutes of the same meeting, and of its imported copy, are the same.
    let at = ["--at", "2026-11-21T12:00:00Z"]
    let markdown = CLI.ok(["export", "forum.roundtable", "--format", "markdown"] + at, in: folder.url)
    #expect(markdown.contains("Visit the flats"))
    #expect(CLI.ok(["export", "copy.roundtable", "--format", "markdown"] + at, in: folder.url) == markdown)
  }
}
