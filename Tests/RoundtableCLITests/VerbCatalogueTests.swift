import Foundation
import Testing

/// The verbs the binary has, the verbs the docs name, and what a mistyped verb gets.
@Suite("The verb catalogue")
struct VerbCatalogueTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The subcommands `--help` lists for `verb` (the top-level verbs when empty).
  static func subcommands(of verb: [String], in folder: URL) -> [String] {
    let help = CLI.ok(verb + ["--help"], in: folder)
    guard let section = help.components(separatedBy: "SUBCOMMANDS:\n").dropFirst().first else { return [] }
    return section.split(separator: "\n").compactMap { line in
      guard line.hasPrefix("  "), !line.hasPrefix("   "), let word = line.split(separator: " ").first else {
        return nil
      }
      // Verb names are lower case; this skips the "See 'roundtable help …'" line.
      return word.allSatisfy({ $0.isLowercase || $0 == "-" }) ? String(word) : nil
    }
  }

  /// Every verb and group step the binary has: `hand`, `agenda add`, `round start`, …
  static func allVerbs(in folder: URL) -> [String] {
    subcommands(of: [], in: folder).flatMap { verb in
      let steps = subcommands(of: [verb], in: folder)
      return steps.isEmpty ? [verb] : steps.map { "\(verb) \($0)" }
    }
  }

  /// `verb` or `verb step` from the start of a synopsis such as `agenda add FILE TITLE`.
  static func verbName(inSynopsis synopsis: Substring) -> String {
    let words = synopsis.split(separator: " ")
    guard let first = words.first else { return "" }
    if words.count > 1, words[1].allSatisfy({ $0.isLowercase || $0 == "-" }) {
      return "\(first) \(words[1])"
    }
    return String(first)
  }

  /// The verbs docs/cli.md's table documents, in order.
  static func documentedVerbs() throws -> [String] {
    let text = try String(contentsOf: root.appendingPathComponent("docs/cli.md"), encoding: .utf8)
    return text.split(separator: "\n").filter { $0.hasPrefix("| `") }.map { line in
      let synopsis = line.dropFirst(3).prefix { $0 != "`" }
      return verbName(inSynopsis: synopsis)
    }
  }

  /// The verbs README.md's "What works today" list names as `roundtable VERB …`.
  static func readmeVerbs() throws -> [String] {
    let text = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    let list =
      text.components(separatedBy: "What works today:").dropFirst().first?
      .components(separatedBy: "\n\n").dropFirst().first ?? ""
    return list.components(separatedBy: "`roundtable ").dropFirst().map { mention in
      verbName(inSynopsis: mention.prefix { $0 != "`" })
    }
  }

  @Test func everyVerbTheDocsNameExists() throws {
    let folder = Folder()
    let verbs = Set(Self.allVerbs(in: folder.url))
    let groups = Set(
      verbs.compactMap { $0.split(separator: " ").count > 1 ? String($0.prefix { $0 != " " }) : nil })
    let documented = try Self.documentedVerbs()
    let readme = try Self.readmeVerbs()
    #expect(documented.count > 40)
    #expect(!readme.isEmpty)
    for verb in documented + readme {
      #expect(verbs.contains(verb) || groups.contains(verb), "“\(verb)” is documented but is not a verb")
    }
  }

  @Test func docsCoverEveryVerb() throws {
    let folder = Folder()
    let documented = Set(try Self.documentedVerbs())
    for verb in Self.allVerbs(in: folder.url) {
      #expect(documented.contains(verb), "docs/cli.md does not document “\(verb)”")
    }
  }

  @Test func anUnknownVerbIsNamedWithTheClosestAndTheList() {
    let folder = Folder()
    let watch = CLI.run(["follow", "x.rt"], in: folder.url)
    #expect(watch.status == 64)
    #expect(watch.stdout.isEmpty)
    let lines = watch.stderr.split(separator: "\n")
    #expect(lines.first == "roundtable: unknown command 'follow'. Did you mean 'follow-up'?")
    #expect(lines.dropFirst().first?.hasPrefix("Verbs: new, open, close, policy, join") == true)
    #expect(watch.stderr.contains(" round,") && watch.stderr.contains(" contribute,"))
    #expect(!FileManager.default.fileExists(atPath: folder.path("x.rt")))

    let stat = CLI.run(["stat", "x.rt"], in: folder.url)
    #expect(stat.status == 64)
    #expect(stat.stderr.hasPrefix("roundtable: unknown command 'stat'. Did you mean 'stats'?\n"))
    #expect(
      CLI.run(["contrib"], in: folder.url).stderr.hasPrefix(
        "roundtable: unknown command 'contrib'. Did you mean 'contribute'?\n"))
    #expect(
      CLI.run(["udno"], in: folder.url).stderr.hasPrefix(
        "roundtable: unknown command 'udno'. Did you mean 'undo'?\n"))

    // Known verbs, options and `help` still go to the parser.
    #expect(CLI.run(["--help"], in: folder.url).status == 0)
    #expect(CLI.run(["help", "round"], in: folder.url).status == 0)
    #expect(CLI.run(["round", "start", "--help"], in: folder.url).status == 0)
  }
}
