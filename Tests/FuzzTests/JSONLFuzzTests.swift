import Foundation
import MeetingModel
import Testing

@testable import MeetingStore

/// The JSONL importer, from the every-event fixture's lines, mutated.
@Suite("Fuzzing: the JSONL importer")
struct JSONLFuzzTests {
  static func corpus() throws -> [String] {
    try String(
      contentsOf: DecoderFuzzTests.fixtures.appendingPathComponent("format-1-every-event.jsonl"),
      encoding: .utf8
    ).split(separator: "\n").map(String.init)
  }

  static let types = EventType.allCases.map(\.rawValue)

  /// One line: refused with a message, or read as an event whose export reads back the same.
  static func checkLine(_ line: String) -> String {
    let event: RecordedEvent
    do {
      event = try JSONDecoder().decode(RecordedEvent.self, from: Data(line.utf8))
    } catch {
      return "refused"
    }
    guard let json = try? MeetingStore.jsonEncoder.encode(event) else { return "read, no JSON form" }
    let again = try? JSONDecoder().decode(RecordedEvent.self, from: json)
    #expect(
      again.flatMap { try? MeetingStore.jsonEncoder.encode($0) } == json,
      "\(line) → \(String(decoding: json, as: UTF8.self)) does not read back")
    return "read"
  }

  /// A whole log with one line mutated, imported into a new file: refused with nothing
  /// written, or a meeting that opens, replays, is described as `log`, `queue` and `stats` show
  /// it, and exports what imports to the same events.
  static func checkImport(_ lines: [String], folder: URL) -> String {
    let path = folder.appendingPathComponent("\(UUID().uuidString).roundtable").path
    defer {
      for suffix in ["", "-wal", "-shm", "-journal"] {
        try? FileManager.default.removeItem(atPath: path + suffix)
      }
    }
    let store: MeetingStore
    do {
      store = try MeetingStore.importJSONL(lines, to: path)
    } catch let error as StoreError {
      #expect(!FileManager.default.fileExists(atPath: path) || error.kind != .invalidImport)
      return "refused"
    } catch {
      Issue.record("import failed with \(error)")
      return "error"
    }
    do {
      let events = try store.events()
      let state = try store.replay()
      // What `log`, `queue` and `stats` then show of it.
      var before = MeetingState()
      for event in events {
        _ = before.describe(event.event)
        before.apply(event)
      }
      _ = state.speakingQueue.map(\.reasons)
      _ = state.voiceStats(now: state.lastEventTime)
      var exported: [String] = []
      try store.exportJSONL { exported.append($0) }
      let again = try MeetingStore.importJSONL(exported, to: path + ".again")
      defer { try? FileManager.default.removeItem(atPath: path + ".again") }
      #expect(try again.events() == events)
      return "imported"
    } catch {
      return "imported, then refused"
    }
  }

  @Test func mutatedLinesAreReadOrRefusedNeverCrash() throws {
    let corpus = try Self.corpus()
    let figures = fuzz(
      "jsonl-line", corpus: corpus, budget: .fromEnvironment(iterations: 4000), dump: { Data($0.utf8) },
      mutate: { line, random in MutateJSON.mutate(line, types: Self.types, random: &random) }, Self.checkLine)
    #expect(figures.outcomes["read", default: 0] > 0)
    #expect(figures.outcomes["refused", default: 0] > 0)
  }

  @Test func mutatedLogsAreImportedOrRefusedNeverCrash() throws {
    let corpus = try Self.corpus()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "roundtable-fuzz-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let figures = fuzz(
      "jsonl-import", corpus: [corpus], budget: .fromEnvironment(iterations: 150),
      dump: { Data($0.joined(separator: "\n").utf8) },
      mutate: { lines, random in
        var lines = lines
        guard !lines.isEmpty else { return ["{}"] }
        let index = random.below(lines.count)
        switch random.below(10) {
        case 0: lines.remove(at: index)
        case 1: lines.swapAt(index, random.below(lines.count))
        case 2: lines = Array(lines.prefix(index + 1))
        default: lines[index] = MutateJSON.mutate(lines[index], types: Self.types, random: &random)
        }
        return lines
      }, { Self.checkImport($0, folder: folder) })
    #expect(figures.outcomes["imported", default: 0] > 0)
    #expect(figures.outcomes["refused", default: 0] > 0)
  }
}
