import Foundation
import MeetingModel
import TerminalUI

/// The meeting in memory, as a screen session sees it: commands are decided and applied at
/// once (no file, so no fsync), and commands queued in `fromOthers` arrive through `catchUp` as
/// another terminal's would.
private final class MemoryConnection: MeetingConnection {
  var ids = SequentialEventIDs(startingAfter: 10_000_000)
  var fromOthers: [Command] = []
  var clock: () -> Instant

  init(clock: @escaping () -> Instant) { self.clock = clock }

  func record(_ command: Command, on state: inout MeetingState, at time: Instant?) throws -> [RecordedEvent] {
    try state.execute(command, at: time ?? clock(), metadata: EventMetadata(terminal: "bench"), ids: &ids)
  }

  func catchUp(_ state: inout MeetingState) throws {
    for command in fromOthers { _ = try? state.execute(command, at: clock(), ids: &ids) }
    fromOthers = []
  }
}

/// A terminal that diffs each frame against the last, as the curses terminal does before
/// writing the changed cells.
private final class DiffingTerminal: TerminalBackend {
  let size: (width: Int, height: Int)
  var usesColor: Bool { true }
  var last: ScreenBuffer?
  var changedCells = 0

  init(width: Int, height: Int) { size = (width, height) }

  func draw(_ buffer: ScreenBuffer) {
    changedCells += buffer.changes(since: last).count
    last = buffer
  }

  func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? { nil }
  func restore() {}
}

/// 3. Key press to frame: `n` (next speaker) pressed on the facilitator's screen at 200×60 with
/// `participants` people and `history` events: the key handled, the command decided and applied,
/// the screen prepared, rendered and diffed. Against drawing the same screen alone. Before each
/// press (untimed) another terminal raises a hand, so the queue never runs dry.
func frameBenchmark(history: Int, participants: Int, presses: Int, report: Report) throws {
  let log = syntheticMeeting(events: history, participants: participants, seed: 7)
  var now = (log.last?.time ?? Instant(millisecondsSince1970: 0)).adding(seconds: 1)
  let connection = MemoryConnection(clock: { now })
  let terminal = DiffingTerminal(width: 200, height: 60)
  let session = FacilitatorSession(
    connection: connection, state: MeetingState(replaying: log), backend: terminal, clock: { now },
    runCommandLine: { _, _, _ in .message("No command line in the benchmark.", isError: true) })
  session.draw()
  var random = SplitMix(state: 99)
  var keyToFrame: [Double] = []
  var renderOnly: [Double] = []
  var recorded = 0
  for _ in 0..<presses {
    connection.fromOthers.append(
      .raiseHand(ParticipantID(Int.random(in: 1...participants, using: &random)), kind: .point))
    now = now.adding(seconds: 2)
    session.step(nil)
    now = now.adding(seconds: 1)
    let version = session.state.version
    var start = monotonic()
    session.step(.key(.character("n")))
    keyToFrame.append(monotonic() - start)
    if session.state.version > version { recorded += 1 }
    start = monotonic()
    session.draw()
    renderOnly.append(monotonic() - start)
  }
  guard recorded > 0 else { throw BenchError("no key press recorded a command") }
  let p99 = quantile(keyToFrame, 0.99)
  report.add(
    "3. key → frame, 200×60, \(participants) people, \(history) events (\(presses) presses, \(recorded) recorded)",
    figure: "p50 \(milliseconds(quantile(keyToFrame, 0.5))), p99 \(milliseconds(p99))",
    baseline: "render+diff alone p50 \(milliseconds(quantile(renderOnly, 0.5))), "
      + "p99 \(milliseconds(quantile(renderOnly, 0.99)))",
    ratio: "\(format(quantile(keyToFrame, 0.5) / quantile(renderOnly, 0.5))) × render (p50)",
    budget: "p99 < 2 ms (no fsync)", met: p99 < 0.002)
}
