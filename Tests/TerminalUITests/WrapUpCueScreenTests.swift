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
        │  ┌─┐ ╶─┐   ╶─┐ ┌─┐             │
        │  │ │ ┌─┘ · ┌─┘ │ │             │
        │  └─┘ └─╴ · └─╴ └─┘             │
        │ » Facilitator: Tom Hughes next │
        │   (professional 42%/50%)       │
        │ 02:20 of 04:30 with 1.5× time  │
        └────────────────────────────────┘
        """)
    // The cue never shrinks the timer: it keeps its size without the cue, and the cue takes
    // the detail line. It speaks to the facilitator and never tells the speaker to stop.
    // Bold in the warning colour (magenta), and the marker and the words carry the meaning
    // without colour.
    let buffer = FacilitatorScreen.render(state: state, ui: FacilitatorUI(), now: now, width: 80, height: 24)
    for x in 2..<31 {
      #expect(buffer[x, 7].role == .warning)
      #expect(buffer[x, 7].style == [.bold])
    }
  }

  @Test func pastTheGuideTheCueAndTheOverLineShowTogether() throws {
    let (state, now) = try ForumFixture.make()
    #expect(
      Self.panel(state, at: now.adding(seconds: 600)) == """
        ┌─ Now speaking ─────────────────┐
        │ Zoë Mensah                     │
        │   ┐  ╶─┐   ╶─┐ ┌─┐             │
        │   │  ┌─┘ · ┌─┘ │ │             │
        │   ┴  └─╴ · └─╴ └─┘             │
        │ » Facilitator: Tom Hughes next │
        │   (professional 21%/50%)       │
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
    #expect(!wide.lines.contains { $0.contains("Facilitator:") || $0.contains("»") })
  }

  @Test func theSettingIsMultipliedByTheSpeakersTimeAdjustment() throws {
    let (state, now) = try ForumFixture.make()
    // Zoë has 1.5× time: a setting of 100 s cues her at 2:30, not before.
    let later = FacilitatorUI(wrapUpSeconds: 100)
    #expect(!Self.panel(state, at: now, ui: later).contains("»"))
    #expect(!Self.panel(state, at: now.adding(seconds: 9), ui: later).contains("»"))
    #expect(
      Self.panel(state, at: now.adding(seconds: 10), ui: later).contains("» Facilitator: Tom Hughes next"))
  }

  @Test func theCueIsWordedForTheRoomAndNeverShrinksTheTimer() throws {
    let (state, now) = try ForumFixture.make()
    for (width, height) in [(80, 24), (100, 32), (120, 40), (200, 60)] {
      let with = FacilitatorScreen.render(
        state: state, ui: FacilitatorUI(), now: now, width: width, height: height)
      let without = FacilitatorScreen.render(
        state: state, ui: FacilitatorUI(wrapUpSeconds: 0), now: now, width: width, height: height)
      let text = with.lines.joined(separator: "\n")
      #expect(text.contains("» Facilitator:"), "\(width)×\(height)")
      for word in ["stop", "wrap up", "too long", "enough"] {
        #expect(!text.lowercased().contains(word), "\(word) at \(width)×\(height)")
      }
      // The timer's digits take as many rows with the cue as without it.
      func digitRows(_ buffer: ScreenBuffer) -> Int {
        buffer.lines.filter { line in line.contains("█") || line.contains("┌─┐") || line.contains("╶─┐") }
          .count
      }
      #expect(digitRows(with) >= min(digitRows(without), 5), "\(width)×\(height)")
    }
  }

  @Test func notBeforeThirtySecondsByDefault() throws {
    let (state, start) = try Self.professionalSpeakingWhileLivedExperienceWaits(seconds: 0)
    #expect(FacilitatorUI().wrapUpSeconds == 30)
    let early = Self.panel(state, at: start.adding(seconds: 29))
    #expect(!early.contains("»"))
    #expect(early.contains("│ 00:29 of 03:00"))
    #expect(
      Self.panel(state, at: start.adding(seconds: 30)) == """
        ┌─ Now speaking ─────────────────┐
        │ Dev                            │
        │  ┌─┐ ┌─┐   ╶─┐ ┌─┐             │
        │  │ │ │ │ ·  ─┤ │ │             │
        │  └─┘ └─┘ · ╶─┘ └─┘             │
        │ » Facilitator: Amira next      │
        │   (lived-experience 0%/50%)    │
        │ 00:30 of 03:00                 │
        └────────────────────────────────┘
        """)
  }
}
