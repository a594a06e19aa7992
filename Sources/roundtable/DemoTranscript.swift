import MeetingModel

/// Plain-text narration of the demo meeting.
struct DemoTranscript {
  private(set) var text = ""

  mutating func heading(_ title: String) {
    text += title + "\n" + String(repeating: "=", count: title.count) + "\n\n"
  }

  mutating func line(_ session: DemoSession, _ message: String) {
    text += "\(session.now.timeOfDay)  \(message)\n"
  }

  mutating func queue(_ state: MeetingState) {
    let queue = state.speakingQueue
    guard !queue.isEmpty else { return }
    text += "       Speaking queue:\n"
    let width = queue.map(\.name.count).max() ?? 0
    for place in queue {
      let name = place.name + String(repeating: " ", count: width - place.name.count)
      text += "        \(place.position). \(name)  \(place.reasons.joined(separator: "; "))\n"
    }
  }

  mutating func decision(_ state: MeetingState) {
    guard let decision = state.decisions.last else { return }
    text +=
      "\(decision.recordedAt.timeOfDay)  Decision (\(decision.method.rawValue), \(decision.outcome.rawValue)"
    text += decision.rung.map { ", rung: \($0.rawValue)" } ?? ""
    text += "): \(decision.text)\n"
    for stance in decision.dissent {
      text += "       Dissent: \(state.name(of: stance.participant)) \(stance.stance.rawValue)"
      text += stance.reason.map { ": \($0)" } ?? ""
      text += "\n"
    }
    for action in decision.actions.compactMap({ id in state.actions.first { $0.id == id } }) {
      text +=
        "       Action: \(action.owner): \(action.text)" + (action.due.map { " (by \($0))" } ?? "") + "\n"
    }
  }

  mutating func stats(_ state: MeetingState, at now: Instant) {
    let stats = state.voiceStats(now: now)
    text += "\nVoice balance at \(now.timeOfDay)\n"
    for group in stats.groups {
      let target = group.target.map { ", target \(Int(($0 * 100).rounded()))%" } ?? ""
      text +=
        "  \(group.tag): \(Int((group.share * 100).rounded()))% of airtime\(target), \(turns(group.turns))\n"
    }
    let width = stats.people.map(\.name.count).max() ?? 0
    for person in stats.people {
      let name = person.name + String(repeating: " ", count: width - person.name.count)
      text +=
        "  \(name)  \(formatDuration(seconds: Int64(person.airtimeSeconds))), \(turns(person.turns))\n"
    }
    text += "  Fairness (Gini of airtime among those present, 0 = even): \(formatted(stats.gini))\n"
  }

  private func turns(_ count: Int) -> String { count == 1 ? "1 turn" : "\(count) turns" }

  private func formatted(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    return "0.\(hundredths < 10 ? "0" : "")\(hundredths)"
  }
}
