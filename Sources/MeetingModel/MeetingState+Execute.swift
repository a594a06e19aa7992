extension MeetingState {
  /// Decides `command` and applies the resulting events, returning them as recorded.
  ///
  /// This is the whole write path in one call, for tests, simulations and a single-process
  /// meeting; the store does the same with a durable append between deciding and applying.
  /// A refused command leaves the state untouched.
  @discardableResult
  public mutating func execute(
    _ command: Command, at time: Instant, metadata: EventMetadata = EventMetadata(),
    ids: inout some EventIDSource
  ) throws(Refusal) -> [RecordedEvent] {
    let events = try decide(command, at: time)
    var recorded: [RecordedEvent] = []
    recorded.reserveCapacity(events.count)
    for event in events {
      let entry = RecordedEvent(
        sequence: version + 1, id: ids.nextEventID(), time: time, metadata: metadata, event: event)
      apply(entry)
      recorded.append(entry)
    }
    return recorded
  }

  /// Wraps decided events as the next entries of this meeting's log, without applying them.
  public func record(
    _ events: [MeetingEvent], at time: Instant, metadata: EventMetadata = EventMetadata(),
    ids: inout some EventIDSource
  ) -> [RecordedEvent] {
    events.enumerated().map { offset, event in
      RecordedEvent(
        sequence: version + Int64(offset) + 1, id: ids.nextEventID(), time: time, metadata: metadata,
        event: event)
    }
  }
}
