import MeetingModel

/// Tables for spreadsheets: RFC 4180 (comma-separated, CRLF line ends, fields quoted when they
/// hold a comma, quote or line break, quotes doubled), UTF-8 with a byte-order mark so that
/// spreadsheet programs read accents right. A cell that a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`.
public enum CSVTables {
  public enum Table: String, CaseIterable, Sendable {
    case turns, decisions, actions
  }

  public static func render(_ table: Table, state: MeetingState, options: MinutesOptions) -> String {
    let masker = NameMasker(state: state, active: options.anonymize)
    let rows: [[String]]
    switch table {
    case .turns: rows = turns(state, masker: masker, options: options)
    case .decisions: rows = decisions(state, masker: masker)
    case .actions: rows = actions(state, masker: masker)
    }
    return "\u{FEFF}" + rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
  }

  /// One cell, neutralised and quoted as needed.
  public static func field(_ value: String) -> String {
    // Controls, bidirectional and invisible characters as visible marks (TerminalText); line
    // breaks (CR, LF) stay, inside a quoted cell, as spreadsheets expect.
    var text = value.unicodeScalars.split(separator: "\r", omittingEmptySubsequences: false).map {
      TerminalText.visible(String(String.UnicodeScalarView($0)), keepingLineBreaks: true)
    }.joined(separator: "\r")
    if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(Character(first)) {
      text = "'" + text
    }
    // By scalar: "\r\n" is one Character, equal neither to "\r" nor to "\n".
    if text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
      return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return text
  }

  static func seconds(_ milliseconds: Int64) -> String {
    let tenths = (milliseconds + 50) / 100
    return "\(tenths / 10).\(tenths % 10)"
  }

  static func turns(_ state: MeetingState, masker: NameMasker, options: MinutesOptions) -> [[String]] {
    let end = state.status == .closed ? (state.lastEventTime ?? options.now) : options.now
    let header = ["person", "group", "item", "start", "end", "seconds", "kind", "adjusted seconds"]
    let all = state.turns + [state.currentTurn].compactMap { $0 }
    return [header]
      + all.map { turn in
        let milliseconds = turn.milliseconds(at: turn.end ?? end)
        let adjustment = state.participant(turn.participant)?.timeAdjustment ?? 1
        let kind = turn.source == .round ? "go-round" : turn.kind.label
        return [
          masker.name(turn.participant), masker.group(turn.participant),
          turn.item.flatMap { state.item($0)?.title }.map(masker.mask) ?? "",
          turn.start.iso8601, turn.end?.iso8601 ?? "",
          seconds(milliseconds), kind,
          seconds(Int64((Double(milliseconds) / max(adjustment, 0.01)).rounded())),
        ]
      }
  }

  static func decisions(_ state: MeetingState, masker: NameMasker) -> [[String]] {
    let header = [
      "decision", "item", "text", "method", "outcome", "rung", "for", "against", "abstaining", "stances",
      "dissent",
      "amendments", "withdrawn",
    ]
    return [header]
      + state.decisions.map { decision in
        let tally = decision.votes ?? (decision.method == .vote ? decision.tally : nil)
        return [
          "\(decision.id.rawValue)", decision.item.flatMap { state.item($0)?.title }.map(masker.mask) ?? "",
          masker.mask(decision.text), decision.method.rawValue, decision.outcome.rawValue,
          decision.rung?.rawValue ?? "", tally.map { "\($0.inFavour)" } ?? "",
          tally.map { "\($0.against)" } ?? "",
          tally.map { "\($0.abstentions)" } ?? "",
          decision.stances.map { Minutes.stanceWords($0, masker: masker) }.joined(separator: "; "),
          decision.dissent.map { Minutes.stanceWords($0, masker: masker) }.joined(separator: "; "),
          "\(decision.amendments)", decision.withdrawal.map(masker.mask) ?? "",
        ]
      }
  }

  static func actions(_ state: MeetingState, masker: NameMasker) -> [[String]] {
    let header = ["action", "decision", "owner", "text", "due", "withdrawn"]
    return [header]
      + state.actions.map { action in
        [
          "\(action.id.rawValue)", action.decision.map { "\($0.rawValue)" } ?? "",
          action.ownerParticipant.map(masker.name) ?? masker.mask(action.owner), masker.mask(action.text),
          action.due ?? "", action.isWithdrawn ? "yes" : "",
        ]
      }
  }
}
