import Foundation
import MeetingModel
import Testing

@testable import TerminalUI

@Suite("The facilitator screen: sizes, markers, redraws")
struct FacilitatorScreenBehaviourTests {
  @Test func aTooSmallTerminalAsksToBeEnlarged() throws {
    let (state, now) = try ForumFixture.make()
    let buffer = FacilitatorScreen.render(state: state, ui: FacilitatorUI(), now: now, width: 60, height: 20)
    #expect(
      buffer.lines == [
        "", "", "", "", "", "", "", "",
        "            Enlarge the window to at least 80×24",
        "                     (it is 60×20 now)",
        "                      q quits  ? keys",
        "        Other keys wait until the window is larger.",
        "", "", "", "", "", "", "", "",
      ])
    let narrow = FacilitatorScreen.render(state: state, ui: FacilitatorUI(), now: now, width: 79, height: 30)
    #expect(narrow.lines.contains { $0.contains("Enlarge the window to at least 80×24") })
  }

  @Test func meaningNeverRestsOnColourAlone() throws {
    let (state, now) = try ForumFixture.make()
    // Zoë's guide is 4:30 (1.5× of 3:00): ten minutes in, the timer says so in words.
    let late = now.adding(seconds: 600)
    var ui = FacilitatorUI()
    ui.selectedParticipant = try state.participantID(named: "Tom")
    let lines = FacilitatorScreen.render(state: state, ui: ui, now: late, width: 120, height: 40).lines
    #expect(lines.contains { $0.contains("! OVER by 07:50 (guide 04:30)") })
    #expect(lines[1].hasPrefix(" ! Someone asks for plain language, please"))
    #expect(lines.contains { $0.contains("│>1. Tom Hughes") })  // the selection marker
    #expect(lines.contains { $0.contains("▶ 2. First home offers at 18") })
    #expect(lines.contains { $0.contains("✓ 1. Welcome and ground rules") })
    #expect(lines.contains { $0.contains("─ > Up next (3) ─") })  // the focused panel
  }

  @Test func aSecondLaterOnlyTheTimerChanges() throws {
    let (state, now) = try ForumFixture.make()
    let ui = FacilitatorUI()
    let before = FacilitatorScreen.render(state: state, ui: ui, now: now, width: 120, height: 40)
    let after = FacilitatorScreen.render(
      state: state, ui: ui, now: now.adding(seconds: 1), width: 120, height: 40)
    let changed = after.changes(since: before)
    #expect(!changed.isEmpty)
    #expect(changed.count < 60)
    // Only what is live changes: the speaker's timer, the item's countdown and the voice
    // balance; the queue, the decisions and the header stay as they were.
    let layout = FacilitatorScreen.Layout(width: 120, height: 40)
    func inside(_ rect: Rect, _ x: Int, _ y: Int) -> Bool {
      x > rect.x && x < rect.x + rect.width - 1 && y > rect.y && y < rect.y + rect.height - 1
    }
    #expect(
      changed.allSatisfy { change in
        [layout.nowSpeaking, layout.agenda, layout.balance].contains { inside($0, change.x, change.y) }
      })
    #expect(after.changes(since: after).isEmpty)
  }

  @Test func theHelpOverlayListsEveryKey() throws {
    var ui = FacilitatorUI()
    ui.mode = .help
    let (state, now) = try ForumFixture.make()
    let text = FacilitatorScreen.render(state: state, ui: ui, now: now, width: 120, height: 40).lines.joined()
    for binding in FacilitatorKeyTable.bindings {
      #expect(text.contains(binding.label), "\(binding.label) is missing from the help")
      #expect(text.contains(binding.help), "\(binding.help) is missing from the help")
    }
  }

  @Test func promptsPutTheCursorAtTheEndOfWhatWasTyped() throws {
    let (state, now) = try ForumFixture.make()
    var ui = FacilitatorUI()
    ui.mode = .commandLine(TextField("hand 会議"))
    let buffer = FacilitatorScreen.render(state: state, ui: ui, now: now, width: 80, height: 24)
    #expect(buffer.lines[22] == ":hand 会議")
    #expect(buffer.cursor == Position(x: 10, y: 22))
  }
}

@Suite("The facilitator's keys")
struct FacilitatorKeyTests {
  func press(_ keys: [Key], ui: inout FacilitatorUI, state: MeetingState, fits: Bool = true) -> [UIAction] {
    let drawn = DrawnScreen(queue: state.speakingQueue, fits: fits)
    return keys.map { FacilitatorKeys.handle($0, ui: &ui, state: state, drawn: drawn) }
  }

  @Test func singleKeysRecordCommands() throws {
    let (state, _) = try ForumFixture.make()
    var ui = FacilitatorUI()
    let tom = try state.participantID(named: "Tom")
    #expect(press([.character("n")], ui: &ui, state: state) == [.record(.nextSpeaker)])
    #expect(press([.enter], ui: &ui, state: state) == [.record(.nextSpeaker)])
    #expect(press([.character("e")], ui: &ui, state: state) == [.record(.endTurn)])
    // l, g and m act on a chosen hand only: nothing is chosen until ↑/↓ chooses one.
    #expect(press([.character("l")], ui: &ui, state: state) == [.none])
    #expect(ui.message == .init("Choose a hand first: ↑/↓ in Up next.", isError: true))
    _ = press([.down], ui: &ui, state: state)
    #expect(ui.selectedParticipant == tom)
    #expect(
      press([.character("l")], ui: &ui, state: state) == [.record(.lowerHand(tom, byFacilitator: true))])
    #expect(press([.character("g")], ui: &ui, state: state) == [.record(.giveFloor(tom))])
    #expect(press([.character("]")], ui: &ui, state: state) == [.record(.nextItem)])
    #expect(press([.character("a")], ui: &ui, state: state) == [.record(.acknowledgeSignal(SignalID(1)))])
    #expect(press([.character("u")], ui: &ui, state: state) == [.undoOwn])
    #expect(press([.character("q")], ui: &ui, state: state) == [.quit])
  }

  @Test func selectionMovesWithArrowsAndJK() throws {
    let (state, _) = try ForumFixture.make()
    var ui = FacilitatorUI()
    let order = state.speakingQueue.map(\.participant)
    _ = press([.down, .character("j"), .character("j"), .down], ui: &ui, state: state)
    #expect(ui.selectedParticipant == order[2])  // the first press chooses the top; then clamped
    _ = press([.up, .character("k"), .up], ui: &ui, state: state)
    #expect(ui.selectedParticipant == order[0])
    _ = press([.character("j")], ui: &ui, state: state)
    #expect(
      press([.character("l")], ui: &ui, state: state) == [
        .record(.lowerHand(try state.participantID(named: "Ama"), byFacilitator: true))
      ])
    _ = press([.tab], ui: &ui, state: state)
    #expect(ui.focus == .agenda)
    _ = press([.tab, .tab, .tab], ui: &ui, state: state)
    #expect(ui.focus == .queue)
    _ = press([.backTab], ui: &ui, state: state)
    #expect(ui.focus == .decisions)
  }

  @Test func raisingAHandForSomeoneByTypingPartOfTheName() throws {
    let (state, _) = try ForumFixture.make()
    var ui = FacilitatorUI()
    _ = press([.character("h"), .character("s"), .character("i")], ui: &ui, state: state)
    #expect(ui.mode == .raiseHand(typed: TextField("si"), kind: .point, choice: 0))
    #expect(FacilitatorKeys.handCandidates(state: state, typed: "si").map(\.name) == ["Siobhán Byrne"])
    _ = press([.tab], ui: &ui, state: state)
    let actions = press([.enter], ui: &ui, state: state)
    #expect(actions == [.record(.raiseHand(try state.participantID(named: "Siobhán"), kind: .response))])
    #expect(ui.mode == .normal)
    // Nobody matching: an error message, the prompt stays open.
    _ = press([.character("h"), .character("x"), .character("x")], ui: &ui, state: state)
    #expect(press([.enter], ui: &ui, state: state) == [.none])
    #expect(ui.message == FacilitatorUI.Message("Nobody here matches “xx”.", isError: true))
    _ = press([.escape], ui: &ui, state: state)
    #expect(ui.mode == .normal)
  }

  @Test func movingAHandAsksForThePlaceAndAReason() throws {
    let (state, _) = try ForumFixture.make()
    var ui = FacilitatorUI()
    _ = press(
      [.character("j"), .character("j"), .character("j"), .character("m"), .character("1"), .enter], ui: &ui,
      state: state)
    let tanaka = try state.participantID(named: "Tanaka")
    #expect(ui.mode == .moveEntry(participant: tanaka, position: "1", reason: "", askingReason: true))
    let actions = press("leads it".map { Key.character($0) } + [.enter], ui: &ui, state: state)
    #expect(actions.last == .record(.moveEntry(tanaka, to: 1, reason: "leads it")))
  }

  @Test func theCommandLineTakesAVerb() throws {
    let (state, _) = try ForumFixture.make()
    var ui = FacilitatorUI()
    let actions = press(
      [.character(":")] + "hand zoe".map { Key.character($0) } + [.enter], ui: &ui, state: state)
    #expect(actions.last == .commandLine("hand zoe"))
    #expect(ui.mode == .normal)
  }

  @Test func quittingWithTypedInputAsksFirst() throws {
    let (state, _) = try ForumFixture.make()
    var ui = FacilitatorUI()
    _ = press([.character(":"), .character("h")], ui: &ui, state: state)
    #expect(press([.control("q")], ui: &ui, state: state) == [.none])
    #expect(ui.mode == .confirmQuit(previous: .mode(.commandLine(TextField("h")))))
    _ = press([.character("n")], ui: &ui, state: state)
    #expect(ui.mode == .commandLine(TextField("h")))
    _ = press([.control("q")], ui: &ui, state: state)
    #expect(press([.character("y")], ui: &ui, state: state) == [.quit])
    // With nothing typed, Ctrl-Q just quits.
    var fresh = FacilitatorUI()
    #expect(press([.control("q")], ui: &fresh, state: state) == [.quit])
  }

  @Test func helpOpensAndAnyKeyClosesIt() throws {
    let (state, _) = try ForumFixture.make()
    var ui = FacilitatorUI()
    _ = press([.character("?")], ui: &ui, state: state)
    #expect(ui.mode == .help)
    #expect(press([.character("q")], ui: &ui, state: state) == [.none])  // closes help, does not quit
    #expect(ui.mode == .normal)
  }
}

@Suite("Names in any script line up on screen")
struct ScreenAlignmentTests {
  @Test func combiningAccentsWideCharactersAndEmojiKeepColumns() throws {
    var state = MeetingState()
    var ids = SequentialEventIDs()
    let now = Instant(iso8601: "2026-11-21T10:00:00Z")!
    let names = ["Siobha\u{301}n", "会議 Tanaka", "Zoë 🎉", "Ben"]
    try state.execute(.createMeeting(title: "Forum"), at: now, ids: &ids)
    for name in names { try state.execute(.join(name: name), at: now, ids: &ids) }
    for index in 1...4 { try state.execute(.raiseHand(ParticipantID(index)), at: now, ids: &ids) }
    let lines = FacilitatorScreen.render(state: state, ui: FacilitatorUI(), now: now, width: 100, height: 30)
      .lines
    // The kind column starts at the same screen column for every name.
    let heads = lines.filter { $0.contains("new point") }
    #expect(heads.count == 4)
    let columns = heads.map { line -> Int in
      let prefix = line.components(separatedBy: "new point")[0]
      return DisplayWidth.of(prefix)
    }
    #expect(Set(columns).count == 1)
    #expect(heads.contains { $0.contains("Siobha\u{301}n") })
  }
}

@Suite("The key table is the one list")
struct KeyTableTests {
  /// docs/keys.md, next to this package's sources.
  static func keysPage() throws -> String {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return try String(contentsOf: root.appendingPathComponent("docs/keys.md"), encoding: .utf8)
  }

  @Test func theKeysPageNamesEveryKeyInTheTable() throws {
    let page = try Self.keysPage()
    for binding in FacilitatorKeyTable.bindings {
      let first = String(binding.label.split(separator: " ").first ?? "")
      #expect(page.contains("`\(first)`"), "docs/keys.md does not name \(first)")
    }
  }

  /// The part of docs/keys.md under the heading that contains `title`.
  static func section(_ title: String, of page: String) -> String {
    page.components(separatedBy: "\n## ").first { $0.hasPrefix(title) } ?? ""
  }

  @Test func theKeysPageNamesEveryKeyOfEveryScreen() throws {
    let page = try Self.keysPage()
    func check<Action>(_ table: KeyTable<Action>, under title: String) {
      let section = Self.section(title, of: page)
      #expect(!section.isEmpty, "docs/keys.md has no section “\(title)”")
      for binding in table.bindings {
        let first = String(binding.label.split(separator: " ").first ?? "")
        #expect(section.contains("`\(first)`"), "docs/keys.md (\(title)) does not name \(first)")
      }
    }
    check(FacilitatorKeyTable.table, under: "The facilitator's screen")
    check(NoteTakerScreen.keyTable, under: "The note-taker's screen")
    check(ParticipantScreen.keyTable, under: "The participant's screen")
  }

  @Test func everyHintedKeyDoesWhatTheTableSays() throws {
    for binding in FacilitatorKeyTable.bindings {
      for key in binding.keys where binding.action != .selectionDown || key == .down {
        #expect(FacilitatorKeyTable.action(for: key) == binding.action, "\(key)")
      }
    }
  }

  @Test func hintsSayMoreKeysWhenSomeDoNotFit() {
    #expect(FacilitatorKeyTable.hintLine(width: 80).hasSuffix("? more keys  q quit"))
    #expect(FacilitatorKeyTable.hintLine(width: 200).hasSuffix("? keys  q quit"))
    #expect(DisplayWidth.of(FacilitatorKeyTable.hintLine(width: 80)) <= 80)
  }
}
