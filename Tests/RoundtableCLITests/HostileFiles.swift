import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#endif

/// Every verb the binary has, each with valid other arguments, for running on a file that is
/// not a usable meeting. `@` stands for the hostile file.
struct VerbCase: Sendable, CustomStringConvertible {
  enum Role: Sendable {
    /// Reads the meeting at `@`.
    case reads
    /// Records something in the meeting at `@`.
    case writes
    /// Creates a new file at `@`: refused because something is there.
    case creates
    /// Reads `@` as some other input (a plan, an event log): only for things that are not
    /// regular files, or cannot be read (anything else is that input's own kind of error).
    case readsInput
  }

  var arguments: [String]
  var role: Role

  init(_ arguments: [String], _ role: Role) {
    self.arguments = arguments
    self.role = role
  }

  var description: String { arguments.joined(separator: " ") }

  /// The verb's name as `--help` lists it ("hand", "agenda add").
  var verb: String {
    ["agenda", "round"].contains(arguments[0]) ? arguments[0] + " " + arguments[1] : arguments[0]
  }

  func arguments(file: String) -> [String] { arguments.map { $0 == "@" ? file : $0 } }

  /// One line per verb (and per way a verb reads a file): add a verb here and it runs on every
  /// hostile file. `study` takes no meeting file.
  static let all: [VerbCase] = [
    VerbCase(["new", "@", "--title", "T"], .creates),
    VerbCase(["new", "fresh.rt", "--title", "T", "--carry-from", "@"], .reads),
    VerbCase(["new", "fresh.rt", "--from", "@"], .readsInput),
    VerbCase(["open", "@"], .writes),
    VerbCase(["close", "@"], .writes),
    VerbCase(["policy", "@"], .reads),
    VerbCase(["policy", "@", "--starvation-limit", "2"], .writes),
    VerbCase(["join", "@", "Amira"], .writes),
    VerbCase(["update", "@", "Amira", "--time-adjust", "1.5"], .writes),
    VerbCase(["leave", "@", "Amira"], .writes),
    VerbCase(["agenda", "add", "@", "Housing"], .writes),
    VerbCase(["agenda", "next", "@"], .writes),
    VerbCase(["agenda", "list", "@"], .reads),
    VerbCase(["agenda", "start", "@", "1"], .writes),
    VerbCase(["agenda", "close", "@"], .writes),
    VerbCase(["agenda", "defer", "@"], .writes),
    VerbCase(["agenda", "move", "@", "1", "--to", "1"], .writes),
    VerbCase(["park", "@", "Council tax"], .writes),
    VerbCase(["unpark", "@", "1"], .writes),
    VerbCase(["hand", "@", "Amira"], .writes),
    VerbCase(["lower", "@", "Amira"], .writes),
    VerbCase(["next", "@"], .writes),
    VerbCase(["done", "@"], .writes),
    VerbCase(["floor", "@", "Amira"], .writes),
    VerbCase(["move", "@", "Amira", "--to", "1", "--reason", "leads"], .writes),
    VerbCase(["round", "start", "@", "--order", "Amira"], .writes),
    VerbCase(["round", "next", "@"], .writes),
    VerbCase(["round", "pass", "@"], .writes),
    VerbCase(["round", "end", "@"], .writes),
    VerbCase(["contribute", "@", "Amira", "--written", "Too late"], .writes),
    VerbCase(["queue", "@"], .reads),
    VerbCase(["decide", "@", "Cookers", "--method", "consent", "--outcome", "agreed"], .writes),
    VerbCase(["stance", "@", "1", "Amira", "agree"], .writes),
    VerbCase(["amend", "@", "1", "--text", "Ovens"], .writes),
    VerbCase(["withdraw", "@", "1", "--reason", "twice"], .writes),
    VerbCase(["action", "@", "Amira: cost it"], .writes),
    VerbCase(["actions", "@"], .reads),
    VerbCase(["follow-up", "@", "1", "--status", "done"], .writes),
    VerbCase(["signal", "@", "jargon"], .writes),
    VerbCase(["ack", "@"], .writes),
    VerbCase(["undo", "@"], .writes),
    VerbCase(["stats", "@"], .reads),
    VerbCase(["log", "@"], .reads),
    VerbCase(["log", "@", "--json"], .reads),
    VerbCase(["log", "@", "--follow"], .reads),
    VerbCase(["export", "@", "--format", "jsonl"], .reads),
    VerbCase(["export", "@", "--format", "html", "-o", "minutes.html"], .reads),
    VerbCase(["import", "@", "good.jsonl"], .creates),
    VerbCase(["import", "fresh.rt", "@"], .readsInput),
    VerbCase(["run", "@"], .writes),
    VerbCase(["watch", "@"], .reads),
    VerbCase(["watch", "@", "--as", "Amira"], .writes),
    VerbCase(["demo", "@"], .creates),
    VerbCase(["simulate", "@", "--events", "20"], .creates),
  ]

  static let withoutMeetingFile: Set<String> = ["study"]
}

/// A file that is not a usable meeting, made in a folder of its own as `h.rt`.
struct HostileFile: Sendable, CustomStringConvertible {
  var name: String
  /// Whether it is something other than a readable regular file, so that every verb reading any
  /// input must refuse it (a damaged meeting given as a plan is just a plan with bad YAML).
  var irregular = false
  /// Run the verbs as user nobody (permission cases; the folder is made theirs).
  var asNobody = false
  /// Makes the file at `path`; `meeting` is a valid meeting file to start from.
  var make: @Sendable (_ path: String, _ meeting: String) throws -> Void

  var description: String { name }

  /// A valid meeting changed with SQL: one line per kind of tampering.
  static func tampered(_ name: String, _ sql: String) -> HostileFile {
    HostileFile(name: name) { path, meeting in
      try FileManager.default.copyItem(atPath: meeting, toPath: path)
      let queue = try DatabaseQueue(path: path)
      try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
      try queue.close()
    }
  }

  /// The valid meeting cut to `length` bytes (a negative length counts from the end).
  static func truncated(_ length: Int) -> HostileFile {
    HostileFile(name: "truncated to \(length) bytes") { path, meeting in
      let bytes = try Data(contentsOf: URL(fileURLWithPath: meeting))
      let keep = length >= 0 ? length : bytes.count + length
      try bytes.prefix(keep).write(to: URL(fileURLWithPath: path))
    }
  }

  static func bytes(_ name: String, _ make: @escaping @Sendable (Data) -> Data) -> HostileFile {
    HostileFile(name: name) { path, meeting in
      try make(try Data(contentsOf: URL(fileURLWithPath: meeting))).write(to: URL(fileURLWithPath: path))
    }
  }

  /// Seeded bytes, the same on every run.
  static func noise(count: Int, seed: UInt64) -> Data {
    var state = seed
    return Data(
      (0..<count).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return UInt8(truncatingIfNeeded: state >> 56)
      })
  }

  static let sqliteHeader = Data("SQLite format 3\0".utf8)

  static let all: [HostileFile] = [
    bytes("zero length") { _ in Data() },
    truncated(100),
    truncated(4096),
    truncated(-1),
    bytes("random bytes") { _ in noise(count: 8192, seed: 12) },
    bytes("an SQLite header, then random bytes") { _ in sqliteHeader + noise(count: 8176, seed: 13) },
    bytes("pages scribbled over") { meeting in
      var bytes = meeting
      for offset in (2 * 4096)..<min(bytes.count, 4 * 4096) {
        bytes[offset] = UInt8(truncatingIfNeeded: offset * 31)
      }
      return bytes
    },
    HostileFile(name: "a foreign SQLite database") { path, _ in
      let queue = try DatabaseQueue(path: path)
      try queue.write { db in
        try db.execute(sql: "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Amira')")
      }
      try queue.close()
    },
    tampered("an event's data is not its layout", "UPDATE events SET data = x'ffffffffff' WHERE seq = 5"),
    tampered("an unknown event type code", "UPDATE events SET type = 999 WHERE seq = 5"),
    tampered("an unknown schema version", "UPDATE events SET version = 99 WHERE seq = 5"),
    tampered("a gap in the sequence", "DELETE FROM events WHERE seq = 5"),
    tampered(
      "an event id of 3 bytes",
      "PRAGMA ignore_check_constraints = ON; UPDATE events SET id = x'010203' WHERE seq = 5"),
    tampered("a newer file format", "UPDATE meeting_metadata SET value = '7' WHERE key = 'format_version'"),
    tampered("no meeting id", "DELETE FROM meeting_metadata WHERE key = 'meeting_id'"),
    tampered("no events table", "DROP TABLE events"),
    // Rows SQLite accepts but the validating fold refuses (events Roundtable never writes).
    tampered("a time of Int64.min", "UPDATE events SET time = -9223372036854775808 WHERE seq = 5"),
    tampered(
      "a time after the year 9999",
      "UPDATE events SET time = 9223372036854775807 WHERE seq = (SELECT max(seq) FROM events)"),
    tampered("text in the time column", "UPDATE events SET time = 'ten o''clock' WHERE seq = 5"),
    tampered(
      "time going backwards",
      "UPDATE events SET time = (SELECT max(time) FROM events) + 3600000 WHERE seq = 2"),
    tampered(
      "a second meeting.created",
      """
      INSERT INTO events (seq, id, time, type, version, data)
      SELECT (SELECT max(seq) FROM events) + 1, randomblob(16), (SELECT max(time) FROM events), type, version, data
      FROM events WHERE seq = 1
      """),
    HostileFile(name: "a folder", irregular: true) { path, _ in
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    },
    HostileFile(name: "a FIFO", irregular: true) { path, _ in
      guard mkfifo(path, 0o600) == 0 else { throw POSIXError(.EIO) }
    },
    HostileFile(name: "a socket", irregular: true) { path, _ in try makeSocket(at: path) },
    HostileFile(name: "a link to /dev/null", irregular: true) { path, _ in
      try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/null")
    },
    HostileFile(name: "a character device (mknod)", irregular: true) { path, _ in
      // Needs root (the tests run as root); a link to /dev/zero stands in otherwise.
      if mknod(path, S_IFCHR | 0o600, dev_t(1 << 8 | 5)) != 0 {
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/zero")
      }
    },
    HostileFile(name: "a valid meeting whose -wal is a FIFO") { path, meeting in
      try FileManager.default.copyItem(atPath: meeting, toPath: path)
      guard mkfifo(path + "-wal", 0o600) == 0 else { throw POSIXError(.EIO) }
    },
    HostileFile(name: "a valid meeting whose -shm is a folder") { path, meeting in
      try FileManager.default.copyItem(atPath: meeting, toPath: path)
      try FileManager.default.createDirectory(atPath: path + "-shm", withIntermediateDirectories: false)
    },
    HostileFile(name: "a meeting its reader cannot read (nobody, mode 000)", irregular: true, asNobody: true)
    {
      path, meeting in
      try FileManager.default.copyItem(atPath: meeting, toPath: path)
      chown(path, 65534, 65534)
      chmod(path, 0)
    },
  ]

  static func makeSocket(at path: String) throws {
    let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw POSIXError(.EIO) }
    defer { close(descriptor) }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    let bytes = Array(path.utf8)
    guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw POSIXError(.ENAMETOOLONG) }
    withUnsafeMutableBytes(of: &address.sun_path) { buffer in
      for (index, byte) in bytes.enumerated() { buffer[index] = byte }
    }
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
      }
    }
    guard bound == 0 else { throw POSIXError(.EIO) }
  }
}

/// What a folder holds, without opening anything that is not a regular file: each entry's
/// kind, mode, owner and (for regular files) a hash of its bytes.
func folderSnapshot(_ folder: String) -> [String: String] {
  var snapshot: [String: String] = [:]
  for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
    let path = folder + "/" + name
    var info = stat()
    guard lstat(path, &info) == 0 else { continue }
    var entry = "mode \(String(info.st_mode, radix: 8)) uid \(info.st_uid) size \(info.st_size)"
    if info.st_mode & S_IFMT == S_IFREG {
      // Read as root can read anything, even a file made unreadable for nobody.
      if let data = FileManager.default.contents(atPath: path) {
        entry += " fnv1a " + String(fnv1a(data), radix: 16)
      }
    } else if info.st_mode & S_IFMT == S_IFLNK {
      entry += " -> " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?")
    }
    snapshot[name] = entry
  }
  return snapshot
}

/// A 64-bit FNV-1a hash of `data`: enough to see that a file's bytes changed.
func fnv1a(_ data: Data) -> UInt64 {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for byte in data { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
  return hash
}

/// Collects findings from worker threads.
final class Findings: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [String] = []
  private var runs = 0

  func add(_ finding: String) {
    lock.lock()
    items.append(finding)
    lock.unlock()
  }

  func countRun() {
    lock.lock()
    runs += 1
    lock.unlock()
  }

  var all: [String] {
    lock.lock()
    defer { lock.unlock() }
    return items
  }

  var runCount: Int {
    lock.lock()
    defer { lock.unlock() }
    return runs
  }
}

/// Runs `body` for each of `count` items on `width` threads at once.
func inParallel(_ count: Int, width: Int, _ body: @escaping @Sendable (Int) -> Void) {
  let lock = NSLock()
  nonisolated(unsafe) var next = 0
  let group = DispatchGroup()
  for _ in 0..<width {
    group.enter()
    Thread.detachNewThread {
      while true {
        lock.lock()
        let index = next
        next += 1
        lock.unlock()
        if index >= count { break }
        body(index)
      }
      group.leave()
    }
  }
  group.wait()
}
