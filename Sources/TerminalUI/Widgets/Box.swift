/// A panel frame: a box of line-drawing characters with a title in its top edge. A focused
/// panel's title is marked with `>` and drawn bold, so focus shows without colour.
struct Box {
  var rect: Rect
  var title: String
  var focused: Bool = false

  /// The area inside the frame.
  var inner: Rect {
    Rect(x: rect.x + 1, y: rect.y + 1, width: max(0, rect.width - 2), height: max(0, rect.height - 2))
  }

  func draw(into buffer: inout ScreenBuffer) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    let role: ColorRole = focused ? .accent : .muted
    let right = rect.x + rect.width - 1
    let bottom = rect.y + rect.height - 1
    for x in rect.x...right {
      buffer[x, rect.y] = Cell("─", role: role)
      buffer[x, bottom] = Cell("─", role: role)
    }
    for y in rect.y...bottom {
      buffer[rect.x, y] = Cell("│", role: role)
      buffer[right, y] = Cell("│", role: role)
    }
    buffer[rect.x, rect.y] = Cell("┌", role: role)
    buffer[right, rect.y] = Cell("┐", role: role)
    buffer[rect.x, bottom] = Cell("└", role: role)
    buffer[right, bottom] = Cell("┘", role: role)
    guard !title.isEmpty else { return }
    let label = focused ? " > \(title) " : " \(title) "
    buffer.write(
      label, x: rect.x + 2, y: rect.y, maxWidth: rect.width - 4, style: focused ? [.bold] : [], role: .heading
    )
  }
}
