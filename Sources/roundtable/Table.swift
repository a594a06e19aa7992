import MeetingModel
import TerminalUI

/// Columns aligned by display width, so names in any script line up.
struct Table {
  var headers: [String]
  var rows: [[String]]

  /// The table's lines, without trailing newlines.
  var lines: [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
  }

  /// The table as text. Cells are made visible (TerminalText) before they are measured, so
  /// that a tab or an escape in a name neither reaches the terminal nor breaks the columns.
  var text: String {
    let headers = headers.map { TerminalText.visible($0) }
    let rows = rows.map { $0.map { TerminalText.visible($0) } }
    var widths = headers.map { DisplayWidth.of($0) }
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], DisplayWidth.of(cell))
      }
    }
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for (index, cell) in cells.enumerated() {
        parts.append(index == cells.count - 1 ? cell : DisplayWidth.pad(cell, to: widths[index]))
      }
      return parts.joined(separator: "  ")
    }
    var text = line(headers) + "\n"
    for row in rows { text += line(row) + "\n" }
    return text
  }
}
