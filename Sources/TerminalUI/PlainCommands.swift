import MeetingModel

/// What a line typed into the plain live mode asks for.
public enum PlainReply: Equatable, Sendable {
  /// Record this command (then say `PlainCommands.confirmation(for:)`); it has passed
  /// `ParticipantScreen.permits`.
  case record(Command)
  /// Say these lines; nothing is recorded.
  case say([String])
  /// Stop watching.
  case quit
}

/// The few words a participant can type into `roundtable watch FILE --plain --as NAME`, one
/// per line: their own hand and signals, and help, where and quit. The same restriction as the
/// participant's screen: whatever is typed, only `ParticipantScreen.permits` commands are ever
/// recorded.
public enum PlainCommands {
  /// Kinds of hand, as typed after `hand`.
  static let handKinds: [String: EntryKind] = [
    "point": .point, "new": .point, "response": .response, "reply": .response, "clarify": .clarify,
    "question": .clarify, "process": .process, "order": .process,
  ]
  /// Signals, as typed after `signal`.
  static let signalKinds: [String: SignalType] = [
    "plain": .jargon, "jargon": .jargon, "break": .break, "slower": .slower, "slow": .slower,
    "louder": .louder, "loud": .louder, "word": .other, "other": .other,
  ]
  /// Words after a signal that sign it with the person's name.
  static let signing: Set<String> = ["named", "name", "signed"]

  /// What to type, for someone this terminal speaks for.
  public static let helpLines = [
    "You can type these words. Press Enter after each one.",
    "hand: raise your hand. Add response, clarify or process for those kinds of hand.",
    "lower: put your hand down.",
    "signal plain: ask for plain language. Also signal break, signal slower and signal louder.",
    "signal word, then a few words: ask the facilitator for a word. Only they see what you write.",
    "A signal does not show your name. To show it, add named, like this: signal break named.",
    "where: hear where the meeting is now. help: hear this list. quit: stop.",
  ]

  /// What to type, for someone who only watches.
  public static let watchingHelpLines = [
    "You are only watching. To raise your hand, start again with --as and your name.",
    "where: hear where the meeting is now. help: hear this list. quit: stop.",
  ]

  static let watchingOnly =
    "You are only watching. To raise your hand, start again with --as and your name."
  static let notYours =
    "Only the facilitator can do that. You can raise or lower your hand and send signals. Type help to hear how."

  /// The answer to one typed line.
  public static func respond(
    to line: String, me: ParticipantID?, state: MeetingState, announcer: PlainAnnouncer, now: Instant
  ) -> PlainReply {
    let typedWords = line.split(whereSeparator: \.isWhitespace)
    let words = typedWords.map { $0.lowercased() }
    guard let verb = words.first else { return .say([]) }
    let rest = Array(words.dropFirst())
    let command: Command
    switch verb {
    case "help", "?": return .say(me == nil ? watchingHelpLines : helpLines)
    case "quit", "exit", "q": return .quit
    case "where", "status": return .say(announcer.summary(of: state, at: now))
    case "hand", "raise":
      guard let me else { return .say([watchingOnly]) }
      let kind = rest.isEmpty ? .point : handKinds[rest[0]]
      guard rest.count <= 1, let kind else {
        return .say(["Type hand alone, or hand response, hand clarify or hand process."])
      }
      if state.entry(for: me) != nil { return .say(["Your hand is already up. Type lower to put it down."]) }
      command = .raiseHand(me, kind: kind)
    case "lower", "down":
      guard let me else { return .say([watchingOnly]) }
      // "lower Sam" must not lower your own hand: someone else's is the facilitator's to lower.
      guard rest.isEmpty else { return .say(["Type lower alone to put your own hand down."]) }
      guard state.entry(for: me) != nil else { return .say(["Your hand is not up."]) }
      command = .lowerHand(me)
    case "signal":
      guard me != nil else { return .say([watchingOnly]) }
      // "signal word …": the rest, as typed, is the private note the facilitator reads.
      if let typed = rest.first, signalKinds[typed] == .other {
        let note = typedWords.dropFirst(2).joined(separator: " ")
        guard !note.isEmpty else {
          return .say(["Add a few words for the facilitator, like this: signal word I need to leave early."])
        }
        command = .sendSignal(.other, note: note)
        break
      }
      guard let typed = rest.first, let type = signalKinds[typed],
        rest.count == 1 || (rest.count == 2 && signing.contains(rest[1]))
      else {
        return .say([
          "Say which signal: signal plain, signal break, signal slower, signal louder or signal word."
        ])
      }
      command = .sendSignal(type, from: rest.count == 2 ? me : nil)
    // What a facilitator would type: built as the command it is, so that the one check every
    // participant terminal shares is what refuses it.
    case "next": command = .nextSpeaker
    case "done", "end": command = .endTurn
    default: return .say(["I do not know the word \(verb). Type help to hear what you can type."])
    }
    guard ParticipantScreen.permits(command, ui: ParticipantUI(me: me), state: state) else {
      return .say([notYours])
    }
    return .record(command)
  }

  /// What is said once a typed command has been recorded.
  public static func confirmation(for command: Command) -> String {
    switch command {
    case .raiseHand(_, let kind): kind == .point ? "Your hand is up." : "Your hand is up for a \(kind.label)."
    case .lowerHand: "Your hand is down."
    case .sendSignal(_, let from, _):
      from == nil ? "Your signal is sent. It does not show your name." : "Your signal is sent with your name."
    default: "Done."
    }
  }
}
