import Foundation
import MeetingModel
import Testing

@testable import MeetingStore

/// Inputs the fuzzer found, kept.
@Suite("Fuzzing findings: the stored-event decoder")
struct DecoderFindingsTests {
  /// Found by the decoder fuzzer: a turn.revoked whose restored hand was raised in the year
  /// 917672 was read, and its JSON export (`"raisedAt":"917672-05-10T16:01:18.912Z"`) could
  /// not be imported again. A stored time outside the years 1970 to 9999 is now refused.
  @Test func aTimeBeyondTheYear9999IsRefused() {
    let blob = DecoderFuzzTests.Blob(
      code: 22, version: 1,
      bytes: [
        4, 1, 68, 8, 114, 101, 115, 112, 111, 110, 115, 101, 14, 128, 209, 137, 244, 217, 221, 212, 102, 0, 0,
      ])
    #expect(DecoderFuzzTests.check(blob) == "refused")
  }

  /// The first and last storable milliseconds read, export and import again.
  @Test func theEdgesOfTheStorableYearsRoundTrip() {
    for milliseconds in [
      Instant.earliestRecordable.millisecondsSince1970, Instant.latestRecordable.millisecondsSince1970,
    ] {
      let event = MeetingEvent.handRestored(
        HandRestored(
          entry: QueueEntry(
            participant: ParticipantID(1), kind: .point, arrival: 1,
            raisedAt: Instant(millisecondsSince1970: milliseconds))))
      let blob = DecoderFuzzTests.Blob(code: 18, version: 1, bytes: StoredEventCodec.encode(event))
      #expect(DecoderFuzzTests.check(blob) == "read")
    }
    for milliseconds in [
      Instant.earliestRecordable.millisecondsSince1970 - 1,
      Instant.latestRecordable.millisecondsSince1970 + 1,
    ] {
      var writer = BinaryWriter()
      writer.write(milliseconds)
      #expect(throws: BinaryDecodingError.self) {
        try writer.bytes.withUnsafeBytes { raw in
          var reader = BinaryReader(raw)
          let _: Instant = try reader.read()
        }
      }
    }
  }
}
