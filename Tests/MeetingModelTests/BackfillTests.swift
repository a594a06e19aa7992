import MeetingModel
import Testing

@Suite("Event times: the log's clock never goes back, records can be back-filled")
struct BackfillTests {
  @Test func aDecisionCanBeBackfilledButATurnCannot() throws {
    var meeting = Scenario.forum()
    meeting.given(.addAgendaItem(title: "Housing"), .nextItem)
    meeting.speak("Amira", seconds: 300)
    let late = meeting.now
    meeting.now = late.adding(seconds: -120)
    let events = try meeting.when(
      .recordDecision(DecisionDraft(text: "Visit the new flats", method: .consensus, outcome: .agreed)))
    #expect(
      events == [
        .decisionRecorded(
          DecisionRecorded(
            decision: DecisionID(1), item: AgendaItemID(1), text: "Visit the new flats", method: .consensus,
            outcome: .agreed, rung: nil, votes: nil, stances: []))
      ])
    #expect(meeting.state.decisions[0].recordedAt == late.adding(seconds: -120))
    #expect(meeting.state.lastEventTime == late)
    let refusal = meeting.refusal(.giveFloor(meeting.id("Ben")))
    #expect(refusal?.code == .timeGoesBack)
    #expect(
      refusal?.message
        == "That time (2026-11-21T10:03:00Z) is before the last recorded event (2026-11-21T10:05:00Z): turns, "
        + "hands and the agenda are kept in time order. Decisions, stances, actions and contributions can be "
        + "back-filled.")
  }
}
