import Foundation
import MeetingModel
import MeetingStore
import Testing

@Suite("roundtable simulate: synthetic meeting files")
struct SimulateCommandTests {
  @Test func theSameSeedGivesTheSameMeeting() throws {
    let folder = Folder()
    let out = CLI.ok(
      ["simulate", "a.rt", "--participants", "8", "--events", "1500", "--seed", "5"], in: folder.url)
    #expect(out.hasPrefix("Simulated "))
    CLI.ok(["simulate", "b.rt", "--participants", "8", "--events", "1500", "--seed", "5"], in: folder.url)
    CLI.ok(["simulate", "c.rt", "--participants", "8", "--events", "1500", "--seed", "6"], in: folder.url)
    func events(_ name: String) throws -> [RecordedEvent] {
      try MeetingStore.open(at: folder.path(name), access: .readOnly).events()
    }
    let a = try events("a.rt")
    let b = try events("b.rt")
    #expect(a.count >= 1500)
    #expect(a.map(\.event) == b.map(\.event))
    #expect(a.map(\.time) == b.map(\.time))
    #expect(Set(a.map(\.id)).isDisjoint(with: b.map(\.id)))  // fresh ids per file
    #expect(try events("c.rt").map(\.event) != a.map(\.event))
    // A real meeting: eight people, turns, and a queue the other verbs can read.
    let state = MeetingState(replaying: a)
    #expect(state.participants.count == 8)
    #expect(state.turns.count > 100)
    #expect(CLI.run(["stats", "a.rt", "--json"], in: folder.url).status == 0)
  }

  @Test func badSizesAreRefused() {
    let folder = Folder()
    let result = CLI.run(["simulate", "x.rt", "--participants", "1", "--events", "10"], in: folder.url)
    #expect(result.status == 64)
    #expect(result.stderr.contains("--participants must be 2 to 500, not 1."))
    #expect(!FileManager.default.fileExists(atPath: folder.path("x.rt")))
  }
}
