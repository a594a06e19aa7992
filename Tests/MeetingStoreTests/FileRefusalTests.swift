import Foundation
import GRDB
import MeetingModel
import Testing

@testable import MeetingStore

@Suite("Files that are not usable meetings are refused and never modified")
struct FileRefusalTests {
  /// Opens `path` for writing (and reading), expecting `kind`, and checks that the bytes of the
  /// file and its companions are exactly as before.
  func expectRefusal(
    _ path: String, _ kind: StoreError.Kind, message: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for access in [MeetingStore.Access.readWrite, .readOnly] {
      let before = snapshot(path)
      do {
        _ = try MeetingStore.open(at: path, access: access)
        Issue.record("\(path) was opened \(access)", sourceLocation: sourceLocation)
      } catch let error as StoreError {
        #expect(error.kind == kind, sourceLocation: sourceLocation)
        if let message { #expect(error.message == message, sourceLocation: sourceLocation) }
      } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
      }
      #expect(snapshot(path) == before, "the file changed", sourceLocation: sourceLocation)
    }
  }

  @Test func aMissingFile() {
    let folder = TemporaryFolder()
    let path = folder.path("nowhere.roundtable")
    expectRefusal(
      path, .notFound,
      message: "There is no meeting file at \(path). Create one with `roundtable new \(path) --title …`.")
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test func aFileThatIsNotSQLite() throws {
    let folder = TemporaryFolder()
    let path = folder.path("notes.txt")
    try "Minutes of the last meeting\n".write(toFile: path, atomically: true, encoding: .utf8)
    expectRefusal(
      path, .notSQLite,
      message: "\(path) is not a Roundtable meeting file (it is not an SQLite database). It was not changed.")
    let empty = folder.path("empty.roundtable")
    _ = FileManager.default.createFile(atPath: empty, contents: Data())
    expectRefusal(empty, .notSQLite)
  }

  @Test func anSQLiteFileThatIsNotAMeeting() throws {
    let folder = TemporaryFolder()
    let path = folder.path("other.sqlite")
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
      try db.execute(sql: "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Amira')")
    }
    try queue.close()
    expectRefusal(
      path, .notAMeeting,
      message: "\(path) is an SQLite database but not a Roundtable meeting file. It was not changed.")
  }

  @Test func aMeetingFromANewerRoundtable() throws {
    let folder = TemporaryFolder()
    let path = folder.path("future.roundtable")
    let (store, _) = try makeMeeting(at: path)
    try store.close()
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
      try db.execute(sql: "UPDATE meeting_metadata SET value = '7' WHERE key = 'format_version'")
    }
    try queue.close()
    expectRefusal(
      path, .newerFormat,
      message:
        "\(path) was written by a newer Roundtable (file format 7; this one reads up to 1). It was not "
        + "changed; upgrade Roundtable to open it.")
  }

  @Test func aDamagedMeetingFile() throws {
    let folder = TemporaryFolder()
    let path = folder.path("damaged.roundtable")
    var (store, state) = try makeMeeting(at: path)
    for round in 0..<300 {
      let id = ParticipantID(round % 3 + 1)
      try store.execute(.raiseHand(id), on: &state, at: tenOClock)
      try store.execute(.lowerHand(id), on: &state, at: tenOClock)
    }
    try store.close()
    // Scribble over a page in the middle of the file.
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(bytes.count > 16 * 4096)
    for offset in (8 * 4096)..<(8 * 4096 + 2000) { bytes[offset] = UInt8(truncatingIfNeeded: offset * 31) }
    try bytes.write(to: URL(fileURLWithPath: path))
    expectRefusal(path, .corrupt)
  }

  @Test func aReadOnlyFileForAMutatingCommand() throws {
    let folder = TemporaryFolder()
    let path = folder.path("locked.roundtable")
    let (store, state) = try makeMeeting(at: path)
    try store.close()
    try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: path)
    let before = snapshot(path)
    do {
      _ = try MeetingStore.open(at: path, access: .readWrite)
      Issue.record("a read-only file was opened for writing")
    } catch let error as StoreError {
      #expect(error.kind == .readOnly)
      #expect(
        error.message
          == "\(path) is read-only, so this command cannot record anything. It was not changed; make it writable "
          + "(chmod u+w) or use a read-only command such as `queue` or `log`.")
    }
    #expect(snapshot(path) == before)
    // Reading it is fine, and changes nothing.
    let reader = try MeetingStore.open(at: path, access: .readOnly)
    #expect(try reader.replay() == state)
    try reader.close()
    #expect(snapshot(path)[""] == before[""])
  }

  @Test func creatingOverAnExistingFileIsRefused() throws {
    let folder = TemporaryFolder()
    let path = folder.path("notes.txt")
    try "keep me\n".write(toFile: path, atomically: true, encoding: .utf8)
    let before = snapshot(path)
    let events = try MeetingState().decide(.createMeeting(title: "x"), at: tenOClock)
    #expect(throws: StoreError.self) { try MeetingStore.create(at: path, with: events, at: tenOClock) }
    #expect(snapshot(path) == before)
  }
}
