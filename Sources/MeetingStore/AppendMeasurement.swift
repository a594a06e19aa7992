import Foundation
import GRDBSQLite
import MeetingModel

extension MeetingStore {
  /// The baseline for append benchmarks: appends already-recorded `events` to the meeting file
  /// at `path` with SQLite's C API, one `BEGIN IMMEDIATE` / insert / `COMMIT` each, with one
  /// prepared statement reused for every row, at the durability appends have here
  /// (`synchronous=FULL`, the file's WAL mode). No deciding, no folding, no reading the version.
  ///
  /// The rows are encoded before timing starts, so the file stays a valid meeting when the
  /// events follow on from it. Returns each append's latency in seconds, in order.
  public static func bareAppendLatencies(of events: [RecordedEvent], toFileAt path: String) throws -> [Double]
  {
    let rows = events.map { event in
      (
        event: event, id: withUnsafeBytes(of: event.id.uuid) { [UInt8]($0) },
        code: Int64(StoredEventCodec.code(of: event.event.type)), data: StoredEventCodec.encode(event.event)
      )
    }
    var handle: OpaquePointer?
    guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let db = handle else {
      sqlite3_close(handle)
      throw StoreError(.io, "\(path): cannot open it for the append baseline.")
    }
    defer { sqlite3_close(db) }
    func run(_ sql: String) throws {
      guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else {
        throw StoreError(.io, "\(path): \(String(cString: sqlite3_errmsg(db))) (\(sql))")
      }
    }
    try run("PRAGMA synchronous = FULL")
    var prepared: OpaquePointer?
    let sql =
      "INSERT INTO events (seq, id, time, type, version, author, terminal, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    guard sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, nil) == SQLITE_OK,
      let statement = prepared
    else { throw StoreError(.io, "\(path): \(String(cString: sqlite3_errmsg(db)))") }
    defer { sqlite3_finalize(statement) }
    let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    func bind(_ text: String?, at index: Int32) {
      if let text {
        sqlite3_bind_text(statement, index, text, -1, transient)
      } else {
        sqlite3_bind_null(statement, index)
      }
    }
    var latencies: [Double] = []
    latencies.reserveCapacity(rows.count)
    for row in rows {
      let start = DispatchTime.now().uptimeNanoseconds
      try run("BEGIN IMMEDIATE")
      sqlite3_bind_int64(statement, 1, row.event.sequence)
      _ = row.id.withUnsafeBytes { sqlite3_bind_blob(statement, 2, $0.baseAddress, 16, transient) }
      sqlite3_bind_int64(statement, 3, row.event.time.millisecondsSince1970)
      sqlite3_bind_int64(statement, 4, row.code)
      sqlite3_bind_int64(statement, 5, Int64(row.event.event.schemaVersion))
      bind(row.event.metadata.author, at: 6)
      bind(row.event.metadata.terminal, at: 7)
      _ = row.data.withUnsafeBytes {
        sqlite3_bind_blob(statement, 8, $0.baseAddress, Int32($0.count), transient)
      }
      let stepped = sqlite3_step(statement)
      sqlite3_reset(statement)
      guard stepped == SQLITE_DONE else {
        let message = String(cString: sqlite3_errmsg(db))
        try? run("ROLLBACK")
        throw StoreError(.io, "\(path): \(message)")
      }
      try run("COMMIT")
      latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return latencies
  }
}
