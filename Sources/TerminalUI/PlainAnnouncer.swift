import MeetingModel

/// The plain live mode's words (`roundtable watch FILE --plain`): one plain line for each
/// change to the meeting, for screen readers, braille displays and anyone who finds a moving
/// screen hard. No cursor addressing, no redraws: every line is new text, read once.
///
/// The lines come from differences between two states (before and after some events), not
/// from the events themselves, so that one change gives one line whatever events made it (the
/// floor given is a turn ended, a hand taken and a turn started: one line, "Now speaking: …"),
/// and an undo reads as the change it makes. Short sentences and plain words: a young person
/// should understand every line (docs/accessibility.md lists the few words that must stay).
public struct PlainAnnouncer: Sendable {
  /// The person this terminal speaks for (`--as`): their own place is announced in the second
  /// person, and their own hand through it.
  public var me: ParticipantID?

  /// How many names of the queue a line reads out before "and N more".
  public static let namesRead = 3

  public init(me: ParticipantID? = nil) { self.me = me }

  // MARK: Summary

  /// Where the meeting is, for someone joining now: the meeting, the item and its time left,
  /// who is speaking, who is next and why, how many hands are up, open signals, decisions so
  /// far, and (with `me`) their own place.
  public func summary(of state: MeetingState, at now: Instant) -> [String] {
    let queue = state.speakingQueue(at: now)
    var lines: [String] = []
    let title = state.info?.title ?? "This meeting"
    switch state.status {
    case .notCreated: lines.append("This file has no meeting in it yet.")
    case .scheduled: lines.append("\(title). The meeting has not started yet.")
    case .open: lines.append("\(title). The meeting is open.")
    case .closed: lines.append("\(title). The meeting has ended.")
    }
    lines.append(itemSummary(state, at: now))
    if let round = state.round {
      let upcoming = round.upcoming.map { " Next in it: \(name($0, in: state, you: "you"))." } ?? ""
      lines.append("A go-round is on. Everyone gets a turn, one by one.\(upcoming)")
    }
    lines.append(speakerLine(state, queue: queue))
    if let first = queue.first, let reason = first.reasons.first {
      lines.append("\(first.name) is next: \(reason).")
    }
    lines.append(count(state.entries.count, "hand is up.", "hands are up.", none: "No hands are up."))
    let open = state.openSignals
    if open.isEmpty {
      lines.append("No signals are waiting.")
    } else {
      let requests = open.map { sentence(for: $0, state: state) }.joined(separator: " ")
      lines.append(count(open.count, "signal is waiting:", "signals are waiting:") + " " + requests)
    }
    let decisions = state.decisions.filter { !$0.isWithdrawn }
    if let last = decisions.last {
      lines.append(
        decisions.count == 1
          ? "1 decision so far: \(last.text)."
          : "\(decisions.count) decisions so far. The last one: \(last.text).")
    }
    if let me {
      lines.append("You are \(state.name(of: me)). " + ownPlaceSentence(ownPlace(state, queue: queue)))
    }
    lines.append("That is where things stand. New changes follow.")
    return lines
  }

  /// "Item 2 of 4: Housing. 12 minutes left."
  func itemSummary(_ state: MeetingState, at now: Instant) -> String {
    guard let id = state.currentItem, let item = state.item(id) else {
      return state.agendaOrder.isEmpty ? "There is no agenda yet." : "No item is open now."
    }
    let number = state.agendaOrder.firstIndex(of: id).map { "Item \($0 + 1) of \(state.agendaOrder.count)" }
    var line = "\(number ?? "The item"): \(item.title)."
    if let remaining = item.remainingMilliseconds(at: now) {
      line += " " + Self.timeLeft(remaining)
    }
    return line
  }

  /// "12 minutes left.", "Less than a minute left.", "3 minutes over time."
  static func timeLeft(_ milliseconds: Int64) -> String {
    if milliseconds >= 60_000 { return minutes(milliseconds / 60_000) + " left." }
    if milliseconds > 0 { return "Less than a minute left." }
    let over = -milliseconds / 60_000
    return over == 0 ? "The time is up." : minutes(over) + " over time."
  }

  static func minutes(_ count: Int64) -> String { count == 1 ? "1 minute" : "\(count) minutes" }

  // MARK: Changes

  /// One line per change from `before` to `after`, in a fixed order: the meeting, the item,
  /// people arriving and leaving, a go-round, the speaker, hands, the queue, decisions,
  /// signals, and last the person's own place. Queues are compared as they stand at `now`.
  public func changes(from before: MeetingState, to after: MeetingState, at now: Instant) -> [String] {
    guard after.version != before.version else { return [] }
    var lines: [String] = []
    let oldQueue = before.speakingQueue(at: now)
    let newQueue = after.speakingQueue(at: now)
    if before.status != after.status {
      switch after.status {
      case .open: lines.append("The meeting has started.")
      case .closed: lines.append("The meeting has ended.")
      case .scheduled, .notCreated: break
      }
    }
    if before.currentItem != after.currentItem { lines.append(itemChange(before, after)) }
    lines += presenceChanges(before, after)
    lines += roundChanges(before, after)
    // The speaker line names who is next; a later line adds "Next: …" only when it has not.
    var nextRead = false
    let newTurn = after.currentTurn.map { $0.startSequence != before.currentTurn?.startSequence } ?? false
    if newTurn || (before.currentTurn != nil && after.currentTurn == nil) {
      lines.append(speakerLine(after, queue: newQueue, finished: newTurn ? nil : before.currentTurn))
      nextRead = true
    }
    var hands = handChanges(before, after)
    let nextChanged = Self.namesAhead(oldQueue) != Self.namesAhead(newQueue)
    // Your own hand moving is told as your place (below), not as the queue changing.
    let ownPlaceChanged =
      me != nil && ownPlace(before, queue: oldQueue).comparable != ownPlace(after, queue: newQueue).comparable
    if nextChanged && !nextRead && !(hands.isEmpty && ownPlaceChanged) {
      if hands.isEmpty {
        lines.append("The queue has changed. " + Self.nextClause(newQueue))
      } else {
        hands[hands.count - 1] += " " + Self.nextClause(newQueue)
      }
    }
    lines += hands
    lines += decisionChanges(before, after)
    lines += signalChanges(before, after)
    if me != nil {
      let old = ownPlace(before, queue: oldQueue)
      let new = ownPlace(after, queue: newQueue)
      if old.comparable != new.comparable { lines.append(ownChange(from: old, to: new)) }
    }
    return lines
  }

  /// "Item 2 started: Housing. It has 20 minutes." or "Item 2 is finished: Housing. No item
  /// is open now."
  func itemChange(_ before: MeetingState, _ after: MeetingState) -> String {
    func number(_ id: AgendaItemID) -> String {
      after.agendaOrder.firstIndex(of: id).map { "Item \($0 + 1)" } ?? "The item"
    }
    if let id = after.currentItem, let item = after.item(id) {
      var line = "\(number(id)) started: \(item.title)."
      if let minutes = item.minutes { line += " It has \(Self.minutes(Int64(minutes)))." }
      return line
    }
    let closed = before.currentItem.flatMap { id in after.item(id).map { (id, $0) } }
    guard let (id, item) = closed else { return "No item is open now." }
    return "\(number(id)) is finished: \(item.title). No item is open now."
  }

  func presenceChanges(_ before: MeetingState, _ after: MeetingState) -> [String] {
    after.participants.compactMap { person in
      let was = before.participant(person.id)?.isPresent ?? false
      guard was != person.isPresent else { return nil }
      return person.isPresent ? "\(person.name) joined the meeting." : "\(person.name) left the meeting."
    }
  }

  func roundChanges(_ before: MeetingState, _ after: MeetingState) -> [String] {
    var lines: [String] = []
    // A round that ended in this change is the last of the past ones: its passes still count.
    if let round = before.round, let now = after.round ?? after.pastRounds.last, now.order == round.order {
      for passed in now.passes.dropFirst(round.passes.count) {
        lines.append("\(name(passed, in: after, you: "You")) passed.")
      }
    }
    if before.round != nil && after.round == nil { lines.append("The go-round is over.") }
    if let round = after.round, before.round == nil {
      lines.append(
        "A go-round started\(round.topic.map { ": \($0)" } ?? ""). Everyone gets a turn, one by one.")
    }
    return lines
  }

  /// Hands raised and lowered, by others (the person's own hand is told through their place). A
  /// hand that went down because its person got the floor is not news: the speaker line says it.
  func handChanges(_ before: MeetingState, _ after: MeetingState) -> [String] {
    var lines: [String] = []
    let speaker = after.currentTurn?.participant
    for entry in before.entries where after.entry(for: entry.participant) == nil {
      let id = entry.participant
      guard id != me, id != speaker, after.participant(id)?.isPresent ?? false else { continue }
      lines.append("\(after.name(of: id))'s hand is down.")
    }
    for entry in after.entries where before.entry(for: entry.participant) == nil && entry.participant != me {
      let kind = entry.kind == .point ? "" : " for a \(entry.kind.label)"
      lines.append("\(after.name(of: entry.participant)) raised a hand\(kind).")
    }
    return lines
  }

  func decisionChanges(_ before: MeetingState, _ after: MeetingState) -> [String] {
    var lines: [String] = []
    for decision in after.decisions {
      guard let old = before.decision(decision.id) else {
        guard !decision.isWithdrawn else { continue }
        var line = "Decision recorded: \(decision.text)."
        switch decision.outcome {
        case .agreed: break
        case .notAgreed: line += " It was not agreed."
        case .deferred: line += " It was put off for later."
        }
        lines.append(line)
        continue
      }
      if decision.isWithdrawn && !old.isWithdrawn {
        lines.append("Decision \(decision.id.rawValue) was taken back: \(decision.text).")
      } else if decision.amendments > old.amendments && !decision.isWithdrawn {
        lines.append("Decision \(decision.id.rawValue) was changed: \(decision.text).")
      }
    }
    return lines
  }

  func signalChanges(_ before: MeetingState, _ after: MeetingState) -> [String] {
    var lines: [String] = []
    for signal in after.signals {
      guard let old = before.signal(signal.id) else {
        if signal.isOpen { lines.append(sentence(for: signal, state: after)) }
        continue
      }
      let request = Self.request(signal.type)
      // An undone acknowledgement puts the signal back in front of the facilitator.
      if !old.isOpen && signal.isOpen { lines.append("The request \(request) is open again.") }
      guard old.isOpen, !signal.isOpen else { continue }
      lines.append(
        signal.isAcknowledged
          ? "The facilitator has seen the request \(request)." : "The request \(request) was taken back.")
    }
    return lines
  }

  /// "Someone asked for plain language." A private note is never read out.
  public func sentence(for signal: Signal, state: MeetingState) -> String {
    let who = signal.from.map { name($0, in: state, you: "You") } ?? "Someone"
    switch signal.type {
    case .jargon: return "\(who) asked for plain language."
    case .break: return "\(who) asked for a break."
    case .slower: return "\(who) asked people to slow down."
    case .louder: return "\(who) asked people to speak louder."
    case .other: return "\(who) asked for a word with the facilitator."
    }
  }

  /// What a signal asks for, after "the request": "for plain language".
  static func request(_ type: SignalType) -> String {
    switch type {
    case .jargon: "for plain language"
    case .break: "for a break"
    case .slower: "to slow down"
    case .louder: "to speak louder"
    case .other: "for a word"
    }
  }

  // MARK: Speaker and queue

  /// "Now speaking: Sam. Next: Alex, then Priya." or "Sam has finished speaking. Nobody is
  /// waiting."
  func speakerLine(_ state: MeetingState, queue: [QueuedSpeaker], finished: Turn? = nil) -> String {
    let next = Self.nextClause(queue)
    if let turn = state.currentTurn { return "Now speaking: \(state.name(of: turn.participant)). " + next }
    // Always by name, also for the person this terminal speaks for: their own line follows.
    if let finished { return "\(state.name(of: finished.participant)) has finished speaking. " + next }
    return "Nobody is speaking. " + next
  }

  /// The people a "Next: …" clause names, in order.
  static func namesAhead(_ queue: [QueuedSpeaker]) -> [ParticipantID] {
    queue.prefix(namesRead).map(\.participant)
  }

  /// "Next: Alex, then Priya, then Sam, and 2 more." or "Nobody is waiting."
  static func nextClause(_ queue: [QueuedSpeaker]) -> String {
    guard !queue.isEmpty else { return "Nobody is waiting." }
    var clause = "Next: " + queue.prefix(namesRead).map(\.name).joined(separator: ", then ")
    if queue.count > namesRead { clause += ", and \(queue.count - namesRead) more" }
    return clause + "."
  }

  // MARK: The person's own place

  /// Where the person this terminal speaks for stands.
  enum OwnPlace: Equatable {
    case speaking(turn: Int64)
    case queued(position: Int, reason: String?)
    case away

    /// What counts as a change of place: a new reason alone is not one.
    var comparable: String {
      switch self {
      case .speaking(let turn): "speaking \(turn)"
      case .queued(let position, _): "queued \(position)"
      case .away: "away"
      }
    }
  }

  func ownPlace(_ state: MeetingState, queue: [QueuedSpeaker]) -> OwnPlace {
    guard let me else { return .away }
    if let turn = state.currentTurn, turn.participant == me { return .speaking(turn: turn.startSequence) }
    guard let place = queue.first(where: { $0.participant == me }) else { return .away }
    return .queued(position: place.position, reason: place.reasons.first)
  }

  /// "You are 2nd in the queue: first time speaking."
  func ownPlaceSentence(_ place: OwnPlace) -> String {
    switch place {
    case .speaking: return "It is your turn."
    case .queued(let position, let reason):
      let why = reason.map { ": \($0)" } ?? ""
      return position == 1 ? "You are next\(why)." : "You are \(ordinal(position)) in the queue\(why)."
    case .away: return "Your hand is down."
    }
  }

  func ownChange(from old: OwnPlace, to new: OwnPlace) -> String {
    switch (old, new) {
    case (.speaking, .away): return "Your turn is over."
    case (_, .away): return "You are not in the queue now."
    default: return ownPlaceSentence(new)
    }
  }

  /// A person's name, or `you` for the person this terminal speaks for.
  func name(_ id: ParticipantID, in state: MeetingState, you: String) -> String {
    id == me ? you : state.name(of: id)
  }

  /// "1 hand is up.", "3 hands are up.", or `none`.
  func count(_ number: Int, _ one: String, _ many: String, none: String? = nil) -> String {
    if number == 0, let none { return none }
    return number == 1 ? "1 \(one)" : "\(number) \(many)"
  }

  // MARK: The clock

  /// Lines the clock alone brings, between `earlier` and `later` with no new events: the current
  /// item reaching five minutes left, and its time running out.
  public func clockNotices(_ state: MeetingState, from earlier: Instant, to later: Instant) -> [String] {
    guard later > earlier, let id = state.currentItem, let item = state.item(id),
      let before = item.remainingMilliseconds(at: earlier), let after = item.remainingMilliseconds(at: later)
    else { return [] }
    if before > 0 && after <= 0 { return ["The time for this item is up."] }
    if before > 300_000 && after <= 300_000 { return ["5 minutes left for this item."] }
    return []
  }
}
