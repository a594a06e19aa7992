/// What a key on the facilitator screen does, named apart from the key so that one table can
/// drive the handler, the hint line and the `?` overlay.
public enum FacilitatorKeyAction: String, CaseIterable, Sendable {
  case nextSpeaker
  case endTurn
  case raiseHand
  case lowerSelected
  case moveSelected
  case giveFloorToSelected
  case nextItem
  case passInRound
  case acknowledgeSignal
  case readSignalNote
  case undoOwn
  case commandLine
  case nextPanel
  case previousPanel
  case selectionUp
  case selectionDown
  case clearMessage
  case help
  case quit
}

public typealias FacilitatorKeyBinding = KeyBinding<FacilitatorKeyAction>

/// The facilitator screen's keys in normal mode, most used first. The handler looks keys up
/// here, the hint line shows the hinted ones in this order, and the `?` overlay lists them all,
/// so the three cannot disagree.
public enum FacilitatorKeyTable {
  public static let table = KeyTable<FacilitatorKeyAction>(
    [
      .init(
        keys: [.character("n"), .enter], label: "n  Enter", hint: "next",
        help: "next speaker: end the turn, give the floor to the head of the queue", action: .nextSpeaker),
      .init(
        keys: [.character("e")], label: "e", hint: "end turn", help: "end the current turn", action: .endTurn),
      .init(
        keys: [.character("h")], label: "h", hint: "hand",
        help: "raise a hand for someone (type part of a name; Tab: kind)", action: .raiseHand),
      .init(
        keys: [.up, .down, .character("k"), .character("j")], label: "↑ ↓  k j", hint: nil,
        help: "choose a hand in Up next (or a row in the focused panel)", action: .selectionDown),
      .init(
        keys: [.character("l")], label: "l", hint: "lower", help: "lower the chosen hand",
        action: .lowerSelected),
      .init(
        keys: [.character("u")], label: "u", hint: "undo",
        help: "undo your last action from this screen (press again for the one before)", action: .undoOwn),
      .init(
        keys: [.character("p")], label: "p", hint: nil,
        help: "in a go-round: the person whose turn is next passes (start one with :round start)",
        action: .passInRound),
      .init(
        keys: [.character("]")], label: "]", hint: "next item", help: "next agenda item", action: .nextItem),
      .init(
        keys: [.character("a")], label: "a", hint: "ack", help: "acknowledge the oldest signal",
        action: .acknowledgeSignal),
      .init(
        keys: [.character("g")], label: "g", hint: "give floor", help: "give the floor to the chosen person",
        action: .giveFloorToSelected),
      .init(
        keys: [.character("m")], label: "m", hint: "move",
        help: "move the chosen hand to a place (asks for a reason everyone sees)", action: .moveSelected),
      .init(
        keys: [.character("r")], label: "r", hint: nil,
        help: "read a signal's private note (asks first: the screen may be projected)",
        action: .readSignalNote),
      .init(
        keys: [.character(":")], label: ":", hint: "command",
        help: "command line: any roundtable verb, e.g. :round start, :hand amira --kind response",
        action: .commandLine),
      .init(keys: [.tab], label: "Tab", hint: nil, help: "next panel", action: .nextPanel),
      .init(keys: [.backTab], label: "Shift-Tab", hint: nil, help: "previous panel", action: .previousPanel),
      .init(
        keys: [.escape], label: "Esc", hint: nil, help: "clear the message; close a prompt or box",
        action: .clearMessage),
      .init(keys: [.character("?")], label: "?", hint: nil, help: "all keys (this list)", action: .help),
      .init(
        keys: [.character("q")], label: "q", hint: "quit",
        help: "quit (Ctrl-Q asks first when you have typed something)",
        action: .quit),
    ], quit: .quit,
    footnotes: [
      "", "In a prompt: Enter confirms, Esc cancels, Backspace deletes; Tab changes a hand's kind.",
      "Ctrl-C leaves at once and restores the terminal.",
    ])

  public static var bindings: [FacilitatorKeyBinding] { table.bindings }

  /// What `key` does in normal mode, if anything.
  public static func action(for key: Key) -> FacilitatorKeyAction? {
    switch key {
    case .up, .character("k"): return .selectionUp
    case .down, .character("j"): return .selectionDown
    default: return table.action(for: key)
    }
  }

  /// The hint line in `width` columns: hinted keys in table order while they fit, then
  /// `? more keys` when some did not fit (or `? keys` when all did), and `q quit` always.
  public static func hintLine(width: Int) -> String { table.hintLine(width: width) }

  /// The `?` overlay's lines: every binding, then the keys of the prompts.
  public static var helpLines: [String] { table.helpLines }
}
