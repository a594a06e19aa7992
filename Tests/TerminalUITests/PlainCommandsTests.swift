import MeetingModel
import Testing

@testable import TerminalUI

@Suite("Plain live mode: typed words")
struct PlainCommandsTests {
  static func meeting() throws -> (PlainScript, ParticipantID) {
    var script = try PlainScript.forum()
    try script.run(.openMeeting)
    try script.run(.nextItem)
    try script.run(.raiseHand(try script.id("Sam")))
    return (script, try script.id("Amira"))
  }

  static func respond(_ line: String, me: ParticipantID?, _ script: PlainScript) -> PlainReply {
    PlainCommands.respond(
      to: line, me: me, state: script.state, announcer: PlainAnnouncer(me: me), now: script.now)
  }

  @Test func ownHandAndSignals() throws {
    let (script, amira) = try Self.meeting()
    #expect(Self.respond("hand", me: amira, script) == .record(.raiseHand(amira, kind: .point)))
    #expect(Self.respond("  HAND  ", me: amira, script) == .record(.raiseHand(amira, kind: .point)))
    #expect(Self.respond("hand response", me: amira, script) == .record(.raiseHand(amira, kind: .response)))
    #expect(Self.respond("hand question", me: amira, script) == .record(.raiseHand(amira, kind: .clarify)))
    #expect(Self.respond("hand clarify", me: amira, script) == .record(.raiseHand(amira, kind: .clarify)))
    #expect(Self.respond("hand order", me: amira, script) == .record(.raiseHand(amira, kind: .process)))
    #expect(Self.respond("hand process", me: amira, script) == .record(.raiseHand(amira, kind: .process)))
    #expect(Self.respond("signal plain", me: amira, script) == .record(.sendSignal(.jargon)))
    #expect(Self.respond("signal jargon", me: amira, script) == .record(.sendSignal(.jargon)))
    #expect(
      Self.respond("signal break named", me: amira, script) == .record(.sendSignal(.break, from: amira)))
    #expect(Self.respond("signal slower", me: amira, script) == .record(.sendSignal(.slower)))
    #expect(Self.respond("signal louder", me: amira, script) == .record(.sendSignal(.louder)))
    #expect(
      Self.respond("signal word I must Leave at 11", me: amira, script)
        == .record(.sendSignal(.other, note: "I must Leave at 11")))
    #expect(
      Self.respond("signal word", me: amira, script)
        == .say(["Add a few words for the facilitator, like this: signal word I need to leave early."]))
    #expect(Self.respond("quit", me: amira, script) == .quit)
    #expect(Self.respond("", me: amira, script) == .say([]))
    #expect(Self.respond("help", me: amira, script) == .say(PlainCommands.helpLines))
    #expect(
      Self.respond("where", me: amira, script)
        == .say(PlainAnnouncer(me: amira).summary(of: script.state, at: script.now)))
  }

  @Test func refusalsAreSentencesAndRecordNothing() throws {
    var (script, amira) = try Self.meeting()
    #expect(
      Self.respond("next", me: amira, script)
        == .say([
          "Only the facilitator can do that. You can raise or lower your hand and send signals. Type help to hear how."
        ]))
    #expect(Self.respond("done", me: amira, script) == Self.respond("next", me: amira, script))
    #expect(
      Self.respond("hand Sam", me: amira, script)
        == .say(["Type hand alone, or hand response, hand clarify or hand process."]))
    #expect(Self.respond("lower", me: amira, script) == .say(["Your hand is not up."]))
    #expect(
      Self.respond("signal", me: amira, script)
        == .say(["Say which signal: signal plain, signal break, signal slower, signal louder or signal word."]
        ))
    #expect(Self.respond("signal break Sam", me: amira, script) == Self.respond("signal", me: amira, script))
    #expect(
      Self.respond("decide yes", me: amira, script)
        == .say(["I do not know the word decide. Type help to hear what you can type."]))
    try script.run(.raiseHand(amira))
    #expect(
      Self.respond("hand", me: amira, script) == .say(["Your hand is already up. Type lower to put it down."])
    )
    #expect(Self.respond("lower", me: amira, script) == .record(.lowerHand(amira)))
  }

  @Test func watchingOnlyRecordsNothing() throws {
    let (script, _) = try Self.meeting()
    let watching = "You are only watching. To raise your hand, start again with --as and your name."
    for line in ["hand", "lower", "signal plain"] {
      #expect(Self.respond(line, me: nil, script) == .say([watching]))
    }
    #expect(Self.respond("help", me: nil, script) == .say(PlainCommands.watchingHelpLines))
    #expect(Self.respond("next", me: nil, script).isRecord == false)
  }

  /// Whatever is typed, the only commands that come out are ones the participant's screen
  /// permits: the person's own hand, and signals from them or from someone.
  @Test func noTypedLineMakesAnythingElse() throws {
    var (script, amira) = try Self.meeting()
    let words = [
      "hand", "lower", "signal", "next", "done", "end", "floor", "give", "sam", "amira", "plain", "break",
      "named", "point", "order", "word", "undo", "decide", "quit", "where", "help", "move", "1", "--as", "",
    ]
    var recorded = 0
    var lines = 0
    var kinds: Set<String> = []
    // Once with Amira's hand down, once with it up (so that lowering is possible).
    for handUp in [false, true] {
      if handUp { try script.run(.raiseHand(amira)) }
      for first in words {
        for second in words {
          for third in ["", "named", "sam"] {
            lines += 1
            let line = [first, second, third].joined(separator: " ")
            guard case .record(let command) = Self.respond(line, me: amira, script) else { continue }
            recorded += 1
            #expect(
              ParticipantScreen.permits(command, ui: ParticipantUI(me: amira), state: script.state), "\(line)"
            )
            switch command {
            case .raiseHand(let who, _), .lowerHand(let who, false):
              #expect(who == amira, "\(line)")
              kinds.insert(handUp ? "lower" : "raise")
            case .sendSignal(_, let from, _):
              #expect(from == nil || from == amira, "\(line)")
              kinds.insert("signal")
            default: Issue.record("“\(line)” made \(command)")
            }
          }
        }
      }
    }
    #expect(lines == words.count * words.count * 3 * 2)
    #expect(kinds == ["raise", "lower", "signal"], "\(recorded) lines recorded something")
  }

  @Test func confirmations() throws {
    let amira = ParticipantID(4)
    #expect(PlainCommands.confirmation(for: .raiseHand(amira)) == "Your hand is up.")
    #expect(
      PlainCommands.confirmation(for: .raiseHand(amira, kind: .clarify))
        == "Your hand is up for a clarifying question.")
    #expect(PlainCommands.confirmation(for: .lowerHand(amira)) == "Your hand is down.")
    #expect(
      PlainCommands.confirmation(for: .sendSignal(.jargon))
        == "Your signal is sent. It does not show your name.")
    #expect(
      PlainCommands.confirmation(for: .sendSignal(.break, from: amira))
        == "Your signal is sent with your name.")
  }
}

extension PlainReply {
  var isRecord: Bool {
    if case .record = self { return true }
    return false
  }
}
