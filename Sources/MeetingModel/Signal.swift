/// An anonymous or named signal to the facilitator, shown as a banner until acknowledged.
public enum SignalType: String, Codable, CaseIterable, Sendable {
  case jargon
  case `break`
  case slower
  case louder
  case other

  /// What the banner says.
  public var label: String {
    switch self {
    case .jargon: "jargon: plain language please"
    case .break: "a break is needed"
    case .slower: "slow down please"
    case .louder: "louder please"
    case .other: "signal"
    }
  }
}

public struct Signal: Equatable, Sendable {
  public var id: SignalID
  public var type: SignalType
  /// Nil when the signal was sent anonymously.
  public var from: ParticipantID?
  public var note: String?
  public var at: Instant
  public var isAcknowledged: Bool
  public var isWithdrawn: Bool

  /// Whether the signal still wants the facilitator's attention.
  public var isOpen: Bool { !isAcknowledged && !isWithdrawn }
}
