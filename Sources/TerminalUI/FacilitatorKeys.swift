import MeetingModel

/// What a key press asks the program to do, beyond changing the screen's own state.
public enum UIAction: Equatable, Sendable {
  case none
  /// Record a command in the meeting (decided against the latest state of the file).
  case record(Command)
  /// Run a line typed at the `:` command line (a roundtable verb without the file name).
  case commandLine(String)
  case quit
}

/// The facilitator screen's key map: a pure function from a key, the screen state and the
/// meeting to a new screen state and an action.
public enum FacilitatorKeys {
  public static func handle(_ key: Key, ui: inout FacilitatorUI, state: MeetingState) -> UIAction {
    if key == .control("q") {
      if ui.hasTypedInput {
        ui.mode = .confirmQuit(previous: .mode(ui.mode))
        return .none
      }
      return .quit
    }
    switch ui.mode {
    case .normal: return normal(key, ui: &ui, state: state)
    case .help:
      ui.mode = .normal
      return .none
    case .commandLine(let text):
      switch key {
      case .escape: ui.mode = .normal
      case .backspace:
        if text.isEmpty { ui.mode = .normal } else { ui.mode = .commandLine(String(text.dropLast())) }
      case .enter:
        ui.mode = .normal
        let line = text.trimmingSpaces
        return line.isEmpty ? .none : .commandLine(line)
      case .character(let character): ui.mode = .commandLine(text + String(character))
      default: break
      }
      return .none
    case .raiseHand(let typed, let kind, let choice):
      let candidates = handCandidates(state: state, typed: typed)
      switch key {
      case .escape: ui.mode = .normal
      case .backspace: ui.mode = .raiseHand(typed: String(typed.dropLast()), kind: kind, choice: 0)
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
          ui.message = .init("Nobody here matches “\(typed)”.", isError: true)
          return .none
        }
        ui.mode = .normal
        return .record(.raiseHand(candidates[min(choice, candidates.count - 1)].id, kind: kind))
      case .character(let character):
        ui.mode = .raiseHand(typed: typed + String(character), kind: kind, choice: 0)
      default: break
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
    }
  }

  private static func normal(_ key: Key, ui: inout FacilitatorUI, state: MeetingState) -> UIAction {
    if ui.overlay != nil {
      ui.overlay = nil
      return .none
    }
    let queue = state.queueOrder
    let selected = queue.isEmpty ? nil : queue[min(ui.queueSelection, queue.count - 1)]
    switch key {
    case .character("n"), .enter: return .record(.nextSpeaker)
    case .character("e"): return .record(.endTurn)
    case .character("h"):
      ui.mode = .raiseHand(typed: "", kind: .point, choice: 0)
    case .character("l"):
      guard let selected else { return nothingSelected(&ui) }
      return .record(.lowerHand(selected.participant, byFacilitator: true))
    case .character("m"):
      guard let selected else { return nothingSelected(&ui) }
      ui.mode = .moveEntry(participant: selected.participant, position: "", reason: "", askingReason: false)
    case .character("g"):
      guard let selected else { return nothingSelected(&ui) }
      return .record(.giveFloor(selected.participant))
    case .character("]"), .character("N"): return .record(.nextItem)
    case .character("a"):
      guard let signal = state.openSignals.first else {
        ui.message = .init("No signal is waiting.")
        return .none
      }
      return .record(.acknowledgeSignal(signal.id))
    case .character("u"):
      guard let kind = state.latestUndoable else {
        ui.message = .init("Nothing to undo.", isError: true)
        return .none
      }
      return .record(.undo(kind))
    case .character(":"): ui.mode = .commandLine("")
    case .character("?"): ui.mode = .help
    case .character("q"): return .quit
    case .escape: ui.message = nil
    case .tab, .backTab:
      let panels = FacilitatorUI.Panel.allCases
      let index = panels.firstIndex(of: ui.focus) ?? 0
      ui.focus = panels[(index + (key == .tab ? 1 : panels.count - 1)) % panels.count]
    case .up, .character("k"): moveSelection(by: -1, ui: &ui, state: state)
    case .down, .character("j"): moveSelection(by: 1, ui: &ui, state: state)
    default: break
    }
    return .none
  }

  private static func nothingSelected(_ ui: inout FacilitatorUI) -> UIAction {
    ui.message = .init("Nobody is waiting: there is no hand to choose.", isError: true)
    return .none
  }

  private static func moveSelection(by step: Int, ui: inout FacilitatorUI, state: MeetingState) {
    func clamp(_ value: Int, _ count: Int) -> Int { min(max(0, value), max(0, count - 1)) }
    switch ui.focus {
    case .queue: ui.queueSelection = clamp(ui.queueSelection + step, state.entries.count)
    case .agenda: ui.agendaSelection = clamp(ui.agendaSelection + step, state.agendaOrder.count)
    case .decisions:
      ui.decisionSelection = clamp(
        ui.decisionSelection + step, state.decisions.filter { !$0.isWithdrawn }.count)
    case .balance: break
    }
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
