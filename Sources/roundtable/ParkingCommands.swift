import ArgumentParser
import Foundation
import MeetingModel
import MeetingStore

struct ParkCommand: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "park",
    abstract: "Put a topic in the parking lot, to come back to later.",
    discussion: """
      `roundtable agenda list` shows the parking lot, numbered; `roundtable unpark` takes a \
      topic onto the agenda.

      Example:
        roundtable park forum.roundtable "Council tax exemption"
      """
  )

  @OptionGroup var file: FileArgument
  @Argument(help: "The topic.") var title: String
  @OptionGroup var time: TimeOption

  func modelCommand(in state: MeetingState) throws -> Command {
    .park(title: title)
  }

  func run() throws {
    try reporting {
      try record(inFile: file.file).close()
    }
  }
}

struct UnparkCommand: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "unpark",
    abstract: "Take a topic from the parking lot onto the agenda (at the end, or at --position).",
    discussion: """
      The topic is its number in the parking lot (as `agenda list` shows it) or part of its title.

      Examples:
        roundtable unpark forum.roundtable council
        roundtable unpark forum.roundtable 1 --position 2
      """
  )

  @OptionGroup var file: FileArgument
  @Argument(help: "The parking-lot topic: its number or part of its title.") var item: String
  @Option(parsing: .unconditional, help: "Its place on the agenda, from 1 (default: the end).") var position:
    Int?
  @OptionGroup var time: TimeOption

  func modelCommand(in state: MeetingState) throws -> Command {
    .unpark(try state.parkedItemID(matching: item), position: position)
  }

  func run() throws {
    try reporting {
      try record(inFile: file.file).close()
    }
  }
}
