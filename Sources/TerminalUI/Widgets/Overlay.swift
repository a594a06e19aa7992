/// A box in the middle of the screen, on every screen: help, reports, questions.
enum Overlay {
  /// A box in the middle of the screen. Long lines wrap (never cut); when the box cannot hold
  /// them all, its last line says how many are left out.
  static func render(_ lines: [String], into buffer: inout ScreenBuffer, cursor: inout Position?) {
    let maxText = max(1, buffer.width - 8)
    var wrapped: [(text: String, isTitle: Bool)] = []
    for (index, line) in lines.enumerated() {
      let indent = String(line.prefix { $0 == " " })
      let pieces =
        DisplayWidth.of(line) <= maxText ? [line] : DisplayWidth.wrap(line, to: maxText - indent.count)
      for (part, piece) in pieces.enumerated() {
        wrapped.append(((part == 0 ? "" : indent + "  ") + piece, index == 0))
      }
      if pieces.isEmpty { wrapped.append(("", index == 0)) }
    }
    let height = min(buffer.height - 2, wrapped.count + 2)
    if wrapped.count > height - 2 {
      let keep = max(0, height - 3)
      let left = wrapped.count - keep
      wrapped = Array(wrapped.prefix(keep)) + [("+\(left) more lines (Esc closes)", false)]
    }
    let width = min(buffer.width - 4, (wrapped.map { DisplayWidth.of($0.text) }.max() ?? 0) + 4)
    let rect = Rect(
      x: (buffer.width - width) / 2, y: (buffer.height - height) / 2, width: width, height: height)
    buffer.fill(rect)
    let box = Box(rect: rect, title: "", focused: true)
    box.draw(into: &buffer)
    for (offset, line) in wrapped.prefix(height - 2).enumerated() {
      buffer.write(
        " " + line.text, x: rect.x + 1, y: rect.y + 1 + offset, maxWidth: width - 2,
        style: line.isTitle ? [.bold] : [])
    }
    cursor = Position(x: rect.x + 2, y: rect.y + 1)
  }

}
