import Foundation
import MeetingModel

/// Random event ids for events written to a meeting file: unique across processes and
/// machines, so that logs from several terminals can never collide.
public struct SystemEventIDs: EventIDSource, Sendable {
  public init() {}
  public mutating func nextEventID() -> EventID { UUID() }
}
