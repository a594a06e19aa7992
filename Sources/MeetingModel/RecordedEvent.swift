/// Who made an event happen, and from where: kept apart from the event's data (EventStoreDB
/// style) so that later screens can show "recorded by the note-taker's terminal" without
/// touching the meeting's rules.
public struct EventMetadata: Codable, Equatable, Sendable {
  /// The person or account that issued the command, as they named themselves.
  public var author: String?
  /// Which terminal or program recorded it, such as `notes@tty2` or `cli`.
  public var terminal: String?

  public init(author: String? = nil, terminal: String? = nil) {
    self.author = author
    self.terminal = terminal
  }
}

/// One event as it stands in the log: its place, id, time and metadata around the data.
///
/// JSON form (one line per event in the JSONL export):
/// `{"seq":3,"id":"…","at":"2026-11-21T10:00:00Z","type":"queue.hand-raised","v":1,`
/// `"meta":{"terminal":"cli"},"data":{"participant":2,"kind":"point"}}`
public struct RecordedEvent: Equatable, Sendable {
  /// 1-based place in the meeting's log.
  public var sequence: Int64
  public var id: EventID
  public var time: Instant
  public var metadata: EventMetadata
  public var event: MeetingEvent

  public init(
    sequence: Int64, id: EventID, time: Instant, metadata: EventMetadata = EventMetadata(),
    event: MeetingEvent
  ) {
    self.sequence = sequence
    self.id = id
    self.time = time
    self.metadata = metadata
    self.event = event
  }
}

/// Raised when stored or imported events cannot be understood by this version of Roundtable.
public struct EventDecodingError: Error, Equatable, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}

extension RecordedEvent: Codable {
  enum CodingKeys: String, CodingKey {
    case sequence = "seq"
    case id
    case time = "at"
    case type
    case version = "v"
    case metadata = "meta"
    case data
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let typeName = try container.decode(String.self, forKey: .type)
    guard let type = EventType(rawValue: typeName) else {
      throw EventDecodingError(
        message: "unknown event type '\(typeName)': the file may come from a newer Roundtable")
    }
    let version = try container.decodeIfPresent(Int.self, forKey: .version) ?? 1
    guard version <= type.currentVersion else {
      throw EventDecodingError(
        message: "event '\(typeName)' has schema version \(version); this Roundtable reads up to "
          + "version \(type.currentVersion): please upgrade Roundtable")
    }
    sequence = try container.decode(Int64.self, forKey: .sequence)
    id = try container.decode(EventID.self, forKey: .id)
    time = try container.decode(Instant.self, forKey: .time)
    metadata = try container.decodeIfPresent(EventMetadata.self, forKey: .metadata) ?? EventMetadata()
    event = try MeetingEvent.decodeData(type: type, from: container, forKey: .data)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(sequence, forKey: .sequence)
    try container.encode(id, forKey: .id)
    try container.encode(time, forKey: .time)
    try container.encode(event.type.rawValue, forKey: .type)
    try container.encode(event.schemaVersion, forKey: .version)
    if metadata != EventMetadata() { try container.encode(metadata, forKey: .metadata) }
    try event.encodeData(to: &container, forKey: .data)
  }
}
