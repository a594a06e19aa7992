extension MeetingState {
  /// A sentence saying what an event did, for the meeting log and minutes
  /// ("Amira raised a hand (new point)"). Names come from this state, so describe events with the
  /// state of the meeting they belong to (names never change once given).
  public func describe(_ event: MeetingEvent) -> String {
    switch event {
    case .meetingCreated(let e):
      return "Meeting created: “\(e.title)” (\(e.policy.ordering.rawValue) queue)"
    case .meetingOpened: return "Meeting opened"
    case .meetingClosed: return "Meeting closed"
    case .policyChanged(let e):
      return "Queue policy changed to \(describe(e.policy))"
    case .participantJoined(let e):
      var text = "\(e.name) joined"
      if !e.tags.isEmpty { text += " (\(e.tags.joined(separator: ", ")))" }
      if e.role != .participant { text += " as \(e.role.rawValue)" }
      if e.timeAdjustment != 1 { text += ", \(formatFactor(e.timeAdjustment)) speaking time" }
      return text
    case .participantLeft(let e): return "\(name(of: e.participant)) left"
    case .participantReturned(let e): return "\(name(of: e.participant)) came back"
    case .participantUpdated(let e):
      var changes: [String] = []
      if let tags = e.tags {
        changes.append("groups: \(tags.isEmpty ? "none" : tags.joined(separator: ", "))")
      }
      if let role = e.role { changes.append("role: \(role.rawValue)") }
      if let adjustment = e.timeAdjustment { changes.append("speaking time: \(formatFactor(adjustment))") }
      return "\(name(of: e.participant)) updated (\(changes.joined(separator: "; ")))"
    case .agendaItemAdded(let e):
      if e.parked { return "Parked: “\(e.title)”" }
      var text = "Agenda item added: “\(e.title)”"
      if let minutes = e.minutes { text += ", \(minutes) min" }
      if !e.leads.isEmpty { text += ", led by \(listing(e.leads.map { name(of: $0) }, joiner: "and"))" }
      return text
    case .agendaItemMoved(let e): return "Agenda item “\(title(of: e.item))” moved to place \(e.position)"
    case .agendaItemStarted(let e): return "Agenda item opened: “\(title(of: e.item))”"
    case .agendaItemClosed(let e): return "Agenda item closed: “\(title(of: e.item))”"
    case .agendaItemDeferred(let e): return "Agenda item deferred: “\(title(of: e.item))”"
    case .agendaItemUnparked(let e):
      return "Taken from the parking lot onto the agenda: “\(title(of: e.item))”"
    case .handRaised(let e): return "\(name(of: e.participant)) raised a hand (\(e.kind.label))"
    case .handLowered(let e):
      let who = name(of: e.participant)
      switch e.reason {
      case .withdrawn: return "\(who) lowered their hand"
      case .facilitator: return "The facilitator lowered \(who)'s hand"
      case .left: return "\(who)'s hand went down as they left"
      case .undone: return "\(who)'s raised hand was undone"
      }
    case .queueEntryMoved(let e):
      return
        "\(name(of: e.participant)) moved to \(ordinal(e.position)) place by the facilitator: \(e.reason)"
    case .handRestored(let e): return "\(name(of: e.entry.participant))'s hand went back up (undo)"
    case .queueEntryMoveReverted(let e): return "The move of \(name(of: e.participant)) was undone"
    case .turnStarted(let e):
      switch e.source {
      case .queue: return "\(name(of: e.participant)) has the floor (\(e.kind.label))"
      case .direct: return "\(name(of: e.participant)) was given the floor"
      case .round: return "\(name(of: e.participant)) has the floor in the go-round"
      }
    case .turnEnded(let e): return "\(name(of: e.participant))'s turn ended"
    case .turnRevoked(let e): return "The floor given to \(name(of: e.participant)) was taken back (undo)"
    case .contributionRecorded(let e):
      var text =
        "\(e.mode == .written ? "Written" : "Supported") contribution from \(name(of: e.participant))"
      if let supporter = e.supporter { text += " with \(name(of: supporter))" }
      return text + ": “\(e.text)”"
    case .contributionWithdrawn(let e): return "Contribution \(e.contribution) withdrawn"
    case .roundStarted(let e):
      return "Go-round started" + (e.topic.map { ": \($0)" } ?? "")
        + " (\(listing(e.order.map { name(of: $0) }, joiner: "then")))"
    case .roundPassed(let e): return "\(name(of: e.participant)) passed"
    case .roundEnded: return "Go-round ended"
    case .signalSent(let e):
      var text = "Signal: \(e.type.label)"
      if let note = e.note { text += " (“\(note)”)" }
      text += e.from.map { " from \(name(of: $0))" } ?? " (anonymous)"
      return text
    case .signalAcknowledged(let e): return "Signal \(e.signal) acknowledged"
    case .signalWithdrawn(let e): return "Signal \(e.signal) withdrawn"
    case .decisionRecorded(let e):
      return "Decision \(e.decision) (\(e.method.rawValue), \(e.outcome.rawValue)): \(e.text)"
    case .stanceRecorded(let e):
      return "\(name(of: e.stance.participant)): \(e.stance.stance.rawValue) on decision \(e.decision)"
        + (e.stance.reason.map { " (\($0))" } ?? "")
    case .decisionAmended(let e): return "Decision \(e.decision) amended"
    case .decisionWithdrawn(let e): return "Decision \(e.decision) withdrawn: \(e.reason)"
    case .actionItemAdded(let e):
      return "Action for \(e.owner): \(e.text)" + (e.due.map { " (by \($0))" } ?? "")
    case .actionItemWithdrawn(let e): return "Action \(e.action) withdrawn"
    case .correctionUndone(let e): return "Undo: the last \(e.kind.label)"
    case .signalReopened(let e): return "Signal \(e.signal) is waiting again (undo)"
    case .turnResumed(let e): return "\(name(of: e.participant)) has the floor again (undo)"
    case .actionFollowedUp(let e):
      var what = "action"
      if let action = e.action {
        what = "action \(action.rawValue)"
        if actions.indices.contains(action.index) {
          what += " (\(actions[action.index].owner): \(actions[action.index].text))"
        }
      } else if let number = e.carried {
        what = "carried item c\(number)"
        if carriedOver.indices.contains(number - 1) {
          let item = carriedOver[number - 1]
          what += " (\(item.owner.map { "\($0): " } ?? "")\(item.text))"
        }
      }
      return "Follow-up on \(what): \(e.status.label)" + (e.note.map { " — \($0)" } ?? "")
    case .meetingCarriedOver(let e):
      let actions = e.items.filter { $0.kind == .action }.count
      let decisions = e.items.count - actions
      let from = e.items.first.map { " from \($0.fromMeeting)" } ?? ""
      return "Carried over\(from): \(counted(actions, "action")) and \(counted(decisions, "decision"))"
    }
  }

  /// "1 action", "2 decisions".
  private func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }

  /// "balanced, interrupts first, guard after 3 turns".
  public func describe(_ policy: QueuePolicy) -> String {
    var parts = [policy.ordering.rawValue]
    parts.append(policy.interruptsFirst ? "interrupts first" : "interrupts off")
    if policy.ordering == .balanced {
      parts.append(
        policy.starvationLimit > 0 ? "guard after \(policy.starvationLimit) turns" : "no starvation guard")
      if !policy.groupTargets.isEmpty {
        parts.append(policy.groupTargets.map { "\($0.tag) \(percent($0.share))" }.joined(separator: " / "))
      }
    }
    if policy.countsFacilitation { parts.append("facilitation counted") }
    return parts.joined(separator: ", ")
  }

  private func title(of id: AgendaItemID) -> String { item(id)?.title ?? "item \(id.rawValue)" }
}
