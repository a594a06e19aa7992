import Foundation
import GRDB
import MeetingModel

extension MeetingStore {
  /// Waits until another process has appended events after `version`, or `timeout` passes, and
  /// returns the new events (none on time-out).
  ///
  /// It checks the log every `interval` (50 ms by default): a check is one indexed read of
  /// SQLite's shared-memory WAL index, a few microseconds, so waiting costs no measurable CPU
  /// while new events arrive well within 100 ms.
  public func waitForEvents(
    after version: Int64, timeout: Duration, interval: Duration = .milliseconds(50)
  ) throws -> [RecordedEvent] {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: timeout)
    while true {
      if try self.version() > version { return try events(after: version) }
      let now = clock.now
      guard now < deadline else { return [] }
      let pause = min(interval, now.duration(to: deadline))
      Thread.sleep(
        forTimeInterval: Double(pause.components.seconds) + Double(pause.components.attoseconds) / 1e18)
    }
  }
}
