import Foundation

/// A small, dense, typed number naming one thing in a meeting (a participant, an agenda item,
/// a decision…). The model assigns them in order (1, 2, 3…) when the thing is created, so the
/// same events always give the same ids, and state can keep things in arrays indexed by id.
public struct Identifier<Kind>: RawRepresentable, Hashable, Comparable, Sendable, Codable {
  public var rawValue: Int

  public init(rawValue: Int) { self.rawValue = rawValue }
  public init(_ rawValue: Int) { self.rawValue = rawValue }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(Int.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  /// Index into a state array that holds things in id order (ids start at 1).
  /// (Wrapping, so that no stored number traps here: `Int.min` gives an index no array has.)
  var index: Int { rawValue &- 1 }
}

extension Identifier: CustomStringConvertible {
  public var description: String { "#\(rawValue)" }
}

public enum ParticipantKind {}
public enum AgendaItemKind {}
public enum DecisionKind {}
public enum ActionItemKind {}
public enum SignalKind {}
public enum ContributionKind {}

public typealias ParticipantID = Identifier<ParticipantKind>
public typealias AgendaItemID = Identifier<AgendaItemKind>
public typealias DecisionID = Identifier<DecisionKind>
public typealias ActionItemID = Identifier<ActionItemKind>
public typealias SignalID = Identifier<SignalKind>
public typealias ContributionID = Identifier<ContributionKind>

/// The globally unique id of one stored event (EventStoreDB style), given by the caller when the
/// event is recorded: the store draws random ones, tests and simulations use `SequentialEventIDs`.
public typealias EventID = UUID

/// Where recorded events get their ids. The model never draws random numbers itself.
public protocol EventIDSource {
  mutating func nextEventID() -> EventID
}

/// Deterministic event ids (`00000000-0000-0000-0000-000000000001`, …) for tests and
/// simulations, so that runs can be compared byte for byte.
public struct SequentialEventIDs: EventIDSource, Sendable {
  public private(set) var counter: UInt64

  public init(startingAfter counter: UInt64 = 0) { self.counter = counter }

  public mutating func nextEventID() -> EventID {
    counter += 1
    var bytes = [UInt8](repeating: 0, count: 16)
    var value = counter
    for index in stride(from: 15, through: 8, by: -1) {
      bytes[index] = UInt8(truncatingIfNeeded: value)
      value >>= 8
    }
    return UUID(
      uuid: (
        bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
        bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
      ))
  }
}
