/// A horizontal bar for a share of airtime against its target: filled blocks for the share, a
/// `|` where the target is, and the numbers in text, so it reads without colour.
enum ShareBar {
  /// `████████░░|░░░░` for 42% against 50% in `width` columns.
  static func render(share: Double, target: Double?, width: Int) -> String {
    guard width > 0 else { return "" }
    let filled = Int((min(max(share, 0), 1) * Double(width)).rounded())
    var cells = Array(repeating: "░", count: width)
    for index in 0..<filled { cells[index] = "█" }
    if let target {
      let mark = min(width - 1, max(0, Int((min(max(target, 0), 1) * Double(width)).rounded())))
      cells[mark] = "|"
    }
    return cells.joined()
  }
}
