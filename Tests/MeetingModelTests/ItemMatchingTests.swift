import MeetingModel
import Testing

@Suite("Agenda items found from what someone typed")
struct ItemMatchingTests {
  /// Housing, Education and Transport on the agenda; Council tax and Care passports parked.
  static func meeting() -> Scenario {
    var meeting = AgendaTests.withAgenda()
    meeting.given(.park(title: "Council tax"), .park(title: "Care passports"))
    return meeting
  }

  @Test func anItemIsFoundByItsPlaceOrPartOfItsTitle() throws {
    let state = Self.meeting().state
    #expect(try state.agendaItemID(matching: "2") == AgendaItemID(2))
    #expect(try state.agendaItemID(matching: "#3") == AgendaItemID(3))
    #expect(try state.agendaItemID(matching: "educ") == AgendaItemID(2))
    #expect(try state.agendaItemID(matching: "  TRANSPORT ") == AgendaItemID(3))
    #expect(try state.parkedItemID(matching: "2") == AgendaItemID(5))
    #expect(try state.parkedItemID(matching: "passports") == AgendaItemID(5))
  }

  @Test func aPlaceCountsInTheListItBelongsTo() throws {
    var meeting = Self.meeting()
    meeting.given(.moveAgendaItem(AgendaItemID(3), to: 1))
    #expect(try meeting.state.agendaItemID(matching: "1") == AgendaItemID(3))
    // The parking lot is not the agenda, and the other way round.
    #expect(throws: Refusal(.unknownItem, "No item on the agenda is called “council”.")) {
      try meeting.state.agendaItemID(matching: "council")
    }
    #expect(throws: Refusal(.unknownItem, "No item in the parking lot is called “housing”.")) {
      try meeting.state.parkedItemID(matching: "housing")
    }
  }

  @Test func unclearOrMissingItemsAreRefusedWithWhatToDo() {
    let state = Self.meeting().state
    #expect(
      throws: Refusal(
        .invalidInput,
        "“c” could be “Council tax” or “Care passports”: give more of the title, or its number.")
    ) { try state.parkedItemID(matching: "c") }
    #expect(throws: Refusal(.unknownItem, "There is no item 4 on the agenda; it has 3 (1 to 3).")) {
      try state.agendaItemID(matching: "4")
    }
    #expect(throws: Refusal(.invalidInput, "Say which item: its number or part of its title.")) {
      try state.agendaItemID(matching: " ")
    }
    #expect(throws: Refusal(.unknownItem, "There is nothing in the parking lot.")) {
      try Scenario.forum().state.parkedItemID(matching: "1")
    }
  }
}
