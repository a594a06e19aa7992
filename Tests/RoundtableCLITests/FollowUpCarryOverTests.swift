import Foundation
import Testing

/// "You said, we did": follow-ups of actions, and what a meeting carries into the next one,
/// through the built binary.
@Suite("Follow-up and carry-over, through the binary")
struct FollowUpCarryOverTests {
  let folder = Folder()

  /// Runs a verb on `file` at `2026-MM-DDTHH:MM:00Z` and expects it to succeed.
  @discardableResult
  func step(
    _ verb: String, _ file: String, _ words: [String], at time: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> String {
    CLI.ok(
      [verb, file] + words + ["--at", "2026-\(time):00Z"], in: folder.url, sourceLocation: sourceLocation)
  }

  /// Meeting 1: two decisions and three actions, one of them done, one in progress.
  func firstMeeting() {
    CLI.ok(
      [
        "new", "m1.rt", "--title", "Care leavers forum", "--date", "2026-11-21", "--at",
        "2026-11-21T10:00:00Z",
      ],
      in: folder.url)
    step("join", "m1.rt", ["Ben Okafor", "--tag", "professional"], at: "11-21T10:00")
    step("join", "m1.rt", ["Amira Haddad", "--tag", "lived-experience"], at: "11-21T10:00")
    CLI.ok(["agenda", "add", "m1.rt", "Housing offers", "--at", "2026-11-21T10:00:00Z"], in: folder.url)
    CLI.ok(["agenda", "next", "m1.rt", "--at", "2026-11-21T10:01:00Z"], in: folder.url)
    step(
      "decide", "m1.rt",
      [
        "Meet monthly", "--method", "consensus", "--outcome", "agreed", "--action",
        "Ben: book rooms (due 2026-12-01)",
      ],
      at: "11-21T10:10")
    step(
      "decide", "m1.rt", ["Bus passes for all", "--method", "vote", "--outcome", "deferred"],
      at: "11-21T10:20")
    step("action", "m1.rt", ["Housing team: write to landlords (due 2026-11-30)"], at: "11-21T10:30")
    step("action", "m1.rt", ["Amira: ask the youth panel (due 2026-12-20)"], at: "11-21T10:40")
    #expect(
      step("follow-up", "m1.rt", ["2", "--status", "done", "--note", "Letters sent"], at: "11-21T10:50")
        == "Follow-up on action 2 (Housing team: write to landlords): done — Letters sent\n")
    step(
      "follow-up", "m1.rt", ["1", "--status", "in-progress", "--note", "Two rooms held"], at: "11-21T10:55")
    step("close", "m1.rt", [], at: "11-21T11:00")
  }

  @Test func aSeriesOfTwoMeetingsCarriesWhatIsStillOpen() throws {
    firstMeeting()
    let before = try Data(contentsOf: folder.url.appendingPathComponent("m1.rt"))

    let created = CLI.ok(
      [
        "new", "m2.rt", "--title", "Care leavers forum", "--date", "2026-12-19", "--carry-from", "m1.rt",
        "--at", "2026-12-19T10:00:00Z",
      ], in: folder.url)
    #expect(
      created.hasSuffix(
        "Carried over from Care leavers forum, 21 November 2026: 2 actions and 2 decisions, under “You said, "
          + "we did” (c1 to c4 for `roundtable follow-up`).\n"))
    #expect(try Data(contentsOf: folder.url.appendingPathComponent("m1.rt")) == before)

    // The carried items come first on the agenda, and take follow-ups as c1, c2, …
    #expect(
      CLI.ok(["agenda", "list", "m2.rt", "--at", "2026-12-19T10:00:00Z"], in: folder.url).hasPrefix(
        "#    Item              Status   Time  Leads\n 1.  You said, we did  pending  0s"))
    #expect(
      step("follow-up", "m2.rt", ["c1", "--status", "done", "--note", "Booked to June"], at: "12-19T10:05")
        == "Follow-up on carried item c1 (Ben Okafor: book rooms): done — Booked to June\n")
    step("action", "m2.rt", ["Ben: send the room list (due 2026-12-24)"], at: "12-19T10:10")

    let refusal = CLI.run(["follow-up", "m2.rt", "c7", "--status", "done"], in: folder.url)
    #expect(refusal.status == 1)
    #expect(refusal.stderr == "roundtable: There is no carried item c7: the carried items are c1 to c4.\n")
    let unknown = CLI.run(["follow-up", "m2.rt", "3", "--status", "dropped"], in: folder.url)
    #expect(unknown.status == 1)
    #expect(
      unknown.stderr
        == "roundtable: There is no action item 3: this meeting's action items are numbered 1 to 1, as "
        + "`roundtable actions` shows them.\n")
    #expect(CLI.run(["follow-up", "m2.rt", "soon", "--status", "done"], in: folder.url).status == 64)

    #expect(
      CLI.ok(["actions", "m1.rt", "m2.rt", "--at", "2026-12-03T09:00:00Z"], in: folder.url) == """
        Care leavers forum, 21 November 2026 (m1.rt)
        #   Who           What                 Due         From        State
        1.  Ben Okafor    book rooms           2026-12-01  decision 1  in progress, overdue: Two rooms held
        2.  Housing team  write to landlords   2026-11-30              done: Letters sent
        3.  Amira Haddad  ask the youth panel  2026-12-20              open

        Care leavers forum, 19 December 2026 (m2.rt)
        #   Who  What                Due         From  State
        1.  Ben  send the room list  2026-12-24        open

        Carried from the previous meeting, Care leavers forum, 21 November 2026:
        #    Who           What                                     Due         State
        c1.  Ben Okafor    book rooms                               2026-12-01  done: Booked to June
        c2.  Amira Haddad  ask the youth panel                      2026-12-20  open
        c3.                decision: Meet monthly (agreed)                      
        c4.                decision: Bus passes for all (deferred)              

        """)
    // On the day after, the youth panel is overdue in both meetings.
    let late = CLI.ok(["actions", "m2.rt", "--at", "2026-12-21T09:00:00Z"], in: folder.url)
    #expect(
      late.contains("c2.  Amira Haddad  ask the youth panel                      2026-12-20  overdue\n"))

    let json = try #require(
      try JSONSerialization.jsonObject(
        with: Data(
          CLI.ok(["actions", "m2.rt", "--json", "--at", "2026-12-21T09:00:00Z"], in: folder.url).utf8))
        as? [[String: Any]])
    let meeting = try #require(json.first)
    #expect(meeting["meeting"] as? String == "Care leavers forum, 19 December 2026")
    let carried = try #require(meeting["carried"] as? [[String: Any]])
    #expect(carried.map { $0["reference"] as? String } == ["c1", "c2", "c3", "c4"])
    #expect(carried.map { $0["kind"] as? String } == ["action", "action", "decision", "decision"])
    #expect(carried.map { $0["overdue"] as? Bool } == [false, true, false, false])
    let followUp = try #require(carried[0]["followUp"] as? [String: Any])
    #expect(followUp["status"] as? String == "done")
    #expect(followUp["note"] as? String == "Booked to June")
    #expect(followUp["at"] as? String == "2026-12-19T10:05:00Z")
    #expect(carried[0]["fromMeeting"] as? String == "Care leavers forum, 21 November 2026")

    // The carry is in the log and survives export and import.
    let exported = CLI.ok(["export", "m2.rt", "--format", "jsonl"], in: folder.url)
    #expect(exported.contains(#""type":"meeting.carried-over""#))
    #expect(exported.contains(#""type":"action.followed-up""#))
    try Data(exported.utf8).write(to: folder.url.appendingPathComponent("m2.jsonl"))
    CLI.ok(["import", "copy.rt", "m2.jsonl"], in: folder.url)
    #expect(
      CLI.ok(["actions", "copy.rt", "--at", "2026-12-21T09:00:00Z"], in: folder.url)
        == CLI.ok(["actions", "m2.rt", "--at", "2026-12-21T09:00:00Z"], in: folder.url))
    #expect(try Data(contentsOf: folder.url.appendingPathComponent("m1.rt")) == before)

    // The minutes of each meeting report what became of its actions; the second meeting's say
    // what became of everything carried into it.
    let first = CLI.ok(["export", "m1.rt", "--format", "markdown"], in: folder.url)
    #expect(
      first.contains(
        "- Action for Ben Okafor: book rooms (by Tuesday 1 December 2026) — in progress: Two rooms held"))
    #expect(first.contains("## Other actions"))
    #expect(
      first.contains(
        "- Action for Housing team: write to landlords (by Monday 30 November 2026) — done: Letters sent"))
    let second = CLI.ok(
      ["export", "m2.rt", "--format", "markdown", "--at", "2026-12-19T11:00:00Z"], in: folder.url)
    let section = try #require(second.components(separatedBy: "## You said, we did\n").dropFirst().first)
    #expect(
      section.hasPrefix(
        "\nWhat became of what was decided and promised at Care leavers forum, 21 November 2026:\n"))
    #expect(
      section.contains("- Ben Okafor: book rooms (by Tuesday 1 December 2026) — done: Booked to June\n"))
    #expect(
      section.contains("- Amira Haddad: ask the youth panel (by Sunday 20 December 2026) — no news yet\n"))
    #expect(section.contains("- Decision: Meet monthly (agreed)\n"))
    #expect(section.contains("- Decision: Bus passes for all (deferred)\n"))
    let anonymised = CLI.ok(["export", "m2.rt", "--format", "html", "--anonymize"], in: folder.url)
    #expect(anonymised.contains("You said, we did"))
    for name in ["Ben", "Okafor", "Amira", "Haddad"] { #expect(!anonymised.contains(name), "\(name)") }
  }

  @Test func aWithdrawnActionIsNotFollowedUpAndNotCarried() throws {
    CLI.ok(
      ["new", "a.rt", "--title", "Drop-in review", "--date", "2026-11-02", "--at", "2026-11-02T10:00:00Z"],
      in: folder.url)
    step("action", "a.rt", ["Dev: send the minutes"], at: "11-02T10:10")
    step("undo", "a.rt", ["action"], at: "11-02T10:11")
    let refusal = CLI.run(["follow-up", "a.rt", "1", "--status", "done"], in: folder.url)
    #expect(refusal.status == 1)
    #expect(
      refusal.stderr
        == "roundtable: Action 1 (Dev: send the minutes) was withdrawn; there is nothing to follow up.\n")

    let created = CLI.ok(
      ["new", "b.rt", "--title", "Drop-in review", "--carry-from", "a.rt", "--at", "2026-12-02T10:00:00Z"],
      in: folder.url)
    #expect(created.hasSuffix("Nothing to carry from a.rt: no open actions and no decisions.\n"))
    #expect(CLI.ok(["agenda", "list", "b.rt"], in: folder.url).contains("You said") == false)
    let missing = CLI.run(["new", "c.rt", "--title", "X", "--carry-from", "nowhere.rt"], in: folder.url)
    #expect(missing.status == 2)
    #expect(!FileManager.default.fileExists(atPath: folder.path("c.rt")))
  }
}
