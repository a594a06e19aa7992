import Foundation
import MeetingModel
import Testing

@testable import MeetingStore

/// An imported log goes through the validating fold before anything is created: a log the CLI
/// could never have written is refused with its line, the event's number and the reason.
@Suite("Importing: logs Roundtable could not have written are refused and create nothing")
struct ImportValidationTests {
  /// A created meeting with Amira and Ben (events 1 to 3, at ten).
  var base: [RecordedEvent] {
    var state = MeetingState()
    var ids = SequentialEventIDs()
    var log: [RecordedEvent] = []
    for command in [Command.createMeeting(title: "Forum"), .join(name: "Amira"), .join(name: "Ben")] {
      log += try! state.execute(command, at: tenOClock, ids: &ids)
    }
    return log
  }

  func event(_ sequence: Int64, _ event: MeetingEvent, at time: Instant = tenOClock, id: UUID = UUID())
    -> RecordedEvent
  {
    RecordedEvent(sequence: sequence, id: id, time: time, event: event)
  }

  func lines(_ events: [RecordedEvent]) throws -> [String] {
    try events.map { String(decoding: try MeetingStore.jsonEncoder.encode($0), as: UTF8.self) }
  }

  func expectRefused(_ lines: [String], _ message: String, sourceLocation: SourceLocation = #_sourceLocation)
  {
    let folder = TemporaryFolder()
    let target = folder.path("imported.roundtable")
    do {
      try MeetingStore.importJSONL(lines, to: target)
      Issue.record("the import was accepted", sourceLocation: sourceLocation)
    } catch let error as StoreError {
      #expect(error.kind == .invalidImport, sourceLocation: sourceLocation)
      #expect(error.message == message, sourceLocation: sourceLocation)
    } catch {
      Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
    }
    for suffix in ["", "-wal", "-shm", "-journal"] {
      #expect(!FileManager.default.fileExists(atPath: target + suffix), sourceLocation: sourceLocation)
    }
  }

  /// SQLite's text columns would cut metadata at a NUL ("c\0d" stored as "c"): refused instead.
  @Test func aNULInMetadataIsRefusedRatherThanCut() throws {
    var log = base
    log[2].metadata = EventMetadata(author: "c\u{0}d", terminal: "cli")
    expectRefused(
      try lines(log),
      "Line 3: the event's author holds a NUL character, which a meeting file cannot keep. Nothing was imported."
    )
    log[2].metadata = EventMetadata(author: "Amira", terminal: "notes\u{0}@pts/3")
    expectRefused(
      try lines(log),
      "Line 3: the event's terminal holds a NUL character, which a meeting file cannot keep. Nothing was imported."
    )
  }

  @Test func aHugeTimeAdjustmentIsRefused() throws {
    let log =
      base + [
        event(4, .participantUpdated(ParticipantUpdated(participant: ParticipantID(2), timeAdjustment: 1e20)))
      ]
    expectRefused(
      try lines(log),
      "Line 4: event 4 gives participant 2 a time adjustment of 1e+20: a time adjustment is between 0.25 and 4 "
        + "(1.5 gives half as much time again). Nothing was imported.")
  }

  @Test func aNumberJSONCannotHoldIsRefused() throws {
    var text = try lines(base)
    #expect(text[2].contains("\"timeAdjustment\":1"))
    for huge in ["1e400", "-1e400", "NaN", "Infinity"] {
      text[2] = try lines(base)[2].replacingOccurrences(
        of: "\"timeAdjustment\":1", with: "\"timeAdjustment\":\(huge)")
      expectRefused(text, "Line 3 is not an event in Roundtable's JSONL format. Nothing was imported.")
    }
  }

  @Test func timesGoingBackwardsAreRefused() throws {
    let log =
      base + [
        event(
          4, .handRaised(HandRaised(participant: ParticipantID(1), kind: .point)),
          at: tenOClock.adding(seconds: 300)),
        event(
          5, .handRaised(HandRaised(participant: ParticipantID(2), kind: .point)),
          at: tenOClock.adding(seconds: 60)),
      ]
    expectRefused(
      try lines(log),
      "Line 5: event 5 (queue.hand-raised) is dated 2026-11-21T10:01:00Z, before an earlier event "
        + "(2026-11-21T10:05:00Z): only decisions, stances, actions, contributions, agenda items and follow-ups "
        + "may be back-filled. Nothing was imported.")
  }

  @Test func aTimeBefore1970IsRefused() throws {
    var text = try lines(base)
    text[1] = text[1].replacingOccurrences(of: "2026-11-21T10:00:00Z", with: "0001-01-01T00:00:00Z")
    expectRefused(
      text,
      "Line 2: '0001-01-01T00:00:00Z' is not an ISO-8601 time in the years 1970 to 9999, such as "
        + "2026-11-21T10:00:00Z. Nothing was imported.")
  }

  @Test func aHandForParticipant99IsRefused() throws {
    let log = base + [event(4, .handRaised(HandRaised(participant: ParticipantID(99), kind: .point)))]
    expectRefused(
      try lines(log),
      "Line 4: event 4 raises a hand for participant 99, who never joined. Nothing was imported.")
  }

  @Test func aDuplicateEventIDIsRefused() throws {
    var log = base
    log[2].id = log[1].id
    expectRefused(
      try lines(log), "Line 3: event 3 has the same id as event 2 (\(log[1].id)). Nothing was imported.")
  }

  @Test func aSecondMeetingCreatedIsRefused() throws {
    let log = base + [event(4, .meetingCreated(MeetingCreated(title: "Again", policy: .fifo)))]
    expectRefused(try lines(log), "Line 4: event 4 creates the meeting a second time. Nothing was imported.")
  }

  @Test func aLogTheModelWroteImports() throws {
    let folder = TemporaryFolder()
    let store = try MeetingStore.importJSONL(
      try lines(EveryEventMeeting.recorded), to: folder.path("ok.roundtable"))
    #expect(try store.replay() == MeetingState(replaying: EveryEventMeeting.recorded))
  }
}
