import Foundation
import GRDB
import MeetingModel
import Testing

@testable import MeetingStore

/// A meeting file changed with SQL behind Roundtable's back, as a hand edit or another program
/// would: every way tested is refused at open, for reading and for writing, with the event's
/// number and a plain reason, and the file is left byte for byte as it was.
@Suite("Tampered logs: the validating fold refuses them and writes nothing")
struct TamperedLogTests {
  /// A closed meeting file (created, Amira, Ben and Chloe joined: events 1 to 4, all at ten).
  func meetingFile(_ folder: TemporaryFolder) throws -> String {
    let path = folder.path("tampered-\(UUID().uuidString).roundtable")
    let (store, _) = try makeMeeting(at: path)
    try store.close()
    return path
  }

  /// Runs SQL on the file directly.
  func tamper(_ path: String, _ sql: String, _ arguments: StatementArguments = []) throws {
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in try db.execute(sql: sql, arguments: arguments) }
    try queue.close()
  }

  /// Stores `event` as row `seq`, encoded exactly as Roundtable stores events.
  func insert(_ path: String, seq: Int64, _ event: MeetingEvent, at time: Instant = tenOClock) throws {
    let id = withUnsafeBytes(of: UUID().uuid) { Data($0) }
    try tamper(
      path, "INSERT INTO events (seq, id, time, type, version, data) VALUES (?, ?, ?, ?, ?, ?)",
      [
        seq, id, time.millisecondsSince1970, StoredEventCodec.code(of: event.type), event.schemaVersion,
        Data(StoredEventCodec.encode(event)),
      ])
  }

  /// Rebuilds the events table without its constraints (no primary key, no unique ids), as
  /// someone editing the file with a spreadsheet-like tool might.
  func dropConstraints(_ path: String) throws {
    try tamper(
      path,
      """
      CREATE TABLE loose AS SELECT * FROM events;
      DROP TABLE events;
      ALTER TABLE loose RENAME TO events;
      """)
  }

  /// Opens `path` for writing and for reading: both refused with `kind` and a message
  /// containing `reason`, and the file and its companions unchanged.
  func expectRefusal(
    _ path: String, _ kind: StoreError.Kind, _ reason: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for access in [MeetingStore.Access.readWrite, .readOnly] {
      let before = snapshot(path)
      do {
        _ = try MeetingStore.open(at: path, access: access)
        Issue.record("the tampered file was opened \(access)", sourceLocation: sourceLocation)
      } catch let error as StoreError {
        #expect(error.kind == kind, "\(error.message)", sourceLocation: sourceLocation)
        #expect(error.message.contains(reason), "\(error.message)", sourceLocation: sourceLocation)
        #expect(error.message.contains("was not changed"), sourceLocation: sourceLocation)
      } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
      }
      #expect(snapshot(path) == before, "the file changed", sourceLocation: sourceLocation)
    }
  }

  let ten = tenOClock

  @Test func aTimeOfInt64MinIsRefused() throws {
    let folder = TemporaryFolder()
    let path = try meetingFile(folder)
    try tamper(path, "UPDATE events SET time = ? WHERE seq = 3", [Int64.min])
    expectRefusal(
      path, .invalidEvent,
      "event 3 has a time outside the years 1970 to 9999 (-9223372036854775808 ms since 1970)")
  }

  @Test func aTimeAfterTheYear9999IsRefused() throws {
    let folder = TemporaryFolder()
    let path = try meetingFile(folder)
    try tamper(path, "UPDATE events SET time = ? WHERE seq = 1", [Int64.max])
    expectRefusal(path, .invalidEvent, "event 1 has a time outside the years 1970 to 9999")
  }

  @Test func aTimeGoingBackwardsIsRefused() throws {
    let folder = TemporaryFolder()
    let path = try meetingFile(folder)
    try insert(
      path, seq: 5, .handRaised(HandRaised(participant: ParticipantID(1), kind: .point)),
      at: ten.adding(seconds: 300))
    try insert(
      path, seq: 6, .handRaised(HandRaised(participant: ParticipantID(2), kind: .point)),
      at: ten.adding(seconds: 60))
    expectRefusal(
      path, .invalidEvent,
      "event 6 (queue.hand-raised) is dated 2026-11-21T10:01:00Z, before an earlier event (2026-11-21T10:05:00Z)"
    )
  }

  @Test func aBackFilledDecisionIsNotAProblem() throws {
    let folder = TemporaryFolder()
    let path = try meetingFile(folder)
    try insert(
      path, seq: 5, .handRaised(HandRaised(participant: ParticipantID(1), kind: .point)),
      at: ten.adding(seconds: 300))
    try insert(
      path, seq: 6,
      .decisionRecorded(
        DecisionRecorded(
          decision: DecisionID(1), text: "Agreed", method: .consent, outcome: .agreed, stances: [])),
      at: ten.adding(seconds: 60))
    let store = try MeetingStore.open(at: path, access: .readOnly)
    #expect(try store.replay().decisions.count == 1)
  }

  @Test func aDuplicateEventIDIsRefused() throws {
    let folder = TemporaryFolder()
    let path = try meetingFile(folder)
    try dropConstraints(path)
    try tamper(path, "UPDATE events SET id = (SELECT id FROM events WHERE seq = 2) WHERE seq = 4")
    expectRefusal(path, .invalidEvent, "event 4 has the same id as event 2")
  }

  @Test func aDuplicatedSequenceNumberIsReportedAsDuplicated() throws {
    let folder = TemporaryFolder()
    let path = try meetingFile(folder)
    try dropConstraints(path)
    try tamper(path, "INSERT INTO events SELECT * FROM events WHERE seq = 3")
    expectRefusal(path, .corrupt, "event 3 appears twice in the log")
  }

  @Test func aMissingSequenceNumberIsReportedAsMissing() throws {
    let folder = TemporaryFolder()
    let path = try meetingFile(folder)
    try tamper(path, "DELETE FROM events WHERE seq = 3")
    expectRefusal(path, .corrupt, "event 3 is missing from the log")
  }

  @Test func aSecondMeetingCreatedIsRefused() throws {
    let folder = TemporaryFolder()
    let path = try meetingFile(folder)
    try insert(path, seq: 5, .meetingCreated(MeetingCreated(title: "Another", policy: .fifo)))
    expectRefusal(path, .invalidEvent, "event 5 creates the meeting a second time")
  }

  @Test func aLogThatDoesNotStartWithMeetingCreatedIsRefused() throws {
    let folder = TemporaryFolder()
    let path = try meetingFile(folder)
    try tamper(path, "UPDATE events SET type = ?, data = ? WHERE seq = 1", [2, Data()])
    expectRefusal(
      path, .invalidEvent,
      "event 1 (meeting.opened) comes before the meeting is created: a log starts with meeting.created")
  }

  @Test(arguments: [99, -1, Int.min])
  func aHandForSomeoneWhoNeverJoinedIsRefused(participant: Int) throws {
    let folder = TemporaryFolder()
    let path = try meetingFile(folder)
    try insert(path, seq: 5, .handRaised(HandRaised(participant: ParticipantID(participant), kind: .point)))
    expectRefusal(
      path, .invalidEvent, "event 5 raises a hand for participant \(participant), who never joined")
  }

  @Test func aHandForSomeoneWhoLeftIsRefused() throws {
    let folder = TemporaryFolder()
    let path = try meetingFile(folder)
    try insert(path, seq: 5, .participantLeft(ParticipantLeft(participant: ParticipantID(3))))
    try insert(path, seq: 6, .handRaised(HandRaised(participant: ParticipantID(3), kind: .point)))
    expectRefusal(path, .invalidEvent, "event 6 raises a hand for participant 3, who has left")
  }

  @Test func textInTheTimeColumnIsRefused() throws {
    let folder = TemporaryFolder()
    let path = try meetingFile(folder)
    try tamper(path, "UPDATE events SET time = 'ten o''clock' WHERE seq = 2")
    expectRefusal(path, .corrupt, "event 2 has a time that is not a whole number")
  }

  @Test func textInTheTypeColumnIsRefused() throws {
    let folder = TemporaryFolder()
    let path = try meetingFile(folder)
    try tamper(path, "UPDATE events SET type = 'hand' WHERE seq = 4")
    expectRefusal(path, .unreadableEvent, "event 4 is of a kind this Roundtable does not know (code 0)")
  }

  @Test func anOutOfRangeTimeAdjustmentIsRefused() throws {
    let folder = TemporaryFolder()
    let path = try meetingFile(folder)
    try insert(
      path, seq: 5,
      .participantUpdated(ParticipantUpdated(participant: ParticipantID(2), timeAdjustment: 1e20)))
    expectRefusal(
      path, .invalidEvent,
      "event 5 gives participant 2 a time adjustment of 1e+20: a time adjustment is between 0.25 and 4")
  }

  @Test func aNaNTimeAdjustmentIsRefused() throws {
    let folder = TemporaryFolder()
    let path = try meetingFile(folder)
    try insert(
      path, seq: 5,
      .participantJoined(
        ParticipantJoined(
          participant: ParticipantID(4), name: "Dev", tags: [], role: .participant, timeAdjustment: .nan)))
    expectRefusal(
      path, .unreadableEvent,
      "event 5 (participant.joined) cannot be read: a number in the event data is not finite")
  }

  @Test func anInfiniteGroupTargetIsRefused() throws {
    let folder = TemporaryFolder()
    let path = try meetingFile(folder)
    var policy = QueuePolicy.balanced
    policy.groupTargets = [GroupTarget(tag: "professional", share: .infinity)]
    try insert(path, seq: 5, .policyChanged(PolicyChanged(policy: policy)))
    expectRefusal(
      path, .unreadableEvent,
      "event 5 (policy.changed) cannot be read: a number in the event data is not finite")
  }

  @Test func aGroupTargetAboveEverythingIsRefused() throws {
    let folder = TemporaryFolder()
    let path = try meetingFile(folder)
    var policy = QueuePolicy.balanced
    policy.groupTargets = [GroupTarget(tag: "professional", share: 7)]
    try insert(path, seq: 5, .policyChanged(PolicyChanged(policy: policy)))
    expectRefusal(
      path, .invalidEvent,
      "event 5 has an invalid policy: the target for professional must be a share above 0% and up to 100%")
  }

  @Test func aStanceOnADecisionNeverRecordedIsRefused() throws {
    let folder = TemporaryFolder()
    let path = try meetingFile(folder)
    try insert(
      path, seq: 5,
      .stanceRecorded(
        StanceRecorded(decision: DecisionID(7), stance: Stance(participant: ParticipantID(1), stance: .agree))
      ))
    expectRefusal(path, .invalidEvent, "event 5 records a stance on decision 7, which was never recorded")
  }

  /// A terminal that has the meeting open while someone else writes a bad event into it: its
  /// catch-up refuses the event and keeps the meeting as it was before it, and its next command
  /// is refused before anything is appended.
  @Test func eventsAppendedByAnotherProgramGoThroughTheSameChecks() throws {
    let folder = TemporaryFolder()
    let path = try meetingFile(folder)
    let store = try MeetingStore.open(at: path, access: .readWrite)
    var state = try store.replay()
    try insert(path, seq: 5, .handRaised(HandRaised(participant: ParticipantID(99), kind: .point)))
    let message = "event 5 raises a hand for participant 99, who never joined"
    do {
      try store.catchUp(&state)
      Issue.record("the bad event was followed")
    } catch let error as StoreError {
      #expect(error.kind == .invalidEvent)
      #expect(error.message.contains(message))
    }
    #expect(state.version == 4)
    do {
      try store.execute(.raiseHand(ParticipantID(1)), on: &state, at: tenOClock)
      Issue.record("a command was recorded after the bad event")
    } catch let error as StoreError {
      #expect(error.message.contains(message))
    }
    #expect(try store.version() == 5)
    #expect(state.version == 4)
    try store.close()
  }

  /// Files made with their constraints dropped still open when nothing in them is wrong: the ids
  /// are then checked by the store itself.
  @Test func aLooseTableWithAGoodLogStillOpens() throws {
    let folder = TemporaryFolder()
    let path = try meetingFile(folder)
    try dropConstraints(path)
    let store = try MeetingStore.open(at: path, access: .readOnly)
    #expect(try store.replay().participants.count == 3)
    try store.close()
  }
}
