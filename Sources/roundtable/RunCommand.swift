import ArgumentParser
import CursesTerminal
import Foundation
import MeetingModel
import MeetingStore
import TerminalUI

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Open the meeting full screen, for the facilitator to chair it.",
    discussion: """
      Keys: n next speaker, e end turn, h raise a hand for someone, l lower, m move, g give the \
      floor, ] next agenda item, a acknowledge a signal, u undo, : any roundtable verb, ? help, \
      q quit. Changes made in other terminals show within half a second.

      Examples:
        roundtable run forum.roundtable
        NO_COLOR=1 roundtable run forum.roundtable     # no colour, for monochrome projectors
      """
  )

  enum ScreenRole: String, ExpressibleByArgument, CaseIterable {
    case facilitator, notes, participant
  }

  @OptionGroup var file: FileArgument
  @Option(help: "facilitator (the note-taker and participant screens are coming).")
  var role: ScreenRole = .facilitator

  func run() throws {
    try reporting {
      guard role == .facilitator else {
        throw Refusal(
          .invalidInput, "The \(role.rawValue) screen is not available yet; use --role facilitator.")
      }
      try openScreen(file: file.file)
    }
  }
}

/// Opens the facilitator screen on `file` in this terminal until the facilitator quits.
func openScreen(file: String) throws {
  guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
    throw Refusal(
      .invalidInput, "The full screen needs a terminal; use `roundtable queue \(file)` in scripts.")
  }
  let store = try MeetingStore.open(at: file, access: .readWrite)
  let terminal = try CursesTerminal()
  defer { terminal.restore() }
  let session = try FacilitatorSession(file: file, store: store, backend: terminal, clock: { Instant.now })
  session.run()
  terminal.restore()
  try store.close()
}
