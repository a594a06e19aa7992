import MeetingModel
import Testing

@testable import TerminalUI

/// Stored text that would act on a terminal (escapes, controls, bidirectional overrides,
/// zero-width characters) reaches the facilitator screen's cells harmlessly: the screen never
/// holds a control, escape or invisible format character, so the curses backend never writes
/// one.
@Suite("Hostile text on the facilitator screen")
struct HostileTextOnScreenTests {
  static let start = Instant(iso8601: "2026-11-21T10:00:00Z") ?? Instant(millisecondsSince1970: 0)

  static func meeting() throws -> MeetingState {
    var state = MeetingState()
    var ids = SequentialEventIDs()
    var now = start
    func run(_ command: Command) throws {
      now = now.adding(seconds: 10)
      try state.execute(command, at: now, ids: &ids)
    }
    try run(.createMeeting(title: "Forum \u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}1J\rx\ny", policy: QueuePolicy()))
    // Names refuse controls; bidirectional and zero-width characters are stored.
    try run(.join(name: "Ama\u{202E}rofakO", tags: ["lived\u{1B}[31m"]))
    try run(.join(name: "Ben\u{200B}\u{2066}Okafor\u{FEFF}\u{AD}", tags: ["pro\u{200D}x"]))
    try run(.addAgendaItem(title: "Item \u{1B}[H\u{1B}[2J\u{202E}", minutes: 10))
    try run(.openMeeting)
    try run(.nextItem)
    try run(.raiseHand(try state.participantID(named: "Ama")))
    try run(.raiseHand(try state.participantID(named: "Ben")))
    try run(.nextSpeaker)
    try run(.sendSignal(.other, from: nil, note: "note \u{1B}]2;x\u{07}\n99 forged"))
    return state
  }

  @Test(arguments: [(80, 24), (120, 40), (100, 30)])
  func hostileTextRendersWithoutRawControls(width: Int, height: Int) throws {
    let state = try Self.meeting()
    let buffer = FacilitatorScreen.render(
      state: state, ui: FacilitatorUI(), now: Self.start.adding(seconds: 300), width: width, height: height)
    for y in 0..<buffer.height {
      for x in 0..<buffer.width {
        for scalar in buffer[x, y].character.unicodeScalars {
          let value = scalar.value
          let category = scalar.properties.generalCategory
          #expect(
            value >= 0x20 && !(0x7F..<0xA0).contains(value) && category != .format
              && !scalar.properties.isDefaultIgnorableCodePoint,
            "U+\(String(value, radix: 16)) in the cell at \(x),\(y)")
        }
      }
    }
    // The text itself is still there to read.
    let screen = buffer.lines.joined(separator: "\n")
    #expect(screen.contains("Forum"))
    #expect(screen.contains("Ama"))
  }
}
