// The validating fold: every event read from a file or an import is checked against the state
// it lands on before `apply` folds it in, with the same rules the commands enforce in `decide`
// (where a check exists there, it is the one used here). A log the model's own commands wrote
// always passes; one edited by hand, damaged or made by another program is refused with the
// first event that does not fit, instead of being folded into a state that traps later.
//
// This is on the hot path of replay: every check is a comparison or an array look-up on the
// state, and nothing is allocated unless an event is refused.

extension MeetingState {
  /// Why `recorded` cannot come next in the log this state was folded from, or nil when it
  /// can: its place, its time, and what its data refers to.
  public func problem(with recorded: RecordedEvent) -> EventProblem? {
    guard let reason = reason(against: recorded) else { return nil }
    return EventProblem(sequence: recorded.sequence, reason: reason)
  }

  /// Folds `recorded` in after checking it (`problem(with:)`); a refused event leaves the state
  /// unchanged.
  public mutating func applyChecked(_ recorded: RecordedEvent) throws(EventProblem) {
    if let problem = problem(with: recorded) { throw problem }
    apply(recorded)
  }

  private func reason(against recorded: RecordedEvent) -> String? {
    guard recorded.sequence == version + 1 else {
      return recorded.sequence == version
        ? "appears twice in the log" : "is out of order: event \(version + 1) was expected next"
    }
    guard recorded.time.isRecordable else {
      return
        "has a time outside the years 1970 to 9999 (\(recorded.time.millisecondsSince1970) ms since 1970)"
    }
    let type = recorded.event.type
    if status == .notCreated {
      guard type == .meetingCreated else {
        return "(\(type.rawValue)) comes before the meeting is created: a log starts with meeting.created"
      }
    } else if type == .meetingCreated {
      return "creates the meeting a second time"
    }
    if let last = lastEventTime, recorded.time < last, !type.mayBeBackfilled {
      return
        "(\(type.rawValue)) is dated \(recorded.time.iso8601), before an earlier event (\(last.iso8601)): "
        + "only decisions, stances, actions, contributions, agenda items and follow-ups may be back-filled"
    }
    if status == .closed, !type.isAllowedAfterClose {
      return "(\(type.rawValue)) comes after the meeting closed"
    }
    return reason(againstData: recorded)
  }

  // MARK: What each event's data refers to

  private func reason(againstData recorded: RecordedEvent) -> String? {
    switch recorded.event {
    case .meetingCreated(let e):
      return refused("has an invalid policy") { () throws(Refusal) in try checkPolicy(e.policy) }
    case .meetingOpened: return status == .open ? "opens the meeting, which is already open" : nil
    case .meetingClosed: return nil
    case .policyChanged(let e):
      return refused("has an invalid policy") { () throws(Refusal) in try checkPolicy(e.policy) }
    case .participantJoined(let e):
      guard e.participant.rawValue == participants.count + 1 else {
        return
          "adds participant \(e.participant.rawValue) where participant \(participants.count + 1) was next"
      }
      // The rule `join` applies: a name, with no control characters in it.
      if e.name.allSatisfy(\.isWhitespace) {
        return "adds participant \(e.participant.rawValue) without a name"
      }
      if e.name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
        return "adds participant \(e.participant.rawValue) with a control character in their name"
      }
      return adjustmentReason(e.timeAdjustment, for: e.participant)
    case .participantLeft(let e):
      guard let person = participant(e.participant) else { return "has \(never(e.participant)) leave" }
      return person.isPresent ? nil : "has participant \(e.participant.rawValue) leave, who had already left"
    case .participantReturned(let e):
      guard let person = participant(e.participant) else { return "brings back \(never(e.participant))" }
      return person.isPresent ? "brings back participant \(e.participant.rawValue), who had not left" : nil
    case .participantUpdated(let e):
      guard participant(e.participant) != nil else { return "changes \(never(e.participant))" }
      return e.timeAdjustment.flatMap { adjustmentReason($0, for: e.participant) }
    case .agendaItemAdded(let e):
      guard e.item.rawValue == items.count + 1 else {
        return "adds agenda item \(e.item.rawValue) where item \(items.count + 1) was next"
      }
      if let problem = refused(
        "has an invalid timebox", { () throws(Refusal) in try checkMinutes(e.minutes) })
      {
        return problem
      }
      if let lead = e.leads.first(where: { participant($0) == nil }) {
        return "names \(never(lead)) as a lead"
      }
      return positionReason(e.position)
    case .agendaItemMoved(let e):
      guard let item = item(e.item) else { return "moves \(neverAdded(e.item))" }
      if item.isParked { return "moves agenda item \(e.item.rawValue), which is in the parking lot" }
      return positionReason(e.position)
    case .agendaItemStarted(let e):
      return item(e.item) == nil ? "starts \(neverAdded(e.item))" : nil
    case .agendaItemClosed(let e):
      return currentItem == e.item ? nil : "closes agenda item \(e.item.rawValue), which is not under way"
    case .agendaItemDeferred(let e):
      guard let item = item(e.item) else { return "defers \(neverAdded(e.item))" }
      guard item.status == .pending || item.status == .current else {
        return "defers agenda item \(e.item.rawValue), which is already \(item.status.rawValue)"
      }
      return nil
    case .agendaItemUnparked(let e):
      guard let item = item(e.item) else { return "takes up \(neverAdded(e.item))" }
      guard item.isParked else {
        return "takes up agenda item \(e.item.rawValue), which is not in the parking lot"
      }
      return positionReason(e.position)
    case .handRaised(let e):
      if let problem = speakerReason(e.participant, "raises a hand for") { return problem }
      if entry(for: e.participant) != nil {
        return "raises a hand for participant \(e.participant.rawValue), whose hand is already up"
      }
      if currentTurn?.participant == e.participant {
        return "raises a hand for participant \(e.participant.rawValue), who has the floor"
      }
      return nil
    case .handLowered(let e):
      return entry(for: e.participant) == nil ? "lowers \(handNotUp(e.participant))" : nil
    case .queueEntryMoved(let e):
      guard entry(for: e.participant) != nil else { return "moves \(handNotUp(e.participant))" }
      guard e.position >= 1, e.position <= entries.count else {
        return
          "moves participant \(e.participant.rawValue) to place \(e.position) in a queue of \(entries.count)"
      }
      return nil
    case .handRestored(let e):
      if let problem = speakerReason(e.entry.participant, "puts back a hand for") { return problem }
      if entry(for: e.entry.participant) != nil {
        return "puts back a hand for participant \(e.entry.participant.rawValue), whose hand is already up"
      }
      return entryReason(e.entry, before: recorded.sequence)
    case .queueEntryMoveReverted(let e):
      guard entry(for: e.participant) != nil else { return "moves back \(handNotUp(e.participant))" }
      return e.placement.flatMap { placementReason($0, before: recorded.sequence) }
    case .turnStarted(let e):
      if let problem = speakerReason(e.participant, "gives the floor to") { return problem }
      if let turn = currentTurn {
        return "gives the floor to participant \(e.participant.rawValue) while participant "
          + "\(turn.participant.rawValue) still has it"
      }
      return nil
    case .turnEnded(let e):
      return currentTurn?.participant == e.participant ? nil : "ends the turn of \(noFloor(e.participant))"
    case .turnRevoked(let e):
      guard currentTurn?.participant == e.participant else {
        return "takes the floor back from \(noFloor(e.participant))"
      }
      guard let restored = e.restoredEntry else { return nil }
      guard restored.participant == e.participant else {
        return "takes the floor back from participant \(e.participant.rawValue) but puts back the hand of "
          + "participant \(restored.participant.rawValue)"
      }
      return entryReason(restored, before: recorded.sequence)
    case .turnResumed(let e):
      guard currentTurn == nil, turns.last?.participant == e.participant else {
        return
          "gives the floor back to participant \(e.participant.rawValue), whose turn was not the last to end"
      }
      return nil
    case .contributionRecorded(let e):
      guard e.contribution.rawValue == contributions.count + 1 else {
        return
          "records contribution \(e.contribution.rawValue) where contribution \(contributions.count + 1) "
          + "was next"
      }
      guard let person = participant(e.participant) else {
        return "records a contribution by \(never(e.participant))"
      }
      guard person.speaks else {
        return "records a contribution by participant \(e.participant.rawValue), an observer"
      }
      guard (0...3600).contains(e.creditSeconds) else {
        return "credits a contribution with \(e.creditSeconds) seconds (0 to 3600 are allowed)"
      }
      if let supporter = e.supporter {
        guard participant(supporter) != nil else { return "names \(never(supporter)) as a supporter" }
        guard supporter != e.participant else {
          return "names participant \(supporter.rawValue) as their own supporter"
        }
      }
      return nil
    case .contributionWithdrawn(let e):
      guard contributions.indices.contains(e.contribution.index) else {
        return "withdraws contribution \(e.contribution.rawValue), which was never recorded"
      }
      return contributions[e.contribution.index].isWithdrawn
        ? "withdraws contribution \(e.contribution.rawValue), which was already withdrawn" : nil
    case .roundStarted(let e):
      guard round == nil else { return "starts a go-round while another is in progress" }
      guard !e.order.isEmpty else { return "starts a go-round with nobody in it" }
      for (index, id) in e.order.enumerated() {
        if let problem = presentReason(id, "puts in a go-round") { return problem }
        if e.order[..<index].contains(id) { return "puts participant \(id.rawValue) in a go-round twice" }
      }
      return nil
    case .roundPassed(let e):
      guard let round else {
        return "passes participant \(e.participant.rawValue) in a go-round, but none is in progress"
      }
      return round.upcoming == e.participant
        ? nil : "passes participant \(e.participant.rawValue) in the go-round, who is not next"
    case .roundEnded:
      return round == nil ? "ends a go-round, but none is in progress" : nil
    case .signalSent(let e):
      guard e.signal.rawValue == signals.count + 1 else {
        return "sends signal \(e.signal.rawValue) where signal \(signals.count + 1) was next"
      }
      return e.from.flatMap { presentReason($0, "sends a signal from") }
    case .signalAcknowledged(let e): return signalReason(e.signal, "acknowledges")
    case .signalReopened(let e): return signalReason(e.signal, "reopens")
    case .signalWithdrawn(let e): return signalReason(e.signal, "withdraws")
    case .decisionRecorded(let e):
      guard e.decision.rawValue == decisions.count + 1 else {
        return "records decision \(e.decision.rawValue) where decision \(decisions.count + 1) was next"
      }
      if let id = e.item, item(id) == nil { return "records a decision on \(neverAdded(id))" }
      if let problem = refused(
        "has invalid votes", { () throws(Refusal) in try checkVotes(e.votes, method: e.method) })
      {
        return problem
      }
      for (index, stance) in e.stances.enumerated() {
        if participant(stance.participant) == nil {
          return "records a stance of \(never(stance.participant))"
        }
        if e.stances[..<index].contains(where: { $0.participant == stance.participant }) {
          return "records two stances of participant \(stance.participant.rawValue)"
        }
      }
      return nil
    case .stanceRecorded(let e):
      if let problem = liveDecisionReason(e.decision, "records a stance on") { return problem }
      return participant(e.stance.participant) == nil
        ? "records a stance of \(never(e.stance.participant))" : nil
    case .decisionAmended(let e):
      if let problem = liveDecisionReason(e.decision, "amends") { return problem }
      let decision = decisions[e.decision.index]
      return refused("has invalid votes") { () throws(Refusal) in
        try checkVotes(e.votes ?? decision.votes, method: e.method ?? decision.method)
      }
    case .decisionWithdrawn(let e):
      return liveDecisionReason(e.decision, "withdraws")
    case .actionItemAdded(let e):
      guard e.action.rawValue == actions.count + 1 else {
        return "adds action item \(e.action.rawValue) where action item \(actions.count + 1) was next"
      }
      if let decision = e.decision, let problem = liveDecisionReason(decision, "adds an action to") {
        return problem
      }
      return e.ownerParticipant.flatMap { participant($0) == nil ? "names \(never($0)) as an owner" : nil }
    case .actionItemWithdrawn(let e):
      guard actions.indices.contains(e.action.index) else {
        return "withdraws action item \(e.action.rawValue), which was never added"
      }
      return actions[e.action.index].isWithdrawn
        ? "withdraws action item \(e.action.rawValue), which was already withdrawn" : nil
    case .actionFollowedUp(let e):
      switch (e.action, e.carried) {
      case (let action?, nil):
        guard actions.indices.contains(action.index) else {
          return "follows up action item \(action.rawValue), which was never added"
        }
        return actions[action.index].isWithdrawn
          ? "follows up action item \(action.rawValue), which was withdrawn" : nil
      case (nil, let number?):
        return carriedOver.indices.contains(number - 1)
          ? nil : "follows up carried item c\(number), which was never carried over"
      default:
        return "follows up both an action item and a carried item, or neither"
      }
    case .meetingCarriedOver(let e):
      guard carriedOver.isEmpty else { return "carries items over a second time" }
      guard !e.items.isEmpty else { return "carries over nothing" }
      for (index, item) in e.items.enumerated() {
        guard item.number == index + 1 else { return "numbers carried item \(index + 1) as c\(item.number)" }
        if let at = item.followUp?.at, !at.isRecordable {
          return "gives carried item c\(item.number) a follow-up time outside the years 1970 to 9999"
        }
      }
      return nil
    case .correctionUndone(let e):
      return undoLog.contains { $0.eventID == e.undoes && $0.kind == e.kind }
        ? nil : "undoes event \(e.undoes), which is not a \(e.kind.label) that can be undone"
    }
  }

  // MARK: Phrases and shared checks

  /// The refusal's message as a reason: "has an invalid timebox: a timebox is 1 to 600 minutes".
  private func refused(_ what: String, _ check: () throws(Refusal) -> Void) -> String? {
    do {
      try check()
      return nil
    } catch {
      var message = error.message
      if message.hasSuffix(".") { message.removeLast() }
      return "\(what): \(message.prefix(1).lowercased() + message.dropFirst())"
    }
  }

  private func adjustmentReason(_ value: Double, for id: ParticipantID) -> String? {
    refused("gives participant \(id.rawValue) a time adjustment of \(value)") { () throws(Refusal) in
      try checkTimeAdjustment(value)
    }
  }

  private func positionReason(_ position: Int?) -> String? {
    guard let position, position < 1 else { return nil }
    return "gives place \(position) on the agenda (places start at 1)"
  }

  private func never(_ id: ParticipantID) -> String { "participant \(id.rawValue), who never joined" }

  private func neverAdded(_ id: AgendaItemID) -> String {
    "agenda item \(id.rawValue), which was never added"
  }

  private func handNotUp(_ id: ParticipantID) -> String {
    participant(id) == nil
      ? "the hand of \(never(id))" : "the hand of participant \(id.rawValue), which is not up"
  }

  private func noFloor(_ id: ParticipantID) -> String {
    participant(id) == nil ? never(id) : "participant \(id.rawValue), who does not have the floor"
  }

  /// Someone who is here: joined and not left.
  private func presentReason(_ id: ParticipantID, _ action: String) -> String? {
    guard let person = participant(id) else { return "\(action) \(never(id))" }
    return person.isPresent ? nil : "\(action) participant \(id.rawValue), who has left"
  }

  /// Someone who can take the floor: here, and not an observer.
  private func speakerReason(_ id: ParticipantID, _ action: String) -> String? {
    if let problem = presentReason(id, action) { return problem }
    return participants[id.index].speaks ? nil : "\(action) participant \(id.rawValue), an observer"
  }

  private func signalReason(_ id: SignalID, _ action: String) -> String? {
    signals.indices.contains(id.index) ? nil : "\(action) signal \(id.rawValue), which was never sent"
  }

  private func liveDecisionReason(_ id: DecisionID, _ action: String) -> String? {
    guard let decision = decision(id) else {
      return "\(action) decision \(id.rawValue), which was never recorded"
    }
    return decision.isWithdrawn ? "\(action) decision \(id.rawValue), which was withdrawn" : nil
  }

  /// A raised hand put back (an undo): raised by an earlier event, at a time a log can hold.
  private func entryReason(_ entry: QueueEntry, before sequence: Int64) -> String? {
    guard entry.arrival >= 1, entry.arrival < sequence, entry.raisedAt.isRecordable, entry.overtaken >= 0,
      entry.overtaken < sequence
    else {
      return "puts back a hand for participant \(entry.participant.rawValue) that no earlier event raised"
    }
    return entry.placement.flatMap { placementReason($0, before: sequence) }
  }

  private func placementReason(_ placement: ManualPlacement, before sequence: Int64) -> String? {
    guard placement.position >= 1, placement.sequence >= 1, placement.sequence < sequence else {
      return "gives a queue place (\(placement.position), from event \(placement.sequence)) that no earlier "
        + "event made"
    }
    return nil
  }
}

/// A whole log folded through `MeetingState.applyChecked`, with the event ids checked to be
/// unique as well: what an import runs before it writes anything, and what tests use to check a
/// log the model wrote.
public struct ValidatingFold: Sendable {
  public private(set) var state = MeetingState()
  /// Each id seen, with the sequence number of its event.
  private var ids: [EventID: Int64] = [:]

  public init() {}

  /// Checks `recorded` against the state so far and folds it in; throws the first problem, and
  /// then the fold is unchanged.
  public mutating func apply(_ recorded: RecordedEvent) throws(EventProblem) {
    if let problem = state.problem(with: recorded) { throw problem }
    if let earlier = ids[recorded.id] {
      throw EventProblem(
        sequence: recorded.sequence, reason: "has the same id as event \(earlier) (\(recorded.id))")
    }
    ids[recorded.id] = recorded.sequence
    state.apply(recorded)
  }

  /// The state of `events`, every one of them checked.
  public static func state(of events: some Sequence<RecordedEvent>) throws(EventProblem) -> MeetingState {
    var fold = ValidatingFold()
    for event in events { try fold.apply(event) }
    return fold.state
  }
}
