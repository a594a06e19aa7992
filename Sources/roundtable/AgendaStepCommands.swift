import ArgumentParser
import Foundation
import MeetingModel
import MeetingStore

struct AgendaStart: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "start",
    abstract:
      "Open a given item (reopening it if it was done or deferred); the current one goes back to pending.",
    discussion: """
      Examples:
        roundtable agenda start forum.roundtable 2
        roundtable agenda start forum.roundtable "bus passes"
      """
  )

  @OptionGroup var file: FileArgument
  @Argument(help: "The item: its number in `agenda list` or part of its title.") var item: String
  @OptionGroup var time: TimeOption

  func modelCommand(in state: MeetingState) throws -> Command {
    .startItem(try state.agendaItemID(matching: item))
  }

  func run() throws {
    try reporting {
      try record(inFile: file.file).close()
    }
  }
}

struct AgendaClose: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "close",
    abstract: "Close the current item without opening another.",
    discussion: "Example:\n  roundtable agenda close forum.roundtable"
  )

  @OptionGroup var file: FileArgument
  @OptionGroup var time: TimeOption

  func modelCommand(in state: MeetingState) throws -> Command {
    .closeItem
  }

  func run() throws {
    try reporting {
      try record(inFile: file.file).close()
    }
  }
}

struct AgendaDefer: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "defer",
    abstract: "Defer an item to another meeting (the current one unless an item is given).",
    discussion: """
      Examples:
        roundtable agenda defer forum.roundtable
        roundtable agenda defer forum.roundtable "bus passes"
      """
  )

  @OptionGroup var file: FileArgument
  @Argument(help: "The item: its number in `agenda list` or part of its title (default: the current one).")
  var item: String?
  @OptionGroup var time: TimeOption

  func modelCommand(in state: MeetingState) throws -> Command {
    .deferItem(try item.map { try state.agendaItemID(matching: $0) })
  }

  func run() throws {
    try reporting {
      try record(inFile: file.file).close()
    }
  }
}

struct AgendaMove: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "move",
    abstract: "Move an item to another place on the agenda.",
    discussion: "Example:\n  roundtable agenda move forum.roundtable \"bus passes\" --to 1"
  )

  @OptionGroup var file: FileArgument
  @Argument(help: "The item: its number in `agenda list` or part of its title.") var item: String
  @Option(parsing: .unconditional, help: "The new place, from 1.") var to: Int
  @OptionGroup var time: TimeOption

  func modelCommand(in state: MeetingState) throws -> Command {
    .moveAgendaItem(try state.agendaItemID(matching: item), to: to)
  }

  func run() throws {
    try reporting {
      try record(inFile: file.file).close()
    }
  }
}
