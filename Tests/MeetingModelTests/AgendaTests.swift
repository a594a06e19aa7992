import MeetingModel
import Testing

@Suite("Agenda: items, order, timeboxes and the parking lot")
struct AgendaTests {
  /// The forum with three items on the agenda: Housing (20 min), Education (15), Transport.
  static func withAgenda() -> Scenario {
    var meeting = Scenario.forum()
    meeting.given(
      .addAgendaItem(title: "Housing", minutes: 20), .addAgendaItem(title: "Education", minutes: 15),
      .addAgendaItem(title: "Transport"))
    return meeting
  }

  static func titles(_ meeting: Scenario) -> [String] {
    meeting.state.agendaOrder.map { meeting.state.item($0)?.title ?? "?" }
  }

  // MARK: Adding and ordering

  @Test func addingAnItemRecordsItsTitleTimeboxAndLeads() throws {
    var meeting = Scenario.forum()
    let events = try meeting.when(
      .addAgendaItem(title: "  Housing ", minutes: 20, leads: [meeting.id("Amira"), meeting.id("Ben")]))
    #expect(
      events == [
        .agendaItemAdded(
          AgendaItemAdded(
            item: AgendaItemID(1), title: "Housing", minutes: 20,
            leads: [ParticipantID(1), ParticipantID(2)],
            position: nil, parked: false))
      ])
    let item = try #require(meeting.state.item(AgendaItemID(1)))
    #expect(item.id == AgendaItemID(1))
    #expect(item.title == "Housing")
    #expect(item.leads == [ParticipantID(1), ParticipantID(2)])
    #expect(item.minutes == 20)
    #expect(item.status == .pending)
    #expect(item.isParked == false)
    #expect(item.elapsedMilliseconds(at: meeting.now) == 0)
    #expect(item.startedAt == nil)
    #expect(item.speakers == [])
    #expect(meeting.state.agendaOrder == [AgendaItemID(1)])
    #expect(meeting.state.currentItem == nil)
    #expect(meeting.state.status == .scheduled)
  }

  @Test func anItemCanBeAddedAtAPlace() throws {
    var meeting = Self.withAgenda()
    #expect(
      try meeting.when(.addAgendaItem(title: "Welcome", minutes: 5, position: 1))
        == [
          .agendaItemAdded(
            AgendaItemAdded(
              item: AgendaItemID(4), title: "Welcome", minutes: 5, leads: [], position: 1, parked: false))
        ])
    #expect(Self.titles(meeting) == ["Welcome", "Housing", "Education", "Transport"])
    meeting.given(.addAgendaItem(title: "Any other business", position: 9))
    meeting.given(.addAgendaItem(title: "Break", position: 3))
    #expect(
      Self.titles(meeting) == ["Welcome", "Housing", "Break", "Education", "Transport", "Any other business"])
  }

  @Test func itemsCanBeReordered() throws {
    var meeting = Self.withAgenda()
    #expect(
      try meeting.when(.moveAgendaItem(AgendaItemID(1), to: 3))
        == [.agendaItemMoved(AgendaItemMoved(item: AgendaItemID(1), position: 3))])
    #expect(Self.titles(meeting) == ["Education", "Transport", "Housing"])
    #expect(
      try meeting.when(.moveAgendaItem(AgendaItemID(3), to: 1))
        == [.agendaItemMoved(AgendaItemMoved(item: AgendaItemID(3), position: 1))])
    #expect(Self.titles(meeting) == ["Transport", "Education", "Housing"])
    // Past the end is the end.
    #expect(
      try meeting.when(.moveAgendaItem(AgendaItemID(3), to: 7))
        == [.agendaItemMoved(AgendaItemMoved(item: AgendaItemID(3), position: 7))])
    #expect(Self.titles(meeting) == ["Education", "Housing", "Transport"])
  }

  // MARK: Starting, next, closing, deferring

  @Test func theFirstNextOpensTheMeetingAndTheFirstItem() throws {
    var meeting = Self.withAgenda()
    meeting.advance(seconds: 30)
    #expect(
      try meeting.when(.nextItem)
        == [.meetingOpened(MeetingOpened()), .agendaItemStarted(AgendaItemStarted(item: AgendaItemID(1)))])
    #expect(meeting.state.status == .open)
    #expect(meeting.state.currentItem == AgendaItemID(1))
    #expect(meeting.state.item(AgendaItemID(1))?.status == .current)
    #expect(meeting.state.item(AgendaItemID(1))?.startedAt == Scenario.start.adding(seconds: 30))
  }

  @Test func startingAnItemOpensTheMeetingToo() throws {
    var meeting = Self.withAgenda()
    #expect(
      try meeting.when(.startItem(AgendaItemID(2)))
        == [.meetingOpened(MeetingOpened()), .agendaItemStarted(AgendaItemStarted(item: AgendaItemID(2)))])
    #expect(meeting.state.currentItem == AgendaItemID(2))
    #expect(meeting.state.item(AgendaItemID(1))?.status == .pending)
  }

  @Test func nextItemEndsTheTurnClosesTheItemAndOpensTheNext() throws {
    var meeting = Self.withAgenda()
    meeting.given(.nextItem, .giveFloor(meeting.id("Ben")))
    meeting.advance(seconds: 90)
    #expect(
      try meeting.when(.nextItem)
        == [
          .turnEnded(TurnEnded(participant: ParticipantID(2))),
          .agendaItemClosed(AgendaItemClosed(item: AgendaItemID(1))),
          .agendaItemStarted(AgendaItemStarted(item: AgendaItemID(2))),
        ])
    #expect(meeting.state.currentTurn == nil)
    #expect(meeting.state.turns.map(\.item) == [AgendaItemID(1)])
    #expect(meeting.state.turns.map(\.end) == [Scenario.start.adding(seconds: 90)])
    let housing = try #require(meeting.state.item(AgendaItemID(1)))
    #expect(housing.status == .done)
    #expect(housing.elapsedMilliseconds(at: meeting.now) == 90_000)
    #expect(housing.startedAt == nil)
    #expect(housing.speakers == [ParticipantID(2)])
    #expect(meeting.state.currentItem == AgendaItemID(2))
    #expect(meeting.state.speakersOnCurrentItem == [])

    meeting.advance(seconds: 60)
    #expect(
      try meeting.when(.nextItem)
        == [
          .agendaItemClosed(AgendaItemClosed(item: AgendaItemID(2))),
          .agendaItemStarted(AgendaItemStarted(item: AgendaItemID(3))),
        ])
    // After the last item, next closes it and opens nothing.
    #expect(try meeting.when(.nextItem) == [.agendaItemClosed(AgendaItemClosed(item: AgendaItemID(3)))])
    #expect(meeting.state.currentItem == nil)
    #expect(meeting.state.items.map(\.status) == [.done, .done, .done])
  }

  @Test func nextItemSkipsDoneAndDeferredItems() throws {
    var meeting = Self.withAgenda()
    meeting.given(.addAgendaItem(title: "Any other business"))
    #expect(
      try meeting.when(.deferItem(AgendaItemID(2)))
        == [.agendaItemDeferred(AgendaItemDeferred(item: AgendaItemID(2)))])
    meeting.given(.nextItem)
    #expect(
      try meeting.when(.nextItem)
        == [
          .agendaItemClosed(AgendaItemClosed(item: AgendaItemID(1))),
          .agendaItemStarted(AgendaItemStarted(item: AgendaItemID(3))),
        ])
    // A deferred item can be opened again by name; the one under way goes back to pending.
    #expect(
      try meeting.when(.startItem(AgendaItemID(2))) == [
        .agendaItemStarted(AgendaItemStarted(item: AgendaItemID(2)))
      ])
    #expect(meeting.state.items.map(\.status) == [.done, .current, .pending, .pending])
    #expect(
      try meeting.when(.nextItem)
        == [
          .agendaItemClosed(AgendaItemClosed(item: AgendaItemID(2))),
          .agendaItemStarted(AgendaItemStarted(item: AgendaItemID(3))),
        ])
  }

  @Test func startingAnotherItemPutsTheCurrentOneBackToPending() throws {
    var meeting = Self.withAgenda()
    meeting.given(.nextItem)
    meeting.advance(seconds: 120)
    #expect(
      try meeting.when(.startItem(AgendaItemID(3))) == [
        .agendaItemStarted(AgendaItemStarted(item: AgendaItemID(3)))
      ])
    let housing = try #require(meeting.state.item(AgendaItemID(1)))
    #expect(housing.status == .pending)
    #expect(housing.elapsedMilliseconds(at: meeting.now) == 120_000)
    #expect(housing.startedAt == nil)
    #expect(meeting.state.item(AgendaItemID(3))?.startedAt == Scenario.start.adding(seconds: 120))
    #expect(meeting.state.currentItem == AgendaItemID(3))
  }

  @Test func closingAnItemLeavesNoneCurrent() throws {
    var meeting = Self.withAgenda()
    meeting.given(.nextItem)
    meeting.advance(seconds: 45)
    #expect(try meeting.when(.closeItem) == [.agendaItemClosed(AgendaItemClosed(item: AgendaItemID(1)))])
    #expect(meeting.state.currentItem == nil)
    #expect(meeting.state.item(AgendaItemID(1))?.status == .done)
    #expect(meeting.state.item(AgendaItemID(1))?.elapsedMilliseconds(at: meeting.now) == 45_000)
    // With nothing current, next opens the first pending item.
    #expect(try meeting.when(.nextItem) == [.agendaItemStarted(AgendaItemStarted(item: AgendaItemID(2)))])
  }

  @Test func deferringTheCurrentOrAnotherItem() throws {
    var meeting = Self.withAgenda()
    meeting.given(.nextItem)
    meeting.advance(seconds: 30)
    #expect(
      try meeting.when(.deferItem(nil)) == [.agendaItemDeferred(AgendaItemDeferred(item: AgendaItemID(1)))])
    #expect(meeting.state.currentItem == nil)
    #expect(meeting.state.item(AgendaItemID(1))?.status == .deferred)
    #expect(meeting.state.item(AgendaItemID(1))?.elapsedMilliseconds(at: meeting.now) == 30_000)
    #expect(
      try meeting.when(.deferItem(AgendaItemID(3))) == [
        .agendaItemDeferred(AgendaItemDeferred(item: AgendaItemID(3)))
      ])
    #expect(meeting.state.items.map(\.status) == [.deferred, .pending, .deferred])
    #expect(try meeting.when(.nextItem) == [.agendaItemStarted(AgendaItemStarted(item: AgendaItemID(2)))])
    #expect(try meeting.when(.nextItem) == [.agendaItemClosed(AgendaItemClosed(item: AgendaItemID(2)))])
  }

  // MARK: Parking lot

  @Test func parkingATopicKeepsItOffTheAgenda() throws {
    var meeting = Self.withAgenda()
    #expect(
      try meeting.when(.park(title: " Bus passes "))
        == [
          .agendaItemAdded(
            AgendaItemAdded(
              item: AgendaItemID(4), title: "Bus passes", minutes: nil, leads: [], position: nil, parked: true
            ))
        ])
    #expect(meeting.state.parkingLot.map(\.title) == ["Bus passes"])
    #expect(meeting.state.parkingLot.map(\.status) == [.pending])
    #expect(Self.titles(meeting) == ["Housing", "Education", "Transport"])
    // next does not open a parked topic.
    meeting.given(.nextItem, .nextItem, .nextItem)
    #expect(try meeting.when(.nextItem) == [.agendaItemClosed(AgendaItemClosed(item: AgendaItemID(3)))])
    #expect(meeting.refusal(.nextItem)?.code == .noItemsLeft)
  }

  @Test func unparkingPutsTheTopicOnTheAgenda() throws {
    var meeting = Self.withAgenda()
    meeting.given(.park(title: "Bus passes"), .park(title: "Youth club"))
    #expect(
      try meeting.when(.unpark(AgendaItemID(4), position: 2))
        == [.agendaItemUnparked(AgendaItemUnparked(item: AgendaItemID(4), position: 2))])
    #expect(Self.titles(meeting) == ["Housing", "Bus passes", "Education", "Transport"])
    #expect(meeting.state.parkingLot.map(\.title) == ["Youth club"])
    #expect(
      try meeting.when(.unpark(AgendaItemID(5)))
        == [.agendaItemUnparked(AgendaItemUnparked(item: AgendaItemID(5), position: nil))])
    #expect(Self.titles(meeting) == ["Housing", "Bus passes", "Education", "Transport", "Youth club"])
    #expect(meeting.state.parkingLot.isEmpty)
    #expect(meeting.state.item(AgendaItemID(5))?.isParked == false)
  }

  @Test func startingAParkedTopicTakesItToTheEndOfTheAgenda() throws {
    var meeting = Self.withAgenda()
    meeting.given(.park(title: "Bus passes"), .nextItem)
    #expect(
      try meeting.when(.startItem(AgendaItemID(4))) == [
        .agendaItemStarted(AgendaItemStarted(item: AgendaItemID(4)))
      ])
    #expect(Self.titles(meeting) == ["Housing", "Education", "Transport", "Bus passes"])
    #expect(meeting.state.parkingLot.isEmpty)
    #expect(meeting.state.item(AgendaItemID(4))?.status == .current)
  }

  // MARK: Time on an item

  @Test func elapsedAndRemainingComeFromEventTimesAndNow() throws {
    var meeting = Scenario.forum()
    meeting.given(.addAgendaItem(title: "Housing", minutes: 10), .addAgendaItem(title: "Education"))
    meeting.advance(seconds: 60)
    meeting.given(.nextItem)  // Housing starts at 10:01.
    var housing = try #require(meeting.state.item(AgendaItemID(1)))
    let started = Scenario.start.adding(seconds: 60)
    #expect(housing.elapsedMilliseconds(at: started) == 0)
    #expect(housing.remainingMilliseconds(at: started) == 600_000)
    #expect(housing.elapsedMilliseconds(at: started.adding(milliseconds: 240_500)) == 240_500)
    #expect(housing.remainingMilliseconds(at: started.adding(milliseconds: 240_500)) == 359_500)
    // Overrun: negative.
    #expect(housing.elapsedMilliseconds(at: started.adding(seconds: 660)) == 660_000)
    #expect(housing.remainingMilliseconds(at: started.adding(seconds: 660)) == -60_000)
    // A now before the start counts nothing rather than negative time.
    #expect(housing.elapsedMilliseconds(at: Scenario.start) == 0)
    // No timebox: nothing remains to count.
    #expect(meeting.state.item(AgendaItemID(2))?.remainingMilliseconds(at: started) == nil)
    #expect(meeting.state.item(AgendaItemID(2))?.elapsedMilliseconds(at: started) == 0)

    meeting.advance(seconds: 720)
    meeting.given(.closeItem)  // 12 minutes on Housing.
    housing = try #require(meeting.state.item(AgendaItemID(1)))
    let later = meeting.now.adding(seconds: 3600)
    #expect(housing.elapsedMilliseconds(at: later) == 720_000)
    #expect(housing.remainingMilliseconds(at: later) == -120_000)
  }

  @Test func aReopenedItemKeepsItsEarlierTime() throws {
    var meeting = Scenario.forum()
    meeting.given(
      .addAgendaItem(title: "Housing", minutes: 10), .addAgendaItem(title: "Education"), .nextItem)
    meeting.advance(seconds: 240)
    meeting.given(.nextItem)  // Housing done after 4 minutes.
    meeting.advance(seconds: 300)
    #expect(
      try meeting.when(.startItem(AgendaItemID(1))) == [
        .agendaItemStarted(AgendaItemStarted(item: AgendaItemID(1)))
      ])
    let reopened = meeting.now
    let housing = try #require(meeting.state.item(AgendaItemID(1)))
    #expect(housing.status == .current)
    #expect(housing.elapsedMilliseconds(at: meeting.now) == 240_000)
    #expect(housing.startedAt == reopened)
    #expect(housing.elapsedMilliseconds(at: reopened.adding(seconds: 90)) == 330_000)
    #expect(housing.remainingMilliseconds(at: reopened.adding(seconds: 90)) == 270_000)
    // Education went back to pending with its 5 minutes kept.
    #expect(meeting.state.item(AgendaItemID(2))?.status == .pending)
    #expect(meeting.state.item(AgendaItemID(2))?.elapsedMilliseconds(at: meeting.now) == 300_000)
    meeting.advance(seconds: 400)
    meeting.given(.closeItem)
    #expect(meeting.state.item(AgendaItemID(1))?.elapsedMilliseconds(at: meeting.now) == 640_000)
    #expect(meeting.state.item(AgendaItemID(1))?.remainingMilliseconds(at: meeting.now) == -40_000)
  }

  // MARK: Closing the meeting

  @Test func closingTheMeetingEndsTheTurnTheRoundAndTheItem() throws {
    var meeting = Self.withAgenda()
    meeting.given(.nextItem, .startRound(topic: "Check-in"), .nextSpeaker, .raiseHand(meeting.id("Ben")))
    meeting.advance(seconds: 20)
    #expect(
      try meeting.when(.closeMeeting)
        == [
          .turnEnded(TurnEnded(participant: ParticipantID(1))),
          .roundEnded(RoundEnded()),
          .agendaItemClosed(AgendaItemClosed(item: AgendaItemID(1))),
          .meetingClosed(MeetingClosed()),
        ])
    #expect(meeting.state.status == .closed)
    #expect(meeting.state.currentTurn == nil)
    #expect(meeting.state.round == nil)
    #expect(meeting.state.currentItem == nil)
    #expect(meeting.state.entries.isEmpty)
    #expect(meeting.state.item(AgendaItemID(1))?.elapsedMilliseconds(at: meeting.now) == 20_000)
    #expect(meeting.state.voice(of: ParticipantID(1)).spokenMilliseconds == 20_000)
  }

  @Test func closingAQuietMeetingIsOneEvent() throws {
    var meeting = Scenario()
    #expect(try meeting.when(.closeMeeting) == [.meetingClosed(MeetingClosed())])
  }
}
