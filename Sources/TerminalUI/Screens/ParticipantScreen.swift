import MeetingModel

/// What a participant's screen does with a key. There is nothing here beyond their own hand,
/// signals and looking: a participant's terminal can never give the floor, move a hand or
/// record a decision, whatever keys arrive (`ParticipantScreen.permits` checks every command).
public enum ParticipantKeyAction: String, CaseIterable, Sendable {
  case raiseHand
  case lowerHand
  case signal
  case plainLanguage
  case clearMessage
  case help
  case quit
}

/// The participant's screen state: who they are (with `--as`), and the open prompt.
public struct ParticipantUI: ScreenState {
  public enum Mode: Equatable, Sendable {
    case normal
    case help
    /// Choosing the kind of hand to raise.
    case raiseHand(Form)
    /// Choosing a signal, whether to sign it, and an optional private note.
    case signal(Form)
  }

  /// The person this terminal speaks for; nil watches only.
  public var me: ParticipantID?
  public var mode: Mode = .normal
  public var message: ScreenMessage?
  public var overlay: [String]?

  public init(me: ParticipantID? = nil) { self.me = me }
}

/// The screen a participant watches on their own terminal (a laptop, a phone over SSH): a
/// large "now speaking" and "up next", the current item and its time left, the signals, and,
/// for the person it speaks for, their place in the queue and why.
public enum ParticipantScreen: Screen {
  public typealias UI = ParticipantUI
  public static let minimumWidth = 40
  public static let minimumHeight = 12
  public static var role: String { "participant" }

  public static let keyTable = KeyTable<ParticipantKeyAction>(
    [
      .init(
        keys: [.character("h")], label: "h", hint: "hand", help: "raise your hand (choose the kind)",
        action: .raiseHand),
      .init(keys: [.character("l")], label: "l", hint: "lower", help: "lower your hand", action: .lowerHand),
      .init(
        keys: [.character("s")], label: "s", hint: "signal",
        help: "send a signal: a break, plain language, slower, louder, a word (anonymous unless you sign it)",
        action: .signal),
      .init(
        keys: [.character("j")], label: "j", hint: "plain words",
        help: "ask for plain language, anonymously, at once", action: .plainLanguage),
      .init(
        keys: [.escape], label: "Esc", hint: nil, help: "clear the message; close a box",
        action: .clearMessage),
      .init(keys: [.character("?")], label: "?", hint: nil, help: "all keys (this list)", action: .help),
      .init(keys: [.character("q")], label: "q", hint: "quit", help: "quit", action: .quit),
    ], quit: .quit,
    footnotes: [
      "", "In a box: Tab moves, ←/→ or a letter chooses, Enter sends, Esc cancels.",
      "This screen can only raise and lower your own hand and send signals.",
    ])

  // MARK: Commands

  /// A participant's terminal records only their own hand going up or down and signals from
  /// them (or anonymous ones). Nothing else, whatever the keys.
  public static func permits(_ command: Command, ui: ParticipantUI, state: MeetingState) -> Bool {
    guard let me = ui.me else { return false }
    switch command {
    case .raiseHand(let who, _): return who == me
    case .lowerHand(let who, let byFacilitator): return who == me && !byFacilitator
    case .sendSignal(_, let from, _): return from == nil || from == me
    default: return false
    }
  }

  public static func greeting(state: MeetingState, ui: ParticipantUI) -> ScreenMessage? {
    guard let me = ui.me else { return .init("Watching. ? lists the keys; q quits.") }
    return .init("Hello \(state.name(of: me)). ? lists the keys.")
  }

  public static func recorded(
    _ events: [RecordedEvent], description: String, ui: inout ParticipantUI, state: MeetingState
  ) {
    ui.mode = .normal
    for event in events {
      switch event.event {
      case .handRaised: ui.message = .init("Your hand is up.")
      case .handLowered: ui.message = .init("Your hand is down.")
      case .signalSent: ui.message = .init("Signal sent to the facilitator.")
      default: ui.message = .init(description)
      }
    }
  }

  public static func refused(_ reason: String, ui: inout ParticipantUI) {
    switch ui.mode {
    case .raiseHand(var form):
      form.refusal = reason
      ui.mode = .raiseHand(form)
    case .signal(var form):
      form.refusal = reason
      ui.mode = .signal(form)
    default: ui.message = .init(reason, isError: true)
    }
  }

  static let handKinds: [(EntryKind, FormChoice)] = [
    (.point, .init("new point", key: "p")), (.response, .init("direct response", key: "r")),
    (.clarify, .init("clarifying question", key: "c")), (.process, .init("point of process", key: "o")),
  ]
  static let signalKinds: [(SignalType, FormChoice)] = [
    (.jargon, .init("plain language, please", key: "j")), (.break, .init("a break", key: "b")),
    (.slower, .init("slower, please", key: "s")), (.louder, .init("louder, please", key: "v")),
    (.other, .init("a word with the facilitator", key: "w")),
  ]

  static func handForm() -> Form {
    Form(title: "Raise your hand", fields: [.choice("kind", "Kind", handKinds.map(\.1))])
  }

  static func signalForm() -> Form {
    Form(
      title: "Send a signal",
      fields: [
        .choice("kind", "Signal", signalKinds.map(\.1)),
        .choice("from", "Send as", [.init("anonymous", key: "a"), .init("with my name", key: "n")]),
        .text("note", "Note", placeholder: "optional, private"),
      ])
  }

  // MARK: Keys

  public static func handle(_ key: Key, ui: inout ParticipantUI, state: MeetingState, drawn: DrawnScreen)
    -> UIAction
  {
    switch ui.mode {
    case .help:
      ui.mode = .normal
      return .none
    case .raiseHand(var form):
      switch form.handle(key) {
      case .cancel: ui.mode = .normal
      case .submit:
        guard let me = ui.me else { return .none }
        return .record(.raiseHand(me, kind: handKinds[form.selected("kind")].0))
      case .none: ui.mode = .raiseHand(form)
      }
      return .none
    case .signal(var form):
      switch form.handle(key) {
      case .cancel: ui.mode = .normal
      case .submit:
        guard let me = ui.me else { return .none }
        let note = form.text("note")
        return .record(
          .sendSignal(
            signalKinds[form.selected("kind")].0, from: form.selected("from") == 1 ? me : nil,
            note: note.isEmpty ? nil : note))
      case .none: ui.mode = .signal(form)
      }
      return .none
    case .normal: break
    }
    guard drawn.fits || key == .character("q") || key == .character("?") else { return .none }
    if ui.overlay != nil {
      ui.overlay = nil
      return .none
    }
    guard let action = keyTable.action(for: key) else { return .none }
    switch action {
    case .quit: return .quit
    case .help: ui.mode = .help
    case .clearMessage: ui.message = nil
    case .raiseHand, .lowerHand, .signal, .plainLanguage:
      guard let me = ui.me else {
        ui.message = .init(
          "This screen only watches: open it with --as YOUR NAME to raise your hand.", isError: true)
        return .none
      }
      switch action {
      case .raiseHand:
        if state.entry(for: me) != nil {
          ui.message = .init("Your hand is already up. l lowers it.")
        } else {
          ui.mode = .raiseHand(handForm())
        }
      case .lowerHand:
        guard state.entry(for: me) != nil else {
          ui.message = .init("Your hand is not up.")
          return .none
        }
        return .record(.lowerHand(me))
      case .signal: ui.mode = .signal(signalForm())
      default: return .record(.sendSignal(.jargon))
      }
    }
    return .none
  }

  // MARK: Drawing

  public static func prepare(state: MeetingState, ui: inout ParticipantUI, context: ScreenContext)
    -> DrawnScreen
  {
    DrawnScreen(
      queue: state.speakingQueue(at: context.now, clockOffsetSeconds: context.clockOffsetSeconds),
      fits: context.width >= minimumWidth && context.height >= minimumHeight)
  }

  /// "1st", "2nd", "3rd", "11th", as the queue's reasons say it.
  static func ordinal(_ number: Int) -> String { MeetingModel.ordinal(number) }

  /// The line that tells the person where they are: "Your place: 3rd — first time speaking".
  static func placeLine(state: MeetingState, me: ParticipantID, queue: [QueuedSpeaker]) -> String {
    if state.currentTurn?.participant == me { return "You have the floor." }
    guard let place = queue.first(where: { $0.participant == me }) else {
      return "Your hand is down. h raises it."
    }
    let why = place.reasons.first.map { " — \($0)" } ?? ""
    return "Your place: \(ordinal(place.position))\(why)"
  }

  public static func render(
    state: MeetingState, ui: ParticipantUI, context: ScreenContext, drawn: DrawnScreen
  )
    -> ScreenBuffer
  {
    var buffer = ScreenBuffer(width: context.width, height: context.height)
    guard drawn.fits else {
      let lines = [
        "Enlarge to \(minimumWidth)×\(minimumHeight)", "(now \(context.width)×\(context.height))", "q quits",
      ]
      for (offset, line) in lines.enumerated() {
        buffer.write(line, x: 0, y: offset, maxWidth: context.width, style: offset == 0 ? [.bold] : [])
      }
      buffer.cursor = Position(x: 0, y: 0)
      return buffer
    }
    let width = context.width
    let now = context.now
    var cursor: Position?
    // Header: the meeting, the current item and its time left.
    buffer.fill(Rect(x: 0, y: 0, width: width, height: 1), with: Cell(" ", style: [.reverse], role: .heading))
    var itemText = ""
    var itemRole: ColorRole = .heading
    if let id = state.currentItem, let item = state.item(id) {
      itemText = item.title
      if let remaining = item.remainingMilliseconds(at: now) {
        if remaining < 0 {
          itemText += " · OVER \(FacilitatorScreen.clock(-remaining / 1000))"
          itemRole = .alert
        } else {
          itemText += " · \(FacilitatorScreen.clock(remaining / 1000)) left"
        }
      }
    }
    let title = state.info?.title ?? "Roundtable"
    buffer.write(" " + title, x: 0, y: 0, maxWidth: width, style: [.bold, .reverse], role: .heading)
    var y = 1
    if !itemText.isEmpty {
      buffer.write(
        " Now: " + itemText, x: 0, y: y, maxWidth: width, style: [.bold],
        role: itemRole == .alert ? .alert : .normal)
      y += 1
    }
    if let signal = state.openSignals.first {
      let more = state.openSignals.count > 1 ? " · +\(state.openSignals.count - 1) more" : ""
      buffer.fill(Rect(x: 0, y: y, width: width, height: 1), with: Cell(" ", style: [.reverse], role: .alert))
      buffer.write(
        " ! " + FacilitatorScreen.kindWords(signal, state: state) + more, x: 0, y: y, maxWidth: width,
        style: [.bold, .reverse], role: .alert)
      y += 1
    }
    // The person's own place wraps onto a second line on a narrow screen, rather than lose its reason.
    let place =
      ui.me.map {
        DisplayWidth.wrap(placeLine(state: state, me: $0, queue: drawn.queue), to: width, maxLines: 2)
      } ?? []
    let footerRows = 2 + place.count
    let last = context.height - footerRows - 1
    // Now speaking: the name in bold, the timer large when there is room.
    buffer.write("Now speaking", x: 1, y: y, maxWidth: width - 1, role: .muted)
    y += 1
    if let turn = state.currentTurn {
      let elapsed = turn.milliseconds(at: now) / 1000
      let name = state.name(of: turn.participant)
      let timer = FacilitatorScreen.clock(elapsed)
      let line = " \(name)  \(timer)"
      buffer.write(line, x: 1, y: y, maxWidth: width - 1, style: [.bold], role: .accent)
      y += 1
      let roomForQueue = min(drawn.queue.count, 3) * 2 + 2
      if let digits = BigDigits.render(timer, rows: last - y - roomForQueue), digits.count > 1 {
        for line in digits {
          buffer.write(line, x: 2, y: y, maxWidth: width - 2, style: [.bold])
          y += 1
        }
      }
    } else {
      buffer.write(" Nobody has the floor.", x: 1, y: y, maxWidth: width - 1)
      y += 1
    }
    y += 1
    // Up next, with each person's first reason when there is room.
    if y <= last {
      buffer.write("Up next (\(drawn.queue.count))", x: 1, y: y, maxWidth: width - 1, role: .muted)
      y += 1
    }
    if drawn.queue.isEmpty, y <= last {
      buffer.write(" Nobody is waiting.", x: 1, y: y, maxWidth: width - 1)
      y += 1
    }
    let rows = max(0, last - y + 1)
    let withReasons = rows >= drawn.queue.count * 2
    let needed = withReasons ? 2 : 1
    // When not everyone fits, the last row says how many are left out.
    let shown =
      drawn.queue.count * needed <= rows ? drawn.queue.count : max(0, (rows - 1) / needed)
    for place in drawn.queue.prefix(shown) {
      let mine = place.participant == ui.me
      let kind = place.kind == .point ? "" : " · \(place.kind.label)"
      buffer.write(
        "\(mine ? ">" : " ")\(place.position). \(place.name)\(mine ? " (you)" : "")\(kind)", x: 1, y: y,
        maxWidth: width - 1,
        style: mine ? [.bold] : [], role: mine ? .accent : .normal)
      y += 1
      if withReasons {
        buffer.write("    " + place.reasons.joined(separator: "; "), x: 1, y: y, maxWidth: width - 1)
        y += 1
      }
    }
    if shown < drawn.queue.count, y <= last {
      buffer.write(" +\(drawn.queue.count - shown) more", x: 1, y: y, maxWidth: width - 1)
    }
    // The person's own place, and the footer.
    var row = context.height - footerRows
    for line in place {
      buffer.write(line, x: 0, y: row, maxWidth: width, style: [.bold], role: .accent)
      row += 1
    }
    if let message = ui.message {
      buffer.write(
        (message.isError ? "! " : "") + message.text, x: 0, y: row, maxWidth: width,
        style: message.isError ? [.bold] : [], role: message.isError ? .alert : .normal)
    }
    buffer.write(keyTable.hintLine(width: width), x: 0, y: context.height - 1, maxWidth: width, role: .muted)
    switch ui.mode {
    case .help:
      Overlay.render(
        ["Keys", ""] + keyTable.helpLines + ["", "Esc closes this help."], into: &buffer, cursor: &cursor)
    case .raiseHand(let form), .signal(let form):
      let height = min(context.height - 2, form.fields.count + 7)
      let rect = Rect(x: 0, y: max(0, context.height - height), width: width, height: height)
      FormView.render(form, problems: [:], submitLabel: "send", rect: rect, into: &buffer, cursor: &cursor)
    case .normal:
      if let overlay = ui.overlay { Overlay.render(overlay, into: &buffer, cursor: &cursor) }
    }
    buffer.cursor = cursor ?? Position(x: 0, y: context.height - footerRows)
    return buffer
  }
}
