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
  /// The log is checked first (every line readable, sequence 1, 2, 3… without gaps, and every
  /// event through the validating fold: a meeting created first, ids unique, times in range and
  /// never going back, everything referred to known); nothing is written when it fails.
  @discardableResult
  public static func importJSONL(_ lines: some Sequence<String>, to path: String) throws -> MeetingStore {
    let decoder = JSONDecoder()
    var events: [RecordedEvent] = []
    // The validating fold: each event checked against the state it lands on, ids unique.
    var fold = ValidatingFold()
    for (index, line) in lines.enumerated() where !line.allSatisfy(\.isWhitespace) {
      let event: RecordedEvent
      do {
        event = try decoder.decode(RecordedEvent.self, from: Data(line.utf8))
      } catch let error as EventDecodingError {
        throw StoreError(.invalidImport, "Line \(index + 1): \(error.message). Nothing was imported.")
      } catch DecodingError.dataCorrupted(let context) where context.debugDescription.contains("ISO-8601") {
        // A time the model cannot hold (outside 1970 to 9999, or not a time at all).
        throw StoreError(
          .invalidImport, "Line \(index + 1): \(context.debugDescription). Nothing was imported.")
      } catch {
        throw StoreError(
          .invalidImport,
          "Line \(index + 1) is not an event in Roundtable's JSONL format. Nothing was imported.")
      }
      // SQLite's text columns would cut the metadata at a NUL: refuse rather than lose it.
      if let field = [("author", event.metadata.author), ("terminal", event.metadata.terminal)].first(where: {
        $0.1?.unicodeScalars.contains("\u{0}") == true
      }) {
        throw StoreError(
          .invalidImport,
          "Line \(index + 1): the event's \(field.0) holds a NUL character, which a meeting file cannot keep. "
            + "Nothing was imported.")
      }
      guard event.sequence == Int64(events.count) + 1 else {
        throw StoreError(
          .invalidImport,
          "Line \(index + 1) holds event \(event.sequence) where event \(events.count + 1) was expected: the log "
            + "must be complete and in order. Nothing was imported.")
      }
      if events.isEmpty, event.event.type != .meetingCreated { break }
      do {
        try fold.apply(event)
      } catch {
        throw StoreError(.invalidImport, "Line \(index + 1): \(error). Nothing was imported.")
      }
      events.append(event)
    }
    guard case .meetingCreated = events.first?.event else {
      throw StoreError(
        .invalidImport,
        "The log does not start by creating a meeting (meeting.created). Nothing was imported.")
    }
    return try create(at: path, validated: events)
  }

  static var jsonEncoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }
}
