import Foundation
import Testing

/// Hostile text in every free-text field × every output, through the built binary: stored
/// faithfully (the JSONL export and `--json` give the exact text back), never raw on a
/// line-oriented output (confirmations, refusals, `log`, `queue`, `stats`, `agenda list`,
/// `actions`, the minutes and tables on standard output), escaped in HTML, neutralised in CSV.
/// One meeting file per hostile string holds it in every field.
@Suite("Hostile text, through the binary")
struct HostileTextTests {
  /// A hostile string and a piece of what the terminal must show for it instead.
  struct Hostile: Sendable, CustomTestStringConvertible {
    var label: String
    var text: String
    var shown: String
    var testDescription: String { label }
  }

  static let hostile: [Hostile] = [
    Hostile(label: "OSC window title", text: "\u{1B}]0;pwned\u{07}", shown: "\\e]0;pwned\\x07"),
    Hostile(label: "clear screen", text: "\u{1B}[2J\u{1B}[H", shown: "\\e[2J\\e[H"),
    Hostile(label: "carriage return", text: "real\rfake", shown: "real\\rfake"),
    Hostile(
      label: "line feed with a fake log line",
      text: "x\n99  2026-11-21T10:00:00Z  Forged event  [cli]",
      shown: "x⏎99  2026-11-21T10:00:00Z  Forged event  [cli]"),
    Hostile(label: "bell", text: "ding\u{07}dong", shown: "ding\\x07dong"),
    Hostile(label: "tab", text: "col\tumn", shown: "col\\tumn"),
    Hostile(label: "right-to-left override", text: "abc\u{202E}fed", shown: "abc<U+202E>fed"),
    Hostile(label: "isolates", text: "p\u{2067}q\u{2069}r", shown: "p<U+2067>q<U+2069>r"),
    Hostile(label: "zero-width space", text: "Zed\u{200B}wid", shown: "Zed<U+200B>wid"),
    Hostile(label: "C1 CSI", text: "c1\u{9B}2J", shown: "c1<U+009B>2J"),
    Hostile(
      label: "byte-order mark and soft hyphen", text: "b\u{FEFF}o\u{AD}m", shown: "b<U+FEFF>o<U+00AD>m"),
    Hostile(label: "formula", text: "=HYPERLINK(\"http://x\")", shown: "=HYPERLINK(\"http://x\")"),
    Hostile(label: "markup", text: "<script>alert(1)</script>&", shown: "<script>alert(1)</script>&"),
  ]

  /// Everything one meeting printed, by where it came from.
  final class Outputs {
    var lineOriented: [(String, String)] = []
    var json: [(String, String)] = []
  }

  @Test(arguments: hostile) func everyFieldInEveryOutput(hostile: Hostile) throws {
    let folder = Folder()
    let h = hostile.text
    let outputs = Outputs()
    let f = "m.rt"
    func at(_ time: String) -> [String] { ["--at", "2026-11-21T10:\(time)Z"] }
    func step(_ arguments: [String], _ time: String, sourceLocation: SourceLocation = #_sourceLocation) {
      let run = CLI.run(arguments + at(time), in: folder.url)
      #expect(
        run.status == 0, "\(arguments.first ?? "") failed: \(run.stderr)", sourceLocation: sourceLocation)
      outputs.lineOriented += [("\(arguments.first ?? "") stdout", run.stdout), ("stderr", run.stderr)]
    }
    // Every free-text field, each holding the hostile string.
    step(["new", f, "--title", "Forum " + h, "--purpose", "Why " + h], "00:00")
    // The model refuses control characters in names (the refusal is shown harmlessly); other
    // hostile names are stored, and every name comes in through `import` below.
    let namesRefused = h.unicodeScalars.contains { $0.properties.generalCategory == .control }
    if namesRefused {
      let run = CLI.run(["join", f, "Ama " + h] + at("00:00"), in: folder.url)
      #expect(run.status == 1 && run.stderr == "roundtable: A name cannot contain control characters.\n")
    }
    let ama = namesRefused ? "Ama" : "Ama " + h
    let ben = namesRefused ? "Ben" : "Ben " + h
    step(["join", f, ama, "--tag", "lived " + h], "00:00")
    step(["join", f, ben, "--tag", "pro " + h], "00:00")
    step(["agenda", "add", f, "Item " + h, "--minutes", "10"], "00:10")
    step(["open", f], "00:20")
    step(["agenda", "next", f], "00:20")
    step(["park", f, "Topic " + h], "00:30")
    step(["hand", f, "ama"], "00:40")
    step(["hand", f, "ben"], "00:41")
    step(["move", f, "ben", "--to", "1", "--reason", "Reason " + h], "00:50")
    step(["contribute", f, "ama", "--written", "Words " + h], "01:00")
    step(["signal", f, "other", "--note", "Note " + h], "01:10")
    step(
      [
        "decide", f, h, "--method", "consensus", "--outcome", "agreed", "--stance", "ama=concern:Stance " + h,
        "--action", "Ama: Action " + h + " (due 2026-12-05)",
      ], "01:20")
    step(["action", f, "Ben: Later " + h, "--decision", "1"], "01:30")
    step(["follow-up", f, "1", "--status", "in-progress", "--note", "Follow " + h], "01:40")
    step(["decide", f, "Second " + h, "--method", "consensus", "--outcome", "deferred"], "01:50")
    step(["withdraw", f, "2", "--reason", "Withdraw " + h], "02:00")
    step(["round", "start", f, "--order", "ama,ben", "--topic", "Round " + h], "02:10")
    step(["round", "end", f], "02:20")

    // Refusals quote what was typed, on standard error.
    for arguments in [
      ["hand", f, "Nobody " + h], ["hand", f, "ama", "--kind", h], ["hand", f, "ama", "--at", h],
      ["decide", f, "x", "--method", "vote", "--outcome", "agreed", "--votes", h], [h],
    ] {
      let run = CLI.run(arguments, in: folder.url)
      #expect(run.status != 0)
      #expect(!run.stderr.isEmpty)
      outputs.lineOriented += [("refusal stdout", run.stdout), ("refusal stderr", run.stderr)]
    }

    // Stored faithfully: the exact text is in the JSONL export.
    let exported = CLI.ok(["export", f, "--format", "jsonl"], in: folder.url)
    let stored = try Self.strings(inJSONLines: exported)
    let fields = [
      "Forum " + h, "Why " + h, ama, "lived " + h, ben, "pro " + h, "Item " + h, "Topic " + h,
      "Reason " + h, "Words " + h, "Note " + h, h, "Stance " + h, "Action " + h, "Later " + h, "Follow " + h,
      "Second " + h, "Withdraw " + h, "Round " + h,
    ]
    for field in fields { #expect(stored.contains(field), "not stored exactly: \(field.debugDescription)") }

    // Names and event metadata (the terminal and author) through `import`, NUL included.
    let author = "Author " + h
    let terminal = "Term " + h
    // A name keeps what `join` keeps (bidi overrides, invisible characters); one with a control
    // character (ESC, NUL) is refused by the import, as `join` refuses it.
    let renamed =
      "Cy "
      + String(
        String.UnicodeScalarView(h.unicodeScalars.filter { $0.properties.generalCategory != .control }))
    var lines: [String] = []
    for line in exported.split(separator: "\n") {
      var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      object["meta"] = ["author": author, "terminal": terminal]
      if object["type"] as? String == "participant.joined", var data = object["data"] as? [String: Any],
        data["participant"] as? Int == 2
      {
        data["name"] = renamed
        object["data"] = data
      }
      lines.append(String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
    }
    try (lines.joined(separator: "\n") + "\n").write(
      to: folder.url.appendingPathComponent("hostile.jsonl"), atomically: true, encoding: .utf8)
    // The same log with a control character in a name: refused whole, as `join` refuses it.
    var controlled: [String] = []
    for line in exported.split(separator: "\n") {
      var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      if object["type"] as? String == "participant.joined", var data = object["data"] as? [String: Any] {
        data["name"] = "B\u{1B}[2Jen\u{0}"
        object["data"] = data
      }
      controlled.append(String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
    }
    try (controlled.joined(separator: "\n") + "\n").write(
      to: folder.url.appendingPathComponent("controlled.jsonl"), atomically: true, encoding: .utf8)
    let refused = CLI.run(["import", "c.rt", "controlled.jsonl"], in: folder.url)
    #expect(refused.status == 2 && refused.stderr.contains("with a control character in their name"))
    #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("c.rt").path))
    outputs.lineOriented += [("refused import stderr", refused.stderr)]
    let imported = CLI.run(["import", "i.rt", "hostile.jsonl"], in: folder.url)
    #expect(imported.status == 0, "import failed: \(imported.stderr)")
    outputs.lineOriented += [("import stdout", imported.stdout), ("import stderr", imported.stderr)]
    let reexported = try Self.strings(
      inJSONLines: CLI.ok(["export", "i.rt", "--format", "jsonl"], in: folder.url))
    for field in [author, terminal, renamed] {
      #expect(reexported.contains(field), "not imported exactly: \(field.debugDescription)")
    }

    // Every line-oriented output of both meetings.
    var eventCount = 0
    for file in [f, "i.rt"] {
      for arguments in [
        ["log", file], ["queue", file], ["stats", file], ["agenda", "list", file], ["actions", file],
        ["policy", file], ["export", file, "--format", "markdown"], ["export", file, "--format", "html"],
        ["export", file, "--format", "csv"], ["export", file, "--format", "csv", "--table", "decisions"],
        ["export", file, "--format", "csv", "--table", "actions"],
        ["export", file, "--format", "markdown", "--anonymize"],
      ] {
        let run = CLI.run(
          arguments + ["--at", "2026-11-21T10:30:00Z"].filter { _ in arguments[0] != "log" },
          in: folder.url)
        #expect(run.status == 0, "\(arguments) failed: \(run.stderr)")
        outputs.lineOriented += [
          ("\(arguments.prefix(4).joined(separator: " "))", run.stdout), ("stderr", run.stderr),
        ]
      }
      // The newline-forging case: one line per event.
      let json = CLI.ok(["log", file, "--json"], in: folder.url)
      eventCount = json.split(separator: "\n").count
      #expect(CLI.ok(["log", file], in: folder.url).split(separator: "\n").count == eventCount)
      outputs.json.append(("log --json", json))
    }
    #expect(eventCount >= 20)

    for (what, text) in outputs.lineOriented {
      #expect(
        !Self.hasRawControlOrInvisible(text), "\(hostile.label): raw in \(what): \(text.debugDescription)")
    }
    // What is shown instead is there to read: in the log, as everywhere.
    let log = CLI.ok(["log", "i.rt"], in: folder.url)
    // An imported name keeps all but control characters (those are refused, above).
    for prefix in ["Forum ", "Item ", "Topic ", "Reason ", "Words "] + (namesRefused ? [] : ["Ama ", "Cy "]) {
      #expect(log.contains(prefix + hostile.shown), "\(hostile.label): log lacks \(prefix + hostile.shown)")
    }
    #expect(log.contains("[Term " + hostile.shown + ", Author " + hostile.shown + "]"))

    // HTML is escaped; CSV neutralises formulas.
    let html = CLI.ok(["export", f, "--format", "html", "-o", "m.html"], in: folder.url)
    #expect(html.isEmpty)
    let page = try String(contentsOf: folder.url.appendingPathComponent("m.html"), encoding: .utf8)
    #expect(!page.contains("<script>"))
    #expect(!Self.hasRawControlOrInvisible(page.replacingOccurrences(of: "\n", with: " ")))
    if h.hasPrefix("<") { #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;")) }
    let decisions = CLI.ok(["export", f, "--format", "csv", "--table", "decisions"], in: folder.url)
    if h.contains("\n") { #expect(decisions.contains("\"" + h + "\""), "a line break stays inside quotes") }
    if h.hasPrefix("=") { #expect(decisions.contains(",\"'=HYPERLINK(\"\"http://x\"\")\",")) }

    // JSON stays exact: the strings decode back to the original text.
    let stats = try Self.strings(inJSON: CLI.ok(["stats", "i.rt", "--json"], in: folder.url))
    #expect(stats.contains(ama) && stats.contains(renamed) && stats.contains("lived " + h))
    let queue = try Self.strings(inJSON: CLI.ok(["queue", f, "--json"], in: folder.url))
    #expect(queue.contains(ama) && queue.contains(ben))
    let actions = try Self.strings(inJSON: CLI.ok(["actions", f, "--json"], in: folder.url))
    #expect(
      actions.contains("Action " + h) && actions.contains("Later " + h) && actions.contains("Forum " + h))
    let events = try Self.strings(inJSONLines: CLI.ok(["log", "i.rt", "--json"], in: folder.url))
    #expect(events.contains(author) && events.contains(h))
  }

  /// Every string value in a JSON document, at any depth.
  static func strings(inJSON text: String) throws -> Set<String> {
    var found: Set<String> = []
    func walk(_ value: Any) {
      if let string = value as? String { found.insert(string) }
      if let array = value as? [Any] { array.forEach(walk) }
      if let object = value as? [String: Any] { object.values.forEach(walk) }
    }
    walk(try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]))
    return found
  }

  /// Every string value in JSON lines.
  static func strings(inJSONLines text: String) throws -> Set<String> {
    try text.split(separator: "\n").reduce(into: Set<String>()) {
      $0.formUnion(try strings(inJSON: String($1)))
    }
  }

  /// Whether `text` (lines separated by `\n`, or `\r\n` for CSV) holds anything a terminal acts
  /// on or that cannot be seen, outside an emoji sequence: C0 and C1 controls, DEL, format
  /// characters (bidirectional controls, zero-width characters, the BOM after the first
  /// character), line and paragraph separators and other default-ignorable code points.
  /// Written independently of the sanitiser, which these tests check.
  static func hasRawControlOrInvisible(_ text: String) -> Bool {
    var scalars = Array(text.unicodeScalars)
    if scalars.first == "\u{FEFF}" { scalars.removeFirst() }  // a CSV's byte-order mark
    for (index, scalar) in scalars.enumerated() {
      let value = scalar.value
      if value == 0x0A { continue }
      if value == 0x0D && index + 1 < scalars.count && scalars[index + 1] == "\n" { continue }
      if value < 0x20 || (0x7F..<0xA0).contains(value) { return true }
      switch scalar.properties.generalCategory {
      case .format, .lineSeparator, .paragraphSeparator: return true
      default: if scalar.properties.isDefaultIgnorableCodePoint { return true }
      }
    }
    return false
  }
}
