import MeetingModel

/// What the facilitator screen remembers between key presses, apart from the meeting itself:
/// which panel has focus, what is selected, and whether a prompt or overlay is open.
public struct FacilitatorUI: ScreenState {
  /// The panels `Tab` moves between.
  public enum Panel: String, CaseIterable, Sendable {
    case queue
    case agenda
    case balance
    case decisions
  }

  /// A prompt or overlay on top of the screen; `Esc` closes it.
  public enum Mode: Equatable, Sendable {
    case normal
    /// The `?` overlay listing every key.
    case help
    /// The `:` command line, with what has been typed.
    case commandLine(TextField)
    /// Choosing whose hand to raise: part of a name, the kind, and which match is selected.
    case raiseHand(typed: TextField, kind: EntryKind, choice: Int)
    /// Moving a waiting hand: first the place, then the reason.
    case moveEntry(participant: ParticipantID, position: String, reason: String, askingReason: Bool)
    /// Quitting would lose typed input: asks first.
    case confirmQuit(previous: PendingInput)
    /// Showing a signal's private note on a screen that may be projected: asks first.
    case confirmShowNote
  }

  /// Typed input kept while the quit question is asked.
  public indirect enum PendingInput: Equatable, Sendable {
    case mode(Mode)
  }

  /// A line at the bottom: what just happened, or why a command was refused.
  public typealias Message = ScreenMessage

  public var focus: Panel = .queue
  /// The person chosen in Up next with ↑/↓, whom `l`, `g` and `m` act on. A person, not a row:
  /// the choice follows them when the order changes and is cleared when their hand goes down.
  public var selectedParticipant: ParticipantID?
  public var agendaSelection = 0
  public var decisionSelection = 0
  public var mode: Mode = .normal
  public var message: Message?
  /// Text shown by an overlay (the output of a read-only verb from the command line).
  public var overlay: [String]?
  /// After how many seconds of a turn (times the speaker's time adjustment) the Now speaking
  /// panel may cue the facilitator to ask for a wrap-up, when the next voice is from a group
  /// below its target and the speaker's is not; 0 turns the cue off.
  public var wrapUpSeconds: Int

  public init(wrapUpSeconds: Int = MeetingState.defaultWrapUpSeconds) {
    self.wrapUpSeconds = wrapUpSeconds
  }

  /// Whether a prompt holds text that quitting would lose.
  var hasTypedInput: Bool {
    switch mode {
    case .commandLine(let field): !field.isEmpty
    case .raiseHand(let typed, _, _): !typed.isEmpty
    case .moveEntry(_, let position, let reason, _): !position.isEmpty || !reason.isEmpty
    default: false
    }
  }
}
