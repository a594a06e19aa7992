import MeetingModel
import Testing

/// Undo of a signal acknowledgement, an ended turn and an agenda step, and undo of exactly one
/// recorded action (how a screen takes back its own last action and nobody else's).
@Suite("Undo: acknowledgements, ended turns, agenda steps, one given action")
struct UndoOwnActionTests {
  @Test func anAcknowledgedSignalShowsAgain() throws {
    var meeting = Scenario.forum()
    meeting.given(.sendSignal(.break), .acknowledgeSignal(SignalID(1)))
    #expect(meeting.state.openSignals.isEmpty)
    let events = try meeting.when(.undo(.acknowledgement))
    #expect(events.last == .signalReopened(SignalReopened(signal: SignalID(1))))
    #expect(meeting.state.openSignals.map(\.id) == [SignalID(1)])
    // Acknowledging it again works, and a withdrawn signal cannot be reopened.
    meeting.given(.acknowledgeSignal(SignalID(1)), .undo(.signal))
    #expect(meeting.refusal(.undo(.acknowledgement))?.code == .cannotUndo)
  }

  @Test func anEndedTurnRunsOnFromItsStart() throws {
    var meeting = Scenario.forum()
    let amira = meeting.id("Amira")
    meeting.given(.giveFloor(amira))
    meeting.advance(seconds: 40)
    meeting.given(.endTurn)
    #expect(meeting.state.voice(of: amira).spokenMilliseconds == 40_000)
    meeting.advance(seconds: 5)
    _ = try meeting.when(.undo(.turnEnd))
    #expect(meeting.state.currentTurn?.participant == amira)
    #expect(
      meeting.state.voice(of: amira).spokenMilliseconds == 0 && meeting.state.voice(of: amira).turns == 0)
    #expect(meeting.state.turns.isEmpty)
    meeting.advance(seconds: 5)
    meeting.given(.endTurn)
    #expect(meeting.state.voice(of: amira).spokenMilliseconds == 50_000)
    #expect(meeting.state.voice(of: amira).turns == 1)
  }

  @Test func anEndedTurnCannotComeBackOnceSomeoneElseSpoke() {
    var meeting = Scenario.forum()
    meeting.given(.giveFloor(meeting.id("Amira")), .endTurn, .giveFloor(meeting.id("Ben")), .endTurn)
    // Ben's turn is the last ended one; undoing Ben's works, Amira's does not come back after.
    meeting.given(.undo(.turnEnd), .endTurn)
    meeting.given(.giveFloor(meeting.id("Chloe")))
    #expect(meeting.refusal(.undo(.turnEnd))?.code == .cannotUndo)
  }

  @Test func anAgendaStepGoesBackToTheItemBefore() throws {
    var meeting = Scenario.forum()
    meeting.given(.addAgendaItem(title: "Welcome"), .addAgendaItem(title: "Housing"), .nextItem, .nextItem)
    #expect(meeting.state.currentItem == AgendaItemID(2))
    _ = try meeting.when(.undo(.agenda))
    #expect(meeting.state.currentItem == AgendaItemID(1))
    #expect(meeting.state.item(AgendaItemID(2))?.status == .pending)
    // The step back is not itself a step to undo: the next agenda undo finds nothing before
    // "Welcome" was opened.
    #expect(
      meeting.refusal(.undo(.agenda))
        == Refusal(
          .cannotUndo,
          "Can't undo opening “Welcome”: no item was open before it (agenda defer puts it back to wait)."))
  }

  @Test func undoWithoutAKindTakesTheLatestOfAny() throws {
    var meeting = Scenario.forum()
    meeting.given(.raiseHand(meeting.id("Ben")), .sendSignal(.slower))
    #expect(meeting.state.undoTarget()?.summary == "the signal “\(SignalType.slower.label)”")
    _ = try meeting.when(.undo())
    #expect(meeting.state.openSignals.isEmpty)
    #expect(meeting.state.undoTarget()?.summary == "Ben's raised hand")
  }

  @Test func undoOfOneActionLeavesLaterOnesAlone() throws {
    var meeting = Scenario.forum()
    let amira = meeting.id("Amira")
    meeting.given(.raiseHand(amira))
    let amirasHand = try #require(meeting.state.undoableActions.last)
    meeting.given(.raiseHand(meeting.id("Ben")))
    _ = try meeting.when(.undo(action: amirasHand.event))
    #expect(meeting.state.entries.map(\.participant) == [meeting.id("Ben")])
    #expect(meeting.refusal(.undo(action: amirasHand.event))?.code == .nothingToUndo)
  }

  @Test func afterCloseOnlyTheRecordOfDecisionsCanBeUndone() {
    var meeting = Scenario.forum()
    meeting.given(
      .sendSignal(.slower), .acknowledgeSignal(SignalID(1)), .giveFloor(meeting.id("Ben")), .closeMeeting)
    // The turn ended with the close and cannot come back; the acknowledgement can.
    #expect(meeting.refusal(.undo(.turnEnd))?.code == .meetingClosed)
    meeting.given(.undo())
    #expect(meeting.state.openSignals.count == 1)
  }
}
