import Foundation
import GRDBSQLite

/// SQLite's `-wal` and `-shm` companions of a meeting file, and how a file this process
/// cannot write is read without leaving companions that would stop a later writer.
///
/// Opening a WAL database, even read-only, makes both companions when they are missing, with
/// the database file's mode. For a read-only file (`chmod 400`) that mode is read-only: once
/// the file is made writable again, SQLite cannot write its own companions and every write
/// fails ("attempt to write a readonly database"). So:
/// - a file this process cannot write (or whose folder it cannot write) and whose WAL is
///   missing or empty is read as an *immutable* database (`file:…?immutable=1`): the main file
///   holds the whole meeting, and SQLite reads it without locks or companions;
/// - when its WAL holds changes (a writer was killed before folding them in), it is read
///   normally, and any companion SQLite made is removed again when the store closes;
/// - a writer finding companions of its own that it cannot write (left by an older Roundtable)
///   makes them writable again (`0600`); companions of another user are refused with a message.
extension MeetingStore {
  /// Where a read-only connection opens `path`, and whether the companions it makes must be
  /// removed when it closes.
  static func readOnlyLocation(_ path: String) -> (location: String, leavesCompanions: Bool) {
    let folderWritable = Foundation.access(FileSafety.folder(of: path), W_OK) == 0
    guard !(isWritable(path) && folderWritable) else { return (path, false) }
    var info = stat()
    let walEmpty = lstat(path + "-wal", &info) != 0 || info.st_size == 0
    if walEmpty, let uri = immutableURI(path) { return (uri, false) }
    return (path, folderWritable)
  }

  /// `file:///absolute/path?immutable=1`, when this SQLite reads URIs.
  static func immutableURI(_ path: String) -> String? {
    guard sqlite3_compileoption_used("USE_URI") != 0 else { return nil }
    let absolute =
      path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "?#%")
    guard let encoded = absolute.addingPercentEncoding(withAllowedCharacters: allowed) else { return nil }
    return "file://" + encoded + "?immutable=1"
  }

  /// Before writing: companions this user owns but cannot write become writable (`0600`, the
  /// meeting's own mode); one owned by another user that this process cannot write is refused.
  static func repairCompanions(of path: String) throws {
    for suffix in ["-wal", "-shm"] {
      let companion = path + suffix
      var info = stat()
      guard lstat(companion, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
        Foundation.access(companion, W_OK) != 0
      else { continue }
      if info.st_uid == geteuid() {
        let descriptor = Glibc.open(companion, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        if descriptor >= 0 {
          let changed = fchmod(descriptor, 0o600) == 0
          Glibc.close(descriptor)
          if changed { continue }
        }
      }
      throw StoreError(
        .readOnly,
        "\(companion) cannot be written by you, so nothing can be recorded in \(path). It was not changed; "
          + "when no terminal has the meeting open, its owner can remove \(path)-wal and \(path)-shm.")
    }
  }
}
