import ArgumentParser
import CursesTerminal
import Foundation
import MeetingModel
import MeetingStore
import TerminalUI

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Open the meeting full screen: for the facilitator (default), the note-taker or a participant.",
    discussion: """
      Facilitator keys: n next speaker, e end turn, h raise a hand for someone, ↑/↓ choose a \
      hand, l lower, g give the floor, m move, u undo this screen's last action, ] next agenda \
      item, a acknowledge a signal, r read its private note, p pass in a go-round, : any \
      roundtable verb (:help lists them), ? every key, q quit. Changes made in other terminals \
      show within half a second.

      --role notes opens the note-taker's screen: d records a decision (text, item, method, \
      outcome, each person's stance, votes, rung, actions), a amends, w withdraws, s adds a \
      stance, x adds an action, c logs a written or supported contribution, k parks a topic.

      --role participant is `roundtable watch`: the queue large and read-only; with --as NAME \
      that person can raise and lower their own hand and send signals, and nothing else.

      Under the balanced policy, the Now speaking panel shows "» Facilitator: … is next" once a \
      turn has run --wrap-up seconds (times the speaker's time adjustment) while the next voice \
      is from a group below its target share of airtime and the speaker's is not. Nobody is cut \
      off: ending the turn stays the facilitator's call.

      Examples:
        roundtable run forum.roundtable
        roundtable run forum.roundtable --role notes
        roundtable run forum.roundtable --role participant --as "Amira Haddad"
        NO_COLOR=1 roundtable run forum.roundtable     # no colour, for monochrome projectors
        roundtable run forum.roundtable --wrap-up 60   # wrap-up cue after 60 s
        roundtable run forum.roundtable --wrap-up 0    # never show the cue on the screen
      """
  )

  enum ScreenRole: String, ExpressibleByArgument, CaseIterable {
    case facilitator, notes, participant
  }

  @OptionGroup var file: FileArgument
  @Option(help: "facilitator, notes (the note-taker) or participant (as `watch`).")
  var role: ScreenRole = .facilitator
  @Option(name: .customLong("as"), help: "With --role participant: the person this terminal speaks for.")
  var person: String?
  @OptionGroup var screen: ScreenOptions

  func validate() throws {
    if person != nil && role != .participant {
      throw ValidationError("--as goes with --role participant (or `roundtable watch FILE --as NAME`).")
    }
  }

  func run() throws {
    try reporting {
      switch role {
      case .facilitator: try openScreen(file: file.file, options: screen)
      case .notes: try openNoteTakerScreen(file: file.file)
      case .participant: try openParticipantScreen(file: file.file, as: person)
      }
    }
  }
}

struct WatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "watch",
    abstract: "Watch the meeting on your own terminal; with --as NAME, raise your hand and send signals.",
    discussion: """
      The same screen as `run --role participant`: now speaking and up next in large type, the \
      current item and its time left, and signals. With --as NAME it shows your place and why \
      ("Your place: 3rd — first time speaking"); h raises your hand, l lowers it, s sends a \
      signal (anonymous unless you sign it), j asks for plain language at once. It cannot do \
      anything else, whatever keys arrive, so it is safe to give to a participant over SSH \
      (docs/guide-participant.md). Works from 40×12.

      --plain (or the ACCESSIBLE environment variable set and not empty) prints plain lines \
      instead, one per change ("Now speaking: Sam. Next: Alex, then Priya."), with no cursor \
      movement and no redraws: for screen readers, braille displays and phone SSH apps \
      (docs/accessibility.md). It starts with where the meeting is. With --as NAME, type a \
      word and Enter: hand (or hand response, hand clarify, hand process), lower, signal plain \
      (break, slower, louder, word; add named to show your name), where, help, quit. End of \
      input from a terminal (Ctrl-D) stops; from a pipe it keeps watching. Ctrl-C stops.

      Examples:
        roundtable watch forum.roundtable
        roundtable watch forum.roundtable --as "Amira Haddad"
        roundtable watch forum.roundtable --plain
        roundtable watch forum.roundtable --plain --as amira
      """
  )

  @OptionGroup var file: FileArgument
  @Option(name: .customLong("as"), help: "The person this terminal speaks for (part of a name is enough).")
  var person: String?
  @Flag(
    help:
      "Plain lines, one per change, for screen readers and braille displays (also with ACCESSIBLE set)."
  ) var plain = false

  func run() throws {
    try reporting {
      if plain || accessibleRequested {
        try watchPlainly(file: file.file, as: person)
      } else {
        try openParticipantScreen(file: file.file, as: person)
      }
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
        + "while a voice from a group below its target waits; 0: never; up to 3600.", valueName: "SECONDS"))
  var wrapUp = MeetingState.defaultWrapUpSeconds

  /// Seconds: 0 (no cue) up to an hour.
  static let wrapUpRange = 0...3600

  func validate() throws {
    try checkRange(wrapUp, Self.wrapUpRange, "--wrap-up", note: "0: no wrap-up cue")
  }
}

/// Opens the facilitator screen on `file` in this terminal until the facilitator quits.
func openScreen(file: String, options: ScreenOptions) throws {
  try openScreen(
    FacilitatorScreen.self, file: file, ui: { _ in FacilitatorUI(wrapUpSeconds: options.wrapUp) })
}

/// Opens the note-taker's screen on `file`.
func openNoteTakerScreen(file: String) throws {
  try openScreen(NoteTakerScreen.self, file: file, ui: { _ in NoteTakerUI() })
}

/// Opens a participant's screen on `file`: watching only, or speaking for the person called
/// `name` (their own hand and signals). A watcher needs only read access to the file.
func openParticipantScreen(file: String, as name: String?) throws {
  var who: String?
  // A watcher who may not write to the file still watches; they are just not listed.
  let writable = name != nil || access(file, W_OK) == 0
  try openScreen(
    ParticipantScreen.self, file: file, access: writable ? .readWrite : .readOnly,
    ui: { state in
      guard let name else { return ParticipantUI() }
      let me = try state.participantID(named: name)
      who = state.name(of: me)
      return ParticipantUI(me: me)
    }, name: { who })
}

/// Opens screen `S` on `file` in this terminal until its user quits; the terminal is restored
/// however it ends.
func openScreen<S: Screen>(
  _ screen: S.Type, file: String, access: MeetingStore.Access = .readWrite,
  ui makeUI: (MeetingState) throws -> S.UI, name: () -> String? = { nil }
) throws {
  // The file first: a file that cannot be used is the thing to fix, terminal or not.
  let store = try MeetingStore.open(at: file, access: access)
  let state = try replaying(store)
  guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
    try store.close()
    throw Refusal(
      .invalidInput, "The full screen needs a terminal; use `roundtable queue \(file)` in scripts.")
  }
  let ui = try makeUI(state)
  let terminal = try CursesTerminal()
  defer { terminal.restore() }
  let clock = { Instant.now }
  let connection = StoreConnection(
    store: store, metadata: EventMetadata(author: name(), terminal: screenTerminalName(role: S.role)),
    presenceRole: access == .readWrite ? S.role : nil, clock: clock)
  let session = ScreenSession<S>(
    connection: connection, state: state, ui: ui, backend: terminal, clock: clock,
    clockOffsetSeconds: Instant.now.localOffsetSeconds
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
