import Foundation
import GRDB
import MeetingModel

/// A terminal that has the meeting open, as the meeting file last heard from it.
public struct PresenceEntry: Equatable, Sendable {
  /// "facilitator", "notes" or "participant".
  public var role: String
  /// The terminal's name ("notes@pts/3").
  public var terminal: String
  /// A participant's name, when they watch as themselves.
  public var name: String?
  /// The machine the terminal's process runs on.
  public var host: String
  /// The terminal's process on `host`.
  public var pid: Int32
  /// When the terminal announced itself.
  public var since: Instant
  /// Its last heartbeat.
  public var lastSeen: Instant

  public init(
    role: String, terminal: String, name: String? = nil, host: String, pid: Int32, since: Instant,
    lastSeen: Instant
  ) {
    self.role = role
    self.terminal = terminal
    self.name = name
    self.host = host
    self.pid = pid
    self.since = since
    self.lastSeen = lastSeen
  }
}

/// This process's own presence row: what `announcePresence` wrote, so that a heartbeat can
/// write it again when another terminal pruned it.
public struct PresenceToken: Hashable, Sendable {
  /// The row's key in the `presence` table.
  public let id: UUID
  let role: String
  let terminal: String
  let name: String?
  let host: String
  let pid: Int32
  let since: Instant
}

/// Presence is not part of the meeting: it lives in its own table beside the event log, which
/// replay, following, export and the file format never read. Every write is one short
/// immediate transaction on the store's connection (so it waits for the lock no longer than
/// the store's busy timeout and holds it for one row).
extension MeetingStore {
  /// Says that this process has the meeting open in `role` from `terminal`; the other
  /// terminals list it until it withdraws, stops sending heartbeats, or its process ends.
  public func announcePresence(role: String, terminal: String, name: String?, at time: Instant) throws
    -> PresenceToken
  {
    let token = PresenceToken(
      id: UUID(), role: role, terminal: terminal, name: name, host: Self.hostName, pid: getpid(), since: time)
    try writePresence { db in try Self.insert(token, lastSeen: time, into: db) }
    return token
  }

  /// A heartbeat: this terminal is still here at `time`. Writes the row again when another
  /// terminal pruned it (after a long pause, a suspended laptop).
  public func refreshPresence(_ token: PresenceToken, at time: Instant) throws {
    try writePresence { db in
      try db.execute(
        sql: "UPDATE presence SET last_seen = ? WHERE id = ?",
        arguments: [time.millisecondsSince1970, token.id.uuidString])
      if db.changesCount == 0 { try Self.insert(token, lastSeen: time, into: db) }
    }
  }

  /// This terminal is leaving: the others stop listing it.
  public func withdrawPresence(_ token: PresenceToken) throws {
    try writePresence { db in
      try db.execute(sql: "DELETE FROM presence WHERE id = ?", arguments: [token.id.uuidString])
    }
  }

  /// The terminals that have the meeting open at `time`, earliest first.
  ///
  /// Live terminals only: drops rows whose last heartbeat is more than `staleAfterSeconds`
  /// old, and rows from this host whose process no longer exists. A writable store also
  /// deletes the rows it dropped (best effort: a busy file only postpones that). A file no
  /// terminal has announced itself in, or one from before presence, lists nobody.
  public func presence(at time: Instant, staleAfterSeconds: Int = 15) throws -> [PresenceEntry] {
    let cutoff = time.adding(seconds: -Int64(staleAfterSeconds))
    let host = Self.hostName
    let rows: [(id: String, entry: PresenceEntry)] = try guarded {
      try writer.read { db in
        guard try Self.hasPresenceTable(db) else { return [] }
        return try Row.fetchAll(
          db,
          sql: """
            SELECT id, role, terminal, name, host, pid, since, last_seen FROM presence
            ORDER BY since, terminal, id
            """
        ).map { row in
          let entry = PresenceEntry(
            role: row["role"], terminal: row["terminal"], name: row["name"], host: row["host"],
            pid: row["pid"], since: Instant(millisecondsSince1970: row["since"]),
            lastSeen: Instant(millisecondsSince1970: row["last_seen"]))
          return (row["id"], entry)
        }
      }
    }
    var live: [PresenceEntry] = []
    var dropped: [(id: String, lastSeen: Instant)] = []
    for (id, entry) in rows {
      if entry.lastSeen < cutoff || (entry.host == host && !Self.processExists(entry.pid)) {
        dropped.append((id, entry.lastSeen))
      } else {
        live.append(entry)
      }
    }
    if access == .readWrite, !dropped.isEmpty {
      // Only the row as it was read: one refreshed in the meantime stays.
      try? writePresence { db in
        for row in dropped {
          try db.execute(
            sql: "DELETE FROM presence WHERE id = ? AND last_seen = ?",
            arguments: [row.id, row.lastSeen.millisecondsSince1970])
        }
      }
    }
    return live
  }

  // MARK: Internals

  /// Creates the presence table in a file from before presence. Not a migration: the table is
  /// not part of the meeting, and an older Roundtable opens the file as before.
  static func createPresenceTable(in writer: any DatabaseWriter) throws {
    let exists = try writer.read { db in try hasPresenceTable(db) }
    guard !exists else { return }
    try writer.writeWithoutTransaction { db in
      try db.inTransaction(.immediate) {
        try db.execute(
          sql: """
            CREATE TABLE IF NOT EXISTS presence (
              id TEXT PRIMARY KEY NOT NULL,
              role TEXT NOT NULL,
              terminal TEXT NOT NULL,
              name TEXT,
              host TEXT NOT NULL,
              pid INTEGER NOT NULL,
              since INTEGER NOT NULL,
              last_seen INTEGER NOT NULL
            ) WITHOUT ROWID
            """)
        return .commit
      }
    }
  }

  /// Asks SQLite itself rather than a cached schema: another connection may have made it.
  static func hasPresenceTable(_ db: Database) throws -> Bool {
    try Bool.fetchOne(
      db, sql: "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'presence'") ?? false
  }

  private func writePresence(_ body: (Database) throws -> Void) throws {
    guard access == .readWrite else {
      throw StoreError(
        .readOnly,
        "\(path) was opened read-only, so this terminal cannot say it is connected; open it read-write.")
    }
    try write(body)
  }

  private static func insert(_ token: PresenceToken, lastSeen: Instant, into db: Database) throws {
    try db.execute(
      sql: """
        INSERT OR REPLACE INTO presence (id, role, terminal, name, host, pid, since, last_seen)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        token.id.uuidString, token.role, token.terminal, token.name, token.host, token.pid,
        token.since.millisecondsSince1970, lastSeen.millisecondsSince1970,
      ])
  }

  /// Whether a process exists on this machine (one of another user's counts).
  static func processExists(_ pid: Int32) -> Bool {
    guard pid > 0 else { return false }
    return kill(pid, 0) == 0 || errno != ESRCH
  }

  /// This machine's name, as `gethostname` gives it (no name lookup).
  static var hostName: String {
    var buffer = [CChar](repeating: 0, count: 256)
    guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
