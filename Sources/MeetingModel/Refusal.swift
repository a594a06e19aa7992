/// Why a command was not carried out. Nothing changed; the message says what to do instead.
public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
  /// A stable code for programs (exit codes, tests); people read `message`.
  public enum Code: String, Sendable, CaseIterable {
    case noMeeting = "no-meeting"
    case meetingExists = "meeting-exists"
    case meetingClosed = "meeting-closed"
    case meetingAlreadyOpen = "meeting-already-open"
    case timeGoesBack = "time-goes-back"
    case invalidInput = "invalid-input"
    case unknownParticipant = "unknown-participant"
    case ambiguousName = "ambiguous-name"
    case nameTaken = "name-taken"
    case notPresent = "not-present"
    case observer
    case handAlreadyRaised = "hand-already-raised"
    case handNotRaised = "hand-not-raised"
    case hasTheFloor = "has-the-floor"
    case noCurrentSpeaker = "no-current-speaker"
    case queueEmpty = "queue-empty"
    case unknownItem = "unknown-item"
    case itemClosed = "item-closed"
    case noCurrentItem = "no-current-item"
    case noItemsLeft = "no-items-left"
    case roundInProgress = "round-in-progress"
    case noRound = "no-round"
    case unknownSignal = "unknown-signal"
    case signalAcknowledged = "signal-acknowledged"
    case unknownDecision = "unknown-decision"
    case decisionWithdrawn = "decision-withdrawn"
    case decisionOnClosedItem = "decision-on-closed-item"
    case nothingToUndo = "nothing-to-undo"
    case cannotUndo = "cannot-undo"
    case unchanged
    case unknownAction = "unknown-action"
    case actionWithdrawn = "action-withdrawn"
  }

  public var code: Code
  public var message: String

  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }
}
