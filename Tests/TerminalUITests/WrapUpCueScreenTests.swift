import MeetingModel
import Testing

@testable import TerminalUI

/// The wrap-up cue on the Now speaking panel: when it shows, how it reads without colour, and
/// that the facilitator can put it later or off.
@Suite("The facilitator screen: the wrap-up cue")
struct WrapUpCueScreenTests {
  /// The Now speaking panel of an 80×24 screen, as text.
  static func panel(
    _ state: MeetingState, at now: Instant, ui: FacilitatorUI = FacilitatorUI()
  ) -> String {
    let buffer = FacilitatorScreen.render(state: state, ui: ui, now: now, width: 80, height: 24)
    let rect = FacilitatorScreen.Layout(width: 80, height: 24).nowSpeaking
    return buffer.lines[rect.y..<rect.y + rect.height].map { String($0.prefix(rect.width)) }
      .joined(separator: "\n")
  }

  /// Ben (professional) has spoken for two minutes; Dev (professional too) has had the floor
  /// for `seconds` and Amira (lived experience, not yet heard) waits.
  static func professionalSpeakingWhileLivedExperienceWaits(seconds: Int64) throws -> (MeetingState, Instant)
  {
    var state = MeetingState()
    var ids = SequentialEventIDs()
    var now = ForumFixture.start
    func run(_ command: Command, after seconds: Int64 = 0) throws {
      now = now.adding(seconds: seconds)
      try state.execute(command, at: now, ids: &ids)
    }
    try run(.createMeeting(title: "Forum"))
    try run(.join(name: "Ben", tags: ["professional"]))
    try run(.join(name: "Dev", tags: ["professional"]))
    try run(.join(name: "Amira", tags: ["lived-experience"]))
    try run(.giveFloor(try state.participantID(named: "Ben")))
    try run(.giveFloor(try state.participantID(named: "Dev")), after: 120)
    try run(.raiseHand(try state.participantID(named: "Amira")))
    return (state, now.adding(seconds: seconds))
  }

  @Test func theCueShowsAboveTheTurnGuideAt80By24() throws {
    let (state, now) = try ForumFixture.make()
    #expect(
      Self.panel(state, at: now) == """
        ┌─ Now speaking ─────────────────┐
        │ Zoë Mensah                     │
        │ new point · lived-experience   │
        │ 02:20                          │
        │ » wrap up: Tom Hughes is next —│
        │   professional voices at 42% of│
        │   airtime, target 50%          │
        │ 02:20 of 04:30 with 1.5× time  │
        └────────────────────────────────┘
        """)
    // Bold in the warning colour (magenta), and the marker and the words carry the meaning
    // without colour.
    let buffer = FacilitatorScreen.render(state: state, ui: FacilitatorUI(), now: now, width: 80, height: 24)
    for x in 2..<31 {
      #expect(buffer[x, 6].role == .warning)
      #expect(buffer[x, 6].style == [.bold])
    }
  }

  @Test func pastTheGuideTheCueAndTheOverLineShowTogether() throws {
    let (state, now) = try ForumFixture.make()
    #expect(
      Self.panel(state, at: now.adding(seconds: 600)) == """
        ┌─ Now speaking ─────────────────┐
        │ Zoë Mensah                     │
        │ new point · lived-experience   │
        │ 12:20                          │
        │ » wrap up: Tom Hughes is next —│
        │   professional voices at 21% of│
        │   airtime, target 50%          │
        │ ! OVER by 07:50 (guide 04:30)  │
        └────────────────────────────────┘
        """)
  }

  @Test func offTheBigTimerKeepsItsRows() throws {
    let (state, now) = try ForumFixture.make()
    #expect(
      Self.panel(state, at: now, ui: FacilitatorUI(wrapUpSeconds: 0)) == """
        ┌─ Now speaking ─────────────────┐
        │ Zoë Mensah                     │
        │ new point · lived-experience   │
        │  ┌─┐ ╶─┐   ╶─┐ ┌─┐             │
        │  │ │ ┌─┘ · ┌─┘ │ │             │
        │  └─┘ └─╴ · └─╴ └─┘             │
        │                                │
        │ 02:20 of 04:30 with 1.5× time  │
        └────────────────────────────────┘
        """)
    let wide = FacilitatorScreen.render(
      state: state, ui: FacilitatorUI(wrapUpSeconds: 0), now: now, width: 120, height: 40)
    #expect(!wide.lines.contains { $0.contains("wrap up") })
  }

  @Test func theSettingIsMultipliedByTheSpeakersTimeAdjustment() throws {
    let (state, now) = try ForumFixture.make()
    // Zoë has 1.5× time: a setting of 100 s cues her at 2:30, not before.
    let later = FacilitatorUI(wrapUpSeconds: 100)
    #expect(!Self.panel(state, at: now, ui: later).contains("wrap up"))
    #expect(!Self.panel(state, at: now.adding(seconds: 9), ui: later).contains("wrap up"))
    #expect(
      Self.panel(state, at: now.adding(seconds: 10), ui: later).contains("» wrap up: Tom Hughes is next"))
  }

  @Test func notBeforeThirtySecondsByDefault() throws {
    let (state, start) = try Self.professionalSpeakingWhileLivedExperienceWaits(seconds: 0)
    #expect(FacilitatorUI().wrapUpSeconds == 30)
    let early = Self.panel(state, at: start.adding(seconds: 29))
    #expect(!early.contains("wrap up"))
    #expect(early.contains("│ 00:29 of 03:00"))
    #expect(
      Self.panel(state, at: start.adding(seconds: 30)) == """
        ┌─ Now speaking ─────────────────┐
        │ Dev                            │
        │ new point · professional       │
        │ 00:30                          │
        │ » wrap up: Amira is next —     │
        │   lived-experience voices at 0%│
        │   of airtime, target 50%       │
        │ 00:30 of 03:00                 │
        └────────────────────────────────┘
        """)
  }
}
