import Foundation
import GRDB
import GRDBSQLite
import MeetingModel
import Synchronization

/// A meeting file: one SQLite database (WAL mode) holding one meeting's event log.
///
/// The only code that touches SQLite. Each store is one connection (a GRDB `DatabaseQueue`):
/// GRDB's `DatabasePool` would write a dummy transaction whenever it opens a file with an
/// empty WAL, and sets `synchronous=NORMAL`, which would change files that are only being read
/// and weaken durability. Appends are durable when they return
/// (`synchronous=FULL`); a file that is missing, not a meeting, damaged or from a newer
/// Roundtable is refused before anything is written to it.
public final class MeetingStore: Sendable {
  /// How a file is opened: read-only commands never take a write lock or change the file.
  public enum Access: Sendable {
    case readOnly
    case readWrite
  }

  /// The file format this Roundtable writes and the newest it reads.
  public static let formatVersion = 1

  public let path: String
  public let access: Access
  /// The meeting's id, drawn when the file was created.
  public let meetingID: UUID
  let writer: any DatabaseWriter
  /// The meeting as `open` found it when it checked the file, until `replay` takes it.
  let openingState: Mutex<MeetingState?>

  private init(
    path: String, access: Access, meetingID: UUID, writer: any DatabaseWriter,
    openingState: MeetingState? = nil
  ) {
    self.path = path
    self.access = access
    self.meetingID = meetingID
    self.writer = writer
    self.openingState = Mutex(openingState)
  }

  /// The state `open` built, once.
  func takeOpeningState() -> MeetingState? {
    openingState.withLock { state in
      defer { state = nil }
      return state
    }
  }

  // MARK: Creating

  /// Creates a new meeting file at `path` (readable by its owner only) holding `events`.
  ///
  /// Refuses when something already exists at `path`. The events are the meeting's first, as
  /// decided against an empty state (`MeetingState().decide(.createMeeting(…))`).
  public static func create(
    at path: String, with events: [MeetingEvent], at time: Instant, metadata: EventMetadata = EventMetadata()
  ) throws -> MeetingStore {
    var ids = SystemEventIDs()
    return try create(
      at: path, recorded: MeetingState().record(events, at: time, metadata: metadata, ids: &ids))
  }

  /// Creates a new meeting file holding already-recorded events (an import), in one transaction.
  /// The events go through the validating fold first: nothing is created when one does not fit.
  public static func create(at path: String, recorded events: [RecordedEvent]) throws -> MeetingStore {
    let state: MeetingState
    do {
      state = try ValidatingFold.state(of: events)
    } catch {
      throw StoreError(
        .invalidEvent, "Cannot create \(path): \(error). Nothing was written.")
    }
    let descriptor = Glibc.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      if errno == EEXIST {
        throw StoreError(.alreadyExists, "\(path) already exists; choose another name (nothing was changed).")
      }
      throw StoreError(.io, "Cannot create \(path): \(String(cString: strerror(errno))).")
    }
    Glibc.close(descriptor)
    do {
      let writer = try DatabaseQueue(path: path, configuration: configuration(readOnly: false))
      // WAL lets other terminals read while one writes; the mode is stored in the file.
      try writer.writeWithoutTransaction { db in
        guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
          throw StoreError(.io, "Cannot put \(path) in WAL mode (is it on a network drive?).")
        }
      }
      let meetingID = UUID()
      try Schema.migrator(meetingID: meetingID).migrate(writer)
      try createPresenceTable(in: writer)
      let store = MeetingStore(
        path: path, access: .readWrite, meetingID: meetingID, writer: writer, openingState: state)
      try store.write { db in try store.insert(events, into: db) }
      return store
    } catch {
      // A half-made file is no use to anyone: remove it and its companions.
      for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
      if let error = error as? DatabaseError { throw translate(error, path: path) }
      throw error
    }
  }

  // MARK: Opening

  /// Opens an existing meeting file, checking that it is one this Roundtable can use.
  public static func open(at path: String, access: Access) throws -> MeetingStore {
    try checkHeader(path)
    if access == .readWrite, !isWritable(path) {
      throw StoreError(
        .readOnly,
        "\(path) is read-only, so this command cannot record anything. It was not changed; make it writable "
          + "(chmod u+w) or use a read-only command such as `queue` or `log`.")
    }
    let companions = existingCompanions(path)
    let meetingID: UUID
    let upToDate: Bool
    let state: MeetingState
    do {
      (meetingID, upToDate, state) = try inspect(path)
    } catch {
      removeCompanions(of: path, except: companions)
      throw error
    }
    do {
      let writer: any DatabaseWriter =
        access == .readOnly
        ? try DatabaseQueue(path: path, configuration: configuration(readOnly: true))
        : try DatabaseQueue(path: path, configuration: configuration(readOnly: false))
      // Migrate only when needed: even a no-op migration run touches the file's header.
      if access == .readWrite && !upToDate { try Schema.migrator(meetingID: meetingID).migrate(writer) }
      // Who is connected lives beside the log, made on first read-write open (see +Presence).
      if access == .readWrite { try createPresenceTable(in: writer) }
      return MeetingStore(
        path: path, access: access, meetingID: meetingID, writer: writer, openingState: state)
    } catch let error as DatabaseError {
      throw translate(error, path: path)
    }
  }

  /// Closes the file. When this is the last connection to it, SQLite copies the WAL into the
  /// database file, so that the `.roundtable` file alone holds the whole meeting.
  public func close() throws {
    try guarded { try writer.close() }
  }

  private static let companionSuffixes = ["-wal", "-shm"]

  private static func existingCompanions(_ path: String) -> Set<String> {
    Set(companionSuffixes.filter { FileManager.default.fileExists(atPath: path + $0) })
  }

  /// Opening a WAL database, even read-only, creates its `-wal` and `-shm` companions. When a
  /// file is refused, remove the ones this process created (nothing was written to them: the WAL
  /// is empty), so that a refused file is left exactly as it was found.
  private static func removeCompanions(of path: String, except existing: Set<String>) {
    var info = stat()
    guard stat(path + "-wal", &info) != 0 || info.st_size == 0 else { return }
    for suffix in companionSuffixes where !existing.contains(suffix) { unlink(path + suffix) }
  }

  /// Whether the user lets this file be written: they can, and it has a write permission bit
  /// (root can write anything, but a file made read-only on purpose stays read-only).
  private static func isWritable(_ path: String) -> Bool {
    var info = stat()
    guard stat(path, &info) == 0 else { return false }
    return Foundation.access(path, W_OK) == 0 && info.st_mode & 0o222 != 0
  }

  /// The first 16 bytes of every SQLite database.
  private static let sqliteHeader = Array("SQLite format 3\0".utf8)

  private static func checkHeader(_ path: String) throws {
    guard FileManager.default.fileExists(atPath: path) else { throw StoreError.notFound(path) }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw StoreError(.io, "Cannot read \(path): permission denied.")
    }
    defer { try? handle.close() }
    let header = (try? handle.read(upToCount: 16)) ?? Data()
    guard Array(header) == sqliteHeader else { throw StoreError.notSQLite(path) }
  }

  /// Reads the file's metadata and replays its log through the validating fold, on a read-only
  /// connection: nothing is written to a file that turns out not to be a meeting, to be damaged,
  /// to come from a newer Roundtable, or to hold an event the model could never have written.
  private static func inspect(_ path: String) throws -> (meetingID: UUID, upToDate: Bool, state: MeetingState)
  {
    do {
      let queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: true))
      defer { try? queue.close() }
      return try queue.read { db in
        guard try db.tableExists("meeting_metadata"), try db.tableExists("events") else {
          throw StoreError.notAMeeting(path)
        }
        let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM meeting_metadata")
        var metadata: [String: String] = [:]
        for row in rows { metadata[row["key"]] = row["value"] }
        guard let formatText = metadata["format_version"], let format = Int(formatText),
          let idText = metadata["meeting_id"], let id = UUID(uuidString: idText)
        else { throw StoreError.notAMeeting(path) }
        guard format <= formatVersion else {
          throw StoreError(
            .newerFormat,
            "\(path) was written by a newer Roundtable (file format \(format); this one reads up to "
              + "\(formatVersion)). It was not changed; upgrade Roundtable to open it.")
        }
        let check = try String.fetchAll(db, sql: "PRAGMA quick_check")
        guard check == ["ok"] else { throw StoreError.corrupt(path, check.prefix(3).joined(separator: "; ")) }
        let upToDate = try Schema.migrator(meetingID: id).hasCompletedMigrations(db)
        var state = MeetingState()
        try catchUp(&state, in: db, path: path)
        return (id, upToDate, state)
      }
    } catch let error as DatabaseError {
      throw translate(error, path: path)
    }
  }

  static func translate(_ error: DatabaseError, path: String) -> StoreError {
    switch error.resultCode {
    case .SQLITE_CORRUPT, .SQLITE_NOTADB: .corrupt(path, error.message ?? "\(error.resultCode)")
    case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM:
      StoreError(
        .readOnly, "\(path) cannot be written: \(error.message ?? "permission denied"). It was not changed.")
    default: StoreError(.io, "\(path): \(error.message ?? "\(error)")")
    }
  }

  private static func configuration(readOnly: Bool) -> Configuration {
    var configuration = Configuration()
    configuration.readonly = readOnly
    configuration.busyMode = .timeout(10)
    configuration.label = "roundtable"
    if !readOnly {
      configuration.prepareDatabase { db in
        // Acknowledged means durable: survives kill -9 and power loss.
        try db.execute(sql: "PRAGMA synchronous = FULL")
      }
    }
    return configuration
  }
}
