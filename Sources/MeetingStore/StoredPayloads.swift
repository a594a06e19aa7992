import MeetingModel

// The stored layout of every event's data, schema version 1: the fields of each payload in
// declaration order. Frozen once shipped: never reorder, add or remove a field here; give the
// event type a new version instead, and upcast the old layout on read.

extension QueuePolicy: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(ordering)
    writer.write(interruptsFirst)
    writer.write(starvationLimit)
    writer.write(groupTargets)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      ordering: try reader.read(),
      interruptsFirst: try reader.read(),
      starvationLimit: try reader.read(),
      groupTargets: try reader.read()
    )
  }
}

extension GroupTarget: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(tag)
    writer.write(share)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      tag: try reader.read(),
      share: try reader.read()
    )
  }
}

extension QueueEntry: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(participant)
    writer.write(kind)
    writer.write(arrival)
    writer.write(raisedAt)
    writer.write(overtaken)
    writer.write(placement)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      participant: try reader.read(),
      kind: try reader.read(),
      arrival: try reader.read(),
      raisedAt: try reader.read(),
      overtaken: try reader.read(),
      placement: try reader.read()
    )
  }
}

extension ManualPlacement: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(position)
    writer.write(reason)
    writer.write(sequence)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      position: try reader.read(),
      reason: try reader.read(),
      sequence: try reader.read()
    )
  }
}

extension Stance: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(participant)
    writer.write(stance)
    writer.write(reason)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      participant: try reader.read(),
      stance: try reader.read(),
      reason: try reader.read()
    )
  }
}

extension VoteTally: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(inFavour)
    writer.write(against)
    writer.write(abstentions)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      inFavour: try reader.read(),
      against: try reader.read(),
      abstentions: try reader.read()
    )
  }
}

extension MeetingCreated: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(title)
    writer.write(purpose)
    writer.write(date)
    writer.write(policy)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      title: try reader.read(),
      purpose: try reader.read(),
      date: try reader.read(),
      policy: try reader.read()
    )
  }
}

extension MeetingOpened: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {}
  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) { self.init() }
}

extension MeetingClosed: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {}
  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) { self.init() }
}

extension PolicyChanged: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(policy)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      policy: try reader.read()
    )
  }
}

extension ParticipantJoined: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(participant)
    writer.write(name)
    writer.write(tags)
    writer.write(role)
    writer.write(timeAdjustment)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      participant: try reader.read(),
      name: try reader.read(),
      tags: try reader.read(),
      role: try reader.read(),
      timeAdjustment: try reader.read()
    )
  }
}

extension ParticipantLeft: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(participant)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      participant: try reader.read()
    )
  }
}

extension ParticipantReturned: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(participant)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      participant: try reader.read()
    )
  }
}

extension ParticipantUpdated: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(participant)
    writer.write(tags)
    writer.write(role)
    writer.write(timeAdjustment)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      participant: try reader.read(),
      tags: try reader.read(),
      role: try reader.read(),
      timeAdjustment: try reader.read()
    )
  }
}

extension AgendaItemAdded: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(item)
    writer.write(title)
    writer.write(minutes)
    writer.write(leads)
    writer.write(position)
    writer.write(parked)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      item: try reader.read(),
      title: try reader.read(),
      minutes: try reader.read(),
      leads: try reader.read(),
      position: try reader.read(),
      parked: try reader.read()
    )
  }
}

extension AgendaItemMoved: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(item)
    writer.write(position)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      item: try reader.read(),
      position: try reader.read()
    )
  }
}

extension AgendaItemStarted: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(item)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      item: try reader.read()
    )
  }
}

extension AgendaItemClosed: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(item)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      item: try reader.read()
    )
  }
}

extension AgendaItemDeferred: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(item)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      item: try reader.read()
    )
  }
}

extension AgendaItemUnparked: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(item)
    writer.write(position)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      item: try reader.read(),
      position: try reader.read()
    )
  }
}

extension HandRaised: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(participant)
    writer.write(kind)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      participant: try reader.read(),
      kind: try reader.read()
    )
  }
}

extension HandLowered: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(participant)
    writer.write(reason)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      participant: try reader.read(),
      reason: try reader.read()
    )
  }
}

extension QueueEntryMoved: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(participant)
    writer.write(position)
    writer.write(reason)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      participant: try reader.read(),
      position: try reader.read(),
      reason: try reader.read()
    )
  }
}

extension HandRestored: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(entry)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      entry: try reader.read()
    )
  }
}

extension QueueEntryMoveReverted: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(participant)
    writer.write(placement)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      participant: try reader.read(),
      placement: try reader.read()
    )
  }
}

extension TurnStarted: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(participant)
    writer.write(kind)
    writer.write(source)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      participant: try reader.read(),
      kind: try reader.read(),
      source: try reader.read()
    )
  }
}

extension TurnEnded: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(participant)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      participant: try reader.read()
    )
  }
}

extension TurnRevoked: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(participant)
    writer.write(restoredEntry)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      participant: try reader.read(),
      restoredEntry: try reader.read()
    )
  }
}

extension ContributionRecorded: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(contribution)
    writer.write(participant)
    writer.write(mode)
    writer.write(text)
    writer.write(creditSeconds)
    writer.write(supporter)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      contribution: try reader.read(),
      participant: try reader.read(),
      mode: try reader.read(),
      text: try reader.read(),
      creditSeconds: try reader.read(),
      supporter: try reader.read()
    )
  }
}

extension ContributionWithdrawn: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(contribution)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      contribution: try reader.read()
    )
  }
}

extension RoundStarted: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(order)
    writer.write(topic)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      order: try reader.read(),
      topic: try reader.read()
    )
  }
}

extension RoundPassed: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(participant)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      participant: try reader.read()
    )
  }
}

extension RoundEnded: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {}
  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) { self.init() }
}

extension SignalSent: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(signal)
    writer.write(type)
    writer.write(from)
    writer.write(note)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      signal: try reader.read(),
      type: try reader.read(),
      from: try reader.read(),
      note: try reader.read()
    )
  }
}

extension SignalAcknowledged: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(signal)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      signal: try reader.read()
    )
  }
}

extension SignalWithdrawn: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(signal)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      signal: try reader.read()
    )
  }
}

extension DecisionRecorded: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(decision)
    writer.write(item)
    writer.write(text)
    writer.write(method)
    writer.write(outcome)
    writer.write(rung)
    writer.write(votes)
    writer.write(stances)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      decision: try reader.read(),
      item: try reader.read(),
      text: try reader.read(),
      method: try reader.read(),
      outcome: try reader.read(),
      rung: try reader.read(),
      votes: try reader.read(),
      stances: try reader.read()
    )
  }
}

extension StanceRecorded: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(decision)
    writer.write(stance)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      decision: try reader.read(),
      stance: try reader.read()
    )
  }
}

extension DecisionAmended: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(decision)
    writer.write(text)
    writer.write(method)
    writer.write(outcome)
    writer.write(rung)
    writer.write(votes)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      decision: try reader.read(),
      text: try reader.read(),
      method: try reader.read(),
      outcome: try reader.read(),
      rung: try reader.read(),
      votes: try reader.read()
    )
  }
}

extension DecisionWithdrawn: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(decision)
    writer.write(reason)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      decision: try reader.read(),
      reason: try reader.read()
    )
  }
}

extension ActionItemAdded: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(action)
    writer.write(decision)
    writer.write(owner)
    writer.write(ownerParticipant)
    writer.write(text)
    writer.write(due)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      action: try reader.read(),
      decision: try reader.read(),
      owner: try reader.read(),
      ownerParticipant: try reader.read(),
      text: try reader.read(),
      due: try reader.read()
    )
  }
}

extension ActionItemWithdrawn: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(action)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      action: try reader.read()
    )
  }
}

extension CorrectionUndone: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(kind)
    writer.write(undoes)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      kind: try reader.read(),
      undoes: try reader.read()
    )
  }
}

extension SignalReopened: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(signal)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(signal: try reader.read())
  }
}

extension TurnResumed: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(participant)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(participant: try reader.read())
  }
}

extension FollowUp: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(status)
    writer.write(note)
    writer.write(at)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      status: try reader.read(),
      note: try reader.read(),
      at: try reader.read()
    )
  }
}

extension CarriedItem: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(number)
    writer.write(kind)
    writer.write(text)
    writer.write(owner)
    writer.write(due)
    writer.write(followUp)
    writer.write(fromMeeting)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      number: try reader.read(),
      kind: try reader.read(),
      text: try reader.read(),
      owner: try reader.read(),
      due: try reader.read(),
      followUp: try reader.read(),
      fromMeeting: try reader.read()
    )
  }
}

extension ActionFollowedUp: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(action)
    writer.write(carried)
    writer.write(status)
    writer.write(note)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      action: try reader.read(),
      carried: try reader.read(),
      status: try reader.read(),
      note: try reader.read()
    )
  }
}

extension MeetingCarriedOver: BinaryCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(items)
  }

  init(binary reader: inout BinaryReader) throws(BinaryDecodingError) {
    self.init(
      items: try reader.read()
    )
  }
}
