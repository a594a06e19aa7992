import MeetingModel

/// The minutes as Markdown: headings, lists and tables that read well as plain text too.
public enum MarkdownMinutes {
  public static func render(_ minutes: Minutes) -> String {
    var out: [String] = []
    func line(_ text: String = "") { out.append(text) }
    func bullets(_ items: [String]) { for item in items { line("- " + escape(item)) } }

    line("# \(escape(minutes.title))")
    line()
    line("**\(minutes.date)**, \(minutes.times)")
    if let purpose = minutes.purpose {
      line()
      line("Purpose: \(escape(purpose))")
    }
    if minutes.isAnonymised {
      line()
      line("_Names are replaced by labels (Participant A, B, …) in these minutes._")
    }
    line()
    line("## Who was there")
    line()
    for group in minutes.attendance {
      line(
        "**\(escape(group.group.capitalizedFirst))**: "
          + group.people.map { "\(escape($0.name)) (\($0.times))" }.joined(separator: "; "))
      line()
    }
    line("## Agenda")
    line()
    line("| # | Item | Planned | Actual |")
    line("| --- | --- | --- | --- |")
    for item in minutes.agenda {
      line("| \(item.number) | \(cell(item.title)) | \(item.planned ?? "—") | \(item.actual) |")
    }
    if minutes.agenda.isEmpty { line("| | No agenda | | |") }
    if !minutes.carried.isEmpty {
      line()
      line("## You said, we did")
      line()
      line(
        "What became of what was decided and promised at "
          + minutes.carriedFrom.map(escape).joined(separator: " and ") + ":")
      line()
      bullets(minutes.carried)
    }
    for item in minutes.items {
      line()
      line("## \(escape(item.title))")
      line()
      if item.speakers.isEmpty {
        line("Nobody spoke on this item.")
      } else {
        line(
          "Who spoke: "
            + item.speakers.map { "\(escape($0.name)) (\($0.group), \(turns($0.turns)), \($0.airtime))" }
            .joined(separator: "; ") + ".")
        line()
        var groups = item.byGroup.map { "\($0.group) \($0.airtime) (\(percent($0.share)))" }.joined(
          separator: ", ")
        if let facilitation = item.facilitation { groups += "; facilitation \(facilitation), apart" }
        line("By group: " + groups + ".")
      }
      if !item.contributions.isEmpty {
        line()
        line("Written and supported contributions:")
        line()
        bullets(item.contributions)
      }
      if !item.rounds.isEmpty {
        line()
        bullets(item.rounds)
      }
      for decision in item.decisions {
        line()
        line("### \(decision.heading): \(escape(decision.text))")
        line()
        line("- \(decision.how).")
        if let votes = decision.votes { line("- Votes: \(votes).") }
        if let rung = decision.rung { line("- \(rung).") }
        if !decision.stances.isEmpty {
          line("- Stances:")
          for stance in decision.stances { line("  - \(escape(stance))") }
        }
        if !decision.dissent.isEmpty {
          line("- **Dissent**:")
          for stance in decision.dissent { line("  - \(escape(stance))") }
        }
        for action in decision.actions { line("- Action \(escape(action))") }
        for note in decision.notes { line("- \(escape(note)).") }
      }
    }
    if !minutes.otherActions.isEmpty {
      line()
      line("## Other actions")
      line()
      for action in minutes.otherActions { line("- Action \(escape(action))") }
    }
    line()
    line("## Signals")
    line()
    if minutes.signals.isEmpty { line("None were raised.") } else { bullets(minutes.signals) }
    line()
    line("## Parking lot")
    line()
    if minutes.parkingLot.isEmpty { line("Nothing was parked.") } else { bullets(minutes.parkingLot) }
    line()
    line("## Voice balance")
    line()
    line(
      "Airtime by group, against the meeting's targets (spoken time and written or supported contributions; facilitation is not counted):"
    )
    line()
    line("| Group | Airtime | Share | Target |")
    line("| --- | --- | --- | --- |")
    for group in minutes.balance.groups {
      line(
        "| \(cell(group.group)) | \(group.airtime) | \(percent(group.share)) | \(group.target.map(percent) ?? "—") |"
      )
    }
    line()
    line("| Person | Group | Turns | Airtime |")
    line("| --- | --- | --- | --- |")
    for person in minutes.balance.people {
      line("| \(cell(person.name)) | \(cell(person.group)) | \(person.turns) | \(person.airtime) |")
    }
    line()
    line(
      "Fairness (Gini, 0 is even, 1 is one voice): \(minutes.balance.fairness). Total airtime: \(minutes.balance.total)."
    )
    if !minutes.balance.facilitation.isEmpty {
      line()
      line(
        "Facilitation, shown apart: " + minutes.balance.facilitation.map(escape).joined(separator: "; ") + "."
      )
    }
    return out.joined(separator: "\n") + "\n"
  }

  static func turns(_ count: Int) -> String { count == 1 ? "1 turn" : "\(count) turns" }

  /// Text as Markdown shows it literally: the characters that would start markup are escaped;
  /// line breaks become spaces; controls, bidirectional and invisible characters are shown as
  /// visible marks, as on the terminal (TerminalText).
  static func escape(_ text: String) -> String {
    TerminalText.visible(markdownEscaped(text))
  }

  private static func markdownEscaped(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|": result += "\\\(character)"
      case "\n", "\r": result += " "
      default: result.append(character)
      }
    }
    return result
  }

  static func cell(_ text: String) -> String { escape(text) }
}

extension String {
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
