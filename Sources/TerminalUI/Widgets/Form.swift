/// One choice in a choice field, with the key that picks it at once.
public struct FormChoice: Equatable, Sendable {
  public var label: String
  /// A key that selects this choice directly while the field has focus ("a" agree).
  public var key: Character?

  public init(_ label: String, key: Character? = nil) {
    self.label = label
    self.key = key
  }
}

/// A field of a form: a line of text or a choice among a few.
public struct FormField: Equatable, Sendable {
  public enum Value: Equatable, Sendable {
    case text(TextField)
    /// ←/→ (or Space) step through the choices; a choice's own key picks it.
    case choice([FormChoice], selected: Int)
  }

  /// A name the screen finds the field by ("text", "stance.3").
  public var name: String
  public var label: String
  public var value: Value
  /// Shown after the field while it has focus ("YYYY-MM-DD", "optional").
  public var placeholder: String

  public init(name: String, label: String, value: Value, placeholder: String = "") {
    self.name = name
    self.label = label
    self.value = value
    self.placeholder = placeholder
  }

  public static func text(_ name: String, _ label: String, _ text: String = "", placeholder: String = "")
    -> FormField
  {
    FormField(name: name, label: label, value: .text(TextField(text)), placeholder: placeholder)
  }

  public static func choice(
    _ name: String, _ label: String, _ choices: [FormChoice], selected: Int = 0, placeholder: String = ""
  ) -> FormField {
    FormField(
      name: name, label: label, value: .choice(choices, selected: selected), placeholder: placeholder)
  }

  /// The text typed, or the label of the choice made.
  public var text: String {
    switch value {
    case .text(let field): field.text
    case .choice(let choices, let selected): choices.indices.contains(selected) ? choices[selected].label : ""
    }
  }

  /// Which choice is made (0 for a text field).
  public var selected: Int {
    if case .choice(_, let selected) = value { return selected }
    return 0
  }
}

/// What a key did to a form.
public enum FormEvent: Equatable, Sendable {
  case none
  /// Enter: the person asks to record what the form holds.
  case submit
  /// Esc: the person leaves the form.
  case cancel
}

/// A form: fields in focus order, the focused one, and the reason the last submission was
/// refused. Tab and ↓ go to the next field, Shift-Tab and ↑ to the one before; editing keys go
/// to the focused field; Enter submits and Esc cancels. A form holds its typed text across
/// resizes and other terminals' changes: it is screen state, not derived from the meeting.
public struct Form: Equatable, Sendable {
  /// What the form records ("Record a decision").
  public var title: String
  public var fields: [FormField]
  public var focus: Int = 0
  /// Why the last submission was refused (by the form's checks or by the meeting); cleared by
  /// the next edit.
  public var refusal: String?

  public init(title: String, fields: [FormField], focus: Int = 0) {
    self.title = title
    self.fields = fields
    self.focus = min(max(0, focus), max(0, fields.count - 1))
  }

  public var focusedField: FormField? { fields.indices.contains(focus) ? fields[focus] : nil }

  /// Whether any text has been typed (quitting would lose it).
  public var hasTypedText: Bool {
    fields.contains { field in
      if case .text(let text) = field.value { return !text.isEmpty }
      return false
    }
  }

  public func field(_ name: String) -> FormField? { fields.first { $0.name == name } }

  /// The trimmed text of the field called `name` ("" when there is none).
  public func text(_ name: String) -> String { field(name)?.text.trimmingSpaces ?? "" }

  public func selected(_ name: String) -> Int { field(name)?.selected ?? 0 }

  public mutating func focus(on name: String) {
    if let index = fields.firstIndex(where: { $0.name == name }) { focus = index }
  }

  public mutating func handle(_ key: Key) -> FormEvent {
    switch key {
    case .escape: return .cancel
    case .enter: return .submit
    case .tab, .down:
      focus = fields.isEmpty ? 0 : (focus + 1) % fields.count
      return .none
    case .backTab, .up:
      focus = fields.isEmpty ? 0 : (focus + fields.count - 1) % fields.count
      return .none
    default: break
    }
    guard fields.indices.contains(focus) else { return .none }
    switch fields[focus].value {
    case .text(var text):
      if text.handle(key) {
        fields[focus].value = .text(text)
        refusal = nil
      }
    case .choice(let choices, let selected):
      var next = selected
      switch key {
      case .right, .character(" "): next = (selected + 1) % max(1, choices.count)
      case .left: next = (selected + max(1, choices.count) - 1) % max(1, choices.count)
      case .character(let character):
        let lowered = Character(character.lowercased())
        if let index = choices.firstIndex(where: { $0.key == lowered }) { next = index }
      default: break
      }
      if next != selected {
        fields[focus].value = .choice(choices, selected: next)
        refusal = nil
      }
    }
    return .none
  }
}
