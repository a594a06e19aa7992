import Foundation
import GRDB
import MeetingModel

/// The meeting file's schema. Migrations are never edited once shipped: add a new one.
enum Schema {
  static func migrator(meetingID: UUID) -> DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1: event log") { db in
      try db.execute(
        sql: """
          CREATE TABLE meeting_metadata (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
          ) WITHOUT ROWID;
          CREATE TABLE event_types (
            code INTEGER PRIMARY KEY NOT NULL,
            name TEXT NOT NULL UNIQUE
          );
          CREATE TABLE events (
            seq INTEGER PRIMARY KEY NOT NULL CHECK (seq >= 1),
            id BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
            time INTEGER NOT NULL,
            type INTEGER NOT NULL,
            version INTEGER NOT NULL CHECK (version >= 1),
            author TEXT,
            terminal TEXT,
            data BLOB NOT NULL
          );
          """)
      try db.execute(
        sql: "INSERT INTO meeting_metadata (key, value) VALUES ('format_version', '1'), ('meeting_id', ?)",
        arguments: [meetingID.uuidString])
      // For people reading the file with sqlite3: the names behind the type codes.
      for type in EventType.allCases {
        try db.execute(
          sql: "INSERT INTO event_types (code, name) VALUES (?, ?)",
          arguments: [StoredEventCodec.code(of: type), type.rawValue])
      }
    }
    return migrator
  }
}
