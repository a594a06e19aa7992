import ArgumentParser
import Foundation
import MeetingModel
import MeetingStore
import TerminalUI

/// The meeting file as a screen session sees it: commands are decided against the latest file
/// under its write lock and recorded with this terminal's name; the screen says it is here in
/// the file's presence table (when it may write) and reads who else is.
final class StoreConnection: MeetingConnection {
  let store: MeetingStore
  let metadata: EventMetadata
  let clock: () -> Instant
  /// The role this terminal is listed under; nil lists it nowhere (a read-only watcher).
  let presenceRole: String?
  private var presence: PresenceToken?

  init(store: MeetingStore, metadata: EventMetadata, presenceRole: String?, clock: @escaping () -> Instant) {
    self.store = store
    self.metadata = metadata
    self.presenceRole = presenceRole
    self.clock = clock
  }

  /// Now, or at `time`; never before the file's last event.
  func record(_ command: Command, on state: inout MeetingState, at time: Instant?) throws -> [RecordedEvent] {
    try store.execute(command, on: &state, metadata: metadata) { [clock] latest in
      time ?? max(clock(), latest.lastEventTime ?? clock())
    }
  }

  func catchUp(_ state: inout MeetingState) throws { try store.catchUp(&state) }

  /// A heartbeat in the presence table. A busy file skips one; the next one comes in seconds.
  func keepAlive(at time: Instant) {
    guard let role = presenceRole else { return }
    if let presence {
      try? store.refreshPresence(presence, at: time)
    } else {
      presence = try? store.announcePresence(
        role: role, terminal: metadata.terminal ?? role, name: metadata.author, at: time)
    }
  }

  func connectedTerminals(at time: Instant) -> [ConnectedTerminal] {
    ((try? store.presence(at: time)) ?? []).map {
      ConnectedTerminal(role: $0.role, terminal: $0.terminal, name: $0.name)
    }
  }

  func disconnect() {
    if let presence { try? store.withdrawPresence(presence) }
    presence = nil
  }
}

/// Runs a verb typed at the screen's `:` line exactly as the command line would, on `file`.
enum ScreenCommandLine {
  /// Verbs that open or create files or take over the terminal: they work from the shell only.
  static let shellOnly: Set<String> = [
    "new", "run", "watch", "demo", "import", "export", "simulate", "study",
  ]

  /// The verbs the `:` line takes, with what each does (`:help`).
  static var helpLines: [String] {
    let verbs = Roundtable.configuration.subcommands.map { configurationOf($0) }
      .filter { !shellOnly.contains($0.commandName ?? "") }
    let width = (verbs.map { ($0.commandName ?? "").count }.max() ?? 0) + 2
    return ["Verbs for the : line (the meeting file is filled in)", ""]
      + verbs.map { verb in
        let name = verb.commandName ?? ""
        return name + String(repeating: " ", count: max(1, width - name.count)) + verb.abstract
      }
      + ["", "Example: :hand amira --kind response   :decide \"Meet monthly\" --method consent"]
  }

  /// The configuration of the verb called `name`, if there is one.
  static func verbConfiguration(_ name: String) -> CommandConfiguration? {
    for verb in Roundtable.configuration.subcommands {
      let configuration = configurationOf(verb)
      if configuration.commandName == name { return configuration }
    }
    return nil
  }

  static func configurationOf(_ verb: any ParsableCommand.Type) -> CommandConfiguration { verb.configuration }

  static func verbName(_ verb: any ParsableCommand.Type) -> String { configurationOf(verb).commandName ?? "" }

  static func run(_ line: String, file: String, state: MeetingState, now: Instant) -> CommandLineOutcome {
    do {
      let words = try CommandLineWords.split(line)
      guard let verb = words.first else { return .message("", isError: false) }
      if verb == "help" || verb == "?" { return .show(helpLines) }
      guard let configuration = verbConfiguration(verb) else {
        return .message("unknown command '\(verb)' — :help lists them", isError: true)
      }
      if shellOnly.contains(verb) {
        return .message("“\(verb)” works from the shell, not from the screen.", isError: true)
      }
      // A group (`agenda add`, `round start`) takes the file after its step word.
      let fileAt = configuration.subcommands.isEmpty ? 1 : 2
      guard words.count >= fileAt else {
        let steps = configuration.subcommands.map { verbName($0) }
        return .message("\(verb) needs a step: \(steps.joined(separator: ", "))", isError: true)
      }
      let arguments = Array(words.prefix(fileAt)) + [file] + Array(words.dropFirst(fileAt))
      let parsed = try Roundtable.parseAsRoot(arguments)
      if let verb = parsed as? any RecordingVerb {
        return .record(try verb.modelCommand(in: state), at: try verb.time.givenInstant())
      } else if let verb = parsed as? any ReportingVerb {
        return .show(try verb.report(state: state, now: now))
      } else {
        return .message("“\(verb)” works from the shell, not from the screen.", isError: true)
      }
    } catch let refusal as Refusal {
      return .message(refusal.message, isError: true)
    } catch let error as CommandLineWords.Problem {
      return .message(error.message, isError: true)
    } catch {
      let message = Roundtable.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
      // The file is filled in by the screen: a message never echoes it back.
      return .message(
        message.replacingOccurrences(of: "Error: ", with: "").replacingOccurrences(
          of: file, with: "the meeting"),
        isError: true)
    }
  }
}

/// Splits a typed command line into words the way a shell would for simple cases: spaces
/// separate words, and single or double quotes keep spaces inside a word.
enum CommandLineWords {
  struct Problem: Error {
    var message: String
  }

  static func split(_ line: String) throws -> [String] {
    var words: [String] = []
    var current = ""
    var inWord = false
    var quote: Character?
    for character in line {
      if let open = quote {
        if character == open { quote = nil } else { current.append(character) }
      } else if character == "\"" || character == "'" {
        quote = character
        inWord = true
      } else if character.isWhitespace {
        if inWord { words.append(current) }
        current = ""
        inWord = false
      } else {
        current.append(character)
        inWord = true
      }
    }
    if quote != nil { throw Problem(message: "A quote is not closed.") }
    if inWord { words.append(current) }
    return words
  }
}
