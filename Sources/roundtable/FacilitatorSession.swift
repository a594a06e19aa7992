import ArgumentParser
import Foundation
import MeetingModel
import MeetingStore
import TerminalUI

/// The meeting file as a screen session sees it: commands are decided against the latest file
/// under its write lock and recorded with this terminal's name.
final class StoreConnection: MeetingConnection {
  let store: MeetingStore
  let metadata: EventMetadata
  let clock: () -> Instant

  init(store: MeetingStore, metadata: EventMetadata, clock: @escaping () -> Instant) {
    self.store = store
    self.metadata = metadata
    self.clock = clock
  }

  /// Now, or at `time`; never before the file's last event.
  func record(_ command: Command, on state: inout MeetingState, at time: Instant?) throws -> [RecordedEvent] {
    try store.execute(command, on: &state, metadata: metadata) { [clock] latest in
      time ?? max(clock(), latest.lastEventTime ?? clock())
    }
  }

  func catchUp(_ state: inout MeetingState) throws { try store.catchUp(&state) }
}

/// Runs a verb typed at the screen's `:` line exactly as the command line would, on `file`.
enum ScreenCommandLine {
  static func run(_ line: String, file: String, state: MeetingState, now: Instant) -> CommandLineOutcome {
    do {
      let words = try CommandLineWords.split(line)
      guard let verb = words.first else { return .message("", isError: false) }
      let fileAt = verb == "agenda" ? 2 : 1
      guard words.count >= fileAt else {
        return .message("agenda needs a step: :agenda add TITLE", isError: true)
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
      return .message(message.replacingOccurrences(of: "Error: ", with: ""), isError: true)
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
