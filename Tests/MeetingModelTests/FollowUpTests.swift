import MeetingModel
import Testing

@Suite("Follow-up of actions and carry-over into the next meeting (you said, we did)")
struct FollowUpTests {
  static let from = "Care leavers' forum, 21 November 2026"

  /// A meeting dated 21 November 2026 with two decisions (one withdrawn), and three actions
  /// (one withdrawn).
  static func previousMeeting() -> Scenario {
    var meeting = Scenario(title: "Care leavers' forum")
    meeting.state = MeetingState()
    meeting.log = []
    meeting.given(.createMeeting(title: "Care leavers' forum", date: "2026-11-21"))
    meeting.given(
      .recordDecision(
        DecisionDraft(
          text: "Meet monthly", method: .consensus, outcome: .agreed,
          actions: [ActionDraft(owner: "Ben", text: "Book rooms", due: "2026-12-01")])),
      .recordDecision(DecisionDraft(text: "Bus passes for all", method: .vote, outcome: .notAgreed)),
      .recordDecision(DecisionDraft(text: "Recorded twice", method: .consensus, outcome: .agreed)),
      .withdrawDecision(DecisionID(3), reason: "twice"),
      .addAction(ActionDraft(owner: "Housing team", text: "Write to landlords")),
      .addAction(ActionDraft(owner: "Amira", text: "Ask the youth panel")),
      .addAction(ActionDraft(owner: "Dev", text: "Send the minutes")),
      .undo(.action))
    return meeting
  }

  // MARK: Follow-up

  @Test func aFollowUpRecordsTheLatestNewsOfAnAction() throws {
    var meeting = Self.previousMeeting()
    meeting.advance(seconds: 60)
    #expect(
      try meeting.when(.followUp(.action(ActionItemID(1)), status: .inProgress, note: " Two rooms held "))
        == [
          .actionFollowedUp(
            ActionFollowedUp(action: ActionItemID(1), status: .inProgress, note: "Two rooms held"))
        ]
    )
    #expect(
      meeting.state.actions[0].followUp
        == FollowUp(status: .inProgress, note: "Two rooms held", at: meeting.now))
    meeting.advance(seconds: 60)
    _ = try meeting.when(.followUp(.action(ActionItemID(1)), status: .done, note: "  "))
    #expect(meeting.state.actions[0].followUp == FollowUp(status: .done, note: nil, at: meeting.now))
    #expect(meeting.state.actions[1].followUp == nil)
    #expect(
      meeting.state.describe(meeting.log.last!.event) == "Follow-up on action 1 (Ben: Book rooms): done")
  }

  @Test func aFollowUpMayBeRecordedAfterTheMeetingClosedAndBackFilled() throws {
    var meeting = Self.previousMeeting()
    meeting.given(.openMeeting, .closeMeeting)
    meeting.advance(seconds: -600)
    _ = try meeting.when(.followUp(.action(ActionItemID(2)), status: .dropped, note: "the council did it"))
    #expect(meeting.state.actions[1].followUp?.status == .dropped)
    #expect(
      meeting.state.describe(meeting.log.last!.event)
        == "Follow-up on action 2 (Housing team: Write to landlords): dropped — the council did it")
  }

  @Test func followUpsOfUnknownWithdrawnOrUnchangedActionsAreRefused() throws {
    var meeting = Self.previousMeeting()
    #expect(
      meeting.refusal(.followUp(.action(ActionItemID(9)), status: .done))
        == Refusal(
          .unknownAction,
          "There is no action item 9: this meeting's action items are numbered 1 to 4, as `roundtable actions` shows them."
        ))
    #expect(
      meeting.refusal(.followUp(.action(ActionItemID(4)), status: .done))
        == Refusal(
          .actionWithdrawn, "Action 4 (Dev: Send the minutes) was withdrawn; there is nothing to follow up."))
    #expect(
      meeting.refusal(.followUp(.carried(1), status: .done))
        == Refusal(
          .unknownAction,
          "There is no carried item c1: this meeting carried nothing over from a previous one."))
    meeting.given(.followUp(.action(ActionItemID(1)), status: .done, note: "Booked"))
    #expect(
      meeting.refusal(.followUp(.action(ActionItemID(1)), status: .done, note: "Booked "))
        == Refusal(.unchanged, "Action 1 is already marked done with that note."))
    var empty = Scenario.forum()
    #expect(
      empty.refusal(.followUp(.action(ActionItemID(1)), status: .inProgress))
        == Refusal(.unknownAction, "There is no action item 1: this meeting has no action items yet."))
  }

  // MARK: Carry-over

  @Test func theNextMeetingCarriesOpenActionsAndLiveDecisions() throws {
    var previous = Self.previousMeeting()
    previous.given(
      .followUp(.action(ActionItemID(1)), status: .inProgress, note: "Two rooms held"),
      .followUp(.action(ActionItemID(2)), status: .done))
    let held = FollowUp(status: .inProgress, note: "Two rooms held", at: previous.now)
    #expect(previous.state.meetingLabel == Self.from)
    let carried = previous.state.itemsToCarry
    #expect(
      carried == [
        CarriedItem(
          number: 1, kind: .action, text: "Book rooms", owner: "Ben", due: "2026-12-01", followUp: held,
          fromMeeting: Self.from),
        CarriedItem(
          number: 2, kind: .action, text: "Ask the youth panel", owner: "Amira", fromMeeting: Self.from),
        CarriedItem(number: 3, kind: .decision, text: "Meet monthly (agreed)", fromMeeting: Self.from),
        CarriedItem(
          number: 4, kind: .decision, text: "Bus passes for all (not agreed)", fromMeeting: Self.from),
      ])

    var next = Scenario(title: "Care leavers' forum, December")
    next.given(.addAgendaItem(title: "Housing offers"))
    let events = try next.when(.carryOver(carried))
    #expect(
      events == [
        .meetingCarriedOver(MeetingCarriedOver(items: carried)),
        .agendaItemAdded(
          AgendaItemAdded(
            item: AgendaItemID(2), title: "You said, we did", minutes: nil, leads: [], position: 1,
            parked: false)),
      ])
    #expect(next.state.carriedOver == carried)
    #expect(next.state.agendaOrder == [AgendaItemID(2), AgendaItemID(1)])
    #expect(
      next.state.describe(events[0])
        == "Carried over from Care leavers' forum, 21 November 2026: 2 actions and 2 decisions")

    // A follow-up in the new meeting updates the carried item, not the meeting's own actions.
    next.advance(seconds: 30)
    #expect(
      try next.when(.followUp(.carried(2), status: .done, note: "Panel said yes"))
        == [.actionFollowedUp(ActionFollowedUp(carried: 2, status: .done, note: "Panel said yes"))])
    #expect(
      next.state.carriedOver[1].followUp == FollowUp(status: .done, note: "Panel said yes", at: next.now))
    #expect(next.state.carriedOver[0].followUp == held)
    #expect(
      next.state.describe(next.log.last!.event)
        == "Follow-up on carried item c2 (Amira: Ask the youth panel): done — Panel said yes")
    #expect(
      next.refusal(.followUp(.carried(5), status: .done))
        == Refusal(.unknownAction, "There is no carried item c5: the carried items are c1 to c4."))
    #expect(
      next.refusal(.followUp(.carried(2), status: .done, note: "Panel said yes"))
        == Refusal(.unchanged, "Carried item c2 is already marked done with that note."))
  }

  @Test func aMeetingCarriesOverOnceAndNeverNothing() throws {
    var next = Scenario()
    #expect(
      next.refusal(.carryOver([]))
        == Refusal(.invalidInput, "There is nothing to carry over: no open actions and no decisions."))
    let item = CarriedItem(number: 7, kind: .action, text: " Book rooms ", owner: " ", fromMeeting: Self.from)
    _ = try next.when(.carryOver([item]))
    #expect(
      next.state.carriedOver
        == [CarriedItem(number: 1, kind: .action, text: "Book rooms", owner: nil, fromMeeting: Self.from)])
    #expect(
      next.refusal(.carryOver([item]))
        == Refusal(
          .invalidInput, "This meeting has already carried over what came of \(Self.from); it is done once."))
  }

  @Test func aMeetingWithoutADateIsNamedByTheDayItWasCreated() {
    var meeting = Scenario(title: "Drop-in review")
    #expect(meeting.state.meetingLabel == "Drop-in review, 21 November 2026")
    meeting.state = MeetingState()
    meeting.given(.createMeeting(title: "Forum", date: "next Tuesday"))
    #expect(meeting.state.meetingLabel == "Forum, next Tuesday")
  }
}
