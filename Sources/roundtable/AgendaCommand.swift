import ArgumentParser
import MeetingModel
import MeetingStore
import TerminalUI

struct AgendaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "agenda",
    abstract: "Add to the agenda, move through it, reorder it, or list it.",
    discussion: """
      An item is named by its number in `agenda list` or by part of its title.
      """,
    subcommands: [
      AgendaAdd.self, AgendaNext.self, AgendaList.self, AgendaStart.self, AgendaClose.self, AgendaDefer.self,
      AgendaMove.self,
    ]
  )
}

struct AgendaAdd: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Add an agenda item.",
    discussion: """
      Examples:
        roundtable agenda add forum.roundtable "First home offers at 18" --minutes 25 --lead Tom
        roundtable agenda add forum.roundtable "Bus passes" --minutes 15 --lead Siobhán --lead Ama
        roundtable agenda add forum.roundtable "Welcome" --minutes 5 --position 1
      """
  )

  @OptionGroup var file: FileArgument
  @Argument(help: "The item's title.") var title: String
  @Option(parsing: .unconditional, help: "Timebox in minutes (1 to 600).") var minutes: Int?
  @Option(name: .customLong("lead"), help: "Who leads the item (repeat for several).") var leads: [String] =
    []
  @Option(parsing: .unconditional, help: "Its place on the agenda, from 1 (default: the end).") var position:
    Int?
  @OptionGroup var time: TimeOption

  func modelCommand(in state: MeetingState) throws -> Command {
    .addAgendaItem(
      title: title, minutes: minutes, leads: try leads.map { try state.participantID(named: $0) },
      position: position)
  }

  func run() throws {
    try reporting {
      try record(inFile: file.file).close()
    }
  }

}

struct AgendaNext: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "next",
    abstract: "Close the current item (ending the current turn) and open the next one.",
    discussion: "Example:\n  roundtable agenda next forum.roundtable"
  )

  @OptionGroup var file: FileArgument
  @OptionGroup var time: TimeOption

  func modelCommand(in state: MeetingState) throws -> Command {
    .nextItem
  }

  func run() throws {
    try reporting {
      let session = try record(inFile: file.file)
      if session.state.currentItem == nil { say("That was the last item on the agenda.") }
      try session.close()
    }
  }

}

struct AgendaList: ReportingVerb {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "Show the agenda with each item's status and time.",
    discussion: "Example:\n  roundtable agenda list forum.roundtable"
  )

  @OptionGroup var file: FileArgument
  @Option(help: "Show times as of this ISO-8601 time (default now).") var at: String?

  func report(state: MeetingState, now: Instant) throws -> [String] {
    guard !state.agendaOrder.isEmpty else { return ["The agenda is empty."] }
    var rows: [[String]] = []
    for (offset, id) in state.agendaOrder.enumerated() {
      guard let item = state.item(id) else { continue }
      let elapsed = formatDuration(seconds: item.elapsedMilliseconds(at: now) / 1000)
      var timing = item.minutes.map { "\(elapsed) of \($0) min" } ?? elapsed
      if let remaining = item.remainingMilliseconds(at: now), remaining < 0 {
        timing += ", over by \(formatDuration(seconds: -remaining / 1000))"
      }
      rows.append([
        "\(item.status == .current ? ">" : " ")\(offset + 1).", item.title, item.status.rawValue, timing,
        item.leads.map { state.name(of: $0) }.joined(separator: ", "),
      ])
    }
    var lines = Table(headers: ["#", "Item", "Status", "Time", "Leads"], rows: rows).lines
    let parked = state.parkingLot
    if !parked.isEmpty {
      lines.append(
        "Parking lot: "
          + parked.enumerated().map { "\($0.offset + 1). \($0.element.title)" }.joined(separator: "; "))
    }
    return lines
  }

  func run() throws {
    try reporting {
      let session = try MeetingSession(file: file.file, access: .readOnly)
      say(lines: try report(state: session.state, now: try TimeOption(at: at).instant()))
    }
  }

}

extension TimeOption {
  init(at: String?) {
    self.init()
    self.at = at
  }
}
