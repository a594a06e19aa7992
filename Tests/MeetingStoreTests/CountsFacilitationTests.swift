import Foundation
import MeetingModel
import Testing

@testable import MeetingStore

/// `countsFacilitation` joined the queue policy after the first format: policies without it
/// keep their version-1 form, stored and exported, and old ones read as off.
@Suite("The counts-facilitation setting in files and exports")
struct CountsFacilitationTests {
  static let on = QueuePolicy(countsFacilitation: true)

  @Test func aPolicyThatCountsFacilitationIsVersionTwoInTheStoredLayout() throws {
    for event in [
      MeetingEvent.meetingCreated(MeetingCreated(title: "Forum", policy: Self.on)),
      .policyChanged(PolicyChanged(policy: Self.on)),
    ] {
      #expect(event.schemaVersion == 2)
      let bytes = StoredEventCodec.encode(event)
      let decoded = try bytes.withUnsafeBytes {
        try StoredEventCodec.decode(type: event.type, version: 2, data: $0)
      }
      #expect(decoded == event)
      // Read as version 1, the extra byte is refused rather than misread.
      #expect(throws: BinaryDecodingError.self) {
        try bytes.withUnsafeBytes { try StoredEventCodec.decode(type: event.type, version: 1, data: $0) }
      }
    }
    let off = MeetingEvent.policyChanged(PolicyChanged(policy: .balanced))
    #expect(off.schemaVersion == 1)
    let decoded = try StoredEventCodec.encode(off).withUnsafeBytes {
      try StoredEventCodec.decode(type: .policyChanged, version: 1, data: $0)
    }
    #expect(decoded == off)
  }

  @Test func theSettingSurvivesTheFileAndTheJSONL() throws {
    let folder = TemporaryFolder()
    var state = MeetingState()
    var ids = SequentialEventIDs()
    var log = try state.execute(.createMeeting(title: "Forum", policy: Self.on), at: tenOClock, ids: &ids)
    log += try state.execute(.changePolicy(.fifo), at: tenOClock, ids: &ids)
    log += try state.execute(
      .changePolicy(QueuePolicy(ordering: .fifo, countsFacilitation: true)), at: tenOClock, ids: &ids)
    let store = try MeetingStore.create(at: folder.path("a.roundtable"), recorded: log)
    let reopened = try MeetingStore.open(at: folder.path("a.roundtable"), access: .readOnly)
    #expect(try reopened.events() == log)
    #expect(try reopened.replay().policy.countsFacilitation)
    var lines: [String] = []
    try store.exportJSONL { lines.append($0) }
    #expect(lines[0].contains(#""countsFacilitation":true"#) && lines[0].contains(#""v":2"#))
    #expect(!lines[1].contains("countsFacilitation") && lines[1].contains(#""v":1"#))
    let imported = try MeetingStore.importJSONL(lines, to: folder.path("b.roundtable"))
    #expect(try imported.events() == log)
  }

  @Test func anOldPolicyWithoutTheKeyReadsAsNotCounting() throws {
    let line =
      #"{"at":"2026-11-21T10:00:00Z","data":{"policy":{"groupTargets":[],"interruptsFirst":true,"ordering":"fifo","starvationLimit":3}},"#
      + #""id":"00000000-0000-0000-0000-000000000002","seq":2,"type":"policy.changed","v":1}"#
    let event = try JSONDecoder().decode(RecordedEvent.self, from: Data(line.utf8))
    #expect(event.event == .policyChanged(PolicyChanged(policy: .fifo)))
  }
}
