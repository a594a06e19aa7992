import MeetingModel
import Testing

@testable import TerminalUI

/// Whole screens, compared as text (ratatui style): what a person in the room reads.
@Suite("The facilitator screen, rendered")
struct FacilitatorScreenTests {
  static func screen(_ width: Int, _ height: Int, ui: FacilitatorUI = FacilitatorUI()) throws -> ScreenBuffer
  {
    let (state, now) = try ForumFixture.make()
    var ui = ui
    // The facilitator has chosen Tom's hand with ↓ (the `>`).
    if ui.selectedParticipant == nil { ui.selectedParticipant = try state.participantID(named: "Tom") }
    return FacilitatorScreen.render(state: state, ui: ui, now: now, width: width, height: height)
  }

  /// Zoë (lived experience, 58% of the airtime) has spoken for 2:20, past her wrap-up time of
  /// 45 s (30 s × her 1.5×), while Tom (professional, 42% against a target of 50%) is next: the
  /// Now speaking panel cues a wrap-up.
  @Test func at80By24() throws {
    let buffer = try Self.screen(80, 24)
    #expect(
      buffer.lines.joined(separator: "\n") == """
         Roundtable · Care leavers' housing forum                balanced queue · 10:09
         ! Someone asks for plain language, please · a: acknowledge · r: private note
        ┌─ Now speaking ─────────────────┐┌─ > Up next (3) ────────────────────────────┐
        │ Zoë Mensah                     ││>1. Tom Hughes     new point                │
        │  ┌─┐ ╶─┐   ╶─┐ ┌─┐             ││    waited through 3 turns: not overtaken a…│
        │  │ │ ┌─┘ · ┌─┘ │ │             ││ 2. Dr Ama Okafor  new point                │
        │  └─┘ └─╴ · └─╴ └─┘             ││    waited through 2 turns; raised hand at …│
        │ » Facilitator: Tom Hughes next ││ 3. 会議 Tanaka    new point                │
        │   (professional 42%/50%)       ││    raised hand at 10:08; first time speaki…│
        │ 02:20 of 04:30 with 1.5× time  ││                                            │
        └────────────────────────────────┘└────────────────────────────────────────────┘
        ┌─ Agenda ─────────────────┐┌─ Voice balance ───────┐┌─ Decisions ─────────────┐
        │ ✓ 1. Welcome and ground… ││ lived-experience      ││ #1 consent · agreed     │
        │ ▶ 2. First ho… 19:10 left││ ███████|░░░░░░ 58%/50%││   rung: co-production   │
        │ · 3. Bus passes f… 15 min││ professional          ││   Every first home offer│
        │                          ││ ██████░|░░░░░░ 42%/50%││   includes a cooker and │
        │                          ││ Fairness (Gini): 0.58 ││   a bed                 │
        │                          ││ Dr Ama Okafor      0s ││   dissent: Dr Ama Okafor│
        │                          ││ Tom Hughes         0s ││   (concern: budget)     │
        │                          ││ 会議 Tanaka        0s ││                         │
        │                          ││ +4 more               ││                         │
        └──────────────────────────┘└───────────────────────┘└─────────────────────────┘

        n next  e end turn  h hand  l lower  u undo  ] next item  ? more keys  q quit
        """)
    // The real cursor sits on the selected entry of the focused panel, for screen readers.
    #expect(buffer.cursor == Position(x: 35, y: 3))
  }

  @Test func at120By40() throws {
    let buffer = try Self.screen(120, 40)
    #expect(
      buffer.lines.joined(separator: "\n") == """
         Roundtable · Care leavers' housing forum                                                        balanced queue · 10:09
         ! Someone asks for plain language, please · a: acknowledge · r: private note
        ┌─ Now speaking ───────────────────────────────┐┌─ > Up next (3) ──────────────────────────────────────────────────────┐
        │ Zoë Mensah                                   ││>1. Tom Hughes     new point                                          │
        │ new point · lived-experience                 ││    first time speaking; professional voices at 42% of airtime, target│
        │                                              ││    50%; waited through 3 turns: not overtaken again except to balance│
        │  ███ ███   ███ ███                           ││    groups; raised hand at 10:04                                      │
        │  █ █   █ █   █ █ █                           ││ 2. Dr Ama Okafor  new point                                          │
        │  █ █ ███   ███ █ █                           ││    first time speaking; professional voices at 42% of airtime, target│
        │  █ █ █   █ █   █ █                           ││    50%; waited through 2 turns; raised hand at 10:05                 │
        │  ███ ███   ███ ███                           ││                                                                      │
        │                                              ││ 3. 会議 Tanaka    new point                                          │
        │ » Facilitator: Tom Hughes is next —          ││    first time speaking; professional voices at 42% of airtime, target│
        │   professional voices at 42% of airtime,     ││    50%; raised hand at 10:08                                         │
        │   target 50%. Move on at a natural pause for ││                                                                      │
        │   Zoë Mensah.                                ││                                                                      │
        │ 02:20 of 04:30 with 1.5× time                ││                                                                      │
        └──────────────────────────────────────────────┘└──────────────────────────────────────────────────────────────────────┘
        ┌─ Agenda ────────────────────────────────┐┌─ Voice balance ────────────────────┐┌─ Decisions ─────────────────────────┐
        │ ✓ 1. Welcome and ground rules           ││ lived-experience                   ││ #1 consent · agreed · co-production │
        │ ▶ 2. First home offers at 18  19:10 left││ ██████████████|█░░░░░░░░░░░ 58%/50%││   Every first home offer includes a │
        │ · 3. Bus passes for college       15 min││ professional                       ││   cooker and a bed                  │
        │                                         ││ ███████████░░░|░░░░░░░░░░░░ 42%/50%││   dissent: Dr Ama Okafor (concern:  │
        │                                         ││ Fairness (Gini): 0.58              ││   budget)                           │
        │                                         ││ Dr Ama Okafor                   0s ││                                     │
        │                                         ││ Tom Hughes                      0s ││                                     │
        │                                         ││ 会議 Tanaka                     0s ││                                     │
        │                                         ││ Marcus Reid                    40s ││                                     │
        │                                         ││ Zoë Mensah                  2m 20s ││                                     │
        │                                         ││ Siobhán Byrne               2m 30s ││                                     │
        │                                         ││ Helen Ward                  4m 00s ││                                     │
        │                                         ││                                    ││                                     │
        │                                         ││                                    ││                                     │
        │                                         ││                                    ││                                     │
        │                                         ││                                    ││                                     │
        │                                         ││                                    ││                                     │
        │                                         ││                                    ││                                     │
        └─────────────────────────────────────────┘└────────────────────────────────────┘└─────────────────────────────────────┘

        n next  e end turn  h hand  l lower  u undo  ] next item  a ack  g give floor  m move  : command  ? keys  q quit
        """)
  }
}
