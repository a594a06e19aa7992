import MeetingModel
import Testing

@testable import TerminalUI

@Suite("The participant's screen")
struct ParticipantScreenTests {
  static let start = Instant(iso8601: "2026-11-21T10:00:00Z")!

  /// Every key a keyboard can send, and then some.
  static var everyKey: [Key] {
    let printable = (32...126).map { Key.character(Character(UnicodeScalar($0)!)) }
    let controls = "abcdefghijklmnopqrstuvwxyz".map { Key.control($0) }
    let named: [Key] = [
      .enter, .escape, .tab, .backTab, .backspace, .delete, .up, .down, .left, .right, .home, .end, .pageUp,
      .pageDown, .function(1), .function(5), .character("é"), .character("会"),
    ]
    return printable + controls + named
  }

  @Test func yourPlaceAndWhyAtEverySize() throws {
    let shared = try SharedMeeting.forum(start: Self.start)
    let amira = try shared.id("Amira")
    try shared.other(.raiseHand(amira))
    for (width, height) in [(40, 12), (80, 24), (120, 40)] {
      let (session, terminal) = shared.session(
        ParticipantScreen.self, ui: ParticipantUI(me: amira), width: width, height: height)
      let text = terminal.screen.joined(separator: "\n")
      let place = try #require(session.drawn.queue.firstIndex { $0.participant == amira })
      let reason = session.drawn.queue[place].reasons[0]
      #expect(
        text.contains("Your place: \(ParticipantScreen.ordinal(place + 1))"), "\(width)×\(height)\n\(text)")
      #expect(
        text.replacingOccurrences(of: "\n", with: " ").contains(String(reason.prefix(12))),
        "\(width)×\(height)")
      #expect(text.contains("Tom Hughes"), "now speaking at \(width)×\(height)")
      #expect(text.contains("Housing"), "the current item at \(width)×\(height)")
      #expect(text.contains("left"), "its time left at \(width)×\(height)")
      #expect(text.contains("(you)"), "\(width)×\(height)")
      for line in terminal.screen { #expect(DisplayWidth.of(line) <= width) }
    }
  }

  @Test func ordinals() {
    #expect(
      [1, 2, 3, 4, 11, 12, 13, 21, 22, 103].map(ParticipantScreen.ordinal)
        == ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "103rd"])
  }

  @Test func raisingAndLoweringYourOwnHandWithItsKind() throws {
    let shared = try SharedMeeting.forum(start: Self.start)
    let amira = try shared.id("Amira")
    let (session, terminal) = shared.session(
      ParticipantScreen.self, ui: ParticipantUI(me: amira), width: 40, height: 12)
    session.press(.character("h"), .character("c"), .enter)
    #expect(shared.meeting.entry(for: amira)?.kind == .clarify)
    #expect(terminal.screen.contains { $0.contains("Your hand is up.") })
    #expect(terminal.screen.contains { $0.contains("Your place: 1st") })
    session.press(.character("l"))
    #expect(shared.meeting.entry(for: amira) == nil)
    #expect(terminal.screen.contains { $0.contains("Your hand is down") })
  }

  @Test func signalsAreAnonymousUnlessSigned() throws {
    let shared = try SharedMeeting.forum(start: Self.start)
    let amira = try shared.id("Amira")
    let (session, terminal) = shared.session(ParticipantScreen.self, ui: ParticipantUI(me: amira))
    session.press(.character("j"))
    #expect(shared.meeting.openSignals.last?.type == .jargon)
    #expect(shared.meeting.openSignals.last?.from == nil)
    session.press(.character("s"), .character("b"), .tab, .character("n"), .tab)
    session.type("need the loo")
    session.press(.enter)
    let signal = try #require(shared.meeting.openSignals.last)
    #expect(signal.type == .break)
    #expect(signal.from == amira)
    #expect(signal.note == "need the loo")
    #expect(terminal.screen.contains { $0.contains("Signal sent") })
    // The note is private: the participant screens never draw it.
    #expect(!terminal.screen.contains { $0.contains("need the loo") })
  }

  /// Whatever keys arrive, a participant's terminal records their own hand and signals only.
  @Test func noKeyDoesAnythingBeyondYourOwnHandAndSignals() throws {
    let shared = try SharedMeeting.forum(start: Self.start)
    let amira = try shared.id("Amira")
    let before = shared.meeting.version
    let (session, _) = shared.session(ParticipantScreen.self, ui: ParticipantUI(me: amira))
    // Every key in normal mode, then every key inside each of the boxes.
    for key in Self.everyKey where key != .character("q") {
      session.step(.key(key))
      session.step(.key(.escape))
    }
    for opener in ["h", "s", "l", "h"] {
      session.step(.key(.character(Character(opener))))
      for key in Self.everyKey where key != .character("q") { session.step(.key(key)) }
      session.step(.key(.escape))
    }
    let recorded = shared.events.filter { $0.sequence > before }
    #expect(!recorded.isEmpty)
    for event in recorded {
      switch event.event {
      case .handRaised(let payload): #expect(payload.participant == amira)
      case .handLowered(let payload): #expect(payload.participant == amira)
      case .signalSent(let payload): #expect(payload.from == nil || payload.from == amira)
      default: Issue.record("a participant's terminal recorded \(shared.meeting.describe(event.event))")
      }
    }
    // Tom still has the floor; nobody else's hand moved.
    #expect(shared.meeting.currentTurn?.participant == (try shared.id("Tom")))
    #expect(shared.meeting.entry(for: try shared.id("Sam")) != nil)
  }

  @Test func theSessionRefusesAnythingElseWhateverTheScreenAsks() throws {
    let shared = try SharedMeeting.forum(start: Self.start)
    let amira = try shared.id("Amira")
    let sam = try shared.id("Sam")
    let ui = ParticipantUI(me: amira)
    let state = shared.meeting
    for command: Command in [
      .giveFloor(amira), .nextSpeaker, .endTurn, .raiseHand(sam), .lowerHand(sam),
      .lowerHand(amira, byFacilitator: true),
      .sendSignal(.break, from: sam), .moveEntry(sam, to: 1, reason: "x"), .park(title: "x"), .undo(),
      .closeMeeting,
      .acknowledgeSignal(SignalID(rawValue: 1)),
    ] {
      #expect(!ParticipantScreen.permits(command, ui: ui, state: state), "\(command)")
    }
    #expect(ParticipantScreen.permits(.raiseHand(amira, kind: .response), ui: ui, state: state))
    #expect(ParticipantScreen.permits(.sendSignal(.jargon), ui: ui, state: state))
    #expect(!ParticipantScreen.permits(.raiseHand(amira), ui: ParticipantUI(), state: state))
    // The table holds nothing but the person's own hand, signals, help and quitting.
    #expect(
      Set(ParticipantScreen.keyTable.bindings.map(\.action))
        == [.raiseHand, .lowerHand, .signal, .plainLanguage, .clearMessage, .help, .quit])
    #expect(!ParticipantScreen.hasCommandLine)
  }

  @Test func aWatcherRecordsNothing() throws {
    let shared = try SharedMeeting.forum(start: Self.start)
    let before = shared.meeting.version
    let (session, terminal) = shared.session(
      ParticipantScreen.self, ui: ParticipantUI(), width: 80, height: 24)
    for key in Self.everyKey where key != .character("q") {
      session.step(.key(key))
      session.step(.key(.escape))
    }
    #expect(shared.meeting.version == before)
    session.press(.character("h"))
    #expect(terminal.screen.contains { $0.contains("only watches") })
  }

  @Test func anotherTerminalsChangeShowsAtTheNextPoll() throws {
    let shared = try SharedMeeting.forum(start: Self.start)
    let amira = try shared.id("Amira")
    let (session, terminal) = shared.session(
      ParticipantScreen.self, ui: ParticipantUI(me: amira), width: 40, height: 12)
    try shared.other(.raiseHand(amira, kind: .response), terminal: "facilitator@tty1")
    session.step(nil)
    #expect(terminal.screen.contains { $0.contains("Your place: 1st") })
  }

  @Test func tooSmallSaysHowBig() throws {
    let shared = try SharedMeeting.forum(start: Self.start)
    let (_, terminal) = shared.session(ParticipantScreen.self, ui: ParticipantUI(), width: 30, height: 8)
    #expect(terminal.screen[0].contains("Enlarge to 40×12"))
  }
}

@Suite("The participant's signal box keeps what is typed")
struct ParticipantFormTests {
  @Test func aNoteMidTypingSurvivesARemoteUpdateAndAResize() throws {
    let shared = try SharedMeeting.forum(start: ParticipantScreenTests.start)
    let amira = try shared.id("Amira")
    let (session, terminal) = shared.session(
      ParticipantScreen.self, ui: ParticipantUI(me: amira), width: 40, height: 12)
    session.press(.character("s"), .character("b"), .tab, .tab)
    session.type("need to step out")
    try shared.other(.raiseHand(try shared.id("Priya")), terminal: "facilitator@tty1")
    session.step(nil)
    session.step(.resize(width: 80, height: 24))
    #expect(terminal.screen.contains { $0.contains("need to step out") })
    session.step(.resize(width: 40, height: 12))
    session.type(" for 5 min")
    session.press(.enter)
    #expect(shared.meeting.openSignals.last?.note == "need to step out for 5 min")
    #expect(shared.meeting.openSignals.last?.type == .break)
  }
}
