import MeetingModel

/// The sample meeting behind `roundtable demo`: a care leavers' housing forum in which the
/// professionals raise their hands more often than the young people with lived experience.
enum DemoMeeting {
  static let start = Instant(iso8601: "2026-11-21T10:00:00Z") ?? Instant(millisecondsSince1970: 0)

  static let people: [(name: String, tags: [String], role: Role, adjustment: Double)] = [
    ("Helen Ward", ["professional"], .facilitator, 1),
    ("Siobhán Byrne", ["lived-experience", "young-person"], .participant, 1),
    ("Zoë Mensah", ["lived-experience", "young-person"], .participant, 1.5),
    ("Marcus Reid", ["lived-experience"], .participant, 1),
    ("Dr Ama Okafor", ["professional"], .participant, 1),
    ("Tom Hughes", ["professional"], .participant, 1),
    ("Rachel Lee", ["professional"], .noteTaker, 1),
  ]

  /// How long the demo meeting has been running when it ends (for opening it "live").
  static let length: Int64 = 17 * 60 + 50

  /// Plays the meeting from `start`, writing what happens to `transcript`, and returns the
  /// events recorded.
  @discardableResult
  static func play(
    policy: QueuePolicy.Ordering, from start: Instant = start, into transcript: inout DemoTranscript
  ) throws -> [RecordedEvent] {
    var meeting = DemoSession(start: start)
    let queuePolicy = QueuePolicy(ordering: policy)
    try meeting.run(
      .createMeeting(
        title: "Care leavers' housing forum", purpose: "Agree what a good first home offer looks like",
        date: "2026-11-21", policy: queuePolicy))
    transcript.heading("Roundtable demo: Care leavers' housing forum (\(policy.rawValue) queue)")
    for person in people {
      try meeting.run(
        .join(name: person.name, tags: person.tags, role: person.role, timeAdjustment: person.adjustment))
    }
    transcript.line(
      meeting,
      "\(people.count) people join: "
        + people.map { "\($0.name) (\($0.tags.joined(separator: ", ")))" }.joined(separator: "; "))
    try meeting.run(.addAgendaItem(title: "Welcome and ground rules", minutes: 5))
    try meeting.run(.addAgendaItem(title: "First home offers at 18", minutes: 25, leads: [meeting.id("Tom")]))
    try meeting.run(.addAgendaItem(title: "Bus passes for college", minutes: 15))
    try meeting.run(.nextItem)
    transcript.line(meeting, "Agenda item 1 opens: Welcome and ground rules (5 min).")
    try meeting.floor("Helen", seconds: 120, transcript: &transcript)
    try meeting.run(.nextItem)
    transcript.line(meeting, "Agenda item 2 opens: First home offers at 18 (25 min), led by Tom Hughes.")

    // The professionals are quick to raise their hands.
    try meeting.raise(["Tom", "Ama", "Siobhán"], transcript: &transcript)
    try meeting.next(seconds: 150, transcript: &transcript)
    try meeting.raise(["Ama", "Tom"], transcript: &transcript)
    try meeting.run(.raiseHand(meeting.id("Marcus"), kind: .clarify))
    transcript.line(meeting, "Marcus raises a clarifying question.")
    transcript.queue(meeting.state)
    try meeting.next(seconds: 30, transcript: &transcript)
    try meeting.run(.sendSignal(.jargon, note: "what is a 'tenancy sustainment officer'?"))
    transcript.line(meeting, "Anonymous signal: jargon, plain language please.")
    try meeting.run(.acknowledgeSignal(SignalID(1)))
    try meeting.next(seconds: 200, transcript: &transcript)
    try meeting.run(
      .recordContribution(
        meeting.id("Zoë"), mode: .written, text: "I was offered a flat with no furniture and no cooker.",
        creditSeconds: 60))
    transcript.line(meeting, "Zoë's written card is read out: it counts as 60s of voice.")
    try meeting.raise(["Tom", "Zoë"], transcript: &transcript)
    try meeting.next(seconds: 180, transcript: &transcript)
    try meeting.raise(["Ama", "Siobhán", "Marcus"], transcript: &transcript)
    try meeting.next(seconds: 90, transcript: &transcript)
    try meeting.next(seconds: 120, transcript: &transcript)
    try meeting.next(seconds: 100, transcript: &transcript)
    try meeting.next(seconds: 110, transcript: &transcript)
    try meeting.next(seconds: 0, transcript: &transcript)

    let present = meeting.state.present.filter { $0.role != .noteTaker && $0.role != .observer }
    var stances = present.map { Stance(participant: $0.id, stance: .agree) }
    if let index = stances.firstIndex(where: { $0.participant == meeting.id("Ama") }) {
      stances[index] = Stance(
        participant: stances[index].participant, stance: .concern,
        reason: "the furniture budget is not yet agreed")
    }
    try meeting.run(
      .recordDecision(
        DecisionDraft(
          text: "Every first home offer includes a cooker, a bed and a furniture grant.", method: .consent,
          outcome: .agreed, rung: .coProduction, stances: stances,
          actions: [
            ActionDraft(
              owner: "Tom Hughes", ownerParticipant: meeting.id("Tom"), text: "Cost the furniture grant",
              due: "2026-12-05"),
            ActionDraft(
              owner: "Siobhán Byrne", ownerParticipant: meeting.id("Siobhán"),
              text: "Co-write the offer checklist with the housing team"),
          ])))
    transcript.decision(meeting.state)
    try meeting.run(.nextItem)
    transcript.line(meeting, "Agenda item 3 opens: Bus passes for college (15 min).")
    try meeting.raise(["Tom", "Siobhán"], transcript: &transcript)
    try meeting.next(seconds: 40, transcript: &transcript)
    try meeting.run(.raiseHand(meeting.id("Ama"), kind: .response))
    try meeting.run(.raiseHand(meeting.id("Marcus")))
    try meeting.run(.sendSignal(.slower, from: meeting.id("Zoë")))
    transcript.line(meeting, "Ama raises a direct response, Marcus a point; Zoë asks to slow down.")
    transcript.queue(meeting.state)
    transcript.stats(meeting.state, at: meeting.now)
    return meeting.log
  }
}

/// The demo's meeting state and clock.
struct DemoSession {
  var state = MeetingState()
  var log: [RecordedEvent] = []
  var now: Instant
  var ids = SequentialEventIDs()

  init(start: Instant) { now = start }

  mutating func run(_ command: Command) throws {
    log += try state.execute(command, at: now, metadata: EventMetadata(terminal: "demo"), ids: &ids)
  }

  func id(_ name: String) -> ParticipantID {
    (try? state.participantID(named: name)) ?? ParticipantID(0)
  }

  mutating func advance(seconds: Int64) { now = now.adding(seconds: seconds) }

  mutating func raise(_ names: [String], transcript: inout DemoTranscript) throws {
    // People whose hand is still up keep their place; the others raise theirs.
    let raising = names.filter { state.entry(for: id($0)) == nil && state.currentTurn?.participant != id($0) }
    guard !raising.isEmpty else { return }
    for name in raising {
      advance(seconds: 5)
      try run(.raiseHand(id(name)))
    }
    transcript.line(self, "Hands up: \(raising.map { state.name(of: id($0)) }.joined(separator: ", ")).")
    transcript.queue(state)
  }

  /// Gives the floor to the head of the queue and lets them speak.
  mutating func next(seconds: Int64, transcript: inout DemoTranscript) throws {
    guard state.currentTurn != nil || !state.entries.isEmpty else { return }
    try run(.nextSpeaker)
    if let turn = state.currentTurn {
      transcript.line(self, "Next: \(state.name(of: turn.participant)) has the floor (\(turn.kind.label)).")
      advance(seconds: seconds)
    } else {
      transcript.line(self, "Turn ends; nobody is waiting.")
    }
  }

  mutating func floor(_ name: String, seconds: Int64, transcript: inout DemoTranscript) throws {
    try run(.giveFloor(id(name)))
    transcript.line(self, "\(state.name(of: id(name))) has the floor.")
    advance(seconds: seconds)
    try run(.endTurn)
  }
}
