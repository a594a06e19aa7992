import MeetingModel
import Testing

@testable import TerminalUI

/// A meeting played command by command, keeping what the plain announcer says at each step.
struct PlainScript {
  static let start = Instant(iso8601: "2026-11-21T10:00:00Z")!

  var state = MeetingState()
  var ids = SequentialEventIDs()
  var now = PlainScript.start
  var announcer = PlainAnnouncer()

  /// Runs `command` `seconds` after the previous one; returns the lines the change gives.
  @discardableResult
  mutating func run(_ command: Command, after seconds: Int64 = 10) throws -> [String] {
    now = now.adding(seconds: seconds)
    let before = state
    try state.execute(command, at: now, ids: &ids)
    return announcer.changes(from: before, to: state, at: now)
  }

  func id(_ name: String) throws -> ParticipantID { try state.participantID(named: name) }

  /// Housing forum: five people (Helen facilitates), two timed items, opened.
  static func forum() throws -> PlainScript {
    var script = PlainScript()
    try script.run(.createMeeting(title: "Housing forum"), after: 0)
    for name in ["Sam", "Alex", "Priya", "Amira"] { try script.run(.join(name: name)) }
    try script.run(.join(name: "Helen", role: .facilitator))
    try script.run(.addAgendaItem(title: "Welcome", minutes: 5))
    try script.run(.addAgendaItem(title: "Housing", minutes: 20))
    return script
  }
}

@Suite("Plain live mode: what the announcer says")
struct PlainAnnouncerTests {
  @Test func scriptedMeetingGivesOneLinePerChangeInOrder() throws {
    var script = try PlainScript.forum()
    let sam = try script.id("Sam")
    let alex = try script.id("Alex")
    let priya = try script.id("Priya")
    #expect(try script.run(.openMeeting) == ["The meeting has started."])
    #expect(try script.run(.nextItem) == ["Item 1 started: Welcome. It has 5 minutes."])
    #expect(try script.run(.raiseHand(sam)) == ["Sam raised a hand. Next: Sam."])
    #expect(try script.run(.raiseHand(alex)) == ["Alex raised a hand. Next: Sam, then Alex."])
    #expect(try script.run(.nextSpeaker) == ["Now speaking: Sam. Next: Alex."])
    #expect(
      try script.run(.raiseHand(priya, kind: .clarify))
        == ["Priya raised a hand for a clarifying question. Next: Priya, then Alex."])
    #expect(try script.run(.lowerHand(alex, byFacilitator: true)) == ["Alex's hand is down. Next: Priya."])
    #expect(try script.run(.endTurn) == ["Sam has finished speaking. Next: Priya."])
    #expect(
      try script.run(
        .recordDecision(DecisionDraft(text: "Meet every month", method: .consent, outcome: .agreed)))
        == ["Decision recorded: Meet every month."])
    #expect(
      try script.run(.sendSignal(.jargon, note: "what is a tenancy?")) == [
        "Someone asked for plain language."
      ])
    #expect(
      try script.run(.acknowledgeSignal(SignalID(1))) == [
        "The facilitator has seen the request for plain language."
      ])
    #expect(try script.run(.undo()) == ["The request for plain language is open again."])
    #expect(try script.run(.sendSignal(.break, from: sam)) == ["Sam asked for a break."])
    #expect(try script.run(.nextItem) == ["Item 2 started: Housing. It has 20 minutes."])
    #expect(try script.run(.giveFloor(priya)) == ["Now speaking: Priya. Nobody is waiting."])
    #expect(try script.run(.leave(alex)) == ["Alex left the meeting."])
    #expect(try script.run(.closeMeeting).first == "The meeting has ended.")
  }

  @Test func aPrivateNoteIsNeverReadOut() throws {
    var script = try PlainScript.forum()
    try script.run(.openMeeting)
    let lines = try script.run(.sendSignal(.other, note: "my carer needs to leave at 11"))
    #expect(lines == ["Someone asked for a word with the facilitator."])
    #expect(!script.announcer.summary(of: script.state, at: script.now).joined().contains("carer"))
  }

  @Test func decisionsTakenBackChangedOrNotAgreed() throws {
    var script = try PlainScript.forum()
    try script.run(.openMeeting)
    #expect(
      try script.run(
        .recordDecision(DecisionDraft(text: "Close the office", method: .vote, outcome: .notAgreed)))
        == ["Decision recorded: Close the office. It was not agreed."])
    #expect(
      try script.run(
        .amendDecision(DecisionAmendment(decision: DecisionID(1), text: "Close the office on Fridays")))
        == ["Decision 1 was changed: Close the office on Fridays."])
    #expect(
      try script.run(.withdrawDecision(DecisionID(1), reason: "recorded by mistake"))
        == ["Decision 1 was taken back: Close the office on Fridays."])
    #expect(
      try script.run(
        .recordDecision(DecisionDraft(text: "Ask the council", method: .consensus, outcome: .deferred)))
        == ["Decision recorded: Ask the council. It was put off for later."])
  }

  @Test func anUndoReadsAsTheChangeItMakes() throws {
    var script = try PlainScript.forum()
    try script.run(.openMeeting)
    try script.run(.raiseHand(try script.id("Sam")))
    #expect(try script.run(.undo()) == ["Sam's hand is down. Nobody is waiting."])
    try script.run(.sendSignal(.slower))
    #expect(try script.run(.undo()) == ["The request to slow down was taken back."])
  }

  @Test func aFacilitatorsMoveIsTheQueueChanging() throws {
    var script = try PlainScript.forum()
    try script.run(.openMeeting)
    try script.run(.raiseHand(try script.id("Sam")))
    try script.run(.raiseHand(try script.id("Alex")))
    #expect(
      try script.run(.moveEntry(try script.id("Alex"), to: 1, reason: "asked first"))
        == ["The queue has changed. Next: Alex, then Sam."])
  }

  @Test func theNextClauseReadsThreeNamesAndCountsTheRest() throws {
    var script = try PlainScript.forum()
    try script.run(.openMeeting)
    for name in ["Sam", "Alex", "Priya"] { try script.run(.raiseHand(try script.id(name))) }
    #expect(
      try script.run(.raiseHand(try script.id("Amira"))) == ["Amira raised a hand."],
      "a 4th hand does not change who is read out as next")
    #expect(
      try script.run(.raiseHand(try script.id("Helen")))
        == ["Helen raised a hand."])
    #expect(
      PlainAnnouncer.nextClause(script.state.speakingQueue(at: script.now))
        == "Next: Sam, then Alex, then Priya, and 2 more.")
  }

  @Test func aGoRound() throws {
    var script = try PlainScript.forum()
    try script.run(.openMeeting)
    let order = [try script.id("Sam"), try script.id("Alex")]
    #expect(
      try script.run(.startRound(order: order, topic: "One hope for today"))
        == ["A go-round started: One hope for today. Everyone gets a turn, one by one."])
    #expect(
      script.announcer.summary(of: script.state, at: script.now)[2]
        == "A go-round is on. Everyone gets a turn, one by one. Next in it: Sam.")
    #expect(try script.run(.passInRound) == ["Sam passed."])
    #expect(try script.run(.nextSpeaker) == ["Now speaking: Alex. Nobody is waiting."])
    #expect(
      try script.run(.endTurn) == ["The go-round is over.", "Alex has finished speaking. Nobody is waiting."])
  }

  @Test func ownPlaceWithAs() throws {
    var script = try PlainScript.forum()
    let amira = try script.id("Amira")
    let sam = try script.id("Sam")
    script.announcer = PlainAnnouncer(me: amira)
    try script.run(.openMeeting)
    try script.run(.nextItem)
    try script.run(.raiseHand(sam))
    // Your own hand is told as your place, and not as "Amira raised a hand".
    #expect(try script.run(.raiseHand(amira)) == ["You are 2nd in the queue: first time speaking."])
    #expect(
      try script.run(.nextSpeaker) == [
        "Now speaking: Sam. Next: Amira.", "You are next: first time speaking.",
      ])
    #expect(try script.run(.nextSpeaker) == ["Now speaking: Amira. Nobody is waiting.", "It is your turn."])
    #expect(
      try script.run(.endTurn) == ["Amira has finished speaking. Nobody is waiting.", "Your turn is over."])
    try script.run(.raiseHand(sam))
    let again = try script.run(.raiseHand(amira))
    #expect(again == ["You are 2nd in the queue: has already spoken on this item."])
    #expect(try script.run(.lowerHand(amira)) == ["You are not in the queue now."])
    #expect(try script.run(.sendSignal(.louder, from: amira)) == ["You asked people to speak louder."])
  }

  @Test func summaryForSomeoneJoiningLate() throws {
    var script = try PlainScript.forum()
    let sam = try script.id("Sam")
    let priya = try script.id("Priya")
    try script.run(.openMeeting)
    try script.run(.nextItem)
    try script.run(.nextItem, after: 60)
    try script.run(.giveFloor(sam))
    try script.run(.raiseHand(priya))
    try script.run(.raiseHand(try script.id("Alex")))
    try script.run(
      .recordDecision(DecisionDraft(text: "Meet every month", method: .consent, outcome: .agreed)))
    try script.run(.sendSignal(.jargon))
    let later = script.now.adding(seconds: 8 * 60)
    #expect(
      script.announcer.summary(of: script.state, at: later) == [
        "Housing forum. The meeting is open.",
        "Item 2 of 2: Housing. 11 minutes left.",
        "Now speaking: Sam. Next: Priya, then Alex.",
        "Priya is next: first time speaking.",
        "2 hands are up.",
        "1 signal is waiting: Someone asked for plain language.",
        "1 decision so far: Meet every month.",
        "That is where things stand. New changes follow.",
      ])
    var own = script.announcer
    own.me = priya
    #expect(
      own.summary(of: script.state, at: later).dropLast().last
        == "You are Priya. You are next: first time speaking.")
  }

  @Test func summaryOfAQuietMeeting() throws {
    var script = try PlainScript.forum()
    #expect(
      script.announcer.summary(of: script.state, at: script.now) == [
        "Housing forum. The meeting has not started yet.",
        "No item is open now.",
        "Nobody is speaking. Nobody is waiting.",
        "No hands are up.",
        "No signals are waiting.",
        "That is where things stand. New changes follow.",
      ])
    try script.run(.openMeeting)
    try script.run(.nextItem)
    let over = script.now.adding(seconds: 7 * 60 + 30)
    #expect(
      script.announcer.summary(of: script.state, at: over)[1] == "Item 1 of 2: Welcome. 2 minutes over time.")
  }

  @Test func timeLeftWordings() {
    #expect(PlainAnnouncer.timeLeft(60_000) == "1 minute left.")
    #expect(PlainAnnouncer.timeLeft(59_999) == "Less than a minute left.")
    #expect(PlainAnnouncer.timeLeft(0) == "The time is up.")
    #expect(PlainAnnouncer.timeLeft(-59_000) == "The time is up.")
    #expect(PlainAnnouncer.timeLeft(-61_000) == "1 minute over time.")
  }

  @Test func theClockAloneSaysFiveMinutesLeftAndTimeUp() throws {
    var script = try PlainScript.forum()
    try script.run(.openMeeting)
    try script.run(.nextItem, after: 0)
    let started = script.now
    let announcer = script.announcer
    let state = script.state
    #expect(announcer.clockNotices(state, from: started, to: started.adding(seconds: 30)) == [])
    #expect(announcer.clockNotices(state, from: started, to: started.adding(seconds: 1)) == [])
    // Welcome has 5 minutes: it starts at 5 left, so "5 minutes left" never comes; time up does.
    #expect(
      announcer.clockNotices(state, from: started.adding(seconds: 299), to: started.adding(seconds: 300))
        == ["The time for this item is up."])
    #expect(
      announcer.clockNotices(state, from: started.adding(seconds: 300), to: started.adding(seconds: 400))
        == [])
    try script.run(.nextItem, after: 0)
    let housing = script.now
    #expect(
      announcer.clockNotices(
        script.state, from: housing.adding(seconds: 899), to: housing.adding(seconds: 901))
        == ["5 minutes left for this item."])
  }

  @Test func noChangeNoLine() throws {
    let script = try PlainScript.forum()
    #expect(script.announcer.changes(from: script.state, to: script.state, at: script.now) == [])
  }

}
