/// Draws a `Form` in a box: one field per row with its label, the focused one marked `>` and
/// holding the real cursor, fields with a problem marked `!`, and at the bottom the focused
/// field's problem (or the reason the last submission was refused) and the form's keys.
/// Fields scroll when the box cannot hold them all.
enum FormView {
  static func render(
    _ form: Form, problems: [String: String], submitLabel: String, rect: Rect,
    into buffer: inout ScreenBuffer, cursor: inout Position?
  ) {
    buffer.fill(rect)
    let box = Box(rect: rect, title: form.title, focused: true)
    box.draw(into: &buffer)
    let inner = box.inner
    guard inner.width > 4, inner.height >= 3 else { return }
    // The status (the refusal, or the focused field's problem) wraps onto two lines when it
    // must; the fields give way to it.
    var status: (text: String, role: ColorRole, style: TextStyle)?
    if let refusal = form.refusal {
      status = ("! " + refusal, .alert, [.bold])
    } else if let focused = form.focusedField, let problem = problems[focused.name] {
      status = ("! " + problem, .warning, [])
    } else if !problems.isEmpty {
      status = ("! \(problems.count) field\(problems.count == 1 ? "" : "s") to fix (marked !)", .warning, [])
    }
    let statusLines = status.map { DisplayWidth.wrap($0.text, to: inner.width, maxLines: 2) } ?? []
    let rows = max(1, inner.height - 1 - max(1, statusLines.count))
    let labelWidth = min(
      max(8, (form.fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 1), inner.width / 3)
    let first = max(0, min(form.focus - rows + 1, form.fields.count - rows))
    for (row, field) in form.fields.dropFirst(first).prefix(rows).enumerated() {
      let index = first + row
      let y = inner.y + row
      let focused = index == form.focus
      let marker = focused ? ">" : (problems[field.name] != nil ? "!" : " ")
      buffer.write(
        marker + DisplayWidth.pad(field.label, to: labelWidth), x: inner.x, y: y,
        style: focused ? [.bold] : [], role: problems[field.name] != nil && !focused ? .alert : .normal)
      let valueX = inner.x + 1 + labelWidth + 1
      let valueWidth = max(1, inner.x + inner.width - valueX)
      switch field.value {
      case .text(let text):
        let shown = text.visible(width: valueWidth)
        if text.isEmpty, !field.placeholder.isEmpty {
          buffer.write(field.placeholder, x: valueX, y: y, maxWidth: valueWidth, role: .muted)
        } else {
          buffer.write(shown.text, x: valueX, y: y, maxWidth: valueWidth, style: focused ? [.underline] : [])
        }
        if focused { cursor = Position(x: min(valueX + shown.cursorColumn, buffer.width - 1), y: y) }
      case .choice(let choices, let selected):
        let label = choices.indices.contains(selected) ? choices[selected].label : ""
        var text = focused ? "‹ \(label) ›" : label
        if focused {
          let keys = choices.compactMap { choice in choice.key.map { "\($0) \(choice.label)" } }
          let extra = "   " + keys.joined(separator: " · ")
          if !keys.isEmpty, DisplayWidth.of(text + extra) <= valueWidth { text += extra }
          cursor = Position(x: min(valueX + 2, buffer.width - 1), y: y)
        }
        buffer.write(text, x: valueX, y: y, maxWidth: valueWidth, style: focused ? [.bold] : [])
      }
    }
    // A focused choice whose keys did not fit on its row lists them in the rows left free.
    let used = min(rows, form.fields.count - first)
    if let focused = form.focusedField, case .choice(let choices, _) = focused.value, used < rows {
      let keys = choices.compactMap { choice in choice.key.map { "\($0) \(choice.label)" } }
      let lines = DisplayWidth.wrap(keys.joined(separator: " · "), to: inner.width - 2, maxLines: rows - used)
      let labelWidthUsed = 1 + labelWidth + 1
      let inline = DisplayWidth.of("‹ \(focused.text) ›   " + keys.joined(separator: " · "))
      if !keys.isEmpty, inline > inner.width - labelWidthUsed {
        for (offset, line) in lines.enumerated() {
          buffer.write(
            "  " + line, x: inner.x, y: inner.y + used + offset, maxWidth: inner.width, role: .muted)
        }
      }
    }
    if first > 0 {
      buffer.write(" +\(first) above ", x: inner.x + inner.width - 12, y: inner.y, style: [.bold])
    }
    let below = form.fields.count - min(form.fields.count, first + rows)
    if below > 0 {
      let text = " +\(below) more (↓) "
      buffer.write(
        text, x: inner.x + inner.width - DisplayWidth.of(text), y: inner.y + rows - 1, style: [.bold])
    }
    let statusY = inner.y + inner.height - 1 - max(1, statusLines.count)
    for (offset, line) in statusLines.enumerated() {
      buffer.write(
        line, x: inner.x, y: statusY + offset, maxWidth: inner.width, style: status?.style ?? [],
        role: status?.role ?? .normal)
    }
    let keys = [
      "Tab/↓ next", "←/→ choose", "Enter \(submitLabel)", "Esc cancel",
    ]
    var hint = keys.joined(separator: " · ")
    if DisplayWidth.of(hint) > inner.width { hint = "Tab next · Enter \(submitLabel) · Esc cancel" }
    buffer.write(hint, x: inner.x, y: inner.y + inner.height - 1, maxWidth: inner.width, role: .muted)
  }
}
