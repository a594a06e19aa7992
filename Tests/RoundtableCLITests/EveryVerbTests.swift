import Foundation
import Testing

/// A whole meeting run through the built binary with every verb that records something, each
/// checked in what `log`, `stats`, `agenda list` and `actions` show afterwards.
@Suite("Every verb, through the binary")
struct EveryVerbTests {
  let folder = Folder()
  let file = "forum.roundtable"

  /// Runs one verb on the meeting file at 10:MM:SS and expects it to succeed.
  @discardableResult
  func step(
    _ words: [String], at time: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
  ) -> String {
    var arguments = Array(words.prefix(words.first == "agenda" || words.first == "round" ? 2 : 1)) + [file]
    arguments += words.dropFirst(arguments.count - 1)
    if let time { arguments += ["--at", "2026-11-21T10:\(time)Z"] }
    return CLI.ok(arguments, in: folder.url, sourceLocation: sourceLocation)
  }

  /// The log's event descriptions, without sequence numbers, times and terminals.
  func logDescriptions() -> [String] {
    CLI.ok(["log", file], in: folder.url).split(separator: "\n").map {
      String($0.components(separatedBy: "  ").dropFirst(2).first ?? "")
    }
  }

  /// Expects a refusal: exit 1, the model's message, and no change to the file.
  func refused(
    _ arguments: [String], message: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let before = CLI.ok(["log", file, "--json"], in: folder.url)
    let run = CLI.run(arguments, in: folder.url)
    #expect(run.status == 1, sourceLocation: sourceLocation)
    #expect(run.stderr == "roundtable: \(message)\n", sourceLocation: sourceLocation)
    #expect(CLI.ok(["log", file, "--json"], in: folder.url) == before, sourceLocation: sourceLocation)
  }

  @Test func aWholeMeetingUsesEveryVerb() throws {
    CLI.ok(["new", file, "--title", "Forum", "--at", "2026-11-21T10:00:00Z"], in: folder.url)
    step(["join", "Siobhán Byrne", "--tag", "lived-experience"], at: "00:00")
    step(["join", "Ben Okafor", "--tag", "professional"], at: "00:00")
    step(["join", "Zoë Mensah", "--tag", "lived-experience"], at: "00:00")
    step(["join", "Rachel Lee", "--role", "note-taker"], at: "00:00")
    step(["update", "zoe", "--time-adjust", "1.5"], at: "00:10")
    #expect(step(["policy"]) == "Policy: balanced, interrupts first, guard after 3 turns\n")
    step(["policy", "--starvation-limit", "2"], at: "00:20")
    step(["agenda", "add", "Housing offers", "--minutes", "20", "--lead", "ben"], at: "01:00")
    step(["agenda", "add", "Bus passes", "--position", "1"], at: "01:00")
    step(["agenda", "move", "bus", "--to", "2"], at: "01:10")
    step(["open"], at: "02:00")
    step(["agenda", "next"], at: "02:00")
    step(["park", "Council tax"], at: "02:10")
    step(["unpark", "council"], at: "02:20")
    step(["hand", "ben"], at: "02:30")
    step(["next"], at: "02:40")
    step(["hand", "sio"], at: "03:00")
    step(["lower", "sio"], at: "03:10")
    step(["hand", "sio"], at: "03:20")
    step(["hand", "zoe", "--kind", "clarify"], at: "03:30")
    step(["move", "sio", "--to", "1", "--reason", "leads the next part"], at: "03:40")
    step(["next"], at: "04:40")
    step(["done"], at: "06:40")
    step(["floor", "zoe"], at: "07:00")
    #expect(
      step(["round", "start", "--order", "zoe,sio,ben", "--topic", "One word"], at: "08:00").hasSuffix(
        "Next in the round: Zoë Mensah (1 of 3).\n"))
    step(["round", "next"], at: "08:10")
    step(["round", "pass"], at: "08:40")
    step(["round", "next"], at: "08:50")
    step(["round", "end"], at: "09:20")
    refused(
      ["round", "end", file, "--at", "2026-11-21T10:09:25Z"], message: "There is no go-round in progress.")
    step(["contribute", "zoe", "--written", "Offers come too late"], at: "09:30")
    step(
      ["contribute", "sio", "--supported-by", "rachel", "--text", "I want a say", "--credit", "30"],
      at: "09:40")
    step(["signal", "jargon", "--from", "zoe"], at: "09:50")
    step(["ack"], at: "10:00")
    step(
      [
        "decide", "A cooker in every first home", "--method", "vote", "--outcome", "agreed", "--votes",
        "3,0,0",
        "--stance", "sio=agree", "--action", "Ben: cost it (due 2026-12-05)",
      ], at: "11:00")
    step(["stance", "1", "ben", "concern", "--reason", "no budget yet"], at: "11:10")
    step(["amend", "1", "--rung", "co-production"], at: "11:20")
    step(["action", "Leaving care team: write to landlords", "--decision", "1"], at: "11:30")
    step(["follow-up", "1", "--status", "in-progress", "--note", "quote asked"], at: "11:40")
    step(["decide", "Bus passes for all", "--method", "consensus", "--outcome", "deferred"], at: "12:00")
    step(["withdraw", "2", "--reason", "recorded twice"], at: "12:10")
    refused(
      ["stance", file, "2", "ben", "agree", "--at", "2026-11-21T10:12:15Z"],
      message: "Decision #2 was withdrawn; record a new one instead.")
    step(["agenda", "start", "bus"], at: "13:00")
    step(["agenda", "defer"], at: "13:10")
    step(["agenda", "start", "council"], at: "13:20")
    step(["agenda", "close"], at: "14:00")
    step(["hand", "ben"], at: "14:10")
    #expect(
      step(["undo"], at: "14:20").hasSuffix("Undid Ben Okafor's raised hand, recorded by the command line.\n")
    )
    step(["close"], at: "15:00")
    refused(
      ["hand", file, "ben", "--at", "2026-11-21T10:15:10Z"],
      message: "The meeting is closed; reopen it first.")

    #expect(
      logDescriptions() == [
        "Meeting created: “Forum” (balanced queue)",
        "Siobhán Byrne joined (lived-experience)",
        "Ben Okafor joined (professional)",
        "Zoë Mensah joined (lived-experience)",
        "Rachel Lee joined as note-taker",
        "Zoë Mensah updated (speaking time: 1.5×)",
        "Queue policy changed to balanced, interrupts first, guard after 2 turns",
        "Agenda item added: “Housing offers”, 20 min, led by Ben Okafor",
        "Agenda item added: “Bus passes”",
        "Agenda item “Bus passes” moved to place 2",
        "Meeting opened",
        "Agenda item opened: “Housing offers”",
        "Parked: “Council tax”",
        "Taken from the parking lot onto the agenda: “Council tax”",
        "Ben Okafor raised a hand (new point)",
        "Ben Okafor has the floor (new point)",
        "Siobhán Byrne raised a hand (new point)",
        "Siobhán Byrne lowered their hand",
        "Siobhán Byrne raised a hand (new point)",
        "Zoë Mensah raised a hand (clarifying question)",
        "Siobhán Byrne moved to 1st place by the facilitator: leads the next part",
        "Ben Okafor's turn ended",
        "Siobhán Byrne has the floor (new point)",
        "Siobhán Byrne's turn ended",
        "Zoë Mensah has the floor (clarifying question)",
        "Zoë Mensah's turn ended",
        "Go-round started: One word (Zoë Mensah, Siobhán Byrne then Ben Okafor)",
        "Zoë Mensah has the floor in the go-round",
        "Zoë Mensah's turn ended",
        "Siobhán Byrne passed",
        "Ben Okafor has the floor in the go-round",
        "Ben Okafor's turn ended",
        "Go-round ended",
        "Written contribution from Zoë Mensah: “Offers come too late”",
        "Supported contribution from Siobhán Byrne with Rachel Lee: “I want a say”",
        "Signal: jargon: plain language please from Zoë Mensah",
        "Signal #1 acknowledged",
        "Decision #1 (vote, agreed): A cooker in every first home",
        "Action for Ben Okafor: cost it (by 2026-12-05)",
        "Ben Okafor: concern on decision #1 (no budget yet)",
        "Decision #1 amended",
        "Action for Leaving care team: write to landlords",
        "Follow-up on action 1 (Ben Okafor: cost it): in progress — quote asked",
        "Decision #2 (consensus, deferred): Bus passes for all",
        "Decision #2 withdrawn: recorded twice",
        "Agenda item opened: “Bus passes”",
        "Agenda item deferred: “Bus passes”",
        "Agenda item opened: “Council tax”",
        "Agenda item closed: “Council tax”",
        "Ben Okafor raised a hand (new point)",
        "Undo: the last raised hand",
        "Ben Okafor's raised hand was undone",
        "Meeting closed",
      ])

    // Written and supported contributions count as voice: Zoë's 60 s and Siobhán's 30 s of
    // credit come on top of their turns (Zoë 60 s + 30 s in the round; Siobhán 120 s).
    let stats = try #require(
      try JSONSerialization.jsonObject(
        with: Data(CLI.ok(["stats", file, "--json", "--at", "2026-11-21T10:15:00Z"], in: folder.url).utf8))
        as? [String: Any])
    let people = try #require(stats["people"] as? [[String: Any]])
    func figures(_ name: String) -> [Double] {
      guard let person = people.first(where: { $0["name"] as? String == name }) else { return [] }
      return ["spokenSeconds", "creditedSeconds", "airtimeSeconds", "turns", "contributions"].map {
        (person[$0] as? NSNumber)?.doubleValue ?? -1
      }
    }
    #expect(figures("Siobhán Byrne") == [120, 30, 150, 1, 1])
    #expect(figures("Zoë Mensah") == [90, 60, 150, 2, 1])
    #expect(figures("Ben Okafor") == [150, 0, 150, 2, 0])

    #expect(
      CLI.ok(["agenda", "list", file, "--at", "2026-11-21T10:15:00Z"], in: folder.url) == """
        #    Item            Status    Time               Leads
         1.  Housing offers  pending   11m 00s of 20 min  Ben Okafor
         2.  Bus passes      deferred  10s                
         3.  Council tax     done      40s                

        """)
    #expect(
      CLI.ok(["actions", file, "--at", "2026-12-06T09:00:00Z"], in: folder.url) == """
        #   Who                What                Due         From        State
        1.  Ben Okafor         cost it             2026-12-05  decision 1  in progress, overdue: quote asked
        2.  Leaving care team  write to landlords              decision 1  open

        """)
  }

  @Test func theParkingLotIsNumberedAndItemsAreFoundByNumberOrTitle() {
    CLI.ok(["new", file, "--title", "Forum", "--at", "2026-11-21T10:00:00Z"], in: folder.url)
    step(["agenda", "add", "Housing offers"], at: "00:00")
    step(["agenda", "add", "Bus passes"], at: "00:00")
    step(["park", "Council tax"], at: "00:00")
    step(["park", "Care passports"], at: "00:00")
    #expect(
      CLI.ok(["agenda", "list", file, "--at", "2026-11-21T10:00:00Z"], in: folder.url).hasSuffix(
        "Parking lot: 1. Council tax; 2. Care passports\n"))
    refused(
      ["unpark", file, "c", "--at", "2026-11-21T10:00:10Z"],
      message: "“c” could be “Council tax” or “Care passports”: give more of the title, or its number.")
    refused(
      ["unpark", file, "3", "--at", "2026-11-21T10:00:10Z"],
      message: "There is no item 3 in the parking lot; it has 2 (1 to 2).")
    refused(
      ["agenda", "start", file, "tax", "--at", "2026-11-21T10:00:10Z"],
      message: "No item on the agenda is called “tax”.")
    step(["unpark", "2", "--position", "1"], at: "00:10")
    step(["agenda", "start", "#1"], at: "00:20")
    #expect(
      logDescriptions().suffix(3) == [
        "Taken from the parking lot onto the agenda: “Care passports”", "Meeting opened",
        "Agenda item opened: “Care passports”",
      ])
  }
}
