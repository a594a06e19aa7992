import Foundation
import MeetingModel

extension MeetingStore {
  /// Writes every event as one line of JSON (the format in docs/events.md), oldest first.
  public func exportJSONL(_ writeLine: (String) throws -> Void) throws {
    let encoder = Self.jsonEncoder
    for event in try events() {
      try writeLine(String(decoding: try encoder.encode(event), as: UTF8.self))
    }
  }

  /// Creates a new meeting file at `path` from an exported event log, keeping every event's
  /// sequence number, id, time and metadata, so that exporting it again gives the same lines.
  ///
  /// The log is checked first (every line readable, sequence 1, 2, 3… without gaps, ids unique,
  /// a meeting created first); nothing is written when it fails.
  @discardableResult
  public static func importJSONL(_ lines: some Sequence<String>, to path: String) throws -> MeetingStore {
    let decoder = JSONDecoder()
    var events: [RecordedEvent] = []
    var ids: Set<EventID> = []
    for (index, line) in lines.enumerated() where !line.allSatisfy(\.isWhitespace) {
      let event: RecordedEvent
      do {
        event = try decoder.decode(RecordedEvent.self, from: Data(line.utf8))
      } catch let error as EventDecodingError {
        throw StoreError(.invalidImport, "Line \(index + 1): \(error.message). Nothing was imported.")
      } catch {
        throw StoreError(
          .invalidImport,
          "Line \(index + 1) is not an event in Roundtable's JSONL format. Nothing was imported.")
      }
      guard event.sequence == Int64(events.count) + 1 else {
        throw StoreError(
          .invalidImport,
          "Line \(index + 1) holds event \(event.sequence) where event \(events.count + 1) was expected: the log "
            + "must be complete and in order. Nothing was imported.")
      }
      guard ids.insert(event.id).inserted else {
        throw StoreError(
          .invalidImport, "Line \(index + 1) repeats the event id \(event.id). Nothing was imported.")
      }
      events.append(event)
    }
    guard case .meetingCreated = events.first?.event else {
      throw StoreError(
        .invalidImport,
        "The log does not start by creating a meeting (meeting.created). Nothing was imported.")
    }
    return try create(at: path, recorded: events)
  }

  static var jsonEncoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }
}
