import MeetingModel
import Testing

@testable import TerminalUI

/// Flesch reading ease of every fixed sentence the plain live mode says: a young person should
/// understand them (docs/accessibility.md, "Plain language and its check").
@Suite("Plain live mode: reading age")
struct PlainReadingAgeTests {
  /// 70 is "fairly easy" on Flesch's scale: read by most 12- to 13-year-olds. Plain-language
  /// guidance asks for 60 or more for the public; short announcements can and should do better.
  static let floor = 70.0
  static let longestSentence = 20

  /// Syllables by vowel groups (y counts as a vowel), less a silent final e, at least one.
  static func syllables(_ word: String) -> Int {
    let letters = Array(word.lowercased().filter(\.isLetter))
    guard !letters.isEmpty else { return 0 }
    let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
    var count = 0
    var previousWasVowel = false
    for letter in letters {
      let isVowel = vowels.contains(letter)
      if isVowel && !previousWasVowel { count += 1 }
      previousWasVowel = isVowel
    }
    if letters.count > 2, letters.last == "e", letters[letters.count - 2] != "l", count > 1 { count -= 1 }
    return max(1, count)
  }

  static func words(_ sentence: Substring) -> [Substring] {
    sentence.split(whereSeparator: \.isWhitespace).filter { $0.contains(where: \.isLetter) }
  }

  static func sentences(_ text: String) -> [Substring] {
    text.split(whereSeparator: { ".?!".contains($0) }).filter { !words($0).isEmpty }
  }

  /// 206.835 − 1.015 × (words / sentences) − 84.6 × (syllables / words).
  static func readingEase(_ lines: [String]) -> Double {
    let all = lines.flatMap { sentences($0) }
    let words = all.flatMap { Self.words($0) }
    let syllables = words.reduce(0) { $0 + Self.syllables(String($1)) }
    return 206.835 - 1.015 * Double(words.count) / Double(all.count)
      - 84.6 * Double(syllables) / Double(words.count)
  }

  /// Every template the announcer and the typed words have, filled in by a scripted meeting.
  static func everySentence() throws -> [String] {
    var lines: [String] = []
    var script = try PlainScript.forum()
    let sam = try script.id("Sam")
    let alex = try script.id("Alex")
    let priya = try script.id("Priya")
    let amira = try script.id("Amira")
    script.announcer = PlainAnnouncer(me: amira)
    lines += script.announcer.summary(of: script.state, at: script.now)
    lines += try script.run(.openMeeting)
    lines += try script.run(.nextItem)
    lines += try script.run(.raiseHand(sam))
    lines += try script.run(.raiseHand(amira))
    lines += try script.run(.nextSpeaker)
    lines += try script.run(.raiseHand(alex, kind: .response))
    lines += try script.run(.moveEntry(alex, to: 2, reason: "asked first"))
    lines += try script.run(.lowerHand(alex, byFacilitator: true))
    lines += try script.run(.nextSpeaker)
    lines += try script.run(.endTurn)
    lines += try script.run(.raiseHand(amira))
    lines += try script.run(.lowerHand(amira))
    lines += try script.run(
      .recordDecision(DecisionDraft(text: "Meet every month", method: .consent, outcome: .agreed)))
    lines += try script.run(
      .recordDecision(DecisionDraft(text: "Close on Friday", method: .vote, outcome: .notAgreed)))
    lines += try script.run(
      .recordDecision(DecisionDraft(text: "Ask the council", method: .consent, outcome: .deferred)))
    lines += try script.run(
      .amendDecision(DecisionAmendment(decision: DecisionID(1), text: "Meet every week")))
    lines += try script.run(.withdrawDecision(DecisionID(2), reason: "a mistake"))
    for type in SignalType.allCases {
      let note = type == .other ? "a private note" : nil
      lines += try script.run(.sendSignal(type, note: note))
      lines += try script.run(.sendSignal(type, from: priya, note: note))
    }
    lines += try script.run(.acknowledgeSignal(SignalID(1)))
    lines += try script.run(.undo())
    lines += try script.run(.startRound(order: [sam, priya], topic: "One hope"))
    lines += try script.run(.passInRound)
    lines += try script.run(.endRound)
    lines += try script.run(.nextItem)
    lines += script.announcer.summary(of: script.state, at: script.now)
    lines += script.announcer.clockNotices(
      script.state, from: script.now, to: script.now.adding(seconds: 901))
    lines += script.announcer.clockNotices(
      script.state, from: script.now, to: script.now.adding(seconds: 1201))
    lines += try script.run(.leave(alex))
    lines += try script.run(.join(name: "Alex"))
    lines += try script.run(.closeItem)
    lines += try script.run(.closeMeeting)
    lines += script.announcer.summary(of: script.state, at: script.now)
    lines += PlainCommands.helpLines + PlainCommands.watchingHelpLines
    let (state, now) = (script.state, script.now)
    for typed in ["next", "hand Sam", "lower", "lower Sam", "signal", "signal word", "what", "hand"] {
      if case .say(let said) = PlainCommands.respond(
        to: typed, me: amira, state: state, announcer: script.announcer, now: now)
      {
        lines += said
      }
    }
    for command: Command in [
      .raiseHand(amira), .raiseHand(amira, kind: .process), .lowerHand(amira), .sendSignal(.jargon),
      .sendSignal(.break, from: amira),
    ] {
      lines.append(PlainCommands.confirmation(for: command))
    }
    return lines
  }

  @Test func syllableCounts() {
    #expect(Self.syllables("hand") == 1)
    #expect(Self.syllables("speaking") == 2)
    #expect(Self.syllables("facilitator") == 5)
    #expect(Self.syllables("language") == 2)
    #expect(Self.syllables("little") == 2)
    #expect(Self.syllables("queue") == 1)
    #expect(Self.syllables("2nd") == 1)
  }

  @Test func theSentencesAreEasyToRead() throws {
    let lines = try Self.everySentence()
    #expect(lines.count > 60, "the script reaches every template")
    let ease = Self.readingEase(lines)
    #expect(ease >= Self.floor, "Flesch reading ease \(ease)")
    for line in lines {
      for sentence in Self.sentences(line) {
        #expect(Self.words(sentence).count <= Self.longestSentence, "\(sentence)")
      }
    }
    let unique = Set(lines)
    print("Plain sentences: \(lines.count) said (\(unique.count) different), Flesch reading ease \(ease)")
  }
}
