import MeetingModel
import Testing

@Suite("Balanced queue: each rule, with its reasons")
struct BalancedQueueTests {
  @Test func raisingAHandRecordsOneEvent() throws {
    var meeting = Scenario.forum()
    let events = try meeting.when(.raiseHand(meeting.id("Ben")))
    #expect(events == [.handRaised(HandRaised(participant: ParticipantID(2), kind: .point))])
    #expect(meeting.queueNames == ["Ben"])
    #expect(meeting.reasons("Ben") == ["first time speaking", "raised hand at 10:00"])
  }

  @Test func firstVoiceGoesBeforeThoseAlreadyHeard() throws {
    var meeting = Scenario.forum()
    meeting.speak("Ben", seconds: 60)
    meeting.given(.raiseHand(meeting.id("Ben")))
    meeting.advance(seconds: 5)
    meeting.given(.raiseHand(meeting.id("Dev")))
    #expect(meeting.queueNames == ["Dev", "Ben"])
    #expect(
      meeting.state.speakingQueue.map(\.reasons) == [
        [
          "first time speaking", "professional voices at 100% of airtime, target 50%", "raised hand at 10:01",
        ],
        [
          "has already spoken on this item", "professional voices at 100% of airtime, target 50%",
          "1m 00s of airtime so far", "raised hand at 10:01",
        ],
      ])
  }

  @Test func firstOnThisItemGoesBeforeSpokenOnThisItem() throws {
    var meeting = Scenario(people: [("Amira", []), ("Ben", [])])
    meeting.given(.addAgendaItem(title: "Housing"), .addAgendaItem(title: "Education"), .nextItem)
    meeting.speak("Amira", seconds: 30)
    meeting.given(.nextItem)
    meeting.speak("Ben", seconds: 10)
    meeting.given(.raiseHand(meeting.id("Ben")), .raiseHand(meeting.id("Amira")))
    #expect(meeting.queueNames == ["Amira", "Ben"])
    #expect(meeting.reasons("Amira").first == "first time on this item")
    #expect(meeting.reasons("Ben").first == "has already spoken on this item")
  }

  @Test func groupFurthestBelowTargetGoesFirst() throws {
    var meeting = Scenario.forum()
    meeting.speak("Amira", seconds: 30)
    meeting.speak("Ben", seconds: 90)
    // Both have spoken, on this item: group balance decides. Lived experience has 25% of airtime.
    meeting.given(.raiseHand(meeting.id("Ben")), .raiseHand(meeting.id("Amira")))
    #expect(meeting.queueNames == ["Amira", "Ben"])
    #expect(
      meeting.reasons("Amira") == [
        "has already spoken on this item", "lived-experience voices at 25% of airtime, target 50%",
        "30s of airtime so far", "raised hand at 10:02",
      ])
  }

  @Test func setTargetsOverrideEqualShares() throws {
    let policy = QueuePolicy(
      groupTargets: [
        GroupTarget(tag: "lived-experience", share: 0.7), GroupTarget(tag: "professional", share: 0.3),
      ])
    var meeting = Scenario.forum(policy: policy)
    meeting.speak("Amira", seconds: 60)
    meeting.speak("Ben", seconds: 40)
    // Lived experience at 60% is still 10 points under its 70% target; professionals are over.
    meeting.given(.raiseHand(meeting.id("Ben")), .raiseHand(meeting.id("Amira")))
    #expect(meeting.queueNames == ["Amira", "Ben"])
    #expect(meeting.reasons("Amira")[1] == "lived-experience voices at 60% of airtime, target 70%")
    #expect(meeting.reasons("Ben")[1] == "professional voices at 40% of airtime, target 30%")
  }

  @Test func leastAirtimeBreaksTiesWithinAGroup() throws {
    var meeting = Scenario.forum()
    meeting.speak("Ben", seconds: 30)
    meeting.speak("Dev", seconds: 20)
    meeting.speak("Amira", seconds: 50)
    // Groups are even (50/50): least airtime decides between Ben and Dev.
    meeting.given(.raiseHand(meeting.id("Ben")), .raiseHand(meeting.id("Dev")))
    #expect(meeting.queueNames == ["Dev", "Ben"])
    #expect(meeting.reasons("Dev")[2] == "20s of airtime so far")
  }

  @Test func arrivalBreaksTheRemainingTies() throws {
    var meeting = Scenario.forum()
    meeting.given(.raiseHand(meeting.id("Chloe")))
    meeting.advance(seconds: 1)
    meeting.given(.raiseHand(meeting.id("Amira")))
    #expect(meeting.queueNames == ["Chloe", "Amira"])
  }

  @Test func timeAdjustmentDividesAirtime() throws {
    var meeting = Scenario(people: [("Zoë", ["x"]), ("Sam", ["x"])])
    meeting.given(.updateParticipant(meeting.id("Zoë"), timeAdjustment: 2))
    meeting.speak("Zoë", seconds: 90)  // counts as 45s
    meeting.speak("Sam", seconds: 60)
    meeting.given(.raiseHand(meeting.id("Sam")), .raiseHand(meeting.id("Zoë")))
    #expect(meeting.queueNames == ["Zoë", "Sam"])
    #expect(meeting.reasons("Zoë")[2] == "1m 30s of airtime so far, counted as 45s (2× time adjustment)")
  }

  @Test func writtenContributionCountsAsVoice() throws {
    var meeting = Scenario.forum()
    let written = try meeting.when(
      .recordContribution(meeting.id("Amira"), mode: .written, text: "Card: bus passes", creditSeconds: 60))
    #expect(
      written == [
        .contributionRecorded(
          ContributionRecorded(
            contribution: ContributionID(1), participant: ParticipantID(1), mode: .written,
            text: "Card: bus passes",
            creditSeconds: 60, supporter: nil))
      ])
    meeting.given(.raiseHand(meeting.id("Amira")), .raiseHand(meeting.id("Chloe")))
    // Amira has been heard (in writing); Chloe has not.
    #expect(meeting.queueNames == ["Chloe", "Amira"])
    #expect(meeting.reasons("Amira")[0] == "has already spoken on this item")
    #expect(meeting.state.voiceStats().people[0].creditedSeconds == 60)
  }
}
