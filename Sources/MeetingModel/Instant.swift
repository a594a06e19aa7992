/// A moment on the meeting's clock: whole milliseconds since 1970-01-01T00:00:00Z.
///
/// The model never reads a clock. Every command and event carries the instant the caller gives
/// it, so replaying the same events always produces the same state. Whole milliseconds keep
/// arithmetic exact and the stored form compact.
public struct Instant: Hashable, Comparable, Sendable {
  public var millisecondsSince1970: Int64

  public init(millisecondsSince1970: Int64) {
    self.millisecondsSince1970 = millisecondsSince1970
  }

  public init(secondsSince1970: Int64) {
    self.millisecondsSince1970 = secondsSince1970 * 1000
  }

  public static func < (lhs: Instant, rhs: Instant) -> Bool {
    lhs.millisecondsSince1970 < rhs.millisecondsSince1970
  }

  /// This instant moved forward by `milliseconds` (backward when negative).
  public func adding(milliseconds: Int64) -> Instant {
    Instant(millisecondsSince1970: millisecondsSince1970 + milliseconds)
  }

  /// This instant moved forward by whole seconds.
  public func adding(seconds: Int64) -> Instant {
    adding(milliseconds: seconds * 1000)
  }

  /// Milliseconds from `earlier` to this instant (negative when `earlier` is later).
  public func milliseconds(since earlier: Instant) -> Int64 {
    millisecondsSince1970 - earlier.millisecondsSince1970
  }
}

extension Instant: Codable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let instant = Instant(iso8601: text) else {
      throw DecodingError.dataCorruptedError(
        in: container,
        debugDescription:
          "'\(text)' is not an ISO-8601 time in the years 1970 to 9999, such as 2026-11-21T10:00:00Z")
    }
    self = instant
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(iso8601)
  }
}

extension Instant: CustomStringConvertible {
  public var description: String { iso8601 }
}
