/// Why an event cannot stand where it is in a log: a log the model's commands could never have
/// written (edited by hand, damaged, or made by another program). Reported with the event's
/// place in the log: "event 12 raises a hand for participant 99, who never joined".
public struct EventProblem: Error, Equatable, Sendable, CustomStringConvertible {
  /// The event's sequence number (its place in the log, from 1).
  public var sequence: Int64
  /// What is wrong, as a phrase that follows "event N": "raises a hand for participant 99, who
  /// never joined".
  public var reason: String

  public init(sequence: Int64, reason: String) {
    self.sequence = sequence
    self.reason = reason
  }

  public var description: String { "event \(sequence) \(reason)" }
}

extension Instant {
  /// The earliest time a meeting's log may hold: 1970-01-01T00:00:00Z.
  public static let earliestRecordable = Instant(millisecondsSince1970: 0)
  /// The latest time a meeting's log may hold: 9999-12-31T23:59:59.999Z, the last instant
  /// ISO-8601's four-digit years can write.
  public static let latestRecordable = Instant(millisecondsSince1970: 253_402_300_799_999)

  /// Whether the instant lies in the years 1970 to 9999, the range every stored and imported
  /// time is held to: every sum and difference of such times fits an `Int64` with room to spare.
  public var isRecordable: Bool {
    millisecondsSince1970 >= Self.earliestRecordable.millisecondsSince1970
      && millisecondsSince1970 <= Self.latestRecordable.millisecondsSince1970
  }
}

extension EventType {
  /// Whether an event of this type may carry an earlier time than the event before it: the
  /// events of the commands a note-taker may back-fill (`Command.mayBeBackfilled`).
  public var mayBeBackfilled: Bool {
    switch self {
    case .decisionRecorded, .stanceRecorded, .decisionAmended, .decisionWithdrawn, .actionItemAdded,
      .contributionRecorded, .agendaItemAdded, .actionFollowedUp, .meetingCarriedOver:
      true
    default: false
    }
  }

  /// Whether an event of this type may follow `meeting.closed` (before the meeting reopens):
  /// the events of the commands allowed after a close (`Command.isAllowedAfterClose`) and of the
  /// undos that may follow one.
  public var isAllowedAfterClose: Bool {
    switch self {
    case .meetingOpened, .decisionRecorded, .actionItemAdded, .stanceRecorded, .decisionAmended,
      .decisionWithdrawn, .actionItemWithdrawn, .signalAcknowledged, .signalReopened, .actionFollowedUp,
      .correctionUndone:
      true
    default: false
    }
  }
}
