import ArgumentParser
import Foundation
import MeetingModel
import MeetingStore

struct RoundCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "round",
    abstract: "Run a go-round: everyone in turn, and anyone may pass.",
    discussion: """
      Examples:
        roundtable round start forum.roundtable --topic "One word for today"
        roundtable round next forum.roundtable
        roundtable round pass forum.roundtable
        roundtable round end forum.roundtable
      """,
    subcommands: [RoundStart.self, RoundNext.self, RoundPass.self, RoundEnd.self]
  )
}

/// What a go-round verb prints after its events: who comes next in the round.
private func printRoundPlace(_ state: MeetingState) {
  guard let round = state.round else { return }
  if let upcoming = round.upcoming {
    say("Next in the round: \(state.name(of: upcoming)) (\(round.done + 1) of \(round.order.count)).")
  } else {
    say("Everyone has had their turn in the round.")
  }
}

struct RoundStart: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "start",
    abstract: "Start a go-round (the current turn ends); `round next` gives the floor to the first person.",
    discussion: """
      Without --order, everyone present who speaks takes part, in joining order.

      Examples:
        roundtable round start forum.roundtable
        roundtable round start forum.roundtable --order zoe,siobhan,ben --topic "First homes"
      """
  )

  @OptionGroup var file: FileArgument
  @Option(help: "Who takes part, in order: NAME,NAME,… (part of each name is enough).") var order: String?
  @Option(help: "What the round is about.") var topic: String?
  @OptionGroup var time: TimeOption

  func modelCommand(in state: MeetingState) throws -> Command {
    let names = order?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    return .startRound(order: try names?.map { try state.participantID(named: $0) }, topic: topic)
  }

  func run() throws {
    try reporting {
      let session = try record(inFile: file.file)
      printRoundPlace(session.state)
      try session.close()
    }
  }
}

struct RoundNext: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "next",
    abstract: "End the current turn and give the floor to the next person in the go-round.",
    discussion: "Example:\n  roundtable round next forum.roundtable"
  )

  @OptionGroup var file: FileArgument
  @OptionGroup var time: TimeOption

  func modelCommand(in state: MeetingState) throws -> Command {
    guard state.round != nil else {
      throw Refusal(
        .noRound, "There is no go-round in progress; `next` gives the floor to the head of the queue.")
    }
    return .nextSpeaker
  }

  func run() throws {
    try reporting {
      let session = try record(inFile: file.file)
      printRoundPlace(session.state)
      try session.close()
    }
  }
}

struct RoundPass: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "pass",
    abstract: "The next person in the go-round passes (a pass is respected, and recorded as such).",
    discussion: "Example:\n  roundtable round pass forum.roundtable"
  )

  @OptionGroup var file: FileArgument
  @OptionGroup var time: TimeOption

  func modelCommand(in state: MeetingState) throws -> Command {
    .passInRound
  }

  func run() throws {
    try reporting {
      let session = try record(inFile: file.file)
      printRoundPlace(session.state)
      try session.close()
    }
  }
}

struct RoundEnd: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "end",
    abstract: "End the go-round (and the turn of whoever is speaking in it).",
    discussion: "Example:\n  roundtable round end forum.roundtable"
  )

  @OptionGroup var file: FileArgument
  @OptionGroup var time: TimeOption

  func modelCommand(in state: MeetingState) throws -> Command {
    .endRound
  }

  func run() throws {
    try reporting {
      try record(inFile: file.file).close()
    }
  }
}
