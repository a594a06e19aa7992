extension MeetingState {
  /// Checks `command` against this state and returns the events it becomes, in order, or
  /// throws a `Refusal` that says why not. Pure: the state is not changed, the clock is not
  /// read; `time` is when the command happens, as given by the caller.
  public func decide(_ command: Command, at time: Instant) throws(Refusal) -> [MeetingEvent] {
    // The range every log is held to (see `Instant.isRecordable`).
    guard time.isRecordable else {
      throw Refusal(.invalidInput, "That time (\(time.iso8601)) is outside the years 1970 to 9999.")
    }
    if case .createMeeting(let title, let purpose, let date, let policy) = command {
      guard status == .notCreated else {
        throw Refusal(.meetingExists, "This file already holds the meeting “\(info?.title ?? "")”.")
      }
      try checkPolicy(policy)
      // A date written as digits and dashes must be a real day; "21 November" stays as written.
      if let date = optional(date), date.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }),
        !CalendarDate.isValid(date)
      {
        throw Refusal(.invalidInput, CalendarDate.problem(date, what: "The meeting's date"))
      }
      return [
        .meetingCreated(
          MeetingCreated(
            title: try required(title, "The meeting needs a title."), purpose: optional(purpose),
            date: optional(date), policy: policy))
      ]
    }
    guard status != .notCreated else {
      throw Refusal(.noMeeting, "There is no meeting yet: create one first.")
    }
    if let last = lastEventTime, time < last, !command.mayBeBackfilled {
      throw Refusal(
        .timeGoesBack,
        "That time (\(time.iso8601)) is before the last recorded event (\(last.iso8601)): turns, hands "
          + "and the agenda are kept in time order. Decisions, stances, actions and contributions can be "
          + "back-filled.")
    }
    if status == .closed && !command.isAllowedAfterClose {
      throw Refusal(.meetingClosed, "The meeting is closed; reopen it first.")
    }
    switch command {
    case .createMeeting:
      return []  // Handled above.
    case .openMeeting:
      guard status != .open else { throw Refusal(.meetingAlreadyOpen, "The meeting is already open.") }
      return [.meetingOpened(MeetingOpened())]
    case .closeMeeting:
      var events: [MeetingEvent] = []
      if let turn = currentTurn { events.append(.turnEnded(TurnEnded(participant: turn.participant))) }
      if round != nil { events.append(.roundEnded(RoundEnded())) }
      if let item = currentItem { events.append(.agendaItemClosed(AgendaItemClosed(item: item))) }
      events.append(.meetingClosed(MeetingClosed()))
      return events
    case .changePolicy(let policy):
      try checkPolicy(policy)
      guard policy != self.policy else { throw Refusal(.unchanged, "That policy is already in force.") }
      return [.policyChanged(PolicyChanged(policy: policy))]

    case .join(let name, let tags, let role, let timeAdjustment):
      return try decideJoin(name: name, tags: tags, role: role, timeAdjustment: timeAdjustment)
    case .leave(let id):
      let person = try presentParticipant(id)
      var events: [MeetingEvent] = []
      if currentTurn?.participant == id { events += endingCurrentTurn() }
      if entry(for: id) != nil { events.append(.handLowered(HandLowered(participant: id, reason: .left))) }
      events.append(.participantLeft(ParticipantLeft(participant: person.id)))
      return events
    case .updateParticipant(let id, let tags, let role, let timeAdjustment):
      let person = try knownParticipant(id)
      let cleanTags = tags.map(cleanedTags)
      if let timeAdjustment { try checkTimeAdjustment(timeAdjustment) }
      if role == .observer && (entry(for: id) != nil || currentTurn?.participant == id) {
        throw Refusal(
          .invalidInput,
          "\(person.name) is in the queue or has the floor; do that first, then make them an observer.")
      }
      let update = ParticipantUpdated(
        participant: id, tags: cleanTags == person.tags ? nil : cleanTags,
        role: role == person.role ? nil : role,
        timeAdjustment: timeAdjustment == person.timeAdjustment ? nil : timeAdjustment)
      guard update.tags != nil || update.role != nil || update.timeAdjustment != nil else {
        throw Refusal(.unchanged, "Nothing to change for \(person.name).")
      }
      return [.participantUpdated(update)]

    case .addAgendaItem(let title, let minutes, let leads, let position):
      let title = try required(title, "An agenda item needs a title.")
      try checkMinutes(minutes)
      for lead in leads { _ = try knownParticipant(lead) }
      if let position, position < 1 { throw Refusal(.invalidInput, "Positions start at 1.") }
      return [
        .agendaItemAdded(
          AgendaItemAdded(
            item: AgendaItemID(items.count + 1), title: title, minutes: minutes, leads: leads,
            position: position, parked: false))
      ]
    case .park(let title):
      let title = try required(title, "A parking-lot topic needs a title.")
      return [
        .agendaItemAdded(
          AgendaItemAdded(
            item: AgendaItemID(items.count + 1), title: title, minutes: nil, leads: [], position: nil,
            parked: true))
      ]
    case .unpark(let id, let position):
      let item = try knownItem(id)
      guard item.isParked else { throw Refusal(.invalidInput, "“\(item.title)” is not in the parking lot.") }
      if let position, position < 1 { throw Refusal(.invalidInput, "Positions start at 1.") }
      return [.agendaItemUnparked(AgendaItemUnparked(item: id, position: position))]
    case .moveAgendaItem(let id, let position):
      let item = try knownItem(id)
      guard !item.isParked else {
        throw Refusal(.invalidInput, "“\(item.title)” is in the parking lot; take it onto the agenda first.")
      }
      guard position >= 1 else { throw Refusal(.invalidInput, "Positions start at 1.") }
      guard agendaOrder.firstIndex(of: id) != min(position, agendaOrder.count) - 1 else {
        throw Refusal(.unchanged, "“\(item.title)” is already in that place.")
      }
      return [.agendaItemMoved(AgendaItemMoved(item: id, position: position))]
    case .startItem(let id):
      let item = try knownItem(id)
      guard currentItem != id else { throw Refusal(.unchanged, "“\(item.title)” is already under way.") }
      return openingIfNeeded() + [.agendaItemStarted(AgendaItemStarted(item: id))]
    case .nextItem:
      return try decideNextItem()
    case .closeItem:
      guard let current = currentItem else {
        throw Refusal(.noCurrentItem, "No agenda item is under way.")
      }
      return [.agendaItemClosed(AgendaItemClosed(item: current))]
    case .deferItem(let id):
      guard let target = id ?? currentItem else {
        throw Refusal(.noCurrentItem, "No agenda item is under way; say which item to defer.")
      }
      let item = try knownItem(target)
      guard item.status == .pending || item.status == .current else {
        throw Refusal(.itemClosed, "“\(item.title)” is already \(item.status.rawValue).")
      }
      return [.agendaItemDeferred(AgendaItemDeferred(item: target))]

    case .raiseHand(let id, let kind):
      let person = try speakingParticipant(id)
      if let turn = currentTurn, turn.participant == id {
        throw Refusal(.hasTheFloor, "\(person.name) has the floor already.")
      }
      if let existing = entry(for: id) {
        let position = (queueOrder.firstIndex { $0.participant == id } ?? 0) + 1
        throw Refusal(
          .handAlreadyRaised,
          "\(person.name)'s hand is already up (\(existing.kind.label), \(ordinal(position)) in the queue); "
            + "lower it first to change it.")
      }
      if kind == .response && currentTurn == nil {
        throw Refusal(
          .noCurrentSpeaker,
          "Nobody is speaking, so there is nothing to respond to; raise a new point instead.")
      }
      return [.handRaised(HandRaised(participant: id, kind: kind))]
    case .lowerHand(let id, let byFacilitator):
      let person = try knownParticipant(id)
      guard entry(for: id) != nil else { throw Refusal(.handNotRaised, "\(person.name)'s hand is not up.") }
      return [.handLowered(HandLowered(participant: id, reason: byFacilitator ? .facilitator : .withdrawn))]
    case .moveEntry(let id, let position, let reason):
      let person = try knownParticipant(id)
      guard entry(for: id) != nil else { throw Refusal(.handNotRaised, "\(person.name)'s hand is not up.") }
      let reason = try required(reason, "Say why: the reason for a move is shown to everyone.")
      guard (1...entries.count).contains(position) else {
        throw Refusal(
          .invalidInput,
          "The queue has \(entries.count) place\(entries.count == 1 ? "" : "s"): choose 1 to \(entries.count)."
        )
      }
      return [.queueEntryMoved(QueueEntryMoved(participant: id, position: position, reason: reason))]
    case .nextSpeaker:
      return try decideNextSpeaker(at: time)
    case .giveFloor(let id):
      let person = try speakingParticipant(id)
      guard round == nil else {
        throw Refusal(
          .roundInProgress, "A go-round is in progress: use next or pass, or end the round first.")
      }
      if currentTurn?.participant == id {
        throw Refusal(.hasTheFloor, "\(person.name) has the floor already.")
      }
      var events = openingIfNeeded()
      if let turn = currentTurn { events.append(.turnEnded(TurnEnded(participant: turn.participant))) }
      let waiting = entry(for: id)
      events.append(
        .turnStarted(
          TurnStarted(
            participant: id, kind: waiting?.kind ?? .point, source: waiting == nil ? .direct : .queue)))
      return events
    case .endTurn:
      guard currentTurn != nil else { throw Refusal(.noCurrentSpeaker, "Nobody has the floor.") }
      return endingCurrentTurn()

    case .recordContribution(let id, let mode, let text, let creditSeconds, let supporter):
      let person = try knownParticipant(id)
      guard person.speaks else {
        throw Refusal(
          .observer, "\(person.name) is an observer; change their role to count their contributions.")
      }
      let text = try required(text, "Say what \(person.name) contributed.")
      guard (0...3600).contains(creditSeconds) else {
        throw Refusal(.invalidInput, "Credit a contribution with 0 to 3600 seconds of airtime.")
      }
      if let supporter {
        _ = try knownParticipant(supporter)
        guard supporter != id else { throw Refusal(.invalidInput, "Someone cannot be their own supporter.") }
      }
      return [
        .contributionRecorded(
          ContributionRecorded(
            contribution: ContributionID(contributions.count + 1), participant: id, mode: mode, text: text,
            creditSeconds: creditSeconds, supporter: supporter))
      ]
    case .startRound(let order, let topic):
      return try decideStartRound(order: order, topic: topic)
    case .passInRound:
      guard let round else { throw Refusal(.noRound, "There is no go-round in progress.") }
      guard let upcoming = round.upcoming else {
        throw Refusal(.noRound, "Everyone has had their turn in the round.")
      }
      var events: [MeetingEvent] = []
      if let turn = currentTurn { events.append(.turnEnded(TurnEnded(participant: turn.participant))) }
      events.append(.roundPassed(RoundPassed(participant: upcoming)))
      if round.done + 1 == round.order.count { events.append(.roundEnded(RoundEnded())) }
      return events
    case .endRound:
      guard round != nil else { throw Refusal(.noRound, "There is no go-round in progress.") }
      var events: [MeetingEvent] = []
      if let turn = currentTurn, turn.source == .round {
        events.append(.turnEnded(TurnEnded(participant: turn.participant)))
      }
      events.append(.roundEnded(RoundEnded()))
      return events

    case .sendSignal(let type, let from, let note):
      if let from { _ = try presentParticipant(from) }
      let note = optional(note)
      if type == .other && note == nil {
        throw Refusal(.invalidInput, "Say what the signal is about (a short note).")
      }
      return [
        .signalSent(SignalSent(signal: SignalID(signals.count + 1), type: type, from: from, note: note))
      ]
    case .acknowledgeSignal(let id):
      guard let signal = signal(id) else { throw Refusal(.unknownSignal, "There is no signal \(id).") }
      guard signal.isOpen else {
        throw Refusal(.signalAcknowledged, "Signal \(id) (\(signal.type.rawValue)) is already dealt with.")
      }
      return [.signalAcknowledged(SignalAcknowledged(signal: id))]

    case .recordDecision(let draft):
      return try decideRecordDecision(draft, at: time)
    case .recordStance(let id, let stance):
      _ = try liveDecision(id)
      _ = try knownParticipant(stance.participant)
      return [.stanceRecorded(StanceRecorded(decision: id, stance: cleaned(stance)))]
    case .amendDecision(let amendment):
      return try decideAmendDecision(amendment)
    case .withdrawDecision(let id, let reason):
      _ = try liveDecision(id)
      let reason = try required(reason, "Say why the decision is withdrawn.")
      return [.decisionWithdrawn(DecisionWithdrawn(decision: id, reason: reason))]
    case .addAction(let draft):
      if let decision = draft.decision { _ = try liveDecision(decision) }
      return [.actionItemAdded(try actionEvent(draft, id: ActionItemID(actions.count + 1)))]
    case .followUp(let target, let status, let note):
      return [.actionFollowedUp(try decideFollowUp(target, status: status, note: note))]
    case .carryOver(let carried):
      return try decideCarryOver(carried)

    case .undo(let kind, let action):
      return try decideUndo(kind, action: action)
    }
  }

  // MARK: Larger decisions

  private func decideJoin(name: String, tags: [String], role: Role, timeAdjustment: Double) throws(Refusal)
    -> [MeetingEvent]
  {
    let name = try required(name, "A participant needs a name.")
    guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
      throw Refusal(.invalidInput, "A name cannot contain control characters.")
    }
    try checkTimeAdjustment(timeAdjustment)
    let tags = cleanedTags(tags)
    let key = NameKey(name)
    if let existing = participants.first(where: { NameKey($0.name) == key }) {
      guard !existing.isPresent else {
        throw Refusal(.nameTaken, "\(existing.name) is already here; give a different name for someone else.")
      }
      var events: [MeetingEvent] = [.participantReturned(ParticipantReturned(participant: existing.id))]
      let update = ParticipantUpdated(
        participant: existing.id, tags: tags.isEmpty || tags == existing.tags ? nil : tags,
        role: role == existing.role || role == .participant ? nil : role,
        timeAdjustment: timeAdjustment == existing.timeAdjustment || timeAdjustment == 1
          ? nil : timeAdjustment)
      if update.tags != nil || update.role != nil || update.timeAdjustment != nil {
        events.append(.participantUpdated(update))
      }
      return events
    }
    return [
      .participantJoined(
        ParticipantJoined(
          participant: ParticipantID(participants.count + 1), name: name, tags: tags, role: role,
          timeAdjustment: timeAdjustment))
    ]
  }

  private func decideNextItem() throws(Refusal) -> [MeetingEvent] {
    // The first pending item after the current one; then any pending item skipped earlier.
    let start = currentItem.flatMap { agendaOrder.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
    let upcoming =
      agendaOrder[start...].first { item($0)?.status == .pending }
      ?? agendaOrder[..<start].first { item($0)?.status == .pending }
    guard currentItem != nil || upcoming != nil else {
      throw Refusal(.noItemsLeft, "No agenda items are left to open; add one first.")
    }
    var events = openingIfNeeded() + endingCurrentTurn()
    if let current = currentItem { events.append(.agendaItemClosed(AgendaItemClosed(item: current))) }
    if let upcoming { events.append(.agendaItemStarted(AgendaItemStarted(item: upcoming))) }
    return events
  }

  private func decideNextSpeaker(at time: Instant) throws(Refusal) -> [MeetingEvent] {
    var events = openingIfNeeded()
    if let turn = currentTurn { events.append(.turnEnded(TurnEnded(participant: turn.participant))) }
    if let round {
      // Skip people who have left or become observers since the round began: they pass.
      var done = round.done
      while done < round.order.count,
        participant(round.order[done]).map({ $0.isPresent && $0.speaks }) != true
      {
        events.append(.roundPassed(RoundPassed(participant: round.order[done])))
        done += 1
      }
      if done < round.order.count {
        events.append(.turnStarted(TurnStarted(participant: round.order[done], kind: .point, source: .round)))
      } else {
        events.append(.roundEnded(RoundEnded()))
      }
      return events
    }
    guard let head = queueOrder(afterCurrentTurnEndsAt: time).first else {
      guard currentTurn != nil else { throw Refusal(.queueEmpty, "Nobody is waiting to speak.") }
      return events
    }
    events.append(.turnStarted(TurnStarted(participant: head.participant, kind: head.kind, source: .queue)))
    return events
  }

  private func decideStartRound(order: [ParticipantID]?, topic: String?) throws(Refusal) -> [MeetingEvent] {
    guard round == nil else { throw Refusal(.roundInProgress, "A go-round is already in progress.") }
    let order = order ?? participants.filter { $0.isPresent && $0.speaks }.map(\.id)
    guard !order.isEmpty else { throw Refusal(.invalidInput, "Nobody is here to take part in a round.") }
    var seen: Set<ParticipantID> = []
    for id in order {
      let person = try speakingParticipant(id)
      guard seen.insert(id).inserted else {
        throw Refusal(.invalidInput, "\(person.name) is in the round twice.")
      }
    }
    var events = openingIfNeeded()
    if let turn = currentTurn { events.append(.turnEnded(TurnEnded(participant: turn.participant))) }
    events.append(.roundStarted(RoundStarted(order: order, topic: optional(topic))))
    return events
  }

  private func decideRecordDecision(_ draft: DecisionDraft, at time: Instant) throws(Refusal)
    -> [MeetingEvent]
  {
    let text = try required(draft.text, "A decision needs its text: what was decided?")
    // A back-filled decision belongs by default to the item that was under way at its time.
    let itemID =
      draft.item ?? (time < (lastEventTime ?? time) ? items.last { $0.wasCurrent(at: time) }?.id : nil)
      ?? currentItem
    if let itemID {
      let item = try knownItem(itemID)
      // A closed item takes decisions back-filled to a time when it was under way.
      let open = item.status == .pending || item.status == .current || item.wasCurrent(at: time)
      guard open, !item.isParked else {
        throw Refusal(
          .decisionOnClosedItem,
          "“\(item.title)” is \(item.isParked ? "in the parking lot" : item.status.rawValue): "
            + "record the decision on the current item, give the time it was under way (--at), "
            + "or reopen it first.")
      }
    }
    try checkVotes(draft.votes, method: draft.method)
    var seen: Set<ParticipantID> = []
    var stances: [Stance] = []
    for stance in draft.stances {
      let person = try knownParticipant(stance.participant)
      guard seen.insert(stance.participant).inserted else {
        throw Refusal(.invalidInput, "\(person.name) has two stances; give one.")
      }
      stances.append(cleaned(stance))
    }
    let id = DecisionID(decisions.count + 1)
    var events: [MeetingEvent] = [
      .decisionRecorded(
        DecisionRecorded(
          decision: id, item: itemID, text: text, method: draft.method, outcome: draft.outcome,
          rung: draft.rung, votes: draft.votes, stances: stances))
    ]
    for (offset, action) in draft.actions.enumerated() {
      var action = action
      action.decision = id
      events.append(.actionItemAdded(try actionEvent(action, id: ActionItemID(actions.count + 1 + offset))))
    }
    return events
  }

  private func decideAmendDecision(_ amendment: DecisionAmendment) throws(Refusal) -> [MeetingEvent] {
    let decision = try liveDecision(amendment.decision)
    let text = try amendment.text.map { (text: String) throws(Refusal) in
      try required(text, "A decision needs its text: what was decided?")
    }
    try checkVotes(amendment.votes ?? decision.votes, method: amendment.method ?? decision.method)
    let event = DecisionAmended(
      decision: amendment.decision, text: text == decision.text ? nil : text,
      method: amendment.method == decision.method ? nil : amendment.method,
      outcome: amendment.outcome == decision.outcome ? nil : amendment.outcome,
      rung: amendment.rung == decision.rung ? nil : amendment.rung,
      votes: amendment.votes == decision.votes ? nil : amendment.votes)
    guard
      event.text != nil || event.method != nil || event.outcome != nil || event.rung != nil
        || event.votes != nil
    else { throw Refusal(.unchanged, "Nothing to change in decision \(amendment.decision).") }
    return [.decisionAmended(event)]
  }

  private func decideUndo(_ wanted: UndoKind?, action: EventID?) throws(Refusal) -> [MeetingEvent] {
    if status == .closed, let wanted, !wanted.isUndoableAfterClose {
      throw Refusal(.meetingClosed, "The meeting is closed; reopen it first.")
    }
    guard let record = undoRecord(kind: wanted, action: action) else {
      if action != nil {
        throw Refusal(
          .nothingToUndo, "That action can no longer be undone: it was undone already, or it is too old.")
      }
      throw Refusal(
        .nothingToUndo, wanted.map { "Nothing to undo: no \($0.label) recorded." } ?? "Nothing to undo.")
    }
    let kind = record.kind
    if status == .closed && !kind.isUndoableAfterClose {
      throw Refusal(.meetingClosed, "The meeting is closed; reopen it first.")
    }
    let marker = MeetingEvent.correctionUndone(CorrectionUndone(kind: kind, undoes: record.eventID))
    let who = record.participant.map { name(of: $0) } ?? ""
    switch kind {
    case .hand:
      guard let id = record.participant, entry(for: id)?.arrival == record.sequence else {
        throw Refusal(.cannotUndo, "Can't undo \(who)'s raised hand: it is no longer up.")
      }
      return [marker, .handLowered(HandLowered(participant: id, reason: .undone))]
    case .lower:
      guard let id = record.participant, let lowered = record.entry, entry(for: id) == nil,
        currentTurn?.participant != id, participant(id)?.isPresent == true, participant(id)?.speaks == true
      else {
        throw Refusal(
          .cannotUndo,
          "Can't put \(who)'s hand back up: it is up again, they have the floor, they left, "
            + "or they are an observer now.")
      }
      return [marker, .handRestored(HandRestored(entry: lowered))]
    case .floor:
      guard let id = record.participant, let turn = currentTurn, turn.startSequence == record.sequence else {
        throw Refusal(.cannotUndo, "Can't undo giving the floor to \(who): that turn has already ended.")
      }
      return [marker, .turnRevoked(TurnRevoked(participant: id, restoredEntry: record.entry))]
    case .move:
      guard let id = record.participant, entry(for: id)?.placement?.sequence == record.sequence else {
        throw Refusal(
          .cannotUndo, "Can't undo the move of \(who): their hand has since been lowered, moved or heard.")
      }
      return [
        marker,
        .queueEntryMoveReverted(QueueEntryMoveReverted(participant: id, placement: record.previousPlacement)),
      ]
    case .contribution:
      let id = ContributionID(record.target)
      guard contributions.indices.contains(id.index), !contributions[id.index].isWithdrawn else {
        throw Refusal(.cannotUndo, "That contribution is already withdrawn.")
      }
      return [marker, .contributionWithdrawn(ContributionWithdrawn(contribution: id))]
    case .signal:
      let id = SignalID(record.target)
      guard signal(id)?.isWithdrawn == false else {
        throw Refusal(.cannotUndo, "That signal is already withdrawn.")
      }
      return [marker, .signalWithdrawn(SignalWithdrawn(signal: id))]
    case .decision:
      let id = DecisionID(record.target)
      guard decision(id)?.isWithdrawn == false else {
        throw Refusal(.cannotUndo, "Decision \(id) is already withdrawn.")
      }
      // Its action items go with it.
      let actionsToWithdraw = actions.filter { $0.decision == id && !$0.isWithdrawn }.map {
        MeetingEvent.actionItemWithdrawn(ActionItemWithdrawn(action: $0.id))
      }
      return [marker, .decisionWithdrawn(DecisionWithdrawn(decision: id, reason: "undone"))]
        + actionsToWithdraw
    case .action:
      let id = ActionItemID(record.target)
      guard actions.indices.contains(id.index), !actions[id.index].isWithdrawn else {
        throw Refusal(.cannotUndo, "That action item is already withdrawn.")
      }
      return [marker, .actionItemWithdrawn(ActionItemWithdrawn(action: id))]
    case .acknowledgement:
      let id = SignalID(record.target)
      guard let signal = signal(id), signal.isAcknowledged, !signal.isWithdrawn else {
        throw Refusal(.cannotUndo, "That signal is no longer acknowledged.")
      }
      return [marker, .signalReopened(SignalReopened(signal: id))]
    case .turnEnd:
      guard let id = record.participant, currentTurn == nil, let turn = turns.last, turn.participant == id,
        turn.item == currentItem, participant(id)?.isPresent == true, participant(id)?.speaks == true
      else {
        throw Refusal(
          .cannotUndo,
          "Can't give \(who) the floor back: someone has spoken since, the agenda moved on, or they left "
            + "or observe now.")
      }
      if entry(for: id) != nil {
        throw Refusal(.cannotUndo, "Can't give \(who) the floor back: their hand is up again.")
      }
      if turn.source == .round, round == nil {
        throw Refusal(.cannotUndo, "Can't give \(who) the floor back: the go-round ended with that turn.")
      }
      return [marker, .turnResumed(TurnResumed(participant: id))]
    case .agenda:
      let opened = AgendaItemID(record.target)
      guard currentItem == opened else {
        throw Refusal(
          .cannotUndo, "Can't undo opening “\(item(opened)?.title ?? "")”: the agenda has moved since.")
      }
      guard let previous = record.previousItem, item(previous) != nil else {
        throw Refusal(
          .cannotUndo,
          "Can't undo opening “\(item(opened)?.title ?? "")”: no item was open before it "
            + "(agenda defer puts it back to wait).")
      }
      return [marker, .agendaItemStarted(AgendaItemStarted(item: previous))]
    }
  }

  /// Ends the current turn, if there is one; a go-round that turn finished ends with it.
  private func endingCurrentTurn() -> [MeetingEvent] {
    guard let turn = currentTurn else { return [] }
    var events: [MeetingEvent] = [.turnEnded(TurnEnded(participant: turn.participant))]
    if let round, round.upcoming == nil { events.append(.roundEnded(RoundEnded())) }
    return events
  }

  // MARK: Checks

  /// A meeting that has not opened yet opens when the floor is first given or an item starts.
  private func openingIfNeeded() -> [MeetingEvent] {
    status == .scheduled ? [.meetingOpened(MeetingOpened())] : []
  }

  func knownParticipant(_ id: ParticipantID) throws(Refusal) -> Participant {
    guard let person = participant(id) else {
      throw Refusal(.unknownParticipant, "There is no participant \(id).")
    }
    return person
  }

  private func presentParticipant(_ id: ParticipantID) throws(Refusal) -> Participant {
    let person = try knownParticipant(id)
    guard person.isPresent else { throw Refusal(.notPresent, "\(person.name) is not here (they left).") }
    return person
  }

  /// Someone who can take the floor: present, and not an observer.
  private func speakingParticipant(_ id: ParticipantID) throws(Refusal) -> Participant {
    let person = try presentParticipant(id)
    guard person.speaks else {
      throw Refusal(.observer, "\(person.name) is an observer; change their role to let them speak.")
    }
    return person
  }

  private func knownItem(_ id: AgendaItemID) throws(Refusal) -> AgendaItem {
    guard let item = item(id) else { throw Refusal(.unknownItem, "There is no agenda item \(id).") }
    return item
  }

  private func decideFollowUp(_ target: FollowUpTarget, status: FollowUpStatus, note: String?) throws(Refusal)
    -> ActionFollowedUp
  {
    let note = optional(note)
    let current: FollowUp?
    let what: String
    switch target {
    case .action(let id):
      guard actions.indices.contains(id.index) else {
        let known =
          actions.isEmpty
          ? "this meeting has no action items yet"
          : "this meeting's action items are numbered 1 to \(actions.count), as `roundtable actions` shows them"
        throw Refusal(.unknownAction, "There is no action item \(id.rawValue): \(known).")
      }
      let action = actions[id.index]
      guard !action.isWithdrawn else {
        throw Refusal(
          .actionWithdrawn,
          "Action \(id.rawValue) (\(action.owner): \(action.text)) was withdrawn; there is nothing to follow up."
        )
      }
      current = action.followUp
      what = "Action \(id.rawValue)"
    case .carried(let number):
      guard carriedOver.indices.contains(number - 1) else {
        let known =
          carriedOver.isEmpty
          ? "this meeting carried nothing over from a previous one"
          : "the carried items are c1 to c\(carriedOver.count)"
        throw Refusal(.unknownAction, "There is no carried item c\(number): \(known).")
      }
      current = carriedOver[number - 1].followUp
      what = "Carried item c\(number)"
    }
    if let current, current.status == status, current.note == note {
      throw Refusal(
        .unchanged, "\(what) is already marked \(status.label)\(note == nil ? "" : " with that note").")
    }
    switch target {
    case .action(let id): return ActionFollowedUp(action: id, status: status, note: note)
    case .carried(let number): return ActionFollowedUp(carried: number, status: status, note: note)
    }
  }

  private func decideCarryOver(_ carried: [CarriedItem]) throws(Refusal) -> [MeetingEvent] {
    guard carriedOver.isEmpty else {
      let from = carriedOver.first?.fromMeeting ?? "a previous meeting"
      throw Refusal(
        .invalidInput, "This meeting has already carried over what came of \(from); it is done once.")
    }
    guard !carried.isEmpty else {
      throw Refusal(.invalidInput, "There is nothing to carry over: no open actions and no decisions.")
    }
    var items: [CarriedItem] = []
    for item in carried {
      var item = item
      item.number = items.count + 1
      item.text = try required(item.text, "A carried item needs its text.")
      item.owner = optional(item.owner)
      item.due = optional(item.due)
      item.fromMeeting = try required(item.fromMeeting, "A carried item needs the meeting it comes from.")
      items.append(item)
    }
    return [
      .meetingCarriedOver(MeetingCarriedOver(items: items)),
      .agendaItemAdded(
        AgendaItemAdded(
          item: AgendaItemID(self.items.count + 1), title: Self.carryOverItemTitle, minutes: nil, leads: [],
          position: 1, parked: false)),
    ]
  }

  private func liveDecision(_ id: DecisionID) throws(Refusal) -> Decision {
    guard let decision = decision(id) else { throw Refusal(.unknownDecision, "There is no decision \(id).") }
    guard !decision.isWithdrawn else {
      throw Refusal(.decisionWithdrawn, "Decision \(id) was withdrawn; record a new one instead.")
    }
    return decision
  }

  private func actionEvent(_ draft: ActionDraft, id: ActionItemID) throws(Refusal) -> ActionItemAdded {
    let owner = try required(draft.owner, "An action item needs an owner: who will do it?")
    let text = try required(draft.text, "An action item needs its text: what will be done?")
    if let participant = draft.ownerParticipant { _ = try knownParticipant(participant) }
    if let due = optional(draft.due), !CalendarDate.isValid(due) {
      throw Refusal(.invalidInput, CalendarDate.problem(due, what: "The due date"))
    }
    return ActionItemAdded(
      action: id, decision: draft.decision, owner: owner, ownerParticipant: draft.ownerParticipant,
      text: text,
      due: optional(draft.due))
  }

  func checkPolicy(_ policy: QueuePolicy) throws(Refusal) {
    guard QueuePolicy.starvationLimits.contains(policy.starvationLimit) else {
      throw Refusal(
        .invalidInput,
        "The starvation limit is a number of turns: 0 (off) to \(QueuePolicy.starvationLimits.upperBound).")
    }
    var tags: Set<String> = []
    var total = 0.0
    for target in policy.groupTargets {
      guard !target.tag.trimmed.isEmpty else {
        throw Refusal(.invalidInput, "A group target needs a group tag.")
      }
      guard target.share > 0, target.share <= 1 else {
        throw Refusal(.invalidInput, "The target for \(target.tag) must be a share above 0% and up to 100%.")
      }
      guard tags.insert(target.tag).inserted else {
        throw Refusal(.invalidInput, "The group \(target.tag) has two targets; give one.")
      }
      total += target.share
    }
    guard total <= 1.0001 else {
      throw Refusal(
        .invalidInput, "Group targets add up to \(percent(total)); they can add up to 100% at most.")
    }
  }

  func checkTimeAdjustment(_ value: Double) throws(Refusal) {
    guard value >= 0.25, value <= 4 else {
      throw Refusal(
        .invalidInput, "A time adjustment is between 0.25 and 4 (1.5 gives half as much time again).")
    }
  }

  func checkMinutes(_ minutes: Int?) throws(Refusal) {
    if let minutes, !(1...600).contains(minutes) {
      throw Refusal(.invalidInput, "A timebox is 1 to 600 minutes.")
    }
  }

  func checkVotes(_ votes: VoteTally?, method: DecisionMethod) throws(Refusal) {
    guard let votes else { return }
    guard method == .vote else { throw Refusal(.invalidInput, "Vote counts go with the vote method.") }
    guard votes.inFavour >= 0, votes.against >= 0, votes.abstentions >= 0 else {
      throw Refusal(.invalidInput, "Vote counts cannot be negative.")
    }
    let limit = VoteTally.maximumCount
    guard votes.inFavour <= limit, votes.against <= limit, votes.abstentions <= limit else {
      throw Refusal(.invalidInput, "Vote counts are 0 to \(limit) each.")
    }
  }

  private func cleaned(_ stance: Stance) -> Stance {
    Stance(participant: stance.participant, stance: stance.stance, reason: optional(stance.reason))
  }

  private func cleanedTags(_ tags: [String]) -> [String] {
    var result: [String] = []
    for tag in tags.map(\.trimmed) where !tag.isEmpty && !result.contains(tag) { result.append(tag) }
    return result
  }
}

extension Command {
  /// Records that a note-taker may add with an earlier time than the last event: their time is
  /// kept for the minutes, and nothing that is timed (turns, airtime, the agenda clock) depends
  /// on it.
  var mayBeBackfilled: Bool {
    switch self {
    case .recordDecision, .recordStance, .amendDecision, .withdrawDecision, .addAction, .recordContribution,
      .park, .addAgendaItem, .followUp, .carryOver:
      true
    default: false
    }
  }

  /// After a meeting closes, the note-taker may still complete the record of decisions.
  var isAllowedAfterClose: Bool {
    switch self {
    case .openMeeting, .recordDecision, .recordStance, .amendDecision, .withdrawDecision, .addAction,
      .acknowledgeSignal, .followUp:
      true
    // Which kinds of undo may follow a close is checked against the action being undone.
    case .undo: true
    default: false
    }
  }
}

extension UndoKind {
  /// Whether the action can still be taken back after the meeting closed: the record of
  /// decisions can; hands, turns and the agenda ended with the meeting.
  var isUndoableAfterClose: Bool {
    switch self {
    case .decision, .action, .acknowledgement: true
    default: false
    }
  }

  /// What the undone action is called in messages.
  public var label: String {
    switch self {
    case .hand: "raised hand"
    case .lower: "lowered hand"
    case .floor: "floor given"
    case .move: "queue move"
    case .contribution: "contribution"
    case .signal: "signal"
    case .decision: "decision"
    case .action: "action item"
    case .acknowledgement: "signal acknowledgement"
    case .turnEnd: "ended turn"
    case .agenda: "agenda step"
    }
  }
}

// MARK: Text hygiene

extension String {
  var trimmed: String {
    var scalars = Substring(self)
    while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }
}

/// The text trimmed, or a refusal with `message` when nothing is left.
func required(_ text: String, _ message: String) throws(Refusal) -> String {
  let trimmed = text.trimmed
  guard !trimmed.isEmpty else { throw Refusal(.invalidInput, message) }
  return trimmed
}

/// The text trimmed, or nil when nothing is left.
func optional(_ text: String?) -> String? {
  guard let trimmed = text?.trimmed, !trimmed.isEmpty else { return nil }
  return trimmed
}
