/// One line of a screen's key table: the keys, the short hint (nil when the key is only in the
/// `?` overlay) and what the overlay says it does.
public struct KeyBinding<Action: Hashable & Sendable>: Sendable {
  public var keys: [Key]
  /// How the keys are written in the overlay ("n  Enter").
  public var label: String
  /// The word on the hint line after the first key ("next"), nil when not hinted.
  public var hint: String?
  public var help: String
  public var action: Action

  public init(keys: [Key], label: String, hint: String?, help: String, action: Action) {
    self.keys = keys
    self.label = label
    self.hint = hint
    self.help = help
    self.action = action
  }
}

/// A screen's keys in normal mode, most used first. The handler looks keys up here, the hint
/// line shows the hinted ones in this order, and the `?` overlay lists them all, so the three
/// cannot disagree. Every screen (facilitator, note-taker, participant) has one.
public struct KeyTable<Action: Hashable & Sendable>: Sendable {
  public var bindings: [KeyBinding<Action>]
  /// The binding whose hint is always shown last ("q quit").
  public var quit: Action
  /// Lines the `?` overlay adds after the bindings (the keys of prompts and forms).
  public var footnotes: [String]

  public init(_ bindings: [KeyBinding<Action>], quit: Action, footnotes: [String] = []) {
    self.bindings = bindings
    self.quit = quit
    self.footnotes = footnotes
  }

  /// What `key` does in normal mode, if anything.
  public func action(for key: Key) -> Action? {
    bindings.first { $0.keys.contains(key) }?.action
  }

  /// Every key the table acts on.
  public var allKeys: [Key] { bindings.flatMap(\.keys) }

  /// The hint line in `width` columns: hinted keys in table order while they fit, then
  /// `? more keys` when some did not fit (or `? keys` when all did), and the quit key always.
  public func hintLine(width: Int) -> String {
    let hinted = bindings.filter { $0.hint != nil && $0.action != quit }
    let quitHint = bindings.first { $0.action == quit }.map { hint(for: $0) } ?? "q quit"
    var shown: [String] = []
    for binding in hinted {
      let candidate = shown + [hint(for: binding)]
      let tail = candidate.count == hinted.count ? "? keys" : "? more keys"
      guard DisplayWidth.of((candidate + [tail, quitHint]).joined(separator: "  ")) <= width else { break }
      shown = candidate
    }
    let tail = shown.count == hinted.count ? "? keys" : "? more keys"
    return (shown + [tail, quitHint]).joined(separator: "  ")
  }

  private func hint(for binding: KeyBinding<Action>) -> String {
    let key = binding.label.split(separator: " ").first.map(String.init) ?? binding.label
    return "\(key) \(binding.hint ?? "")"
  }

  /// The `?` overlay's lines: every binding, then the footnotes.
  public var helpLines: [String] {
    bindings.map { DisplayWidth.pad($0.label, to: 12) + $0.help } + footnotes
  }
}
