import ArgumentParser
import Foundation
import MeetingModel
import MeetingStore

struct ContributeCommand: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "contribute",
    abstract: "Record a written or supported contribution: it counts as voice, like airtime.",
    discussion: """
      A written contribution (a sticky note, the chat, a card read out) or one made with \
      support or by a proxy is credited to the person as --credit seconds of airtime (default \
      60), in the queue and in the stats, on the current item.

      Examples:
        roundtable contribute forum.roundtable zoe --written "Offers come too late to plan a move"
        roundtable contribute forum.roundtable siobhan --supported-by ama --text "I want a say in where I live"
        roundtable contribute forum.roundtable zoe --written "Thank you" --credit 20
      """
  )

  @OptionGroup var file: FileArgument
  @Argument(help: "Whose contribution (part of the name is enough).") var name: String
  @Option(help: "What the person wrote.") var written: String?
  @Option(name: .customLong("supported-by"), help: "Who supported or relayed it (a supported contribution).")
  var supportedBy: String?
  @Option(help: "What was said, for a supported contribution.") var text: String?
  @Option(parsing: .unconditional, help: "Seconds of airtime to credit, 0 to 3600 (default 60).") var credit =
    60
  @OptionGroup var time: TimeOption

  func validate() throws {
    if written == nil && supportedBy == nil {
      throw ValidationError("Give --written TEXT, or --supported-by NAME with --text TEXT.")
    }
    if written != nil && text != nil {
      throw ValidationError("A written contribution's words go in --written; --text is for a supported one.")
    }
  }

  func modelCommand(in state: MeetingState) throws -> Command {
    let person = try state.participantID(named: name)
    let supporter = try supportedBy.map { try state.participantID(named: $0) }
    if let written {
      return .recordContribution(
        person, mode: .written, text: written, creditSeconds: credit, supporter: supporter)
    }
    return .recordContribution(
      person, mode: .supported, text: text ?? "", creditSeconds: credit, supporter: supporter)
  }

  func run() throws {
    try reporting {
      try record(inFile: file.file).close()
    }
  }
}
