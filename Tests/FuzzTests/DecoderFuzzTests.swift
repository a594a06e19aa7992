import Foundation
import MeetingModel
import Testing

@testable import MeetingStore

/// The binary event decoder, from the stored bytes of every golden sample, mutated.
@Suite("Fuzzing: the stored-event decoder")
struct DecoderFuzzTests {
  struct Blob {
    var code: Int
    var version: Int
    var bytes: [UInt8]
  }

  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("MeetingStoreTests/Fixtures")

  /// Every golden sample's code, version and bytes.
  static func corpus() throws -> [Blob] {
    let text = try String(
      contentsOf: fixtures.appendingPathComponent("format-1-layouts.txt"), encoding: .utf8)
    return text.split(separator: "\n").compactMap { line in
      guard !line.hasPrefix("#") else { return nil }
      let fields = line.split(separator: " ", maxSplits: 4)
      guard fields.count == 5, let code = Int(fields[0]), let version = Int(fields[1].dropFirst()) else {
        return nil
      }
      let hex = fields[3] == "-" ? "" : fields[3]
      var bytes: [UInt8] = []
      var index = hex.startIndex
      while index < hex.endIndex {
        let next = hex.index(index, offsetBy: 2)
        bytes.append(UInt8(hex[index..<next], radix: 16)!)
        index = next
      }
      return Blob(code: code, version: version, bytes: bytes)
    }
  }

  /// What happens to one blob: refused with a message, or read as an event that is written and
  /// read back to the same bytes, and exported and imported to the same event.
  static func check(_ blob: Blob) -> String {
    guard let type = StoredEventCodec.type(code: blob.code) else { return "unknown code" }
    let event: MeetingEvent
    do {
      event = try blob.bytes.withUnsafeBytes {
        try StoredEventCodec.decode(type: type, version: blob.version, data: $0)
      }
    } catch let error as BinaryDecodingError {
      #expect(!error.message.isEmpty)
      return "refused"
    } catch {
      Issue.record("unexpected error \(error)")
      return "error"
    }
    let written = StoredEventCodec.encode(event)
    let again = try? written.withUnsafeBytes {
      try StoredEventCodec.decode(type: event.type, version: event.schemaVersion, data: $0)
    }
    #expect(again.map(StoredEventCodec.encode) == written, "\(blob.code) \(blob.bytes) does not read back")
    // The JSON form of what was read holds the same event (or refuses, for NaN or infinity).
    let recorded = RecordedEvent(
      sequence: 1, id: UUID(), time: Instant(millisecondsSince1970: 0), event: event)
    guard let json = try? MeetingStore.jsonEncoder.encode(recorded) else { return "read, no JSON form" }
    let imported = try? JSONDecoder().decode(RecordedEvent.self, from: json)
    #expect(
      imported.map { StoredEventCodec.encode($0.event) } == written,
      "\(blob.code) \(blob.bytes): JSON \(String(decoding: json, as: UTF8.self)) imports differently")
    return "read"
  }

  @Test func mutatedStoredEventsAreReadOrRefusedNeverCrash() throws {
    let corpus = try Self.corpus()
    #expect(corpus.count > 100)
    let all = corpus.map(\.bytes)
    let figures = fuzz(
      "decoder", corpus: corpus, budget: .fromEnvironment(iterations: 30000),
      dump: { blob in Data("\(blob.code) \(blob.version) ".utf8 + blob.bytes) },
      mutate: { blob, random in
        var mutant = blob
        switch random.below(20) {
        case 0: mutant.code = random.below(43)
        case 1: mutant.version = random.below(4)
        default: mutant.bytes = Mutate.bytes(blob.bytes, corpus: all, random: &random)
        }
        return mutant
      }, Self.check)
    #expect(figures.outcomes["read", default: 0] > 0)
    #expect(figures.outcomes["refused", default: 0] > 0)
  }
}
