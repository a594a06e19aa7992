import MeetingModel

/// How events are stored: a small integer code per type (frozen: append new codes, never reuse
/// one), the schema version, and the data in the compact binary layout.
///
/// Reading goes through `decode(code:version:data:)`, which is where older schema versions will
/// be upcast to the current payloads; stored events are never rewritten.
enum StoredEventCodec {
  /// The code stored for an event type.
  static func code(of type: EventType) -> Int {
    switch type {
    case .meetingCreated: 1
    case .meetingOpened: 2
    case .meetingClosed: 3
    case .policyChanged: 4
    case .participantJoined: 5
    case .participantLeft: 6
    case .participantReturned: 7
    case .participantUpdated: 8
    case .agendaItemAdded: 9
    case .agendaItemMoved: 10
    case .agendaItemStarted: 11
    case .agendaItemClosed: 12
    case .agendaItemDeferred: 13
    case .agendaItemUnparked: 14
    case .handRaised: 15
    case .handLowered: 16
    case .queueEntryMoved: 17
    case .handRestored: 18
    case .queueEntryMoveReverted: 19
    case .turnStarted: 20
    case .turnEnded: 21
    case .turnRevoked: 22
    case .contributionRecorded: 23
    case .contributionWithdrawn: 24
    case .roundStarted: 25
    case .roundPassed: 26
    case .roundEnded: 27
    case .signalSent: 28
    case .signalAcknowledged: 29
    case .signalWithdrawn: 30
    case .decisionRecorded: 31
    case .stanceRecorded: 32
    case .decisionAmended: 33
    case .decisionWithdrawn: 34
    case .actionItemAdded: 35
    case .actionItemWithdrawn: 36
    case .correctionUndone: 37
    case .signalReopened: 38
    case .turnResumed: 39
    case .actionFollowedUp: 40
    case .meetingCarriedOver: 41
    }
  }

  /// The event type stored under `code`, if this version of Roundtable knows it.
  static func type(code: Int) -> EventType? {
    switch code {
    case 1: .meetingCreated
    case 2: .meetingOpened
    case 3: .meetingClosed
    case 4: .policyChanged
    case 5: .participantJoined
    case 6: .participantLeft
    case 7: .participantReturned
    case 8: .participantUpdated
    case 9: .agendaItemAdded
    case 10: .agendaItemMoved
    case 11: .agendaItemStarted
    case 12: .agendaItemClosed
    case 13: .agendaItemDeferred
    case 14: .agendaItemUnparked
    case 15: .handRaised
    case 16: .handLowered
    case 17: .queueEntryMoved
    case 18: .handRestored
    case 19: .queueEntryMoveReverted
    case 20: .turnStarted
    case 21: .turnEnded
    case 22: .turnRevoked
    case 23: .contributionRecorded
    case 24: .contributionWithdrawn
    case 25: .roundStarted
    case 26: .roundPassed
    case 27: .roundEnded
    case 28: .signalSent
    case 29: .signalAcknowledged
    case 30: .signalWithdrawn
    case 31: .decisionRecorded
    case 32: .stanceRecorded
    case 33: .decisionAmended
    case 34: .decisionWithdrawn
    case 35: .actionItemAdded
    case 36: .actionItemWithdrawn
    case 37: .correctionUndone
    case 38: .signalReopened
    case 39: .turnResumed
    case 40: .actionFollowedUp
    case 41: .meetingCarriedOver
    default: nil
    }
  }

  /// The event's data in the stored layout of its schema version (`MeetingEvent.schemaVersion`).
  static func encode(_ event: MeetingEvent) -> [UInt8] {
    var writer = BinaryWriter()
    switch event {
    case .meetingCreated(let data): writer.write(data)
    case .meetingOpened(let data): writer.write(data)
    case .meetingClosed(let data): writer.write(data)
    case .policyChanged(let data): writer.write(data)
    case .participantJoined(let data): writer.write(data)
    case .participantLeft(let data): writer.write(data)
    case .participantReturned(let data): writer.write(data)
    case .participantUpdated(let data): writer.write(data)
    case .agendaItemAdded(let data): writer.write(data)
    case .agendaItemMoved(let data): writer.write(data)
    case .agendaItemStarted(let data): writer.write(data)
    case .agendaItemClosed(let data): writer.write(data)
    case .agendaItemDeferred(let data): writer.write(data)
    case .agendaItemUnparked(let data): writer.write(data)
    case .handRaised(let data): writer.write(data)
    case .handLowered(let data): writer.write(data)
    case .queueEntryMoved(let data): writer.write(data)
    case .handRestored(let data): writer.write(data)
    case .queueEntryMoveReverted(let data): writer.write(data)
    case .turnStarted(let data): writer.write(data)
    case .turnEnded(let data): writer.write(data)
    case .turnRevoked(let data): writer.write(data)
    case .contributionRecorded(let data): writer.write(data)
    case .contributionWithdrawn(let data): writer.write(data)
    case .roundStarted(let data): writer.write(data)
    case .roundPassed(let data): writer.write(data)
    case .roundEnded(let data): writer.write(data)
    case .signalSent(let data): writer.write(data)
    case .signalAcknowledged(let data): writer.write(data)
    case .signalWithdrawn(let data): writer.write(data)
    case .decisionRecorded(let data): writer.write(data)
    case .stanceRecorded(let data): writer.write(data)
    case .decisionAmended(let data): writer.write(data)
    case .decisionWithdrawn(let data): writer.write(data)
    case .actionItemAdded(let data): writer.write(data)
    case .actionItemWithdrawn(let data): writer.write(data)
    case .correctionUndone(let data): writer.write(data)
    case .signalReopened(let data): writer.write(data)
    case .turnResumed(let data): writer.write(data)
    case .actionFollowedUp(let data): writer.write(data)
    case .meetingCarriedOver(let data): writer.write(data)
    }
    // Version 2 of meeting.created and policy.changed: the version-1 layout (whose last field
    // is the policy) followed by the policy's countsFacilitation.
    switch event {
    case .meetingCreated(let data) where event.schemaVersion == 2:
      writer.write(data.policy.countsFacilitation)
    case .policyChanged(let data) where event.schemaVersion == 2: writer.write(data.policy.countsFacilitation)
    default: break
    }
    return writer.bytes
  }

  /// Reads stored data of `type` written with schema `version`, upcasting older versions.
  static func decode(type: EventType, version: Int, data: UnsafeRawBufferPointer) throws(BinaryDecodingError)
    -> MeetingEvent
  {
    guard version >= 1, version <= type.currentVersion else {
      throw BinaryDecodingError(
        message:
          "event '\(type.rawValue)' has schema version \(version); this Roundtable reads up to version "
          + "\(type.currentVersion): please upgrade Roundtable")
    }
    // Version 1 of every type reads as it was written; a version-1 policy does not count
    // facilitation. Version 2 of meeting.created and policy.changed is the version-1 layout
    // followed by the policy's countsFacilitation.
    var reader = BinaryReader(data)
    var event: MeetingEvent
    switch type {
    case .meetingCreated:
      var created: MeetingCreated = try reader.read()
      if version >= 2 { created.policy.countsFacilitation = try reader.read() }
      event = .meetingCreated(created)
    case .meetingOpened: event = .meetingOpened(try reader.read())
    case .meetingClosed: event = .meetingClosed(try reader.read())
    case .policyChanged:
      var changed: PolicyChanged = try reader.read()
      if version >= 2 { changed.policy.countsFacilitation = try reader.read() }
      event = .policyChanged(changed)
    case .participantJoined: event = .participantJoined(try reader.read())
    case .participantLeft: event = .participantLeft(try reader.read())
    case .participantReturned: event = .participantReturned(try reader.read())
    case .participantUpdated: event = .participantUpdated(try reader.read())
    case .agendaItemAdded: event = .agendaItemAdded(try reader.read())
    case .agendaItemMoved: event = .agendaItemMoved(try reader.read())
    case .agendaItemStarted: event = .agendaItemStarted(try reader.read())
    case .agendaItemClosed: event = .agendaItemClosed(try reader.read())
    case .agendaItemDeferred: event = .agendaItemDeferred(try reader.read())
    case .agendaItemUnparked: event = .agendaItemUnparked(try reader.read())
    case .handRaised: event = .handRaised(try reader.read())
    case .handLowered: event = .handLowered(try reader.read())
    case .queueEntryMoved: event = .queueEntryMoved(try reader.read())
    case .handRestored: event = .handRestored(try reader.read())
    case .queueEntryMoveReverted: event = .queueEntryMoveReverted(try reader.read())
    case .turnStarted: event = .turnStarted(try reader.read())
    case .turnEnded: event = .turnEnded(try reader.read())
    case .turnRevoked: event = .turnRevoked(try reader.read())
    case .contributionRecorded: event = .contributionRecorded(try reader.read())
    case .contributionWithdrawn: event = .contributionWithdrawn(try reader.read())
    case .roundStarted: event = .roundStarted(try reader.read())
    case .roundPassed: event = .roundPassed(try reader.read())
    case .roundEnded: event = .roundEnded(try reader.read())
    case .signalSent: event = .signalSent(try reader.read())
    case .signalAcknowledged: event = .signalAcknowledged(try reader.read())
    case .signalWithdrawn: event = .signalWithdrawn(try reader.read())
    case .decisionRecorded: event = .decisionRecorded(try reader.read())
    case .stanceRecorded: event = .stanceRecorded(try reader.read())
    case .decisionAmended: event = .decisionAmended(try reader.read())
    case .decisionWithdrawn: event = .decisionWithdrawn(try reader.read())
    case .actionItemAdded: event = .actionItemAdded(try reader.read())
    case .actionItemWithdrawn: event = .actionItemWithdrawn(try reader.read())
    case .correctionUndone: event = .correctionUndone(try reader.read())
    case .signalReopened: event = .signalReopened(try reader.read())
    case .turnResumed: event = .turnResumed(try reader.read())
    case .actionFollowedUp: event = .actionFollowedUp(try reader.read())
    case .meetingCarriedOver: event = .meetingCarriedOver(try reader.read())
    }
    guard reader.isAtEnd else {
      throw BinaryDecodingError(message: "event '\(type.rawValue)' has unexpected bytes after its data")
    }
    return event
  }
}
