import Foundation
import MeetingModel
import Testing

@testable import MeetingStore

/// A fresh folder for one test's files, removed afterwards.
final class TemporaryFolder {
  let url: URL

  init() {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "roundtable-tests-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  deinit { try? FileManager.default.removeItem(at: url) }
}

let tenOClock = Instant(iso8601: "2026-11-21T10:00:00Z")!

/// Creates a meeting file with a title and people.
func makeMeeting(at path: String, people: [String] = ["Amira", "Ben", "Chloe"]) throws -> (
  MeetingStore, MeetingState
) {
  let events = try MeetingState().decide(.createMeeting(title: "Forum"), at: tenOClock)
  let store = try MeetingStore.create(at: path, with: events, at: tenOClock)
  var state = try store.replay()
  for name in people {
    try store.execute(
      .join(name: name, tags: [name == "Ben" ? "professional" : "lived-experience"]), on: &state,
      at: tenOClock)
  }
  return (store, state)
}

/// The bytes of a file and its WAL, and whether its other companions exist, to show a refused
/// file was not touched. (The `-shm` index is shared memory that any reader updates, so only
/// its existence counts.)
func snapshot(_ path: String) -> [String: Data?] {
  var result: [String: Data?] = [:]
  for suffix in ["", "-wal", "-journal"] {
    result[suffix] = FileManager.default.contents(atPath: path + suffix)
  }
  result["-shm"] = FileManager.default.fileExists(atPath: path + "-shm") ? Data() : nil
  return result
}
