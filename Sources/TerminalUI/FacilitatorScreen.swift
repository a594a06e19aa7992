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
    queue: [QueuedSpeaker]? = nil, connected: [ConnectedTerminal] = []
  ) -> ScreenBuffer {
    var buffer = ScreenBuffer(width: width, height: height)
    guard fits(width: width, height: height) else {
      renderTooSmall(showingKeys: ui.mode == .help, into: &buffer)
      return buffer
    }
    var layout = Layout(width: width, height: height)
    renderHeader(state: state, now: now, offset: clockOffsetSeconds, connected: connected, into: &buffer)
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

  static func renderHeader(
    state: MeetingState, now: Instant, offset: Int, connected: [ConnectedTerminal] = [],
    into buffer: inout ScreenBuffer
  ) {
    let title = state.info?.title ?? "Roundtable"
    let status: String
    switch state.status {
    case .closed: status = " · closed"
    case .scheduled: status = " · not started"
    default: status = ""
    }
    var right = "\(state.policy.ordering.rawValue) queue · \(now.timeOfDay(offsetSeconds: offset)) "
    // Who else has the meeting open, in the room the title leaves (it keeps 30 columns).
    let titleRoom = DisplayWidth.of(" Roundtable · \(title)\(status)") + 2
    let presenceRoom = buffer.width - DisplayWidth.of(right) - min(titleRoom, 30) - 3
    let presence = connectedSummary(connected, width: presenceRoom)
    if !presence.isEmpty { right = presence + " · " + right }
    let rightX = buffer.width - DisplayWidth.of(right)
    buffer.fill(
      Rect(x: 0, y: 0, width: buffer.width, height: 1), with: Cell(" ", style: [.reverse], role: .heading))
    buffer.write(
      " Roundtable · \(title)\(status)", x: 0, y: 0, maxWidth: rightX - 1, style: [.bold, .reverse],
      role: .heading)
    buffer.write(right, x: rightX, y: 0, style: [.reverse], role: .heading)
  }

  /// A signal as the room may read it: kind words, the sender only when they signed it, never
  /// the private note.
  static func kindWords(_ signal: Signal, state: MeetingState) -> String {
    let who = signal.from.map { state.name(of: $0) } ?? "Someone"
    switch signal.type {
    case .break: return "\(who) would like a break"
    case .jargon: return "\(who) asks for plain language, please"
    case .slower: return "\(who) asks to slow down a little"
    case .louder: return "\(who) asks for a little more volume"
    case .other: return "\(who) would like a word with the facilitator"
    }
  }

  static func renderSignals(state: MeetingState, into buffer: inout ScreenBuffer) {
    let open = state.openSignals
    guard let signal = open.first else { return }
    var text = " ! " + kindWords(signal, state: state)
    if open.count > 1 { text += " · +\(open.count - 1) more" }
    text += " · a: acknowledge"
    // The sender's note is never projected: `r` shows it to the facilitator after asking.
    if signal.note != nil { text += " · r: private note" }
    buffer.fill(
      Rect(x: 0, y: 1, width: buffer.width, height: 1), with: Cell(" ", style: [.reverse], role: .alert))
    buffer.write(text + " ", x: 0, y: 1, style: [.bold, .reverse], role: .alert)
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
    let elapsed = turn.milliseconds(at: now) / 1000
    let adjustment = person?.timeAdjustment ?? 1
    let guide = Int64((Double(turnGuideSeconds) * adjustment).rounded())
    let timer = clock(elapsed)
    let last = inner.y + inner.height - 1
    let name = state.name(of: turn.participant)
    // The timer gets the size it would have without the cue: the cue never shrinks it.
    let timerRows = last - y - 2
    let cueValue = state.wrapUpCue(at: now, afterSeconds: wrapUpSeconds)
    // Digits grow into the room the whole cue leaves; never below their size without a cue.
    let cueNeeds = wrapUpCueLines(cueValue, speaker: name, width: inner.width, maxLines: 4).count
    let normal = BigDigits.render(timer, rows: timerRows)
    let grown = BigDigits.render(timer, rows: timerRows - cueNeeds, columns: inner.width - 4)
    let digits = (grown?.count ?? 0) >= (normal?.count ?? 0) ? grown : normal
    let digitRows = digits?.count ?? 1
    var spare = timerRows - digitRows
    // A cramped panel gives the detail line (kind, group) to the cue.
    let showDetail = cueValue == nil || spare >= 2
    if !showDetail { spare += 1 }
    let cue = wrapUpCueLines(cueValue, speaker: name, width: inner.width, maxLines: max(1, spare))
    // A name spaced out to match big digits, when they have grown and the panel is wide.
    let spaced = name.map { String($0) }.joined(separator: " ")
    let bigName = digitRows >= 15 && DisplayWidth.of(spaced) + 2 <= inner.width
    buffer.write(
      " " + (bigName ? spaced : name), x: inner.x, y: y, maxWidth: inner.width, style: [.bold],
      role: .accent)
    y += 1
    if showDetail {
      var detail = [turn.kind.label]
      if let tags = person?.tags, !tags.isEmpty { detail.append(tags.joined(separator: ", ")) }
      if turn.source == .round { detail.append("go-round") }
      buffer.write(" " + detail.joined(separator: " · "), x: inner.x, y: y, maxWidth: inner.width)
      y += 1
    }
    let rowsForTimer = last - y - cue.count
    if let digits {
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

  /// The wrap-up cue as panel lines, worded for a room that includes young people: it speaks
  /// to the facilitator, names who is next and why, and never tells the speaker to stop. The
  /// `»` and the words carry the meaning without colour. At most `maxLines`, ending in `…`
  /// when cut.
  static func wrapUpCueLines(_ cue: WrapUpCue?, speaker: String, width: Int, maxLines: Int) -> [String] {
    guard let cue else { return [] }
    let share = percent(cue.waitingGroupShare)
    let target = percent(cue.waitingGroupTarget)
    // The fullest wording that fits, down to the essentials.
    let wordings = [
      "Facilitator: \(cue.nextName) is next — \(cue.waitingGroup) voices at \(share) of airtime, "
        + "target \(target). Move on at a natural pause for \(speaker).",
      "Facilitator: \(cue.nextName) is next — \(cue.waitingGroup) voices at \(share) of airtime, "
        + "target \(target).",
      "Facilitator: \(cue.nextName) next — \(cue.waitingGroup) \(share), target \(target)",
      "Facilitator: \(cue.nextName) next (\(cue.waitingGroup) \(share)/\(target))",
      "\(cue.nextName) next (\(cue.waitingGroup) \(share)/\(target))",
    ]
    let columns = max(1, width - 3)
    let text =
      wordings.first { DisplayWidth.wrap($0, to: columns).count <= maxLines } ?? wordings[wordings.count - 1]
    let lines = DisplayWidth.wrap(text, to: columns, maxLines: maxLines)
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
      let reasons = reasonLines(place, among: queue, width: max(1, inner.width - 4), maxLines: perEntry - 1)
      for (line, text) in reasons.enumerated() {
        // Normal intensity: dim text is faint on a projector.
        buffer.write("    " + text, x: inner.x, y: y + 1 + line, maxWidth: inner.width)
      }
      if isSelected || (focused && chosen == nil && row == 0) { cursor = Position(x: inner.x, y: y) }
    }
    let hidden = queue.count - min(queue.count, first + visible)
    if hidden > 0 || first > 0 {
      var parts: [String] = []
      if first > 0 { parts.append("+\(first) above") }
      if hidden > 0 { parts.append("+\(hidden) more") }
      let text = " " + parts.joined(separator: " · ") + " "
      buffer.write(
        text, x: inner.x + inner.width - DisplayWidth.of(text), y: inner.y + inner.height - 1, style: [.bold])
    }
  }

  /// A place's reasons in at most `maxLines` lines. When they do not all fit, the reasons that
  /// set this place apart (waited, moved, airtime, any reason the others do not share) come
  /// before the ones every place shares, so what is cut is what the room already knows.
  static func reasonLines(_ place: QueuedSpeaker, among queue: [QueuedSpeaker], width: Int, maxLines: Int)
    -> [String]
  {
    let joined = place.reasons.joined(separator: "; ")
    let all = DisplayWidth.wrap(joined, to: width)
    guard all.count > maxLines, queue.count > 1 else {
      return DisplayWidth.wrap(joined, to: width, maxLines: maxLines)
    }
    let others = queue.filter { $0.participant != place.participant }
    func shared(_ reason: String) -> Bool {
      if reason.hasPrefix("waited") || reason.hasPrefix("moved") { return false }
      return others.allSatisfy { $0.reasons.contains(reason) }
    }
    let ordered = place.reasons.filter { !shared($0) } + place.reasons.filter(shared)
    return DisplayWidth.wrap(ordered.joined(separator: "; "), to: width, maxLines: maxLines)
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
    var rows = inner.height - (state.parkingLot.isEmpty ? 0 : 1)
    // When not every item fits, the last row says how many are left out.
    if items.count > rows, state.parkingLot.isEmpty { rows -= 1 }
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
    let hiddenItems = items.count - min(items.count, first + max(0, rows))
    var footer: [String] = []
    if first > 0 { footer.append("+\(first) above") }
    if hiddenItems > 0 { footer.append("+\(hiddenItems) more") }
    if !state.parkingLot.isEmpty { footer.append("Parking lot: \(state.parkingLot.count)") }
    if !footer.isEmpty {
      let bottom = inner.y + inner.height - 1
      buffer.write(" " + footer.joined(separator: " · "), x: inner.x, y: bottom, maxWidth: inner.width)
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
    // Facilitation is not a voice in the balance (unless the meeting counts it): its time is
    // shown apart, and facilitators are not listed among the least heard.
    if !stats.facilitation.isEmpty, y < last {
      let time = formatDuration(seconds: Int64(stats.facilitationSeconds))
      let long = " facilitation: \(time), not counted"
      buffer.write(
        DisplayWidth.of(long) <= inner.width ? long : " facilitation: \(time)", x: inner.x, y: y,
        maxWidth: inner.width)
      y += 1
    }
    // Least heard first, so the people the room has not heard are in view.
    let people = stats.people.filter(\.isPresent).sorted {
      ($0.airtimeSeconds, $0.name) < ($1.airtimeSeconds, $1.name)
    }
    let room = last - y + 1
    let shown = people.count > room ? max(0, room - 1) : people.count
    for person in people.prefix(shown) {
      let time = formatDuration(seconds: Int64(person.airtimeSeconds))
      let name = DisplayWidth.pad(person.name, to: max(0, inner.width - DisplayWidth.of(time) - 3))
      buffer.write(
        " \(name) \(time)", x: inner.x, y: y, maxWidth: inner.width,
        role: person.turns == 0 ? .warning : .normal)
      y += 1
    }
    if shown < people.count, y <= last {
      buffer.write(" +\(people.count - shown) more", x: inner.x, y: y, maxWidth: inner.width)
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
    var shownCount = 0
    for (index, decision) in decisions.enumerated() {
      var lines = decisionLines(decision, state: state, width: max(1, inner.width - 3))
      // Keep a row to say how many are left out, unless this is the last decision.
      let reserve = index < decisions.count - 1 ? 1 : 0
      let fitting = last - y + 1 - reserve - 1
      guard fitting >= 1 || index == 0 else { break }
      let isSelected = focused && index == selected
      var head =
        "\(isSelected ? ">" : " ")#\(decision.id.rawValue) \(decision.method.rawValue) · \(decision.outcome.rawValue)"
      if let rung = decision.rung {
        // The rung goes on the head line when it fits whole, else on a line of its own.
        if DisplayWidth.of(head + " · " + rung.rawValue) <= inner.width {
          head += " · \(rung.rawValue)"
        } else {
          lines.insert("rung: \(rung.rawValue)", at: 0)
        }
      }
      buffer.write(
        head, x: inner.x, y: y, maxWidth: inner.width, style: isSelected ? [.bold, .reverse] : [.bold],
        role: isSelected ? .selection : (decision.outcome == .agreed ? .good : .warning))
      if isSelected { cursor = Position(x: inner.x, y: y) }
      y += 1
      let room = max(0, min(lines.count, fitting))
      var kept = Array(lines.prefix(room))
      if room < lines.count, let lastLine = kept.popLast() {
        // Lines were left out: the last one shown ends in … (once).
        let cut = DisplayWidth.truncate(lastLine, to: max(1, inner.width - 4))
        kept.append(cut.hasSuffix("…") ? cut : cut + "…")
      }
      for line in kept where y <= last {
        let role: ColorRole = line.hasPrefix("dissent") ? .warning : .normal
        buffer.write("   " + line, x: inner.x, y: y, maxWidth: inner.width, role: role)
        y += 1
      }
      shownCount += 1
      if y > last { break }
    }
    if shownCount < decisions.count, y <= last {
      buffer.write(" +\(decisions.count - shownCount) more", x: inner.x, y: last, maxWidth: inner.width)
    }
  }

  /// A decision as far as words go: its text, the vote tally, dissent with reasons, and each
  /// action with its owner and due date, wrapped to `width`.
  static func decisionLines(_ decision: Decision, state: MeetingState, width: Int) -> [String] {
    var lines = DisplayWidth.wrap(decision.text, to: width)
    if decision.votes != nil || decision.method == .vote {
      let tally = decision.tally
      lines.append("votes: \(tally.inFavour) for, \(tally.against) against, \(tally.abstentions) abstaining")
    }
    let dissent = decision.dissent.map { stance -> String in
      let reason = stance.reason.map { ": \($0)" } ?? ""
      return "\(state.name(of: stance.participant)) (\(stance.stance.rawValue)\(reason))"
    }
    if !dissent.isEmpty {
      lines += DisplayWidth.wrap("dissent: " + dissent.joined(separator: "; "), to: width)
    }
    for action in state.actions where decision.actions.contains(action.id) {
      let due = action.due.map { ", due \($0)" } ?? ""
      lines += DisplayWidth.wrap("action: \(action.owner) — \(action.text)\(due)", to: width)
    }
    return lines
  }

  static func renderFooter(
    state: MeetingState, ui: FacilitatorUI, into buffer: inout ScreenBuffer, cursor: inout Position?
  ) {
    let messageRow = buffer.height - 2
    let hintRow = buffer.height - 1
    switch ui.mode {
    case .commandLine(let field):
      // A long line scrolls: the cursor stays in view, and `…` marks what is cut.
      let shown = field.visible(width: buffer.width - 1)
      buffer.write(":" + shown.text, x: 0, y: messageRow, style: [.bold])
      cursor = Position(x: min(1 + shown.cursorColumn, buffer.width - 1), y: messageRow)
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
    Overlay.render(lines, into: &buffer, cursor: &cursor)
  }

  static func renderRaiseHand(
    state: MeetingState, typed field: TextField, kind: EntryKind, choice: Int,
    into buffer: inout ScreenBuffer,
    cursor: inout Position?
  ) {
    let typed = field.text
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
    // The real cursor where the next character goes, which ← and → move.
    let x =
      (buffer.width - width) / 2 + 2 + DisplayWidth.of("Raise a hand for: ")
      + field.visible(width: .max).cursorColumn
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

}

extension FacilitatorScreen: Screen {
  public typealias UI = FacilitatorUI
  public static var role: String { "facilitator" }
  public static var keyTable: KeyTable<FacilitatorKeyAction> { FacilitatorKeyTable.table }
  public static var hasCommandLine: Bool { true }

  public static func prepare(state: MeetingState, ui: inout FacilitatorUI, context: ScreenContext)
    -> DrawnScreen
  {
    let queue = state.speakingQueue(at: context.now, clockOffsetSeconds: context.clockOffsetSeconds)
    FacilitatorKeys.follow(queue, ui: &ui, state: state)
    return DrawnScreen(queue: queue, fits: fits(width: context.width, height: context.height))
  }

  public static func render(
    state: MeetingState, ui: FacilitatorUI, context: ScreenContext, drawn: DrawnScreen
  ) -> ScreenBuffer {
    render(
      state: state, ui: ui, now: context.now, width: context.width, height: context.height,
      clockOffsetSeconds: context.clockOffsetSeconds, queue: drawn.queue, connected: context.connected)
  }

  public static func handle(_ key: Key, ui: inout FacilitatorUI, state: MeetingState, drawn: DrawnScreen)
    -> UIAction
  {
    FacilitatorKeys.handle(key, ui: &ui, state: state, drawn: drawn)
  }

  /// What to press first in a meeting that has not started.
  public static func greeting(state: MeetingState, ui: FacilitatorUI) -> ScreenMessage? {
    if state.participants.isEmpty {
      return .init(
        "New meeting: add people with  :join NAME --tag lived-experience  and items with  :agenda add TITLE")
    }
    if state.agendaOrder.isEmpty && state.currentTurn == nil && state.speakingQueue.isEmpty {
      return .init("h raises a hand for someone; :agenda add TITLE adds an item; ? lists every key.")
    }
    return nil
  }

  /// Who has the meeting open, for the header: "facilitator, notes, Amira connected", or
  /// counts when names do not fit in `width`.
  static func connectedSummary(_ connected: [ConnectedTerminal], width: Int) -> String {
    guard !connected.isEmpty else { return "" }
    let names = connected.map { terminal -> String in
      if let name = terminal.name { return name }
      return terminal.role == "participant" ? "a watcher" : terminal.role
    }
    var counts: [String: Int] = [:]
    for name in names { counts[name, default: 0] += 1 }
    var seen: Set<String> = []
    let listed = names.filter { seen.insert($0).inserted }.map { name in
      counts[name, default: 1] > 1 ? "\(counts[name]!)× \(name)" : name
    }
    let full = listed.joined(separator: ", ") + " connected"
    if DisplayWidth.of(full) <= width { return full }
    let short = "\(connected.count) screens connected"
    return DisplayWidth.of(short) <= width ? short : ""
  }
}
