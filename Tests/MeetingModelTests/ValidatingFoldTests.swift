import Foundation
import MeetingModel
import PropertyBased
import Testing

/// The validating fold, invariant by invariant: a log the commands wrote, then one event that
/// breaks the invariant, refused with the event's number and the reason.
@Suite("The validating fold refuses events the model's commands could never write")
struct ValidatingFoldTests {
  /// Amira, Ben, Chloe and Dev (participants 1 to 4), Housing and Money on the agenda (items 1
  /// and 2), the meeting scheduled: events 1 to 7.
  static var forum: Scenario {
    var scenario = Scenario.forum()
    scenario.given(.addAgendaItem(title: "Housing"), .addAgendaItem(title: "Money"))
    return scenario
  }

  /// What is wrong with `event` as the next one in `scenario`'s log.
  func problem(
    _ event: MeetingEvent, in scenario: Scenario = forum, at time: Instant? = nil, sequence: Int64? = nil
  ) -> String? {
    let recorded = RecordedEvent(
      sequence: sequence ?? scenario.state.version + 1, id: UUID(), time: time ?? scenario.now, event: event)
    return scenario.state.problem(with: recorded)?.description
  }

  func raise(_ id: Int, _ kind: EntryKind = .point) -> MeetingEvent {
    .handRaised(HandRaised(participant: ParticipantID(id), kind: kind))
  }

  // MARK: Place, time and the meeting's life cycle

  @Test func eachEventComesInItsPlace() {
    #expect(problem(raise(1), sequence: 7) == "event 7 appears twice in the log")
    #expect(problem(raise(1), sequence: 10) == "event 10 is out of order: event 8 was expected next")
    #expect(problem(raise(1)) == nil)
  }

  @Test func timesStayWithinTheYears1970To9999() {
    for ms in [Int64.min, -1, 253_402_300_800_000, Int64.max] {
      #expect(
        problem(raise(1), at: Instant(millisecondsSince1970: ms))
          == "event 8 has a time outside the years 1970 to 9999 (\(ms) ms since 1970)")
    }
    #expect(problem(raise(1), at: Instant(millisecondsSince1970: 253_402_300_799_999)) == nil)
  }

  @Test func theCommandsRefuseTimesOutsideThatRangeToo() {
    var scenario = Self.forum
    scenario.now = Instant(millisecondsSince1970: -1)
    #expect(scenario.refusal(.raiseHand(ParticipantID(1)))?.code == .invalidInput)
    #expect(
      MeetingState.fresh.decideError(.createMeeting(title: "x"), at: Instant(millisecondsSince1970: .max))
        == "That time (292278994-08-17T07:12:55.807Z) is outside the years 1970 to 9999.")
  }

  @Test func theLogStartsWithOneMeetingCreated() {
    let empty = Scenario.empty
    #expect(
      problem(raise(1), in: empty)
        == "event 1 (queue.hand-raised) comes before the meeting is created: a log starts with meeting.created"
    )
    #expect(problem(.meetingCreated(MeetingCreated(title: "Forum", policy: .fifo)), in: empty) == nil)
    #expect(
      problem(.meetingCreated(MeetingCreated(title: "Again", policy: .fifo)))
        == "event 8 creates the meeting a second time")
  }

  @Test func timesNeverGoBackExceptForBackFilledRecords() {
    var scenario = Self.forum
    scenario.advance(seconds: 300)
    scenario.given(.raiseHand(ParticipantID(1)))
    let earlier = Scenario.start.adding(seconds: 60)
    #expect(
      problem(raise(2), in: scenario, at: earlier)
        == "event 9 (queue.hand-raised) is dated 2026-11-21T10:01:00Z, before an earlier event "
        + "(2026-11-21T10:05:00Z): only decisions, stances, actions, contributions, agenda items and "
        + "follow-ups may be back-filled")
    let decision = MeetingEvent.decisionRecorded(
      DecisionRecorded(
        decision: DecisionID(1), text: "Agreed", method: .consent, outcome: .agreed, stances: []))
    #expect(problem(decision, in: scenario, at: earlier) == nil)
  }

  @Test func aClosedMeetingTakesOnlyTheRecordOfDecisions() {
    var scenario = Self.forum
    scenario.given(.closeMeeting)
    #expect(problem(raise(1), in: scenario) == "event 9 (queue.hand-raised) comes after the meeting closed")
    let decision = MeetingEvent.decisionRecorded(
      DecisionRecorded(
        decision: DecisionID(1), text: "Agreed", method: .consent, outcome: .agreed, stances: []))
    #expect(problem(decision, in: scenario) == nil)
    #expect(problem(.meetingOpened(MeetingOpened()), in: scenario) == nil)
    scenario.given(.openMeeting)
    #expect(
      problem(.meetingOpened(MeetingOpened()), in: scenario)
        == "event 10 opens the meeting, which is already open")
  }

  @Test func aPolicyIsCheckedAsTheCommandsCheckIt() {
    var policy = QueuePolicy.balanced
    policy.groupTargets = [GroupTarget(tag: "professional", share: .nan)]
    #expect(
      problem(.policyChanged(PolicyChanged(policy: policy)))
        == "event 8 has an invalid policy: the target for professional must be a share above 0% and up to 100%"
    )
    policy.groupTargets = []
    policy.starvationLimit = -1
    #expect(
      problem(.policyChanged(PolicyChanged(policy: policy)))
        == "event 8 has an invalid policy: the starvation limit is a number of turns: 0 (off) to 1000")
  }

  // MARK: People

  @Test func participantsJoinInOrderWithAdjustmentsInRange() {
    func joined(_ id: Int, adjustment: Double = 1, name: String = "Eve") -> MeetingEvent {
      .participantJoined(
        ParticipantJoined(
          participant: ParticipantID(id), name: name, tags: [], role: .participant,
          timeAdjustment: adjustment))
    }
    #expect(problem(joined(5)) == nil)
    // The rule `join` applies to names: bidi and invisible characters are kept (shown visibly
    // on a terminal), controls and empty names refused.
    #expect(problem(joined(5, name: "Eve\u{202E}\u{200B}")) == nil)
    #expect(
      problem(joined(5, name: "E\u{1B}[2Jve"))
        == "event 8 adds participant 5 with a control character in their name")
    #expect(
      problem(joined(5, name: "Eve\u{0}"))
        == "event 8 adds participant 5 with a control character in their name")
    #expect(problem(joined(5, name: "  ")) == "event 8 adds participant 5 without a name")
    #expect(problem(joined(9)) == "event 8 adds participant 9 where participant 5 was next")
    #expect(
      problem(joined(5, adjustment: 1e20))
        == "event 8 gives participant 5 a time adjustment of 1e+20: a time adjustment is between 0.25 and 4 "
        + "(1.5 gives half as much time again)")
    #expect(
      problem(joined(5, adjustment: .nan))?.hasPrefix("event 8 gives participant 5 a time adjustment of nan")
        == true)
    #expect(
      problem(.participantUpdated(ParticipantUpdated(participant: ParticipantID(2), timeAdjustment: 0.1)))?
        .hasPrefix("event 8 gives participant 2 a time adjustment of 0.1:") == true)
    #expect(
      problem(.participantUpdated(ParticipantUpdated(participant: ParticipantID(99), role: .observer)))
        == "event 8 changes participant 99, who never joined")
  }

  @Test func leavingAndReturningFollowPresence() {
    var scenario = Self.forum
    #expect(
      problem(.participantLeft(ParticipantLeft(participant: ParticipantID(99))))
        == "event 8 has participant 99, who never joined leave")
    #expect(
      problem(.participantReturned(ParticipantReturned(participant: ParticipantID(2))))
        == "event 8 brings back participant 2, who had not left")
    scenario.given(.leave(ParticipantID(2)))
    #expect(
      problem(.participantLeft(ParticipantLeft(participant: ParticipantID(2))), in: scenario)
        == "event 9 has participant 2 leave, who had already left")
    #expect(
      problem(.participantReturned(ParticipantReturned(participant: ParticipantID(2))), in: scenario) == nil)
  }

  // MARK: The queue and the floor

  @Test(arguments: [99, 0, -1, Int.min])
  func aHandForSomeoneWhoNeverJoined(participant: Int) {
    #expect(
      problem(raise(participant)) == "event 8 raises a hand for participant \(participant), who never joined")
  }

  @Test func aHandBelongsToSomeonePresentWhoSpeaks() {
    var scenario = Self.forum
    scenario.given(
      .leave(ParticipantID(2)), .updateParticipant(ParticipantID(3), role: .observer),
      .raiseHand(ParticipantID(1)),
      .giveFloor(ParticipantID(4)))
    #expect(problem(raise(2), in: scenario) == "event 13 raises a hand for participant 2, who has left")
    #expect(problem(raise(3), in: scenario) == "event 13 raises a hand for participant 3, an observer")
    #expect(
      problem(raise(1), in: scenario) == "event 13 raises a hand for participant 1, whose hand is already up")
    #expect(problem(raise(4), in: scenario) == "event 13 raises a hand for participant 4, who has the floor")
  }

  @Test func handsThatAreNotUpCannotBeLoweredOrMoved() {
    var scenario = Self.forum
    scenario.given(.raiseHand(ParticipantID(1)))
    #expect(
      problem(.handLowered(HandLowered(participant: ParticipantID(2), reason: .withdrawn)), in: scenario)
        == "event 9 lowers the hand of participant 2, which is not up")
    #expect(
      problem(.handLowered(HandLowered(participant: ParticipantID(99), reason: .withdrawn)), in: scenario)
        == "event 9 lowers the hand of participant 99, who never joined")
    #expect(
      problem(
        .queueEntryMoved(QueueEntryMoved(participant: ParticipantID(1), position: 5, reason: "x")),
        in: scenario)
        == "event 9 moves participant 1 to place 5 in a queue of 1")
    #expect(
      problem(
        .queueEntryMoved(QueueEntryMoved(participant: ParticipantID(1), position: Int.min, reason: "x")),
        in: scenario)
        == "event 9 moves participant 1 to place \(Int.min) in a queue of 1")
  }

  @Test func aRestoredHandMustHaveBeenRaisedEarlier() {
    let entry = QueueEntry(
      participant: ParticipantID(1), kind: .point, arrival: 50, raisedAt: Scenario.start, overtaken: 0)
    #expect(
      problem(.handRestored(HandRestored(entry: entry)))
        == "event 8 puts back a hand for participant 1 that no earlier event raised")
  }

  @Test func theFloorIsHeldByOnePersonAtATime() {
    var scenario = Self.forum
    scenario.given(.giveFloor(ParticipantID(1)))
    let start = MeetingEvent.turnStarted(
      TurnStarted(participant: ParticipantID(2), kind: .point, source: .direct))
    #expect(
      problem(start, in: scenario)
        == "event 10 gives the floor to participant 2 while participant 1 still has it")
    #expect(
      problem(.turnEnded(TurnEnded(participant: ParticipantID(2))), in: scenario)
        == "event 10 ends the turn of participant 2, who does not have the floor")
    #expect(problem(.turnEnded(TurnEnded(participant: ParticipantID(1))), in: scenario) == nil)
    #expect(
      problem(.turnResumed(TurnResumed(participant: ParticipantID(1))), in: scenario)
        == "event 10 gives the floor back to participant 1, whose turn was not the last to end")
  }

  @Test func contributionsAreCreditedWithinTheCommandsLimits() {
    func contribution(_ seconds: Int, supporter: Int? = nil) -> MeetingEvent {
      .contributionRecorded(
        ContributionRecorded(
          contribution: ContributionID(1), participant: ParticipantID(1), mode: .written, text: "x",
          creditSeconds: seconds, supporter: supporter.map { ParticipantID($0) }))
    }
    #expect(problem(contribution(60)) == nil)
    #expect(
      problem(contribution(Int.max))
        == "event 8 credits a contribution with \(Int.max) seconds (0 to 3600 are allowed)")
    #expect(problem(contribution(60, supporter: 1)) == "event 8 names participant 1 as their own supporter")
    #expect(
      problem(contribution(60, supporter: 99))
        == "event 8 names participant 99, who never joined as a supporter")
    #expect(
      problem(.contributionWithdrawn(ContributionWithdrawn(contribution: ContributionID(3))))
        == "event 8 withdraws contribution 3, which was never recorded")
  }

  @Test func goRoundsHaveOneNextPerson() {
    var scenario = Self.forum
    #expect(
      problem(.roundEnded(RoundEnded()), in: scenario) == "event 8 ends a go-round, but none is in progress")
    #expect(
      problem(.roundStarted(RoundStarted(order: [ParticipantID(1), ParticipantID(1)])), in: scenario)
        == "event 8 puts participant 1 in a go-round twice")
    scenario.given(.startRound(order: [ParticipantID(1), ParticipantID(2)]))
    #expect(
      problem(.roundPassed(RoundPassed(participant: ParticipantID(2))), in: scenario)
        == "event 10 passes participant 2 in the go-round, who is not next")
  }

  // MARK: The agenda

  @Test func agendaItemsAreAddedInOrderAndReferToWhatExists() {
    func added(_ id: Int, minutes: Int? = nil, leads: [Int] = [], position: Int? = nil) -> MeetingEvent {
      .agendaItemAdded(
        AgendaItemAdded(
          item: AgendaItemID(id), title: "x", minutes: minutes, leads: leads.map { ParticipantID($0) },
          position: position, parked: false))
    }
    #expect(problem(added(3)) == nil)
    #expect(problem(added(7)) == "event 8 adds agenda item 7 where item 3 was next")
    #expect(problem(added(3, minutes: 0)) == "event 8 has an invalid timebox: a timebox is 1 to 600 minutes")
    #expect(problem(added(3, leads: [99])) == "event 8 names participant 99, who never joined as a lead")
    #expect(
      problem(added(3, position: Int.min))
        == "event 8 gives place \(Int.min) on the agenda (places start at 1)")
    #expect(
      problem(.agendaItemStarted(AgendaItemStarted(item: AgendaItemID(9))))
        == "event 8 starts agenda item 9, which was never added")
    #expect(
      problem(.agendaItemClosed(AgendaItemClosed(item: AgendaItemID(1))))
        == "event 8 closes agenda item 1, which is not under way")
    #expect(
      problem(.agendaItemUnparked(AgendaItemUnparked(item: AgendaItemID(1))))
        == "event 8 takes up agenda item 1, which is not in the parking lot")
    var scenario = Self.forum
    scenario.given(.startItem(AgendaItemID(1)), .closeItem)
    #expect(
      problem(.agendaItemDeferred(AgendaItemDeferred(item: AgendaItemID(1))), in: scenario)
        == "event 11 defers agenda item 1, which is already done")
  }

  // MARK: Signals, decisions, actions, follow-ups, undo

  @Test func signalsDecisionsAndActionsReferToWhatExists() {
    #expect(
      problem(.signalAcknowledged(SignalAcknowledged(signal: SignalID(4))))
        == "event 8 acknowledges signal 4, which was never sent")
    #expect(
      problem(
        .stanceRecorded(
          StanceRecorded(
            decision: DecisionID(2), stance: Stance(participant: ParticipantID(1), stance: .agree))))
        == "event 8 records a stance on decision 2, which was never recorded")
    #expect(
      problem(
        .decisionRecorded(
          DecisionRecorded(
            decision: DecisionID(1), item: AgendaItemID(99), text: "x", method: .consent, outcome: .agreed,
            stances: [])))
        == "event 8 records a decision on agenda item 99, which was never added")
    #expect(
      problem(
        .decisionRecorded(
          DecisionRecorded(
            decision: DecisionID(1), text: "x", method: .vote, outcome: .agreed,
            votes: VoteTally(inFavour: -3, against: 0, abstentions: 0), stances: [])))
        == "event 8 has invalid votes: vote counts cannot be negative")
    #expect(
      problem(
        .decisionRecorded(
          DecisionRecorded(
            decision: DecisionID(1), text: "x", method: .vote, outcome: .agreed,
            votes: VoteTally(inFavour: Int.max, against: 0, abstentions: 0), stances: [])))
        == "event 8 has invalid votes: vote counts are 0 to 100000 each")
    #expect(
      problem(
        .actionItemAdded(
          ActionItemAdded(action: ActionItemID(1), decision: DecisionID(5), owner: "Tom", text: "x")))
        == "event 8 adds an action to decision 5, which was never recorded")
    #expect(
      problem(.actionFollowedUp(ActionFollowedUp(action: ActionItemID(1), status: .done)))
        == "event 8 follows up action item 1, which was never added")
    #expect(
      problem(.actionFollowedUp(ActionFollowedUp(carried: 2, status: .done)))
        == "event 8 follows up carried item c2, which was never carried over")
  }

  @Test func aWithdrawnDecisionTakesNoMore() {
    var scenario = Self.forum
    scenario.given(
      .recordDecision(DecisionDraft(text: "Agreed", method: .consent, outcome: .agreed)),
      .withdrawDecision(DecisionID(1), reason: "twice"))
    #expect(
      problem(.decisionWithdrawn(DecisionWithdrawn(decision: DecisionID(1), reason: "again")), in: scenario)
        == "event 10 withdraws decision 1, which was withdrawn")
  }

  @Test func anUndoTakesBackSomethingUndoable() {
    var scenario = Self.forum
    scenario.given(.raiseHand(ParticipantID(1)))
    let raised = scenario.lastEventID!
    #expect(problem(.correctionUndone(CorrectionUndone(kind: .hand, undoes: raised)), in: scenario) == nil)
    #expect(
      problem(.correctionUndone(CorrectionUndone(kind: .decision, undoes: raised)), in: scenario)
        == "event 9 undoes event \(raised), which is not a decision that can be undone")
  }

  // MARK: The whole fold

  @Test func refusedEventsLeaveTheStateUnchanged() {
    var state = Self.forum.state
    let before = state
    #expect(throws: EventProblem(sequence: 8, reason: "raises a hand for participant 99, who never joined")) {
      try state.applyChecked(RecordedEvent(sequence: 8, id: UUID(), time: Scenario.start, event: raise(99)))
    }
    #expect(state == before)
  }

  @Test func eventIDsAreUnique() throws {
    let log = Self.forum.log
    var copy = log
    copy[5].id = copy[2].id
    #expect(throws: EventProblem(sequence: 6, reason: "has the same id as event 3 (\(log[2].id))")) {
      try ValidatingFold.state(of: copy)
    }
    #expect(try ValidatingFold.state(of: log) == Self.forum.state)
  }

  /// Back-filled records and follow-ups (which the random scripts do not record) pass too: after
  /// a random script, decisions, stances, actions, contributions, parked topics and follow-ups
  /// given earlier times than the last event are accepted by the commands and by the fold alike.
  @Test(.shrinking) func backFilledRecordsPassTheFold() async {
    await propertyCheck(count: 150, input: Script.generator) { script in
      var run = ScriptRun()
      run.perform(script)
      var fold = run.fold
      var state = run.state
      var ids = run.ids
      let latest = state.lastEventTime ?? ScriptRun.start
      let backFill: [Command] = [
        .recordDecision(
          DecisionDraft(
            text: "Back-filled", method: .vote, outcome: .agreed,
            votes: VoteTally(inFavour: 3, against: 1, abstentions: 0),
            stances: [Stance(participant: ParticipantID(1), stance: .agree)],
            actions: [ActionDraft(owner: "Tom", ownerParticipant: ParticipantID(2), text: "Write it up")])),
        .recordStance(DecisionID(1), Stance(participant: ParticipantID(3), stance: .concern, reason: "cost")),
        .addAction(ActionDraft(owner: "Amira", text: "Ask the council")),
        .followUp(.action(ActionItemID(1)), status: .inProgress, note: "started"),
        .recordContribution(ParticipantID(1), mode: .written, text: "On paper", creditSeconds: 30),
        .park(title: "Later"),
        .addAgendaItem(title: "Late item", minutes: 5, position: 1),
        .carryOver([CarriedItem(number: 1, kind: .action, text: "Old action", fromMeeting: "Last forum")]),
        .followUp(.carried(1), status: .done),
      ]
      for (offset, command) in backFill.enumerated() {
        let time = latest.adding(seconds: -Int64(60 * (offset + 1)))
        guard let recorded = try? state.execute(command, at: time, ids: &ids) else { continue }
        for event in recorded {
          do {
            try fold.apply(event)
          } catch {
            Issue.record("the fold refused back-filled \(command): \(error)")
          }
        }
      }
      #expect(fold.state == state)
    }
  }
}

extension MeetingState {
  static var fresh: MeetingState { MeetingState() }

  func decideError(_ command: Command, at time: Instant) -> String? {
    do {
      _ = try decide(command, at: time)
      return nil
    } catch {
      return error.message
    }
  }
}

/// The formatters shared by the screens, the CLI and the reports never trap, even on numbers no
/// validated log can hold.
@Suite("Formatting extreme values does not trap")
struct ExtremeFormattingTests {
  @Test func instantsAtTheEndsOfInt64() {
    for ms in [Int64.min, Int64.min + 1, -1, Int64.max] {
      let instant = Instant(millisecondsSince1970: ms)
      for offset in [-86_399, -3600, 0, 3600, 86_399, Int.max, Int.min] {
        #expect(instant.timeOfDay(offsetSeconds: offset).count == 5)
      }
      #expect(!instant.iso8601.isEmpty)
    }
    #expect(Instant(millisecondsSince1970: -1).timeOfDay == "23:59")
    #expect(Instant(millisecondsSince1970: 0).timeOfDay(offsetSeconds: -3600) == "23:00")
    #expect(Instant.latestRecordable.iso8601 == "9999-12-31T23:59:59.999Z")
  }

  @Test func factorsSharesAndFiguresOutOfRange() {
    #expect(formatFactor(1e20) == "1e+20×")
    #expect(formatFactor(.nan) == "nan×")
    #expect(formatFactor(-.infinity) == "-inf×")
    #expect(formatFactor(1.5) == "1.5×")
    #expect(percent(.nan) == "nan%")
    #expect(percent(1e300) == "1e+302%")
    #expect(percent(0.18) == "18%")
    #expect(twoDecimals(.infinity) == "inf")
    #expect(twoDecimals(0.224) == "0.22")
    #expect(formatDuration(seconds: .min) == "0s")
    #expect(formatDuration(seconds: .max).hasSuffix("m"))
  }
}
