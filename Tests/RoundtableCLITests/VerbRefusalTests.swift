import Foundation
import Testing

/// Each group of verbs refused by the model: exit 1, the model's message on standard error,
/// nothing on standard output, and the meeting file byte for byte as it was. And a verb the
/// shell does not know.
@Suite("Verb refusals and unknown verbs, through the binary")
struct VerbRefusalTests {
  let folder = Folder()
  let file = "forum.roundtable"

  /// A meeting with two people, open, an item under way and nothing else.
  func prepare() {
    CLI.ok(["new", file, "--title", "Forum", "--at", "2026-11-21T10:00:00Z"], in: folder.url)
    for name in ["Zoë Mensah", "Ben Okafor"] {
      CLI.ok(["join", file, name, "--at", "2026-11-21T10:00:00Z"], in: folder.url)
    }
    CLI.ok(["agenda", "add", file, "Housing offers", "--at", "2026-11-21T10:00:00Z"], in: folder.url)
    CLI.ok(["open", file, "--at", "2026-11-21T10:01:00Z"], in: folder.url)
    CLI.ok(["agenda", "next", file, "--at", "2026-11-21T10:01:00Z"], in: folder.url)
  }

  func contents() -> Data {
    (try? Data(contentsOf: folder.url.appendingPathComponent(file))) ?? Data()
  }

  func refused(
    _ arguments: [String], message: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let before = contents()
    let run = CLI.run(arguments + ["--at", "2026-11-21T10:05:00Z"], in: folder.url)
    #expect(run.status == 1, "\(arguments): \(run.stderr)", sourceLocation: sourceLocation)
    #expect(run.stderr == "roundtable: \(message)\n", sourceLocation: sourceLocation)
    #expect(run.stdout == "", sourceLocation: sourceLocation)
    #expect(contents() == before, "\(arguments) changed the file", sourceLocation: sourceLocation)
  }

  @Test func goRoundVerbsRefuseWithoutARound() {
    prepare()
    refused(
      ["round", "next", file],
      message: "There is no go-round in progress; `next` gives the floor to the head of the queue.")
    refused(["round", "pass", file], message: "There is no go-round in progress.")
    refused(["round", "end", file], message: "There is no go-round in progress.")
    refused(["round", "start", file, "--order", "zoe,nobody"], message: "Nobody called “nobody” has joined.")
  }

  @Test func contributionsRefuseWhatTheModelRefuses() {
    prepare()
    refused(
      ["contribute", file, "nobody", "--written", "Hello"], message: "Nobody called “nobody” has joined.")
    refused(["contribute", file, "zoe", "--written", ""], message: "Say what Zoë Mensah contributed.")
    refused(
      ["contribute", file, "zoe", "--supported-by", "ben"], message: "Say what Zoë Mensah contributed.")
    refused(
      ["contribute", file, "zoe", "--supported-by", "zoe", "--text", "Hi"],
      message: "Someone cannot be their own supporter.")
    refused(
      ["contribute", file, "zoe", "--written", "Hi", "--credit", "99999"],
      message: "Credit a contribution with 0 to 3600 seconds of airtime.")
  }

  @Test func theParkingLotRefusesWhatItCannotFind() {
    prepare()
    refused(["park", file, ""], message: "A parking-lot topic needs a title.")
    refused(["unpark", file, "1"], message: "There is nothing in the parking lot.")
    CLI.ok(["park", file, "Council tax", "--at", "2026-11-21T10:02:00Z"], in: folder.url)
    refused(["unpark", file, "bus"], message: "No item in the parking lot is called “bus”.")
  }

  @Test func openingClosingAndPolicyRefuseWhatChangesNothing() {
    prepare()
    refused(["open", file], message: "The meeting is already open.")
    refused(["policy", file, "balanced"], message: "That policy is already in force.")
    refused(
      ["policy", file, "--target", "lived-experience=200%"],
      message: "The target for lived-experience must be a share above 0% and up to 100%.")
    CLI.ok(["close", file, "--at", "2026-11-21T10:02:00Z"], in: folder.url)
    refused(["close", file], message: "The meeting is closed; reopen it first.")
  }

  @Test func agendaAndDecisionVerbsRefuseWhatIsNotThere() {
    prepare()
    refused(["agenda", "start", file, "bus"], message: "No item on the agenda is called “bus”.")
    refused(["stance", file, "1", "zoe", "agree"], message: "There is no decision #1.")
    refused(["amend", file, "1", "--text", "Something else"], message: "There is no decision #1.")
    refused(["withdraw", file, "1", "--reason", "twice"], message: "There is no decision #1.")
    refused(["action", file, "Zoë: write it up", "--decision", "3"], message: "There is no decision #3.")
    CLI.ok(["agenda", "close", file, "--at", "2026-11-21T10:02:00Z"], in: folder.url)
    refused(["agenda", "defer", file], message: "No agenda item is under way; say which item to defer.")
  }

  @Test func anUnknownVerbIsNamedWithTheClosestAndTheList() {
    let watch = CLI.run(["teleport", "x.roundtable"], in: folder.url)
    #expect(watch.status == 64)
    #expect(watch.stdout == "")
    let lines = watch.stderr.split(separator: "\n").map(String.init)
    #expect(lines.first == "roundtable: unknown command 'teleport'.")
    let listed = lines.dropFirst().prefix { !$0.hasPrefix("`") }.joined(separator: " ")
    #expect(listed.hasPrefix("Verbs: new, open, close, policy, join,"))
    for verb in ["round", "contribute", "park", "unpark", "stance", "amend", "withdraw", "action", "study"] {
      #expect(listed.contains(" \(verb),") || listed.hasSuffix(" \(verb)"), "\(verb) is not listed")
    }
    #expect(lines.last == "`roundtable VERB --help` explains one of them.")
    #expect(!FileManager.default.fileExists(atPath: folder.path("x.roundtable")))

    let typo = CLI.run(["contibute", file, "zoe"], in: folder.url)
    #expect(typo.status == 64)
    #expect(typo.stderr.hasPrefix("roundtable: unknown command 'contibute'. Did you mean 'contribute'?\n"))
    #expect(
      CLI.run(["rond", file], in: folder.url).stderr.hasPrefix(
        "roundtable: unknown command 'rond'. Did you mean 'round'?\n"))
    #expect(
      CLI.run(["parl", file], in: folder.url).stderr.hasPrefix(
        "roundtable: unknown command 'parl'. Did you mean 'park'?\n"))
    #expect(CLI.run(["help", "round"], in: folder.url).status == 0)
  }
}
