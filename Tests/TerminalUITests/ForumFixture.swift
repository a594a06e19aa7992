import MeetingModel

/// A meeting in full swing for screen tests: two groups, an agenda with a current item, a turn
/// in progress, hands of several kinds, a signal and a decision with dissent.
enum ForumFixture {
  static let start = Instant(iso8601: "2026-11-21T10:00:00Z") ?? Instant(millisecondsSince1970: 0)

  static func make() throws -> (MeetingState, Instant) {
    var state = MeetingState()
    var ids = SequentialEventIDs()
    var now = start
    func run(_ command: Command, after seconds: Int64 = 0) throws {
      now = now.adding(seconds: seconds)
      try state.execute(command, at: now, ids: &ids)
    }
    func id(_ name: String) throws -> ParticipantID { try state.participantID(named: name) }
    // Helen facilitates and has spoken; the screens here were drawn with her airtime counted
    // among the professionals, so this meeting counts facilitation (the default leaves it out).
    try run(
      .createMeeting(title: "Care leavers' housing forum", policy: QueuePolicy(countsFacilitation: true)))
    try run(.join(name: "Helen Ward", tags: ["professional"], role: .facilitator))
    try run(.join(name: "Siobhán Byrne", tags: ["lived-experience", "young-person"]))
    try run(.join(name: "Zoë Mensah", tags: ["lived-experience"], timeAdjustment: 1.5))
    try run(.join(name: "Marcus Reid", tags: ["lived-experience"]))
    try run(.join(name: "Dr Ama Okafor", tags: ["professional"]))
    try run(.join(name: "Tom Hughes", tags: ["professional"]))
    try run(.join(name: "会議 Tanaka", tags: ["professional"]))
    try run(.addAgendaItem(title: "Welcome and ground rules", minutes: 5))
    try run(.addAgendaItem(title: "First home offers at 18", minutes: 25, leads: [try id("Tom")]))
    try run(.addAgendaItem(title: "Bus passes for college", minutes: 15))
    try run(.nextItem)
    try run(.giveFloor(try id("Helen")))
    try run(.nextItem, after: 240)
    try run(.raiseHand(try id("Tom")), after: 10)
    try run(.raiseHand(try id("Siobhán")), after: 5)
    try run(.nextSpeaker, after: 5)
    try run(.raiseHand(try id("Ama")), after: 60)
    try run(.raiseHand(try id("Marcus"), kind: .clarify), after: 20)
    try run(.nextSpeaker, after: 70)
    try run(.raiseHand(try id("Zoë")), after: 10)
    try run(.nextSpeaker, after: 30)
    try run(.sendSignal(.jargon, note: "what is a tenancy sustainment officer?"), after: 20)
    try run(
      .recordDecision(
        DecisionDraft(
          text: "Every first home offer includes a cooker and a bed", method: .consent, outcome: .agreed,
          rung: .coProduction,
          stances: [Stance(participant: try id("Ama"), stance: .concern, reason: "budget")])), after: 15)
    try run(.raiseHand(try id("Tanaka")), after: 10)
    now = now.adding(seconds: 95)
    return (state, now)
  }
}
