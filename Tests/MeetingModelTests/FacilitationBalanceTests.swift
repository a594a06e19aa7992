import Testing

@testable import MeetingModel

@Suite("Facilitation is not a voice in the balance, unless the meeting counts it")
struct FacilitationBalanceTests {
  /// The forum table with a facilitator (a professional) and a note-taker.
  static func forumWithFacilitation(policy: QueuePolicy = .balanced) -> Scenario {
    var meeting = Scenario.forum(policy: policy)
    meeting.given(
      .join(name: "Fay", tags: ["professional"], role: .facilitator),
      .join(name: "Rachel", tags: ["professional"], role: .noteTaker))
    return meeting
  }

  @Test func theRolesOfFacilitation() {
    #expect(Role.allCases.filter(\.isFacilitation) == [.facilitator, .coFacilitator, .noteTaker, .observer])
  }

  @Test func aNoteTakerWhoNeverSpeaksIsNotTheLeastHeard() {
    var meeting = Self.forumWithFacilitation()
    for name in ["Amira", "Ben", "Chloe", "Dev"] { meeting.speak(name, seconds: 30) }
    let stats = meeting.state.voiceStats()
    #expect(stats.people.map(\.name) == ["Amira", "Ben", "Chloe", "Dev"])
    #expect(!stats.leastHeard.map(\.name).contains("Rachel"))
    #expect(stats.leastHeard.count == 4)
    #expect(stats.facilitation.map(\.name) == ["Fay", "Rachel"])
    #expect(stats.gini == 0)
  }

  @Test func facilitatorAirtimeDoesNotMoveGroupShares() {
    var meeting = Self.forumWithFacilitation()
    meeting.speak("Amira", seconds: 60)
    meeting.speak("Ben", seconds: 60)
    let before = meeting.state.voiceStats()
    meeting.speak("Fay", seconds: 250)
    let after = meeting.state.voiceStats()
    #expect(after.groups == before.groups)
    #expect(after.groups.map(\.share) == [0.5, 0.5])
    #expect(after.people == before.people)
    #expect(after.gini == before.gini)
    #expect(after.totalAirtimeSeconds == 120)
    #expect(after.facilitationSeconds == 250)
    #expect(after.facilitationTurns == 1)
    // The queue's group shares do not move either.
    meeting.given(.raiseHand(meeting.id("Chloe")))
    #expect(meeting.reasons("Chloe").contains("lived-experience voices at 50% of airtime, target 50%"))
  }

  @Test func aFacilitatorsHandSaysItIsNotCounted() {
    var meeting = Self.forumWithFacilitation()
    meeting.speak("Amira", seconds: 60)
    meeting.given(.raiseHand(meeting.id("Fay")))
    #expect(
      meeting.reasons("Fay") == [
        "first time speaking", "facilitation role: not counted in the voice balance", "raised hand at 10:01",
      ])
  }

  @Test func withTheSettingOnFacilitationCounts() {
    var meeting = Self.forumWithFacilitation(policy: QueuePolicy(countsFacilitation: true))
    meeting.speak("Amira", seconds: 60)
    meeting.speak("Ben", seconds: 60)
    meeting.speak("Fay", seconds: 240)
    let stats = meeting.state.voiceStats()
    #expect(stats.people.map(\.name) == ["Amira", "Ben", "Chloe", "Dev", "Fay", "Rachel"])
    #expect(stats.facilitation.isEmpty)
    #expect(stats.facilitationSeconds == 0)
    #expect(abs((stats.groups.first { $0.tag == "professional" }?.share ?? 0) - 300.0 / 360) < 1e-9)
    #expect(stats.totalAirtimeSeconds == 360)
    #expect(stats.leastHeard.first?.name == "Chloe")
    #expect(stats.leastHeard.map(\.name).contains("Rachel"))
    meeting.given(.raiseHand(meeting.id("Chloe")))
    #expect(meeting.reasons("Chloe").contains("lived-experience voices at 17% of airtime, target 50%"))
  }

  @Test func observersStayOutEvenWhenFacilitationCounts() {
    var meeting = Scenario.forum(policy: QueuePolicy(countsFacilitation: true))
    meeting.given(.join(name: "Olu", tags: ["professional"], role: .observer))
    let stats = meeting.state.voiceStats()
    #expect(!stats.people.map(\.name).contains("Olu"))
    #expect(stats.facilitation.map(\.name) == ["Olu"])
  }

  @Test func aFacilitatorSpeakingLongGetsNoWrapUpCueUnlessFacilitationCounts() {
    for counts in [false, true] {
      var meeting = Self.forumWithFacilitation(policy: QueuePolicy(countsFacilitation: counts))
      meeting.speak("Ben", seconds: 120)
      meeting.speak("Amira", seconds: 100)
      meeting.given(.giveFloor(meeting.id("Fay")), .raiseHand(meeting.id("Chloe")))
      meeting.advance(seconds: 60)
      let cue = meeting.state.wrapUpCue(at: meeting.now)
      if counts {
        #expect(cue?.next == meeting.id("Chloe"))
        #expect(cue?.speakerGroup == "professional")
      } else {
        #expect(cue == nil)
      }
    }
  }

  @Test func changingTheSettingIsAPolicyChange() throws {
    var meeting = Self.forumWithFacilitation()
    meeting.speak("Fay", seconds: 100)
    #expect(meeting.state.voiceStats().facilitationSeconds == 100)
    let events = try meeting.when(.changePolicy(QueuePolicy(countsFacilitation: true)))
    #expect(events == [.policyChanged(PolicyChanged(policy: QueuePolicy(countsFacilitation: true)))])
    #expect(events[0].schemaVersion == 2)
    #expect(meeting.state.voiceStats().people.contains { $0.name == "Fay" })
    #expect(meeting.state.describe(meeting.state.policy).hasSuffix("facilitation counted"))
  }

  @Test func adjustedSecondsDivideAirtimeByTheAdjustment() {
    var meeting = Scenario.forum()
    meeting.given(.updateParticipant(meeting.id("Amira"), timeAdjustment: 1.5))
    meeting.speak("Amira", seconds: 90)
    let amira = meeting.state.voiceStats().people[0]
    #expect(amira.airtimeSeconds == 90)
    #expect(amira.adjustedSeconds == 60)
    #expect(amira.timeAdjustment == 1.5)
  }
}

@Suite("Did you mean: the closest names when a typed name matches nobody")
struct DidYouMeanTests {
  static let forum = Scenario(
    people: [
      ("Siobhán Byrne", ["lived-experience"]), ("Ben Okafor", ["professional"]),
      ("Zoë Mensah", ["lived-experience"]), ("Dr Ama Okafor", ["professional"]),
      ("会議 Tanaka", ["professional"]),
    ])

  @Test(arguments: ["siobhn", "shivaun", "SHIVAUN", "Siobahn", "Byrnne", "Shivaun Burne"])
  func siobhanIsFoundFromHowHerNameIsTypedOrHeard(_ typed: String) {
    #expect(Self.forum.state.closestNames(to: typed) == ["Siobhán Byrne"])
    #expect(
      throws: Refusal(
        .unknownParticipant, "Nobody called “\(typed)” has joined. Did you mean Siobhán Byrne?")
    ) { try Self.forum.state.participantID(named: typed) }
  }

  @Test func firstNamesAndSurnamesAreComparedFoldedFromAccents() {
    #expect(Self.forum.state.closestNames(to: "zoee") == ["Zoë Mensah"])
    #expect(Self.forum.state.closestNames(to: "mensha") == ["Zoë Mensah"])
    #expect(Self.forum.state.closestNames(to: "tanka") == ["会議 Tanaka"])
    // Both Okafors are as close; alphabetical.
    #expect(Self.forum.state.closestNames(to: "okafro") == ["Ben Okafor", "Dr Ama Okafor"])
  }

  @Test func nobodyCloseMeansNoSuggestion() {
    #expect(Self.forum.state.closestNames(to: "Sam").isEmpty)
    #expect(Self.forum.state.closestNames(to: "Xavier").isEmpty)
    // A part is not suggested from when the typing would replace all of it, as "Sy" would "Dr".
    #expect(Self.forum.state.closestNames(to: "Sy").isEmpty)
  }

  @Test func soundKeysMakeCommonSpellingsAlike() {
    #expect(soundKey("siobhan") == "shvn")
    #expect(soundKey("shivaun") == "shvn")
    #expect(soundKey("niamh") == "nv")
  }
}
