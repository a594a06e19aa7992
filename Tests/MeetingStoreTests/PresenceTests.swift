import Foundation
import GRDB
import MeetingModel
import Testing

@testable import MeetingStore

@Suite("Presence: who has the meeting open, beside the event log")
struct PresenceTests {
  @Test func twoHandlesOnOneFileSeeEachOther() throws {
    let folder = TemporaryFolder()
    let path = folder.path("m.roundtable")
    let (facilitator, _) = try makeMeeting(at: path)
    let notes = try MeetingStore.open(at: path, access: .readWrite)
    _ = try facilitator.announcePresence(
      role: "facilitator", terminal: "facilitator@pts/1", name: nil, at: tenOClock)
    _ = try notes.announcePresence(
      role: "notes", terminal: "notes@pts/3", name: nil, at: tenOClock.adding(seconds: 1))
    let now = tenOClock.adding(seconds: 2)
    for store in [facilitator, notes] {
      let listed = try store.presence(at: now)
      #expect(listed.map(\.role) == ["facilitator", "notes"])
      #expect(listed.map(\.terminal) == ["facilitator@pts/1", "notes@pts/3"])
      #expect(listed.allSatisfy { $0.pid == getpid() && $0.host == MeetingStore.hostName })
      #expect(listed.map(\.since) == [tenOClock, tenOClock.adding(seconds: 1)])
    }
  }

  @Test func aParticipantIsListedByName() throws {
    let folder = TemporaryFolder()
    let (store, _) = try makeMeeting(at: folder.path("m.roundtable"))
    _ = try store.announcePresence(role: "participant", terminal: "amira@pts/4", name: "Amira", at: tenOClock)
    #expect(
      try store.presence(at: tenOClock) == [
        PresenceEntry(
          role: "participant", terminal: "amira@pts/4", name: "Amira", host: MeetingStore.hostName,
          pid: getpid(), since: tenOClock, lastSeen: tenOClock)
      ])
  }

  @Test func withdrawingRemovesTheEntry() throws {
    let folder = TemporaryFolder()
    let path = folder.path("m.roundtable")
    let (store, _) = try makeMeeting(at: path)
    let other = try MeetingStore.open(at: path, access: .readWrite)
    let token = try store.announcePresence(role: "notes", terminal: "notes@pts/3", name: nil, at: tenOClock)
    #expect(try other.presence(at: tenOClock).count == 1)
    try store.withdrawPresence(token)
    #expect(try other.presence(at: tenOClock).isEmpty)
  }

  @Test func aStaleEntryIsDroppedAndDeleted() throws {
    let folder = TemporaryFolder()
    let path = folder.path("m.roundtable")
    let (store, _) = try makeMeeting(at: path)
    _ = try store.announcePresence(role: "notes", terminal: "notes@pts/3", name: nil, at: tenOClock)
    let lively = try store.announcePresence(
      role: "facilitator", terminal: "facilitator@pts/1", name: nil, at: tenOClock)
    try store.refreshPresence(lively, at: tenOClock.adding(seconds: 20))
    let now = tenOClock.adding(seconds: 20)
    #expect(try store.presence(at: now, staleAfterSeconds: 15).map(\.terminal) == ["facilitator@pts/1"])
    // Exactly at the threshold it still counts.
    #expect(try store.presence(at: tenOClock.adding(seconds: 35)).count == 1)
    #expect(try rowCount(path) == 1)
  }

  @Test func anEntryWhoseProcessEndedIsDropped() throws {
    let folder = TemporaryFolder()
    let path = folder.path("m.roundtable")
    let (store, _) = try makeMeeting(at: path)
    let ended = Process()
    ended.executableURL = URL(fileURLWithPath: "/bin/true")
    try ended.run()
    ended.waitUntilExit()
    _ = try store.announcePresence(
      role: "facilitator", terminal: "facilitator@pts/1", name: nil, at: tenOClock)
    try insertRow(
      path, role: "notes", terminal: "notes@pts/3", host: MeetingStore.hostName, pid: ended.processIdentifier)
    // Another machine's process cannot be looked at: its heartbeat decides.
    try insertRow(path, role: "participant", terminal: "ben@pts/2", host: "elsewhere.invalid", pid: 1)
    let listed = try store.presence(at: tenOClock)
    #expect(listed.map(\.terminal) == ["ben@pts/2", "facilitator@pts/1"])
    #expect(try rowCount(path) == 2)
  }

  @Test func aHeartbeatBringsBackAPrunedRow() throws {
    let folder = TemporaryFolder()
    let path = folder.path("m.roundtable")
    let (store, _) = try makeMeeting(at: path)
    let other = try MeetingStore.open(at: path, access: .readWrite)
    let token = try store.announcePresence(role: "notes", terminal: "notes@pts/3", name: nil, at: tenOClock)
    // A long pause (a suspended laptop): another terminal prunes the row…
    #expect(try other.presence(at: tenOClock.adding(seconds: 60)).isEmpty)
    #expect(try rowCount(path) == 0)
    // …and the next heartbeat writes it again, with when it first came.
    try store.refreshPresence(token, at: tenOClock.adding(seconds: 61))
    let listed = try other.presence(at: tenOClock.adding(seconds: 62))
    #expect(listed.map(\.terminal) == ["notes@pts/3"])
    #expect(listed.map(\.since) == [tenOClock])
    #expect(listed.map(\.lastSeen) == [tenOClock.adding(seconds: 61)])
  }

  @Test func aReadOnlyHandleListsButCannotAnnounce() throws {
    let folder = TemporaryFolder()
    let path = folder.path("m.roundtable")
    let (store, _) = try makeMeeting(at: path)
    let token = try store.announcePresence(role: "notes", terminal: "notes@pts/3", name: nil, at: tenOClock)
    let reader = try MeetingStore.open(at: path, access: .readOnly)
    #expect(try reader.presence(at: tenOClock).map(\.terminal) == ["notes@pts/3"])
    // A stale row is left alone by a reader, only not listed.
    #expect(try reader.presence(at: tenOClock.adding(seconds: 60)).isEmpty)
    #expect(try rowCount(path) == 1)
    #expect(throws: StoreError.self) {
      try reader.announcePresence(role: "participant", terminal: "x", name: nil, at: tenOClock)
    }
    let error = #expect(throws: StoreError.self) { try reader.refreshPresence(token, at: tenOClock) }
    #expect(error?.kind == .readOnly)
    #expect(throws: StoreError.self) { try reader.withdrawPresence(token) }
  }

  @Test func aFileFromBeforePresenceListsNobodyReadOnlyAndGetsTheTableReadWrite() throws {
    let folder = TemporaryFolder()
    let copy = folder.path("old.roundtable")
    try FileManager.default.copyItem(
      atPath: FixtureTests.fixtures.appendingPathComponent("format-1.roundtable").path, toPath: copy)
    let reader = try MeetingStore.open(at: copy, access: .readOnly)
    #expect(try reader.presence(at: tenOClock).isEmpty)
    let before = snapshot(copy)
    _ = try reader.replay()
    #expect(snapshot(copy) == before)
    let store = try MeetingStore.open(at: copy, access: .readWrite)
    _ = try store.announcePresence(role: "facilitator", terminal: "f", name: nil, at: tenOClock)
    // The reader opened before the table existed and still sees it now.
    #expect(try reader.presence(at: tenOClock).map(\.terminal) == ["f"])
    #expect(try store.replay() == reader.replay())
  }

  @Test func presenceWritesLeaveTheEventLogAlone() throws {
    let folder = TemporaryFolder()
    let path = folder.path("m.roundtable")
    let (store, state) = try makeMeeting(at: path)
    let version = try store.version()
    let events = try store.events()
    var exported: [String] = []
    try store.exportJSONL { exported.append($0) }
    let token = try store.announcePresence(role: "facilitator", terminal: "f", name: nil, at: tenOClock)
    try store.refreshPresence(token, at: tenOClock.adding(seconds: 2))
    _ = try store.presence(at: tenOClock.adding(seconds: 2))
    try store.withdrawPresence(token)
    _ = try store.announcePresence(role: "notes", terminal: "n", name: nil, at: tenOClock)
    #expect(try store.version() == version)
    #expect(try store.events() == events)
    #expect(try store.replay() == state)
    var again: [String] = []
    try store.exportJSONL { again.append($0) }
    #expect(again == exported)
    var caughtUp = state
    try store.catchUp(&caughtUp)
    #expect(caughtUp == state)
  }

  @Test func aFollowerGetsTheEventAfterHeartbeats() throws {
    let folder = TemporaryFolder()
    let path = folder.path("m.roundtable")
    let (store, state) = try makeMeeting(at: path)
    let follower = try MeetingStore.open(at: path, access: .readOnly)
    let token = try store.announcePresence(role: "facilitator", terminal: "f", name: nil, at: tenOClock)
    // Heartbeats alone do not wake a follower.
    try store.refreshPresence(token, at: tenOClock.adding(seconds: 1))
    #expect(try follower.waitForEvents(after: state.version, timeout: .milliseconds(120)).isEmpty)
    let writer = Thread {
      for second in 2..<6 {
        try? store.refreshPresence(token, at: tenOClock.adding(seconds: Int64(second)))
        Thread.sleep(forTimeInterval: 0.05)
      }
      var copy = state
      _ = try? store.execute(.raiseHand(ParticipantID(3)), on: &copy, at: tenOClock)
      try? store.refreshPresence(token, at: tenOClock.adding(seconds: 7))
    }
    writer.start()
    let events = try follower.waitForEvents(after: state.version, timeout: .seconds(10))
    #expect(events.map(\.event) == [.handRaised(HandRaised(participant: ParticipantID(3), kind: .point))])
  }

  @Test func theFileStaysPrivate() throws {
    let folder = TemporaryFolder()
    let path = folder.path("m.roundtable")
    let (store, _) = try makeMeeting(at: path)
    _ = try store.announcePresence(role: "facilitator", terminal: "f", name: nil, at: tenOClock)
    for suffix in ["", "-wal", "-shm"] {
      let mode = try FileManager.default.attributesOfItem(atPath: path + suffix)[.posixPermissions] as? Int
      #expect(mode == 0o600, "\(suffix)")
    }
  }

  // MARK: Helpers

  /// The rows in the presence table, read through a connection of its own.
  func rowCount(_ path: String) throws -> Int {
    let queue = try DatabaseQueue(path: path)
    defer { try? queue.close() }
    return try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM presence") ?? 0 }
  }

  /// A row as another process would have written it.
  func insertRow(_ path: String, role: String, terminal: String, host: String, pid: Int32) throws {
    let queue = try DatabaseQueue(path: path)
    defer { try? queue.close() }
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO presence (id, role, terminal, name, host, pid, since, last_seen)
          VALUES (?, ?, ?, NULL, ?, ?, ?, ?)
          """,
        arguments: [
          UUID().uuidString, role, terminal, host, pid, tenOClock.millisecondsSince1970 - 1,
          tenOClock.millisecondsSince1970,
        ])
    }
  }
}
