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
      Keys: n next speaker, e end turn, h raise a hand for someone, ↑/↓ choose a hand, l lower, \
      g give the floor, m move, u undo this screen's last action, ] next agenda item, \
      a acknowledge a signal, r read its private note, p pass in a go-round, : any roundtable \
      verb (:help lists them), ? every key, q quit. Changes made in other terminals show within \
      half a second.

      Under the balanced policy, the Now speaking panel shows "» Facilitator: … is next" once a \
      turn has run --wrap-up seconds (times the speaker's time adjustment) while the next voice \
      is from a group below its target share of airtime and the speaker's is not. Nobody is cut \
      off: ending the turn stays the facilitator's call.

      Examples:
        roundtable run forum.roundtable
        NO_COLOR=1 roundtable run forum.roundtable     # no colour, for monochrome projectors
        roundtable run forum.roundtable --wrap-up 60   # wrap-up cue after 60 s
        roundtable run forum.roundtable --wrap-up 0    # never show the cue on the screen
      """
  )

  enum ScreenRole: String, ExpressibleByArgument, CaseIterable {
    case facilitator, notes, participant
  }

  @OptionGroup var file: FileArgument
  @Option(help: "facilitator (the note-taker and participant screens are coming).")
  var role: ScreenRole = .facilitator
  @OptionGroup var screen: ScreenOptions

  func run() throws {
    try reporting {
      guard role == .facilitator else {
        throw Refusal(
          .invalidInput, "The \(role.rawValue) screen is not available yet; use --role facilitator.")
      }
      try openScreen(file: file.file, options: screen)
    }
  }
}

/// What the facilitator screen can be asked to do differently (`run` and `demo`).
struct ScreenOptions: ParsableArguments {
  // Unconditional, so that a negative number gets its own message rather than "missing value".
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Cue a wrap-up after a turn has run this many seconds (times the speaker's time adjustment) "
        + "while a voice from a group below its target waits; 0: never.", valueName: "SECONDS"))
  var wrapUp = MeetingState.defaultWrapUpSeconds

  func validate() throws {
    guard wrapUp >= 0 else {
      throw ValidationError("--wrap-up must be 0 (no wrap-up cue) or a number of seconds, such as 30.")
    }
  }
}

/// Opens the facilitator screen on `file` in this terminal until the facilitator quits.
func openScreen(file: String, options: ScreenOptions) throws {
  guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
    throw Refusal(
      .invalidInput, "The full screen needs a terminal; use `roundtable queue \(file)` in scripts.")
  }
  let store = try MeetingStore.open(at: file, access: .readWrite)
  let terminal = try CursesTerminal()
  defer { terminal.restore() }
  let clock = { Instant.now }
  let connection = StoreConnection(
    store: store, metadata: EventMetadata(terminal: screenTerminalName(role: "facilitator")), clock: clock)
  let session = FacilitatorSession(
    connection: connection, state: try store.replay(), backend: terminal, clock: clock,
    clockOffsetSeconds: Instant.now.localOffsetSeconds, wrapUpSeconds: options.wrapUp
  ) { line, state, now in
    ScreenCommandLine.run(line, file: file, state: state, now: now)
  }
  session.run()
  terminal.restore()
  try store.close()
}

/// How a screen names itself in the events it records: the role and the terminal device
/// ("facilitator@pts/3"), so that `log` and `undo` can say whose an action was.
func screenTerminalName(role: String) -> String {
  guard let device = ttyname(STDIN_FILENO) else { return role }
  let path = String(cString: device)
  return role + "@" + (path.hasPrefix("/dev/") ? String(path.dropFirst(5)) : path)
}
