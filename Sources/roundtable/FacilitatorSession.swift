import ArgumentParser
import Foundation
import MeetingModel
import MeetingStore
import TerminalUI

/// The facilitator screen's loop (Elm style): wait for an event, update, record commands in the
/// meeting file, pick up what other terminals recorded, render, draw what changed.
final class FacilitatorSession {
  let file: String
  let store: MeetingStore
  let backend: any TerminalBackend
  /// The wall clock, injected so that tests can hold time still.
  let clock: () -> Instant
  private(set) var state: MeetingState
  private(set) var ui: FacilitatorUI
  /// How long to wait for a key before looking at the file and the clock again.
  static let pollMilliseconds = 250

  init(
    file: String, store: MeetingStore, backend: any TerminalBackend, clock: @escaping () -> Instant,
    wrapUpSeconds: Int = MeetingState.defaultWrapUpSeconds
  ) throws {
    self.file = file
    self.store = store
    self.backend = backend
    self.clock = clock
    ui = FacilitatorUI(wrapUpSeconds: wrapUpSeconds)
    state = try store.replay()
  }

  /// Runs until the facilitator quits or a signal asks us to stop.
  ///
  /// Idle, it wakes four times a second to look for other terminals' events (one indexed read)
  /// and renders only when something on screen can have changed: a key, a resize, new events,
  /// or the clock passing a second (timers and countdowns).
  func run() {
    draw()
    while true {
      let event = backend.nextEvent(timeoutMilliseconds: Self.pollMilliseconds)
      switch event {
      case .interrupt: return
      case .key(let key):
        switch FacilitatorKeys.handle(key, ui: &ui, state: state) {
        case .quit: return
        case .record(let command): record(command, at: nil)
        case .commandLine(let line): runCommandLine(line)
        case .none: break
        }
      case .resize, nil: break
      }
      let version = state.version
      followOtherTerminals()
      if event != nil || state.version != version || clock().millisecondsSince1970 / 1000 != drawnSecond {
        draw()
      }
    }
  }

  /// The clock second the screen was last drawn for.
  private var drawnSecond: Int64 = -1

  func draw() {
    let size = backend.size
    let now = clock()
    drawnSecond = now.millisecondsSince1970 / 1000
    backend.draw(
      FacilitatorScreen.render(
        state: state, ui: ui, now: now, width: size.width, height: size.height,
        clockOffsetSeconds: now.localOffsetSeconds))
  }

  /// Another terminal's events arrive through the same fold as ours.
  private func followOtherTerminals() {
    do {
      try store.catchUp(&state)
    } catch {
      ui.message = .init("Cannot read the meeting file: \(error)", isError: true)
    }
  }

  /// Records `command` at `time`, or now (never before the file's last event) when nil.
  private func record(_ command: Command, at time: Instant?) {
    do {
      let recorded = try store.execute(command, on: &state, metadata: EventMetadata(terminal: "screen")) {
        [clock] latest in time ?? max(clock(), latest.lastEventTime ?? clock())
      }
      ui.message = .init(recorded.map { state.describe($0.event) }.joined(separator: "; "))
      ui.queueSelection = min(ui.queueSelection, max(0, state.entries.count - 1))
    } catch let refusal as Refusal {
      ui.message = .init(refusal.message, isError: true)
    } catch {
      ui.message = .init("\(error)", isError: true)
    }
  }

  /// Runs a verb typed at the `:` line, exactly as the command line would, on this meeting.
  func runCommandLine(_ line: String) {
    do {
      let words = try CommandLineWords.split(line)
      guard let verb = words.first else { return }
      let fileAt = verb == "agenda" ? 2 : 1
      guard words.count >= fileAt else { return }
      let arguments = Array(words.prefix(fileAt)) + [file] + Array(words.dropFirst(fileAt))
      let parsed = try Roundtable.parseAsRoot(arguments)
      if let verb = parsed as? any RecordingVerb {
        record(try verb.modelCommand(in: state), at: try verb.time.givenInstant())
      } else if let verb = parsed as? any ReportingVerb {
        ui.overlay = try verb.report(state: state, now: clock()) + ["", "Esc closes this."]
      } else {
        ui.message = .init("“\(verb)” works from the shell, not from the screen.", isError: true)
      }
    } catch let refusal as Refusal {
      ui.message = .init(refusal.message, isError: true)
    } catch let error as CommandLineWords.Problem {
      ui.message = .init(error.message, isError: true)
    } catch {
      let message = Roundtable.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
      ui.message = .init(message.replacingOccurrences(of: "Error: ", with: ""), isError: true)
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
