import Foundation
import GRDB
import GRDBSQLite
import MeetingModel

extension MeetingStore {
  /// The number of events in the log (the sequence number of the last one).
  public func version() throws -> Int64 {
    try guarded {
      try writer.read { db in try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM events") ?? 0 }
    }
  }

  /// Appends events as the next entries of the log, if the log is still at `expectedVersion`.
  ///
  /// One immediate transaction: either every event is stored, durably, or none is. Throws a
  /// `versionConflict` error when another process appended first; the caller decides the
  /// command again against the new state (`execute` does that for you).
  public func append(
    _ events: [MeetingEvent], expectedVersion: Int64, at time: Instant,
    metadata: EventMetadata = EventMetadata(),
    ids: inout some EventIDSource
  ) throws -> [RecordedEvent] {
    let recorded = events.enumerated().map { offset, event in
      RecordedEvent(
        sequence: expectedVersion + Int64(offset) + 1, id: ids.nextEventID(), time: time, metadata: metadata,
        event: event)
    }
    try write { db in
      let current = try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM events") ?? 0
      guard current == expectedVersion else {
        throw StoreError(
          .versionConflict, "The meeting moved on (now at event \(current), expected \(expectedVersion)).")
      }
      try insert(recorded, into: db)
    }
    return recorded
  }

  /// Brings `state` up to date with the file, decides `command` against it, and appends the
  /// events, all under the file's write lock, so a command is always decided against the latest
  /// state even when other terminals write to the same meeting. Throws the `Refusal` (nothing
  /// stored) or a `StoreError`.
  @discardableResult
  public func execute(
    _ command: Command, on state: inout MeetingState, at time: Instant,
    metadata: EventMetadata = EventMetadata()
  ) throws -> [RecordedEvent] {
    try execute(command, on: &state, metadata: metadata) { _ in time }
  }

  /// As `execute(_:on:at:metadata:)`, with the time chosen under the write lock from the
  /// up-to-date state. A command given "now" uses this so that two terminals recording at the
  /// same moment cannot find their time already behind the other's event: `time` can return
  /// the later of the clock and the last event's time.
  @discardableResult
  public func execute(
    _ command: Command, on state: inout MeetingState, metadata: EventMetadata = EventMetadata(),
    time: (MeetingState) -> Instant
  ) throws -> [RecordedEvent] {
    var ids = SystemEventIDs()
    var working = state
    let recorded: [RecordedEvent] = try write { db in
      try self.catchUp(&working, in: db)
      let time = time(working)
      let events = try working.decide(command, at: time)
      let recorded = working.record(events, at: time, metadata: metadata, ids: &ids)
      try self.insert(recorded, into: db)
      return recorded
    }
    for event in recorded { working.apply(event) }
    state = working
    return recorded
  }

  /// Applies every event after `state.version` to `state`.
  public func catchUp(_ state: inout MeetingState) throws {
    try guarded { try writer.read { db in try catchUp(&state, in: db) } }
  }

  /// The whole meeting, replayed from the file through the validating fold. The first call
  /// takes the state `open` built when it checked the file, and brings it up to date.
  public func replay() throws -> MeetingState {
    var state = takeOpeningState() ?? MeetingState()
    try catchUp(&state)
    return state
  }

  /// Events after `sequence`, in order, with their metadata.
  public func events(after sequence: Int64 = 0, limit: Int? = nil) throws -> [RecordedEvent] {
    var events: [RecordedEvent] = []
    try guarded {
      try writer.read { db in
        try forEachEvent(after: sequence, limit: limit, withMetadata: true, in: db) { events.append($0) }
      }
    }
    return events
  }

  // MARK: Internals

  func catchUp(_ state: inout MeetingState, in db: Database) throws {
    try Self.catchUp(&state, in: db, path: path)
  }

  /// Applies every event after `state.version` through the validating fold: each one is
  /// checked against the state it lands on (`MeetingState.problem(with:)`) and its id against
  /// the earlier ones, and the first that does not fit refuses the file. The state is then left
  /// at the event before it.
  static func catchUp(_ state: inout MeetingState, in db: Database, path: String) throws {
    // Ids are unique by the schema's index; only a table rebuilt without it needs them checked.
    var ids: EventIDCheck?
    try forEachEvent(after: state.version, limit: nil, withMetadata: false, in: db, path: path) { event in
      if ids == nil { ids = try EventIDCheck(before: event.sequence, in: db) }
      if let problem = ids?.register(event) { throw StoreError.invalidEvent(path, problem) }
      // A mutating call, so that the state is checked and folded in place (calling a
      // non-mutating check on the captured state would copy the whole state for every event).
      do throws(EventProblem) {
        try state.applyChecked(event)
      } catch {
        throw StoreError.invalidEvent(path, error)
      }
    }
  }

  func forEachEvent(
    after sequence: Int64, limit: Int?, withMetadata: Bool, in db: Database,
    _ body: (RecordedEvent) throws -> Void
  ) throws {
    try Self.forEachEvent(after: sequence, limit: limit, withMetadata: withMetadata, in: db, path: path, body)
  }

  /// Steps the query directly through SQLite's C API and decodes each row's blob in place:
  /// replay speed depends on this loop (see ARCHITECTURE.md, "replay speed by encoding").
  static func forEachEvent(
    after sequence: Int64, limit: Int?, withMetadata: Bool, in db: Database, path: String,
    _ body: (RecordedEvent) throws -> Void
  ) throws {
    // Replay skips the metadata columns: nothing in the fold reads them.
    let columns = withMetadata ? "author, terminal" : "NULL, NULL"
    let statement = try db.cachedStatement(
      sql:
        "SELECT seq, id, time, type, version, \(columns), data FROM events WHERE seq > ? ORDER BY seq LIMIT ?"
    )
    let sqlite = statement.sqliteStatement
    sqlite3_reset(sqlite)
    defer { sqlite3_reset(sqlite) }
    sqlite3_bind_int64(sqlite, 1, sequence)
    sqlite3_bind_int64(sqlite, 2, Int64(limit ?? -1))
    var expected = sequence + 1
    while true {
      let step = sqlite3_step(sqlite)
      if step == SQLITE_DONE { break }
      guard step == SQLITE_ROW else {
        throw DatabaseError(
          resultCode: ResultCode(rawValue: step),
          message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
      }
      // The time column holds integers: text there would read as 0, a time the fold accepts.
      // (Text in the other integer columns reads as a number the checks below refuse or as the
      // same number: `seq` must run 1, 2, 3…, `type` be a known code, `version` one we read.
      // Each column call takes SQLite's mutex, so replay checks only the one that matters.)
      guard sqlite3_column_type(sqlite, 2) == SQLITE_INTEGER else {
        throw StoreError.corrupt(path, "event \(expected) has a time that is not a whole number")
      }
      let seq = sqlite3_column_int64(sqlite, 0)
      guard seq == expected else {
        if seq == expected - 1 { throw StoreError.corrupt(path, "event \(seq) appears twice in the log") }
        throw StoreError.corrupt(path, "event \(expected) is missing from the log")
      }
      expected += 1
      guard sqlite3_column_bytes(sqlite, 1) == 16, let idBytes = sqlite3_column_blob(sqlite, 1) else {
        throw StoreError.corrupt(path, "event \(seq) has no valid id")
      }
      let id = UUID.fromBytes(UnsafeRawBufferPointer(start: idBytes, count: 16))
      let time = Instant(millisecondsSince1970: sqlite3_column_int64(sqlite, 2))
      let code = Int(sqlite3_column_int64(sqlite, 3))
      let version = Int(sqlite3_column_int64(sqlite, 4))
      guard let type = StoredEventCodec.type(code: code) else {
        throw StoreError(
          .unreadableEvent,
          "\(path): event \(seq) is of a kind this Roundtable does not know (code \(code)); upgrade Roundtable "
            + "to open this meeting. The file was not changed.")
      }
      var metadata = EventMetadata()
      if withMetadata {
        metadata.author = sqlite3_column_text(sqlite, 5).map { String(cString: $0) }
        metadata.terminal = sqlite3_column_text(sqlite, 6).map { String(cString: $0) }
      }
      let count = Int(sqlite3_column_bytes(sqlite, 7))
      let data = UnsafeRawBufferPointer(start: sqlite3_column_blob(sqlite, 7), count: count)
      let event: MeetingEvent
      do {
        event = try StoredEventCodec.decode(type: type, version: version, data: data)
      } catch {
        throw StoreError(
          .unreadableEvent,
          "\(path): event \(seq) (\(type.rawValue)) cannot be read: \(error.message). It was not changed.")
      }
      try body(RecordedEvent(sequence: seq, id: id, time: time, metadata: metadata, event: event))
    }
  }

  func insert(_ events: [RecordedEvent], into db: Database) throws {
    let statement = try db.cachedStatement(
      sql:
        "INSERT INTO events (seq, id, time, type, version, author, terminal, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    )
    for event in events {
      let id = withUnsafeBytes(of: event.id.uuid) { Data($0) }
      try statement.execute(arguments: [
        event.sequence, id, event.time.millisecondsSince1970, StoredEventCodec.code(of: event.event.type),
        event.event.schemaVersion, event.metadata.author, event.metadata.terminal,
        Data(StoredEventCodec.encode(event.event)),
      ])
    }
  }

  /// Runs `body` in an immediate transaction (taking the write lock at once, so two processes
  /// never both read the same version and then both try to append).
  func write<T>(_ body: (Database) throws -> T) throws -> T {
    guard access == .readWrite else {
      throw StoreError(.readOnly, "\(path) was opened read-only; nothing was recorded.")
    }
    return try guarded {
      try writer.writeWithoutTransaction { db in
        var result: T?
        try db.inTransaction(.immediate) {
          result = try body(db)
          return .commit
        }
        guard let result else { throw StoreError(.io, "The write did not complete.") }
        return result
      }
    }
  }

  /// Translates SQLite's errors into messages a facilitator can act on.
  func guarded<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as DatabaseError {
      throw Self.translate(error, path: path)
    }
  }
}
