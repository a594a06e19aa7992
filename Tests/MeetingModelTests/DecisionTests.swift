import MeetingModel
import Testing

@Suite("Decisions, stances, actions, and undo as a compensating event")
struct DecisionTests {
  static func stance(_ id: Int, _ kind: StanceKind, _ reason: String? = nil) -> Stance {
    Stance(participant: ParticipantID(id), stance: kind, reason: reason)
  }

  /// Spoken and credited milliseconds, turns and contributions.
  static func totals(_ voice: VoiceTally) -> [Int64] {
    [voice.spokenMilliseconds, voice.creditedMilliseconds, Int64(voice.turns), Int64(voice.contributions)]
  }

  // MARK: Recording

  @Test func aDecisionRecordsHowItWasTakenAndWhoWasThere() throws {
    var meeting = Scenario.forum()
    meeting.given(.addAgendaItem(title: "Drop-in"), .nextItem)
    meeting.speak("Amira", seconds: 30)
    meeting.speak("Ben", seconds: 20)
    meeting.given(.leave(meeting.id("Dev")), .giveFloor(meeting.id("Chloe")))
    meeting.advance(seconds: 10)
    let events = try meeting.when(
      .recordDecision(
        DecisionDraft(
          text: " Keep the drop-in open on Saturdays ", method: .consent, outcome: .agreed,
          rung: .coProduction,
          stances: [Self.stance(1, .agree, " "), Self.stance(2, .concern, " Staffing at weekends ")],
          actions: [
            ActionDraft(
              owner: "Ben", ownerParticipant: ParticipantID(2), text: "Draft a rota", due: "2026-12-05"),
            ActionDraft(owner: " Youth team ", text: "Tell the young people", due: " "),
          ])))
    #expect(
      events == [
        .decisionRecorded(
          DecisionRecorded(
            decision: DecisionID(1), item: AgendaItemID(1), text: "Keep the drop-in open on Saturdays",
            method: .consent, outcome: .agreed, rung: .coProduction, votes: nil,
            stances: [Self.stance(1, .agree), Self.stance(2, .concern, "Staffing at weekends")])),
        .actionItemAdded(
          ActionItemAdded(
            action: ActionItemID(1), decision: DecisionID(1), owner: "Ben",
            ownerParticipant: ParticipantID(2),
            text: "Draft a rota", due: "2026-12-05")),
        .actionItemAdded(
          ActionItemAdded(
            action: ActionItemID(2), decision: DecisionID(1), owner: "Youth team", ownerParticipant: nil,
            text: "Tell the young people", due: nil)),
      ])
    let decision = try #require(meeting.state.decision(DecisionID(1)))
    #expect(decision.id == DecisionID(1))
    #expect(decision.item == AgendaItemID(1))
    #expect(decision.text == "Keep the drop-in open on Saturdays")
    #expect(decision.method == .consent)
    #expect(decision.outcome == .agreed)
    #expect(decision.rung == .coProduction)
    #expect(decision.votes == nil)
    #expect(decision.recordedAt == Scenario.start.adding(seconds: 60))
    // Derived: Dev had left; Chloe is speaking now, so she counts as heard.
    #expect(decision.present == [ParticipantID(1), ParticipantID(2), ParticipantID(3)])
    #expect(decision.speakers == [ParticipantID(1), ParticipantID(2), ParticipantID(3)])
    #expect(decision.dissent == [Self.stance(2, .concern, "Staffing at weekends")])
    #expect(decision.tally == VoteTally(inFavour: 2, against: 0, abstentions: 0))
    #expect(decision.actions == [ActionItemID(1), ActionItemID(2)])
    #expect(decision.amendments == 0)
    #expect(decision.withdrawal == nil)
    #expect(!decision.isWithdrawn)

    let rota = try #require(meeting.state.actions.first)
    #expect(rota.id == ActionItemID(1))
    #expect(rota.decision == DecisionID(1))
    #expect(rota.owner == "Ben")
    #expect(rota.ownerParticipant == ParticipantID(2))
    #expect(rota.text == "Draft a rota")
    #expect(rota.due == "2026-12-05")
    #expect(rota.at == Scenario.start.adding(seconds: 60))
    #expect(!rota.isWithdrawn)
    #expect(meeting.state.actions.map(\.owner) == ["Ben", "Youth team"])
  }

  @Test func beforeTheAgendaADecisionBelongsToNoItem() throws {
    var meeting = Scenario.forum()
    meeting.speak("Dev", seconds: 15)
    meeting.given(.addAgendaItem(title: "Drop-in"))
    #expect(
      try meeting.when(
        .recordDecision(DecisionDraft(text: "Start at ten", method: .consensus, outcome: .agreed)))
        == [
          .decisionRecorded(
            DecisionRecorded(
              decision: DecisionID(1), item: nil, text: "Start at ten", method: .consensus, outcome: .agreed,
              stances: []))
        ])
    #expect(meeting.state.decision(DecisionID(1))?.speakers == [ParticipantID(4)])
    #expect(meeting.state.decision(DecisionID(1))?.present == [1, 2, 3, 4].map { ParticipantID($0) })
    // A pending item can take a decision ahead of time; nobody has spoken on it yet.
    meeting.given(
      .recordDecision(
        DecisionDraft(text: "Invite the council", item: AgendaItemID(1), method: .consent, outcome: .deferred)
      ))
    #expect(meeting.state.decision(DecisionID(2))?.item == AgendaItemID(1))
    #expect(meeting.state.decision(DecisionID(2))?.speakers == [])
  }

  @Test func everyStanceKindCountsInTheDerivedTally() throws {
    var meeting = Scenario.forum()
    meeting.given(.join(name: "Erin"))
    meeting.given(
      .recordDecision(
        DecisionDraft(
          text: "Move to the library", method: .consensus, outcome: .notAgreed,
          stances: [
            Self.stance(1, .agree), Self.stance(2, .concern, "Parking"), Self.stance(3, .standAside),
            Self.stance(4, .block, "Not accessible"), Self.stance(5, .abstain),
          ])))
    let decision = try #require(meeting.state.decision(DecisionID(1)))
    #expect(
      decision.dissent == [
        Self.stance(2, .concern, "Parking"), Self.stance(3, .standAside),
        Self.stance(4, .block, "Not accessible"),
      ])
    // Agree and concern in favour, block against, stand aside and abstain as abstentions.
    #expect(decision.tally == VoteTally(inFavour: 2, against: 1, abstentions: 2))
    #expect(StanceKind.allCases.filter(\.isDissent) == [.concern, .standAside, .block])
  }

  @Test func countedVotesAreTheTally() throws {
    var meeting = Scenario.forum()
    let votes = VoteTally(inFavour: 7, against: 2, abstentions: 1)
    #expect(
      try meeting.when(
        .recordDecision(
          DecisionDraft(
            text: "Pay travel expenses", method: .vote, outcome: .agreed, votes: votes,
            stances: [Self.stance(4, .block)])))
        == [
          .decisionRecorded(
            DecisionRecorded(
              decision: DecisionID(1), text: "Pay travel expenses", method: .vote, outcome: .agreed,
              votes: votes,
              stances: [Self.stance(4, .block)]))
        ])
    #expect(meeting.state.decision(DecisionID(1))?.votes == votes)
    #expect(meeting.state.decision(DecisionID(1))?.tally == votes)
    // A secret ballot: counts, no stances.
    meeting.given(
      .recordDecision(
        DecisionDraft(
          text: "Elect a chair", method: .vote, outcome: .agreed,
          votes: VoteTally(inFavour: 0, against: 0, abstentions: 0))))
    #expect(
      meeting.state.decision(DecisionID(2))?.tally == VoteTally(inFavour: 0, against: 0, abstentions: 0))
    #expect(meeting.state.decision(DecisionID(2))?.dissent == [])
  }

  @Test func aLaterStanceReplacesTheEarlierOne() throws {
    var meeting = Scenario.forum()
    meeting.given(
      .recordDecision(
        DecisionDraft(
          text: "Meet monthly", method: .consent, outcome: .agreed,
          stances: [Self.stance(1, .agree), Self.stance(2, .agree)])))
    #expect(
      try meeting.when(.recordStance(DecisionID(1), Self.stance(2, .block, "  Evenings are not safe ")))
        == [
          .stanceRecorded(
            StanceRecorded(decision: DecisionID(1), stance: Self.stance(2, .block, "Evenings are not safe")))
        ])
    #expect(
      try meeting.when(.recordStance(DecisionID(1), Self.stance(3, .abstain, " ")))
        == [.stanceRecorded(StanceRecorded(decision: DecisionID(1), stance: Self.stance(3, .abstain)))])
    let decision = try #require(meeting.state.decision(DecisionID(1)))
    // Order of first record is kept; the latest stance wins.
    #expect(
      decision.stances == [
        Self.stance(1, .agree), Self.stance(2, .block, "Evenings are not safe"), Self.stance(3, .abstain),
      ])
    #expect(decision.dissent == [Self.stance(2, .block, "Evenings are not safe")])
    #expect(decision.tally == VoteTally(inFavour: 1, against: 1, abstentions: 1))
  }

  @Test func amendingChangesOnlyTheGivenFields() throws {
    var meeting = Scenario.forum()
    meeting.given(
      .recordDecision(
        DecisionDraft(text: "Meet monthly", method: .consensus, outcome: .agreed, rung: .consultation)))
    #expect(
      try meeting.when(
        .amendDecision(
          DecisionAmendment(
            decision: DecisionID(1), text: " Meet every month ", method: .consensus, rung: .coDesign)))
        == [
          .decisionAmended(
            DecisionAmended(
              decision: DecisionID(1), text: "Meet every month", method: nil, outcome: nil, rung: .coDesign,
              votes: nil))
        ])
    var decision = try #require(meeting.state.decision(DecisionID(1)))
    #expect(decision.text == "Meet every month")
    #expect(decision.method == .consensus)
    #expect(decision.outcome == .agreed)
    #expect(decision.rung == .coDesign)
    #expect(decision.votes == nil)
    #expect(decision.amendments == 1)

    let votes = VoteTally(inFavour: 5, against: 1, abstentions: 0)
    #expect(
      try meeting.when(
        .amendDecision(DecisionAmendment(decision: DecisionID(1), method: .vote, votes: votes)))
        == [.decisionAmended(DecisionAmended(decision: DecisionID(1), method: .vote, votes: votes))])
    #expect(
      try meeting.when(.amendDecision(DecisionAmendment(decision: DecisionID(1), outcome: .notAgreed)))
        == [.decisionAmended(DecisionAmended(decision: DecisionID(1), outcome: .notAgreed))])
    decision = try #require(meeting.state.decision(DecisionID(1)))
    #expect(decision.text == "Meet every month")
    #expect(decision.method == .vote)
    #expect(decision.outcome == .notAgreed)
    #expect(decision.rung == .coDesign)
    #expect(decision.votes == votes)
    #expect(decision.tally == votes)
    #expect(decision.amendments == 3)
  }

  @Test func aWithdrawnDecisionStaysOnRecordWithItsReason() throws {
    var meeting = Scenario.forum()
    meeting.given(.recordDecision(DecisionDraft(text: "Meet monthly", method: .consensus, outcome: .agreed)))
    #expect(
      try meeting.when(.withdrawDecision(DecisionID(1), reason: "  Recorded on the wrong item "))
        == [
          .decisionWithdrawn(DecisionWithdrawn(decision: DecisionID(1), reason: "Recorded on the wrong item"))
        ])
    #expect(meeting.state.decisions.count == 1)
    #expect(meeting.state.decision(DecisionID(1))?.isWithdrawn == true)
    #expect(meeting.state.decision(DecisionID(1))?.withdrawal == "Recorded on the wrong item")
    #expect(meeting.state.decision(DecisionID(1))?.text == "Meet monthly")
  }

  @Test func actionsWithOrWithoutADecision() throws {
    var meeting = Scenario.forum()
    meeting.given(
      .recordDecision(
        DecisionDraft(
          text: "Meet monthly", method: .consensus, outcome: .agreed,
          actions: [ActionDraft(owner: "Ben", text: "Book rooms")])))
    meeting.advance(seconds: 120)
    #expect(
      try meeting.when(
        .addAction(
          ActionDraft(
            owner: " Dev ", ownerParticipant: ParticipantID(4), text: " Ask the council ", due: "2026-12-01"))
      )
        == [
          .actionItemAdded(
            ActionItemAdded(
              action: ActionItemID(2), decision: nil, owner: "Dev", ownerParticipant: ParticipantID(4),
              text: "Ask the council", due: "2026-12-01"))
        ])
    #expect(
      try meeting.when(
        .addAction(ActionDraft(decision: DecisionID(1), owner: "Leaving care team", text: "Send dates")))
        == [
          .actionItemAdded(
            ActionItemAdded(
              action: ActionItemID(3), decision: DecisionID(1), owner: "Leaving care team", text: "Send dates"
            ))
        ])
    #expect(meeting.state.decision(DecisionID(1))?.actions == [ActionItemID(1), ActionItemID(3)])
    #expect(meeting.state.actions.map(\.decision) == [DecisionID(1), nil, DecisionID(1)])
    #expect(meeting.state.actions.map(\.at) == [Scenario.start, meeting.now, meeting.now])
  }

  // MARK: Undo

  @Test func undoingARaisedHandLowersIt() throws {
    var meeting = Scenario.forum()
    meeting.given(.raiseHand(meeting.id("Amira")))
    let amiraRaised = meeting.lastEventID!
    meeting.given(.sendSignal(.slower), .raiseHand(meeting.id("Ben")))
    let benRaised = meeting.lastEventID!
    #expect(
      try meeting.when(.undo(.hand))
        == [
          .correctionUndone(CorrectionUndone(kind: .hand, undoes: benRaised)),
          .handLowered(HandLowered(participant: ParticipantID(2), reason: .undone)),
        ])
    #expect(meeting.queueNames == ["Amira"])
    // The next undo of a hand goes further back; the signal in between is another kind.
    #expect(
      try meeting.when(.undo(.hand))
        == [
          .correctionUndone(CorrectionUndone(kind: .hand, undoes: amiraRaised)),
          .handLowered(HandLowered(participant: ParticipantID(1), reason: .undone)),
        ])
    #expect(meeting.state.entries.isEmpty)
    #expect(meeting.state.openSignals.count == 1)
    // A hand taken down by undo is not a lower that can itself be undone.
    #expect(meeting.refusal(.undo(.lower))?.code == .nothingToUndo)
    #expect(meeting.refusal(.undo(.hand))?.code == .nothingToUndo)
    // Nothing is deleted: the raises, the markers and the lowers are all in the log.
    #expect(
      meeting.log.suffix(4).map(\.event.type) == [
        .correctionUndone, .handLowered, .correctionUndone, .handLowered,
      ])
  }

  @Test func undoingALowerPutsTheHandBackWithItsArrival() throws {
    var meeting = Scenario.forum()
    meeting.given(.raiseHand(meeting.id("Amira")))  // Sequence 6.
    meeting.advance(seconds: 5)
    meeting.given(.raiseHand(meeting.id("Chloe")), .giveFloor(meeting.id("Dev")))  // Both overtaken once.
    meeting.advance(seconds: 30)
    meeting.given(.endTurn, .lowerHand(meeting.id("Amira"), byFacilitator: true))
    let lowered = meeting.lastEventID!
    #expect(meeting.queueNames == ["Chloe"])
    #expect(
      try meeting.when(.undo(.lower))
        == [
          .correctionUndone(CorrectionUndone(kind: .lower, undoes: lowered)),
          .handRestored(
            HandRestored(
              entry: QueueEntry(
                participant: ParticipantID(1), kind: .point, arrival: 6, raisedAt: Scenario.start,
                overtaken: 1))),
        ])
    #expect(meeting.state.entries.map(\.participant) == [ParticipantID(1), ParticipantID(3)])
    #expect(meeting.state.entries.map(\.overtaken) == [1, 1])
    #expect(meeting.queueNames == ["Amira", "Chloe"])
    #expect(meeting.reasons("Amira").last == "raised hand at 10:00")
  }

  @Test func undoingTheFloorPutsTheHandBackAndTakesBackTheOvertaking() throws {
    var meeting = Scenario.forum()
    meeting.given(.raiseHand(meeting.id("Amira")))  // 6
    meeting.advance(seconds: 1)
    meeting.given(.raiseHand(meeting.id("Ben")))  // 7
    meeting.advance(seconds: 1)
    meeting.given(.raiseHand(meeting.id("Chloe")))  // 8
    meeting.given(.giveFloor(meeting.id("Chloe")))  // opened 9, turn 10
    let floor = meeting.lastEventID!
    #expect(meeting.state.entries.map(\.overtaken) == [1, 1])
    #expect(meeting.reasons("Amira").contains("waited through 1 turn"))
    meeting.advance(seconds: 30)
    #expect(
      try meeting.when(.undo(.floor))
        == [
          .correctionUndone(CorrectionUndone(kind: .floor, undoes: floor)),
          .turnRevoked(
            TurnRevoked(
              participant: ParticipantID(3),
              restoredEntry: QueueEntry(
                participant: ParticipantID(3), kind: .point, arrival: 8,
                raisedAt: Scenario.start.adding(seconds: 2)))),
        ])
    #expect(meeting.state.currentTurn == nil)
    #expect(meeting.state.turns.isEmpty)
    #expect(Self.totals(meeting.state.voice(of: ParticipantID(3))) == [0, 0, 0, 0])
    #expect(meeting.state.entries.map(\.participant) == [1, 2, 3].map { ParticipantID($0) })
    #expect(meeting.state.entries.map(\.arrival) == [6, 7, 8])
    #expect(meeting.state.entries.map(\.overtaken) == [0, 0, 0])
    #expect(meeting.queueNames == ["Amira", "Ben", "Chloe"])
    #expect(meeting.reasons("Amira") == ["first time speaking", "raised hand at 10:00"])
    // The meeting stays open: opening it was not part of the floor.
    #expect(meeting.state.status == .open)
  }

  @Test func undoingADirectFloorRestoresNoHand() throws {
    var meeting = Scenario.forum()
    meeting.given(.raiseHand(meeting.id("Amira")), .giveFloor(meeting.id("Dev")))
    let floor = meeting.lastEventID!
    #expect(meeting.state.entries.map(\.overtaken) == [1])
    #expect(
      try meeting.when(.undo(.floor))
        == [
          .correctionUndone(CorrectionUndone(kind: .floor, undoes: floor)),
          .turnRevoked(TurnRevoked(participant: ParticipantID(4), restoredEntry: nil)),
        ])
    #expect(meeting.state.entries.map(\.participant) == [ParticipantID(1)])
    #expect(meeting.state.entries.map(\.overtaken) == [0])
  }

  @Test func undoingARoundTurnGivesThePlaceBack() throws {
    var meeting = Scenario.forum()
    meeting.given(.startRound(order: [meeting.id("Chloe"), meeting.id("Ben")]), .nextSpeaker)
    let floor = meeting.lastEventID!
    #expect(
      try meeting.when(.undo(.floor))
        == [
          .correctionUndone(CorrectionUndone(kind: .floor, undoes: floor)),
          .turnRevoked(TurnRevoked(participant: ParticipantID(3))),
        ])
    #expect(meeting.state.round?.done == 0)
    #expect(meeting.state.round?.upcoming == ParticipantID(3))
    #expect(
      try meeting.when(.nextSpeaker)
        == [.turnStarted(TurnStarted(participant: ParticipantID(3), kind: .point, source: .round))])
  }

  @Test func undoingAMoveRestoresThePlacementBeforeIt() throws {
    var meeting = Scenario.forum()
    meeting.given(
      .raiseHand(meeting.id("Amira")), .raiseHand(meeting.id("Ben")), .raiseHand(meeting.id("Chloe")))
    #expect(
      try meeting.when(.moveEntry(meeting.id("Chloe"), to: 1, reason: " Has to leave at eleven "))
        == [
          .queueEntryMoved(
            QueueEntryMoved(participant: ParticipantID(3), position: 1, reason: "Has to leave at eleven"))
        ])
    let firstMove = meeting.log.last!
    #expect(meeting.queueNames == ["Chloe", "Amira", "Ben"])
    #expect(meeting.reasons("Chloe").first == "moved to 1st place by facilitator: Has to leave at eleven")
    meeting.given(.moveEntry(meeting.id("Chloe"), to: 2, reason: "Amira first after all"))
    let secondMove = meeting.lastEventID!
    #expect(meeting.queueNames == ["Amira", "Chloe", "Ben"])
    #expect(
      try meeting.when(.undo(.move))
        == [
          .correctionUndone(CorrectionUndone(kind: .move, undoes: secondMove)),
          .queueEntryMoveReverted(
            QueueEntryMoveReverted(
              participant: ParticipantID(3),
              placement: ManualPlacement(
                position: 1, reason: "Has to leave at eleven", sequence: firstMove.sequence))),
        ])
    #expect(meeting.queueNames == ["Chloe", "Amira", "Ben"])
    #expect(
      try meeting.when(.undo(.move))
        == [
          .correctionUndone(CorrectionUndone(kind: .move, undoes: firstMove.id)),
          .queueEntryMoveReverted(QueueEntryMoveReverted(participant: ParticipantID(3), placement: nil)),
        ])
    #expect(meeting.queueNames == ["Amira", "Ben", "Chloe"])
    #expect(meeting.reasons("Chloe").first == "first time speaking")
  }

  @Test func undoingAContributionTakesBackItsVoice() throws {
    var meeting = Scenario.forum()
    meeting.given(.addAgendaItem(title: "Drop-in"), .nextItem)
    #expect(
      try meeting.when(
        .recordContribution(
          meeting.id("Chloe"), mode: .supported, text: " Wants Saturday hours ", creditSeconds: 90,
          supporter: meeting.id("Amira")))
        == [
          .contributionRecorded(
            ContributionRecorded(
              contribution: ContributionID(1), participant: ParticipantID(3), mode: .supported,
              text: "Wants Saturday hours", creditSeconds: 90, supporter: ParticipantID(1)))
        ])
    let recorded = meeting.lastEventID!
    #expect(meeting.state.contributions.first?.item == AgendaItemID(1))
    #expect(meeting.state.voice(of: ParticipantID(3)).creditedMilliseconds == 90_000)
    #expect(meeting.state.speakersOnCurrentItem == [ParticipantID(3)])
    #expect(
      try meeting.when(.undo(.contribution))
        == [
          .correctionUndone(CorrectionUndone(kind: .contribution, undoes: recorded)),
          .contributionWithdrawn(ContributionWithdrawn(contribution: ContributionID(1))),
        ])
    #expect(meeting.state.contributions.map(\.isWithdrawn) == [true])
    #expect(Self.totals(meeting.state.voice(of: ParticipantID(3))) == [0, 0, 0, 0])
    #expect(meeting.state.speakersOnCurrentItem == [])
    #expect(meeting.state.voiceStats().people.map(\.creditedSeconds) == [0, 0, 0, 0])
    #expect(meeting.state.voiceStats(item: AgendaItemID(1)).totalAirtimeSeconds == 0)
    meeting.given(.raiseHand(meeting.id("Chloe")))
    #expect(meeting.reasons("Chloe").first == "first time speaking")
  }

  @Test func undoingASignalWithdrawsIt() throws {
    var meeting = Scenario.forum()
    meeting.given(.sendSignal(.jargon), .sendSignal(.louder, from: meeting.id("Ben")))
    let louder = meeting.lastEventID!
    #expect(
      try meeting.when(.undo(.signal))
        == [
          .correctionUndone(CorrectionUndone(kind: .signal, undoes: louder)),
          .signalWithdrawn(SignalWithdrawn(signal: SignalID(2))),
        ])
    #expect(meeting.state.signals.count == 2)
    #expect(meeting.state.signal(SignalID(2))?.isWithdrawn == true)
    #expect(meeting.state.openSignals.map(\.id) == [SignalID(1)])
  }

  @Test func undoingADecisionWithdrawsTheLatest() throws {
    var meeting = Scenario.forum()
    meeting.given(.recordDecision(DecisionDraft(text: "Meet monthly", method: .consensus, outcome: .agreed)))
    let first = meeting.lastEventID!
    meeting.given(.recordDecision(DecisionDraft(text: "Meet weekly", method: .consensus, outcome: .agreed)))
    let second = meeting.lastEventID!
    #expect(
      try meeting.when(.undo(.decision))
        == [
          .correctionUndone(CorrectionUndone(kind: .decision, undoes: second)),
          .decisionWithdrawn(DecisionWithdrawn(decision: DecisionID(2), reason: "undone")),
        ])
    #expect(meeting.state.decisions.map(\.withdrawal) == [nil, "undone"])
    #expect(
      try meeting.when(.undo(.decision))
        == [
          .correctionUndone(CorrectionUndone(kind: .decision, undoes: first)),
          .decisionWithdrawn(DecisionWithdrawn(decision: DecisionID(1), reason: "undone")),
        ])
    #expect(meeting.state.decisions.map(\.isWithdrawn) == [true, true])
  }

  @Test func undoingAnActionWithdrawsIt() throws {
    var meeting = Scenario.forum()
    meeting.given(
      .recordDecision(
        DecisionDraft(
          text: "Meet monthly", method: .consensus, outcome: .agreed,
          actions: [
            ActionDraft(owner: "Ben", text: "Book rooms"), ActionDraft(owner: "Dev", text: "Send dates"),
          ])))
    let sendDates = meeting.lastEventID!
    #expect(
      try meeting.when(.undo(.action))
        == [
          .correctionUndone(CorrectionUndone(kind: .action, undoes: sendDates)),
          .actionItemWithdrawn(ActionItemWithdrawn(action: ActionItemID(2))),
        ])
    #expect(meeting.state.actions.map(\.isWithdrawn) == [false, true])
    // The decision is untouched and still lists the action, which shows as withdrawn.
    #expect(meeting.state.decision(DecisionID(1))?.actions == [ActionItemID(1), ActionItemID(2)])
    #expect(meeting.state.decision(DecisionID(1))?.isWithdrawn == false)
  }
}
