/// What became of an action ("you said, we did").
public enum FollowUpStatus: String, Codable, CaseIterable, Sendable {
  case done
  case inProgress = "in-progress"
  case dropped

  /// How the status reads in sentences and lists: "done", "in progress", "dropped".
  public var label: String {
    switch self {
    case .done: "done"
    case .inProgress: "in progress"
    case .dropped: "dropped"
    }
  }

  /// Done and dropped actions are closed: they are not overdue and are not carried over.
  public var isClosed: Bool { self != .inProgress }
}

/// The latest news of an action: its status, an optional note, and when it was recorded.
public struct FollowUp: Codable, Equatable, Sendable {
  public var status: FollowUpStatus
  public var note: String?
  public var at: Instant

  public init(status: FollowUpStatus, note: String? = nil, at: Instant) {
    self.status = status
    self.note = note
    self.at = at
  }
}

/// What a follow-up is about: one of the meeting's own action items, or an item carried over
/// from the previous meeting (`c2` is `.carried(2)`).
public enum FollowUpTarget: Equatable, Sendable, CustomStringConvertible {
  case action(ActionItemID)
  case carried(Int)

  /// As people type and read it: `1` for the meeting's first action, `c2` for the second
  /// carried item.
  public var description: String {
    switch self {
    case .action(let id): "\(id.rawValue)"
    case .carried(let number): "c\(number)"
    }
  }
}

/// An action or decision of the previous meeting, carried into this one to say what became of
/// it.
public struct CarriedItem: Codable, Equatable, Sendable {
  public enum Kind: String, Codable, Sendable, CaseIterable {
    case action
    case decision
  }

  /// 1-based in this meeting's carried list (`c1`, `c2`, …).
  public var number: Int
  public var kind: Kind
  public var text: String
  /// Who was to do it (actions).
  public var owner: String?
  /// When it was due, as written (actions).
  public var due: String?
  /// As it stood in the previous meeting (for actions), updated by follow-ups recorded in this
  /// meeting.
  public var followUp: FollowUp?
  /// The previous meeting's title and date, such as "Care leavers forum, 21 November 2026".
  public var fromMeeting: String

  public init(
    number: Int, kind: Kind, text: String, owner: String? = nil, due: String? = nil,
    followUp: FollowUp? = nil, fromMeeting: String
  ) {
    self.number = number
    self.kind = kind
    self.text = text
    self.owner = owner
    self.due = due
    self.followUp = followUp
    self.fromMeeting = fromMeeting
  }

  /// How the item is referred to: `c1`, `c2`, …
  public var reference: String { "c\(number)" }
}

extension MeetingState {
  /// The title of the agenda item a carry-over puts first.
  public static let carryOverItemTitle = "You said, we did"

  /// This meeting's title and date, for the next meeting's carried items: "Care leavers forum,
  /// 21 November 2026" (the date as written when it is not a calendar date, the day the meeting
  /// was created when it has none).
  public var meetingLabel: String {
    guard let info else { return "" }
    let date = info.date ?? String(info.createdAt.iso8601.prefix(10))
    return "\(info.title), \(Self.spelledDate(date))"
  }

  /// What the next meeting carries over from this one: every action not withdrawn and not done
  /// or dropped, then every decision not withdrawn (its text with its outcome), numbered from 1.
  public var itemsToCarry: [CarriedItem] {
    let from = meetingLabel
    var items: [CarriedItem] = []
    for action in actions where !action.isWithdrawn && !(action.followUp?.status.isClosed ?? false) {
      items.append(
        CarriedItem(
          number: items.count + 1, kind: .action, text: action.text, owner: action.owner, due: action.due,
          followUp: action.followUp, fromMeeting: from))
    }
    for decision in decisions where !decision.isWithdrawn {
      items.append(
        CarriedItem(
          number: items.count + 1, kind: .decision, text: "\(decision.text) (\(decision.outcome.label))",
          fromMeeting: from))
    }
    return items
  }

  /// `2026-11-21` as "21 November 2026"; anything else as written.
  static func spelledDate(_ text: String) -> String {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    let months = [
      "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November", "December",
    ]
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), (1...31).contains(day)
    else { return text }
    return "\(day) \(months[month - 1]) \(year)"
  }
}

extension DecisionOutcome {
  /// As it reads after a decision: "agreed", "not agreed", "deferred".
  public var label: String {
    switch self {
    case .agreed: "agreed"
    case .notAgreed: "not agreed"
    case .deferred: "deferred"
    }
  }
}
