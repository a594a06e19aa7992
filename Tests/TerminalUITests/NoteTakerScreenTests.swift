import MeetingModel
import Testing

@testable import TerminalUI

@Suite("The note-taker's screen")
struct NoteTakerScreenTests {
  static let start = Instant(iso8601: "2026-11-21T10:00:00Z")!

  func tabs(_ session: ScreenSession<NoteTakerScreen>, _ count: Int) {
    for _ in 0..<count { session.press(.tab) }
  }

  /// A decision entered through the form's keys is the event recorded, field by field.
  @Test func aDecisionEnteredInTheFormIsTheEventRecorded() throws {
    let shared = try SharedMeeting.forum(start: Self.start)
    let (session, terminal) = shared.session(NoteTakerScreen.self, ui: NoteTakerUI())
    session.press(.character("d"))
    session.type("Meet monthly at the youth centre")
    tabs(session, 2)  // item: the current one (Housing) already chosen
    session.press(.character("v"))  // method: vote
    session.press(.tab, .character("a"))  // outcome: agreed
    session.press(.tab, .character("p"))  // rung: co-production
    session.press(.tab)
    session.type("3")
    session.press(.tab)
    session.type("1")
    session.press(.tab)
    session.type("1")
    session.press(.tab, .character("a"))  // Amira: agree
    tabs(session, 2)
    session.press(.character("c"))  // Tom: concern, with a reason
    session.press(.tab)
    session.type("the budget is not agreed")
    session.press(.tab, .character("s"))  // Sam: stand aside
    tabs(session, 6)  // Priya and Rachel: not recorded
    session.type("Draft a budget")
    session.press(.tab)
    session.type("tom")
    session.press(.tab)
    session.type("2026-12-05")
    // The form grew a second action row; it stays empty and is not recorded.
    #expect(session.ui.mode != .normal)
    session.press(.enter)
    #expect(session.ui.mode == .normal, "\(terminal.screen.joined(separator: "\n"))")

    let recorded = shared.events.suffix(2)
    guard case .decisionRecorded(let decision) = try #require(recorded.first).event else {
      Issue.record("expected a decision, got \(recorded)")
      return
    }
    #expect(decision.text == "Meet monthly at the youth centre")
    #expect(decision.item == shared.meeting.currentItem)
    #expect(decision.method == .vote)
    #expect(decision.outcome == .agreed)
    #expect(decision.rung == .coProduction)
    #expect(decision.votes == VoteTally(inFavour: 3, against: 1, abstentions: 1))
    #expect(
      decision.stances == [
        Stance(participant: try shared.id("Amira"), stance: .agree),
        Stance(participant: try shared.id("Tom"), stance: .concern, reason: "the budget is not agreed"),
        Stance(participant: try shared.id("Sam"), stance: .standAside),
      ])
    guard case .actionItemAdded(let action) = try #require(recorded.last).event else {
      Issue.record("expected an action, got \(recorded)")
      return
    }
    #expect(action.owner == "Tom Hughes")
    #expect(action.text == "Draft a budget")
    #expect(action.due == "2026-12-05")
    #expect(action.decision == decision.decision)
    // The decisions panel shows it, chosen.
    let text = terminal.screen.joined(separator: "\n")
    #expect(text.contains(">#1 vote · agreed · co-production"))
    #expect(text.contains("Tom Hughes (concern: the budget is not agreed)"))
  }

  @Test func theFormChecksAsYouTypeAndARefusalKeepsItFilled() throws {
    let shared = try SharedMeeting.forum(start: Self.start)
    let (session, terminal) = shared.session(NoteTakerScreen.self, ui: NoteTakerUI(), width: 80, height: 24)
    let before = shared.meeting.version
    session.press(.character("d"))
    session.press(.enter)
    #expect(shared.meeting.version == before)
    #expect(terminal.screen.contains { $0.contains("Not recorded yet: say what was decided") })
    session.type("Meet monthly")
    // Editing clears the refusal; a vote count without the vote method is flagged at once.
    #expect(!terminal.screen.contains { $0.contains("Not recorded yet") })
    tabs(session, 5)
    session.type("4")
    #expect(terminal.screen.contains { $0.contains("! vote counts go with the vote method") })
    session.press(.enter)
    #expect(shared.meeting.version == before)
    // At 80 columns the reason wraps onto a second line of the form rather than being cut.
    let refusal = try #require(terminal.screen.firstIndex { $0.contains("! Not recorded yet: vote counts") })
    #expect(terminal.screen[refusal + 1].contains("method"))
    guard case .form(_, let form) = session.ui.mode else {
      Issue.record("the form closed")
      return
    }
    #expect(form.text("text") == "Meet monthly")
    #expect(form.text("for") == "4")
  }

  @Test func aBadDueDateIsCaughtBeforeAnythingIsRecorded() throws {
    #expect(NoteForm.isCalendarDate("2026-12-31"))
    #expect(NoteForm.isCalendarDate("2028-02-29"))
    for bad in ["2026-02-30", "2026-13-01", "99999-01-01", "2026-1-01", "tomorrow", "2027-02-29"] {
      #expect(!NoteForm.isCalendarDate(bad), "\(bad)")
    }
    let shared = try SharedMeeting.forum(start: Self.start)
    let (session, terminal) = shared.session(NoteTakerScreen.self, ui: NoteTakerUI())
    let before = shared.meeting.version
    session.press(.character("k"), .escape, .character("d"))
    session.type("Meet monthly")
    guard case .form(_, var form) = session.ui.mode else { return }
    form.focus(on: "action.1")
    let steps = form.focus
    session.press(.escape, .character("d"))
    session.type("Meet monthly")
    tabs(session, steps)
    session.type("Book the room")
    session.press(.tab)
    session.type("Priya")
    session.press(.tab)
    session.type("2026-02-30")
    session.press(.enter)
    #expect(shared.meeting.version == before)
    #expect(terminal.screen.contains { $0.contains("a date like 2026-12-31") })
  }

  /// Typed text survives another terminal's update and a resize, at every size.
  @Test func typedTextSurvivesARemoteUpdateAndAResize() throws {
    let shared = try SharedMeeting.forum(start: Self.start)
    let (session, terminal) = shared.session(NoteTakerScreen.self, ui: NoteTakerUI(), width: 120, height: 40)
    session.press(.character("d"))
    session.type("Youth panel to co-chair the next forum")
    // Another terminal records a decision and raises a hand while the form is open.
    try shared.other(.recordDecision(DecisionDraft(text: "Break at 11", method: .consent, outcome: .agreed)))
    try shared.other(.raiseHand(try shared.id("Priya")), terminal: "facilitator@tty1")
    session.step(nil)
    #expect(terminal.screen.contains { $0.contains("Youth panel to co-chair the next forum") })
    #expect(terminal.screen.contains { $0.contains("Priya Shah") })
    session.step(.resize(width: 80, height: 24))
    #expect(terminal.screen.contains { $0.contains("Youth panel to co-chair") })
    session.type(" in March")
    session.step(.resize(width: 120, height: 40))
    #expect(terminal.screen.contains { $0.contains("Youth panel to co-chair the next forum in March") })
    for line in terminal.screen { #expect(DisplayWidth.of(line) <= 120) }
    session.press(.enter)
    #expect(
      shared.meeting.decisions.map(\.text) == [
        "Break at 11", "Youth panel to co-chair the next forum in March",
      ])
  }

  @Test func amendWithdrawStanceActionContributionAndPark() throws {
    let shared = try SharedMeeting.forum(start: Self.start)
    try shared.other(.recordDecision(DecisionDraft(text: "Meet monthly", method: .consent, outcome: .agreed)))
    let (session, terminal) = shared.session(NoteTakerScreen.self, ui: NoteTakerUI())
    // Nothing chosen: a, w, s, x say so.
    session.press(.character("a"))
    #expect(terminal.screen.contains { $0.contains("Choose a decision first") })
    session.press(.down)
    #expect(terminal.screen.contains { $0.contains(">#1") })
    // Amend: the text, with the rung.
    session.press(.character("a"), .end)
    session.type(" at the youth centre")
    session.press(.tab, .tab, .tab, .character("d"))
    session.press(.enter)
    #expect(shared.meeting.decisions[0].text == "Meet monthly at the youth centre")
    #expect(shared.meeting.decisions[0].rung == .coDesign)
    // A stance: Sam blocks, with a reason.
    session.press(.character("s"), .right, .right, .tab, .character("b"), .tab)
    session.type("not without the young people's panel")
    session.press(.enter)
    let stance = try #require(shared.meeting.decisions[0].stances.last)
    #expect(
      stance
        == Stance(
          participant: try shared.id("Sam"), stance: .block, reason: "not without the young people's panel"))
    // An action for it.
    session.press(.character("x"))
    session.type("Book the room")
    session.press(.tab)
    session.type("Rachel")
    session.press(.enter)
    #expect(shared.meeting.actions.last?.owner == "Rachel Green")
    #expect(shared.meeting.actions.last?.decision == shared.meeting.decisions[0].id)
    // A written contribution from Amira, supported by Priya.
    session.press(.character("c"), .tab, .character("w"), .tab)
    session.type("Buses stop at 7, so evening meetings are hard")
    session.press(.tab, .tab, .right, .right, .right, .right)
    session.press(.enter)
    let contribution = try #require(shared.meeting.contributions.last)
    #expect(contribution.participant == (try shared.id("Amira")))
    #expect(contribution.mode == .written)
    #expect(contribution.text == "Buses stop at 7, so evening meetings are hard")
    #expect(contribution.creditSeconds == 60)
    #expect(contribution.supporter == (try shared.id("Priya")))
    // Park a topic.
    session.press(.character("k"))
    session.type("Transport costs")
    session.press(.enter)
    #expect(shared.meeting.parkingLot.map(\.title) == ["Transport costs"])
    // Withdraw, with the reason; the choice lets go and says so.
    session.press(.character("w"), .enter)
    #expect(terminal.screen.contains { $0.contains("say why") })
    session.type("recorded twice")
    session.press(.enter)
    #expect(shared.meeting.decisions[0].withdrawal == "recorded twice")
    #expect(session.ui.chosenDecision == nil)
  }

  /// The meeting refuses (another terminal withdrew the decision meanwhile): the form stays
  /// open, filled, and says why.
  @Test func aRefusalFromTheMeetingKeepsTheFormFilled() throws {
    let shared = try SharedMeeting.forum(start: Self.start)
    let recorded = try shared.other(
      .recordDecision(DecisionDraft(text: "Meet monthly", method: .consent, outcome: .agreed)))
    _ = recorded
    let (session, terminal) = shared.session(NoteTakerScreen.self, ui: NoteTakerUI())
    session.press(.down, .character("a"), .end)
    session.type(" on Tuesdays")
    try shared.other(.withdrawDecision(DecisionID(rawValue: 1), reason: "wrong item"))
    session.step(nil)
    session.press(.enter)
    guard case .form(_, let form) = session.ui.mode else {
      Issue.record("the form closed")
      return
    }
    #expect(form.text("text") == "Meet monthly on Tuesdays")
    #expect(form.refusal?.contains("withdrawn") == true)
    #expect(terminal.screen.contains { $0.contains("withdrawn") })
  }

  @Test func quittingWithTypedTextAsksFirst() throws {
    let shared = try SharedMeeting.forum(start: Self.start)
    let (session, _) = shared.session(NoteTakerScreen.self, ui: NoteTakerUI())
    session.press(.character("d"))
    session.type("Half a decision")
    #expect(session.step(.key(.control("q"))))
    #expect(session.step(.key(.character("n"))))
    guard case .form(_, let form) = session.ui.mode else {
      Issue.record("the form was lost")
      return
    }
    #expect(form.text("text") == "Half a decision")
  }

  @Test func screensAt80By24And120By40() throws {
    let shared = try SharedMeeting.forum(start: Self.start)
    try shared.other(.recordDecision(DecisionDraft(text: "Meet monthly", method: .consent, outcome: .agreed)))
    for (width, height) in [(80, 24), (120, 40)] {
      let (session, terminal) = shared.session(
        NoteTakerScreen.self, ui: NoteTakerUI(), width: width, height: height)
      var text = terminal.screen.joined(separator: "\n")
      #expect(text.contains("Now speaking") && text.contains("Tom Hughes"))
      #expect(text.contains("Up next") && text.contains("Sam Lee"))
      #expect(text.contains("Housing"))
      #expect(text.contains("#1 consent · agreed"))
      #expect(terminal.screen.last?.hasPrefix("d decision") == true)
      session.press(.character("d"))
      session.type("Mid-typing")
      text = terminal.screen.joined(separator: "\n")
      #expect(text.contains("Record a decision"))
      #expect(text.contains("Mid-typing"))
      #expect(text.contains("Enter record"))
      let cursor = try #require(terminal.frames.last?.cursor)
      #expect(terminal.screen[cursor.y].contains("Mid-typing"))
      for line in terminal.screen { #expect(DisplayWidth.of(line) <= width) }
    }
  }
}
