import Foundation

/// Checks and writes files the way a meeting file needs: anything that is not a regular file
/// (a folder, a named pipe, a device, a socket) is refused before it is opened, so that no
/// verb can hang on a FIFO or read a terminal; new files are built under a temporary name
/// beside their final one and appear there whole, or not at all.
///
/// A symbolic link is followed: a link to a regular file is that file; a link to anything else
/// is refused like the thing it points to. Only an existing output that is itself a link is
/// refused, by `writeNew(_:to:replacing:)`, because replacing it would replace the link.
public enum FileSafety {
  /// What `stat` says is at `path`, in words, or nil for a regular file.
  static func irregularKind(_ mode: mode_t) -> String? {
    switch mode & S_IFMT {
    case S_IFREG: nil
    case S_IFDIR: "a folder"
    case S_IFIFO: "a named pipe (FIFO)"
    case S_IFCHR: "a character device"
    case S_IFBLK: "a block device"
    case S_IFSOCK: "a socket"
    case S_IFLNK: "a symbolic link"
    default: "not a regular file"
    }
  }

  /// Refuses `path` unless it is a regular file (following a symbolic link). `what` names the
  /// file for the message ("meeting file", "plan"). Throws `notFound` when nothing is there.
  public static func requireRegularFile(_ path: String, what: String) throws {
    var info = stat()
    guard stat(path, &info) == 0 else {
      if errno == ENOENT || errno == ENOTDIR {
        throw StoreError(.notFound, "There is no \(what) at \(path).")
      }
      throw StoreError(.io, "Cannot read \(path): \(String(cString: strerror(errno))).")
    }
    if let kind = irregularKind(info.st_mode) { throw notAFile(path, kind: kind, what: what) }
  }

  static func notAFile(_ path: String, kind: String, what: String) -> StoreError {
    let article = "aeiou".contains(what.first ?? "x") ? "an" : "a"
    return StoreError(.notAFile, "\(path) is \(kind), not \(article) \(what). It was not opened or changed.")
  }

  /// Opens a file for reading without ever blocking or taking a terminal: checked before the
  /// open (`stat`), opened non-blocking, and checked again on the open descriptor in case the
  /// path changed in between. The caller closes the descriptor.
  static func openForReading(_ path: String, what: String) throws -> Int32 {
    try requireRegularFile(path, what: what)
    let descriptor = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
    guard descriptor >= 0 else {
      let reason = errno == EACCES ? "permission denied" : String(cString: strerror(errno))
      throw StoreError(.io, "Cannot read \(path): \(reason). It was not changed.")
    }
    var info = stat()
    guard fstat(descriptor, &info) == 0, irregularKind(info.st_mode) == nil else {
      Glibc.close(descriptor)
      throw notAFile(path, kind: irregularKind(info.st_mode) ?? "not a regular file", what: what)
    }
    return descriptor
  }

  /// The whole content of a regular file (an event log to import, a meeting plan).
  public static func read(_ path: String, what: String) throws -> Data {
    let descriptor = try openForReading(path, what: what)
    defer { Glibc.close(descriptor) }
    var data = Data()
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = Glibc.read(descriptor, &chunk, chunk.count)
      if count < 0 && errno == EINTR { continue }
      guard count >= 0 else {
        throw StoreError(.io, "Cannot read \(path): \(String(cString: strerror(errno))).")
      }
      if count == 0 { break }
      data.append(contentsOf: chunk[0..<count])
    }
    return data
  }

  /// The first `count` bytes of a regular file (fewer when it is shorter).
  static func prefix(of path: String, count: Int, what: String) throws -> [UInt8] {
    let descriptor = try openForReading(path, what: what)
    defer { Glibc.close(descriptor) }
    var bytes = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
      let got = bytes.withUnsafeMutableBytes {
        Glibc.read(descriptor, $0.baseAddress! + filled, count - filled)
      }
      if got < 0 && errno == EINTR { continue }
      if got <= 0 { break }
      filled += got
    }
    return Array(bytes[0..<filled])
  }

  // MARK: Creating files atomically

  /// Temporary files are named `.NAME.tmp-PID-RANDOM` beside `NAME` (plus SQLite's `-wal`,
  /// `-shm`, `-journal` while a meeting is being built): hidden, clearly temporary, and
  /// telling which process made them, so that ones left by a killed process can be removed.
  static let temporaryMarker = ".tmp-"

  static func folder(of path: String) -> String {
    let folder = (path as NSString).deletingLastPathComponent
    return folder.isEmpty ? "." : folder
  }

  static func temporaryPrefix(for path: String) -> String {
    "." + (path as NSString).lastPathComponent + temporaryMarker
  }

  /// Creates a new empty private (0600) file beside `path` under a unique temporary name.
  static func createTemporary(beside path: String) throws -> String {
    let folder = folder(of: path)
    for _ in 0..<16 {
      let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
      let name = folder + "/" + temporaryPrefix(for: path) + "\(getpid())-\(random)"
      let descriptor = Glibc.open(name, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0o600)
      if descriptor >= 0 {
        Glibc.close(descriptor)
        return name
      }
      if errno != EEXIST {
        throw StoreError(
          .io, "Cannot create \(path): \(String(cString: strerror(errno))). Nothing was created.")
      }
    }
    throw StoreError(.io, "Cannot create a temporary file beside \(path). Nothing was created.")
  }

  /// Refuses when anything, even a dangling symbolic link, is already at `path`.
  static func requireNothing(at path: String, message: String) throws {
    var info = stat()
    if lstat(path, &info) == 0 { throw StoreError(.alreadyExists, message) }
  }

  /// Removes a temporary file and the companions SQLite may have made for it.
  static func removeTemporary(_ temporary: String) {
    for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary + suffix) }
  }

  /// Removes temporary files for `path` left by processes that no longer exist (killed while
  /// creating it). Only regular files owned by this user and named by the scheme above.
  static func removeStaleTemporaries(for path: String) {
    let folder = folder(of: path)
    let prefix = temporaryPrefix(for: path)
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    for name in names where name.hasPrefix(prefix) {
      let rest = name.dropFirst(prefix.count)
      guard let pidText = rest.split(separator: "-").first, let pid = Int32(pidText), pid > 0 else {
        continue
      }
      guard kill(pid, 0) != 0 && errno == ESRCH else { continue }
      let full = folder + "/" + name
      var info = stat()
      guard lstat(full, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid() else {
        continue
      }
      unlink(full)
    }
  }

  /// Flushes a file's content to the disk.
  static func sync(_ path: String) throws {
    let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
    guard descriptor >= 0, fsync(descriptor) == 0 else {
      let reason = String(cString: strerror(errno))
      if descriptor >= 0 { Glibc.close(descriptor) }
      throw StoreError(.io, "Cannot save \(path) to disk: \(reason). Nothing was created.")
    }
    Glibc.close(descriptor)
  }

  /// Flushes a folder's entries (a new name in it) to the disk.
  static func syncFolder(of path: String) {
    let descriptor = Glibc.open(folder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    Glibc.close(descriptor)
  }

  /// Gives the complete, synced `temporary` its final name `path`, never replacing anything
  /// there: a hard link (which fails when `path` exists, so two processes creating the same
  /// name cannot clobber each other), then the temporary name is removed and the folder synced.
  /// Where hard links are not supported, a rename after checking that `path` is free.
  static func publish(_ temporary: String, at path: String, existsMessage: String) throws {
    if link(temporary, path) != 0 {
      let linkError = errno
      if linkError == EEXIST { throw StoreError(.alreadyExists, existsMessage) }
      guard [EPERM, ENOTSUP, EOPNOTSUPP, EMLINK].contains(linkError) else {
        throw StoreError(
          .io, "Cannot create \(path): \(String(cString: strerror(linkError))). Nothing was created.")
      }
      // No hard links here (some USB-stick file systems): rename once the name is checked free.
      // The content still appears whole; only two creators racing for one name could collide.
      try requireNothing(at: path, message: existsMessage)
      if rename(temporary, path) != 0 {
        throw StoreError(
          .io, "Cannot create \(path): \(String(cString: strerror(errno))). Nothing was created.")
      }
    } else {
      unlink(temporary)
    }
    syncFolder(of: path)
  }

  /// Writes `data` to a new private (0600) file at `path`, whole or not at all (built under a
  /// temporary name, synced, then given its name). Refuses to replace an existing file unless
  /// `replacing`; never replaces anything that is not a regular file (a folder, a FIFO, a
  /// device, a symbolic link).
  public static func writeNew(_ data: Data, to path: String, replacing: Bool) throws {
    var info = stat()
    if lstat(path, &info) == 0 {
      if let kind = irregularKind(info.st_mode) {
        throw StoreError(.notAFile, "\(path) is \(kind), not a file to write. Nothing was written.")
      }
      if !replacing {
        throw StoreError(
          .alreadyExists,
          "\(path) already exists; choose another name, or add --force to replace it (nothing was changed).")
      }
    }
    removeStaleTemporaries(for: path)
    let temporary = try createTemporary(beside: path)
    do {
      let descriptor = Glibc.open(temporary, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
      guard descriptor >= 0 else {
        throw StoreError(.io, "Cannot write \(path): \(String(cString: strerror(errno))).")
      }
      let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
      try handle.write(contentsOf: data)
      try handle.synchronize()
      try handle.close()
      if replacing {
        guard rename(temporary, path) == 0 else {
          throw StoreError(
            .io, "Cannot replace \(path): \(String(cString: strerror(errno))) (nothing was changed).")
        }
        syncFolder(of: path)
      } else {
        try publish(
          temporary, at: path,
          existsMessage:
            "\(path) already exists; choose another name, or add --force to replace it (nothing was changed)."
        )
      }
    } catch {
      removeTemporary(temporary)
      if let error = error as? StoreError { throw error }
      throw StoreError(.io, "Cannot write \(path): \(error.localizedDescription). Nothing was written.")
    }
  }
}
