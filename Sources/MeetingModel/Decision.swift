/// How a decision was taken.
public enum DecisionMethod: String, Codable, CaseIterable, Sendable {
  case consensus
  case consent
  case vote
  case other
}

/// What came of it.
public enum DecisionOutcome: String, Codable, CaseIterable, Sendable {
  case agreed
  case notAgreed = "not-agreed"
  case deferred
}

/// How far up the participation ladder the decision was made.
public enum ParticipationRung: String, Codable, CaseIterable, Sendable, Comparable {
  case informing
  case consultation
  case engagement
  case coDesign = "co-design"
  case coProduction = "co-production"

  /// Place on the ladder, from informing (0) to co-production (4).
  public var step: Int {
    switch self {
    case .informing: 0
    case .consultation: 1
    case .engagement: 2
    case .coDesign: 3
    case .coProduction: 4
    }
  }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.step < rhs.step }
}

/// One person's position on a decision.
public enum StanceKind: String, Codable, CaseIterable, Sendable {
  case agree
  case concern
  case standAside = "stand-aside"
  case block
  case abstain

  /// Concerns, stand-asides and blocks are dissent and are always shown with the decision.
  public var isDissent: Bool { self == .concern || self == .standAside || self == .block }
}

public struct Stance: Codable, Equatable, Sendable {
  public var participant: ParticipantID
  public var stance: StanceKind
  public var reason: String?

  public init(participant: ParticipantID, stance: StanceKind, reason: String? = nil) {
    self.participant = participant
    self.stance = stance
    self.reason = reason
  }
}

/// Counted votes, for decisions taken by vote (a secret ballot has tallies without stances).
public struct VoteTally: Codable, Equatable, Sendable {
  public var inFavour: Int
  public var against: Int
  public var abstentions: Int

  /// The largest count accepted for each of for, against and abstaining.
  public static let maximumCount = 100_000

  public init(inFavour: Int, against: Int, abstentions: Int) {
    self.inFavour = inFavour
    self.against = against
    self.abstentions = abstentions
  }
}

/// A decision as the log has built it up, with what is derived from the meeting at the time.
public struct Decision: Equatable, Sendable {
  public var id: DecisionID
  public var item: AgendaItemID?
  public var text: String
  public var method: DecisionMethod
  public var outcome: DecisionOutcome
  public var rung: ParticipationRung?
  public var votes: VoteTally?
  /// Latest stance per person, in the order first recorded.
  public var stances: [Stance]
  public var actions: [ActionItemID]
  public var recordedAt: Instant
  /// Who was present when the decision was recorded (derived).
  public var present: [ParticipantID]
  /// Who had spoken on the decision's item by then (derived).
  public var speakers: [ParticipantID]
  public var amendments: Int
  /// Why it was withdrawn, once it is.
  public var withdrawal: String?

  public var isWithdrawn: Bool { withdrawal != nil }

  /// Stances that disagree in some way: concerns, stand-asides and blocks.
  public var dissent: [Stance] { stances.filter { $0.stance.isDissent } }

  /// The tally: as counted when given, else derived from stances (agree for, block against,
  /// abstain and stand-aside as abstentions; a concern is still in favour).
  public var tally: VoteTally {
    if let votes { return votes }
    var tally = VoteTally(inFavour: 0, against: 0, abstentions: 0)
    for stance in stances {
      switch stance.stance {
      case .agree, .concern: tally.inFavour += 1
      case .block: tally.against += 1
      case .abstain, .standAside: tally.abstentions += 1
      }
    }
    return tally
  }
}

/// Something someone will do after the meeting.
public struct ActionItem: Equatable, Sendable {
  public var id: ActionItemID
  public var decision: DecisionID?
  /// Who will do it: a participant, or anyone named (a team, someone absent).
  public var owner: String
  public var ownerParticipant: ParticipantID?
  public var text: String
  /// Due date as written (`2026-12-05`), when there is one.
  public var due: String?
  public var at: Instant
  public var isWithdrawn: Bool
  /// The latest follow-up recorded (nil: open, no news).
  public var followUp: FollowUp? = nil
}
