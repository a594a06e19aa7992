import Foundation
import MeetingModel
import MeetingStore
import Testing

@Suite("Several terminals on one meeting file")
struct ConcurrentWriterTests {
  /// Two processes each run 500 commands (250 raise/lower pairs for their own person) against
  /// the same file at once: every acknowledged command is in the log exactly once, in a clean
  /// sequence, and the file replays to the state the events describe.
  @Test func twoProcessesAppendingAtOnceLoseNothing() throws {
    let folder = Folder()
    CLI.ok(["new", "m.rt", "--title", "Busy"], in: folder.url)
    CLI.ok(["join", "m.rt", "Amira"], in: folder.url)
    CLI.ok(["join", "m.rt", "Ben"], in: folder.url)
    let pairs = 250
    func loop(_ name: String) -> Process {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/bash")
      process.arguments = [
        "-c",
        """
        ok=0
        for i in $(seq \(pairs)); do
          "$0" hand m.rt \(name) >/dev/null 2>>errors-\(name).txt && ok=$((ok+1))
          "$0" lower m.rt \(name) >/dev/null 2>>errors-\(name).txt && ok=$((ok+1))
        done
        echo $ok
        """,
        CLI.binary.path,
      ]
      process.currentDirectoryURL = folder.url
      process.standardOutput = Pipe()
      return process
    }
    let writers = [loop("Amira"), loop("Ben")]
    for writer in writers { try writer.run() }
    var acknowledged: [Int] = []
    for writer in writers {
      let output =
        (writer.standardOutput as? Pipe)?.fileHandleForReading.readAllRetryingInterrupts() ?? Data()
      writer.waitUntilExit()
      acknowledged.append(
        Int(String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1)
    }
    let errors = ["Amira", "Ben"].compactMap {
      try? String(contentsOfFile: folder.path("errors-\($0).txt"), encoding: .utf8)
    }
    #expect(acknowledged == [2 * pairs, 2 * pairs], "refused or failed: \(errors.joined())")

    let store = try MeetingStore.open(at: folder.path("m.rt"), access: .readOnly)
    let events = try store.events()
    #expect(events.map(\.sequence) == Array(1...Int64(events.count)))
    #expect(Set(events.map(\.id)).count == events.count)
    for person in [ParticipantID(1), ParticipantID(2)] {
      let raised = events.filter { $0.event == .handRaised(HandRaised(participant: person, kind: .point)) }
      let lowered = events.filter {
        $0.event == .handLowered(HandLowered(participant: person, reason: .withdrawn))
      }
      #expect(raised.count == pairs)
      #expect(lowered.count == pairs)
    }
    #expect(events.count == 3 + 4 * pairs)
    let replayed = try store.replay()
    #expect(replayed == MeetingState(replaying: events))
    #expect(replayed.entries.isEmpty)
  }

  /// `log --follow` in one terminal shows what another terminal records, as it happens.
  @Test func aFollowingLogShowsAnotherTerminalsEvents() throws {
    let folder = Folder()
    CLI.ok(["new", "m.rt", "--title", "Live", "--at", "2026-11-21T10:00:00Z"], in: folder.url)
    CLI.ok(["join", "m.rt", "Zoë", "--at", "2026-11-21T10:00:00Z"], in: folder.url)
    let follower = Process()
    follower.executableURL = CLI.binary
    follower.arguments = ["log", "m.rt", "--follow"]
    follower.currentDirectoryURL = folder.url
    _ = FileManager.default.createFile(atPath: folder.path("follow.txt"), contents: nil)
    let output = try FileHandle(forWritingTo: folder.url.appendingPathComponent("follow.txt"))
    follower.standardOutput = output
    try follower.run()
    defer { if follower.isRunning { follower.terminate() } }
    CLI.ok(["hand", "m.rt", "zoe", "--at", "2026-11-21T10:00:05Z"], in: folder.url)
    var seen = ""
    let deadline = Date().addingTimeInterval(20)
    while !seen.contains("Zoë raised a hand"), Date() < deadline {
      Thread.sleep(forTimeInterval: 0.05)
      seen = (try? String(contentsOfFile: folder.path("follow.txt"), encoding: .utf8)) ?? ""
    }
    follower.terminate()
    follower.waitUntilExit()
    #expect(
      seen.split(separator: "\n").map(String.init) == [
        "1  2026-11-21T10:00:00Z  Meeting created: “Live” (balanced queue)  [cli]",
        "2  2026-11-21T10:00:00Z  Zoë joined  [cli]",
        "3  2026-11-21T10:00:05Z  Zoë raised a hand (new point)  [cli]",
      ])
  }
}
