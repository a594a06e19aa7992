import Foundation
import MeetingModel
import Testing

@testable import MeetingStore

/// New meeting files appear whole under their name or not at all, never over anything; things
/// that are not regular files are refused before they are opened.
@Suite("Atomic creation and files that are not files")
struct AtomicFileTests {
  func names(in folder: TemporaryFolder) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.url.path)) ?? []).sorted()
  }

  @Test func aNewMeetingIsWholeInWALModeAndLeavesNoTemporaryFile() throws {
    let folder = TemporaryFolder()
    let path = folder.path("forum.roundtable")
    let (store, state) = try makeMeeting(at: path)
    try store.close()
    #expect(names(in: folder) == ["forum.roundtable"])
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    // Bytes 18 and 19 of the header: 2 and 2 mean WAL.
    #expect(bytes[18] == 2 && bytes[19] == 2)
    var info = stat()
    #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o600)
    let reader = try MeetingStore.open(at: path, access: .readOnly)
    #expect(try reader.replay() == state)
    try reader.close()
  }

  @Test func twoCreatorsOfOneNameCannotClobberEachOther() throws {
    let folder = TemporaryFolder()
    let path = folder.path("same.roundtable")
    let outcomes = Outcomes()
    DispatchQueue.concurrentPerform(iterations: 6) { index in
      do {
        let events = try MeetingState().decide(.createMeeting(title: "Creator \(index)"), at: tenOClock)
        try MeetingStore.create(at: path, with: events, at: tenOClock).close()
        outcomes.add("created \(index)")
      } catch let error as StoreError {
        outcomes.add(error.kind.rawValue)
      } catch {
        outcomes.add("\(error)")
      }
    }
    let all = outcomes.all
    let winners = all.filter { $0.hasPrefix("created ") }
    #expect(winners.count == 1)
    #expect(all.filter { $0 == "already-exists" }.count == 5)
    let store = try MeetingStore.open(at: path, access: .readOnly)
    #expect(try store.replay().info?.title == "Creator " + (winners.first?.dropFirst(8) ?? ""))
    try store.close()
    #expect(names(in: folder).filter { $0.contains(".tmp-") } == [])
  }

  @Test func temporaryFilesOfEndedProcessesAreRemovedByTheNextCreate() throws {
    let folder = TemporaryFolder()
    let path = folder.path("m.rt")
    // pid 2^22 + 1 is above Linux's largest pid, so no process has it; this one's is alive.
    let stale = folder.path(".m.rt.tmp-4194305-abc")
    let live = folder.path(".m.rt.tmp-\(getpid())-def")
    for name in [stale, stale + "-wal", live] {
      #expect(FileManager.default.createFile(atPath: name, contents: Data()))
    }
    try makeMeeting(at: path).0.close()
    #expect(names(in: folder) == [".m.rt.tmp-\(getpid())-def", "m.rt"])
  }

  @Test func nothingIsCreatedOverAFIFOOrADanglingLink() throws {
    let folder = TemporaryFolder()
    let fifo = folder.path("pipe.rt")
    #expect(mkfifo(fifo, 0o600) == 0)
    let link = folder.path("link.rt")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "nowhere")
    let events = try MeetingState().decide(.createMeeting(title: "x"), at: tenOClock)
    for path in [fifo, link] {
      #expect(
        throws: StoreError(
          .alreadyExists, "\(path) already exists; choose another name (nothing was changed).")
      ) {
        try MeetingStore.create(at: path, with: events, at: tenOClock)
      }
    }
    #expect(names(in: folder) == ["link.rt", "pipe.rt"])
    #expect(!FileManager.default.fileExists(atPath: folder.path("nowhere")))
  }

  @Test func foldersFIFOsAndDevicesAreRefusedBeforeTheyAreOpened() throws {
    let folder = TemporaryFolder()
    let fifo = folder.path("pipe.rt")
    #expect(mkfifo(fifo, 0o600) == 0)
    let device = folder.path("null.rt")
    try FileManager.default.createSymbolicLink(atPath: device, withDestinationPath: "/dev/null")
    let cases = [
      (fifo, "a named pipe (FIFO)"), (device, "a character device"), (folder.url.path, "a folder"),
    ]
    for (path, kind) in cases {
      for access in [MeetingStore.Access.readOnly, .readWrite] {
        #expect(
          throws: StoreError(
            .notAFile, "\(path) is \(kind), not a meeting file. It was not opened or changed.")
        ) {
          try MeetingStore.open(at: path, access: access)
        }
      }
      #expect(throws: StoreError.self) { try FileSafety.read(path, what: "meeting plan") }
    }
    #expect(names(in: folder) == ["null.rt", "pipe.rt"])
  }

  @Test func writeNewNeverReplacesWhatIsNotARegularFile() throws {
    let folder = TemporaryFolder()
    let fifo = folder.path("pipe.html")
    #expect(mkfifo(fifo, 0o600) == 0)
    let target = folder.path("real.html")
    try "keep".write(toFile: target, atomically: false, encoding: .utf8)
    let link = folder.path("link.html")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.html")
    for path in [fifo, link, folder.url.path] {
      for replacing in [false, true] {
        #expect(throws: StoreError.self) {
          try FileSafety.writeNew(Data("x".utf8), to: path, replacing: replacing)
        }
      }
    }
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep")
    // A regular file is replaced whole with --force, and a new one is private.
    try FileSafety.writeNew(Data("new".utf8), to: target, replacing: true)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
    try FileSafety.writeNew(Data("fresh".utf8), to: folder.path("fresh.html"), replacing: false)
    var info = stat()
    #expect(stat(folder.path("fresh.html"), &info) == 0 && info.st_mode & 0o777 == 0o600)
    #expect(names(in: folder) == ["fresh.html", "link.html", "pipe.html", "real.html"])
  }
}

/// Outcomes gathered from several threads.
final class Outcomes: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [String] = []

  func add(_ item: String) {
    lock.lock()
    items.append(item)
    lock.unlock()
  }

  var all: [String] {
    lock.lock()
    defer { lock.unlock() }
    return items
  }
}
