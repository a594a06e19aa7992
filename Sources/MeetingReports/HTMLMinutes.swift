import MeetingModel
import Plot

/// The minutes as one self-contained HTML5 page: no external files, no script, readable and
/// printable in black and white, with the voice balance as an inline SVG chart and the same
/// figures in a table beside it. Every piece of text goes through Plot's text nodes, which
/// escape it.
public enum HTMLMinutes {
  public static func render(_ minutes: Minutes) -> String {
    let html = HTML(
      .lang(.english),
      .head(
        .encoding(.utf8),
        .element(named: "title", text: minutes.title + " — minutes"),
        .viewport(.accordingToDevice),
        .style(stylesheet)
      ),
      .body(
        .main(
          .header(
            .h1(.text(minutes.title)),
            .p(.class("when"), .strong(.text(minutes.date)), .text(", " + minutes.times)),
            .unwrap(minutes.purpose) { .p(.text("Purpose: " + $0)) },
            .if(
              minutes.isAnonymised,
              .p(
                .class("note"), .text("Names are replaced by labels (Participant A, B, …) in these minutes."))
            )
          ),
          attendance(minutes),
          agenda(minutes),
          .if(
            !minutes.carried.isEmpty,
            .section(
              .h2("You said, we did"),
              .p(
                .text(
                  "What became of what was decided and promised at "
                    + minutes.carriedFrom.joined(separator: " and ") + ":")),
              .ul(.forEach(minutes.carried) { .li(.text($0)) }))),
          .group(minutes.items.map(item)),
          .if(
            !minutes.otherActions.isEmpty,
            .section(.h2("Other actions"), .ul(.forEach(minutes.otherActions) { .li(.text("Action " + $0)) }))
          ),
          listSection("Signals", minutes.signals, empty: "None were raised."),
          listSection("Parking lot", minutes.parkingLot, empty: "Nothing was parked."),
          balance(minutes.balance)
        )
      )
    )
    // Plot escapes markup; controls, bidirectional and invisible characters are shown as
    // visible marks, as on the terminal (TerminalText).
    return TerminalText.visibleInHTML(html.render(indentedBy: .spaces(1)) + "\n")
  }

  static let stylesheet = """
    body { font-family: system-ui, sans-serif; line-height: 1.45; color: #000; background: #fff; \
    max-width: 52rem; margin: 1.5rem auto; padding: 0 1rem; }
    h1 { font-size: 1.7rem; margin-bottom: 0.2rem; }
    h2 { font-size: 1.25rem; border-bottom: 2px solid #000; padding-bottom: 0.15rem; margin-top: 2rem; }
    h3 { font-size: 1.05rem; margin-bottom: 0.3rem; }
    table { border-collapse: collapse; margin: 0.5rem 0; }
    th, td { border: 1px solid #000; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
    th { background: #eee; }
    .note { font-style: italic; }
    .dissent { font-weight: bold; }
    .balance { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
    .balance svg { width: 22rem; max-width: 100%; height: auto; }
    @media print {
      body { margin: 0; max-width: none; font-size: 11pt; }
      h2 { break-after: avoid; }
      section, table, svg { break-inside: avoid; }
    }
    """

  static func attendance(_ minutes: Minutes) -> Node<HTML.BodyContext> {
    .section(
      .h2("Who was there"),
      .ul(
        .forEach(minutes.attendance) { group in
          .li(
            .strong(.text(group.group.capitalizedFirst + ": ")),
            .text(group.people.map { "\($0.name) (\($0.times))" }.joined(separator: "; ")))
        })
    )
  }

  static func agenda(_ minutes: Minutes) -> Node<HTML.BodyContext> {
    .section(
      .h2("Agenda"),
      .table(
        .thead(.tr(.th("#"), .th("Item"), .th("Planned"), .th("Actual"))),
        .tbody(
          .forEach(minutes.agenda) { line in
            .tr(
              .td(.text("\(line.number)")), .td(.text(line.title)), .td(.text(line.planned ?? "—")),
              .td(.text(line.actual)))
          })
      )
    )
  }

  static func item(_ item: Minutes.ItemRecord) -> Node<HTML.BodyContext> {
    .section(
      .h2(.text(item.title)),
      item.speakers.isEmpty
        ? .p("Nobody spoke on this item.")
        : .group(
          .p(
            .text(
              "Who spoke: "
                + item.speakers.map {
                  "\($0.name) (\($0.group), \(MarkdownMinutes.turns($0.turns)), \($0.airtime))"
                }
                .joined(separator: "; ") + ".")),
          .p(
            .text(
              "By group: "
                + item.byGroup.map { "\($0.group) \($0.airtime) (\(percent($0.share)))" }
                .joined(separator: ", ")
                + (item.facilitation.map { "; facilitation \($0), apart" } ?? "") + "."))
        ),
      .if(
        !item.contributions.isEmpty,
        .group(
          .p("Written and supported contributions:"),
          .ul(.forEach(item.contributions) { .li(.text($0)) }))),
      .if(!item.rounds.isEmpty, .ul(.forEach(item.rounds) { .li(.text($0)) })),
      .group(item.decisions.map(decision))
    )
  }

  static func decision(_ decision: Minutes.DecisionRecord) -> Node<HTML.BodyContext> {
    var lines: [Node<HTML.ListContext>] = [.li(.text(decision.how + "."))]
    if let votes = decision.votes { lines.append(.li(.text("Votes: \(votes)."))) }
    if let rung = decision.rung { lines.append(.li(.text(rung + "."))) }
    if !decision.stances.isEmpty {
      lines.append(.li(.text("Stances:"), .ul(.forEach(decision.stances) { .li(.text($0)) })))
    }
    if !decision.dissent.isEmpty {
      lines.append(
        .li(.class("dissent"), .text("Dissent:"), .ul(.forEach(decision.dissent) { .li(.text($0)) })))
    }
    lines += decision.actions.map { .li(.text("Action " + $0)) }
    lines += decision.notes.map { .li(.text($0 + ".")) }
    return .group(
      .h3(.text("\(decision.heading): \(decision.text)")),
      .ul(.group(lines))
    )
  }

  static func listSection(_ title: String, _ items: [String], empty: String) -> Node<HTML.BodyContext> {
    .section(
      .h2(.text(title)),
      items.isEmpty ? .p(.text(empty)) : .ul(.forEach(items) { .li(.text($0)) })
    )
  }

  static func balance(_ balance: Minutes.Balance) -> Node<HTML.BodyContext> {
    .section(
      .h2("Voice balance"),
      .p(
        "Airtime by group, against the meeting's targets (spoken time and written or supported contributions; facilitation is not counted)."
      ),
      .div(
        .class("balance"),
        chart(balance.groups),
        .table(
          .caption("Airtime by group"),
          .thead(.tr(.th("Group"), .th("Airtime"), .th("Share"), .th("Target"))),
          .tbody(
            .forEach(balance.groups) { group in
              .tr(
                .td(.text(group.group)), .td(.text(group.airtime)), .td(.text(percent(group.share))),
                .td(.text(group.target.map(percent) ?? "—")))
            })
        )
      ),
      .table(
        .caption("Airtime by person"),
        .thead(.tr(.th("Person"), .th("Group"), .th("Turns"), .th("Airtime"))),
        .tbody(
          .forEach(balance.people) { person in
            .tr(
              .td(.text(person.name)), .td(.text(person.group)), .td(.text("\(person.turns)")),
              .td(.text(person.airtime)))
          })
      ),
      .p(
        .text(
          "Fairness (Gini, 0 is even, 1 is one voice): \(balance.fairness). Total airtime: \(balance.total).")
      ),
      .if(
        !balance.facilitation.isEmpty,
        .p(.text("Facilitation, shown apart: " + balance.facilitation.joined(separator: "; ") + ".")))
    )
  }

  /// Horizontal bars of each group's share of airtime, with its target as a dashed line; black
  /// and grey only, so it prints. The table beside it carries the same figures as text.
  static func chart(_ groups: [Minutes.GroupTime]) -> Node<HTML.BodyContext> {
    let rowHeight = 34
    let labelWidth = 130
    let barWidth = 200
    let height = max(1, groups.count) * rowHeight + 20
    func number(_ value: Double) -> String { "\(Int(value.rounded()))" }
    var nodes: [Node<HTML.BodyContext>] = [
      .attribute(named: "xmlns", value: "http://www.w3.org/2000/svg"),
      .attribute(named: "viewBox", value: "0 0 \(labelWidth + barWidth + 60) \(height)"),
      .attribute(named: "role", value: "img"),
      .attribute(named: "aria-labelledby", value: "balance-chart-title"),
      .element(
        named: "title",
        nodes: [
          .attribute(named: "id", value: "balance-chart-title"),
          .text(
            "Share of airtime by group: "
              + groups.map { "\($0.group) \(percent($0.share)) (target \($0.target.map(percent) ?? "none"))" }
              .joined(separator: "; ")),
        ]),
    ]
    for (index, group) in groups.enumerated() {
      let y = 10 + index * rowHeight
      let width = Double(barWidth) * min(1, max(0, group.share))
      nodes.append(
        .element(
          named: "text",
          nodes: [
            .attribute(named: "x", value: "0"), .attribute(named: "y", value: "\(y + 18)"),
            .attribute(named: "font-size", value: "13"), .text(group.group),
          ]))
      nodes.append(
        .selfClosedElement(
          named: "rect",
          attributes: [
            .attribute(named: "x", value: "\(labelWidth)"), .attribute(named: "y", value: "\(y + 4)"),
            .attribute(named: "width", value: "\(barWidth)"), .attribute(named: "height", value: "18"),
            .attribute(named: "fill", value: "#fff"), .attribute(named: "stroke", value: "#000"),
          ]))
      nodes.append(
        .selfClosedElement(
          named: "rect",
          attributes: [
            .attribute(named: "x", value: "\(labelWidth)"), .attribute(named: "y", value: "\(y + 4)"),
            .attribute(named: "width", value: number(width)), .attribute(named: "height", value: "18"),
            .attribute(named: "fill", value: "#555"),
          ]))
      if let target = group.target {
        let x = labelWidth + Int((Double(barWidth) * min(1, max(0, target))).rounded())
        nodes.append(
          .selfClosedElement(
            named: "line",
            attributes: [
              .attribute(named: "x1", value: "\(x)"), .attribute(named: "x2", value: "\(x)"),
              .attribute(named: "y1", value: "\(y)"), .attribute(named: "y2", value: "\(y + 26)"),
              .attribute(named: "stroke", value: "#000"), .attribute(named: "stroke-width", value: "2"),
              .attribute(named: "stroke-dasharray", value: "4 2"),
            ]))
      }
      nodes.append(
        .element(
          named: "text",
          nodes: [
            .attribute(named: "x", value: "\(labelWidth + barWidth + 6)"),
            .attribute(named: "y", value: "\(y + 18)"),
            .attribute(named: "font-size", value: "13"), .text(percent(group.share)),
          ]))
    }
    return .element(named: "svg", nodes: nodes)
  }
}
