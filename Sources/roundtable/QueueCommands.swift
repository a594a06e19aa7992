import ArgumentParser
import Foundation
import MeetingModel
import MeetingStore

struct HandCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hand",
    abstract: "Raise someone's hand.",
    discussion: """
      Kinds, in the order they are heard: process (point of process), clarify (clarifying \
      question), response (direct response to the person speaking), point (a new point, the \
      default; ordered by the meeting's policy).

      Examples:
        roundtable hand forum.roundtable Siobhán
        roundtable hand forum.roundtable tom --kind response
      """
  )

  @OptionGroup var file: FileArgument
  @Argument(help: "Whose hand (part of the name is enough).") var name: String
  @Option(help: "point (default), response, clarify or process.") var kind: EntryKind = .point
  @OptionGroup var time: TimeOption

  func run() throws {
    try reporting {
      var session = try MeetingSession(file: file.file, access: .readWrite)
      let id = try session.participant(name)
      try session.record(.raiseHand(id, kind: kind), at: time.instant(), quiet: true)
      if let place = session.state.speakingQueue.first(where: { $0.participant == id }) {
        print(
          "\(place.name)'s hand is up: \(ordinal(place.position)) in the queue (\(place.reasons.joined(separator: "; ")))."
        )
      }
      try session.close()
    }
  }
}

struct LowerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lower",
    abstract: "Lower someone's hand.",
    discussion: """
      Examples:
        roundtable lower forum.roundtable Siobhán
        roundtable lower forum.roundtable tom --by-facilitator
      """
  )

  @OptionGroup var file: FileArgument
  @Argument(help: "Whose hand.") var name: String
  @Flag(help: "The facilitator lowered it (recorded as such).") var byFacilitator = false
  @OptionGroup var time: TimeOption

  func run() throws {
    try reporting {
      var session = try MeetingSession(file: file.file, access: .readWrite)
      try session.record(
        .lowerHand(session.participant(name), byFacilitator: byFacilitator), at: time.instant())
      try session.close()
    }
  }
}

struct NextCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "next",
    abstract: "End the current turn and give the floor to the head of the queue.",
    discussion: "Example:\n  roundtable next forum.roundtable"
  )

  @OptionGroup var file: FileArgument
  @OptionGroup var time: TimeOption

  func run() throws {
    try reporting {
      var session = try MeetingSession(file: file.file, access: .readWrite)
      try session.record(.nextSpeaker, at: time.instant())
      if session.state.currentTurn == nil { print("Nobody is waiting to speak.") }
      if let upNext = session.state.speakingQueue.first {
        print("Up next: \(upNext.name) (\(upNext.reasons.joined(separator: "; "))).")
      }
      try session.close()
    }
  }
}

struct DoneCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "done",
    abstract: "End the current turn.",
    discussion: "Example:\n  roundtable done forum.roundtable"
  )

  @OptionGroup var file: FileArgument
  @OptionGroup var time: TimeOption

  func run() throws {
    try reporting {
      var session = try MeetingSession(file: file.file, access: .readWrite)
      try session.record(.endTurn, at: time.instant())
      if let turn = session.state.turns.last {
        print(
          "Turn length: \(formatDuration(seconds: turn.milliseconds(at: turn.end ?? turn.start) / 1000)).")
      }
      try session.close()
    }
  }
}

struct MoveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "move",
    abstract: "Put a waiting hand at a fixed place in the queue, with a reason everyone sees.",
    discussion: "Example:\n  roundtable move forum.roundtable Tom --to 1 --reason \"leads this item\""
  )

  @OptionGroup var file: FileArgument
  @Argument(help: "Whose hand.") var name: String
  @Option(help: "The place, from 1.") var to: Int
  @Option(help: "Why (shown to everyone).") var reason: String
  @OptionGroup var time: TimeOption

  func run() throws {
    try reporting {
      var session = try MeetingSession(file: file.file, access: .readWrite)
      try session.record(.moveEntry(session.participant(name), to: to, reason: reason), at: time.instant())
      try session.close()
    }
  }
}

struct QueueCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "queue",
    abstract: "Show the speaking queue in order, with the reasons for each place.",
    discussion: """
      Examples:
        roundtable queue forum.roundtable
        roundtable queue forum.roundtable --json
      """
  )

  @OptionGroup var file: FileArgument
  @Flag(help: "Print JSON: an array in queue order with name, kind, position and reasons.") var json = false

  struct Place: Encodable {
    var position: Int
    var name: String
    var participant: Int
    var kind: EntryKind
    var raisedAt: Instant
    var reasons: [String]
  }

  func run() throws {
    try reporting {
      let session = try MeetingSession(file: file.file, access: .readOnly)
      let state = session.state
      let queue = state.speakingQueue
      if json {
        try printJSON(
          queue.map {
            Place(
              position: $0.position, name: $0.name, participant: $0.participant.rawValue, kind: $0.kind,
              raisedAt: $0.raisedAt, reasons: $0.reasons)
          })
        return
      }
      if let turn = state.currentTurn {
        print(
          "Speaking: \(state.name(of: turn.participant)) (\(turn.kind.label), since \(turn.start.timeOfDay))")
      }
      guard !queue.isEmpty else {
        print("Nobody is waiting to speak.")
        return
      }
      let rows = queue.map {
        ["\($0.position).", $0.name, $0.kind.label, $0.reasons.joined(separator: "; ")]
      }
      print(Table(headers: ["#", "Name", "Kind", "Why"], rows: rows).text, terminator: "")
      print("Policy: \(state.describe(state.policy))")
    }
  }
}
