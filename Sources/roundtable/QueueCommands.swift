import ArgumentParser
import Foundation
import MeetingModel
import MeetingStore

struct HandCommand: RecordingVerb {
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

  func modelCommand(in state: MeetingState) throws -> Command {
    .raiseHand(try state.participantID(named: name), kind: kind)
  }

  func run() throws {
    try reporting {
      let session = try record(inFile: file.file, quiet: true)
      let id = try session.participant(name)
      let now = session.state.lastEventTime ?? Instant.now
      if let place = session.state.speakingQueue(at: now, clockOffsetSeconds: now.localOffsetSeconds).first(
        where: {
          $0.participant == id
        })
      {
        say(
          "\(place.name)'s hand is up: \(ordinal(place.position)) in the queue "
            + "(\(place.reasons.joined(separator: "; "))).")
      }
      try session.close()
    }
  }

}

struct LowerCommand: RecordingVerb {
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

  func modelCommand(in state: MeetingState) throws -> Command {
    .lowerHand(try state.participantID(named: name), byFacilitator: byFacilitator)
  }

  func run() throws {
    try reporting {
      try record(inFile: file.file).close()
    }
  }

}

struct NextCommand: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "next",
    abstract: "End the current turn and give the floor to the head of the queue.",
    discussion: "Example:\n  roundtable next forum.roundtable"
  )

  @OptionGroup var file: FileArgument
  @OptionGroup var time: TimeOption

  func modelCommand(in state: MeetingState) throws -> Command {
    .nextSpeaker
  }

  func run() throws {
    try reporting {
      let session = try record(inFile: file.file)
      if session.state.currentTurn == nil { say("Nobody is waiting to speak.") }
      let now = session.state.lastEventTime ?? Instant.now
      if let upNext = session.state.speakingQueue(at: now, clockOffsetSeconds: now.localOffsetSeconds).first {
        say("Up next: \(upNext.name) (\(upNext.reasons.joined(separator: "; "))).")
      }
      try session.close()
    }
  }

}

struct DoneCommand: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "done",
    abstract: "End the current turn.",
    discussion: "Example:\n  roundtable done forum.roundtable"
  )

  @OptionGroup var file: FileArgument
  @OptionGroup var time: TimeOption

  func modelCommand(in state: MeetingState) throws -> Command {
    .endTurn
  }

  func run() throws {
    try reporting {
      let session = try record(inFile: file.file)
      if let turn = session.state.turns.last {
        say(
          "Turn length: \(formatDuration(seconds: turn.milliseconds(at: turn.end ?? turn.start) / 1000)).")
      }
      try session.close()
    }
  }

}

struct MoveCommand: RecordingVerb {
  static let configuration = CommandConfiguration(
    commandName: "move",
    abstract: "Put a waiting hand at a fixed place in the queue, with a reason everyone sees.",
    discussion: "Example:\n  roundtable move forum.roundtable Tom --to 1 --reason \"leads this item\""
  )

  @OptionGroup var file: FileArgument
  @Argument(help: "Whose hand.") var name: String
  @Option(parsing: .unconditional, help: "The place, from 1.") var to: Int
  @Option(help: "Why (shown to everyone).") var reason: String
  @OptionGroup var time: TimeOption

  func modelCommand(in state: MeetingState) throws -> Command {
    .moveEntry(try state.participantID(named: name), to: to, reason: reason)
  }

  func run() throws {
    try reporting {
      try record(inFile: file.file).close()
    }
  }

}

struct QueueCommand: ReportingVerb {
  static let configuration = CommandConfiguration(
    commandName: "queue",
    abstract: "Show the speaking queue in order, with the reasons for each place.",
    discussion: """
      While someone speaks, their turn so far counts (in the group shares too), so the first \
      place is who `roundtable next` would give the floor to at that moment.

      Examples:
        roundtable queue forum.roundtable
        roundtable queue forum.roundtable --json
        roundtable queue forum.roundtable --at 2026-11-21T10:05:00Z
      """
  )

  @OptionGroup var file: FileArgument
  @Flag(help: "Print JSON: an array in queue order with name, kind, position and reasons.") var json = false
  @Option(
    help: "The queue as it stands at this ISO-8601 time: a turn still going on counts up to it (default now)."
  )
  var at: String?

  struct Place: Encodable {
    var position: Int
    var name: String
    var participant: Int
    var kind: EntryKind
    var raisedAt: Instant
    var reasons: [String]
  }

  func report(state: MeetingState, now: Instant) throws -> [String] {
    var lines: [String] = []
    if let turn = state.currentTurn {
      lines.append(
        "Speaking: \(state.name(of: turn.participant)) (\(turn.kind.label), since \(turn.start.localTimeOfDay))"
      )
    }
    let queue = state.speakingQueue(at: now, clockOffsetSeconds: now.localOffsetSeconds)
    guard !queue.isEmpty else { return lines + ["Nobody is waiting to speak."] }
    let rows = queue.map { ["\($0.position).", $0.name, $0.kind.label, $0.reasons.joined(separator: "; ")] }
    lines += Table(headers: ["#", "Name", "Kind", "Why"], rows: rows).lines
    lines.append("Policy: \(state.describe(state.policy))")
    return lines
  }

  func run() throws {
    try reporting {
      let session = try MeetingSession(file: file.file, access: .readOnly)
      let now = try TimeOption(at: at).givenInstant() ?? Instant.nowAfter(session.state)
      guard json else {
        say(lines: try report(state: session.state, now: now))
        return
      }
      try printJSON(
        session.state.speakingQueue(at: now).map {
          Place(
            position: $0.position, name: $0.name, participant: $0.participant.rawValue, kind: $0.kind,
            raisedAt: $0.raisedAt, reasons: $0.reasons)
        })
    }
  }

}
