import Foundation
import MeetingModel
import MeetingStore
import Testing

/// Several CLI processes and a participant's screen (the built binary in tmux, keys `h` and
/// `l`) writing to one meeting at once for a bounded time: every acknowledged command is in the
/// log exactly once, and the file replays to the state its events describe.
@Suite("CLI writers and a screen at once", .enabled(if: Tmux.isAvailable), .serialized)
struct ScreenAndWritersTests {
  /// How long the writers run.
  static let seconds = 12
  static let writers = ["Ben", "Chen", "Dana"]

  /// A shell loop recording for `name` until the time is up: hand, lower, and a decision with
  /// a text of its own; each acknowledged command is written to `acks-NAME.txt`.
  static func writer(_ name: String, in folder: URL) -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [
      "-c",
      """
      end=$((SECONDS + \(seconds)))
      i=0
      while [ $SECONDS -lt $end ]; do
        i=$((i + 1))
        "$0" hand m.rt \(name) >/dev/null 2>>errors-\(name).txt && echo hand >> acks-\(name).txt
        "$0" decide m.rt "\(name) \(seconds) $i" --method consent --outcome agreed >/dev/null \\
          2>>errors-\(name).txt && echo "decide \(name) \(seconds) $i" >> acks-\(name).txt
        "$0" lower m.rt \(name) >/dev/null 2>>errors-\(name).txt && echo lower >> acks-\(name).txt
      done
      """,
      CLI.binary.path,
    ]
    process.currentDirectoryURL = folder
    return process
  }

  @Test func cliWritersAndAParticipantScreenLoseAndDuplicateNothing() throws {
    let folder = Folder()
    CLI.ok(["new", "m.rt", "--title", "Busy"], in: folder.url)
    for name in ["Amira"] + Self.writers { CLI.ok(["join", "m.rt", name], in: folder.url) }
    let binary = "\"\(CLI.binary.path)\""
    let amira = Tmux(width: 60, height: 16, command: "\(binary) watch m.rt --as amira", in: folder.url)
    defer { amira.end() }
    #expect(amira.waitFor("Your hand is down."))

    let processes = Self.writers.map { Self.writer($0, in: folder.url) }
    for process in processes { try process.run() }
    // The screen raises and lowers Amira's hand until the writers are done, each press
    // confirmed on the screen before the next.
    var raised = 0
    var lowered = 0
    var screenProblems: [String] = []
    let deadline = Date().addingTimeInterval(Double(Self.seconds))
    while Date() < deadline && screenProblems.isEmpty {
      amira.send("h")
      guard amira.waitFor("Raise your hand") else {
        screenProblems.append("no hand prompt: \(amira.screen().joined(separator: "\n"))")
        break
      }
      amira.send("Enter")
      guard amira.waitFor("Your place") else {
        screenProblems.append("hand not raised: \(amira.screen().joined(separator: "\n"))")
        break
      }
      raised += 1
      amira.send("l")
      guard amira.waitFor("Your hand is down.") else {
        screenProblems.append("hand not lowered: \(amira.screen().joined(separator: "\n"))")
        break
      }
      lowered += 1
    }
    for process in processes { process.waitUntilExit() }
    #expect(screenProblems == [])

    let store = try MeetingStore.open(at: folder.path("m.rt"), access: .readOnly)
    let events = try store.events()
    #expect(events.map(\.sequence) == Array(1...Int64(events.count)))
    #expect(Set(events.map(\.id)).count == events.count)
    let replayed = try store.replay()
    #expect(replayed == MeetingState(replaying: events))
    try store.close()

    var acknowledged = 0
    for (offset, name) in Self.writers.enumerated() {
      let person = ParticipantID(offset + 2)
      let acks = ((try? String(contentsOfFile: folder.path("acks-\(name).txt"), encoding: .utf8)) ?? "")
        .split(separator: "\n").map(String.init)
      let errors = (try? String(contentsOfFile: folder.path("errors-\(name).txt"), encoding: .utf8)) ?? ""
      #expect(errors == "", "\(name): \(errors)")
      acknowledged += acks.count
      let hands = events.filter { $0.event == .handRaised(HandRaised(participant: person, kind: .point)) }
      let lowers = events.filter {
        $0.event == .handLowered(HandLowered(participant: person, reason: .withdrawn))
      }
      #expect(hands.count == acks.filter { $0 == "hand" }.count, "\(name)")
      #expect(lowers.count == acks.filter { $0 == "lower" }.count, "\(name)")
      let decided = events.compactMap { event -> String? in
        guard case .decisionRecorded(let decision) = event.event else { return nil }
        return decision.text.hasPrefix(name + " ") ? "decide " + decision.text : nil
      }
      #expect(decided == acks.filter { $0.hasPrefix("decide ") }, "\(name): each decision once, in order")
    }
    let amiraID = ParticipantID(1)
    let screenEvents = events.filter { $0.metadata.terminal?.hasPrefix("participant@") == true }
    let screenRaised = screenEvents.filter {
      if case .handRaised(let hand) = $0.event { return hand.participant == amiraID }
      return false
    }
    let screenLowered = screenEvents.filter {
      if case .handLowered(let hand) = $0.event { return hand.participant == amiraID }
      return false
    }
    #expect(screenRaised.count == raised)
    #expect(screenLowered.count == lowered)
    #expect(screenEvents.count == raised + lowered)
    #expect(replayed.entries.isEmpty, "every hand ends down")
    print(
      "CLI writers and a screen: \(Self.writers.count) CLI writers and a participant screen for \(Self.seconds) s: "
        + "\(acknowledged) CLI commands and \(raised + lowered) screen presses acknowledged, \(events.count) events"
    )
    #expect(raised >= 3)
    #expect(acknowledged >= 30)
  }
}
