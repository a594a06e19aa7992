import TerminalUI

/// Columns aligned by display width, so names in any script line up.
struct Table {
  var headers: [String]
  var rows: [[String]]

  /// The table's lines, without trailing newlines.
  var lines: [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
  }

  var text: String {
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
