import Foundation
import GRDB
import MeetingModel

/// The store's part of the validating fold: every event id is unique.
///
/// The schema's UNIQUE index on `events.id` makes SQLite refuse a repeated id on every write,
/// so a file that still has the index needs no check at all (replay pays nothing for it). Only
/// a table rebuilt without the index, by hand, has each new id checked against all the earlier
/// ones.
struct EventIDCheck {
  /// Each id seen with its event's sequence number; nil while SQLite enforces uniqueness.
  private var seen: [EventID: Int64]?

  /// Prepares to check the events from `sequence` on, in `db`.
  init(before sequence: Int64, in db: Database) throws {
    guard try !Self.isEnforced(in: db) else { return }
    var seen: [EventID: Int64] = [:]
    let rows = try Row.fetchCursor(
      db, sql: "SELECT seq, id FROM events WHERE seq < ? ORDER BY seq", arguments: [sequence])
    while let row = try rows.next() {
      guard let bytes = row["id"] as Data?, bytes.count == 16 else { continue }
      let id = bytes.withUnsafeBytes { UUID.fromBytes($0) }
      if seen[id] == nil { seen[id] = row["seq"] }
    }
    self.seen = seen
  }

  /// The problem with `event`'s id, if an earlier event has it.
  mutating func register(_ event: RecordedEvent) -> EventProblem? {
    guard seen != nil else { return nil }
    if let earlier = seen?[event.id] {
      return EventProblem(
        sequence: event.sequence, reason: "has the same id as event \(earlier) (\(event.id))")
    }
    seen?[event.id] = event.sequence
    return nil
  }

  /// Whether `events` still has a unique index on exactly its `id` column.
  static func isEnforced(in db: Database) throws -> Bool {
    let count = try Int.fetchOne(
      db,
      sql: """
        SELECT count(*) FROM pragma_index_list('events') AS list
        WHERE list."unique" = 1 AND list.partial = 0
          AND (SELECT count(*) FROM pragma_index_info(list.name)) = 1
          AND (SELECT name FROM pragma_index_info(list.name)) = 'id'
        """)
    return (count ?? 0) > 0
  }
}
