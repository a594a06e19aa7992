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
  /// The companions (`-wal`, `-shm`) that existed before this store opened the file.
  let companionsAtOpen: Set<String>
  /// Whether closing removes the companions this store made: for a file this process cannot
  /// write, read without URI support, SQLite makes them with the file's read-only mode, and
  /// they would stop a later writer.
  let removesCompanionsOnClose: Bool
  /// The meeting as `open` found it when it checked the file, until `replay` takes it.
  let openingState: Mutex<MeetingState?>

  private init(
    path: String, access: Access, meetingID: UUID, writer: any DatabaseWriter,
    companionsAtOpen: Set<String> = [], removesCompanionsOnClose: Bool = false,
    openingState: MeetingState? = nil
  ) {
    self.path = path
    self.access = access
    self.meetingID = meetingID
    self.writer = writer
    self.companionsAtOpen = companionsAtOpen
    self.removesCompanionsOnClose = removesCompanionsOnClose
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
  ///
  /// Atomic: the meeting is built in a private temporary file beside `path`
  /// (`.NAME.tmp-PID-RANDOM`, see `FileSafety`), its WAL folded into it, synced, and only then
  /// linked to `path`, which must still be free (two processes creating the same name cannot
  /// clobber each other). A process killed at any moment leaves either nothing at `path` or the
  /// complete meeting; temporary files left by killed processes are removed by the next create.
  /// The events go through the validating fold first: nothing is created when one does not fit.
  public static func create(at path: String, recorded events: [RecordedEvent]) throws -> MeetingStore {
    do {
      _ = try ValidatingFold.state(of: events)
    } catch {
      throw StoreError(.invalidEvent, "Cannot create \(path): \(error). Nothing was written.")
    }
    return try create(at: path, validated: events)
  }

  /// As `create(at:recorded:)`, for events the caller has already run through the validating
  /// fold (an import checks each line as it reads it, to name the line).
  static func create(at path: String, validated events: [RecordedEvent]) throws -> MeetingStore {
    let exists = "\(path) already exists; choose another name (nothing was changed)."
    try FileSafety.requireNothing(at: path, message: exists)
    FileSafety.removeStaleTemporaries(for: path)
    let temporary = try FileSafety.createTemporary(beside: path)
    do {
      try build(temporary, holding: events, messagesAbout: path)
      try FileSafety.sync(temporary)
      try FileSafety.publish(temporary, at: path, existsMessage: exists)
    } catch {
      FileSafety.removeTemporary(temporary)
      throw error
    }
    return try open(at: path, access: .readWrite)
  }

  /// Writes a complete meeting into the empty file `temporary`, leaving it in WAL mode with
  /// nothing in its WAL (the file alone holds the meeting) and no companions.
  private static func build(_ temporary: String, holding events: [RecordedEvent], messagesAbout path: String)
    throws
  {
    do {
      let writer = try DatabaseQueue(path: temporary, configuration: configuration(readOnly: false))
      // WAL lets other terminals read while one writes; the mode is stored in the file.
      try writer.writeWithoutTransaction { db in
        guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
          throw StoreError(.io, "Cannot put \(path) in WAL mode (is it on a network drive?).")
        }
      }
      let meetingID = UUID()
      try Schema.migrator(meetingID: meetingID).migrate(writer)
      try createPresenceTable(in: writer)
      let store = MeetingStore(path: path, access: .readWrite, meetingID: meetingID, writer: writer)
      try store.write { db in try store.insert(events, into: db) }
      // Fold the WAL into the file before it gets its name: renamed alone, it must be whole.
      try writer.writeWithoutTransaction { db in
        let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        guard let busy: Int = row?[0], busy == 0 else {
          throw StoreError(.io, "Cannot complete \(path): the new file was busy. Nothing was created.")
        }
      }
      try writer.close()
    } catch let error as DatabaseError {
      throw translate(error, path: path)
    }
    var info = stat()
    if lstat(temporary + "-wal", &info) == 0 && info.st_size > 0 {
      throw StoreError(.io, "Cannot complete \(path): its changes stayed in the WAL. Nothing was created.")
    }
  }

  // MARK: Opening

  /// Opens an existing meeting file, checking that it is one this Roundtable can use.
  ///
  /// Anything that is not a regular file (a folder, a named pipe, a device, a socket, or a
  /// symbolic link to one) is refused before it is opened. A file this process cannot write is
  /// read without creating the `-wal` and `-shm` companions SQLite would otherwise leave, with
  /// the file's read-only mode, in the way of every later writer (see `readOnlyLocation`).
  public static func open(at path: String, access: Access) throws -> MeetingStore {
    try checkHeader(path)
    if access == .readWrite, !isWritable(path) {
      throw StoreError(
        .readOnly,
        "\(path) is read-only, so this command cannot record anything. It was not changed; make it writable "
          + "(chmod u+w) or use a read-only command such as `queue` or `log`.")
    }
    if access == .readWrite { try repairCompanions(of: path) }
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
      let writer: any DatabaseWriter
      var cleanUp = false
      if access == .readOnly {
        let (location, leaves) = readOnlyLocation(path)
        writer = try DatabaseQueue(path: location, configuration: configuration(readOnly: true))
        cleanUp = leaves
      } else {
        writer = try DatabaseQueue(path: path, configuration: configuration(readOnly: false))
      }
      // Migrate only when needed: even a no-op migration run touches the file's header.
      if access == .readWrite && !upToDate { try Schema.migrator(meetingID: meetingID).migrate(writer) }
      // Who is connected lives beside the log, made on first read-write open (see +Presence).
      if access == .readWrite { try createPresenceTable(in: writer) }
      return MeetingStore(
        path: path, access: access, meetingID: meetingID, writer: writer, companionsAtOpen: companions,
        removesCompanionsOnClose: cleanUp, openingState: state)
    } catch let error as DatabaseError {
      throw translate(error, path: path)
    }
  }

  /// Closes the file. When this is the last connection to it, SQLite copies the WAL into the
  /// database file, so that the `.roundtable` file alone holds the whole meeting.
  public func close() throws {
    try guarded { try writer.close() }
    if removesCompanionsOnClose {
      Self.removeCompanions(of: path, except: companionsAtOpen, evenIfWritten: true)
    }
  }

  /// Closes a file that turned out unusable after it was opened (an event that cannot be read):
  /// the companions this store made are removed again (nothing was written to them), so the
  /// refused file is left exactly as it was found.
  public func abandon() {
    try? writer.close()
    Self.removeCompanions(of: path, except: companionsAtOpen, evenIfWritten: removesCompanionsOnClose)
  }

  private static let companionSuffixes = ["-wal", "-shm"]

  private static func existingCompanions(_ path: String) -> Set<String> {
    Set(companionSuffixes.filter { FileManager.default.fileExists(atPath: path + $0) })
  }

  /// Opening a WAL database, even read-only, creates its `-wal` and `-shm` companions. When a
  /// file is refused, remove the ones this process created (nothing was written to them: the WAL
  /// is empty), so that a refused file is left exactly as it was found.
  private static func removeCompanions(
    of path: String, except existing: Set<String>, evenIfWritten: Bool = false
  ) {
    var info = stat()
    guard evenIfWritten || stat(path + "-wal", &info) != 0 || info.st_size == 0 else { return }
    for suffix in companionSuffixes where !existing.contains(suffix) { unlink(path + suffix) }
  }

  /// Whether the user lets this file be written: they can, and it has a write permission bit
  /// (root can write anything, but a file made read-only on purpose stays read-only).
  static func isWritable(_ path: String) -> Bool {
    var info = stat()
    guard stat(path, &info) == 0 else { return false }
    return Foundation.access(path, W_OK) == 0 && info.st_mode & 0o222 != 0
  }

  /// The first 16 bytes of every SQLite database.
  private static let sqliteHeader = Array("SQLite format 3\0".utf8)

  private static func checkHeader(_ path: String) throws {
    guard FileManager.default.fileExists(atPath: path) else { throw StoreError.notFound(path) }
    // Checked and opened without blocking: a named pipe would otherwise hang every verb.
    let header = try FileSafety.prefix(of: path, count: 16, what: "meeting file")
    guard header == sqliteHeader else { throw StoreError.notSQLite(path) }
    // SQLite keeps the latest changes in the companions: they must be plain files too.
    for suffix in companionSuffixes {
      var info = stat()
      if lstat(path + suffix, &info) == 0, let kind = FileSafety.irregularKind(info.st_mode) {
        throw StoreError(
          .notAFile,
          "\(path)\(suffix) is \(kind), where SQLite keeps the meeting's latest changes, so \(path) cannot be "
            + "opened safely. Nothing was changed.")
      }
    }
  }

  /// Reads the file's metadata and replays its log through the validating fold, on a read-only
  /// connection: nothing is written to a file that turns out not to be a meeting, to be damaged,
  /// to come from a newer Roundtable, or to hold an event the model could never have written.
  private static func inspect(_ path: String) throws -> (meetingID: UUID, upToDate: Bool, state: MeetingState)
  {
    do {
      let (location, leaves) = readOnlyLocation(path)
      let before = leaves ? existingCompanions(path) : []
      let queue = try DatabaseQueue(path: location, configuration: configuration(readOnly: true))
      defer {
        try? queue.close()
        if leaves { removeCompanions(of: path, except: before, evenIfWritten: true) }
      }
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
