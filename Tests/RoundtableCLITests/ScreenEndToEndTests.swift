import Foundation
import Glibc
import Testing

/// The real binary on the facilitator screen, in tmux: what a facilitator sees and does.
@Suite("The facilitator screen, end to end in tmux", .enabled(if: Tmux.isAvailable), .serialized)
struct ScreenEndToEndTests {
  /// A meeting with four people, an agenda item under way and two hands up.
  static func meeting(in folder: Folder) {
    let url = folder.url
    CLI.ok(["new", "m.rt", "--title", "Housing forum"], in: url)
    CLI.ok(["join", "m.rt", "Siobhán Byrne", "--tag", "lived-experience"], in: url)
    CLI.ok(["join", "m.rt", "Ben Okafor", "--tag", "professional"], in: url)
    CLI.ok(["join", "m.rt", "会議 Tanaka", "--tag", "professional"], in: url)
    CLI.ok(["join", "m.rt", "Zoë Mensah", "--tag", "lived-experience"], in: url)
    CLI.ok(["agenda", "add", "m.rt", "First home offers", "--minutes", "20"], in: url)
    CLI.ok(["agenda", "next", "m.rt"], in: url)
    // Ben has had a turn, so the professionals have all the airtime so far.
    CLI.ok(["hand", "m.rt", "ben"], in: url)
    CLI.ok(["next", "m.rt"], in: url)
    CLI.ok(["done", "m.rt"], in: url)
    CLI.ok(["hand", "m.rt", "ben"], in: url)
    CLI.ok(["hand", "m.rt", "siobhan"], in: url)
  }

  /// The binary inside a shell that records the terminal settings before and after, and how
  /// it exited.
  static func wrapped(_ arguments: String) -> String {
    "bash -c 'stty -g > before.txt; \"\(CLI.binary.path)\" \(arguments) 2> stderr.txt; echo $? > status.txt; "
      + "stty -g > after.txt; sleep 60'"
  }

  /// The terminal settings recorded before and after the binary ran, for comparison.
  static func settings(in folder: Folder) -> (before: String, after: String) {
    (
      (try? String(contentsOfFile: folder.path("before.txt"), encoding: .utf8)) ?? "missing",
      (try? String(contentsOfFile: folder.path("after.txt"), encoding: .utf8)) ?? "missing"
    )
  }

  @Test func chairingAMeetingWithTheKeyboard() throws {
    let folder = Folder()
    Self.meeting(in: folder)
    let tmux = Tmux(width: 120, height: 40, command: Self.wrapped("run m.rt"), in: folder.url)
    #expect(tmux.waitFor("Roundtable · Housing forum"))
    #expect(tmux.waitFor("Nobody has the floor."))
    // Siobhán has not spoken and lived experience has none of the airtime: she goes first.
    let queue = tmux.screen().joined(separator: "\n")
    #expect(queue.contains(" 1. Siobhán Byrne  new point"))
    #expect(queue.contains(" 2. Ben Okafor     new point"))
    // A new screen has chosen nobody: l says how to choose, and records nothing.
    tmux.send("l")
    #expect(tmux.waitFor("Choose a hand first: ↑/↓ in Up next."))

    tmux.send("n")
    #expect(tmux.waitFor("Siobhán Byrne has the floor (new point)"))
    #expect(tmux.screen()[3].contains("│ Siobhán Byrne"))

    // Another terminal raises a hand: it shows within half a second (here: within 2 s).
    CLI.ok(["hand", "m.rt", "tanaka", "--kind", "clarify"], in: folder.url)
    #expect(tmux.waitFor("clarifying question", seconds: 2))
    #expect(tmux.screen().contains { $0.contains(" 1. 会議 Tanaka") && $0.contains("clarifying question") })

    // Raise a hand for someone by typing part of the name.
    tmux.send("h", "z", "o", "Enter")
    #expect(tmux.waitFor("Zoë Mensah raised a hand (new point)"))

    // The help lists every key; Esc closes it.
    tmux.send("?")
    #expect(tmux.waitFor("give the floor to the chosen person"))
    tmux.send("Escape")
    #expect(tmux.waitFor("Up next (3)"))

    // The : line takes the command-line verbs.
    tmux.send(":", "signal jargon", "Enter")
    #expect(tmux.waitFor("! Someone asks for plain language, please"))
    tmux.send("a")
    #expect(tmux.waitFor("Signal #1 acknowledged"))

    // Resizing at any moment works; too small asks to enlarge.
    tmux.resize(width: 70, height: 20)
    #expect(tmux.waitFor("Enlarge the window to at least 80×24"))
    // Nothing is recorded from a screen the facilitator cannot see: e, n, h and u do nothing.
    let before = CLI.ok(["log", "m.rt"], in: folder.url)
    tmux.send("e", "n", "u", "h", "Escape", "]")
    tmux.send("?")
    #expect(tmux.waitFor("give the floor to the chosen person"))
    tmux.send("?")
    #expect(tmux.waitFor("Other keys wait until the window is larger."))
    #expect(CLI.ok(["log", "m.rt"], in: folder.url) == before)
    tmux.resize(width: 80, height: 24)
    #expect(tmux.waitFor("Up next (3)"))
    #expect(tmux.screen().allSatisfy { $0.count <= 80 })
    #expect(tmux.screen()[1].contains("! Someone") == false)

    tmux.send("q")
    #expect(waitForFile(folder.path("after.txt")))
    #expect(try String(contentsOfFile: folder.path("status.txt"), encoding: .utf8) == "0\n")
    let folderSettings = Self.settings(in: folder)
    #expect(
      folderSettings.before == folderSettings.after,
      "stderr: \((try? String(contentsOfFile: folder.path("stderr.txt"), encoding: .utf8)) ?? "")")
    // The turn given on screen is in the file, for every other terminal.
    let log = CLI.ok(["log", "m.rt"], in: folder.url)
    #expect(log.contains("Siobhán Byrne has the floor (new point)  [facilitator@"))
  }

  @Test func ctrlCAndSigtermRestoreTheTerminal() throws {
    let folder = Folder()
    Self.meeting(in: folder)
    let tmux = Tmux(width: 100, height: 30, command: Self.wrapped("run m.rt"), in: folder.url)
    #expect(tmux.waitFor("Nobody has the floor."))
    tmux.send("C-c")
    #expect(waitForFile(folder.path("after.txt")))
    let folderSettings = Self.settings(in: folder)
    #expect(
      folderSettings.before == folderSettings.after,
      "stderr: \((try? String(contentsOfFile: folder.path("stderr.txt"), encoding: .utf8)) ?? "")")

    let again = Folder()
    Self.meeting(in: again)
    let second = Tmux(width: 100, height: 30, command: Self.wrapped("run m.rt"), in: again.url)
    #expect(second.waitFor("Nobody has the floor."))
    // SIGTERM to exactly this screen: the child of the pane's shell.
    let shell = second.run(["display-message", "-p", "-t", second.session, "#{pane_pid}"])
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
    let screen = try #require(children.split(separator: " ").first.flatMap { Int32($0) })
    #expect(Glibc.kill(screen, SIGTERM) == 0)
    #expect(waitForFile(again.path("after.txt")))
    let againSettings = Self.settings(in: again)
    #expect(
      againSettings.before == againSettings.after,
      "stderr: \((try? String(contentsOfFile: again.path("stderr.txt"), encoding: .utf8)) ?? "")")
  }

  @Test func noColorMeansNoColourButTheSameInformation() throws {
    let folder = Folder()
    Self.meeting(in: folder)
    let colour = Tmux(width: 100, height: 30, command: Self.wrapped("run m.rt"), in: folder.url)
    defer { colour.end() }
    #expect(colour.waitFor("Nobody has the floor."))
    let coloured = colour.screenWithAttributes()
    let plain = Tmux(
      width: 100, height: 30, command: Self.wrapped("run m.rt"), in: folder.url,
      environment: ["NO_COLOR": "1"])
    defer { plain.end() }
    #expect(plain.waitFor("Nobody has the floor."))
    let monochrome = plain.screenWithAttributes()
    let colourCodes = [
      "[31m", "[32m", "[33m", "[34m", "[35m", "[36m", "38;5;", ";31m", ";32m", ";33m", ";36m",
    ]
    #expect(colourCodes.contains { coloured.contains($0) }, "no colour in: \(coloured.prefix(600))")
    #expect(!colourCodes.contains { monochrome.contains($0) })
    // The same words and markers either way (once each lists both screens as connected).
    #expect(colour.waitFor("2× facilitator connected") && plain.waitFor("2× facilitator connected"))
    // Both show live clocks: a second may tick between the two captures, so look again.
    var pair = (colour.screen(), plain.screen())
    for _ in 0..<5 where pair.0 != pair.1 {
      Thread.sleep(forTimeInterval: 0.2)
      pair = (colour.screen(), plain.screen())
    }
    #expect(pair.0 == pair.1)
  }

  @Test func theWrapUpCueShowsUnlessTurnedOff() throws {
    let folder = Folder()
    let url = folder.url
    let minutesAgo = { (minutes: Double) in
      ISO8601DateFormatter().string(from: Date().addingTimeInterval(-minutes * 60))
    }
    CLI.ok(["new", "m.rt", "--title", "Housing forum", "--at", minutesAgo(10)], in: url)
    CLI.ok(["join", "m.rt", "Ben Okafor", "--tag", "professional", "--at", minutesAgo(10)], in: url)
    CLI.ok(["join", "m.rt", "Dev Patel", "--tag", "professional", "--at", minutesAgo(10)], in: url)
    CLI.ok(["join", "m.rt", "Amira Said", "--tag", "lived-experience", "--at", minutesAgo(10)], in: url)
    // Ben has spoken for two minutes; Dev has had the floor for five while Amira waits.
    CLI.ok(["hand", "m.rt", "ben", "--at", minutesAgo(9)], in: url)
    CLI.ok(["next", "m.rt", "--at", minutesAgo(9)], in: url)
    CLI.ok(["hand", "m.rt", "dev", "--at", minutesAgo(7)], in: url)
    CLI.ok(["next", "m.rt", "--at", minutesAgo(5)], in: url)
    CLI.ok(["hand", "m.rt", "amira", "--at", minutesAgo(5)], in: url)
    let cued = Tmux(width: 80, height: 24, command: Self.wrapped("run m.rt"), in: url)
    #expect(cued.waitFor("» Facilitator: Amira Said next"))
    cued.send("q")
    #expect(waitForFile(folder.path("after.txt")))

    // The same meeting, opened with the cue off (in a folder of its own for the shell's files).
    let off = Folder()
    try FileManager.default.copyItem(atPath: folder.path("m.rt"), toPath: off.path("m.rt"))
    let plain = Tmux(width: 80, height: 24, command: Self.wrapped("run m.rt --wrap-up 0"), in: off.url)
    #expect(plain.waitFor("│ Dev Patel"))
    #expect(plain.waitFor("Amira Said"))
    #expect(!plain.screen().joined(separator: "\n").contains("» Facilitator"))
    plain.send("q")
    #expect(waitForFile(off.path("after.txt")))
    #expect(try String(contentsOfFile: off.path("status.txt"), encoding: .utf8) == "0\n")
  }

  @Test func theDemoOpensAMeetingToChair() throws {
    let folder = Folder()
    let tmux = Tmux(width: 120, height: 40, command: Self.wrapped("demo"), in: folder.url)
    #expect(tmux.waitFor("Roundtable · Care leavers' housing forum"))
    #expect(tmux.waitFor("Tom Hughes"))
    tmux.send("n")
    #expect(tmux.waitFor("has the floor (direct response)"))
    tmux.send("q")
    #expect(waitForFile(folder.path("after.txt")))
    #expect(try String(contentsOfFile: folder.path("status.txt"), encoding: .utf8) == "0\n")
  }
}
