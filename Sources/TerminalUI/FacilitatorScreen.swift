import MeetingModel

/// The screen a facilitator projects, as a pure function of the meeting, the screen's own
/// state, the time and the size: same inputs, same cells.
public enum FacilitatorScreen {
  public static let minimumWidth = 80
  public static let minimumHeight = 24
  /// How long a turn may run before the timer shows it as over, before time adjustments.
  public static let turnGuideSeconds: Int64 = 180

  /// The screen; times are shown on a clock `clockOffsetSeconds` ahead of UTC (the local
  /// time zone).
  ///
  /// `queue` is Up next as the keys will act on it; when nil it is derived here the same way
  /// (`speakingQueue(at: now)`). The session passes the list it keeps, so that what is drawn and
  /// what the keys act on are one list.
  public static func render(
    state: MeetingState, ui: FacilitatorUI, now: Instant, width: Int, height: Int,
    clockOffsetSeconds: Int = 0,
    queue: [QueuedSpeaker]? = nil
  ) -> ScreenBuffer {
    var buffer = ScreenBuffer(width: width, height: height)
    guard fits(width: width, height: height) else {
      renderTooSmall(showingKeys: ui.mode == .help, into: &buffer)
      return buffer
    }
    var layout = Layout(width: width, height: height)
    renderHeader(state: state, now: now, offset: clockOffsetSeconds, into: &buffer)
    renderSignals(state: state, into: &buffer)
    renderNowSpeaking(
      state: state, now: now, wrapUpSeconds: ui.wrapUpSeconds, rect: layout.nowSpeaking, into: &buffer)
    renderQueue(
      state: state, ui: ui,
      queue: queue ?? state.speakingQueue(at: now, clockOffsetSeconds: clockOffsetSeconds),
      rect: layout.queue,
      into: &buffer, cursor: &layout.cursor)
    renderAgenda(state: state, ui: ui, now: now, rect: layout.agenda, into: &buffer, cursor: &layout.cursor)
    renderBalance(state: state, ui: ui, now: now, rect: layout.balance, into: &buffer, cursor: &layout.cursor)
    renderDecisions(state: state, ui: ui, rect: layout.decisions, into: &buffer, cursor: &layout.cursor)
    renderFooter(state: state, ui: ui, into: &buffer, cursor: &layout.cursor)
    switch ui.mode {
    case .help: renderHelp(into: &buffer, cursor: &layout.cursor)
    case .confirmShowNote:
      renderOverlay(
        [
          "Show the private note?", "",
          "Everyone who can see this screen will read it. To keep it private,",
          "read it with `roundtable log` on your own terminal.", "",
          "y: show it   any other key: keep it hidden",
        ], into: &buffer, cursor: &layout.cursor)
    case .raiseHand(let typed, let kind, let choice):
      renderRaiseHand(
        state: state, typed: typed, kind: kind, choice: choice, into: &buffer, cursor: &layout.cursor)
    default:
      if let overlay = ui.overlay { renderOverlay(overlay, into: &buffer, cursor: &layout.cursor) }
    }
    buffer.cursor = layout.cursor
    return buffer
  }

  /// Where the panels go at a given size.
  struct Layout {
    var nowSpeaking: Rect
    var queue: Rect
    var agenda: Rect
    var balance: Rect
    var decisions: Rect
    var cursor: Position?

    init(width: Int, height: Int) {
      let body = height - 4  // header, signal banner, message line, key hints
      let topHeight = max(9, body * 45 / 100)
      let leftWidth = max(34, width * 2 / 5)
      nowSpeaking = Rect(x: 0, y: 2, width: leftWidth, height: topHeight)
      queue = Rect(x: leftWidth, y: 2, width: width - leftWidth, height: topHeight)
      let bottomY = 2 + topHeight
      let bottomHeight = body - topHeight
      let agendaWidth = width * 36 / 100
      let balanceWidth = width * 32 / 100
      agenda = Rect(x: 0, y: bottomY, width: agendaWidth, height: bottomHeight)
      balance = Rect(x: agendaWidth, y: bottomY, width: balanceWidth, height: bottomHeight)
      decisions = Rect(
        x: agendaWidth + balanceWidth, y: bottomY, width: width - agendaWidth - balanceWidth,
        height: bottomHeight)
    }
  }

  // MARK: Parts

  /// Whether the screen can be drawn at this size; below it, only the enlarge message is.
  public static func fits(width: Int, height: Int) -> Bool {
    width >= minimumWidth && height >= minimumHeight
  }

  static func renderTooSmall(showingKeys: Bool, into buffer: inout ScreenBuffer) {
    var lines = [
      "Enlarge the window to at least \(minimumWidth)×\(minimumHeight)",
      "(it is \(buffer.width)×\(buffer.height) now)",
      "q quits  ? keys",
      "Other keys wait until the window is larger.",
    ]
    if showingKeys {
      let room = max(0, buffer.height - lines.count - 1)
      var keys = FacilitatorKeyTable.bindings.map { "\($0.label)  \($0.help)" }
      if keys.count > room {
        keys = Array(keys.prefix(max(0, room - 1))) + ["+\(keys.count - max(0, room - 1)) more"]
      }
      lines += [""] + keys.prefix(room)
    }
    let top = max(0, (buffer.height - lines.count) / 2)
    for (offset, line) in lines.enumerated() {
      let text =
        DisplayWidth.of(line) > buffer.width ? String(line.prefix(max(0, buffer.width - 1))) + "…" : line
      let x = max(0, (buffer.width - DisplayWidth.of(text)) / 2)
      buffer.write(text, x: x, y: top + offset, style: offset == 0 ? [.bold] : [])
    }
    buffer.cursor = Position(x: 0, y: 0)
  }

  static func renderHeader(state: MeetingState, now: Instant, offset: Int, into buffer: inout ScreenBuffer) {
    let title = state.info?.title ?? "Roundtable"
    let status: String
    switch state.status {
    case .closed: status = " · closed"
    case .scheduled: status = " · not started"
    default: status = ""
    }
    let right = "\(state.policy.ordering.rawValue) queue · \(now.timeOfDay(offsetSeconds: offset)) "
    let rightX = buffer.width - DisplayWidth.of(right)
    buffer.fill(
      Rect(x: 0, y: 0, width: buffer.width, height: 1), with: Cell(" ", style: [.reverse], role: .heading))
    buffer.write(
      " Roundtable · \(title)\(status)", x: 0, y: 0, maxWidth: rightX - 1, style: [.bold, .reverse],
      role: .heading)
    buffer.write(right, x: rightX, y: 0, style: [.reverse], role: .heading)
  }

  static func renderSignals(state: MeetingState, into buffer: inout ScreenBuffer) {
    let open = state.openSignals
    guard let signal = open.first else { return }
    var text = " ! SIGNAL: \(signal.type.label)"
    // The sender's note is never projected: `r` shows it to the facilitator after asking.
    if signal.note != nil { text += " · r: read the note" }
    text += signal.from.map { " from \(state.name(of: $0))" } ?? " (anonymous)"
    if open.count > 1 { text += " · \(open.count - 1) more" }
    text += " · a: acknowledge "
    buffer.fill(
      Rect(x: 0, y: 1, width: buffer.width, height: 1), with: Cell(" ", style: [.reverse], role: .alert))
    buffer.write(text, x: 0, y: 1, style: [.bold, .reverse], role: .alert)
  }

  static func renderNowSpeaking(
    state: MeetingState, now: Instant, wrapUpSeconds: Int, rect: Rect, into buffer: inout ScreenBuffer
  ) {
    let box = Box(rect: rect, title: "Now speaking")
    box.draw(into: &buffer)
    let inner = box.inner
    var y = inner.y
    guard let turn = state.currentTurn else {
      buffer.write(" Nobody has the floor.", x: inner.x, y: y, maxWidth: inner.width, role: .muted)
      if let round = state.round, let upcoming = round.upcoming {
        buffer.write(
          " Go-round: \(state.name(of: upcoming)) is next (n).", x: inner.x, y: y + 2, maxWidth: inner.width)
      } else if let head = state.speakingQueue.first {
        buffer.write(" n: give the floor to \(head.name)", x: inner.x, y: y + 2, maxWidth: inner.width)
      }
      return
    }
    let person = state.participant(turn.participant)
    buffer.write(
      " " + state.name(of: turn.participant), x: inner.x, y: y, maxWidth: inner.width, style: [.bold],
      role: .accent)
    y += 1
    var detail = [turn.kind.label]
    if let tags = person?.tags, !tags.isEmpty { detail.append(tags.joined(separator: ", ")) }
    if turn.source == .round { detail.append("go-round") }
    buffer.write(" " + detail.joined(separator: " · "), x: inner.x, y: y, maxWidth: inner.width, role: .muted)
    y += 1
    let elapsed = turn.milliseconds(at: now) / 1000
    let adjustment = person?.timeAdjustment ?? 1
    let guide = Int64((Double(turnGuideSeconds) * adjustment).rounded())
    let timer = clock(elapsed)
    let last = inner.y + inner.height - 1
    // The wrap-up cue goes just above the guide line, leaving the timer at least one row.
    let cue = wrapUpCueLines(
      state.wrapUpCue(at: now, afterSeconds: wrapUpSeconds), width: inner.width, maxLines: last - y - 1)
    let rowsForTimer = last - y - cue.count
    if let digits = BigDigits.render(timer, rows: rowsForTimer) {
      let top = y + max(0, (rowsForTimer - digits.count) / 2)
      for (offset, line) in digits.enumerated() {
        buffer.write(
          line, x: inner.x + 2, y: top + offset, maxWidth: inner.width - 2, style: [.bold],
          role: elapsed > guide ? .alert : .normal)
      }
    } else {
      buffer.write(" " + timer, x: inner.x, y: y, maxWidth: inner.width, style: [.bold])
    }
    for (offset, line) in cue.enumerated() {
      buffer.write(
        line, x: inner.x, y: last - cue.count + offset, maxWidth: inner.width, style: [.bold], role: .warning)
    }
    if elapsed > guide {
      buffer.write(
        " ! OVER by \(clock(elapsed - guide)) (guide \(clock(guide)))", x: inner.x, y: last,
        maxWidth: inner.width,
        style: [.bold], role: .alert)
    } else {
      let adjusted = adjustment != 1 ? " with \(formatFactor(adjustment)) time" : ""
      buffer.write(
        " \(clock(elapsed)) of \(clock(guide))\(adjusted)", x: inner.x, y: last, maxWidth: inner.width,
        role: .muted)
    }
  }

  /// The wrap-up cue as panel lines: `» wrap up: …`, the rest indented under its first word,
  /// so that the marker and the words carry the meaning without colour. At most `maxLines`.
  static func wrapUpCueLines(_ cue: WrapUpCue?, width: Int, maxLines: Int) -> [String] {
    guard let cue else { return [] }
    let lines = DisplayWidth.wrap(cue.message, to: max(1, width - 3), maxLines: maxLines)
    return lines.enumerated().map { index, line in (index == 0 ? " » " : "   ") + line }
  }

  static func renderQueue(
    state: MeetingState, ui: FacilitatorUI, queue: [QueuedSpeaker], rect: Rect,
    into buffer: inout ScreenBuffer,
    cursor: inout Position?
  ) {
    let focused = ui.focus == .queue
    let box = Box(rect: rect, title: "Up next (\(queue.count))", focused: focused)
    box.draw(into: &buffer)
    let inner = box.inner
    guard !queue.isEmpty else {
      buffer.write(
        " Nobody is waiting. h: raise a hand for someone.", x: inner.x, y: inner.y, maxWidth: inner.width,
        role: .muted)
      if focused { cursor = Position(x: inner.x, y: inner.y) }
      return
    }
    // The chosen person's row, wherever the order has put them; nil when nobody is chosen.
    let chosen = ui.selectedParticipant.flatMap { id in queue.firstIndex { $0.participant == id } }
    let selected = chosen ?? 0
    // Each entry takes its name line and one to three lines of reasons, as space allows.
    let perEntry = min(4, max(2, inner.height / queue.count))
    let visible = max(1, inner.height / perEntry)
    let first = max(0, min(selected - visible + 1, queue.count - visible))
    let nameWidth = min(24, queue.map { DisplayWidth.of($0.name) }.max() ?? 0)
    for (row, place) in queue.dropFirst(first).prefix(visible).enumerated() {
      let y = inner.y + row * perEntry
      let isChosen = chosen == first + row
      let isSelected = focused && isChosen
      let marker = isChosen ? ">" : " "
      let head =
        "\(marker)\(place.position). \(DisplayWidth.pad(place.name, to: nameWidth))  \(place.kind.label)"
      buffer.write(
        head, x: inner.x, y: y, maxWidth: inner.width, style: isSelected ? [.bold, .reverse] : [.bold],
        role: isSelected ? .selection : (place.kind.isInterrupt ? .warning : .normal))
      let reasons = DisplayWidth.wrap(
        place.reasons.joined(separator: "; "), to: max(1, inner.width - 4), maxLines: perEntry - 1)
      for (line, text) in reasons.enumerated() {
        buffer.write("    " + text, x: inner.x, y: y + 1 + line, maxWidth: inner.width, role: .muted)
      }
      if isSelected || (focused && chosen == nil && row == 0) { cursor = Position(x: inner.x, y: y) }
    }
    let hidden = queue.count - first - visible
    if hidden > 0 {
      let text = " … \(hidden) more"
      buffer.write(
        text, x: inner.x + inner.width - DisplayWidth.of(text), y: inner.y + inner.height - 1, role: .muted)
    }
  }

  static func renderAgenda(
    state: MeetingState, ui: FacilitatorUI, now: Instant, rect: Rect, into buffer: inout ScreenBuffer,
    cursor: inout Position?
  ) {
    let focused = ui.focus == .agenda
    let box = Box(rect: rect, title: "Agenda", focused: focused)
    box.draw(into: &buffer)
    let inner = box.inner
    let items = state.agendaOrder.compactMap { state.item($0) }
    guard !items.isEmpty else {
      buffer.write(" No agenda yet.", x: inner.x, y: inner.y, maxWidth: inner.width, role: .muted)
      if focused { cursor = Position(x: inner.x, y: inner.y) }
      return
    }
    let selected = min(ui.agendaSelection, items.count - 1)
    let rows = inner.height - (state.parkingLot.isEmpty ? 0 : 1)
    let first = max(0, min(selected - rows + 1, items.count - rows))
    for (row, item) in items.dropFirst(first).prefix(max(0, rows)).enumerated() {
      let index = first + row
      let y = inner.y + row
      let isSelected = focused && index == selected
      let symbol: String
      switch item.status {
      case .done: symbol = "✓"
      case .current: symbol = "▶"
      case .deferred: symbol = "→"
      case .pending: symbol = "·"
      }
      var time = ""
      var role: ColorRole = item.status == .done ? .muted : .normal
      if item.status == .current, let remaining = item.remainingMilliseconds(at: now) {
        if remaining < 0 {
          time = "OVER \(clock(-remaining / 1000))"
          role = .alert
        } else {
          time = "\(clock(remaining / 1000)) left"
        }
      } else if item.status == .current {
        time = clock(item.elapsedMilliseconds(at: now) / 1000)
      } else if let minutes = item.minutes, item.status == .pending {
        time = "\(minutes) min"
      } else if item.status == .deferred {
        time = "deferred"
      }
      let prefix = "\(isSelected ? ">" : " ")\(symbol) \(index + 1). "
      let titleWidth = inner.width - DisplayWidth.of(prefix) - DisplayWidth.of(time) - 1
      let line = prefix + DisplayWidth.pad(item.title, to: max(0, titleWidth)) + " " + time
      buffer.write(
        line, x: inner.x, y: y, maxWidth: inner.width,
        style: isSelected ? [.reverse] : (item.status == .current ? [.bold] : []),
        role: isSelected ? .selection : role)
      if isSelected { cursor = Position(x: inner.x, y: y) }
    }
    if !state.parkingLot.isEmpty {
      buffer.write(
        " Parking lot: \(state.parkingLot.count)", x: inner.x, y: inner.y + inner.height - 1,
        maxWidth: inner.width,
        role: .muted)
    }
  }

  static func renderBalance(
    state: MeetingState, ui: FacilitatorUI, now: Instant, rect: Rect, into buffer: inout ScreenBuffer,
    cursor: inout Position?
  ) {
    let focused = ui.focus == .balance
    let box = Box(rect: rect, title: "Voice balance", focused: focused)
    box.draw(into: &buffer)
    let inner = box.inner
    if focused { cursor = Position(x: inner.x, y: inner.y) }
    let stats = state.voiceStats(now: now)
    var y = inner.y
    let last = inner.y + inner.height - 1
    let groups = stats.groups.filter { $0.target != nil }
    let labelWidth = min(groups.map { DisplayWidth.of($0.tag) }.max() ?? 0, 20)
    // Narrow panels put each bar under its group's name; wide ones beside it.
    let stacked = inner.width < labelWidth + 24
    for group in groups where y < last {
      let target = group.target ?? 0
      let below = target - group.share > 0.05
      let numbers = " \(percent(group.share))/\(percent(target))"
      var barX = inner.x + labelWidth + 2
      if stacked {
        buffer.write(" \(group.tag)", x: inner.x, y: y, maxWidth: inner.width, style: below ? [.bold] : [])
        y += 1
        barX = inner.x + 1
      } else {
        buffer.write(" " + group.tag, x: inner.x, y: y, maxWidth: labelWidth + 1, style: below ? [.bold] : [])
      }
      let barWidth = max(4, inner.x + inner.width - barX - DisplayWidth.of(numbers))
      buffer.write(
        ShareBar.render(share: group.share, target: target, width: barWidth), x: barX, y: y,
        role: below ? .warning : .good)
      buffer.write(numbers, x: barX + barWidth, y: y, maxWidth: inner.width, style: below ? [.bold] : [])
      y += 1
    }
    if y < last {
      buffer.write(
        " Fairness (Gini): \(twoDecimals(stats.gini))", x: inner.x, y: y, maxWidth: inner.width, role: .muted)
      y += 1
    }
    // Least heard first, so the people the room has not heard are in view.
    let people = stats.people.filter(\.isPresent).sorted {
      ($0.airtimeSeconds, $0.name) < ($1.airtimeSeconds, $1.name)
    }
    for person in people where y <= last {
      let time = formatDuration(seconds: Int64(person.airtimeSeconds))
      let name = DisplayWidth.pad(person.name, to: max(0, inner.width - DisplayWidth.of(time) - 3))
      buffer.write(
        " \(name) \(time)", x: inner.x, y: y, maxWidth: inner.width,
        role: person.turns == 0 ? .warning : .normal)
      y += 1
    }
  }

  static func renderDecisions(
    state: MeetingState, ui: FacilitatorUI, rect: Rect, into buffer: inout ScreenBuffer,
    cursor: inout Position?
  ) {
    let focused = ui.focus == .decisions
    let box = Box(rect: rect, title: "Decisions", focused: focused)
    box.draw(into: &buffer)
    let inner = box.inner
    let decisions = state.decisions.reversed().filter { !$0.isWithdrawn }
    guard !decisions.isEmpty else {
      buffer.write(" None yet.", x: inner.x, y: inner.y, maxWidth: inner.width, role: .muted)
      if focused { cursor = Position(x: inner.x, y: inner.y) }
      return
    }
    let selected = min(ui.decisionSelection, decisions.count - 1)
    var y = inner.y
    let last = inner.y + inner.height - 1
    for (index, decision) in decisions.enumerated() where y <= last {
      let isSelected = focused && index == selected
      var head =
        "\(isSelected ? ">" : " ")#\(decision.id.rawValue) \(decision.method.rawValue) · \(decision.outcome.rawValue)"
      if let rung = decision.rung { head += " · \(rung.rawValue)" }
      buffer.write(
        head, x: inner.x, y: y, maxWidth: inner.width, style: isSelected ? [.bold, .reverse] : [.bold],
        role: isSelected ? .selection : (decision.outcome == .agreed ? .good : .warning))
      if isSelected { cursor = Position(x: inner.x, y: y) }
      y += 1
      for line in DisplayWidth.wrap(decision.text, to: max(1, inner.width - 3), maxLines: 2) where y <= last {
        buffer.write("   " + line, x: inner.x, y: y, maxWidth: inner.width)
        y += 1
      }
      let dissent = decision.dissent.map { "\(state.name(of: $0.participant)) (\($0.stance.rawValue))" }
      if !dissent.isEmpty, y <= last {
        buffer.write(
          "   dissent: " + dissent.joined(separator: ", "), x: inner.x, y: y, maxWidth: inner.width,
          role: .warning)
        y += 1
      }
    }
  }

  static func renderFooter(
    state: MeetingState, ui: FacilitatorUI, into buffer: inout ScreenBuffer, cursor: inout Position?
  ) {
    let messageRow = buffer.height - 2
    let hintRow = buffer.height - 1
    switch ui.mode {
    case .commandLine(let text):
      let end = buffer.write(":" + text, x: 0, y: messageRow, style: [.bold])
      cursor = Position(x: min(end, buffer.width - 1), y: messageRow)
    case .moveEntry(let participant, let position, let reason, let askingReason):
      let prompt =
        askingReason
        ? "Move \(state.name(of: participant)) to \(position): reason (shown to everyone): \(reason)"
        : "Move \(state.name(of: participant)) to place (1–\(state.entries.count)): \(position)"
      let end = buffer.write(prompt, x: 0, y: messageRow, style: [.bold])
      cursor = Position(x: min(end, buffer.width - 1), y: messageRow)
    case .confirmQuit:
      let end = buffer.write(
        "Quit and lose what you typed? y: quit, any other key: go back ", x: 0, y: messageRow, style: [.bold],
        role: .alert)
      cursor = Position(x: min(end, buffer.width - 1), y: messageRow)
    default:
      if let message = ui.message {
        buffer.write(
          (message.isError ? "! " : "") + message.text, x: 0, y: messageRow,
          style: message.isError ? [.bold] : [],
          role: message.isError ? .alert : .normal)
      }
    }
    buffer.write(keyHints(width: buffer.width), x: 0, y: hintRow, role: .muted)
  }

  /// The key hints that fit in `width` columns, from the key table.
  static func keyHints(width: Int) -> String { FacilitatorKeyTable.hintLine(width: width) }

  static func renderHelp(into buffer: inout ScreenBuffer, cursor: inout Position?) {
    renderOverlay(
      ["Keys", ""] + FacilitatorKeyTable.helpLines + ["", "Esc closes this help."], into: &buffer,
      cursor: &cursor)
  }

  static func renderOverlay(_ lines: [String], into buffer: inout ScreenBuffer, cursor: inout Position?) {
    let width = min(buffer.width - 4, (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 4)
    let height = min(buffer.height - 2, lines.count + 2)
    let rect = Rect(
      x: (buffer.width - width) / 2, y: (buffer.height - height) / 2, width: width, height: height)
    buffer.fill(rect)
    let box = Box(rect: rect, title: "", focused: true)
    box.draw(into: &buffer)
    for (offset, line) in lines.prefix(height - 2).enumerated() {
      buffer.write(
        " " + line, x: rect.x + 1, y: rect.y + 1 + offset, maxWidth: width - 2,
        style: offset == 0 ? [.bold] : [])
    }
    cursor = Position(x: rect.x + 2, y: rect.y + 1)
  }

  static func renderRaiseHand(
    state: MeetingState, typed: String, kind: EntryKind, choice: Int, into buffer: inout ScreenBuffer,
    cursor: inout Position?
  ) {
    let candidates = FacilitatorKeys.handCandidates(state: state, typed: typed)
    var lines = ["Raise a hand for: \(typed)", "Kind (Tab): \(kind.label)", ""]
    if candidates.isEmpty {
      let taken = state.participants(matching: typed).filter(\.isPresent).map(\.name)
      lines.append(
        taken.isEmpty ? "  nobody here matches" : "  already up or speaking: " + taken.joined(separator: ", ")
      )
    }
    for (index, person) in candidates.prefix(8).enumerated() {
      lines.append("\(index == min(choice, candidates.count - 1) ? ">" : " ") \(person.name)")
    }
    lines += ["", "Enter: raise  Esc: cancel"]
    var unused: Position?
    renderOverlay(lines, into: &buffer, cursor: &unused)
    let width = min(buffer.width - 4, (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 4)
    let height = min(buffer.height - 2, lines.count + 2)
    let x = (buffer.width - width) / 2 + 2 + DisplayWidth.of("Raise a hand for: \(typed)")
    cursor = Position(x: min(x, buffer.width - 1), y: (buffer.height - height) / 2 + 1)
  }

  // MARK: Formatting

  /// `02:35`, `1:02:03`.
  static func clock(_ seconds: Int64) -> String {
    let s = max(0, seconds)
    let two = { (n: Int64) in n < 10 ? "0\(n)" : "\(n)" }
    if s >= 3600 { return "\(s / 3600):\(two(s / 60 % 60)):\(two(s % 60))" }
    return "\(two(s / 60)):\(two(s % 60))"
  }

  static func twoDecimals(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
  }

}
