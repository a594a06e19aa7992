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
         ! SIGNAL: jargon: plain language please · r: read the note (anonymous) · a: ack
        ┌─ Now speaking ─────────────────┐┌─ > Up next (3) ────────────────────────────┐
        │ Zoë Mensah                     ││>1. Tom Hughes     new point                │
        │ new point · lived-experience   ││    first time speaking; professional voice…│
        │ 02:20                          ││ 2. Dr Ama Okafor  new point                │
        │ » wrap up: Tom Hughes is next —││    first time speaking; professional voice…│
        │   professional voices at 42% of││ 3. 会議 Tanaka    new point                │
        │   airtime, target 50%          ││    first time speaking; professional voice…│
        │ 02:20 of 04:30 with 1.5× time  ││                                            │
        └────────────────────────────────┘└────────────────────────────────────────────┘
        ┌─ Agenda ─────────────────┐┌─ Voice balance ───────┐┌─ Decisions ─────────────┐
        │ ✓ 1. Welcome and ground… ││ lived-experience      ││ #1 consent · agreed · co│
        │ ▶ 2. First ho… 19:10 left││ ███████|░░░░░░ 58%/50%││   Every first home offer│
        │ · 3. Bus passes f… 15 min││ professional          ││   includes a cooker and…│
        │                          ││ ██████░|░░░░░░ 42%/50%││   dissent: Dr Ama Okafor│
        │                          ││ Fairness (Gini): 0.58 ││                         │
        │                          ││ Dr Ama Okafor      0s ││                         │
        │                          ││ Tom Hughes         0s ││                         │
        │                          ││ 会議 Tanaka        0s ││                         │
        │                          ││ Marcus Reid       40s ││                         │
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
         ! SIGNAL: jargon: plain language please · r: read the note (anonymous) · a: acknowledge
        ┌─ Now speaking ───────────────────────────────┐┌─ > Up next (3) ──────────────────────────────────────────────────────┐
        │ Zoë Mensah                                   ││>1. Tom Hughes     new point                                          │
        │ new point · lived-experience                 ││    first time speaking; professional voices at 42% of airtime, target│
        │                                              ││    50%; waited through 3 turns: not overtaken again except to balance│
        │                                              ││    groups; raised hand at 10:04                                      │
        │  ███ ███   ███ ███                           ││ 2. Dr Ama Okafor  new point                                          │
        │  █ █   █ █   █ █ █                           ││    first time speaking; professional voices at 42% of airtime, target│
        │  █ █ ███   ███ █ █                           ││    50%; waited through 2 turns; raised hand at 10:05                 │
        │  █ █ █   █ █   █ █                           ││                                                                      │
        │  ███ ███   ███ ███                           ││ 3. 会議 Tanaka    new point                                          │
        │                                              ││    first time speaking; professional voices at 42% of airtime, target│
        │                                              ││    50%; raised hand at 10:08                                         │
        │ » wrap up: Tom Hughes is next — professional ││                                                                      │
        │   voices at 42% of airtime, target 50%       ││                                                                      │
        │ 02:20 of 04:30 with 1.5× time                ││                                                                      │
        └──────────────────────────────────────────────┘└──────────────────────────────────────────────────────────────────────┘
        ┌─ Agenda ────────────────────────────────┐┌─ Voice balance ────────────────────┐┌─ Decisions ─────────────────────────┐
        │ ✓ 1. Welcome and ground rules           ││ lived-experience                   ││ #1 consent · agreed · co-production │
        │ ▶ 2. First home offers at 18  19:10 left││ ██████████████|█░░░░░░░░░░░ 58%/50%││   Every first home offer includes a │
        │ · 3. Bus passes for college       15 min││ professional                       ││   cooker and a bed                  │
        │                                         ││ ███████████░░░|░░░░░░░░░░░░ 42%/50%││   dissent: Dr Ama Okafor (concern)  │
        │                                         ││ Fairness (Gini): 0.58              ││                                     │
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
