import ArgumentParser
import Foundation
import MeetingModel
import MeetingReports
import MeetingStore

struct StatsCommand: ReportingVerb {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract: "Airtime and turns per person and per group, against targets, and a fairness figure.",
    discussion: """
      Spoken is time in turns (a turn still going on counts up to now); airtime adds the credit \
      of written and supported contributions; adjusted is airtime divided by the person's \
      speaking-time adjustment (1.5×: 90 seconds count as 60). The queue's least-airtime rule \
      compares adjusted airtime; group shares and fairness use airtime. Fairness is the Gini \
      coefficient of airtime among those present: 0 when everyone has had the same, near 1 when \
      one person had nearly all of it.

      Facilitation is not a voice in the balance unless the meeting counts it (new \
      --count-facilitation): facilitators, co-facilitators, note-takers and observers are left \
      out of the shares and fairness, and their time is shown apart as facilitation.

      Examples:
        roundtable stats forum.roundtable
        roundtable stats forum.roundtable --json
      """
  )

  @OptionGroup var file: FileArgument
  @Flag(
    help:
      "Print JSON with per-person and per-group airtimeSeconds and turns, adjustedSeconds per person, and facilitation apart."
  ) var json = false
  @Option(help: "Count a turn still going on up to this ISO-8601 time (default now).") var at: String?

  struct Report: Encodable {
    struct Person: Encodable {
      var name: String
      var participant: Int
      var tags: [String]
      var present: Bool
      var role: String
      var airtimeSeconds: Double
      var spokenSeconds: Double
      var creditedSeconds: Double
      /// Airtime divided by the time adjustment: what the queue compares.
      var adjustedSeconds: Double
      var timeAdjustment: Double
      var turns: Int
      var contributions: Int
      var share: Double

      init(_ person: VoiceStats.Person) {
        name = person.name
        participant = person.participant.rawValue
        tags = person.tags
        present = person.isPresent
        role = person.role.rawValue
        airtimeSeconds = person.airtimeSeconds
        spokenSeconds = person.spokenSeconds
        creditedSeconds = person.creditedSeconds
        adjustedSeconds = person.adjustedSeconds
        timeAdjustment = person.timeAdjustment
        turns = person.turns
        contributions = person.contributions
        share = person.share
      }
    }
    struct Group: Encodable {
      var tag: String
      var members: Int
      var airtimeSeconds: Double
      var turns: Int
      var share: Double
      var target: Double?
    }
    var people: [Person]
    var groups: [Group]
    var totalAirtimeSeconds: Double
    var totalTurns: Int
    var gini: Double
    /// Which per-person figure the queue's least-airtime rule compares: `adjustedSeconds`.
    var queueUses: String
    /// Whether facilitation counts in the balance (the meeting's setting).
    var countsFacilitation: Bool
    /// People left out of the balance, and their airtime, reported apart.
    var facilitation: [Person]
    var facilitationSeconds: Double
  }

  func report(state: MeetingState, now: Instant) throws -> [String] {
    let stats = state.voiceStats(now: now)
    var lines: [String] = []
    let groupRows = stats.groups.map { group in
      [
        group.tag, percent(group.share), group.target.map(percent) ?? "-",
        formatDuration(seconds: Int64(group.airtimeSeconds)), "\(group.turns)",
      ]
    }
    lines += Table(headers: ["Group", "Share", "Target", "Airtime", "Turns"], rows: groupRows).lines + [""]
    func seconds(_ value: Double) -> String { formatDuration(seconds: Int64(value)) }
    let personRows = stats.people.map { person in
      [
        person.name + (person.isPresent ? "" : " (left)"), person.tags.joined(separator: ", "),
        seconds(person.spokenSeconds), seconds(person.airtimeSeconds),
        seconds(person.adjustedSeconds)
          + (person.timeAdjustment == 1 ? "" : " (\(formatFactor(person.timeAdjustment)))"),
        percent(person.share), "\(person.turns)", person.contributions > 0 ? "\(person.contributions)" : "",
      ]
    }
    lines +=
      Table(
        headers: ["Person", "Groups", "Spoken", "Airtime", "Adjusted", "Share", "Turns", "Written"],
        rows: personRows
      ).lines + [""]
    lines.append(
      "Airtime is spoken time plus written and supported contributions; adjusted is airtime divided by the "
        + "time adjustment. The queue uses adjusted airtime; shares and fairness use airtime.")
    lines.append(
      "Fairness (Gini of airtime among those present, 0 = even): \(String(format: "%.2f", stats.gini))")
    if state.policy.countsFacilitation {
      lines.append("facilitation: counted in the voice balance (this meeting's setting)")
    } else if !stats.facilitation.isEmpty {
      let who = stats.facilitation.map { "\($0.name) \(seconds($0.airtimeSeconds))" }.joined(separator: ", ")
      lines.append(
        "facilitation: \(seconds(stats.facilitationSeconds)) (\(who)), not counted in the voice balance")
    }
    return lines
  }

  func run() throws {
    try reporting {
      let session = try MeetingSession(file: file.file, access: .readOnly)
      let now = try TimeOption(at: at).instant()
      guard json else {
        say(lines: try report(state: session.state, now: now))
        return
      }
      let stats = session.state.voiceStats(now: now)
      try printJSON(
        Report(
          people: stats.people.map(Report.Person.init),
          groups: stats.groups.map {
            .init(
              tag: $0.tag, members: $0.members, airtimeSeconds: $0.airtimeSeconds, turns: $0.turns,
              share: $0.share,
              target: $0.target)
          },
          totalAirtimeSeconds: stats.totalAirtimeSeconds, totalTurns: stats.totalTurns, gini: stats.gini,
          queueUses: "adjustedSeconds", countsFacilitation: session.state.policy.countsFacilitation,
          facilitation: stats.facilitation.map(Report.Person.init),
          facilitationSeconds: stats.facilitationSeconds))
    }
  }

}

struct LogCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "log",
    abstract: "Show the meeting's events, oldest first; --follow keeps showing new ones.",
    discussion: """
      Examples:
        roundtable log forum.roundtable
        roundtable log forum.roundtable --json          # one JSON event per line (JSONL)
        roundtable log forum.roundtable --follow        # until Ctrl-C
      """
  )

  @OptionGroup var file: FileArgument
  @Flag(help: "One JSON object per event per line, as in the JSONL export.") var json = false
  @Flag(help: "Keep waiting for new events (from other terminals) and show them as they come.") var follow =
    false

  func run() throws {
    try reporting {
      let store = try MeetingStore.open(at: file.file, access: .readOnly)
      var state = MeetingState()
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      func show(_ events: [RecordedEvent]) throws {
        for event in events {
          // Events appended while following go through the validating fold too.
          do {
            try state.applyChecked(event)
          } catch {
            throw StoreError.invalidEvent(file.file, error)
          }
          if json {
            sayExactly(String(decoding: try encoder.encode(event), as: UTF8.self))
          } else {
            // The role and terminal that recorded it ("notes@pts/3"), then the person.
            let who = [event.metadata.terminal, event.metadata.author].compactMap { $0 }.joined(
              separator: ", ")
            say(
              "\(event.sequence)  \(event.time.iso8601)  \(state.describe(event.event))"
                + (who.isEmpty ? "" : "  [\(who)]"))
          }
        }
        fflush(nil)
      }
      let events: [RecordedEvent]
      do {
        events = try store.events()
      } catch {
        store.abandon()
        throw error
      }
      try show(events)
      while follow {
        try show(try store.waitForEvents(after: state.version, timeout: .seconds(3600)))
      }
    }
  }
}

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export the meeting: minutes (markdown, html), tables (csv) or the raw events (jsonl).",
    discussion: """
      markdown and html are the minutes, written for the people who were there: attendance, \
      the agenda with planned and actual times, who spoke on each item, contributions, \
      go-rounds, each decision with its stances, dissent, votes, rung and actions, signals, \
      the parking lot and the voice balance. html is one self-contained, printable page. csv \
      is a table for spreadsheets: --table turns (default), decisions or actions. jsonl is the \
      raw event log, for `import`.

      --anonymize replaces every name, also inside free text, with a stable label and the \
      person's group ("Participant C, lived experience"); the mapping is not written anywhere. \
      Private notes on signals are never exported in minutes.

      Output goes to the screen unless -o names a file, which is created readable by you only \
      and never overwritten without --force.

      Examples:
        roundtable export forum.roundtable --format markdown -o minutes.md
        roundtable export forum.roundtable --format html --anonymize -o minutes.html
        roundtable export forum.roundtable --format csv --table decisions > decisions.csv
        roundtable export forum.roundtable --format jsonl -o forum.jsonl
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case jsonl, markdown, html, csv
  }

  @OptionGroup var file: FileArgument
  @Option(help: "markdown or html (the minutes), csv (a table), jsonl (the raw events).") var format: Format
  @Option(help: "With --format csv: turns, decisions or actions.") var table: CSVTables.Table?
  @Flag(help: "Replace every name with a stable label and the person's group.") var anonymize = false
  @Option(
    name: .shortAndLong, help: "Write to this file (created readable by you only) instead of the screen.")
  var output: String?
  @Flag(help: "With -o: replace the file if it exists.") var force = false
  @OptionGroup var time: TimeOption

  func validate() throws {
    if format == .jsonl && anonymize {
      throw ValidationError(
        "--anonymize goes with markdown, html or csv: jsonl is the raw event log, names and all.")
    }
    if table != nil && format != .csv { throw ValidationError("--table goes with --format csv.") }
    if force && output == nil { throw ValidationError("--force goes with -o FILE.") }
  }

  func run() throws {
    try reporting {
      let store = try MeetingStore.open(at: file.file, access: .readOnly)
      var text = ""
      if format == .jsonl {
        do {
          try store.exportJSONL { text += $0 + "\n" }
        } catch {
          store.abandon()
          throw error
        }
      } else {
        let state = try replaying(store)
        let now = try time.givenInstant() ?? Instant.now
        let options = MinutesOptions(
          anonymize: anonymize, clockOffsetSeconds: now.localOffsetSeconds, now: now)
        switch format {
        case .markdown: text = MarkdownMinutes.render(Minutes(state: state, options: options))
        case .html: text = HTMLMinutes.render(Minutes(state: state, options: options))
        case .csv: text = CSVTables.render(table ?? .turns, state: state, options: options)
        case .jsonl: break
        }
      }
      try store.close()
      if let output {
        try writePrivately(text, to: output, replacing: force)
      } else if format == .jsonl {
        sayExactly(text, terminator: "")
      } else {
        sayDocument(text)
      }
    }
  }
}

extension CSVTables.Table: ExpressibleByArgument {}

/// Writes a new file readable by its owner only (exports hold the same personal stories as the
/// meeting); refuses to overwrite an existing file unless `replacing`, and never writes over a
/// folder, a named pipe, a device or a link. The file appears whole or not at all (written
/// under a temporary name beside it, synced, then given its name: see `FileSafety`).
func writePrivately(_ text: String, to path: String, replacing: Bool = false) throws {
  try FileSafety.writeNew(Data(text.utf8), to: path, replacing: replacing)
}

struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Create a new meeting file from an exported event log (JSONL).",
    discussion: "Example:\n  roundtable import copy.roundtable forum.jsonl"
  )

  @OptionGroup var file: FileArgument
  @Argument(help: "The JSONL file exported with `roundtable export --format jsonl`.") var events: String

  func run() throws {
    try reporting {
      // Checked before it is opened: a named pipe or a device would hang or never end.
      let data = try FileSafety.read(events, what: "event log (JSONL)")
      guard let text = String(data: data, encoding: .utf8) else {
        throw StoreError(.invalidImport, "Cannot read \(events): it is not text. Nothing was imported.")
      }
      let store = try MeetingStore.importJSONL(text.split(separator: "\n").map(String.init), to: file.file)
      let state = try store.replay()
      try store.close()
      say("Imported \(state.version) events into \(file.file): “\(state.info?.title ?? "")”.")
    }
  }
}
