import MeetingModel

/// What a key on the note-taker's screen does.
public enum NoteTakerKeyAction: String, CaseIterable, Sendable {
  case recordDecision
  case amendDecision
  case withdrawDecision
  case recordStance
  case addAction
  case recordContribution
  case park
  case selectionUp
  case selectionDown
  case undoOwn
  case commandLine
  case clearMessage
  case help
  case quit
}

/// The note-taker's screen state: the chosen decision (a decision, not a row, so the choice
/// stays put when another terminal records one), and the open form with everything typed.
public struct NoteTakerUI: ScreenState {
  public enum Mode: Equatable, Sendable {
    case normal
    case help
    case form(NoteForm, Form)
    case commandLine(TextField)
    case confirmQuit(previous: PendingMode)
  }

  /// The mode put aside while the quit question is asked.
  public indirect enum PendingMode: Equatable, Sendable {
    case mode(Mode)
  }

  public var mode: Mode = .normal
  public var chosenDecision: DecisionID?
  public var message: ScreenMessage?
  public var overlay: [String]?

  public init() {}

  var hasTypedInput: Bool {
    switch mode {
    case .form(_, let form): form.hasTypedText
    case .commandLine(let field): !field.isEmpty
    default: false
    }
  }
}

/// The screen a note-taker keeps beside the projected one: the live meeting (now speaking, up
/// next, the agenda) and the decisions, with forms to record a decision with each person's
/// stance, votes, rung and actions, to amend or withdraw one, to add a stance or an action,
/// to log a written or supported contribution, and to park a topic.
public enum NoteTakerScreen: Screen {
  public typealias UI = NoteTakerUI
  public static var role: String { "notes" }
  public static var hasCommandLine: Bool { true }

  public static let keyTable = KeyTable<NoteTakerKeyAction>(
    [
      .init(
        keys: [.character("d")], label: "d", hint: "decision",
        help: "record a decision: text, item, method, outcome, each person's stance, votes, rung, actions",
        action: .recordDecision),
      .init(
        keys: [.character("c")], label: "c", hint: "contribution",
        help: "log a written or supported contribution for someone", action: .recordContribution),
      .init(keys: [.character("k")], label: "k", hint: "park", help: "park a topic for later", action: .park),
      .init(
        keys: [.up, .down], label: "↑ ↓", hint: nil, help: "choose a decision (the one a, w, s and x act on)",
        action: .selectionDown),
      .init(
        keys: [.character("a")], label: "a", hint: "amend", help: "amend the chosen decision",
        action: .amendDecision),
      .init(
        keys: [.character("s")], label: "s", hint: "stance",
        help: "record someone's stance on the chosen decision",
        action: .recordStance),
      .init(
        keys: [.character("x")], label: "x", hint: "action", help: "add an action to the chosen decision",
        action: .addAction),
      .init(
        keys: [.character("w")], label: "w", hint: nil, help: "withdraw the chosen decision (asks why)",
        action: .withdrawDecision),
      .init(
        keys: [.character("u")], label: "u", hint: "undo",
        help: "undo your last action from this screen (press again for the one before)", action: .undoOwn),
      .init(
        keys: [.character(":")], label: ":", hint: nil,
        help: "command line: any roundtable verb (:help lists them)",
        action: .commandLine),
      .init(
        keys: [.escape], label: "Esc", hint: nil, help: "clear the message; close a box",
        action: .clearMessage),
      .init(keys: [.character("?")], label: "?", hint: nil, help: "all keys (this list)", action: .help),
      .init(
        keys: [.character("q")], label: "q", hint: "quit",
        help: "quit (Ctrl-Q asks first when a form has text)",
        action: .quit),
    ], quit: .quit,
    footnotes: [
      "", "In a form: Tab or ↓ next field, Shift-Tab or ↑ the one before, ←/→ or the letter shown chooses,",
      "Enter records, Esc cancels. A stance is one key: a agree, c concern, s stand aside, b block, x abstain.",
      "Typed text stays when the window changes size or another terminal records something.",
    ])

  /// The decisions as listed, newest first (withdrawn ones are not).
  static func listed(_ state: MeetingState) -> [Decision] {
    state.decisions.reversed().filter { !$0.isWithdrawn }
  }

  public static func greeting(state: MeetingState, ui: NoteTakerUI) -> ScreenMessage? {
    .init("Note-taking. d records a decision; c a contribution; ? lists every key.")
  }

  public static func recorded(
    _ events: [RecordedEvent], description: String, ui: inout NoteTakerUI, state: MeetingState
  ) {
    ui.mode = .normal
    ui.message = .init(description)
    if let decision = events.lazy.compactMap({ event -> DecisionID? in
      if case .decisionRecorded(let payload) = event.event { return payload.decision }
      return nil
    }).first {
      ui.chosenDecision = decision
    }
  }

  public static func refused(_ reason: String, ui: inout NoteTakerUI) {
    if case .form(let kind, var form) = ui.mode {
      form.refusal = reason
      ui.mode = .form(kind, form)
    } else {
      ui.message = .init(reason, isError: true)
    }
  }

  // MARK: Keys

  public static func handle(_ key: Key, ui: inout NoteTakerUI, state: MeetingState, drawn: DrawnScreen)
    -> UIAction
  {
    guard drawn.fits else {
      if key == .character("q") || key == .control("q") { return .quit }
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
    case .help:
      ui.mode = .normal
      return .none
    case .confirmQuit(let previous):
      if key == .character("y") || key == .character("Y") { return .quit }
      if case .mode(let mode) = previous { ui.mode = mode }
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
    case .form(let kind, var form):
      switch form.handle(key) {
      case .cancel:
        ui.mode = .normal
        ui.message = .init("Nothing recorded.")
      case .submit:
        let problems = NoteForm.problems(kind, form, state: state)
        guard problems.isEmpty, let command = NoteForm.command(kind, form, state: state) else {
          let focused = form.focusedField.flatMap { problems[$0.name] }
          let first = form.fields.first { problems[$0.name] != nil }
          form.refusal =
            "Not recorded yet: "
            + (focused ?? first.map { "\($0.label.trimmingSpaces): \(problems[$0.name]!)" }
              ?? "check the form")
          if let first, focused == nil { form.focus(on: first.name) }
          ui.mode = .form(kind, form)
          return .none
        }
        // The form stays open until the meeting has recorded it: a refusal keeps it filled.
        ui.mode = .form(kind, form)
        return .record(command)
      case .none:
        if case .decision = kind { NoteForm.growActions(&form) }
        ui.mode = .form(kind, form)
      }
      return .none
    case .normal: break
    }
    if ui.overlay != nil {
      ui.overlay = nil
      return .none
    }
    let action: NoteTakerKeyAction? = key == .up ? .selectionUp : keyTable.action(for: key)
    guard let action else { return .none }
    let decisions = listed(state)
    let chosen = ui.chosenDecision.flatMap { id in decisions.first { $0.id == id } }
    func needsDecision(_ open: (Decision) -> (NoteForm, Form)) {
      guard let chosen else {
        ui.message = .init(
          decisions.isEmpty ? "No decision yet: d records one." : "Choose a decision first: ↑/↓.",
          isError: true)
        return
      }
      let (kind, form) = open(chosen)
      ui.mode = .form(kind, form)
    }
    switch action {
    case .recordDecision:
      let (kind, form) = NoteForm.decisionForm(state: state)
      ui.mode = .form(kind, form)
    case .amendDecision: needsDecision(NoteForm.amendForm)
    case .withdrawDecision: needsDecision(NoteForm.withdrawForm)
    case .recordStance: needsDecision { NoteForm.stanceForm($0, state: state) }
    case .addAction: needsDecision { NoteForm.actionForm($0) }
    case .recordContribution:
      let (kind, form) = NoteForm.contributionForm(state: state)
      ui.mode = .form(kind, form)
    case .park:
      let (kind, form) = NoteForm.parkForm()
      ui.mode = .form(kind, form)
    case .selectionUp, .selectionDown:
      guard !decisions.isEmpty else {
        ui.message = .init("No decision yet: d records one.")
        return .none
      }
      let index = chosen.flatMap { c in decisions.firstIndex { $0.id == c.id } }
      let next = index.map { min(max(0, $0 + (action == .selectionUp ? -1 : 1)), decisions.count - 1) } ?? 0
      ui.chosenDecision = decisions[next].id
    case .undoOwn: return .undoOwn
    case .commandLine: ui.mode = .commandLine(TextField())
    case .clearMessage: ui.message = nil
    case .help: ui.mode = .help
    case .quit: return .quit
    }
    return .none
  }

  // MARK: Drawing

  public static func prepare(state: MeetingState, ui: inout NoteTakerUI, context: ScreenContext)
    -> DrawnScreen
  {
    // A chosen decision withdrawn elsewhere is let go, with a word.
    if let id = ui.chosenDecision, !listed(state).contains(where: { $0.id == id }) {
      ui.chosenDecision = nil
      ui.message = .init("Decision #\(id.rawValue) was withdrawn: no decision is chosen now.")
    }
    return DrawnScreen(
      queue: state.speakingQueue(at: context.now, clockOffsetSeconds: context.clockOffsetSeconds),
      fits: FacilitatorScreen.fits(width: context.width, height: context.height))
  }

  public static func render(state: MeetingState, ui: NoteTakerUI, context: ScreenContext, drawn: DrawnScreen)
    -> ScreenBuffer
  {
    var buffer = ScreenBuffer(width: context.width, height: context.height)
    guard drawn.fits else {
      FacilitatorScreen.renderTooSmall(showingKeys: false, into: &buffer)
      return buffer
    }
    let width = context.width
    let height = context.height
    let now = context.now
    var cursor: Position?
    FacilitatorScreen.renderHeader(
      state: state, now: now, offset: context.clockOffsetSeconds, connected: [], into: &buffer)
    buffer.write(" notes ", x: max(0, width / 2 - 4), y: 0, style: [.bold], role: .heading)
    if let signal = state.openSignals.first {
      buffer.write(
        " ! " + FacilitatorScreen.kindWords(signal, state: state), x: 0, y: 1, maxWidth: width,
        style: [.bold],
        role: .alert)
    }
    // Left: the live meeting. Right: the decisions, or the open form.
    let body = height - 4
    let leftWidth = max(34, width * 2 / 5)
    let nowHeight = max(6, body * 35 / 100)
    let agendaHeight = max(5, body * 25 / 100)
    let queueHeight = body - nowHeight - agendaHeight
    var panels = FacilitatorUI()
    panels.focus = .decisions
    FacilitatorScreen.renderNowSpeaking(
      state: state, now: now, wrapUpSeconds: 0, rect: Rect(x: 0, y: 2, width: leftWidth, height: nowHeight),
      into: &buffer)
    var unused: Position?
    panels.selectedParticipant = nil
    FacilitatorScreen.renderQueue(
      state: state, ui: panels, queue: drawn.queue,
      rect: Rect(x: 0, y: 2 + nowHeight, width: leftWidth, height: queueHeight), into: &buffer,
      cursor: &unused)
    FacilitatorScreen.renderAgenda(
      state: state, ui: panels, now: now,
      rect: Rect(x: 0, y: 2 + nowHeight + queueHeight, width: leftWidth, height: agendaHeight), into: &buffer,
      cursor: &unused)
    let right = Rect(x: leftWidth, y: 2, width: width - leftWidth, height: body)
    let decisions = listed(state)
    panels.decisionSelection = ui.chosenDecision.flatMap { id in decisions.firstIndex { $0.id == id } } ?? -1
    if case .form(let kind, let form) = ui.mode {
      FormView.render(
        form, problems: NoteForm.problems(kind, form, state: state), submitLabel: kind.submitLabel,
        rect: right,
        into: &buffer, cursor: &cursor)
    } else {
      var decisionCursor: Position?
      FacilitatorScreen.renderDecisions(
        state: state, ui: panels, rect: right, into: &buffer, cursor: &decisionCursor)
      cursor = decisionCursor
    }
    // Footer: the message or the command line, then the keys.
    let messageRow = height - 2
    switch ui.mode {
    case .commandLine(let field):
      let shown = field.visible(width: width - 1)
      buffer.write(":" + shown.text, x: 0, y: messageRow, style: [.bold])
      cursor = Position(x: min(1 + shown.cursorColumn, width - 1), y: messageRow)
    case .confirmQuit:
      let end = buffer.write(
        "Quit and lose what you typed? y: quit, any other key: go back ", x: 0, y: messageRow, style: [.bold],
        role: .alert)
      cursor = Position(x: min(end, width - 1), y: messageRow)
    default:
      if let message = ui.message {
        buffer.write(
          (message.isError ? "! " : "") + message.text, x: 0, y: messageRow, maxWidth: width,
          style: message.isError ? [.bold] : [], role: message.isError ? .alert : .normal)
      }
    }
    buffer.write(keyTable.hintLine(width: width), x: 0, y: height - 1, maxWidth: width, role: .muted)
    if ui.mode == .help {
      Overlay.render(
        ["Keys", ""] + keyTable.helpLines + ["", "Esc closes this help."], into: &buffer, cursor: &cursor)
    } else if ui.mode == .normal, let overlay = ui.overlay {
      Overlay.render(overlay, into: &buffer, cursor: &cursor)
    }
    buffer.cursor = cursor ?? Position(x: leftWidth + 1, y: 3)
    return buffer
  }
}
