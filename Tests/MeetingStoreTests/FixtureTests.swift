import Foundation
import MeetingModel
import Testing

@testable import MeetingStore

/// Files written by the first file format and event schema must keep opening, unchanged, in
/// every later Roundtable: these fixtures were written once (by `writeFixtures`, with
/// `ROUNDTABLE_WRITE_FIXTURES=1`) and are committed; they must never be regenerated.
@Suite("Files from the first format keep opening")
struct FixtureTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "Fixtures")

  /// The meeting in the fixtures.
  static func fixtureLog() throws -> [RecordedEvent] {
    var state = MeetingState()
    var ids = SequentialEventIDs()
    var now = tenOClock
    var log: [RecordedEvent] = []
    func run(_ command: Command, after seconds: Int64 = 0) throws {
      now = now.adding(seconds: seconds)
      log += try state.execute(command, at: now, metadata: EventMetadata(terminal: "fixture"), ids: &ids)
    }
    try run(.createMeeting(title: "Fixture forum", purpose: "Keep old files opening", date: "2026-11-21"))
    try run(.join(name: "Siobhán", tags: ["lived-experience"], timeAdjustment: 1.5))
    try run(.join(name: "Ben", tags: ["professional"]))
    try run(.join(name: "会議", tags: ["lived-experience"]))
    try run(.addAgendaItem(title: "Housing", minutes: 20, leads: [ParticipantID(2)]))
    try run(.nextItem, after: 60)
    try run(.raiseHand(ParticipantID(2)), after: 5)
    try run(.raiseHand(ParticipantID(1)), after: 5)
    try run(.nextSpeaker, after: 5)
    try run(.raiseHand(ParticipantID(3), kind: .response), after: 30)
    try run(.sendSignal(.slower), after: 10)
    try run(
      .recordDecision(
        DecisionDraft(
          text: "Visit the flats together", method: .consent, outcome: .agreed, rung: .coDesign,
          stances: [Stance(participant: ParticipantID(2), stance: .concern, reason: "transport")],
          actions: [ActionDraft(owner: "Ben", ownerParticipant: ParticipantID(2), text: "Book a minibus")])),
      after: 20)
    return log
  }

  /// The JSON form of first-version events never changes: the committed JSONL is exactly what
  /// this code exports for the fixture meeting. (With `ROUNDTABLE_WRITE_FIXTURES=1` it first
  /// writes the fixtures; that was done once, for format 1.)
  @Test func theFixturesAreWhatThisCodeWrites() throws {
    let log = try Self.fixtureLog()
    let folder = TemporaryFolder()
    let store = try MeetingStore.create(at: folder.path("fresh.roundtable"), recorded: log)
    var lines = ""
    try store.exportJSONL { lines += $0 + "\n" }
    if ProcessInfo.processInfo.environment["ROUNDTABLE_WRITE_FIXTURES"] == "1" {
      try FileManager.default.copyItem(
        atPath: folder.path("fresh.roundtable"),
        toPath: Self.fixtures.appendingPathComponent("format-1.roundtable").path)
      try lines.write(
        to: Self.fixtures.appendingPathComponent("format-1.jsonl"), atomically: true, encoding: .utf8)
    }
    let committed = try String(
      contentsOf: Self.fixtures.appendingPathComponent("format-1.jsonl"), encoding: .utf8)
    #expect(lines == committed)
  }

  @Test func theFirstFormatFileOpensAndReplays() throws {
    let folder = TemporaryFolder()
    let copy = folder.path("old.roundtable")
    try FileManager.default.copyItem(
      atPath: Self.fixtures.appendingPathComponent("format-1.roundtable").path, toPath: copy)
    let store = try MeetingStore.open(at: copy, access: .readWrite)
    let state = try store.replay()
    #expect(state.info?.title == "Fixture forum")
    #expect(state.participants.map(\.name) == ["Siobhán", "Ben", "会議"])
    // Nobody had spoken: groups and airtime tie, so Ben's earlier hand got the floor.
    #expect(state.currentTurn?.participant == ParticipantID(2))
    #expect(
      state.speakingQueue.map(\.reasons) == [
        ["direct response: goes before new points", "raised hand at 10:01"],
        ["first time speaking", "1.5× time adjustment", "raised hand at 10:01"],
      ])
    #expect(state.decisions.map(\.text) == ["Visit the flats together"])
    #expect(
      state.decisions[0].dissent == [
        Stance(participant: ParticipantID(2), stance: .concern, reason: "transport")
      ])
    #expect(state.actions.map(\.text) == ["Book a minibus"])
    // What this version would write for the same meeting is what the old file holds.
    #expect(try store.events().map(\.event) == (try Self.fixtureLog()).map(\.event))
    var ids = SystemEventIDs()
    _ = try store.append(
      [.meetingOpened(MeetingOpened())], expectedVersion: state.version, at: tenOClock, ids: &ids)
  }

  @Test func theFirstFormatJSONLImports() throws {
    let folder = TemporaryFolder()
    let text = try String(contentsOf: Self.fixtures.appendingPathComponent("format-1.jsonl"), encoding: .utf8)
    let lines = text.split(separator: "\n").map(String.init)
    let store = try MeetingStore.importJSONL(lines, to: folder.path("imported.roundtable"))
    #expect(try store.events() == (try Self.fixtureLog()))
    var exported: [String] = []
    try store.exportJSONL { exported.append($0) }
    #expect(exported == lines)
  }
}
