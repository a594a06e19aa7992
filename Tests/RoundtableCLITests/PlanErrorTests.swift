import Foundation
import Testing

/// A plan with a wrong field is refused in words (what was expected, with an example and the
/// line), unknown keys are named with the key they most likely meant, and no meeting file is
/// created.
@Suite("roundtable new --from: plan problems in words")
struct PlanErrorTests {
  static func refused(_ plan: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    let folder = Folder()
    try? plan.write(toFile: folder.path("plan.yaml"), atomically: true, encoding: .utf8)
    let result = CLI.run(["new", "m.rt", "--from", "plan.yaml"], in: folder.url)
    #expect(result.status != 0, sourceLocation: sourceLocation)
    #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
    #expect(
      !FileManager.default.fileExists(atPath: folder.path("m.rt")), "the meeting file was created",
      sourceLocation: sourceLocation)
    #expect(!result.stderr.contains("DecodingError"), sourceLocation: sourceLocation)
    #expect(result.stderr.hasSuffix("Nothing was created.\n"), sourceLocation: sourceLocation)
    return result.stderr
  }

  @Test func tagsThatAreNotAList() {
    let stderr = Self.refused(
      """
      title: Forum
      participants:
        - name: Siobhán Byrne
          tags: lived-experience
      """)
    #expect(
      stderr
        == "roundtable: The plan plan.yaml has a problem: line 4: participant 1 (Siobhán Byrne), tags: "
        + "expected a list, such as [lived-experience]. Nothing was created.\n")
  }

  @Test func minutesThatAreNotAWholeNumber() {
    let stderr = Self.refused(
      """
      title: Forum
      agenda:
        - title: Housing
          minutes: twenty
        - title: Bus passes
          minutes: 7.5
      """)
    #expect(
      stderr == """
        roundtable: The plan plan.yaml has problems:
          line 4: agenda item 1 (Housing), minutes: expected a whole number of minutes, such as 20
          line 6: agenda item 2 (Bus passes), minutes: expected a whole number of minutes, such as 20
        Nothing was created.

        """)
  }

  @Test func unknownKeysAreNamedWithASuggestion() {
    let stderr = Self.refused(
      """
      titel: Forum
      count-facilitation: maybe
      participants:
        - name: Rachel Lee
          role: notetaker
          time-adjust: 1.5
      agenda:
        - title: Housing
          leeds: [Rachel Lee]
      colour: blue
      """)
    #expect(
      stderr == """
        roundtable: The plan plan.yaml has problems:
          line 1: unknown key “titel”: did you mean title?
          line 2: count-facilitation: expected true or false
          line 5: participant 1 (Rachel Lee), role: expected facilitator, co-facilitator, note-taker, participant or observer (did you mean note-taker?)
          line 6: participant 1 (Rachel Lee): unknown key “time-adjust”: did you mean timeAdjust?
          line 9: agenda item 1 (Housing): unknown key “leeds”: did you mean leads?
          line 10: unknown key “colour”: the keys here are title, purpose, date, policy, targets, count-facilitation, participants and agenda
        Nothing was created.

        """)
  }

  @Test func yamlThatDoesNotParseSaysWhere() {
    let stderr = Self.refused("title: [Forum\n")
    #expect(stderr.hasPrefix("roundtable: The plan plan.yaml is not valid YAML (line 2, column 1: "))
  }

  @Test func countFacilitationInAPlanAndOnTheCommandLine() throws {
    let folder = Folder()
    try "title: Forum\ncount-facilitation: true\n".write(
      toFile: folder.path("plan.yaml"), atomically: true, encoding: .utf8)
    let out = CLI.ok(["new", "p.rt", "--from", "plan.yaml", "--at", "2026-11-21T09:30:00Z"], in: folder.url)
    #expect(out.contains("facilitation counted"))
    let flag = CLI.ok(
      ["new", "f.rt", "--title", "F", "--count-facilitation", "--at", "2026-11-21T09:30:00Z"], in: folder.url)
    #expect(
      flag
        == "Created f.rt: “F” (balanced, interrupts first, guard after 3 turns, facilitation counted). "
        + "Only you can read it.\n")
    let plain = CLI.ok(["new", "g.rt", "--title", "G", "--at", "2026-11-21T09:30:00Z"], in: folder.url)
    #expect(!plain.contains("facilitation"))
  }
}
