extension MeetingState {
  /// How many undoable actions are remembered at least; older ones may no longer be undone.
  static let undoDepth = 200

  /// Folds one event into the state.
  ///
  /// `apply` trusts that the event was decided against this state (or read from a log that
  /// was). It never traps: an event that does not fit (an unknown id, say) changes nothing but
  /// the version, so a damaged log still opens. It is the hot path of replay, so it keeps to
  /// in-place updates of arrays indexed by id.
  public mutating func apply(_ recorded: RecordedEvent) {
    version = recorded.sequence
    // Back-filled records may carry an earlier time; the clock of the log never goes back.
    if lastEventTime.map({ recorded.time > $0 }) ?? true { lastEventTime = recorded.time }
    let at = recorded.time
    switch recorded.event {
    case .meetingCreated(let e):
      info = MeetingInfo(title: e.title, purpose: e.purpose, date: e.date, createdAt: at)
      policy = e.policy
      status = .scheduled
    case .meetingOpened:
      status = .open
    case .meetingClosed:
      status = .closed
      entries.removeAll()
      if let round { pastRounds.append(round) }
      round = nil
      // Hands and turns end with the meeting: they cannot be undone back into a reopened one.
      undoLog.removeAll { !$0.kind.isUndoableAfterClose }
    case .policyChanged(let e):
      policy = e.policy
      policyChangedAt = at
    case .participantJoined(let e):
      guard e.participant.rawValue == participants.count + 1 else { return }
      participants.append(
        Participant(
          id: e.participant, name: e.name, tags: e.tags, role: e.role,
          timeAdjustment: e.timeAdjustment, presence: [PresenceSpan(from: at, until: nil)]))
      voice.append(VoiceTally())
    case .participantLeft(let e):
      guard let index = participantIndex(e.participant), participants[index].isPresent else { return }
      participants[index].presence[participants[index].presence.count - 1].until = at
    case .participantReturned(let e):
      guard let index = participantIndex(e.participant), !participants[index].isPresent else { return }
      participants[index].presence.append(PresenceSpan(from: at, until: nil))
    case .participantUpdated(let e):
      guard let index = participantIndex(e.participant) else { return }
      if let tags = e.tags { participants[index].tags = tags }
      if let role = e.role { participants[index].role = role }
      if let adjustment = e.timeAdjustment { participants[index].timeAdjustment = adjustment }
    case .agendaItemAdded(let e):
      guard e.item.rawValue == items.count + 1 else { return }
      items.append(
        AgendaItem(
          id: e.item, title: e.title, leads: e.leads, minutes: e.minutes, status: .pending,
          isParked: e.parked, stretches: [], speakers: []))
      if !e.parked { insertIntoAgenda(e.item, at: e.position) }
    case .agendaItemMoved(let e):
      guard let from = agendaOrder.firstIndex(of: e.item) else { return }
      agendaOrder.remove(at: from)
      insertIntoAgenda(e.item, at: e.position)
    case .agendaItemStarted(let e):
      guard let index = itemIndex(e.item) else { return }
      let previous =
        currentItem ?? (closedItem?.sequence == recorded.sequence - 1 ? closedItem?.item : nil)
      if let current = currentItem, current != e.item { pauseItem(current, at: at, status: .pending) }
      if items[index].isParked {
        items[index].isParked = false
        insertIntoAgenda(e.item, at: nil)
      }
      items[index].status = .current
      items[index].stretches.append(AgendaStretch(start: at, end: nil))
      currentItem = e.item
      // The step an undo makes back is not itself an agenda step to undo.
      if undoMarkerSequence != recorded.sequence - 1 {
        remember(
          UndoRecord(
            kind: .agenda, eventID: recorded.id, sequence: recorded.sequence, target: e.item.rawValue,
            previousItem: previous))
      }
    case .agendaItemClosed(let e):
      pauseItem(e.item, at: at, status: .done)
      closedItem = ClosedItem(item: e.item, sequence: recorded.sequence)
    case .agendaItemDeferred(let e):
      pauseItem(e.item, at: at, status: .deferred)
    case .agendaItemUnparked(let e):
      guard let index = itemIndex(e.item), items[index].isParked else { return }
      items[index].isParked = false
      insertIntoAgenda(e.item, at: e.position)
    case .handRaised(let e):
      guard participantIndex(e.participant) != nil, entry(for: e.participant) == nil else { return }
      entries.append(
        QueueEntry(participant: e.participant, kind: e.kind, arrival: recorded.sequence, raisedAt: at))
      remember(
        UndoRecord(kind: .hand, eventID: recorded.id, sequence: recorded.sequence, participant: e.participant)
      )
    case .handLowered(let e):
      guard let index = entries.firstIndex(where: { $0.participant == e.participant }) else { return }
      let lowered = entries.remove(at: index)
      if e.reason == .withdrawn || e.reason == .facilitator {
        remember(
          UndoRecord(
            kind: .lower, eventID: recorded.id, sequence: recorded.sequence,
            participant: e.participant, entry: lowered))
      }
    case .queueEntryMoved(let e):
      guard let index = entries.firstIndex(where: { $0.participant == e.participant }) else { return }
      let previous = entries[index].placement
      entries[index].placement = ManualPlacement(
        position: e.position, reason: e.reason, sequence: recorded.sequence)
      remember(
        UndoRecord(
          kind: .move, eventID: recorded.id, sequence: recorded.sequence,
          participant: e.participant, previousPlacement: previous))
    case .handRestored(let e):
      guard entry(for: e.entry.participant) == nil else { return }
      insertByArrival(e.entry)
    case .queueEntryMoveReverted(let e):
      guard let index = entries.firstIndex(where: { $0.participant == e.participant }) else { return }
      entries[index].placement = e.placement
    case .turnStarted(let e):
      startTurn(e, recorded: recorded)
    case .turnEnded(let e):
      guard var turn = currentTurn, turn.participant == e.participant else { return }
      turn.end = at
      turns.append(turn)
      currentTurn = nil
      overtakenByCurrentTurn.removeAll(keepingCapacity: true)
      if let index = participantIndex(e.participant) {
        voice[index].spokenMilliseconds += turn.milliseconds(at: at)
        voice[index].turns += 1
      }
      noteSpeaker(e.participant, on: turn.item)
      remember(
        UndoRecord(
          kind: .turnEnd, eventID: recorded.id, sequence: recorded.sequence, participant: e.participant))
    case .turnResumed(let e):
      guard currentTurn == nil, var turn = turns.last, turn.participant == e.participant else { return }
      turns.removeLast()
      if let index = participantIndex(e.participant) {
        voice[index].spokenMilliseconds -= turn.milliseconds(at: turn.end ?? at)
        voice[index].turns -= 1
      }
      turn.end = nil
      currentTurn = turn
    case .turnRevoked(let e):
      guard let turn = currentTurn, turn.participant == e.participant else { return }
      currentTurn = nil
      if turn.source == .round, var round {
        round.done = max(0, round.done - 1)
        self.round = round
      }
      // Take back exactly the overtaking that the voided turn caused.
      for index in entries.indices where overtakenByCurrentTurn.contains(entries[index].participant) {
        entries[index].overtaken = max(0, entries[index].overtaken - 1)
      }
      overtakenByCurrentTurn.removeAll(keepingCapacity: true)
      if let restored = e.restoredEntry, entry(for: restored.participant) == nil { insertByArrival(restored) }
    case .contributionRecorded(let e):
      guard e.contribution.rawValue == contributions.count + 1, let index = participantIndex(e.participant)
      else { return }
      contributions.append(
        Contribution(
          id: e.contribution, participant: e.participant, mode: e.mode, text: e.text,
          creditSeconds: e.creditSeconds, supporter: e.supporter, item: currentItem, at: at,
          isWithdrawn: false))
      voice[index].creditedMilliseconds += Int64(e.creditSeconds) * 1000
      voice[index].contributions += 1
      noteSpeaker(e.participant, on: currentItem)
      remember(
        UndoRecord(
          kind: .contribution, eventID: recorded.id, sequence: recorded.sequence,
          participant: e.participant, target: e.contribution.rawValue))
    case .contributionWithdrawn(let e):
      withdrawContribution(e.contribution)
    case .roundStarted(let e):
      round = Round(topic: e.topic, order: e.order, done: 0, passes: [], item: currentItem)
    case .roundPassed(let e):
      guard var round, round.upcoming == e.participant else { return }
      round.done += 1
      round.passes.append(e.participant)
      self.round = round
    case .roundEnded:
      if let round { pastRounds.append(round) }
      round = nil
    case .signalSent(let e):
      guard e.signal.rawValue == signals.count + 1 else { return }
      signals.append(
        Signal(
          id: e.signal, type: e.type, from: e.from, note: e.note, at: at, isAcknowledged: false,
          isWithdrawn: false))
      remember(
        UndoRecord(
          kind: .signal, eventID: recorded.id, sequence: recorded.sequence, target: e.signal.rawValue))
    case .signalAcknowledged(let e):
      guard signals.indices.contains(e.signal.index) else { return }
      signals[e.signal.index].isAcknowledged = true
      remember(
        UndoRecord(
          kind: .acknowledgement, eventID: recorded.id, sequence: recorded.sequence, target: e.signal.rawValue
        ))
    case .signalReopened(let e):
      guard signals.indices.contains(e.signal.index) else { return }
      signals[e.signal.index].isAcknowledged = false
    case .signalWithdrawn(let e):
      guard signals.indices.contains(e.signal.index) else { return }
      signals[e.signal.index].isWithdrawn = true
    case .decisionRecorded(let e):
      guard e.decision.rawValue == decisions.count + 1 else { return }
      decisions.append(decisionState(e, at: at))
      remember(
        UndoRecord(
          kind: .decision, eventID: recorded.id, sequence: recorded.sequence, target: e.decision.rawValue))
    case .stanceRecorded(let e):
      guard decisions.indices.contains(e.decision.index) else { return }
      var stances = decisions[e.decision.index].stances
      if let index = stances.firstIndex(where: { $0.participant == e.stance.participant }) {
        stances[index] = e.stance
      } else {
        stances.append(e.stance)
      }
      decisions[e.decision.index].stances = stances
    case .decisionAmended(let e):
      guard decisions.indices.contains(e.decision.index) else { return }
      let index = e.decision.index
      if let text = e.text { decisions[index].text = text }
      if let method = e.method { decisions[index].method = method }
      if let outcome = e.outcome { decisions[index].outcome = outcome }
      if let rung = e.rung { decisions[index].rung = rung }
      if let votes = e.votes { decisions[index].votes = votes }
      decisions[index].amendments += 1
    case .decisionWithdrawn(let e):
      guard decisions.indices.contains(e.decision.index) else { return }
      decisions[e.decision.index].withdrawal = e.reason
    case .actionItemAdded(let e):
      guard e.action.rawValue == actions.count + 1 else { return }
      actions.append(
        ActionItem(
          id: e.action, decision: e.decision, owner: e.owner, ownerParticipant: e.ownerParticipant,
          text: e.text, due: e.due, at: at, isWithdrawn: false))
      if let decision = e.decision, decisions.indices.contains(decision.index) {
        decisions[decision.index].actions.append(e.action)
      }
      remember(
        UndoRecord(
          kind: .action, eventID: recorded.id, sequence: recorded.sequence, target: e.action.rawValue))
    case .actionItemWithdrawn(let e):
      guard actions.indices.contains(e.action.index) else { return }
      actions[e.action.index].isWithdrawn = true
    case .actionFollowedUp(let e):
      let followUp = FollowUp(status: e.status, note: e.note, at: at)
      if let action = e.action {
        guard actions.indices.contains(action.index) else { return }
        actions[action.index].followUp = followUp
      } else if let number = e.carried {
        guard carriedOver.indices.contains(number - 1) else { return }
        carriedOver[number - 1].followUp = followUp
      }
    case .meetingCarriedOver(let e):
      carriedOver.append(contentsOf: e.items)
    case .correctionUndone(let e):
      undoMarkerSequence = recorded.sequence
      if let index = undoLog.lastIndex(where: { $0.eventID == e.undoes }) { undoLog.remove(at: index) }
    }
  }

  // MARK: Helpers for apply

  func participantIndex(_ id: ParticipantID) -> Int? {
    participants.indices.contains(id.index) ? id.index : nil
  }

  func itemIndex(_ id: AgendaItemID) -> Int? {
    items.indices.contains(id.index) ? id.index : nil
  }

  private mutating func insertIntoAgenda(_ item: AgendaItemID, at position: Int?) {
    let index = position.map { min(max($0 - 1, 0), agendaOrder.count) } ?? agendaOrder.count
    agendaOrder.insert(item, at: index)
  }

  private mutating func pauseItem(_ id: AgendaItemID, at: Instant, status: AgendaItemStatus) {
    guard let index = itemIndex(id) else { return }
    if let last = items[index].stretches.indices.last, items[index].stretches[last].end == nil {
      items[index].stretches[last].end = at
    }
    items[index].status = status
    if currentItem == id { currentItem = nil }
  }

  private mutating func insertByArrival(_ entry: QueueEntry) {
    let index = entries.firstIndex { $0.arrival > entry.arrival } ?? entries.count
    entries.insert(entry, at: index)
  }

  private mutating func startTurn(_ e: TurnStarted, recorded: RecordedEvent) {
    guard participantIndex(e.participant) != nil, currentTurn == nil else { return }
    overtakenByCurrentTurn.removeAll(keepingCapacity: true)
    var fromQueue: QueueEntry?
    if let index = entries.firstIndex(where: { $0.participant == e.participant }) {
      fromQueue = entries.remove(at: index)
    }
    if e.source == .round {
      if var round, round.upcoming == e.participant {
        round.done += 1
        self.round = round
      }
    } else {
      // Everyone still waiting who raised a hand before this person has been overtaken once.
      let arrival = fromQueue?.arrival ?? Int64.max
      for index in entries.indices where entries[index].arrival < arrival {
        entries[index].overtaken += 1
        overtakenByCurrentTurn.append(entries[index].participant)
      }
    }
    currentTurn = Turn(
      participant: e.participant, kind: e.kind, source: e.source, item: currentItem,
      start: recorded.time, startSequence: recorded.sequence, end: nil)
    remember(
      UndoRecord(
        kind: .floor, eventID: recorded.id, sequence: recorded.sequence, participant: e.participant,
        entry: fromQueue))
  }

  private mutating func noteSpeaker(_ id: ParticipantID, on item: AgendaItemID?) {
    if let item, let index = itemIndex(item) {
      if !items[index].speakers.contains(id) { items[index].speakers.append(id) }
    } else if item == nil, !speakersWithoutItem.contains(id) {
      speakersWithoutItem.append(id)
    }
  }

  private mutating func withdrawContribution(_ id: ContributionID) {
    guard contributions.indices.contains(id.index), !contributions[id.index].isWithdrawn else { return }
    contributions[id.index].isWithdrawn = true
    let contribution = contributions[id.index]
    guard let index = participantIndex(contribution.participant) else { return }
    voice[index].creditedMilliseconds -= Int64(contribution.creditSeconds) * 1000
    voice[index].contributions -= 1
    // The person no longer counts as heard on the item unless something else of theirs does.
    let stillHeard =
      turns.contains { $0.participant == contribution.participant && $0.item == contribution.item }
      || contributions.contains {
        !$0.isWithdrawn && $0.participant == contribution.participant && $0.item == contribution.item
      }
    guard !stillHeard else { return }
    if let item = contribution.item, let itemIndex = itemIndex(item) {
      items[itemIndex].speakers.removeAll { $0 == contribution.participant }
    } else if contribution.item == nil {
      speakersWithoutItem.removeAll { $0 == contribution.participant }
    }
  }

  private func decisionState(_ e: DecisionRecorded, at: Instant) -> Decision {
    var speakers = e.item.flatMap { item($0)?.speakers } ?? (e.item == nil ? speakersWithoutItem : [])
    if let turn = currentTurn, turn.item == e.item, !speakers.contains(turn.participant) {
      speakers.append(turn.participant)
    }
    return Decision(
      id: e.decision, item: e.item, text: e.text, method: e.method, outcome: e.outcome, rung: e.rung,
      votes: e.votes, stances: e.stances, actions: [], recordedAt: at,
      present: participants.filter(\.isPresent).map(\.id), speakers: speakers, amendments: 0,
      withdrawal: nil)
  }

  private mutating func remember(_ record: UndoRecord) {
    // Trim in batches so that a long replay does not shift the whole log on every event.
    if undoLog.count >= 2 * Self.undoDepth { undoLog.removeFirst(undoLog.count - Self.undoDepth) }
    undoLog.append(record)
  }
}
