import MeetingModel

/// Why a meeting file could not be opened, read or written. The message says what to do; the
/// file was not changed.
public struct StoreError: Error, Equatable, Sendable, CustomStringConvertible {
  public enum Kind: String, Sendable {
    case notFound = "not-found"
    case alreadyExists = "already-exists"
    /// A folder, named pipe, device or socket where a regular file was expected.
    case notAFile = "not-a-file"
    case notSQLite = "not-sqlite"
    case notAMeeting = "not-a-meeting"
    case corrupt
    case newerFormat = "newer-format"
    case readOnly = "read-only"
    case versionConflict = "version-conflict"
    case unreadableEvent = "unreadable-event"
    case invalidImport = "invalid-import"
    /// An event the model's commands could never have written there (see the validating fold).
    case invalidEvent = "invalid-event"
    case io
  }

  public var kind: Kind
  public var message: String

  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }

  static func notFound(_ path: String) -> StoreError {
    StoreError(
      .notFound, "There is no meeting file at \(path). Create one with `roundtable new \(path) --title …`.")
  }

  static func notSQLite(_ path: String) -> StoreError {
    StoreError(
      .notSQLite,
      "\(path) is not a Roundtable meeting file (it is not an SQLite database). It was not changed.")
  }

  static func notAMeeting(_ path: String) -> StoreError {
    StoreError(
      .notAMeeting, "\(path) is an SQLite database but not a Roundtable meeting file. It was not changed.")
  }

  /// The refusal of a file at an event the validating fold refused.
  public static func invalidEvent(_ path: String, _ problem: EventProblem) -> StoreError {
    StoreError(
      .invalidEvent,
      "\(path) cannot be used: \(problem). Roundtable never writes such an event, so the file was edited by "
        + "hand or by another program. It was not changed; restore it from a backup.")
  }

  static func corrupt(_ path: String, _ detail: String) -> StoreError {
    StoreError(
      .corrupt,
      "\(path) is damaged and cannot be read safely (\(detail)). It was not changed; restore it from a backup "
        + "or export what can be read.")
  }
}
