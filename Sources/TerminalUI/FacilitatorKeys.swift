import MeetingModel

/// What a key press asks the program to do, beyond changing the screen's own state.
public enum UIAction: Equatable, Sendable {
  case none
  /// Record a command in the meeting (decided against the latest state of the file).
  case record(Command)
  /// Run a line typed at the `:` command line (a roundtable verb without the file name).
  case commandLine(String)
  /// Undo the last undoable action recorded from this screen (the session knows which).
  case undoOwn
  case quit
}

/// What the screen showed when a key was pressed: keys act on this, never on a list the
/// facilitator did not see.
public struct DrawnScreen: Equatable, Sendable {
  /// Up next as drawn, in the order drawn.
  public var queue: [QueuedSpeaker]
  /// False while the screen asks to be enlarged: then only `q`, `?` and Ctrl-C act.
  public var fits: Bool

  public init(queue: [QueuedSpeaker], fits: Bool = true) {
    self.queue = queue
    self.fits = fits
  }
}

/// The facilitator screen's key map: a pure function from a key, the screen state, the meeting
/// and what was drawn to a new screen state and an action. Normal-mode keys come from
/// `FacilitatorKeyTable`.
public enum FacilitatorKeys {
  public static func handle(
    _ key: Key, ui: inout FacilitatorUI, state: MeetingState, drawn: DrawnScreen
  ) -> UIAction {
    guard drawn.fits else {
      // Nothing is recorded from a screen the facilitator cannot see.
      switch key {
      case .character("q"), .control("q"): return .quit
      case .character("?"): ui.mode = ui.mode == .help ? .normal : .help
      case .escape: if ui.mode == .help { ui.mode = .normal }
      default: break
      }
      return .none
    }
    if key == .control("q") {
      if ui.hasTypedInput {
        ui.mode = .confirmQuit(previous: .mode(ui.mode))
        return .none
      }
      return .quit
    }
    switch ui.mode {
    case .normal: return normal(key, ui: &ui, state: state, queue: drawn.queue)
    case .help:
      ui.mode = .normal
      return .none
    case .commandLine(let field):
      switch PromptStep(key, editing: field) {
      case .editing(let field): ui.mode = .commandLine(field)
      case .closed: ui.mode = .normal
      case .submitted(let line):
        ui.mode = .normal
        return line.isEmpty ? .none : .commandLine(line)
      }
      return .none
    case .raiseHand(var typed, let kind, let choice):
      let candidates = handCandidates(state: state, typed: typed.text)
      switch key {
      case .escape: ui.mode = .normal
      case .tab:
        let kinds: [EntryKind] = [.point, .response, .clarify, .process]
        let next = kinds[((kinds.firstIndex(of: kind) ?? 0) + 1) % kinds.count]
        ui.mode = .raiseHand(typed: typed, kind: next, choice: choice)
      case .up, .down:
        let step = key == .up ? -1 : 1
        ui.mode = .raiseHand(
          typed: typed, kind: kind, choice: min(max(0, choice + step), max(0, candidates.count - 1)))
      case .enter:
        guard !candidates.isEmpty else {
          ui.message = .init("Nobody here matches “\(typed.text)”.", isError: true)
          return .none
        }
        ui.mode = .normal
        return .record(.raiseHand(candidates[min(choice, candidates.count - 1)].id, kind: kind))
      default:
        if typed.handle(key) { ui.mode = .raiseHand(typed: typed, kind: kind, choice: 0) }
      }
      return .none
    case .moveEntry(let participant, let position, let reason, let askingReason):
      switch key {
      case .escape: ui.mode = .normal
      case .backspace:
        ui.mode =
          askingReason
          ? .moveEntry(
            participant: participant, position: position, reason: String(reason.dropLast()),
            askingReason: true)
          : .moveEntry(
            participant: participant, position: String(position.dropLast()), reason: "", askingReason: false)
      case .enter:
        if !askingReason {
          guard let place = Int(position), place >= 1, place <= state.entries.count else {
            ui.message = .init("Give a place from 1 to \(state.entries.count).", isError: true)
            return .none
          }
          ui.mode = .moveEntry(
            participant: participant, position: String(place), reason: reason, askingReason: true)
          return .none
        }
        ui.mode = .normal
        return .record(.moveEntry(participant, to: Int(position) ?? 1, reason: reason))
      case .character(let character):
        if askingReason {
          ui.mode = .moveEntry(
            participant: participant, position: position, reason: reason + String(character),
            askingReason: true)
        } else if character.isNumber {
          ui.mode = .moveEntry(
            participant: participant, position: position + String(character), reason: "", askingReason: false)
        }
      default: break
      }
      return .none
    case .confirmQuit(let previous):
      if key == .character("y") || key == .character("Y") { return .quit }
      if case .mode(let mode) = previous { ui.mode = mode }
      return .none
    case .confirmShowNote:
      ui.mode = .normal
      if key == .character("y") || key == .character("Y") {
        ui.overlay = privateNoteLines(state: state)
      } else {
        ui.message = .init("The note stays private.")
      }
      return .none
    }
  }

  private static func normal(
    _ key: Key, ui: inout FacilitatorUI, state: MeetingState, queue: [QueuedSpeaker]
  ) -> UIAction {
    if ui.overlay != nil {
      ui.overlay = nil
      return .none
    }
    guard let action = FacilitatorKeyTable.action(for: key) else { return .none }
    let selected = ui.selectedParticipant.flatMap { id in queue.first { $0.participant == id } }
    switch action {
    case .nextSpeaker: return .record(.nextSpeaker)
    case .endTurn: return .record(.endTurn)
    case .raiseHand: ui.mode = .raiseHand(typed: TextField(), kind: .point, choice: 0)
    case .lowerSelected:
      guard let selected else { return nothingChosen(&ui, queue: queue) }
      return .record(.lowerHand(selected.participant, byFacilitator: true))
    case .moveSelected:
      guard let selected else { return nothingChosen(&ui, queue: queue) }
      ui.mode = .moveEntry(participant: selected.participant, position: "", reason: "", askingReason: false)
    case .giveFloorToSelected:
      guard let selected else { return nothingChosen(&ui, queue: queue) }
      return .record(.giveFloor(selected.participant))
    case .nextItem: return .record(.nextItem)
    case .passInRound: return .record(.passInRound)
    case .acknowledgeSignal:
      guard let signal = state.openSignals.first else {
        ui.message = .init("No signal is waiting.")
        return .none
      }
      return .record(.acknowledgeSignal(signal.id))
    case .readSignalNote:
      guard state.openSignals.contains(where: { $0.note != nil }) else {
        ui.message = .init("No open signal has a note.")
        return .none
      }
      ui.mode = .confirmShowNote
    case .undoOwn: return .undoOwn
    case .commandLine: ui.mode = .commandLine(TextField())
    case .help: ui.mode = .help
    case .quit: return .quit
    case .clearMessage: ui.message = nil
    case .nextPanel, .previousPanel:
      let panels = FacilitatorUI.Panel.allCases
      let index = panels.firstIndex(of: ui.focus) ?? 0
      ui.focus = panels[(index + (action == .nextPanel ? 1 : panels.count - 1)) % panels.count]
    case .selectionUp: moveSelection(by: -1, ui: &ui, state: state, queue: queue)
    case .selectionDown: moveSelection(by: 1, ui: &ui, state: state, queue: queue)
    }
    return .none
  }

  private static func nothingChosen(_ ui: inout FacilitatorUI, queue: [QueuedSpeaker]) -> UIAction {
    ui.message =
      queue.isEmpty
      ? .init("Nobody is waiting: there is no hand to choose.", isError: true)
      : .init("Choose a hand first: ↑/↓ in Up next.", isError: true)
    return .none
  }

  private static func moveSelection(
    by step: Int, ui: inout FacilitatorUI, state: MeetingState, queue: [QueuedSpeaker]
  ) {
    func clamp(_ value: Int, _ count: Int) -> Int { min(max(0, value), max(0, count - 1)) }
    switch ui.focus {
    case .queue:
      guard !queue.isEmpty else {
        _ = nothingChosen(&ui, queue: queue)
        return
      }
      if let id = ui.selectedParticipant, let index = queue.firstIndex(where: { $0.participant == id }) {
        ui.selectedParticipant = queue[clamp(index + step, queue.count)].participant
      } else {
        ui.selectedParticipant = queue.first?.participant
      }
    case .agenda: ui.agendaSelection = clamp(ui.agendaSelection + step, state.agendaOrder.count)
    case .decisions:
      ui.decisionSelection = clamp(
        ui.decisionSelection + step, state.decisions.filter { !$0.isWithdrawn }.count)
    case .balance: break
    }
  }

  /// Keeps the choice in Up next on the same person after the queue changed; when their hand is
  /// no longer up (lowered, given the floor, left), clears it and says so.
  public static func follow(_ queue: [QueuedSpeaker], ui: inout FacilitatorUI, state: MeetingState) {
    guard let id = ui.selectedParticipant, !queue.contains(where: { $0.participant == id }) else { return }
    ui.selectedParticipant = nil
    let name = state.name(of: id)
    let why = state.currentTurn?.participant == id ? "\(name) has the floor" : "\(name)'s hand is down"
    ui.message = .init("\(why): no hand is chosen now (↑/↓ chooses).")
  }

  /// A signal's private notes, for the facilitator alone: shown only after they say yes.
  public static func privateNoteLines(state: MeetingState) -> [String] {
    let notes = state.openSignals.compactMap { signal -> String? in
      guard let note = signal.note else { return nil }
      let from = signal.from.map { state.name(of: $0) } ?? "someone (anonymous)"
      return "\(signal.type.label), from \(from): “\(note)”"
    }
    return ["Private notes (Esc hides them)", ""] + notes
  }

  /// People whose hand the facilitator can raise, matching what has been typed.
  public static func handCandidates(state: MeetingState, typed: String) -> [Participant] {
    state.participants(matching: typed).filter { person in
      person.isPresent && person.speaks && state.entry(for: person.id) == nil
        && state.currentTurn?.participant != person.id
    }
  }
}

extension String {
  var trimmingSpaces: String {
    var text = Substring(self)
    while text.first?.isWhitespace == true { text.removeFirst() }
    while text.last?.isWhitespace == true { text.removeLast() }
    return String(text)
  }
}
