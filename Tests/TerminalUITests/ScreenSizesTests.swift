import MeetingModel
import Testing

@testable import TerminalUI

/// The forum at the four sizes a room meets (a laptop, a small and a large projector, a wall
/// screen), compared whole, and what must hold at every size: nothing cut without `…`, the
/// private note never drawn, reasons at normal intensity, hidden rows counted.
@Suite("The facilitator screen at every size")
struct ScreenSizesTests {
  static let sizes = [(80, 24), (100, 32), (120, 40), (200, 60)]

  @Test func at100By32() throws {
    #expect(
      try FacilitatorScreenTests.screen(100, 32).lines.joined(separator: "\n") == """
         Roundtable · Care leavers' housing forum                                    balanced queue · 10:09
         ! Someone asks for plain language, please · a: acknowledge · r: private note
        ┌─ Now speaking ───────────────────────┐┌─ > Up next (3) ──────────────────────────────────────────┐
        │ Zoë Mensah                           ││>1. Tom Hughes     new point                              │
        │ new point · lived-experience         ││    waited through 3 turns: not overtaken again except to │
        │  ███ ███   ███ ███                   ││    balance groups; raised hand at 10:04; first time spea…│
        │  █ █   █ █   █ █ █                   ││ 2. Dr Ama Okafor  new point                              │
        │  █ █ ███   ███ █ █                   ││    waited through 2 turns; raised hand at 10:05; first   │
        │  █ █ █   █ █   █ █                   ││    time speaking; professional voices at 42% of airtime,…│
        │  ███ ███   ███ ███                   ││ 3. 会議 Tanaka    new point                              │
        │ » Facilitator: Tom Hughes next —     ││    first time speaking; professional voices at 42% of    │
        │   professional 42%, target 50%       ││    airtime, target 50%; raised hand at 10:08             │
        │ 02:20 of 04:30 with 1.5× time        ││                                                          │
        └──────────────────────────────────────┘└──────────────────────────────────────────────────────────┘
        ┌─ Agenda ─────────────────────────┐┌─ Voice balance ──────────────┐┌─ Decisions ──────────────────┐
        │ ✓ 1. Welcome and ground rules    ││ lived-experience             ││ #1 consent · agreed          │
        │ ▶ 2. First home offer… 19:10 left││ ███████████|░░░░░░░░░ 58%/50%││   rung: co-production        │
        │ · 3. Bus passes for colle… 15 min││ professional                 ││   Every first home offer     │
        │                                  ││ █████████░░|░░░░░░░░░ 42%/50%││   includes a cooker and a bed│
        │                                  ││ Fairness (Gini): 0.58        ││   dissent: Dr Ama Okafor     │
        │                                  ││ Dr Ama Okafor             0s ││   (concern: budget)          │
        │                                  ││ Tom Hughes                0s ││                              │
        │                                  ││ 会議 Tanaka               0s ││                              │
        │                                  ││ Marcus Reid              40s ││                              │
        │                                  ││ Zoë Mensah            2m 20s ││                              │
        │                                  ││ Siobhán Byrne         2m 30s ││                              │
        │                                  ││ Helen Ward            4m 00s ││                              │
        │                                  ││                              ││                              │
        │                                  ││                              ││                              │
        └──────────────────────────────────┘└──────────────────────────────┘└──────────────────────────────┘

        n next  e end turn  h hand  l lower  u undo  ] next item  a ack  g give floor  ? more keys  q quit
        """)
  }

  /// At 200×60 the timer's digits grow to squares of 2×2 cells and the name is spaced out, to
  /// be read from the back of the room.
  @Test func at200By60() throws {
    #expect(
      try FacilitatorScreenTests.screen(200, 60).lines.joined(separator: "\n") == """
         Roundtable · Care leavers' housing forum                                                                                                                                        balanced queue · 10:09
         ! Someone asks for plain language, please · a: acknowledge · r: private note
        ┌─ Now speaking ───────────────────────────────────────────────────────────────┐┌─ > Up next (3) ──────────────────────────────────────────────────────────────────────────────────────────────────────┐
        │ Z o ë   M e n s a h                                                          ││>1. Tom Hughes     new point                                                                                          │
        │ new point · lived-experience                                                 ││    first time speaking; professional voices at 42% of airtime, target 50%; waited through 3 turns: not overtaken     │
        │                                                                              ││    again except to balance groups; raised hand at 10:04                                                              │
        │  █████████   █████████         █████████   █████████                         ││                                                                                                                      │
        │  █████████   █████████         █████████   █████████                         ││ 2. Dr Ama Okafor  new point                                                                                          │
        │  █████████   █████████         █████████   █████████                         ││    first time speaking; professional voices at 42% of airtime, target 50%; waited through 2 turns; raised hand at    │
        │  ███   ███         ███   ███         ███   ███   ███                         ││    10:05                                                                                                             │
        │  ███   ███         ███   ███         ███   ███   ███                         ││                                                                                                                      │
        │  ███   ███         ███   ███         ███   ███   ███                         ││ 3. 会議 Tanaka    new point                                                                                          │
        │  ███   ███   █████████         █████████   ███   ███                         ││    first time speaking; professional voices at 42% of airtime, target 50%; raised hand at 10:08                      │
        │  ███   ███   █████████         █████████   ███   ███                         ││                                                                                                                      │
        │  ███   ███   █████████         █████████   ███   ███                         ││                                                                                                                      │
        │  ███   ███   ███         ███   ███         ███   ███                         ││                                                                                                                      │
        │  ███   ███   ███         ███   ███         ███   ███                         ││                                                                                                                      │
        │  ███   ███   ███         ███   ███         ███   ███                         ││                                                                                                                      │
        │  █████████   █████████         █████████   █████████                         ││                                                                                                                      │
        │  █████████   █████████         █████████   █████████                         ││                                                                                                                      │
        │  █████████   █████████         █████████   █████████                         ││                                                                                                                      │
        │                                                                              ││                                                                                                                      │
        │                                                                              ││                                                                                                                      │
        │ » Facilitator: Tom Hughes is next — professional voices at 42% of airtime,   ││                                                                                                                      │
        │   target 50%. Move on at a natural pause for Zoë Mensah.                     ││                                                                                                                      │
        │ 02:20 of 04:30 with 1.5× time                                                ││                                                                                                                      │
        └──────────────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
        ┌─ Agenda ─────────────────────────────────────────────────────────────┐┌─ Voice balance ──────────────────────────────────────────────┐┌─ Decisions ──────────────────────────────────────────────────┐
        │ ✓ 1. Welcome and ground rules                                        ││ lived-experience ██████████████████|██░░░░░░░░░░░░░░░ 58%/50%││ #1 consent · agreed · co-production                          │
        │ ▶ 2. First home offers at 18                               19:10 left││ professional     ███████████████░░░|░░░░░░░░░░░░░░░░░ 42%/50%││   Every first home offer includes a cooker and a bed         │
        │ · 3. Bus passes for college                                    15 min││ Fairness (Gini): 0.58                                        ││   dissent: Dr Ama Okafor (concern: budget)                   │
        │                                                                      ││ Dr Ama Okafor                                             0s ││                                                              │
        │                                                                      ││ Tom Hughes                                                0s ││                                                              │
        │                                                                      ││ 会議 Tanaka                                               0s ││                                                              │
        │                                                                      ││ Marcus Reid                                              40s ││                                                              │
        │                                                                      ││ Zoë Mensah                                            2m 20s ││                                                              │
        │                                                                      ││ Siobhán Byrne                                         2m 30s ││                                                              │
        │                                                                      ││ Helen Ward                                            4m 00s ││                                                              │
        │                                                                      ││                                                              ││                                                              │
        │                                                                      ││                                                              ││                                                              │
        │                                                                      ││                                                              ││                                                              │
        │                                                                      ││                                                              ││                                                              │
        │                                                                      ││                                                              ││                                                              │
        │                                                                      ││                                                              ││                                                              │
        │                                                                      ││                                                              ││                                                              │
        │                                                                      ││                                                              ││                                                              │
        │                                                                      ││                                                              ││                                                              │
        │                                                                      ││                                                              ││                                                              │
        │                                                                      ││                                                              ││                                                              │
        │                                                                      ││                                                              ││                                                              │
        │                                                                      ││                                                              ││                                                              │
        │                                                                      ││                                                              ││                                                              │
        │                                                                      ││                                                              ││                                                              │
        │                                                                      ││                                                              ││                                                              │
        │                                                                      ││                                                              ││                                                              │
        │                                                                      ││                                                              ││                                                              │
        │                                                                      ││                                                              ││                                                              │
        └──────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────────┘

        n next  e end turn  h hand  l lower  u undo  ] next item  a ack  g give floor  m move  : command  ? keys  q quit
        """)
  }

  @Test func thePrivateNoteIsNeverDrawnAtAnySize() throws {
    let (state, now) = try ForumFixture.make()
    let note = try #require(state.openSignals.first?.note)
    for (width, height) in Self.sizes {
      let text = FacilitatorScreen.render(
        state: state, ui: FacilitatorUI(), now: now, width: width, height: height
      )
      .lines.joined()
      #expect(!text.contains(note), "\(width)×\(height)")
      #expect(!text.contains("tenancy"), "\(width)×\(height)")
      #expect(text.contains("Someone asks for plain language, please"), "\(width)×\(height)")
    }
  }

  @Test func reasonsAreDrawnAtNormalIntensity() throws {
    let (state, now) = try ForumFixture.make()
    let buffer = FacilitatorScreen.render(state: state, ui: FacilitatorUI(), now: now, width: 120, height: 40)
    let row = try #require(buffer.lines.firstIndex { $0.contains("first time speaking") })
    let column = try #require(
      buffer.lines[row].range(of: "first time").map {
        DisplayWidth.of(buffer.lines[row][..<$0.lowerBound])
      })
    for x in column..<column + 10 {
      #expect(buffer[x, row].role == .normal)
      #expect(!buffer[x, row].style.contains(.dim))
    }
  }

  /// Text cut anywhere ends in `…`: no row of any panel stops mid-word at its border.
  @Test func nothingIsCutWithoutAMark() throws {
    let (state, now) = try ForumFixture.make()
    let buffer = FacilitatorScreen.render(state: state, ui: FacilitatorUI(), now: now, width: 80, height: 24)
    let text = buffer.lines.joined(separator: "\n")
    for fragment in ["co-prod│", "dissent: Dr Ama Okafor (c│", "waited throu│", "(“what is"] {
      #expect(!text.contains(fragment), "\(fragment)")
    }
    #expect(text.contains("not overtaken a…"))
  }

  @Test func listsThatHideRowsSayHowMany() throws {
    var state = MeetingState()
    var ids = SequentialEventIDs()
    let now = ForumFixture.start
    try state.execute(.createMeeting(title: "Big forum"), at: now, ids: &ids)
    for index in 1...12 {
      try state.execute(.join(name: "Person \(index)", tags: ["lived-experience"]), at: now, ids: &ids)
      try state.execute(.raiseHand(ParticipantID(index)), at: now, ids: &ids)
      try state.execute(.addAgendaItem(title: "Item \(index)", minutes: 5), at: now, ids: &ids)
    }
    let text = FacilitatorScreen.render(state: state, ui: FacilitatorUI(), now: now, width: 80, height: 24)
      .lines.joined(separator: "\n")
    #expect(text.contains("+9 more"))  // Up next shows 3 of 12
    #expect(text.contains("+4 more"))  // the agenda shows 8 of 12
    #expect(text.contains("+7 more"))  // the voice balance lists 5 of 12
  }

  /// By default facilitation is not a voice: the note-taker who never speaks is not listed as
  /// the least heard, and the facilitator's time is shown apart.
  @Test func facilitationIsShownApartFromTheBalance() throws {
    var state = MeetingState()
    var ids = SequentialEventIDs()
    var now = ForumFixture.start
    try state.execute(.createMeeting(title: "Forum"), at: now, ids: &ids)
    try state.execute(
      .join(name: "Helen Ward", tags: ["professional"], role: .facilitator), at: now, ids: &ids)
    try state.execute(.join(name: "Nadia Note", tags: ["professional"], role: .noteTaker), at: now, ids: &ids)
    try state.execute(.join(name: "Amira Said", tags: ["lived-experience"]), at: now, ids: &ids)
    try state.execute(.giveFloor(try state.participantID(named: "Helen")), at: now, ids: &ids)
    now = now.adding(seconds: 250)
    try state.execute(.giveFloor(try state.participantID(named: "Amira")), at: now, ids: &ids)
    now = now.adding(seconds: 30)
    let text = FacilitatorScreen.render(state: state, ui: FacilitatorUI(), now: now, width: 120, height: 40)
      .lines
      .joined(separator: "\n")
    #expect(text.contains("facilitation: 4m 10s, not counted"))
    #expect(!text.contains("Nadia Note"))
    #expect(text.contains("lived-experience"))
  }

  @Test func theOverlayWrapsInsteadOfCutting() throws {
    let (state, now) = try ForumFixture.make()
    var ui = FacilitatorUI()
    let long =
      "Speaking: Zoë Mensah (new point, since 10:06) and then a great deal more text that cannot fit "
      + "in eighty columns however it is drawn, ending with the word ELEPHANT"
    ui.overlay = ["Queue", "", long]
    let text = FacilitatorScreen.render(state: state, ui: ui, now: now, width: 80, height: 24).lines
      .joined(separator: "\n")
    #expect(text.contains("ELEPHANT"))
    ui.overlay = ["Queue", ""] + (1...40).map { "line \($0)" }
    let tall = FacilitatorScreen.render(state: state, ui: ui, now: now, width: 80, height: 24).lines
      .joined(separator: "\n")
    #expect(tall.contains("+23 more lines (Esc closes)"))
  }

  @Test func theDecisionsPanelShowsVotesDissentAndActions() throws {
    var (state, now) = try ForumFixture.make()
    var ids = SequentialEventIDs(startingAfter: 1000)
    let tom = try state.participantID(named: "Tom")
    try state.execute(
      .recordDecision(
        DecisionDraft(
          text: "Bus passes for every care leaver in college", method: .vote, outcome: .agreed,
          rung: .coDesign, votes: VoteTally(inFavour: 7, against: 2, abstentions: 1),
          actions: [
            ActionDraft(
              owner: "Tom Hughes", ownerParticipant: tom, text: "ask the council", due: "2026-12-05")
          ]
        )), at: now, ids: &ids)
    now = now.adding(seconds: 1)
    let text = FacilitatorScreen.render(state: state, ui: FacilitatorUI(), now: now, width: 200, height: 60)
      .lines
      .joined(separator: "\n")
    for (width, height) in Self.sizes {
      let small = FacilitatorScreen.render(
        state: state, ui: FacilitatorUI(), now: now, width: width, height: height
      )
      .lines.joined(separator: "\n")
      #expect(!small.contains("……"), "\(width)×\(height)")  // one mark, never two
    }
    #expect(text.contains("#2 vote · agreed · co-design"))
    #expect(text.contains("votes: 7 for, 2 against, 1 abstaining"))
    #expect(text.contains("action: Tom Hughes — ask the council, due 2026-12-05"))
    #expect(text.contains("dissent: Dr Ama Okafor (concern: budget)"))
  }
}
