import Foundation
import MeetingModel

@testable import MeetingStore

/// The golden bytes of the stored layouts (`Fixtures/format-1-layouts.txt`): one line per
/// sample event, `code version type hex json`, where `hex` is the event's data as stored in the
/// `events.data` column and `json` its data as exported. The file is append-only: a line, once
/// committed, never changes.
struct LayoutLine: Equatable {
  var code: Int
  var version: Int
  var type: String
  var hex: String
  var json: String

  var text: String { "\(code) v\(version) \(type) \(hex.isEmpty ? "-" : hex) \(json)" }

  init(code: Int, version: Int, type: String, hex: String, json: String) {
    self.code = code
    self.version = version
    self.type = type
    self.hex = hex
    self.json = json
  }

  /// The line for `event` as this code writes it.
  init(_ event: MeetingEvent) throws {
    let json = String(decoding: try MeetingStore.jsonEncoder.encode(DataOnly(event: event)), as: UTF8.self)
    self.init(
      code: StoredEventCodec.code(of: event.type), version: event.schemaVersion, type: event.type.rawValue,
      hex: StoredEventCodec.encode(event).map { String(format: "%02x", $0) }.joined(),
      json: String(json.dropFirst("{\"data\":".count).dropLast()))
  }

  /// Reads a line of the golden file; nil for comments and blank lines.
  static func parse(_ line: Substring) throws -> LayoutLine? {
    if line.hasPrefix("#") || line.allSatisfy(\.isWhitespace) { return nil }
    let fields = line.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: false)
    guard fields.count == 5, let code = Int(fields[0]), fields[1].hasPrefix("v"),
      let version = Int(fields[1].dropFirst())
    else { throw StepFailed(description: "a golden line is malformed: \(line)") }
    return LayoutLine(
      code: code, version: version, type: String(fields[2]), hex: fields[3] == "-" ? "" : String(fields[3]),
      json: String(fields[4]))
  }

  var bytes: [UInt8] {
    var bytes: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
      let next = hex.index(index, offsetBy: 2)
      bytes.append(UInt8(hex[index..<next], radix: 16)!)
      index = next
    }
    return bytes
  }

  /// The event the JSON half of the line describes.
  func jsonEvent() throws -> MeetingEvent {
    let line =
      "{\"seq\":1,\"id\":\"00000000-0000-4000-8000-000000000000\",\"at\":\"1970-01-01T00:00:00Z\","
      + "\"type\":\"\(type)\",\"v\":\(version),\"data\":\(json)}"
    return try JSONDecoder().decode(RecordedEvent.self, from: Data(line.utf8)).event
  }

  /// The event the stored bytes of the line hold.
  func storedEvent() throws -> MeetingEvent {
    guard let type = StoredEventCodec.type(code: code) else {
      throw StepFailed(description: "code \(code) is not a known event type")
    }
    return try bytes.withUnsafeBytes { try StoredEventCodec.decode(type: type, version: version, data: $0) }
  }
}

/// An event's data alone, in its JSON form: `{"data":{…}}`.
private struct DataOnly: Encodable {
  var event: MeetingEvent
  enum CodingKeys: String, CodingKey { case data }
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try event.encodeData(to: &container, forKey: .data)
  }
}

/// The samples the golden file was written from: every event type, every schema version, and
/// every optional field both present and absent (checked by `FormatFreezeTests`).
enum LayoutSamples {
  static let all: [MeetingEvent] =
    SampleEvents.all + [
      .meetingCreated(
        MeetingCreated(
          title: "Counting", purpose: nil, date: "2026-11-28",
          policy: QueuePolicy(
            ordering: .fifo, interruptsFirst: true, starvationLimit: 0, groupTargets: [],
            countsFacilitation: true))),
      .policyChanged(
        PolicyChanged(
          policy: QueuePolicy(
            ordering: .balanced, interruptsFirst: false, starvationLimit: 3,
            groupTargets: [GroupTarget(tag: "x", share: 1)], countsFacilitation: true))),
      .agendaItemUnparked(AgendaItemUnparked(item: AgendaItemID(3))),
      .handRestored(
        HandRestored(
          entry: QueueEntry(
            participant: ParticipantID(2), kind: .point, arrival: 0,
            raisedAt: Instant(millisecondsSince1970: 1), overtaken: 0))),
      .turnRevoked(TurnRevoked(participant: ParticipantID(2))),
      .turnRevoked(
        TurnRevoked(
          participant: ParticipantID(2),
          restoredEntry: QueueEntry(
            participant: ParticipantID(2), kind: .response, arrival: 7,
            raisedAt: Instant(millisecondsSince1970: 1_763_719_200_000)))),
      .participantUpdated(ParticipantUpdated(participant: ParticipantID(1), tags: ["professional", "会議"])),
      .stanceRecorded(
        StanceRecorded(
          decision: DecisionID(2),
          stance: Stance(participant: ParticipantID(1), stance: .concern, reason: "cost"))),
      .meetingCarriedOver(
        MeetingCarriedOver(items: [
          CarriedItem(
            number: 3, kind: .action, text: "Book rooms", owner: "Amira",
            followUp: FollowUp(status: .done, at: Instant(millisecondsSince1970: 1_763_719_200_789)),
            fromMeeting: "Forum")
        ])),
      .contributionRecorded(
        ContributionRecorded(
          contribution: ContributionID(2), participant: ParticipantID(3), mode: .written, text: "",
          creditSeconds: 0)),
      .roundStarted(RoundStarted(order: [])),
      .signalSent(SignalSent(signal: SignalID(3), type: .slower, from: ParticipantID(2))),
      .actionFollowedUp(ActionFollowedUp(action: ActionItemID(1), carried: 3, status: .dropped, note: "")),
    ] + everyEnumValue

  /// One sample per value of each enum stored by name, so that every stored name is frozen.
  static var everyEnumValue: [MeetingEvent] {
    let someone = ParticipantID(5)
    var events: [MeetingEvent] = []
    for role in Role.allCases {
      events.append(.participantUpdated(ParticipantUpdated(participant: someone, role: role)))
    }
    for kind in EntryKind.allCases {
      events.append(.handRaised(HandRaised(participant: someone, kind: kind)))
    }
    for source in TurnSource.allCases {
      events.append(.turnStarted(TurnStarted(participant: someone, kind: .point, source: source)))
    }
    for mode in ContributionMode.allCases {
      events.append(
        .contributionRecorded(
          ContributionRecorded(
            contribution: ContributionID(9), participant: someone, mode: mode, text: "t", creditSeconds: 60)))
    }
    for type in SignalType.allCases {
      events.append(.signalSent(SignalSent(signal: SignalID(9), type: type)))
    }
    for reason in LowerReason.allCases {
      events.append(.handLowered(HandLowered(participant: someone, reason: reason)))
    }
    for method in DecisionMethod.allCases {
      events.append(.decisionAmended(DecisionAmended(decision: DecisionID(9), method: method)))
    }
    for outcome in DecisionOutcome.allCases {
      events.append(.decisionAmended(DecisionAmended(decision: DecisionID(9), outcome: outcome)))
    }
    for rung in ParticipationRung.allCases {
      events.append(.decisionAmended(DecisionAmended(decision: DecisionID(9), rung: rung)))
    }
    for stance in StanceKind.allCases {
      events.append(
        .stanceRecorded(
          StanceRecorded(decision: DecisionID(9), stance: Stance(participant: someone, stance: stance))))
    }
    for kind in UndoKind.allCases {
      events.append(
        .correctionUndone(
          CorrectionUndone(kind: kind, undoes: UUID(uuidString: "00000000-0000-4000-8000-000000000009")!)))
    }
    for ordering in QueuePolicy.Ordering.allCases {
      events.append(.policyChanged(PolicyChanged(policy: QueuePolicy(ordering: ordering))))
    }
    for status in FollowUpStatus.allCases {
      events.append(.actionFollowedUp(ActionFollowedUp(carried: 9, status: status)))
    }
    for kind in CarriedItem.Kind.allCases {
      events.append(
        .meetingCarriedOver(
          MeetingCarriedOver(items: [CarriedItem(number: 9, kind: kind, text: "t", fromMeeting: "m")])))
    }
    return events
  }
}
