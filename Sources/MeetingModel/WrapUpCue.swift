/// A cue for the facilitator to ask the current speaker to wrap up, because the person the queue
/// would give the floor to next belongs to a group below its target share of airtime while the
/// speaker's own group is not below its target.
///
/// The queue cannot cut anyone short: a voice that is waiting still waits for the current turn
/// to end. For a group that asks to speak less often (the usual situation of the group a
/// meeting is trying to hear more from), those waits are airtime lost for good, since someone
/// with a hand up does not ask again meanwhile. The cue tells the facilitator when ending the
/// turn would bring the balance closer to the targets. It is derived, never stored: the same
/// events and the same moment give the same cue. Whether to act on it stays the facilitator's
/// call.
public struct WrapUpCue: Equatable, Sendable {
  /// Who has the floor.
  public var speaker: ParticipantID
  /// The speaker's balance group, its share of airtime counting the turn so far, and its target.
  public var speakerGroup: String
  public var speakerGroupShare: Double
  public var speakerGroupTarget: Double
  /// Who the queue would give the floor to next.
  public var next: ParticipantID
  public var nextName: String
  /// The waiting person's group, below its target share.
  public var waitingGroup: String
  public var waitingGroupShare: Double
  public var waitingGroupTarget: Double

  public init(
    speaker: ParticipantID, speakerGroup: String, speakerGroupShare: Double, speakerGroupTarget: Double,
    next: ParticipantID, nextName: String, waitingGroup: String, waitingGroupShare: Double,
    waitingGroupTarget: Double
  ) {
    self.speaker = speaker
    self.speakerGroup = speakerGroup
    self.speakerGroupShare = speakerGroupShare
    self.speakerGroupTarget = speakerGroupTarget
    self.next = next
    self.nextName = nextName
    self.waitingGroup = waitingGroup
    self.waitingGroupShare = waitingGroupShare
    self.waitingGroupTarget = waitingGroupTarget
  }

  /// One line for the facilitator (never for the speaker): "Facilitator: Aisha is next —
  /// lived-experience voices at 44% of airtime, target 50%".
  public var message: String {
    "Facilitator: \(nextName) is next — \(waitingGroup) voices at \(percent(waitingGroupShare)) of airtime, "
      + "target \(percent(waitingGroupTarget))"
  }
}

extension MeetingState {
  /// How long, by default, a speaker has the floor before a wrap-up cue may appear (multiplied
  /// by the speaker's time adjustment).
  public static let defaultWrapUpSeconds = 30

  /// The wrap-up cue at `time`, if there is one: the `balanced` policy is in force; the current
  /// turn (not a go-round turn) has lasted at least `afterSeconds` times the speaker's time
  /// adjustment; counting the turn so far, the speaker's balance group is not below its target
  /// while the person first in the queue after this turn belongs to a group at least one whole
  /// point below its own. `afterSeconds` 0 or less turns the cue off.
  public func wrapUpCue(at time: Instant, afterSeconds: Int = defaultWrapUpSeconds) -> WrapUpCue? {
    guard afterSeconds > 0, policy.ordering == .balanced, let turn = currentTurn, turn.source != .round,
      let speaker = participant(turn.participant)
    else { return nil }
    let adjustment = max(speaker.timeAdjustment, 0.01)
    guard Double(turn.milliseconds(at: time)) >= Double(afterSeconds) * 1000 * adjustment else { return nil }
    let ordering = QueueOrdering(state: self, pendingTurnEnd: (turn, time))
    guard let head = ordering.ordered().first,
      let waiting = ordering.neediestGroup(head.participant), waiting.shortfall > 0,
      let speaking = ordering.neediestGroup(turn.participant), speaking.shortfall == 0,
      speaking.tag != waiting.tag
    else { return nil }
    return WrapUpCue(
      speaker: turn.participant, speakerGroup: speaking.tag, speakerGroupShare: speaking.share,
      speakerGroupTarget: speaking.target, next: head.participant, nextName: name(of: head.participant),
      waitingGroup: waiting.tag, waitingGroupShare: waiting.share, waitingGroupTarget: waiting.target)
  }
}
