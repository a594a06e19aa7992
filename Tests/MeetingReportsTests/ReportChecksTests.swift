import Foundation
import MeetingModel
import Testing

@testable import MeetingReports

/// Runs `python3` with `script`, giving it `input` on standard input; its standard output.
func python(_ script: String, input: String) throws -> (status: Int32, output: String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", "-c", script]
  let stdin = Pipe()
  let stdout = Pipe()
  process.standardInput = stdin
  process.standardOutput = stdout
  process.standardError = stdout
  try process.run()
  stdin.fileHandleForWriting.writeRetryingInterrupts(Data(input.utf8))
  try stdin.fileHandleForWriting.close()
  let data = stdout.fileHandleForReading.readAllRetryingInterrupts()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite("Minutes: escaping, anonymisation, CSV read back")
struct ReportChecksTests {
  /// A meeting whose free text tries to be markup, formulas and line breaks.
  static func meetingWithHostileText() throws -> MeetingState {
    var state = MeetingState()
    var ids = SequentialEventIDs()
    let start = ScriptedForum.start
    try state.execute(.createMeeting(title: "Forum <b>& \"friends\"</b>"), at: start, ids: &ids)
    try state.execute(.join(name: "Ana <i>Lee</i>", tags: ["lived-experience"]), at: start, ids: &ids)
    try state.execute(.join(name: "Tom Hughes", tags: ["professional"]), at: start, ids: &ids)
    try state.execute(.addAgendaItem(title: "<script>alert('item')</script>"), at: start, ids: &ids)
    try state.execute(.nextItem, at: start, ids: &ids)
    try state.execute(.raiseHand(try state.participantID(named: "Tom")), at: start, ids: &ids)
    try state.execute(.nextSpeaker, at: start, ids: &ids)
    try state.execute(.endTurn, at: start.adding(seconds: 30), ids: &ids)
    try state.execute(
      .recordDecision(
        DecisionDraft(
          text: "=HYPERLINK(\"http://x\") <script>alert(1)</script> & more", method: .consent,
          outcome: .agreed,
          stances: [
            Stance(
              participant: try state.participantID(named: "Tom"), stance: .block, reason: "@SUM(A1) \"no\"")
          ],
          actions: [ActionDraft(owner: "+council", text: "-write\r\nback, today")])),
      at: start.adding(seconds: 40), ids: &ids)
    return state
  }

  @Test func theHTMLIsValidHTML5AndEveryTextIsEscaped() throws {
    for state in [try ScriptedForum.meeting(), try Self.meetingWithHostileText()] {
      for anonymise in [false, true] {
        let html = HTMLMinutes.render(
          Minutes(state: state, options: MinutesOptions(anonymize: anonymise, now: ScriptedForum.start)))
        #expect(!html.contains("<script"), "a script element in the output")
        #expect(
          !html.contains("http://") && !html.contains("https://")
            || html.contains("http://www.w3.org/2000/svg"))
        let script = """
          import sys, html5lib
          text = sys.stdin.read()
          parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
          try:
              tree = parser.parse(text)
          except Exception as error:
              print("PARSE ERROR", error, parser.errors[:3]); sys.exit(1)
          if tree.findall('.//script'): print("SCRIPT"); sys.exit(1)
          if tree.findall('.//link') or tree.findall('.//img') or tree.findall('.//iframe'): print("EXTERNAL"); sys.exit(1)
          print("".join(tree.itertext()))
          """
        let result = try python(script, input: html)
        #expect(result.status == 0, "html5lib: \(result.output.prefix(400))")
        if !anonymise, state.info?.title.hasPrefix("Forum <b>") == true {
          // The hostile text survives as text, exactly.
          #expect(result.output.contains("Forum <b>& \"friends\"</b>"))
          #expect(result.output.contains("<script>alert(1)</script> & more"))
          #expect(result.output.contains("Ana <i>Lee</i>"))
        }
      }
    }
  }

  @Test func noNameSurvivesAnonymisation() throws {
    let state = try ScriptedForum.meeting()
    let options = ScriptedForum.anonymised
    let outputs =
      [
        MarkdownMinutes.render(Minutes(state: state, options: options)),
        HTMLMinutes.render(Minutes(state: state, options: options)),
      ] + CSVTables.Table.allCases.map { CSVTables.render($0, state: state, options: options) }
    for output in outputs {
      let folded = NameMasker.fold(output)
      let words = Set(folded.split { !$0.isLetter }.map(String.init))
      for person in state.participants {
        #expect(!folded.contains(NameMasker.fold(person.name)), "\(person.name) in \(output.prefix(60))")
        for part in person.name.split(separator: " ") where part.count >= 2 {
          #expect(!words.contains(NameMasker.fold(String(part))), "“\(part)” of \(person.name) survives")
        }
      }
      #expect(folded.contains("participant a"))
    }
    // The scripted free text names people without accents ("Siobhan", "Zoe"): masked too.
    let markdown = MarkdownMinutes.render(Minutes(state: state, options: options))
    #expect(markdown.contains("Participant A wants a bed on day one"))
    #expect(markdown.contains("the budget is not agreed; Participant C to check"))
    #expect(markdown.contains("Participant A (10:00–10:20)"))
  }

  @Test func theMaskerFindsWholeAndPartialNamesWhateverTheCaseAndAccents() throws {
    var state = MeetingState()
    var ids = SequentialEventIDs()
    try state.execute(.createMeeting(title: "Forum"), at: ScriptedForum.start, ids: &ids)
    for (name, tag) in [
      ("Siobhán Byrne", "lived-experience"), ("Zoë Mensah", "lived-experience"),
      ("Zoë Adams", "professional"),
    ] {
      try state.execute(.join(name: name, tags: [tag]), at: ScriptedForum.start, ids: &ids)
    }
    let masker = NameMasker(state: state, active: true)
    #expect(masker.mask("SIOBHAN said Byrne's idea works") == "Participant A said Participant A's idea works")
    #expect(masker.mask("siobhán byrne and Mensah") == "Participant A and Participant B")
    // A first name two people share is not given to either.
    #expect(masker.mask("Zoe agreed") == "a participant agreed")
    #expect(masker.mask("Zoë Adams agreed") == "Participant C agreed")
    // Parts of other words are left alone.
    #expect(masker.mask("Byrnes Road, zoetrope") == "Byrnes Road, zoetrope")
    #expect(masker.nameWithGroup(ParticipantID(rawValue: 3)) == "Participant C, professional")
    #expect(NameMasker.letters(25) == "Z" && NameMasker.letters(26) == "AA")
    let off = NameMasker(state: state, active: false)
    #expect(off.mask("Siobhán") == "Siobhán")
  }

  @Test func csvReadBackByAParserEqualsTheTurns() throws {
    let state = try ScriptedForum.meeting()
    let csv = CSVTables.render(.turns, state: state, options: ScriptedForum.options)
    let script = """
      import sys, csv, io, json
      data = sys.stdin.buffer.read().decode('utf-8-sig')
      print(json.dumps(list(csv.reader(io.StringIO(data, newline='')))))
      """
    let result = try python(script, input: csv)
    #expect(result.status == 0, "\(result.output)")
    let rows = try JSONDecoder().decode([[String]].self, from: Data(result.output.utf8))
    #expect(rows.first == ["person", "group", "item", "start", "end", "seconds", "kind", "adjusted seconds"])
    #expect(rows.count == state.turns.count + 1)
    for (row, turn) in zip(rows.dropFirst(), state.turns) {
      #expect(row[0] == state.name(of: turn.participant))
      #expect(row[3] == turn.start.iso8601)
      #expect(row[4] == turn.end?.iso8601)
      let seconds = Double(turn.milliseconds(at: turn.end!)) / 1000
      #expect(Double(row[5]) == seconds)
      let adjustment = state.participant(turn.participant)!.timeAdjustment
      #expect(abs(Double(row[7])! - seconds / adjustment) < 0.06)
    }
    #expect(csv.hasPrefix("\u{FEFF}") && csv.contains("\r\n"))
  }

  @Test func formulasAreNeutralisedAndFieldsQuoted() throws {
    let state = try Self.meetingWithHostileText()
    for table in CSVTables.Table.allCases {
      let csv = CSVTables.render(table, state: state, options: ScriptedForum.options)
      let result = try python(
        "import sys, csv, io, json\nprint(json.dumps(list(csv.reader(io.StringIO(sys.stdin.buffer.read().decode('utf-8-sig'), newline='')))))",
        input: csv)
      let rows = try JSONDecoder().decode([[String]].self, from: Data(result.output.utf8))
      for cell in rows.joined() {
        if let first = cell.first {
          #expect(!["=", "+", "-", "@", "\t", "\r"].contains(first), "\(table): \(cell)")
        }
      }
    }
    #expect(CSVTables.field("=SUM(A1)") == "'=SUM(A1)")
    #expect(CSVTables.field("a,b") == "\"a,b\"")
    #expect(CSVTables.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(CSVTables.field("-write\r\nback") == "\"'-write\r\nback\"")
    // Line breaks stay inside a quoted cell; other controls are shown as visible marks.
    #expect(CSVTables.field("\u{1B}]0;x\u{07}\u{202E}") == "\\e]0;x\\x07<U+202E>")
    #expect(CSVTables.field("\t=1") == "\\t=1")
  }
}
