import MeetingModel
import Testing

@Suite("The wrap-up cue, and the starvation guard giving way to balance")
struct WrapUpAndBalancingGuardTests {
  static let six = InterruptAndGuardTests.six

  // MARK: The starvation guard

  @Test func aProtectedEntryGivesWayOnlyToVoicesOfAGroupBelowItsTarget() throws {
    var meeting = Scenario(people: Self.six)
    meeting.speak("Ben", seconds: 300)
    meeting.speak("Dev", seconds: 20)
    meeting.given(.raiseHand(meeting.id("Ben")))
    for name in ["Amira", "Chloe", "Eve"] {
      meeting.advance(seconds: 5)
      meeting.given(.raiseHand(meeting.id(name)), .nextSpeaker)
      meeting.advance(seconds: 30)
    }
    meeting.given(.endTurn)
    #expect(meeting.state.entry(for: meeting.id("Ben"))?.overtaken == 3)
    // Professionals hold 320 s of 420 (76%): Ben is protected, but his group is over its target.
    meeting.advance(seconds: 5)
    meeting.given(
      .raiseHand(meeting.id("Dev")), .raiseHand(meeting.id("Farah")), .raiseHand(meeting.id("Amira")))
    // Farah (first voice) and Amira (lived experience, 22% of a 50% target) may go before Ben;
    // Dev, with less airtime than Ben but from the same group, may not.
    #expect(meeting.queueNames == ["Farah", "Amira", "Ben", "Dev"])
    #expect(
      meeting.reasons("Ben") == [
        "has already spoken on this item", "professional voices at 76% of airtime, target 50%",
        "5m 00s of airtime so far", "waited through 3 turns: not overtaken again except to balance groups",
        "raised hand at 10:05",
      ])
    // Once lived experience is over its target, Ben goes first again, and Dev still waits behind him.
    meeting.given(.nextSpeaker)
    meeting.advance(seconds: 300)
    meeting.given(.endTurn)
    #expect(meeting.queueNames == ["Ben", "Dev", "Amira"])
  }

  // MARK: The wrap-up cue

  /// Ben has spoken for two minutes; Dev (also a professional) has the floor and Amira, with
  /// lived experience and not yet heard, waits.
  static func professionalSpeakingWhileLivedExperienceWaits(
    policy: QueuePolicy = .balanced, devAdjustment: Double = 1
  ) -> Scenario {
    var meeting = Scenario(people: Self.six)
    if policy != .balanced { meeting.given(.changePolicy(policy)) }
    if devAdjustment != 1 {
      meeting.given(.updateParticipant(meeting.id("Dev"), timeAdjustment: devAdjustment))
    }
    meeting.speak("Ben", seconds: 120)
    meeting.given(.giveFloor(meeting.id("Dev")), .raiseHand(meeting.id("Amira")))
    return meeting
  }

  @Test func theCueShowsOnceTheSpeakerHasHadThirtySeconds() {
    var meeting = Self.professionalSpeakingWhileLivedExperienceWaits()
    meeting.advance(seconds: 29)
    #expect(meeting.state.wrapUpCue(at: meeting.now) == nil)
    meeting.advance(seconds: 1)
    let cue = meeting.state.wrapUpCue(at: meeting.now)
    #expect(
      cue
        == WrapUpCue(
          speaker: meeting.id("Dev"), speakerGroup: "professional", speakerGroupShare: 1,
          speakerGroupTarget: 0.5, next: meeting.id("Amira"), nextName: "Amira",
          waitingGroup: "lived-experience", waitingGroupShare: 0, waitingGroupTarget: 0.5))
    #expect(
      cue?.message == "Facilitator: Amira is next — lived-experience voices at 0% of airtime, target 50%")
    // The cue is derived: acting on it is an ordinary `next`, which gives Amira the floor.
    meeting.given(.nextSpeaker)
    #expect(meeting.state.currentTurn?.participant == meeting.id("Amira"))
  }

  @Test func theSpeakersTimeAdjustmentLengthensTheWait() {
    var meeting = Self.professionalSpeakingWhileLivedExperienceWaits(devAdjustment: 2)
    meeting.advance(seconds: 59)
    #expect(meeting.state.wrapUpCue(at: meeting.now) == nil)
    meeting.advance(seconds: 1)
    #expect(meeting.state.wrapUpCue(at: meeting.now)?.next == meeting.id("Amira"))
  }

  @Test func theCueCanBeLaterOrOff() {
    var meeting = Self.professionalSpeakingWhileLivedExperienceWaits()
    meeting.advance(seconds: 45)
    #expect(meeting.state.wrapUpCue(at: meeting.now, afterSeconds: 60) == nil)
    #expect(meeting.state.wrapUpCue(at: meeting.now, afterSeconds: 45) != nil)
    #expect(meeting.state.wrapUpCue(at: meeting.now, afterSeconds: 0) == nil)
  }

  @Test func noCueUnderFifo() {
    var meeting = Self.professionalSpeakingWhileLivedExperienceWaits(policy: .fifo)
    meeting.advance(seconds: 300)
    #expect(meeting.state.wrapUpCue(at: meeting.now) == nil)
  }

  @Test func noCueWhenTheSpeakersGroupIsBelowItsTarget() {
    var meeting = Scenario(people: Self.six)
    meeting.speak("Ben", seconds: 120)
    meeting.given(.giveFloor(meeting.id("Amira")), .raiseHand(meeting.id("Dev")))
    meeting.advance(seconds: 60)
    #expect(meeting.state.wrapUpCue(at: meeting.now) == nil)
    // Once Amira's turn has brought lived experience over its target, Dev's group is the one
    // waiting below target, and the cue names him.
    meeting.advance(seconds: 70)
    #expect(meeting.state.wrapUpCue(at: meeting.now)?.next == meeting.id("Dev"))
  }

  @Test func noCueWhenNextIsFromTheSpeakersOwnGroup() {
    var meeting = Scenario(people: Self.six)
    meeting.speak("Ben", seconds: 120)
    meeting.given(.giveFloor(meeting.id("Ben")), .raiseHand(meeting.id("Dev")))
    meeting.advance(seconds: 60)
    #expect(meeting.state.wrapUpCue(at: meeting.now) == nil)
  }

  @Test func noCueWithNobodyWaitingOrNobodySpeaking() {
    var meeting = Scenario(people: Self.six)
    meeting.speak("Ben", seconds: 120)
    meeting.given(.giveFloor(meeting.id("Dev")))
    meeting.advance(seconds: 60)
    #expect(meeting.state.wrapUpCue(at: meeting.now) == nil)
    meeting.given(.endTurn, .raiseHand(meeting.id("Amira")))
    #expect(meeting.state.wrapUpCue(at: meeting.now) == nil)
  }

  @Test func noCueForAGoRoundTurn() throws {
    var meeting = Scenario(people: Self.six)
    meeting.speak("Ben", seconds: 120)
    meeting.given(.startRound(order: [meeting.id("Dev"), meeting.id("Amira")]), .nextSpeaker)
    #expect(meeting.state.currentTurn?.participant == meeting.id("Dev"))
    meeting.given(.raiseHand(meeting.id("Chloe")))
    meeting.advance(seconds: 60)
    #expect(meeting.state.wrapUpCue(at: meeting.now) == nil)
  }
}
