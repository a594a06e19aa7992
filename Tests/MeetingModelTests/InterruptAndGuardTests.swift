import MeetingModel
import Testing

@Suite("Interrupt kinds, the starvation guard, manual moves and policy changes")
struct InterruptAndGuardTests {
  static let six: [(String, [String])] = [
    ("Amira", ["lived-experience"]), ("Ben", ["professional"]), ("Chloe", ["lived-experience"]),
    ("Dev", ["professional"]), ("Eve", ["lived-experience"]), ("Farah", ["lived-experience"]),
  ]

  @Test func interruptKindsGoFirstInPriorityThenArrivalOrder() throws {
    var meeting = Scenario(people: Self.six)
    meeting.given(.giveFloor(meeting.id("Ben")))
    meeting.given(
      .raiseHand(meeting.id("Amira"), kind: .point),
      .raiseHand(meeting.id("Chloe"), kind: .response),
      .raiseHand(meeting.id("Dev"), kind: .clarify),
      .raiseHand(meeting.id("Eve"), kind: .process),
      .raiseHand(meeting.id("Farah"), kind: .response))
    #expect(meeting.queueNames == ["Eve", "Dev", "Chloe", "Farah", "Amira"])
    #expect(meeting.state.speakingQueue.map(\.kind) == [.process, .clarify, .response, .response, .point])
    #expect(meeting.state.speakingQueue.map(\.position) == [1, 2, 3, 4, 5])
    #expect(
      meeting.reasons("Eve") == ["point of process: goes before every other hand", "raised hand at 10:00"])
    #expect(
      meeting.reasons("Dev") == [
        "clarifying question: goes before responses and new points", "raised hand at 10:00",
      ])
    #expect(meeting.reasons("Chloe") == ["direct response: goes before new points", "raised hand at 10:00"])
    #expect(meeting.reasons("Amira") == ["first time speaking", "raised hand at 10:00"])
  }

  @Test func nextGivesTheFloorToTheHeadAndEndsTheCurrentTurn() throws {
    var meeting = Scenario(people: Self.six)
    meeting.given(.giveFloor(meeting.id("Ben")), .raiseHand(meeting.id("Amira")))
    meeting.given(.raiseHand(meeting.id("Dev"), kind: .clarify))
    meeting.advance(seconds: 45)
    let events = try meeting.when(.nextSpeaker)
    #expect(
      events == [
        .turnEnded(TurnEnded(participant: meeting.id("Ben"))),
        .turnStarted(TurnStarted(participant: meeting.id("Dev"), kind: .clarify, source: .queue)),
      ])
    #expect(meeting.queueNames == ["Amira"])
    #expect(meeting.state.voice(of: meeting.id("Ben")).spokenMilliseconds == 45_000)
  }

  @Test func interruptsOffOrdersEveryHandAsANewPoint() throws {
    var meeting = Scenario(people: Self.six)
    meeting.speak("Chloe", seconds: 20)
    meeting.given(.giveFloor(meeting.id("Ben")))
    meeting.given(.raiseHand(meeting.id("Chloe"), kind: .response), .raiseHand(meeting.id("Amira")))
    let off = QueuePolicy(interruptsFirst: false)
    let events = try meeting.when(.changePolicy(off))
    #expect(events == [.policyChanged(PolicyChanged(policy: off))])
    // Amira has not spoken yet; Chloe's response no longer jumps ahead.
    #expect(meeting.queueNames == ["Amira", "Chloe"])
    #expect(meeting.reasons("Chloe")[0] == "direct response, ordered as a new point: interrupts are off")
  }

  @Test func theEarlyTurnEndingIsCountedWhenNextChooses() throws {
    var meeting = Scenario.forum()
    meeting.speak("Chloe", seconds: 10)
    meeting.speak("Dev", seconds: 10)
    meeting.given(.giveFloor(meeting.id("Amira")))
    meeting.given(.raiseHand(meeting.id("Chloe")), .raiseHand(meeting.id("Dev")))
    // While Amira speaks the groups are even, so arrival puts Chloe first…
    #expect(meeting.queueNames == ["Chloe", "Dev"])
    meeting.advance(seconds: 100)
    // …the queue as it stands now counts her 100 seconds…
    #expect(meeting.state.speakingQueue(at: meeting.now).map(\.name) == ["Dev", "Chloe"])
    #expect(
      meeting.state.speakingQueue(at: meeting.now).first?.reasons.contains(
        "professional voices at 8% of airtime, target 50%") == true)
    // …but once Amira's 100 seconds count, lived experience is far over its share: Dev is next.
    let events = try meeting.when(.nextSpeaker)
    #expect(
      events == [
        .turnEnded(TurnEnded(participant: meeting.id("Amira"))),
        .turnStarted(TurnStarted(participant: meeting.id("Dev"), kind: .point, source: .queue)),
      ])
  }

  @Test func anEntryOvertakenThreeTimesIsNotOvertakenAgain() throws {
    var meeting = Scenario(people: Self.six)
    meeting.speak("Ben", seconds: 60)
    meeting.given(.raiseHand(meeting.id("Ben")))
    for name in ["Amira", "Chloe", "Eve"] {
      meeting.advance(seconds: 10)
      meeting.given(.raiseHand(meeting.id(name)))
      #expect(meeting.queueNames == [name, "Ben"])
      meeting.given(.nextSpeaker)
      meeting.advance(seconds: 30)
    }
    meeting.given(.endTurn)
    #expect(meeting.state.entry(for: meeting.id("Ben"))?.overtaken == 3)
    // Farah has not spoken and her group is under target, but she arrived after Ben.
    meeting.given(.raiseHand(meeting.id("Farah")))
    #expect(meeting.queueNames == ["Ben", "Farah"])
    #expect(
      meeting.reasons("Ben") == [
        "has already spoken on this item", "professional voices at 35% of airtime, target 50%",
        "1m 00s of airtime so far", "waited through 3 turns: not overtaken again except to balance groups",
        "raised hand at 10:01",
      ])
  }

  @Test func theGuardCanBeTurnedOff() throws {
    var meeting = Scenario(policy: QueuePolicy(starvationLimit: 0), people: Self.six)
    meeting.speak("Ben", seconds: 60)
    meeting.given(.raiseHand(meeting.id("Ben")))
    for name in ["Amira", "Chloe", "Eve"] {
      meeting.given(.raiseHand(meeting.id(name)), .nextSpeaker)
    }
    meeting.given(.endTurn, .raiseHand(meeting.id("Farah")))
    #expect(meeting.queueNames == ["Farah", "Ben"])
    #expect(meeting.reasons("Ben")[3] == "waited through 3 turns")
  }

  @Test func aProtectedEntryDoesNotHoldBackThoseWhoArrivedBeforeIt() throws {
    var meeting = Scenario(people: Self.six)
    meeting.speak("Ben", seconds: 60)
    meeting.speak("Dev", seconds: 60)
    meeting.given(.raiseHand(meeting.id("Dev")))  // arrives before Ben
    meeting.given(.raiseHand(meeting.id("Ben")))
    for name in ["Amira", "Chloe", "Eve"] {
      meeting.given(.raiseHand(meeting.id(name)), .nextSpeaker)
      meeting.advance(seconds: 100)
    }
    meeting.given(.endTurn, .raiseHand(meeting.id("Farah")))
    // Both are protected, and their group is below its target (120 s of 420): they keep their
    // own order (arrival, the tie-break here) ahead of Farah.
    #expect(meeting.queueNames == ["Dev", "Ben", "Farah"])
  }

  @Test func facilitatorMoveHoldsItsPlaceWithItsReason() throws {
    var meeting = Scenario(people: Self.six)
    meeting.speak("Ben", seconds: 60)
    meeting.given(
      .raiseHand(meeting.id("Ben")), .raiseHand(meeting.id("Amira")), .raiseHand(meeting.id("Chloe")))
    #expect(meeting.queueNames == ["Amira", "Chloe", "Ben"])
    let events = try meeting.when(.moveEntry(meeting.id("Ben"), to: 1, reason: "  leads this item  "))
    #expect(
      events == [
        .queueEntryMoved(
          QueueEntryMoved(participant: meeting.id("Ben"), position: 1, reason: "leads this item"))
      ])
    meeting.given(.raiseHand(meeting.id("Eve"), kind: .process))
    #expect(meeting.queueNames == ["Ben", "Eve", "Amira", "Chloe"])
    #expect(meeting.reasons("Ben")[0] == "moved to 1st place by facilitator: leads this item")
    let next = try meeting.when(.nextSpeaker)
    #expect(next == [.turnStarted(TurnStarted(participant: meeting.id("Ben"), kind: .point, source: .queue))])
  }

  @Test func laterMovesToTheSamePlaceGoFirst() throws {
    var meeting = Scenario(people: Self.six)
    meeting.given(
      .raiseHand(meeting.id("Amira")), .raiseHand(meeting.id("Ben")), .raiseHand(meeting.id("Chloe")),
      .moveEntry(meeting.id("Chloe"), to: 1, reason: "was cut off"),
      .moveEntry(meeting.id("Ben"), to: 1, reason: "brings the figures"))
    #expect(meeting.queueNames == ["Ben", "Chloe", "Amira"])
  }

  @Test func fifoPolicyIsArrivalAlone() throws {
    var meeting = Scenario(policy: .fifo, people: Self.six)
    meeting.speak("Ben", seconds: 60)
    meeting.given(.raiseHand(meeting.id("Ben")), .raiseHand(meeting.id("Amira")))
    #expect(meeting.queueNames == ["Ben", "Amira"])
    #expect(meeting.reasons("Ben") == ["first come, first served (fifo policy)", "raised hand at 10:01"])
    let events = try meeting.when(.changePolicy(.balanced))
    #expect(events == [.policyChanged(PolicyChanged(policy: .balanced))])
    #expect(meeting.queueNames == ["Amira", "Ben"])
    #expect(meeting.state.policyChangedAt == meeting.now)
  }

  @Test func sameEventsGiveTheSameOrderAndReasons() throws {
    var meeting = Scenario(people: Self.six)
    meeting.speak("Amira", seconds: 40)
    meeting.given(.giveFloor(meeting.id("Ben")))
    for name in ["Dev", "Amira", "Eve", "Chloe"] { meeting.given(.raiseHand(meeting.id(name))) }
    meeting.given(.raiseHand(meeting.id("Farah"), kind: .response))
    let replayed = MeetingState(replaying: meeting.log)
    #expect(replayed == meeting.state)
    #expect(replayed.speakingQueue == meeting.state.speakingQueue)
  }
}

@Suite("Undo keeps the starvation counts honest")
struct UndoOvertakingTests {
  @Test func undoingTheFloorTakesBackOnlyTheOvertakingItCaused() throws {
    var meeting = Scenario.forum()
    let (amira, ben, chloe) = (meeting.id("Amira"), meeting.id("Ben"), meeting.id("Chloe"))
    meeting.given(.raiseHand(amira), .raiseHand(ben), .giveFloor(ben), .endTurn)
    #expect(meeting.state.entry(for: amira)?.overtaken == 1)
    // Amira's hand is down while Chloe gets the floor, so that turn does not count against her.
    meeting.given(.lowerHand(amira), .giveFloor(chloe), .undo(.lower))
    #expect(meeting.state.entry(for: amira)?.overtaken == 1)
    meeting.given(.undo(.floor))
    #expect(meeting.state.entry(for: amira)?.overtaken == 1)
    // A turn that did count is taken back exactly.
    meeting.given(.giveFloor(meeting.id("Dev")))
    #expect(meeting.state.entry(for: amira)?.overtaken == 2)
    meeting.given(.undo(.floor))
    #expect(meeting.state.entry(for: amira)?.overtaken == 1)
  }

  @Test func handsCannotBeUndoneIntoAReopenedMeeting() throws {
    var meeting = Scenario.forum()
    meeting.given(.raiseHand(meeting.id("Ben")), .lowerHand(meeting.id("Ben")), .closeMeeting, .openMeeting)
    #expect(
      meeting.refusal(.undo(.lower)) == Refusal(.nothingToUndo, "Nothing to undo: no lowered hand recorded."))
  }
}
