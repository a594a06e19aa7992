import Foundation
import MeetingModel

// The one door for text from the CLI to a terminal. Every line a verb prints, on standard
// output or standard error, goes through `TerminalText.visible` (MeetingModel), which shows
// controls, escapes, bidirectional overrides and invisible characters as visible marks
// (docs/cli.md, "What you see in the terminal"), so that no stored text can act on the
// terminal or forge a line. Only JSON is written exactly (`sayExactly`): JSON escapes
// controls itself, and programs need the exact text.
//
// `print` is unavailable in this module (below), so a new verb cannot bypass the door by
// accident; RoundtableCLITests/OutputDoorTests also checks that nothing else here writes to
// the standard streams.

/// Prints one line of output: a newline inside it is shown as `⏎`, never started.
func say(_ line: String) {
  Swift.print(TerminalText.visible(line))
}

/// Prints lines of output, each as `say` does.
func say(lines: [String]) {
  for line in lines { say(line) }
}

/// Prints lines as `say` does and sends them at once (`watch --plain`): whatever standard
/// output is, a pipe to a braille display or a file a screen reader follows, each line is
/// there as soon as it is said.
func announce(_ lines: [String]) {
  guard !lines.isEmpty else { return }
  say(lines: lines)
  fflush(nil)
}

/// Prints a whole document (minutes, a table, a transcript) whose own line breaks are real:
/// each line is made visible; a `\r\n` line end (CSV) stays a line end, and a byte-order
/// mark at the very start (CSV for spreadsheets) is kept.
func sayDocument(_ text: String) {
  var scalars = Substring(text).unicodeScalars
  var output = String.UnicodeScalarView()
  if scalars.first == "\u{FEFF}" {
    output.append("\u{FEFF}")
    scalars = scalars.dropFirst()
  }
  // By scalar: "\r\n" is one Character, and would not be split at "\n".
  let lines = scalars.split(separator: "\n", omittingEmptySubsequences: false)
  for (index, piece) in lines.enumerated() {
    var line = piece
    var ending: String.UnicodeScalarView = index == lines.count - 1 ? .init() : "\n".unicodeScalars
    if !ending.isEmpty, line.last == "\r" {
      line = line.dropLast()
      ending = "\r\n".unicodeScalars
    }
    output.append(contentsOf: TerminalText.visible(String(String.UnicodeScalarView(line))).unicodeScalars)
    output.append(contentsOf: ending)
  }
  Swift.print(String(output), terminator: "")
}

/// Prints JSON (or JSONL) exactly as encoded: JSON escapes controls itself, and the exact
/// text is what programs and `import` need.
func sayExactly(_ json: String, terminator: String = "\n") {
  Swift.print(json, terminator: terminator)
}

/// Writes a message to standard error (errors and warnings never go to standard output, which
/// is data), as one line: user text quoted in it cannot start another.
func printError(_ message: String) {
  FileHandle.standardError.write(Data((TerminalText.visible(message) + "\n").utf8))
}

/// Writes a message of several lines to standard error, each line made visible.
func printError(lines: [String]) {
  FileHandle.standardError.write(Data(lines.map { TerminalText.visible($0) + "\n" }.joined().utf8))
}

/// Whether standard error is a terminal that can take a progress line: a terminal whose `TERM`
/// is not `dumb` (a dumb terminal, such as an editor's shell buffer, would show the erase-line
/// escape as text).
var standardErrorTakesProgress: Bool {
  isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
}

/// A progress line on standard error that rewrites itself (`study` on a terminal): our own
/// carriage return and erase-line around text that is made visible. The only escape the CLI
/// writes outside the full screen; it has no colour (docs/accessibility.md).
func showProgress(_ text: String) {
  FileHandle.standardError.write(Data(("\r\u{1B}[K" + TerminalText.visible(text)).utf8))
}

/// Ends a progress line.
func endProgress() {
  FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
}

/// Bare `print` would bypass the door: use `say`, `say(lines:)`, `sayDocument` or
/// `sayExactly` (JSON only).
@available(*, unavailable, message: "use say(_:), say(lines:), sayDocument(_:) or sayExactly(_:) (JSON only)")
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {}
