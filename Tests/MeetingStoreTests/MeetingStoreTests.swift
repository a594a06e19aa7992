import Foundation
import GRDB
import MeetingModel
import Testing

@testable import MeetingStore

@Suite("Meeting files: create, append, replay, conflicts, followers")
struct MeetingStoreTests {
  @Test func everyEventTypeSurvivesTheStoredLayout() throws {
    #expect(Set(SampleEvents.all.map(\.type)) == Set(EventType.allCases))
    for event in SampleEvents.all {
      let bytes = StoredEventCodec.encode(event)
      let decoded = try bytes.withUnsafeBytes { raw in
        try StoredEventCodec.decode(type: event.type, version: 1, data: raw)
      }
      #expect(decoded == event)
    }
  }

  @Test func truncatedOrPaddedDataIsRefused() throws {
    let event = SampleEvents.all[0]
    let bytes = StoredEventCodec.encode(event)
    #expect(throws: BinaryDecodingError.self) {
      try Array(bytes.dropLast()).withUnsafeBytes {
        try StoredEventCodec.decode(type: event.type, version: 1, data: $0)
      }
    }
    #expect(throws: BinaryDecodingError.self) {
      try (bytes + [0]).withUnsafeBytes {
        try StoredEventCodec.decode(type: event.type, version: 1, data: $0)
      }
    }
    #expect(throws: BinaryDecodingError.self) {
      try bytes.withUnsafeBytes { try StoredEventCodec.decode(type: event.type, version: 2, data: $0) }
    }
  }

  @Test func aNewFileIsPrivateAndReplaysToTheSameState() throws {
    let folder = TemporaryFolder()
    let path = folder.path("forum.roundtable")
    let (store, state) = try makeMeeting(at: path)
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    #expect(try store.replay() == state)
    #expect(try store.version() == 4)
    let reopened = try MeetingStore.open(at: path, access: .readOnly)
    #expect(try reopened.replay() == state)
    #expect(reopened.meetingID == store.meetingID)
  }

  @Test func writesAreDurableAndInWALMode() throws {
    let folder = TemporaryFolder()
    let path = folder.path("forum.roundtable")
    let (store, _) = try makeMeeting(at: path)
    for reopened in [store, try MeetingStore.open(at: path, access: .readWrite)] {
      let (synchronous, journal) = try reopened.writer.read { db in
        (try Int.fetchOne(db, sql: "PRAGMA synchronous"), try String.fetchOne(db, sql: "PRAGMA journal_mode"))
      }
      #expect(synchronous == 2)  // FULL
      #expect(journal == "wal")
    }
  }

  @Test func eventsKeepTheirIdsTimesAndMetadata() throws {
    let folder = TemporaryFolder()
    let path = folder.path("log.roundtable")
    let sample = EveryEventMeeting.recorded
    #expect(Set(sample.map(\.event.type)) == Set(EventType.allCases))
    let store = try MeetingStore.create(at: path, recorded: sample)
    #expect(try store.events() == sample)
    #expect(try store.events(after: 40, limit: 2) == Array(sample[40..<42]))
  }

  @Test func appendChecksTheExpectedVersion() throws {
    let folder = TemporaryFolder()
    let (store, state) = try makeMeeting(at: folder.path("m.roundtable"))
    var ids = SequentialEventIDs(startingAfter: 1000)
    let raise = MeetingEvent.handRaised(HandRaised(participant: ParticipantID(1), kind: .point))
    #expect(throws: StoreError.self) {
      try store.append([raise], expectedVersion: state.version - 1, at: tenOClock, ids: &ids)
    }
    let recorded = try store.append([raise], expectedVersion: state.version, at: tenOClock, ids: &ids)
    #expect(recorded.map(\.sequence) == [state.version + 1])
    do {
      _ = try store.append([raise], expectedVersion: state.version, at: tenOClock, ids: &ids)
      Issue.record("a stale append was accepted")
    } catch let error as StoreError {
      #expect(error.kind == .versionConflict)
      #expect(error.message == "The meeting moved on (now at event 5, expected 4).")
    }
    #expect(try store.version() == 5)
  }

  @Test func aCommandIsDecidedAgainstWhatAnotherTerminalWrote() throws {
    let folder = TemporaryFolder()
    let path = folder.path("m.roundtable")
    let (store, stale) = try makeMeeting(at: path)
    let other = try MeetingStore.open(at: path, access: .readWrite)
    var otherState = try other.replay()
    try other.execute(.raiseHand(ParticipantID(1)), on: &otherState, at: tenOClock)
    // This terminal has not seen the raised hand yet; the store catches up before deciding.
    var state = stale
    do {
      try store.execute(.raiseHand(ParticipantID(1)), on: &state, at: tenOClock)
      Issue.record("the second raise was accepted")
    } catch let refusal as Refusal {
      #expect(refusal.code == .handAlreadyRaised)
    }
    #expect(state == stale)
    let recorded = try store.execute(.raiseHand(ParticipantID(2)), on: &state, at: tenOClock)
    #expect(recorded.map(\.sequence) == [6])
    #expect(state.queueOrder.map(\.participant) == [ParticipantID(1), ParticipantID(2)])
    #expect(try other.replay() == state)
  }

  @Test func theTimeCanBeChosenUnderTheWriteLock() throws {
    let folder = TemporaryFolder()
    let path = folder.path("m.roundtable")
    let (store, stale) = try makeMeeting(at: path)
    let other = try MeetingStore.open(at: path, access: .readWrite)
    var otherState = try other.replay()
    let later = tenOClock.adding(milliseconds: 5)
    try other.execute(.raiseHand(ParticipantID(1)), on: &otherState, at: later)
    // This terminal read its clock a moment before the other wrote: a fixed time is refused…
    var state = stale
    #expect(throws: Refusal.self) {
      try store.execute(.raiseHand(ParticipantID(2)), on: &state, at: tenOClock)
    }
    // …while "now, but never before the last event" is decided with the caught-up state.
    let recorded = try store.execute(.raiseHand(ParticipantID(2)), on: &state) { latest in
      max(tenOClock, latest.lastEventTime ?? tenOClock)
    }
    #expect(recorded.map(\.time) == [later])
  }

  @Test func aFollowerReceivesEventsFromAnotherConnection() throws {
    let folder = TemporaryFolder()
    let path = folder.path("m.roundtable")
    let (store, state) = try makeMeeting(at: path)
    let follower = try MeetingStore.open(at: path, access: .readOnly)
    #expect(try follower.waitForEvents(after: state.version, timeout: .milliseconds(120)).isEmpty)
    let writer = Thread {
      Thread.sleep(forTimeInterval: 0.2)
      var copy = state
      _ = try? store.execute(.raiseHand(ParticipantID(3)), on: &copy, at: tenOClock)
    }
    writer.start()
    let events = try follower.waitForEvents(after: state.version, timeout: .seconds(10))
    #expect(events.map(\.event) == [.handRaised(HandRaised(participant: ParticipantID(3), kind: .point))])
  }

  @Test func jsonlRoundTripsExactly() throws {
    let folder = TemporaryFolder()
    let store = try MeetingStore.create(at: folder.path("a.roundtable"), recorded: EveryEventMeeting.recorded)
    var first: [String] = []
    try store.exportJSONL { first.append($0) }
    #expect(first.count == EveryEventMeeting.recorded.count)
    let imported = try MeetingStore.importJSONL(first, to: folder.path("b.roundtable"))
    var second: [String] = []
    try imported.exportJSONL { second.append($0) }
    #expect(second == first)
    #expect(try imported.events() == EveryEventMeeting.recorded)
  }

  @Test func aBadImportWritesNothing() throws {
    let folder = TemporaryFolder()
    let store = try MeetingStore.create(at: folder.path("a.roundtable"), recorded: EveryEventMeeting.recorded)
    var lines: [String] = []
    try store.exportJSONL { lines.append($0) }
    let opened = RecordedEvent(
      sequence: 1, id: UUID(), time: tenOClock, event: .meetingOpened(MeetingOpened()))
    let openedLine = String(decoding: try JSONEncoder().encode(opened), as: UTF8.self)
    let cases: [([String], String)] = [
      ([openedLine], "The log does not start by creating a meeting (meeting.created). Nothing was imported."),
      (
        [lines[0], lines[2]],
        "Line 2 holds event 3 where event 2 was expected: the log must be complete and in order. Nothing was imported."
      ),
      (
        [lines[0], "{not json"], "Line 2 is not an event in Roundtable's JSONL format. Nothing was imported."
      ),
    ]
    for (input, message) in cases {
      let target = folder.path("bad.roundtable")
      do {
        try MeetingStore.importJSONL(input, to: target)
        Issue.record("a bad import was accepted")
      } catch let error as StoreError {
        #expect(error.message == message)
      }
      #expect(!FileManager.default.fileExists(atPath: target))
    }
  }
}
