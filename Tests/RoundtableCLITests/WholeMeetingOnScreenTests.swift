import Foundation
import Testing

/// A new user chairs a whole meeting from the facilitator screen alone, in tmux, with the
/// built binary: people and agenda from the `:` line, a go-round with a pass, a written
/// contribution, a hand given the floor with the keys, the parking lot, a decision with votes
/// and an action, closing. Each step is checked on the screen and then in the log.
@Suite("A whole meeting chaired from the screen", .enabled(if: Tmux.isAvailable), .serialized)
struct WholeMeetingOnScreenTests {
  @Test func aNewUserChairsAWholeMeetingFromTheScreen() throws {
    let folder = Folder()
    CLI.ok(["new", "m.rt", "--title", "Housing forum"], in: folder.url)
    let tmux = Tmux(width: 120, height: 40, command: "\"\(CLI.binary.path)\" run m.rt", in: folder.url)
    #expect(tmux.waitFor("New meeting: add people with  :join NAME"))

    func line(_ text: String, expecting: String) {
      tmux.send(":")
      tmux.send("-l", text)
      tmux.send("Enter")
      #expect(tmux.waitFor(expecting), "after :\(text)\n\(tmux.screen().joined(separator: "\n"))")
    }
    line("join \"Siobhán Byrne\" --tag lived-experience", expecting: "Siobhán Byrne joined")
    line("join \"Ben Okafor\" --tag professional", expecting: "Ben Okafor joined")
    line("join \"Zoë Mensah\" --tag lived-experience", expecting: "Zoë Mensah joined")
    line("agenda add \"First home offers\" --minutes 20", expecting: "· 1. First home offers")
    tmux.send("]")
    #expect(tmux.waitFor("▶ 1. First home offers"))
    // A mistyped verb says so without echoing the file.
    line("wtach", expecting: "unknown command 'wtach' — :help lists them")

    // A go-round: n gives each person the floor in order, p lets the next one pass.
    line("round start --topic \"One word for today\"", expecting: "Go-round: Siobhán Byrne is next (n).")
    tmux.send("n")
    #expect(tmux.waitFor("│ Siobhán Byrne"))
    tmux.send("p")
    #expect(tmux.waitFor("Ben Okafor passed"))
    tmux.send("n")
    #expect(tmux.waitFor("│ Zoë Mensah"))
    line("round end", expecting: "Go-round ended")

    // A written contribution counts as voice.
    line(
      "contribute ben --written \"Offers come too late to plan a move\"",
      expecting: "Written contribution from Ben Okafor")

    // A hand raised with h, chosen with ↓ and given the floor with g; e ends the turn.
    tmux.send("h", "b", "e", "n", "Enter")
    #expect(tmux.waitFor("Ben Okafor raised a hand"))
    tmux.send("g")
    #expect(tmux.waitFor("Choose a hand first: ↑/↓ in Up next."))
    tmux.send("Down")
    #expect(tmux.waitFor(">1. Ben Okafor"))
    tmux.send("g")
    #expect(tmux.waitFor("Ben Okafor has the floor"))
    tmux.send("e")
    #expect(tmux.waitFor("Nobody has the floor."))

    // The parking lot.
    line("park \"Bus passes for college\"", expecting: "Parking lot: 1")

    // A decision with votes and an action, shown whole in the Decisions panel.
    line(
      "decide \"Offers come with a cooker and a bed\" --method vote --outcome agreed --votes 3,0,0 "
        + "--rung co-production --action \"Ben: cost the grant (due 2026-12-05)\"",
      expecting: "votes: 3 for, 0 against,")
    #expect(tmux.screen().contains { $0.contains("action: Ben Okafor — cost") })

    // u takes back this screen's last actions, latest first, and says what.
    tmux.send("u")
    #expect(tmux.waitFor("Undid the action for Ben Okafor: cost the grant."))
    tmux.send("u")
    #expect(tmux.waitFor("Undid decision #1 “Offers come with a cooker and a bed”."))
    line(
      "decide \"Offers come with a cooker and a bed\" --method vote --outcome agreed --votes 3,0,0",
      expecting: "Decision #2 (vote, agreed)")

    line("close", expecting: "· closed")
    tmux.send("q")
    Thread.sleep(forTimeInterval: 0.5)

    let log = CLI.ok(["log", "m.rt"], in: folder.url)
    for expected in [
      "Go-round", "Ben Okafor passed", "Written contribution from Ben Okafor", "Bus passes for college",
      "Meeting closed",
    ] {
      #expect(log.contains(expected), "\(expected) is not in the log:\n\(log)")
    }
    #expect(log.contains("[facilitator@"))
    let stats = CLI.ok(["stats", "m.rt"], in: folder.url)
    #expect(stats.contains("Ben Okafor"))
  }
}
