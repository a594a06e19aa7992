import ArgumentParser
import Foundation
import MeetingModel
import MeetingStore

/// What a follow-up is about, as typed: an action's number (`2` or `#2`, as `roundtable
/// actions` shows it) or a carried item (`c1`).
func followUpTarget(_ typed: String) throws -> FollowUpTarget {
  let text = typed.trimmingCharacters(in: .whitespaces).lowercased()
  if text.hasPrefix("c"), let number = Int(text.dropFirst()), number > 0 { return .carried(number) }
  if let number = Int(text.hasPrefix("#") ? String(text.dropFirst()) : text), number > 0 {
    return .action(ActionItemID(number))
  }
  throw ValidationError(
    "'\(typed)' is not an action: give its number such as 2, or a carried item such as c1 "
      + "(as `roundtable actions` shows them).")
}

struct FollowUpCommand: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "follow-up",
    abstract: "Record what became of an action: done, in progress or dropped, with a note.",
    discussion: """
      ACTION is the action's number as `roundtable actions` shows it, or an item carried over \
      from the previous meeting (c1, c2, …). The latest follow-up stands; it can be recorded \
      after the meeting has closed.

      Examples:
        roundtable follow-up october.roundtable 2 --status done --note "Letters sent on 3 November"
        roundtable follow-up november.roundtable c1 --status in-progress --note "Quote expected Friday"
      """
  )

  @OptionGroup var file: FileArgument
  @Argument(help: "The action's number (as `actions` shows it), or a carried item such as c1.") var action:
    String
  @Option(help: "done, in-progress or dropped.") var status: FollowUpStatus
  @Option(help: "What happened, in a few words.") var note: String?
  @OptionGroup var time: TimeOption

  func modelCommand(in state: MeetingState) throws -> Command {
    .followUp(try followUpTarget(action), status: status, note: note)
  }

  func run() throws {
    try reporting {
      try record(inFile: file.file).close()
    }
  }
}

extension FollowUpStatus: ExpressibleByArgument {}

struct ActionsCommand: ReportingVerb {
  static let configuration = CommandConfiguration(
    commandName: "actions",
    abstract: "List the action items of one or more meetings: who, what, by when, and what became of them.",
    discussion: """
      An action is overdue when its due date is before today (from the clock, or --at) and it \
      is not done or dropped. Items carried over from the previous meeting are listed after the \
      meeting's own actions, as c1, c2, …, for `roundtable follow-up`.

      Examples:
        roundtable actions forum.roundtable
        roundtable actions october.roundtable november.roundtable --json
      """
  )

  @OptionGroup var file: FileArgument
  @Argument(help: "More meeting files.") var moreFiles: [String] = []
  @Option(help: "Today, for what is overdue, as an ISO-8601 time (2026-12-03T09:00:00Z). Default: now.")
  var at: String?
  @Flag(help: "Print JSON.") var json = false

  /// The moment "today" is taken from: `--at`, or `now`.
  func moment(now: Instant) throws -> Instant {
    guard let at else { return now }
    return try parseTime(at, option: "--at")
  }

  func report(state: MeetingState, now: Instant) throws -> [String] {
    ActionList(state: state, today: ActionList.today(at: try moment(now: now))).lines
  }

  func run() throws {
    try reporting {
      let today = ActionList.today(at: try moment(now: Instant.now))
      let files = [file.file] + moreFiles
      var meetings: [ActionList.JSONMeeting] = []
      for (offset, path) in files.enumerated() {
        let session = try MeetingSession(file: path, access: .readOnly)
        let list = ActionList(state: session.state, today: today)
        try session.close()
        if json {
          meetings.append(list.json(file: path))
          continue
        }
        if files.count > 1 {
          if offset > 0 { say("") }
          say("\(session.state.meetingLabel) (\(path))")
        }
        say(lines: list.lines)
      }
      if json { try printJSON(meetings) }
    }
  }
}

/// A meeting's action items and carried items, with what became of each, as `actions` shows
/// them.
struct ActionList {
  let state: MeetingState
  /// Today's date as `2026-12-03`, on the local clock.
  let today: String

  /// The local calendar date of `instant`, as `2026-12-03`.
  static func today(at instant: Instant) -> String {
    String(instant.adding(seconds: Int64(instant.localOffsetSeconds)).iso8601.prefix(10))
  }

  /// Whether a due date as written (`2026-12-01`) is before today and the action still open.
  func isOverdue(due: String?, followUp: FollowUp?) -> Bool {
    guard let due = due?.trimmingCharacters(in: .whitespaces), Self.isCalendarDate(due) else { return false }
    if followUp?.status.isClosed == true { return false }
    return due < today
  }

  static func isCalendarDate(_ text: String) -> Bool { CalendarDate.isValid(text) }

  /// "open", "overdue", "in progress, overdue", "done: letters sent".
  func stateText(due: String?, followUp: FollowUp?) -> String {
    var text = followUp?.status.label ?? "open"
    if isOverdue(due: due, followUp: followUp) { text = followUp == nil ? "overdue" : text + ", overdue" }
    if let note = followUp?.note { text += ": \(note)" }
    return text
  }

  var liveActions: [ActionItem] { state.actions.filter { !$0.isWithdrawn } }

  var lines: [String] {
    var lines: [String] = []
    if liveActions.isEmpty {
      lines.append("No action items.")
    } else {
      let rows = liveActions.map { action in
        [
          "\(action.id.rawValue).", action.owner, action.text, action.due ?? "",
          action.decision.map { "decision \($0.rawValue)" } ?? "",
          stateText(due: action.due, followUp: action.followUp),
        ]
      }
      lines += Table(headers: ["#", "Who", "What", "Due", "From", "State"], rows: rows).lines
    }
    guard let from = state.carriedOver.first?.fromMeeting else { return lines }
    lines.append("")
    lines.append("Carried from the previous meeting, \(from):")
    let rows = state.carriedOver.map { item in
      [
        "\(item.reference).", item.owner ?? "", item.kind == .decision ? "decision: \(item.text)" : item.text,
        item.due ?? "",
        item.kind == .decision && item.followUp == nil
          ? "" : stateText(due: item.due, followUp: item.followUp),
      ]
    }
    lines += Table(headers: ["#", "Who", "What", "Due", "State"], rows: rows).lines
    return lines
  }

  struct JSONFollowUp: Encodable {
    var status: FollowUpStatus
    var note: String?
    var at: String
  }

  struct JSONAction: Encodable {
    var number: Int
    var owner: String
    var text: String
    var due: String?
    var decision: Int?
    var overdue: Bool
    var followUp: JSONFollowUp?
  }

  struct JSONCarried: Encodable {
    var reference: String
    var kind: CarriedItem.Kind
    var owner: String?
    var text: String
    var due: String?
    var fromMeeting: String
    var overdue: Bool
    var followUp: JSONFollowUp?
  }

  struct JSONMeeting: Encodable {
    var file: String
    var meeting: String
    var title: String
    var date: String?
    var actions: [JSONAction]
    var carried: [JSONCarried]
  }

  static func json(_ followUp: FollowUp?) -> JSONFollowUp? {
    followUp.map { JSONFollowUp(status: $0.status, note: $0.note, at: $0.at.iso8601) }
  }

  func json(file: String) -> JSONMeeting {
    JSONMeeting(
      file: file, meeting: state.meetingLabel, title: state.info?.title ?? "", date: state.info?.date,
      actions: liveActions.map { action in
        JSONAction(
          number: action.id.rawValue, owner: action.owner, text: action.text, due: action.due,
          decision: action.decision?.rawValue, overdue: isOverdue(due: action.due, followUp: action.followUp),
          followUp: Self.json(action.followUp))
      },
      carried: state.carriedOver.map { item in
        JSONCarried(
          reference: item.reference, kind: item.kind, owner: item.owner, text: item.text, due: item.due,
          fromMeeting: item.fromMeeting, overdue: isOverdue(due: item.due, followUp: item.followUp),
          followUp: Self.json(item.followUp))
      })
  }
}
