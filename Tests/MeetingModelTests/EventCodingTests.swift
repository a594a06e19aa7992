import Foundation
import MeetingModel
import Testing

@Suite("Event encoding, stable names and the documented catalogue")
struct EventCodingTests {
  static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs")

  @Test func anEventEncodesToTheDocumentedJSON() throws {
    let event = RecordedEvent(
      sequence: 3, id: UUID(uuidString: "00000000-0000-0000-0000-000000000003")!,
      time: Instant(iso8601: "2026-11-21T10:00:05Z")!,
      metadata: EventMetadata(author: "Rachel", terminal: "notes@tty2"),
      event: .handRaised(HandRaised(participant: ParticipantID(2), kind: .point)))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let json = String(decoding: try encoder.encode(event), as: UTF8.self)
    #expect(
      json
        == #"{"at":"2026-11-21T10:00:05Z","data":{"kind":"point","participant":2},"id":"00000000-0000-0000-0000-000000000003","#
        + #""meta":{"author":"Rachel","terminal":"notes@tty2"},"seq":3,"type":"queue.hand-raised","v":1}"#)
    #expect(try JSONDecoder().decode(RecordedEvent.self, from: Data(json.utf8)) == event)
  }

  @Test func theCatalogueExampleDecodes() throws {
    let text = try String(contentsOf: Self.docs.appendingPathComponent("events.md"), encoding: .utf8)
    let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("{\"seq\":3") })
    let event = try JSONDecoder().decode(RecordedEvent.self, from: Data(line.utf8))
    #expect(event.event == .handRaised(HandRaised(participant: ParticipantID(2), kind: .point)))
    #expect(event.metadata == EventMetadata(author: "Rachel", terminal: "notes@tty2"))
  }

  @Test func everyEventTypeIsDocumentedAndNamesAreUnique() throws {
    let text = try String(contentsOf: Self.docs.appendingPathComponent("events.md"), encoding: .utf8)
    for type in EventType.allCases {
      #expect(
        text.contains("| `\(type.rawValue)` | \(type.currentVersion) |"),
        "\(type.rawValue) is not in events.md")
    }
    #expect(Set(EventType.allCases.map(\.rawValue)).count == EventType.allCases.count)
  }

  @Test func unknownTypesAndNewerVersionsAreRefusedWithAClearMessage() throws {
    let unknown =
      #"{"seq":1,"id":"00000000-0000-0000-0000-000000000001","at":"2026-11-21T10:00:00Z","type":"queue.teleported","v":1,"data":{}}"#
    #expect(throws: EventDecodingError.self) {
      try JSONDecoder().decode(RecordedEvent.self, from: Data(unknown.utf8))
    }
    let newer =
      #"{"seq":1,"id":"00000000-0000-0000-0000-000000000001","at":"2026-11-21T10:00:00Z","type":"meeting.opened","v":9,"data":{}}"#
    do {
      _ = try JSONDecoder().decode(RecordedEvent.self, from: Data(newer.utf8))
      Issue.record("a newer schema version was accepted")
    } catch let error as EventDecodingError {
      #expect(
        error.message
          == "event 'meeting.opened' has schema version 9; this Roundtable reads up to version 1: please upgrade Roundtable"
      )
    }
  }

  @Test func instantsRoundTripThroughISO8601() throws {
    #expect(Instant(iso8601: "1970-01-01T00:00:00Z") == Instant(millisecondsSince1970: 0))
    #expect(Instant(iso8601: "2026-11-21T10:04:05.123Z")?.iso8601 == "2026-11-21T10:04:05.123Z")
    #expect(Instant(iso8601: "2026-11-21T11:04:05+01:00")?.iso8601 == "2026-11-21T10:04:05Z")
    #expect(Instant(iso8601: "2024-02-29T23:59:59Z")?.iso8601 == "2024-02-29T23:59:59Z")
    #expect(Instant(iso8601: "1970-01-01T00:30:00.5+01:00")?.millisecondsSince1970 == -1_799_500)
    #expect(Instant(iso8601: "1969-12-31T23:59:59.5Z") == nil, "years 1970 to 9999 (CalendarDate.years)")
    #expect(Instant(iso8601: "2026-11-21 10:04Z")?.iso8601 == "2026-11-21T10:04:00Z")
    #expect(Instant(iso8601: "2023-02-29T10:00:00Z") == nil)
    #expect(Instant(iso8601: "2026-11-21T24:00:00Z") == nil)
    #expect(Instant(iso8601: "2026-11-21T10:00:00") == nil)
    #expect(Instant(iso8601: "yesterday") == nil)
    #expect(Instant(iso8601: "2026-11-21T10:04:05Z")?.timeOfDay == "10:04")
  }
}
