import Foundation
import Testing

/// One meeting file, three terminals, the built binary in tmux: the facilitator's screen, the
/// note-taker's and a participant's (`watch --as`). What one does shows on the others; the
/// participant cannot chair; presence lists all three and drops the one that quits.
@Suite("Three roles on one meeting", .enabled(if: Tmux.isAvailable), .serialized)
struct ThreeRolesOnScreenTests {
  @Test func facilitatorNotesAndParticipantShareOneMeeting() throws {
    let folder = Folder()
    CLI.ok(["new", "m.rt", "--title", "Housing forum"], in: folder.url)
    CLI.ok(["join", "m.rt", "Amira Haddad", "--tag", "lived-experience"], in: folder.url)
    CLI.ok(["join", "m.rt", "Tom Hughes", "--tag", "professional"], in: folder.url)
    CLI.ok(["join", "m.rt", "Rachel Green", "--role", "facilitator"], in: folder.url)
    CLI.ok(["agenda", "add", "m.rt", "First home offers", "--minutes", "20"], in: folder.url)
    CLI.ok(["agenda", "start", "m.rt", "first"], in: folder.url)
    let binary = "\"\(CLI.binary.path)\""
    let facilitator = Tmux(width: 120, height: 40, command: "\(binary) run m.rt", in: folder.url)
    defer { facilitator.end() }
    #expect(facilitator.waitFor("▶ 1. First home offers"))
    let notes = Tmux(width: 100, height: 30, command: "\(binary) run m.rt --role notes", in: folder.url)
    defer { notes.end() }
    #expect(notes.waitFor("Note-taking."))
    let amira = Tmux(width: 40, height: 12, command: "\(binary) watch m.rt --as amira", in: folder.url)
    defer { amira.end() }
    #expect(amira.waitFor("Your hand is down."))

    // Presence: the facilitator's header lists all three.
    #expect(
      facilitator.waitFor("facilitator, notes, Amira Haddad connected"),
      "\(facilitator.screen().prefix(2).joined(separator: "\n"))")

    // A hand raised on the participant's terminal and a decision recorded on the notes
    // terminal at the same moment: both land, and both show on the facilitator's screen.
    amira.send("h")
    #expect(amira.waitFor("Raise your hand"))
    notes.send("d")
    #expect(notes.waitFor("Record a decision"))
    notes.send("-l", "Offers are sent a month earlier")
    #expect(notes.waitFor("Offers are sent a month earlier"))
    amira.send("Enter")  // a new point: nobody is speaking, so there is nothing to respond to
    notes.send("Enter")
    #expect(amira.waitFor("Your place: 1st"))
    #expect(notes.waitFor("#1 consent · agreed"))
    #expect(facilitator.waitFor("1. Amira Haddad"), "\(facilitator.screen().joined(separator: "\n"))")
    #expect(
      facilitator.waitFor("Offers are sent a month earlier"),
      "\(facilitator.screen().joined(separator: "\n"))")

    // The participant cannot chair: the facilitator's keys do nothing there.
    amira.send("g", "n", "e", "]", "a", "m", "u", ":", "p", "Escape", "Escape")
    amira.send("-l", "floor tom")
    amira.send("Enter", "Escape")
    Thread.sleep(forTimeInterval: 0.5)

    // The log says which role and terminal recorded each event.
    let log = CLI.ok(["log", "m.rt"], in: folder.url).split(separator: "\n").map(String.init)
    let decision = try #require(log.first { $0.contains("Decision #1") })
    #expect(decision.contains("[notes@"))
    let hand = try #require(log.first { $0.contains("Amira Haddad raised a hand") })
    #expect(hand.contains("[participant@") && hand.hasSuffix(", Amira Haddad]"))
    // Keys typed there ("floor tom" has an l) may lower her own hand; nothing else is recorded.
    let fromParticipant = log.filter { $0.contains("[participant@") }
    for line in fromParticipant {
      #expect(line.contains("Amira Haddad raised a hand") || line.contains("Amira Haddad lowered"), "\(line)")
    }
    #expect(!log.contains { $0.contains("has the floor") })

    // Amira quits: presence drops her.
    amira.send("q")
    #expect(
      facilitator.waitFor("facilitator, notes connected"),
      "\(facilitator.screen().prefix(2).joined(separator: "\n"))")
  }
}
