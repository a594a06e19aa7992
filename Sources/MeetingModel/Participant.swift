/// What a person does in the meeting. Observers follow but do not join the speaking queue.
public enum Role: String, Codable, CaseIterable, Sendable {
  case facilitator
  case coFacilitator = "co-facilitator"
  case noteTaker = "note-taker"
  case participant
  case observer
}

extension Role {
  /// Facilitator, co-facilitator, note-taker and observer: facilitation, which is not a voice
  /// in the balance unless the meeting's policy counts it (`QueuePolicy.countsFacilitation`).
  public var isFacilitation: Bool { self != .participant }
}

/// One span of time a person was in the meeting; `until` is nil while they are still here.
public struct PresenceSpan: Equatable, Sendable {
  public var from: Instant
  public var until: Instant?
}

/// A person at the table, as the event log has built them up.
public struct Participant: Equatable, Sendable {
  public var id: ParticipantID
  public var name: String
  /// Groups the person belongs to, such as `lived-experience`, `professional`, `young-person`.
  /// Group balance in the queue works on these tags.
  public var tags: [String]
  public var role: Role
  /// Speaking-time adjustment (a reasonable adjustment): airtime is divided by it when the
  /// queue compares airtime, so 1.5 means 90 seconds count as 60.
  public var timeAdjustment: Double
  /// Attendance over time, oldest first; the last span is open while the person is present.
  public var presence: [PresenceSpan]

  public var isPresent: Bool { presence.last.map { $0.until == nil } ?? false }

  /// Whether the person can take a place in the speaking queue.
  public var speaks: Bool { role != .observer }
}

extension MeetingState {
  /// Whether the person's voice counts in the balance: in group shares, the fairness figure,
  /// the least-heard list and the wrap-up cue. Everyone who can take the floor, except people
  /// in a facilitation role while the policy leaves facilitation out (the default). The one
  /// rule the queue, the voice statistics and the cue share.
  public func countsInBalance(_ person: Participant) -> Bool {
    person.speaks && (policy.countsFacilitation || !person.role.isFacilitation)
  }

  /// Whether the participant's voice counts in the balance; false for an unknown id.
  public func countsInBalance(_ id: ParticipantID) -> Bool {
    participant(id).map(countsInBalance) ?? false
  }
}
