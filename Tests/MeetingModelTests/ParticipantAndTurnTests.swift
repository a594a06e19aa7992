import MeetingModel
import Testing

@Suite("Participants, turns, airtime, go-rounds and signals")
struct ParticipantAndTurnTests {
  // MARK: Joining, leaving, coming back

  @Test func joiningRecordsNameTagsRoleAndAdjustment() throws {
    var meeting = Scenario()
    let events = try meeting.when(
      .join(
        name: "  Amira ", tags: [" lived-experience ", "", "young-person", "lived-experience"],
        role: .coFacilitator, timeAdjustment: 1.5))
    #expect(
      events == [
        .participantJoined(
          ParticipantJoined(
            participant: ParticipantID(1), name: "Amira", tags: ["lived-experience", "young-person"],
            role: .coFacilitator, timeAdjustment: 1.5))
      ])
    let amira = try #require(meeting.state.participant(ParticipantID(1)))
    #expect(amira.name == "Amira")
    #expect(amira.tags == ["lived-experience", "young-person"])
    #expect(amira.role == .coFacilitator)
    #expect(amira.timeAdjustment == 1.5)
    #expect(amira.isPresent)
    #expect(amira.speaks)
    #expect(amira.presence.map(\.from) == [Scenario.start])
    #expect(amira.presence.map(\.until) == [nil])
    #expect(
      try meeting.when(.join(name: "Olu", role: .observer))
        == [
          .participantJoined(
            ParticipantJoined(
              participant: ParticipantID(2), name: "Olu", tags: [], role: .observer, timeAdjustment: 1))
        ])
    #expect(meeting.state.participant(ParticipantID(2))?.speaks == false)
    #expect(meeting.state.present.map(\.name) == ["Amira", "Olu"])
  }

  @Test func leavingAndReturningKeepsAttendanceSpans() throws {
    var meeting = Scenario.forum()
    meeting.advance(seconds: 600)
    #expect(
      try meeting.when(.leave(meeting.id("Amira"))) == [
        .participantLeft(ParticipantLeft(participant: ParticipantID(1)))
      ])
    #expect(meeting.state.participant(ParticipantID(1))?.isPresent == false)
    #expect(meeting.state.present.map(\.name) == ["Ben", "Chloe", "Dev"])
    meeting.advance(seconds: 900)
    // Coming back is matched by name, whatever the case.
    #expect(
      try meeting.when(.join(name: "AMIRA"))
        == [.participantReturned(ParticipantReturned(participant: ParticipantID(1)))])
    #expect(meeting.state.participants.count == 4)
    let amira = try #require(meeting.state.participant(ParticipantID(1)))
    #expect(amira.isPresent)
    #expect(amira.name == "Amira")
    #expect(amira.tags == ["lived-experience"])
    #expect(
      amira.presence.map(\.from) == [Scenario.start, Scenario.start.adding(seconds: 1500)])
    #expect(amira.presence.map(\.until) == [Scenario.start.adding(seconds: 600), nil])

    meeting.advance(seconds: 300)
    meeting.given(.leave(ParticipantID(1)))
    meeting.advance(seconds: 60)
    #expect(
      try meeting.when(.join(name: "Amira", tags: ["young-person"], role: .noteTaker, timeAdjustment: 2))
        == [
          .participantReturned(ParticipantReturned(participant: ParticipantID(1))),
          .participantUpdated(
            ParticipantUpdated(
              participant: ParticipantID(1), tags: ["young-person"], role: .noteTaker, timeAdjustment: 2)),
        ])
    let back = try #require(meeting.state.participant(ParticipantID(1)))
    #expect(back.presence.count == 3)
    #expect(
      back.presence.map(\.until) == [
        Scenario.start.adding(seconds: 600), Scenario.start.adding(seconds: 1800), nil,
      ])
    #expect(back.tags == ["young-person"])
    #expect(back.role == .noteTaker)
    #expect(back.timeAdjustment == 2)
  }

  @Test func leavingWhileSpeakingOrWaitingEndsTheTurnAndLowersTheHand() throws {
    var meeting = Scenario.forum()
    meeting.given(.giveFloor(meeting.id("Amira")), .raiseHand(meeting.id("Ben")))
    meeting.advance(seconds: 35)
    #expect(
      try meeting.when(.leave(meeting.id("Amira")))
        == [
          .turnEnded(TurnEnded(participant: ParticipantID(1))),
          .participantLeft(ParticipantLeft(participant: ParticipantID(1))),
        ])
    #expect(meeting.state.voice(of: ParticipantID(1)).spokenMilliseconds == 35_000)
    #expect(
      try meeting.when(.leave(meeting.id("Ben")))
        == [
          .handLowered(HandLowered(participant: ParticipantID(2), reason: .left)),
          .participantLeft(ParticipantLeft(participant: ParticipantID(2))),
        ])
    #expect(meeting.state.entries.isEmpty)
    // A hand that went down because its owner left is not an undoable lower.
    #expect(meeting.refusal(.undo(.lower))?.code == .nothingToUndo)
  }

  @Test func updatingRecordsOnlyWhatChanges() throws {
    var meeting = Scenario.forum()
    let ben = meeting.id("Ben")
    #expect(
      try meeting.when(
        .updateParticipant(
          ben, tags: ["professional", " parent-carer ", ""], role: .facilitator, timeAdjustment: 1))
        == [
          .participantUpdated(
            ParticipantUpdated(
              participant: ParticipantID(2), tags: ["professional", "parent-carer"], role: .facilitator))
        ])
    #expect(meeting.state.participant(ben)?.tags == ["professional", "parent-carer"])
    #expect(meeting.state.participant(ben)?.role == .facilitator)
    #expect(
      try meeting.when(.updateParticipant(ben, timeAdjustment: 1.5))
        == [.participantUpdated(ParticipantUpdated(participant: ParticipantID(2), timeAdjustment: 1.5))])
    #expect(meeting.state.participant(ben)?.timeAdjustment == 1.5)
    #expect(
      try meeting.when(.updateParticipant(ben, role: .observer))
        == [.participantUpdated(ParticipantUpdated(participant: ParticipantID(2), role: .observer))])
    #expect(meeting.state.participant(ben)?.speaks == false)
    #expect(meeting.state.voiceStats().people.map(\.name) == ["Amira", "Chloe", "Dev"])
    // Someone who has left can still be updated.
    meeting.given(.leave(meeting.id("Dev")))
    #expect(
      try meeting.when(.updateParticipant(meeting.id("Dev"), tags: []))
        == [.participantUpdated(ParticipantUpdated(participant: ParticipantID(4), tags: []))])
  }

  // MARK: Names

  @Test func unicodeNamesAreKeptAndFoundWithoutCaseOrAccents() throws {
    let meeting = Scenario(
      people: [
        ("Siobhán", ["lived-experience"]), ("Zoë", []), ("会議", []), ("🌈 Rainbow", []), ("José María", []),
      ])
    let state = meeting.state
    #expect(state.participants.map(\.name) == ["Siobhán", "Zoë", "会議", "🌈 Rainbow", "José María"])
    #expect(try state.participantID(named: "siobhan") == ParticipantID(1))
    #expect(try state.participantID(named: "SIOBHÁN") == ParticipantID(1))
    #expect(try state.participantID(named: " Siob ") == ParticipantID(1))
    #expect(try state.participantID(named: "zoe") == ParticipantID(2))
    #expect(try state.participantID(named: "ZOË") == ParticipantID(2))
    #expect(try state.participantID(named: "ｚｏｅ") == ParticipantID(2))
    #expect(try state.participantID(named: "会議") == ParticipantID(3))
    #expect(try state.participantID(named: "会") == ParticipantID(3))
    #expect(try state.participantID(named: "🌈") == ParticipantID(4))
    #expect(try state.participantID(named: "rainbow") == ParticipantID(4))
    #expect(try state.participantID(named: "maria") == ParticipantID(5))
    #expect(try state.participantID(named: "jose maria") == ParticipantID(5))
    #expect(
      throws: Refusal(.unknownParticipant, "Nobody called “会話” has joined. Did you mean 会議?")
    ) { try state.participantID(named: "会話") }
  }

  @Test func someoneWithAnAccentedNameComesBackUnderThePlainSpelling() throws {
    var meeting = Scenario(people: [("Zoë", ["young-person"])])
    meeting.given(.leave(ParticipantID(1)))
    #expect(
      try meeting.when(.join(name: "zoe")) == [
        .participantReturned(ParticipantReturned(participant: ParticipantID(1)))
      ])
    #expect(meeting.state.participant(ParticipantID(1))?.name == "Zoë")
  }

  // MARK: Turns

  @Test func nextGivesTheFloorToTheHeadOfTheQueue() throws {
    var meeting = Scenario.forum()
    meeting.given(.raiseHand(meeting.id("Ben")), .raiseHand(meeting.id("Amira")))
    #expect(
      try meeting.when(.nextSpeaker)
        == [
          .meetingOpened(MeetingOpened()),
          .turnStarted(TurnStarted(participant: ParticipantID(2), kind: .point, source: .queue)),
        ])
    #expect(meeting.state.entries.map(\.participant) == [ParticipantID(1)])
    meeting.advance(seconds: 30)
    #expect(
      try meeting.when(.nextSpeaker)
        == [
          .turnEnded(TurnEnded(participant: ParticipantID(2))),
          .turnStarted(TurnStarted(participant: ParticipantID(1), kind: .point, source: .queue)),
        ])
    meeting.advance(seconds: 20)
    // Nobody waiting: next just ends the turn.
    #expect(try meeting.when(.nextSpeaker) == [.turnEnded(TurnEnded(participant: ParticipantID(1)))])
    #expect(meeting.state.currentTurn == nil)
    #expect(meeting.state.turns.map(\.participant) == [ParticipantID(2), ParticipantID(1)])
    #expect(meeting.state.turns.map(\.start) == [Scenario.start, Scenario.start.adding(seconds: 30)])
    #expect(
      meeting.state.turns.map(\.end) == [
        Scenario.start.adding(seconds: 30), Scenario.start.adding(seconds: 50),
      ])
    #expect(meeting.state.turns.map(\.source) == [.queue, .queue])
    #expect(meeting.state.voice(of: ParticipantID(2)).spokenMilliseconds == 30_000)
    #expect(meeting.state.voice(of: ParticipantID(1)).spokenMilliseconds == 20_000)
    #expect(meeting.state.voice(of: ParticipantID(1)).turns == 1)
  }

  @Test func nextTakesAnInterruptWithItsKind() throws {
    var meeting = Scenario.forum()
    meeting.given(.raiseHand(meeting.id("Chloe")), .raiseHand(meeting.id("Dev"), kind: .clarify))
    #expect(
      try meeting.when(.nextSpeaker)
        == [
          .meetingOpened(MeetingOpened()),
          .turnStarted(TurnStarted(participant: ParticipantID(4), kind: .clarify, source: .queue)),
        ])
    #expect(meeting.state.currentTurn?.kind == .clarify)
  }

  @Test func theFloorCanBeGivenDirectlyOrToAWaitingHand() throws {
    var meeting = Scenario.forum()
    meeting.given(.raiseHand(meeting.id("Chloe"), kind: .clarify))
    #expect(
      try meeting.when(.giveFloor(meeting.id("Dev")))
        == [
          .meetingOpened(MeetingOpened()),
          .turnStarted(TurnStarted(participant: ParticipantID(4), kind: .point, source: .direct)),
        ])
    meeting.advance(seconds: 12)
    #expect(
      try meeting.when(.giveFloor(meeting.id("Chloe")))
        == [
          .turnEnded(TurnEnded(participant: ParticipantID(4))),
          .turnStarted(TurnStarted(participant: ParticipantID(3), kind: .clarify, source: .queue)),
        ])
    #expect(meeting.state.entries.isEmpty)
    meeting.advance(seconds: 8)
    #expect(try meeting.when(.endTurn) == [.turnEnded(TurnEnded(participant: ParticipantID(3)))])
    #expect(meeting.state.turns.map(\.source) == [.direct, .queue])
    #expect(meeting.state.turns.map { $0.milliseconds(at: meeting.now) } == [12_000, 8_000])
  }

  // MARK: Airtime

  /// Amira spoke 30 s, Ben 90 s, Chloe wrote a card credited 60 s, Dev nothing.
  static func heardForum() -> Scenario {
    var meeting = Scenario.forum()
    meeting.speak("Amira", seconds: 30)
    meeting.speak("Ben", seconds: 90)
    meeting.given(
      .recordContribution(meeting.id("Chloe"), mode: .written, text: "Card: bus passes", creditSeconds: 60))
    return meeting
  }

  @Test func airtimePerPerson() {
    let stats = Self.heardForum().state.voiceStats()
    #expect(stats.people.map(\.participant) == [1, 2, 3, 4].map { ParticipantID($0) })
    #expect(stats.people.map(\.name) == ["Amira", "Ben", "Chloe", "Dev"])
    #expect(stats.people.map(\.spokenSeconds) == [30, 90, 0, 0])
    #expect(stats.people.map(\.creditedSeconds) == [0, 0, 60, 0])
    #expect(stats.people.map(\.airtimeSeconds) == [30, 90, 60, 0])
    #expect(stats.people.map(\.turns) == [1, 1, 0, 0])
    #expect(stats.people.map(\.contributions) == [0, 0, 1, 0])
    #expect(stats.people.map(\.share) == [1.0 / 6, 0.5, 1.0 / 3, 0])
    #expect(stats.people.map(\.isPresent) == [true, true, true, true])
    #expect(stats.totalAirtimeSeconds == 180)
    #expect(stats.totalTurns == 2)
  }

  @Test func airtimePerGroupAgainstTargets() {
    var meeting = Self.heardForum()
    var stats = meeting.state.voiceStats()
    #expect(stats.groups.map(\.tag) == ["lived-experience", "professional"])
    #expect(stats.groups.map(\.members) == [2, 2])
    #expect(stats.groups.map(\.membersPresent) == [2, 2])
    #expect(stats.groups.map(\.airtimeSeconds) == [90, 90])
    #expect(stats.groups.map(\.turns) == [1, 1])
    #expect(stats.groups.map(\.share) == [0.5, 0.5])
    #expect(stats.groups.map(\.target) == [0.5, 0.5])

    meeting.given(.leave(meeting.id("Dev")))
    stats = meeting.state.voiceStats()
    #expect(stats.groups.map(\.membersPresent) == [2, 1])
    #expect(stats.people.map(\.isPresent) == [true, true, true, false])

    let policy = QueuePolicy(
      groupTargets: [
        GroupTarget(tag: "lived-experience", share: 0.7), GroupTarget(tag: "professional", share: 0.3),
      ])
    meeting.given(.changePolicy(policy))
    #expect(meeting.state.voiceStats().groups.map(\.target) == [0.7, 0.3])
    meeting.given(.changePolicy(.fifo))
    #expect(meeting.state.voiceStats().groups.map(\.target) == [nil, nil])
  }

  @Test func aTurnInProgressCountsUpToNow() {
    var meeting = Self.heardForum()
    meeting.given(.giveFloor(meeting.id("Dev")))
    meeting.advance(seconds: 45)
    let live = meeting.state.voiceStats(now: meeting.now)
    #expect(live.people.map(\.spokenSeconds) == [30, 90, 0, 45])
    #expect(live.people.map(\.turns) == [1, 1, 0, 1])
    #expect(live.totalAirtimeSeconds == 225)
    #expect(live.totalTurns == 3)
    #expect(live.groups.map(\.airtimeSeconds) == [90, 135])
    // Without a now, only finished turns count.
    let finished = meeting.state.voiceStats()
    #expect(finished.people.map(\.spokenSeconds) == [30, 90, 0, 0])
    #expect(finished.totalTurns == 2)
    #expect(meeting.state.currentTurn?.milliseconds(at: meeting.now) == 45_000)
  }

  @Test func airtimePerAgendaItem() {
    var meeting = Scenario.forum()
    meeting.speak("Amira", seconds: 30)  // Before the agenda starts.
    meeting.given(.addAgendaItem(title: "Housing"), .addAgendaItem(title: "Education"), .nextItem)
    meeting.speak("Ben", seconds: 90)
    meeting.given(
      .recordContribution(meeting.id("Chloe"), mode: .written, text: "Card: rents", creditSeconds: 60))
    meeting.given(.nextItem)
    meeting.speak("Dev", seconds: 20)
    meeting.given(.giveFloor(meeting.id("Amira")))
    meeting.advance(seconds: 15)

    let housing = meeting.state.voiceStats(now: meeting.now, item: AgendaItemID(1))
    #expect(housing.people.map(\.spokenSeconds) == [0, 90, 0, 0])
    #expect(housing.people.map(\.creditedSeconds) == [0, 0, 60, 0])
    #expect(housing.people.map(\.turns) == [0, 1, 0, 0])
    #expect(housing.people.map(\.contributions) == [0, 0, 1, 0])
    #expect(housing.totalAirtimeSeconds == 150)
    #expect(housing.people.map(\.share) == [0, 0.6, 0.4, 0])

    let education = meeting.state.voiceStats(now: meeting.now, item: AgendaItemID(2))
    #expect(education.people.map(\.spokenSeconds) == [15, 0, 0, 20])
    #expect(education.people.map(\.turns) == [1, 0, 0, 1])
    #expect(education.totalAirtimeSeconds == 35)
    #expect(meeting.state.voiceStats(item: AgendaItemID(2)).totalAirtimeSeconds == 20)

    let whole = meeting.state.voiceStats(now: meeting.now)
    #expect(whole.people.map(\.spokenSeconds) == [45, 90, 0, 20])
    #expect(whole.totalAirtimeSeconds == 215)
    #expect(whole.totalTurns == 4)

    #expect(meeting.state.speakersWithoutItem == [ParticipantID(1)])
    #expect(meeting.state.item(AgendaItemID(1))?.speakers == [ParticipantID(2), ParticipantID(3)])
    #expect(meeting.state.item(AgendaItemID(2))?.speakers == [ParticipantID(4)])
  }

  @Test func giniOfAirtimeAmongThosePresent() {
    var meeting = Self.heardForum()
    // Airtime 30, 90, 60, 0: sorted 0, 30, 60, 90; Σ(2i − n − 1)·x = −30 + 60 + 270 = 300;
    // 300 / (4 · 180) = 5/12.
    #expect(meeting.state.voiceStats().gini == 5.0 / 12)
    // Dev leaves: 30, 60, 90 give (−2·30 + 0 + 2·90) / (3 · 180) = 120/540 = 2/9.
    meeting.given(.leave(meeting.id("Dev")))
    #expect(meeting.state.voiceStats().gini == 2.0 / 9)
    // Observers are left out too.
    meeting.given(.join(name: "Olu", role: .observer))
    #expect(meeting.state.voiceStats().gini == 2.0 / 9)
    #expect(Scenario.forum().state.voiceStats().gini == 0)
  }

  @Test func giniCoefficientByHand() {
    #expect(giniCoefficient([]) == 0)
    #expect(giniCoefficient([42]) == 0)
    #expect(giniCoefficient([0, 0, 0]) == 0)
    #expect(giniCoefficient([60, 60, 60]) == 0)
    #expect(giniCoefficient([0, 100]) == 0.5)
    #expect(giniCoefficient([100, 0, 0, 0]) == 0.75)
    #expect(giniCoefficient([40, 10, 30, 20]) == 0.25)
  }

  // MARK: Go-rounds

  @Test func aRoundGoesInOrderWithPassesAndSkipsWhoLeft() throws {
    var meeting = Scenario.forum()
    #expect(
      try meeting.when(.startRound(topic: " Check-in "))
        == [
          .meetingOpened(MeetingOpened()),
          .roundStarted(RoundStarted(order: [1, 2, 3, 4].map { ParticipantID($0) }, topic: "Check-in")),
        ])
    #expect(meeting.state.round?.topic == "Check-in")
    #expect(meeting.state.round?.upcoming == ParticipantID(1))
    #expect(
      try meeting.when(.nextSpeaker)
        == [.turnStarted(TurnStarted(participant: ParticipantID(1), kind: .point, source: .round))])
    meeting.advance(seconds: 40)
    #expect(
      try meeting.when(.passInRound)
        == [
          .turnEnded(TurnEnded(participant: ParticipantID(1))),
          .roundPassed(RoundPassed(participant: ParticipantID(2))),
        ])
    #expect(meeting.state.round?.done == 2)
    #expect(meeting.state.round?.upcoming == ParticipantID(3))
    meeting.given(.leave(meeting.id("Chloe")))
    #expect(
      try meeting.when(.nextSpeaker)
        == [
          .roundPassed(RoundPassed(participant: ParticipantID(3))),
          .turnStarted(TurnStarted(participant: ParticipantID(4), kind: .point, source: .round)),
        ])
    #expect(meeting.state.round?.passes == [ParticipantID(2), ParticipantID(3)])
    meeting.advance(seconds: 25)
    // The round ends after the last person in it.
    #expect(
      try meeting.when(.endTurn) == [
        .turnEnded(TurnEnded(participant: ParticipantID(4))), .roundEnded(RoundEnded()),
      ])
    #expect(meeting.state.round == nil)
    #expect(meeting.state.turns.map(\.participant) == [ParticipantID(1), ParticipantID(4)])
    #expect(meeting.state.turns.map(\.source) == [.round, .round])
    #expect(meeting.state.voiceStats().people.map(\.spokenSeconds) == [40, 0, 0, 25])
  }

  @Test func aRoundInAGivenOrderEndsWithNextAfterTheLast() throws {
    var meeting = Scenario.forum()
    meeting.given(.raiseHand(meeting.id("Ben")))
    #expect(
      try meeting.when(.startRound(order: [meeting.id("Dev"), meeting.id("Amira")]))
        == [
          .meetingOpened(MeetingOpened()),
          .roundStarted(RoundStarted(order: [ParticipantID(4), ParticipantID(1)])),
        ])
    #expect(
      try meeting.when(.nextSpeaker)
        == [.turnStarted(TurnStarted(participant: ParticipantID(4), kind: .point, source: .round))])
    #expect(
      try meeting.when(.nextSpeaker)
        == [
          .turnEnded(TurnEnded(participant: ParticipantID(4))),
          .turnStarted(TurnStarted(participant: ParticipantID(1), kind: .point, source: .round)),
        ])
    #expect(
      try meeting.when(.nextSpeaker) == [
        .turnEnded(TurnEnded(participant: ParticipantID(1))), .roundEnded(RoundEnded()),
      ])
    // The hand raised before the round is still waiting, and is next now.
    #expect(
      try meeting.when(.nextSpeaker)
        == [.turnStarted(TurnStarted(participant: ParticipantID(2), kind: .point, source: .queue))])
  }

  @Test func passingTheLastOrSkippingTheLastEndsTheRound() throws {
    var meeting = Scenario.forum()
    meeting.given(.startRound(order: [meeting.id("Dev"), meeting.id("Amira")]), .nextSpeaker)
    #expect(
      try meeting.when(.passInRound)
        == [
          .turnEnded(TurnEnded(participant: ParticipantID(4))),
          .roundPassed(RoundPassed(participant: ParticipantID(1))),
          .roundEnded(RoundEnded()),
        ])
    meeting.given(
      .startRound(order: [meeting.id("Ben"), meeting.id("Chloe")]), .nextSpeaker, .leave(meeting.id("Chloe")))
    #expect(
      try meeting.when(.nextSpeaker)
        == [
          .turnEnded(TurnEnded(participant: ParticipantID(2))),
          .roundPassed(RoundPassed(participant: ParticipantID(3))),
          .roundEnded(RoundEnded()),
        ])
  }

  @Test func endingARoundEarly() throws {
    var meeting = Scenario.forum()
    meeting.given(.startRound(), .nextSpeaker)
    #expect(
      try meeting.when(.endRound) == [
        .turnEnded(TurnEnded(participant: ParticipantID(1))), .roundEnded(RoundEnded()),
      ])
    meeting.given(.startRound(), .passInRound)
    #expect(try meeting.when(.endRound) == [.roundEnded(RoundEnded())])
    #expect(meeting.state.round == nil)
  }

  @Test func theLastPersonInARoundLeavingEndsTheRound() throws {
    var meeting = Scenario.forum()
    meeting.given(.startRound(order: [meeting.id("Amira"), meeting.id("Ben")]), .nextSpeaker, .nextSpeaker)
    #expect(
      try meeting.when(.leave(meeting.id("Ben")))
        == [
          .turnEnded(TurnEnded(participant: ParticipantID(2))),
          .roundEnded(RoundEnded()),
          .participantLeft(ParticipantLeft(participant: ParticipantID(2))),
        ])
    #expect(meeting.state.round == nil)
    #expect(
      try meeting.when(.giveFloor(meeting.id("Amira")))
        == [.turnStarted(TurnStarted(participant: ParticipantID(1), kind: .point, source: .direct))])
  }

  @Test func movingOnFromTheLastTurnInARoundEndsTheRound() throws {
    var meeting = Scenario.forum()
    meeting.given(.addAgendaItem(title: "Housing"), .addAgendaItem(title: "Education"), .nextItem)
    meeting.given(.startRound(order: [meeting.id("Amira"), meeting.id("Ben")]), .nextSpeaker, .nextSpeaker)
    #expect(
      try meeting.when(.nextItem)
        == [
          .turnEnded(TurnEnded(participant: ParticipantID(2))),
          .roundEnded(RoundEnded()),
          .agendaItemClosed(AgendaItemClosed(item: AgendaItemID(1))),
          .agendaItemStarted(AgendaItemStarted(item: AgendaItemID(2))),
        ])
    #expect(meeting.state.round == nil)
  }

  @Test func aRoundThatIsNotOverGoesOnAcrossItemsAndLeaving() throws {
    var meeting = Scenario.forum()
    meeting.given(.addAgendaItem(title: "Housing"), .addAgendaItem(title: "Education"), .nextItem)
    meeting.given(
      .startRound(order: [meeting.id("Amira"), meeting.id("Ben"), meeting.id("Chloe")]), .nextSpeaker)
    #expect(
      try meeting.when(.nextItem)
        == [
          .turnEnded(TurnEnded(participant: ParticipantID(1))),
          .agendaItemClosed(AgendaItemClosed(item: AgendaItemID(1))),
          .agendaItemStarted(AgendaItemStarted(item: AgendaItemID(2))),
        ])
    meeting.given(.nextSpeaker)
    #expect(
      try meeting.when(.leave(meeting.id("Ben")))
        == [
          .turnEnded(TurnEnded(participant: ParticipantID(2))),
          .participantLeft(ParticipantLeft(participant: ParticipantID(2))),
        ])
    #expect(meeting.state.round?.upcoming == ParticipantID(3))
  }

  @Test func someoneWhoBecameAnObserverPassesInTheRound() throws {
    var meeting = Scenario.forum()
    meeting.given(
      .startRound(order: [meeting.id("Amira"), meeting.id("Ben"), meeting.id("Chloe")]), .nextSpeaker)
    meeting.given(.updateParticipant(meeting.id("Ben"), role: .observer))
    #expect(
      try meeting.when(.nextSpeaker)
        == [
          .turnEnded(TurnEnded(participant: ParticipantID(1))),
          .roundPassed(RoundPassed(participant: ParticipantID(2))),
          .turnStarted(TurnStarted(participant: ParticipantID(3), kind: .point, source: .round)),
        ])
  }

  // MARK: Signals

  @Test func signalsAnonymousOrNamedUntilAcknowledged() throws {
    var meeting = Scenario.forum()
    meeting.given(.join(name: "Olu", role: .observer))
    #expect(
      try meeting.when(.sendSignal(.jargon))
        == [.signalSent(SignalSent(signal: SignalID(1), type: .jargon, from: nil, note: nil))])
    meeting.advance(seconds: 60)
    #expect(
      try meeting.when(.sendSignal(.break, from: meeting.id("Chloe"), note: "  after this item "))
        == [
          .signalSent(
            SignalSent(signal: SignalID(2), type: .break, from: ParticipantID(3), note: "after this item"))
        ])
    #expect(
      try meeting.when(.sendSignal(.other, note: "Too hot in here"))
        == [.signalSent(SignalSent(signal: SignalID(3), type: .other, from: nil, note: "Too hot in here"))])
    // Observers can signal too; an empty note is no note.
    #expect(
      try meeting.when(.sendSignal(.slower, from: meeting.id("Olu"), note: " "))
        == [.signalSent(SignalSent(signal: SignalID(4), type: .slower, from: ParticipantID(5), note: nil))])
    #expect(meeting.state.openSignals.map(\.id) == [1, 2, 3, 4].map { SignalID($0) })
    let first = try #require(meeting.state.signal(SignalID(1)))
    #expect(first.from == nil)
    #expect(first.at == Scenario.start)
    #expect(first.isOpen)
    #expect(meeting.state.signal(SignalID(2))?.at == Scenario.start.adding(seconds: 60))

    #expect(
      try meeting.when(.acknowledgeSignal(SignalID(2))) == [
        .signalAcknowledged(SignalAcknowledged(signal: SignalID(2)))
      ])
    #expect(meeting.state.signal(SignalID(2))?.isAcknowledged == true)
    #expect(meeting.state.openSignals.map(\.id) == [1, 3, 4].map { SignalID($0) })
    #expect(SignalType.jargon.label == "jargon: plain language please")
    #expect(SignalType.break.label == "a break is needed")
  }
}
