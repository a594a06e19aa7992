import MeetingModel
import Testing

/// Every refusal path in `decide`, with its exact code and message. `Scenario.refusal` also
/// checks that the refused command left the state exactly as it was.
@Suite("Refusals: a clear message, and nothing changes")
struct RefusalTests {
  // MARK: Every code at least once

  /// One real way to get each code. The switch is exhaustive, so a new code does not compile
  /// until it has an example here.
  static func example(of code: Refusal.Code) -> Refusal? {
    var meeting = Scenario.forum()
    switch code {
    case .noMeeting:
      var empty = Scenario.empty
      return empty.refusal(.join(name: "Amira"))
    case .meetingExists:
      return meeting.refusal(.createMeeting(title: "Another"))
    case .meetingClosed:
      meeting.given(.closeMeeting)
      return meeting.refusal(.join(name: "Erin"))
    case .meetingAlreadyOpen:
      meeting.given(.openMeeting)
      return meeting.refusal(.openMeeting)
    case .timeGoesBack:
      meeting.advance(seconds: -1)
      return meeting.refusal(.join(name: "Erin"))
    case .invalidInput:
      return meeting.refusal(.join(name: "  "))
    case .unknownParticipant:
      return meeting.refusal(.raiseHand(ParticipantID(9)))
    case .ambiguousName:
      meeting.given(.join(name: "Benedict"))
      do {
        _ = try meeting.state.participantID(named: "Be")
        return nil
      } catch {
        return error
      }
    case .nameTaken:
      return meeting.refusal(.join(name: "Amira"))
    case .notPresent:
      meeting.given(.leave(meeting.id("Amira")))
      return meeting.refusal(.raiseHand(meeting.id("Amira")))
    case .observer:
      meeting.given(.join(name: "Olu", role: .observer))
      return meeting.refusal(.raiseHand(meeting.id("Olu")))
    case .handAlreadyRaised:
      meeting.given(.raiseHand(meeting.id("Amira")))
      return meeting.refusal(.raiseHand(meeting.id("Amira")))
    case .handNotRaised:
      return meeting.refusal(.lowerHand(meeting.id("Amira")))
    case .hasTheFloor:
      meeting.given(.giveFloor(meeting.id("Amira")))
      return meeting.refusal(.raiseHand(meeting.id("Amira")))
    case .noCurrentSpeaker:
      return meeting.refusal(.endTurn)
    case .queueEmpty:
      return meeting.refusal(.nextSpeaker)
    case .unknownItem:
      return meeting.refusal(.startItem(AgendaItemID(1)))
    case .itemClosed:
      meeting.given(.addAgendaItem(title: "Housing"), .nextItem, .closeItem)
      return meeting.refusal(.deferItem(AgendaItemID(1)))
    case .noCurrentItem:
      return meeting.refusal(.closeItem)
    case .noItemsLeft:
      return meeting.refusal(.nextItem)
    case .roundInProgress:
      meeting.given(.startRound())
      return meeting.refusal(.startRound())
    case .noRound:
      return meeting.refusal(.passInRound)
    case .unknownSignal:
      return meeting.refusal(.acknowledgeSignal(SignalID(1)))
    case .signalAcknowledged:
      meeting.given(.sendSignal(.jargon), .acknowledgeSignal(SignalID(1)))
      return meeting.refusal(.acknowledgeSignal(SignalID(1)))
    case .unknownDecision:
      return meeting.refusal(
        .recordStance(DecisionID(1), Stance(participant: ParticipantID(1), stance: .agree)))
    case .decisionWithdrawn:
      meeting.given(
        .recordDecision(DecisionDraft(text: "Meet monthly", method: .consensus, outcome: .agreed)),
        .withdrawDecision(DecisionID(1), reason: "Recorded twice"))
      return meeting.refusal(.withdrawDecision(DecisionID(1), reason: "Again"))
    case .decisionOnClosedItem:
      meeting.given(.addAgendaItem(title: "Housing"), .nextItem, .closeItem)
      return meeting.refusal(
        .recordDecision(
          DecisionDraft(text: "Meet monthly", item: AgendaItemID(1), method: .consensus, outcome: .agreed)))
    case .nothingToUndo:
      return meeting.refusal(.undo(.hand))
    case .cannotUndo:
      meeting.given(.raiseHand(meeting.id("Amira")), .lowerHand(meeting.id("Amira")))
      return meeting.refusal(.undo(.hand))
    case .unchanged:
      return meeting.refusal(.changePolicy(.balanced))
    case .unknownAction:
      return meeting.refusal(.followUp(.action(ActionItemID(1)), status: .done))
    case .actionWithdrawn:
      meeting.given(.addAction(ActionDraft(owner: "Ben", text: "Book rooms")), .undo(.action))
      return meeting.refusal(.followUp(.action(ActionItemID(1)), status: .done))
    }
  }

  @Test(arguments: Refusal.Code.allCases)
  func everyCodeHasARealPath(code: Refusal.Code) {
    #expect(Self.example(of: code)?.code == code)
  }

  @Test func codesAreStableForPrograms() {
    #expect(
      Refusal.Code.allCases.map(\.rawValue) == [
        "no-meeting", "meeting-exists", "meeting-closed", "meeting-already-open", "time-goes-back",
        "invalid-input", "unknown-participant", "ambiguous-name", "name-taken", "not-present", "observer",
        "hand-already-raised", "hand-not-raised", "has-the-floor", "no-current-speaker", "queue-empty",
        "unknown-item", "item-closed", "no-current-item", "no-items-left", "round-in-progress", "no-round",
        "unknown-signal", "signal-acknowledged", "unknown-decision", "decision-withdrawn",
        "decision-on-closed-item", "nothing-to-undo", "cannot-undo", "unchanged", "unknown-action",
        "action-withdrawn",
      ])
    #expect(Refusal(.itemClosed, "“Housing” is already done.").description == "“Housing” is already done.")
  }

  // MARK: The meeting

  @Test func nothingHappensBeforeTheMeetingIsCreated() {
    var meeting = Scenario.empty
    let refusal = Refusal(.noMeeting, "There is no meeting yet: create one first.")
    #expect(meeting.refusal(.openMeeting) == refusal)
    #expect(meeting.refusal(.join(name: "Amira")) == refusal)
    #expect(meeting.refusal(.undo(.decision)) == refusal)
    #expect(
      meeting.refusal(.createMeeting(title: " \t ")) == Refusal(.invalidInput, "The meeting needs a title."))
  }

  @Test func aFileHoldsOneMeeting() {
    var meeting = Scenario()
    #expect(
      meeting.refusal(.createMeeting(title: "Another"))
        == Refusal(.meetingExists, "This file already holds the meeting “Care leavers' forum”."))
  }

  @Test func anOpenMeetingCannotOpenAgain() throws {
    var meeting = Scenario()
    #expect(try meeting.when(.openMeeting) == [.meetingOpened(MeetingOpened())])
    #expect(meeting.refusal(.openMeeting) == Refusal(.meetingAlreadyOpen, "The meeting is already open."))
  }

  @Test func timeCannotGoBack() throws {
    var meeting = Scenario.forum()
    meeting.advance(seconds: -1)
    #expect(
      meeting.refusal(.raiseHand(meeting.id("Amira")))
        == Refusal(
          .timeGoesBack,
          "That time (2026-11-21T09:59:59Z) is before the last recorded event (2026-11-21T10:00:00Z): turns, "
            + "hands and the agenda are kept in time order. Decisions, stances, actions and contributions "
            + "can be back-filled."))
    meeting.now = Scenario.start.adding(milliseconds: -250)
    #expect(
      meeting.refusal(.closeMeeting)
        == Refusal(
          .timeGoesBack,
          "That time (2026-11-21T09:59:59.750Z) is before the last recorded event (2026-11-21T10:00:00Z): turns, "
            + "hands and the agenda are kept in time order. Decisions, stances, actions and contributions "
            + "can be back-filled."))
    // The same instant as the last event is not going back.
    meeting.now = Scenario.start
    #expect(try meeting.when(.raiseHand(meeting.id("Amira"))).count == 1)
  }

  @Test func timeIsCheckedBeforeTheClosedMeeting() {
    var meeting = Scenario()
    meeting.advance(seconds: 60)
    meeting.given(.closeMeeting)
    meeting.advance(seconds: -30)
    #expect(meeting.refusal(.join(name: "Erin"))?.code == .timeGoesBack)
  }

  @Test func aClosedMeetingRefusesTheLiveCommands() {
    var meeting = Scenario.forum()
    meeting.given(
      .addAgendaItem(title: "Housing"), .sendSignal(.jargon), .raiseHand(meeting.id("Ben")), .closeMeeting)
    let closed = Refusal(.meetingClosed, "The meeting is closed; reopen it first.")
    let refused: [Command] = [
      .closeMeeting, .changePolicy(.fifo), .join(name: "Erin"), .leave(meeting.id("Amira")),
      .updateParticipant(meeting.id("Amira"), role: .noteTaker), .addAgendaItem(title: "AOB"),
      .park(title: "Later"), .moveAgendaItem(AgendaItemID(1), to: 1), .startItem(AgendaItemID(1)), .nextItem,
      .closeItem, .deferItem(AgendaItemID(1)), .raiseHand(meeting.id("Amira")), .lowerHand(meeting.id("Ben")),
      .moveEntry(meeting.id("Ben"), to: 1, reason: "x"), .nextSpeaker, .giveFloor(meeting.id("Amira")),
      .endTurn,
      .recordContribution(meeting.id("Amira"), mode: .written, text: "Card"), .startRound(), .passInRound,
      .endRound, .sendSignal(.slower), .undo(.hand), .undo(.lower), .undo(.floor), .undo(.move),
      .undo(.contribution), .undo(.signal),
    ]
    for command in refused {
      #expect(meeting.refusal(command) == closed, "\(command)")
    }
  }

  @Test func theRecordCanStillBeCompletedAfterClose() throws {
    var meeting = Scenario.forum()
    meeting.given(.sendSignal(.break), .closeMeeting)
    meeting.advance(seconds: 60)
    let decision = try meeting.when(
      .recordDecision(DecisionDraft(text: "Meet monthly", method: .consent, outcome: .agreed)))
    #expect(
      decision == [
        .decisionRecorded(
          DecisionRecorded(
            decision: DecisionID(1), item: nil, text: "Meet monthly", method: .consent, outcome: .agreed,
            stances: []))
      ])
    let stance = Stance(participant: meeting.id("Ben"), stance: .concern, reason: "Evenings are hard")
    #expect(
      try meeting.when(.recordStance(DecisionID(1), stance))
        == [.stanceRecorded(StanceRecorded(decision: DecisionID(1), stance: stance))])
    #expect(
      try meeting.when(.amendDecision(DecisionAmendment(decision: DecisionID(1), rung: .coDesign)))
        == [.decisionAmended(DecisionAmended(decision: DecisionID(1), rung: .coDesign))])
    #expect(
      try meeting.when(.addAction(ActionDraft(decision: DecisionID(1), owner: "Ben", text: "Book rooms")))
        == [
          .actionItemAdded(
            ActionItemAdded(
              action: ActionItemID(1), decision: DecisionID(1), owner: "Ben", text: "Book rooms"))
        ])
    let actionAdded = meeting.lastEventID!
    #expect(
      try meeting.when(.acknowledgeSignal(SignalID(1)))
        == [.signalAcknowledged(SignalAcknowledged(signal: SignalID(1)))])
    #expect(
      try meeting.when(.undo(.action))
        == [
          .correctionUndone(CorrectionUndone(kind: .action, undoes: actionAdded)),
          .actionItemWithdrawn(ActionItemWithdrawn(action: ActionItemID(1))),
        ])
    #expect(
      try meeting.when(.undo(.decision)).last
        == .decisionWithdrawn(DecisionWithdrawn(decision: DecisionID(1), reason: "undone")))
    #expect(
      try meeting.when(.recordDecision(DecisionDraft(text: "Pay expenses", method: .vote, outcome: .agreed)))
        .count == 1)
    #expect(
      try meeting.when(.withdrawDecision(DecisionID(2), reason: "Wrong meeting"))
        == [.decisionWithdrawn(DecisionWithdrawn(decision: DecisionID(2), reason: "Wrong meeting"))])
    #expect(meeting.state.status == .closed)
    // Reopening is allowed too.
    #expect(try meeting.when(.openMeeting) == [.meetingOpened(MeetingOpened())])
    #expect(meeting.state.status == .open)
  }

  @Test func policiesAreChecked() {
    var meeting = Scenario()
    let cases: [(QueuePolicy, String)] = [
      (QueuePolicy(starvationLimit: -1), "The starvation limit is a number of turns: 0 (off) to 1000."),
      (QueuePolicy(groupTargets: [GroupTarget(tag: "  ", share: 0.5)]), "A group target needs a group tag."),
      (
        QueuePolicy(groupTargets: [GroupTarget(tag: "lived-experience", share: 0)]),
        "The target for lived-experience must be a share above 0% and up to 100%."
      ),
      (
        QueuePolicy(groupTargets: [GroupTarget(tag: "professional", share: 1.01)]),
        "The target for professional must be a share above 0% and up to 100%."
      ),
      (
        QueuePolicy(
          groupTargets: [
            GroupTarget(tag: "professional", share: 0.3), GroupTarget(tag: "professional", share: 0.2),
          ]
        ),
        "The group professional has two targets; give one."
      ),
      (
        QueuePolicy(
          groupTargets: [
            GroupTarget(tag: "lived-experience", share: 0.7), GroupTarget(tag: "professional", share: 0.5),
          ]),
        "Group targets add up to 120%; they can add up to 100% at most."
      ),
    ]
    for (policy, message) in cases {
      #expect(meeting.refusal(.changePolicy(policy)) == Refusal(.invalidInput, message))
      var empty = Scenario.empty
      #expect(
        empty.refusal(.createMeeting(title: "Forum", policy: policy)) == Refusal(.invalidInput, message))
    }
    #expect(
      meeting.refusal(.changePolicy(.balanced)) == Refusal(.unchanged, "That policy is already in force."))
  }

  @Test func validPolicyEdgesAreAccepted() throws {
    var meeting = Scenario()
    let full = QueuePolicy(
      starvationLimit: 0,
      groupTargets: [
        GroupTarget(tag: "lived-experience", share: 0.6), GroupTarget(tag: "professional", share: 0.4),
      ]
    )
    #expect(try meeting.when(.changePolicy(full)) == [.policyChanged(PolicyChanged(policy: full))])
    #expect(meeting.state.policy == full)
    #expect(meeting.state.policyChangedAt == Scenario.start)
  }

  // MARK: People

  @Test func joiningIsChecked() {
    var meeting = Scenario.forum()
    #expect(meeting.refusal(.join(name: " \n ")) == Refusal(.invalidInput, "A participant needs a name."))
    #expect(
      meeting.refusal(.join(name: "Er\u{7}in"))
        == Refusal(.invalidInput, "A name cannot contain control characters."))
    let adjustment = Refusal(
      .invalidInput, "A time adjustment is between 0.25 and 4 (1.5 gives half as much time again).")
    #expect(meeting.refusal(.join(name: "Erin", timeAdjustment: 0.24)) == adjustment)
    #expect(meeting.refusal(.join(name: "Erin", timeAdjustment: 4.01)) == adjustment)
    #expect(
      meeting.refusal(.join(name: " amira "))
        == Refusal(.nameTaken, "Amira is already here; give a different name for someone else."))
  }

  @Test func nameTakenIgnoresAccentsAndCase() {
    var meeting = Scenario(people: [("Zoë", []), ("Siobhán", [])])
    #expect(
      meeting.refusal(.join(name: "ZOE"))
        == Refusal(.nameTaken, "Zoë is already here; give a different name for someone else."))
    #expect(
      meeting.refusal(.join(name: "siobhan"))
        == Refusal(.nameTaken, "Siobhán is already here; give a different name for someone else."))
  }

  @Test func timeAdjustmentBoundsAreInclusive() throws {
    var meeting = Scenario()
    #expect(try meeting.when(.join(name: "Erin", timeAdjustment: 0.25)).count == 1)
    #expect(try meeting.when(.join(name: "Femi", timeAdjustment: 4)).count == 1)
  }

  @Test func unknownAndAbsentPeople() {
    var meeting = Scenario.forum()
    meeting.given(.leave(meeting.id("Dev")))
    let unknown = Refusal(.unknownParticipant, "There is no participant #9.")
    let gone = Refusal(.notPresent, "Dev is not here (they left).")
    let nobody = ParticipantID(9)
    let dev = meeting.id("Dev")
    for command: Command in [
      .leave(nobody), .updateParticipant(nobody, role: .noteTaker), .raiseHand(nobody), .lowerHand(nobody),
      .moveEntry(nobody, to: 1, reason: "x"), .giveFloor(nobody), .sendSignal(.jargon, from: nobody),
      .recordContribution(nobody, mode: .written, text: "Card"),
      .addAgendaItem(title: "Housing", leads: [meeting.id("Amira"), nobody]), .startRound(order: [nobody]),
    ] {
      #expect(meeting.refusal(command) == unknown, "\(command)")
    }
    for command: Command in [
      .leave(dev), .raiseHand(dev), .giveFloor(dev), .sendSignal(.jargon, from: dev),
      .startRound(order: [meeting.id("Amira"), dev]),
    ] {
      #expect(meeting.refusal(command) == gone, "\(command)")
    }
  }

  @Test func observersDoNotTakeTheFloor() {
    var meeting = Scenario.forum()
    meeting.given(.join(name: "Olu", role: .observer))
    let olu = meeting.id("Olu")
    let refusal = Refusal(.observer, "Olu is an observer; change their role to let them speak.")
    #expect(meeting.refusal(.raiseHand(olu)) == refusal)
    #expect(meeting.refusal(.giveFloor(olu)) == refusal)
    #expect(meeting.refusal(.startRound(order: [meeting.id("Ben"), olu])) == refusal)
  }

  @Test func updatingAParticipantIsChecked() {
    var meeting = Scenario.forum()
    let amira = meeting.id("Amira")
    #expect(
      meeting.refusal(.updateParticipant(amira, tags: [" lived-experience ", ""], role: .participant))
        == Refusal(.unchanged, "Nothing to change for Amira."))
    #expect(meeting.refusal(.updateParticipant(amira)) == Refusal(.unchanged, "Nothing to change for Amira."))
    #expect(
      meeting.refusal(.updateParticipant(amira, timeAdjustment: 0))
        == Refusal(
          .invalidInput, "A time adjustment is between 0.25 and 4 (1.5 gives half as much time again)."))
    let busy = Refusal(
      .invalidInput, "Amira is in the queue or has the floor; do that first, then make them an observer.")
    meeting.given(.raiseHand(amira))
    #expect(meeting.refusal(.updateParticipant(amira, role: .observer)) == busy)
    meeting.given(.giveFloor(amira))
    #expect(meeting.refusal(.updateParticipant(amira, role: .observer)) == busy)
  }

  // MARK: Names typed by people

  @Test func aNameMustBeGiven() {
    let meeting = Scenario.forum()
    #expect(throws: Refusal(.invalidInput, "Give a name.")) { try meeting.state.participantID(named: "  ") }
  }

  @Test func ambiguousNamesListTheCandidates() throws {
    let meeting = Scenario(people: [("Sam Okafor", []), ("Samira", []), ("Tom Samuels", []), ("Ben", [])])
    #expect(
      throws: Refusal(
        .ambiguousName, "“sam” could be Sam Okafor, Samira or Tom Samuels: give more of the name.")
    ) { try meeting.state.participantID(named: " sam ") }
    let pair = Scenario(people: [("Samira", []), ("Ben", []), ("Samir Khan", [])])
    #expect(
      throws: Refusal(.ambiguousName, "“Sami” could be Samira or Samir Khan: give more of the name.")
    ) { try pair.state.participantID(named: "Sami") }
    // The start of any word of the name is enough when only one person has it.
    #expect(try meeting.state.participantID(named: "oka") == ParticipantID(1))
    #expect(try meeting.state.participantID(named: "SAMU") == ParticipantID(3))
    // A whole name wins over longer names that start with it.
    let two = Scenario(people: [("Samira", []), ("Sam", [])])
    #expect(try two.state.participantID(named: "sam") == ParticipantID(2))
  }

  @Test func unknownNamesSuggestTheClosest() {
    let forum = Scenario.forum()
    #expect(
      throws: Refusal(.unknownParticipant, "Nobody called “Amra” has joined. Did you mean Amira?")
    ) { try forum.state.participantID(named: "Amra") }
    #expect(
      throws: Refusal(.unknownParticipant, "Nobody called “Zed” has joined. Did you mean Ben or Dev?")
    ) { try forum.state.participantID(named: "Zed") }
    #expect(throws: Refusal(.unknownParticipant, "Nobody called “Xavier” has joined.")) {
      try forum.state.participantID(named: "Xavier")
    }
    let jos = Scenario(people: [("Jon", []), ("Joan", []), ("John", []), ("Jo", [])])
    // Ties on distance are listed alphabetically, and at most three are offered.
    #expect(
      throws: Refusal(.unknownParticipant, "Nobody called “Jonn” has joined. Did you mean Joan, John or Jon?")
    ) { try jos.state.participantID(named: "Jonn") }
  }

  // MARK: The agenda

  @Test func agendaItemsAreChecked() {
    var meeting = Scenario.forum()
    #expect(
      meeting.refusal(.addAgendaItem(title: "  ")) == Refusal(.invalidInput, "An agenda item needs a title."))
    let timebox = Refusal(.invalidInput, "A timebox is 1 to 600 minutes.")
    #expect(meeting.refusal(.addAgendaItem(title: "Housing", minutes: 0)) == timebox)
    #expect(meeting.refusal(.addAgendaItem(title: "Housing", minutes: 601)) == timebox)
    #expect(meeting.refusal(.addAgendaItem(title: "Housing", minutes: -5)) == timebox)
    let positions = Refusal(.invalidInput, "Positions start at 1.")
    #expect(meeting.refusal(.addAgendaItem(title: "Housing", position: 0)) == positions)
    #expect(
      meeting.refusal(.park(title: "\t")) == Refusal(.invalidInput, "A parking-lot topic needs a title."))
  }

  @Test func timeboxBoundsAreInclusive() throws {
    var meeting = Scenario()
    #expect(try meeting.when(.addAgendaItem(title: "Check-in", minutes: 1)).count == 1)
    #expect(try meeting.when(.addAgendaItem(title: "Away day", minutes: 600)).count == 1)
  }

  @Test func unknownItems() {
    var meeting = Scenario.forum()
    meeting.given(.addAgendaItem(title: "Housing"))
    let unknown = Refusal(.unknownItem, "There is no agenda item #7.")
    let seven = AgendaItemID(7)
    for command: Command in [
      .unpark(seven), .moveAgendaItem(seven, to: 1), .startItem(seven), .deferItem(seven),
      .recordDecision(DecisionDraft(text: "x", item: seven, method: .consensus, outcome: .agreed)),
    ] {
      #expect(meeting.refusal(command) == unknown, "\(command)")
    }
  }

  @Test func parkingLotAndMovesAreChecked() {
    var meeting = Scenario.forum()
    meeting.given(
      .addAgendaItem(title: "Housing"), .addAgendaItem(title: "Education"), .park(title: "Bus passes"))
    #expect(
      meeting.refusal(.unpark(AgendaItemID(1)))
        == Refusal(.invalidInput, "“Housing” is not in the parking lot."))
    #expect(
      meeting.refusal(.unpark(AgendaItemID(3), position: 0))
        == Refusal(.invalidInput, "Positions start at 1."))
    #expect(
      meeting.refusal(.moveAgendaItem(AgendaItemID(3), to: 1))
        == Refusal(.invalidInput, "“Bus passes” is in the parking lot; take it onto the agenda first."))
    #expect(
      meeting.refusal(.moveAgendaItem(AgendaItemID(1), to: 0))
        == Refusal(.invalidInput, "Positions start at 1."))
    #expect(
      meeting.refusal(.moveAgendaItem(AgendaItemID(1), to: 1))
        == Refusal(.unchanged, "“Housing” is already in that place."))
    // A place past the end is the end.
    #expect(
      meeting.refusal(.moveAgendaItem(AgendaItemID(2), to: 9))
        == Refusal(.unchanged, "“Education” is already in that place."))
  }

  @Test func startingNextClosingAndDeferringAreChecked() {
    var meeting = Scenario.forum()
    #expect(
      meeting.refusal(.nextItem) == Refusal(.noItemsLeft, "No agenda items are left to open; add one first."))
    #expect(meeting.refusal(.closeItem) == Refusal(.noCurrentItem, "No agenda item is under way."))
    #expect(
      meeting.refusal(.deferItem(nil))
        == Refusal(.noCurrentItem, "No agenda item is under way; say which item to defer."))
    meeting.given(.addAgendaItem(title: "Housing"), .addAgendaItem(title: "Education"), .nextItem)
    #expect(
      meeting.refusal(.startItem(AgendaItemID(1))) == Refusal(.unchanged, "“Housing” is already under way."))
    meeting.given(.nextItem, .deferItem(nil))
    #expect(
      meeting.refusal(.deferItem(AgendaItemID(1))) == Refusal(.itemClosed, "“Housing” is already done."))
    #expect(
      meeting.refusal(.deferItem(AgendaItemID(2))) == Refusal(.itemClosed, "“Education” is already deferred.")
    )
    #expect(
      meeting.refusal(.nextItem) == Refusal(.noItemsLeft, "No agenda items are left to open; add one first."))
  }

  // MARK: The queue and the floor

  @Test func aHandAlreadyUpSaysItsKindAndPlace() {
    var meeting = Scenario.forum()
    meeting.given(.raiseHand(meeting.id("Amira")), .raiseHand(meeting.id("Chloe"), kind: .clarify))
    #expect(
      meeting.refusal(.raiseHand(meeting.id("Amira"), kind: .process))
        == Refusal(
          .handAlreadyRaised,
          "Amira's hand is already up (new point, 2nd in the queue); lower it first to change it."))
    #expect(
      meeting.refusal(.raiseHand(meeting.id("Chloe")))
        == Refusal(
          .handAlreadyRaised,
          "Chloe's hand is already up (clarifying question, 1st in the queue); lower it first to change it."))
    meeting.given(.giveFloor(meeting.id("Ben")), .raiseHand(meeting.id("Dev"), kind: .response))
    #expect(
      meeting.refusal(.raiseHand(meeting.id("Dev")))
        == Refusal(
          .handAlreadyRaised,
          "Dev's hand is already up (direct response, 2nd in the queue); lower it first to change it."))
  }

  @Test func theSpeakerCannotQueueOrTakeTheFloorAgain() {
    var meeting = Scenario.forum()
    meeting.given(.giveFloor(meeting.id("Amira")))
    let floor = Refusal(.hasTheFloor, "Amira has the floor already.")
    #expect(meeting.refusal(.raiseHand(meeting.id("Amira"))) == floor)
    #expect(meeting.refusal(.raiseHand(meeting.id("Amira"), kind: .response)) == floor)
    #expect(meeting.refusal(.giveFloor(meeting.id("Amira"))) == floor)
  }

  @Test func aResponseNeedsSomeoneSpeaking() {
    var meeting = Scenario.forum()
    #expect(
      meeting.refusal(.raiseHand(meeting.id("Ben"), kind: .response))
        == Refusal(
          .noCurrentSpeaker,
          "Nobody is speaking, so there is nothing to respond to; raise a new point instead."))
    #expect(meeting.refusal(.endTurn) == Refusal(.noCurrentSpeaker, "Nobody has the floor."))
  }

  @Test func loweringAndMovingNeedARaisedHand() {
    var meeting = Scenario.forum()
    let notUp = Refusal(.handNotRaised, "Ben's hand is not up.")
    #expect(meeting.refusal(.lowerHand(meeting.id("Ben"))) == notUp)
    #expect(meeting.refusal(.lowerHand(meeting.id("Ben"), byFacilitator: true)) == notUp)
    #expect(meeting.refusal(.moveEntry(meeting.id("Ben"), to: 1, reason: "Lead")) == notUp)
  }

  @Test func movesNeedAReasonAndAPlaceInTheQueue() {
    var meeting = Scenario.forum()
    meeting.given(.raiseHand(meeting.id("Ben")))
    #expect(
      meeting.refusal(.moveEntry(meeting.id("Ben"), to: 1, reason: "   "))
        == Refusal(.invalidInput, "Say why: the reason for a move is shown to everyone."))
    #expect(
      meeting.refusal(.moveEntry(meeting.id("Ben"), to: 2, reason: "Lead"))
        == Refusal(.invalidInput, "The queue has 1 place: choose 1 to 1."))
    meeting.given(.raiseHand(meeting.id("Amira")))
    #expect(
      meeting.refusal(.moveEntry(meeting.id("Ben"), to: 0, reason: "Lead"))
        == Refusal(.invalidInput, "The queue has 2 places: choose 1 to 2."))
    #expect(
      meeting.refusal(.moveEntry(meeting.id("Ben"), to: 3, reason: "Lead"))
        == Refusal(.invalidInput, "The queue has 2 places: choose 1 to 2."))
  }

  @Test func nextNeedsSomeoneWaiting() {
    var meeting = Scenario.forum()
    #expect(meeting.refusal(.nextSpeaker) == Refusal(.queueEmpty, "Nobody is waiting to speak."))
    // The meeting does not open on a refused next.
    #expect(meeting.state.status == .scheduled)
  }

  // MARK: Contributions

  @Test func contributionsAreChecked() {
    var meeting = Scenario.forum()
    let amira = meeting.id("Amira")
    #expect(
      meeting.refusal(.recordContribution(amira, mode: .written, text: " "))
        == Refusal(.invalidInput, "Say what Amira contributed."))
    let credit = Refusal(.invalidInput, "Credit a contribution with 0 to 3600 seconds of airtime.")
    #expect(
      meeting.refusal(.recordContribution(amira, mode: .written, text: "Card", creditSeconds: -1)) == credit)
    #expect(
      meeting.refusal(.recordContribution(amira, mode: .written, text: "Card", creditSeconds: 3601)) == credit
    )
    #expect(
      meeting.refusal(.recordContribution(amira, mode: .supported, text: "Card", supporter: amira))
        == Refusal(.invalidInput, "Someone cannot be their own supporter."))
    #expect(
      meeting.refusal(.recordContribution(amira, mode: .supported, text: "Card", supporter: ParticipantID(8)))
        == Refusal(.unknownParticipant, "There is no participant #8."))
  }

  // MARK: Go-rounds

  @Test func roundsAreChecked() {
    var meeting = Scenario.forum()
    let amira = meeting.id("Amira")
    #expect(meeting.refusal(.passInRound) == Refusal(.noRound, "There is no go-round in progress."))
    #expect(meeting.refusal(.endRound) == Refusal(.noRound, "There is no go-round in progress."))
    #expect(
      meeting.refusal(.startRound(order: []))
        == Refusal(.invalidInput, "Nobody is here to take part in a round."))
    #expect(
      meeting.refusal(.startRound(order: [amira, meeting.id("Ben"), amira]))
        == Refusal(.invalidInput, "Amira is in the round twice."))
    meeting.given(.startRound(order: [amira]))
    #expect(meeting.refusal(.startRound()) == Refusal(.roundInProgress, "A go-round is already in progress."))
    #expect(
      meeting.refusal(.giveFloor(meeting.id("Ben")))
        == Refusal(.roundInProgress, "A go-round is in progress: use next or pass, or end the round first."))
    meeting.given(.nextSpeaker)
    #expect(meeting.refusal(.passInRound) == Refusal(.noRound, "Everyone has had their turn in the round."))
  }

  @Test func aRoundNeedsSomeoneWhoSpeaks() {
    var meeting = Scenario()
    meeting.given(.join(name: "Olu", role: .observer), .join(name: "Pat"), .leave(ParticipantID(2)))
    #expect(
      meeting.refusal(.startRound()) == Refusal(.invalidInput, "Nobody is here to take part in a round."))
  }

  // MARK: Signals

  @Test func signalsAreChecked() {
    var meeting = Scenario.forum()
    let note = Refusal(.invalidInput, "Say what the signal is about (a short note).")
    #expect(meeting.refusal(.sendSignal(.other)) == note)
    #expect(meeting.refusal(.sendSignal(.other, from: meeting.id("Ben"), note: "  ")) == note)
    #expect(
      meeting.refusal(.acknowledgeSignal(SignalID(4))) == Refusal(.unknownSignal, "There is no signal #4."))
    meeting.given(.sendSignal(.jargon), .acknowledgeSignal(SignalID(1)))
    #expect(
      meeting.refusal(.acknowledgeSignal(SignalID(1)))
        == Refusal(.signalAcknowledged, "Signal #1 (jargon) is already dealt with."))
    meeting.given(.sendSignal(.break), .undo(.signal))
    #expect(
      meeting.refusal(.acknowledgeSignal(SignalID(2)))
        == Refusal(.signalAcknowledged, "Signal #2 (break) is already dealt with."))
  }

  // MARK: Decisions and actions

  @Test func decisionsNeedTextAndAnOpenItem() {
    var meeting = Scenario.forum()
    meeting.given(
      .addAgendaItem(title: "Housing"), .addAgendaItem(title: "Education"),
      .addAgendaItem(title: "Transport"),
      .park(title: "Bus passes"), .nextItem, .nextItem, .deferItem(AgendaItemID(3)))
    #expect(
      meeting.refusal(.recordDecision(DecisionDraft(text: " ", method: .consensus, outcome: .agreed)))
        == Refusal(.invalidInput, "A decision needs its text: what was decided?"))
    func draft(_ item: Int) -> Command {
      .recordDecision(
        DecisionDraft(text: "Meet monthly", item: AgendaItemID(item), method: .consensus, outcome: .agreed))
    }
    #expect(
      meeting.refusal(draft(1))
        == Refusal(
          .decisionOnClosedItem,
          "“Housing” is done: record the decision on the current item, give the time it was under way (--at), or reopen it first."
        ))
    #expect(
      meeting.refusal(draft(3))
        == Refusal(
          .decisionOnClosedItem,
          "“Transport” is deferred: record the decision on the current item, give the time it was under way (--at), or reopen it first."
        ))
    #expect(
      meeting.refusal(draft(4))
        == Refusal(
          .decisionOnClosedItem,
          "“Bus passes” is in the parking lot: record the decision on the current item, give the time it was under way (--at), or reopen it first."
        ))
    // Once closed, the item that was current takes no more decisions either.
    meeting.given(.closeItem)
    #expect(meeting.refusal(draft(2))?.code == .decisionOnClosedItem)
  }

  @Test func votesAndStancesAreChecked() {
    var meeting = Scenario.forum()
    let amira = meeting.id("Amira")
    let votes = VoteTally(inFavour: 5, against: 1, abstentions: 0)
    #expect(
      meeting.refusal(
        .recordDecision(
          DecisionDraft(text: "Meet monthly", method: .consensus, outcome: .agreed, votes: votes)))
        == Refusal(.invalidInput, "Vote counts go with the vote method."))
    #expect(
      meeting.refusal(
        .recordDecision(
          DecisionDraft(
            text: "Meet monthly", method: .vote, outcome: .agreed,
            votes: VoteTally(inFavour: 5, against: -1, abstentions: 0))))
        == Refusal(.invalidInput, "Vote counts cannot be negative."))
    #expect(
      meeting.refusal(
        .recordDecision(
          DecisionDraft(
            text: "Meet monthly", method: .consent, outcome: .agreed,
            stances: [
              Stance(participant: amira, stance: .agree),
              Stance(participant: meeting.id("Ben"), stance: .agree),
              Stance(participant: amira, stance: .block),
            ])))
        == Refusal(.invalidInput, "Amira has two stances; give one."))
    #expect(
      meeting.refusal(
        .recordDecision(
          DecisionDraft(
            text: "Meet monthly", method: .consent, outcome: .agreed,
            stances: [Stance(participant: ParticipantID(9), stance: .agree)])))
        == Refusal(.unknownParticipant, "There is no participant #9."))
  }

  @Test func unknownAndWithdrawnDecisions() {
    var meeting = Scenario.forum()
    meeting.given(.recordDecision(DecisionDraft(text: "Meet monthly", method: .consensus, outcome: .agreed)))
    let agree = Stance(participant: meeting.id("Amira"), stance: .agree)
    let unknown = Refusal(.unknownDecision, "There is no decision #3.")
    let three = DecisionID(3)
    for command: Command in [
      .recordStance(three, agree), .amendDecision(DecisionAmendment(decision: three, text: "x")),
      .withdrawDecision(three, reason: "x"),
      .addAction(ActionDraft(decision: three, owner: "Ben", text: "x")),
    ] {
      #expect(meeting.refusal(command) == unknown, "\(command)")
    }
    #expect(
      meeting.refusal(.recordStance(DecisionID(1), Stance(participant: ParticipantID(9), stance: .agree)))
        == Refusal(.unknownParticipant, "There is no participant #9."))
    #expect(
      meeting.refusal(.withdrawDecision(DecisionID(1), reason: " "))
        == Refusal(.invalidInput, "Say why the decision is withdrawn."))
    meeting.given(.withdrawDecision(DecisionID(1), reason: "Recorded twice"))
    let withdrawn = Refusal(.decisionWithdrawn, "Decision #1 was withdrawn; record a new one instead.")
    let one = DecisionID(1)
    for command: Command in [
      .recordStance(one, agree), .amendDecision(DecisionAmendment(decision: one, text: "x")),
      .withdrawDecision(one, reason: "x"), .addAction(ActionDraft(decision: one, owner: "Ben", text: "x")),
    ] {
      #expect(meeting.refusal(command) == withdrawn, "\(command)")
    }
  }

  @Test func amendmentsAreChecked() {
    var meeting = Scenario.forum()
    meeting.given(
      .recordDecision(
        DecisionDraft(text: "Meet monthly", method: .consensus, outcome: .agreed, rung: .coDesign)),
      .recordDecision(
        DecisionDraft(
          text: "Pay expenses", method: .vote, outcome: .agreed,
          votes: VoteTally(inFavour: 6, against: 1, abstentions: 0))))
    let nothing = Refusal(.unchanged, "Nothing to change in decision #1.")
    #expect(meeting.refusal(.amendDecision(DecisionAmendment(decision: DecisionID(1)))) == nothing)
    #expect(
      meeting.refusal(
        .amendDecision(
          DecisionAmendment(
            decision: DecisionID(1), text: " Meet monthly ", method: .consensus, outcome: .agreed,
            rung: .coDesign)))
        == nothing)
    #expect(
      meeting.refusal(.amendDecision(DecisionAmendment(decision: DecisionID(1), text: "")))
        == Refusal(.invalidInput, "A decision needs its text: what was decided?"))
    #expect(
      meeting.refusal(
        .amendDecision(
          DecisionAmendment(
            decision: DecisionID(1), votes: VoteTally(inFavour: 1, against: 0, abstentions: 0))))
        == Refusal(.invalidInput, "Vote counts go with the vote method."))
    #expect(
      meeting.refusal(
        .amendDecision(
          DecisionAmendment(
            decision: DecisionID(2), votes: VoteTally(inFavour: 6, against: 0, abstentions: -1))))
        == Refusal(.invalidInput, "Vote counts cannot be negative."))
  }

  @Test func actionsNeedAnOwnerAndText() {
    var meeting = Scenario.forum()
    #expect(
      meeting.refusal(.addAction(ActionDraft(owner: "  ", text: "Book rooms")))
        == Refusal(.invalidInput, "An action item needs an owner: who will do it?"))
    #expect(
      meeting.refusal(.addAction(ActionDraft(owner: "Ben", text: "")))
        == Refusal(.invalidInput, "An action item needs its text: what will be done?"))
    #expect(
      meeting.refusal(
        .addAction(ActionDraft(owner: "Ben", ownerParticipant: ParticipantID(9), text: "Book rooms")))
        == Refusal(.unknownParticipant, "There is no participant #9."))
    // The actions a decision carries are checked the same way, and refuse the whole decision.
    #expect(
      meeting.refusal(
        .recordDecision(
          DecisionDraft(
            text: "Meet monthly", method: .consensus, outcome: .agreed,
            actions: [ActionDraft(owner: "Ben", text: "Book rooms"), ActionDraft(owner: "Dev", text: " ")])))
        == Refusal(.invalidInput, "An action item needs its text: what will be done?"))
  }

  // MARK: Undo

  @Test(arguments: [
    (UndoKind.hand, "Nothing to undo: no raised hand recorded."),
    (.lower, "Nothing to undo: no lowered hand recorded."),
    (.floor, "Nothing to undo: no floor given recorded."),
    (.move, "Nothing to undo: no queue move recorded."),
    (.contribution, "Nothing to undo: no contribution recorded."),
    (.signal, "Nothing to undo: no signal recorded."),
    (.decision, "Nothing to undo: no decision recorded."),
    (.action, "Nothing to undo: no action item recorded."),
    (.acknowledgement, "Nothing to undo: no signal acknowledgement recorded."),
    (.turnEnd, "Nothing to undo: no ended turn recorded."),
    (.agenda, "Nothing to undo: no agenda step recorded."),
  ])
  func nothingToUndo(kind: UndoKind, message: String) {
    var meeting = Scenario.forum()
    #expect(meeting.refusal(.undo(kind)) == Refusal(.nothingToUndo, message))
  }

  @Test(arguments: UndoKind.allCases)
  func anUndoneActionCannotBeUndoneTwice(kind: UndoKind) {
    var meeting = Scenario.forum()
    let amira = meeting.id("Amira")
    switch kind {
    case .hand: meeting.given(.raiseHand(amira))
    case .lower: meeting.given(.raiseHand(amira), .lowerHand(amira))
    case .floor: meeting.given(.giveFloor(amira))
    case .move:
      meeting.given(.raiseHand(amira), .raiseHand(meeting.id("Ben")), .moveEntry(amira, to: 2, reason: "x"))
    case .contribution: meeting.given(.recordContribution(amira, mode: .written, text: "Card"))
    case .signal: meeting.given(.sendSignal(.slower))
    case .decision:
      meeting.given(.recordDecision(DecisionDraft(text: "x", method: .other, outcome: .deferred)))
    case .action: meeting.given(.addAction(ActionDraft(owner: "Ben", text: "Book rooms")))
    case .acknowledgement: meeting.given(.sendSignal(.slower), .acknowledgeSignal(SignalID(1)))
    case .turnEnd: meeting.given(.giveFloor(amira), .endTurn)
    case .agenda:
      meeting.given(.addAgendaItem(title: "One"), .addAgendaItem(title: "Two"), .nextItem, .nextItem)
    }
    meeting.given(.undo(kind))
    // The first agenda step is still remembered, but nothing was open before it to go back to.
    #expect(meeting.refusal(.undo(kind))?.code == (kind == .agenda ? .cannotUndo : .nothingToUndo))
  }

  @Test func aRaisedHandThatIsNoLongerUpCannotBeUndone() {
    var meeting = Scenario.forum()
    let refusal = Refusal(.cannotUndo, "Can't undo Amira's raised hand: it is no longer up.")
    meeting.given(.raiseHand(meeting.id("Amira")), .lowerHand(meeting.id("Amira")))
    #expect(meeting.refusal(.undo(.hand)) == refusal)
    meeting.given(.raiseHand(meeting.id("Amira")), .nextSpeaker)
    #expect(meeting.refusal(.undo(.hand)) == refusal)
  }

  @Test func aLoweredHandComesBackOnlyIfItCan() {
    var meeting = Scenario.forum()
    let refusal = Refusal(
      .cannotUndo,
      "Can't put Ben's hand back up: it is up again, they have the floor, they left, or they are an observer now."
    )
    let ben = meeting.id("Ben")
    meeting.given(.raiseHand(ben), .lowerHand(ben), .raiseHand(ben))
    #expect(meeting.refusal(.undo(.lower)) == refusal)
    meeting.given(.lowerHand(ben, byFacilitator: true), .giveFloor(ben))
    #expect(meeting.refusal(.undo(.lower)) == refusal)
    meeting.given(.endTurn, .leave(ben))
    #expect(meeting.refusal(.undo(.lower)) == refusal)
  }

  @Test func anObserverDoesNotGetAHandBack() {
    var meeting = Scenario.forum()
    let dev = meeting.id("Dev")
    meeting.given(.raiseHand(dev), .lowerHand(dev), .updateParticipant(dev, role: .observer))
    #expect(
      meeting.refusal(.undo(.lower))
        == Refusal(
          .cannotUndo,
          "Can't put Dev's hand back up: it is up again, they have the floor, they left, or they are an observer now."
        ))
    #expect(meeting.state.entries.isEmpty)
  }

  @Test func theFloorCanOnlyBeTakenBackDuringTheTurn() {
    var meeting = Scenario.forum()
    meeting.given(.giveFloor(meeting.id("Ben")), .endTurn)
    #expect(
      meeting.refusal(.undo(.floor))
        == Refusal(.cannotUndo, "Can't undo giving the floor to Ben: that turn has already ended."))
    // Undoing Dev's floor does not bring back Chloe's turn that it ended: hers cannot be undone.
    meeting.given(.giveFloor(meeting.id("Chloe")), .giveFloor(meeting.id("Dev")), .undo(.floor))
    #expect(meeting.state.currentTurn == nil)
    #expect(
      meeting.refusal(.undo(.floor))
        == Refusal(.cannotUndo, "Can't undo giving the floor to Chloe: that turn has already ended."))
  }

  @Test func aMoveCannotBeUndoneOnceTheHandIsGone() {
    var meeting = Scenario.forum()
    let refusal = Refusal(
      .cannotUndo, "Can't undo the move of Dev: their hand has since been lowered, moved or heard.")
    meeting.given(
      .raiseHand(meeting.id("Amira")), .raiseHand(meeting.id("Dev")),
      .moveEntry(meeting.id("Dev"), to: 1, reason: "Has to leave early"), .lowerHand(meeting.id("Dev")))
    #expect(meeting.refusal(.undo(.move)) == refusal)
    meeting.given(
      .raiseHand(meeting.id("Dev")), .moveEntry(meeting.id("Dev"), to: 1, reason: "Has to leave early"),
      .nextSpeaker)
    #expect(meeting.refusal(.undo(.move)) == refusal)
  }

  /// Commands only withdraw contributions, signals and actions through undo, which also drops
  /// the undo record; a log written elsewhere can still hold a bare withdrawal.
  @Test func aBareWithdrawalInTheLogLeavesNothingToTakeBack() {
    var meeting = Scenario.forum()
    meeting.given(
      .recordContribution(meeting.id("Amira"), mode: .written, text: "Card"), .sendSignal(.jargon),
      .addAction(ActionDraft(owner: "Ben", text: "Book rooms")))
    for event: MeetingEvent in [
      .contributionWithdrawn(ContributionWithdrawn(contribution: ContributionID(1))),
      .signalWithdrawn(SignalWithdrawn(signal: SignalID(1))),
      .actionItemWithdrawn(ActionItemWithdrawn(action: ActionItemID(1))),
    ] {
      meeting.state.apply(
        RecordedEvent(
          sequence: meeting.state.version + 1, id: meeting.ids.nextEventID(), time: meeting.now, event: event)
      )
    }
    #expect(
      meeting.refusal(.undo(.contribution)) == Refusal(.cannotUndo, "That contribution is already withdrawn.")
    )
    #expect(meeting.refusal(.undo(.signal)) == Refusal(.cannotUndo, "That signal is already withdrawn."))
    #expect(meeting.refusal(.undo(.action)) == Refusal(.cannotUndo, "That action item is already withdrawn."))
  }

  @Test func aWithdrawnDecisionCannotBeUndone() {
    var meeting = Scenario.forum()
    meeting.given(
      .recordDecision(DecisionDraft(text: "Meet monthly", method: .consensus, outcome: .agreed)),
      .withdrawDecision(DecisionID(1), reason: "Recorded twice"))
    #expect(meeting.refusal(.undo(.decision)) == Refusal(.cannotUndo, "Decision #1 is already withdrawn."))
  }
}
