import Foundation
import GRDB
import GRDBSQLite
import MeetingModel

extension MeetingStore {
  /// The baseline for replay benchmarks: steps the same query replay uses and touches every
  /// column of every row, without decoding or folding anything. Returns the number of rows and
  /// a checksum (so the work cannot be optimised away).
  public func scanWithoutDecoding() throws -> (rows: Int, checksum: Int64) {
    try guarded {
      try writer.read { db in
        let statement = try db.cachedStatement(
          sql: "SELECT seq, id, time, type, version, author, terminal, data FROM events WHERE seq > ? "
            + "ORDER BY seq LIMIT ?")
        let sqlite = statement.sqliteStatement
        sqlite3_reset(sqlite)
        defer { sqlite3_reset(sqlite) }
        sqlite3_bind_int64(sqlite, 1, 0)
        sqlite3_bind_int64(sqlite, 2, -1)
        var rows = 0
        var checksum: Int64 = 0
        while sqlite3_step(sqlite) == SQLITE_ROW {
          rows += 1
          checksum &+= sqlite3_column_int64(sqlite, 0) &+ sqlite3_column_int64(sqlite, 2)
          checksum &+= sqlite3_column_int64(sqlite, 3) &+ sqlite3_column_int64(sqlite, 4)
          checksum &+= Int64(sqlite3_column_bytes(sqlite, 1)) &+ Int64(sqlite3_column_bytes(sqlite, 7))
          if let data = sqlite3_column_blob(sqlite, 7), sqlite3_column_bytes(sqlite, 7) > 0 {
            checksum &+= Int64(data.load(as: UInt8.self))
          }
        }
        return (rows, checksum)
      }
    }
  }
}
