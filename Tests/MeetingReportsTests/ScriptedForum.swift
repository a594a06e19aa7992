import MeetingModel
import MeetingReports

/// A fixed, scripted care leavers' forum for the report tests: accents in names, a person who
/// leaves and comes back, two items and a parked one, turns, a go-round with a pass, written and
/// supported contributions, decisions (consent with dissent, a vote, one amended, one
/// withdrawn), actions owned by a participant and by someone outside, signals, and names inside
/// free text.
enum ScriptedForum {
  static let start = Instant(iso8601: "2026-11-21T10:00:00Z")!

  static func meeting() throws -> MeetingState {
    var state = MeetingState()
    var ids = SequentialEventIDs()
    var clock = start
    func at(_ minutes: Double, _ command: Command) throws {
      clock = start.adding(milliseconds: Int64(minutes * 60_000))
      try state.execute(command, at: clock, ids: &ids)
    }
    func id(_ name: String) throws -> ParticipantID { try state.participantID(named: name) }
    try at(
      0, .createMeeting(title: "Care leavers' housing forum", purpose: "What a first home should come with"))
    try at(0, .join(name: "Siobhán Byrne", tags: ["lived-experience"]))
    try at(0, .join(name: "Ben Okafor", tags: ["professional"]))
    try at(0, .join(name: "Zoë Mensah", tags: ["lived-experience"], timeAdjustment: 1.5))
    try at(0, .join(name: "Dr Ama Reid", tags: ["professional"]))
    try at(0, .join(name: "Rachel Green", role: .facilitator))
    try at(0.5, .addAgendaItem(title: "First home offers", minutes: 20))
    try at(0.5, .addAgendaItem(title: "Next forum", minutes: 10))
    try at(1, .openMeeting)
    try at(1, .nextItem)
    try at(1.5, .startRound(topic: "One word for today"))
    try at(1.5, .nextSpeaker)
    try at(2, .nextSpeaker)
    try at(2.5, .passInRound)
    try at(2.5, .nextSpeaker)
    try at(3, .nextSpeaker)
    try at(3.5, .endRound)
    try at(4, .raiseHand(try id("Ben")))
    try at(4, .nextSpeaker)
    try at(4.5, .raiseHand(try id("Siobhán")))
    try at(6, .nextSpeaker)
    try at(6.5, .sendSignal(.jargon))
    try at(7, .acknowledgeSignal(SignalID(rawValue: 1)))
    try at(8, .endTurn)
    try at(
      8.5, .recordContribution(try id("Zoë"), mode: .written, text: "Offers come too late to plan a move"))
    try at(
      9,
      .recordContribution(
        try id("Siobhán"), mode: .supported, text: "Siobhan wants a bed on day one", supporter: try id("Zoë"))
    )
    try at(10, .leave(try id("Ama")))
    try at(
      11,
      .recordDecision(
        DecisionDraft(
          text: "Every first home comes with a cooker and a bed", method: .consent, outcome: .agreed,
          rung: .coProduction,
          stances: [
            Stance(participant: try id("Siobhán"), stance: .agree),
            Stance(
              participant: try id("Ben"), stance: .concern, reason: "the budget is not agreed; Zoe to check"),
            Stance(participant: try id("Zoë"), stance: .agree),
          ],
          actions: [
            ActionDraft(
              owner: "Ben Okafor", ownerParticipant: try id("Ben"), text: "Cost the furniture grant",
              due: "2026-12-05"),
            ActionDraft(owner: "the housing team", text: "Write to Siobhán about offer dates"),
          ])))
    try at(12, .join(name: "Dr Ama Reid", tags: ["professional"]))
    try at(12.5, .park(title: "Bus passes for college"))
    try at(13, .sendSignal(.break, from: try id("Zoë")))
    try at(14, .nextItem)
    try at(14.5, .raiseHand(try id("Ama")))
    try at(14.5, .nextSpeaker)
    try at(16, .endTurn)
    try at(
      17,
      .recordDecision(
        DecisionDraft(
          text: "Meet monthly", method: .vote, outcome: .agreed, rung: .consultation,
          votes: VoteTally(inFavour: 3, against: 1, abstentions: 0))))
    try at(
      17.5,
      .amendDecision(DecisionAmendment(decision: DecisionID(rawValue: 2), text: "Meet monthly, on Saturdays"))
    )
    try at(
      18, .recordDecision(DecisionDraft(text: "Move to the library", method: .consensus, outcome: .deferred)))
    try at(18.5, .withdrawDecision(DecisionID(rawValue: 3), reason: "recorded on the wrong item"))
    try at(19, .closeItem)
    try at(20, .closeMeeting)
    return state
  }

  static let options = MinutesOptions(now: start.adding(seconds: 3600))
  static let anonymised = MinutesOptions(anonymize: true, now: start.adding(seconds: 3600))
}
