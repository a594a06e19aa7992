import Foundation
import MeetingModel
import MeetingStore
import Synchronization
import TerminalUI

/// Set by Ctrl-C (SIGINT), SIGTERM or SIGHUP while the plain live mode runs: the loop looks at
/// it at least every 250 ms and ends cleanly. A lock-free atomic, the one thing a signal handler
/// may touch.
private let stopRequested = Atomic<Bool>(false)

/// Whether the plain live mode is asked for without `--plain`: `ACCESSIBLE` set and not empty.
var accessibleRequested: Bool {
  !(ProcessInfo.processInfo.environment["ACCESSIBLE"] ?? "").isEmpty
}

/// `roundtable watch FILE --plain [--as NAME]`: the meeting as plain lines, one per change, on
/// standard output (docs/accessibility.md). It starts with where the meeting is, then follows
/// the file as other terminals change it, as the screens do (every 250 ms). With `--as`, lines
/// typed on standard input raise and lower the person's own hand and send signals
/// (`PlainCommands`, which only lets through what the participant's screen permits).
///
/// End of input: from a terminal (Ctrl-D) it stops, like `quit`; from a pipe or /dev/null it
/// keeps watching, so that a braille display fed by a script that types nothing still follows
/// the meeting. Ctrl-C stops it at any time, with exit status 0.
func watchPlainly(file: String, as name: String?) throws {
  // A watcher who may not write to the file still watches; they are just not listed.
  let writable = name != nil || access(file, W_OK) == 0
  let store = try MeetingStore.open(at: file, access: writable ? .readWrite : .readOnly)
  var state = try replaying(store)
  let me: ParticipantID?
  do {
    me = try name.map { try state.participantID(named: $0) }
  } catch {
    try? store.close()
    throw error
  }
  let connection = StoreConnection(
    store: store,
    metadata: EventMetadata(
      author: me.map { state.name(of: $0) }, terminal: screenTerminalName(role: "participant")),
    presenceRole: writable ? "participant" : nil, clock: { Instant.now })
  for signal in [SIGINT, SIGTERM, SIGHUP] {
    _ = Glibc.signal(signal) { _ in stopRequested.store(true, ordering: .relaxed) }
  }
  let announcer = PlainAnnouncer(me: me)
  var now = Instant.now
  announce(announcer.summary(of: state, at: now))
  var input: TypedLines? = TypedLines(descriptor: STDIN_FILENO)
  let typingEndsWatching = isatty(STDIN_FILENO) == 1
  var lastTick = now
  var presenceSecond: Int64 = -1
  watching: while !stopRequested.load(ordering: .relaxed) {
    var typed: [String] = []
    if let reader = input {
      let (lines, ended) = reader.wait(milliseconds: ScreenSession<ParticipantScreen>.pollMilliseconds)
      typed = lines
      if ended {
        input = nil
        if typingEndsWatching { break watching }
        if me != nil { announce(["Nothing more can be typed here. Still watching. Press Ctrl-C to stop."]) }
      }
    } else {
      _ = poll(nil, 0, Int32(ScreenSession<ParticipantScreen>.pollMilliseconds))
    }
    for line in typed {
      switch PlainCommands.respond(to: line, me: me, state: state, announcer: announcer, now: Instant.now) {
      case .say(let lines): announce(lines)
      case .quit: break watching
      case .record(let command):
        let before = state
        do {
          _ = try connection.record(command, on: &state, at: nil)
          announce([PlainCommands.confirmation(for: command)])
        } catch let refusal as Refusal {
          announce([refusal.message])
        } catch let error as StoreError {
          announce(["That could not be saved: \(error.message)"])
        }
        announce(announcer.changes(from: before, to: state, at: Instant.now))
      }
    }
    let before = state
    do {
      try connection.catchUp(&state)
    } catch {
      connection.disconnect()
      try? store.close()
      throw error
    }
    now = Instant.now
    announce(announcer.changes(from: before, to: state, at: now))
    announce(announcer.clockNotices(state, from: lastTick, to: now))
    lastTick = now
    let second = now.millisecondsSince1970 / 1000
    if second - presenceSecond >= ScreenSession<ParticipantScreen>.presenceSeconds {
      presenceSecond = second
      connection.keepAlive(at: now)
    }
  }
  announce(["Stopped watching."])
  connection.disconnect()
  try store.close()
}

/// Lines typed on a file descriptor, read without blocking the watch loop.
final class TypedLines {
  let descriptor: Int32
  private var pending: [UInt8] = []

  init(descriptor: Int32) { self.descriptor = descriptor }

  /// Waits up to `milliseconds` for input; returns the whole lines that arrived and whether the
  /// input has ended (a last line without a line break counts as a line).
  func wait(milliseconds: Int) -> (lines: [String], ended: Bool) {
    var watched = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    let ready = poll(&watched, 1, Int32(milliseconds))
    guard ready > 0 else { return ([], false) }
    if watched.revents & Int16(POLLNVAL) != 0 { return (takeLines(final: true), true) }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = read(descriptor, &buffer, buffer.count)
    if count < 0 && (errno == EINTR || errno == EAGAIN) { return ([], false) }
    guard count > 0 else { return (takeLines(final: true), true) }
    pending += buffer[0..<count]
    return (takeLines(final: false), false)
  }

  private func takeLines(final: Bool) -> [String] {
    var lines: [String] = []
    while let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
      lines.append(Self.text(pending[..<end]))
      pending.removeSubrange(...end)
    }
    if final && !pending.isEmpty {
      lines.append(Self.text(pending[...]))
      pending = []
    }
    return lines
  }

  private static func text(_ bytes: ArraySlice<UInt8>) -> String {
    var line = String(decoding: bytes, as: UTF8.self)
    if line.hasSuffix("\r") { line.removeLast() }
    return line
  }
}
