import ArgumentParser
import Foundation
import MeetingModel
import MeetingStore

/// `roundtable demo`: a realistic sample meeting, opened full screen.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Open a realistic sample co-production meeting, full screen.",
    discussion: """
      Creates a care leavers' housing forum that has been running for about eighteen minutes \
      (seven people, an agenda, some history, a decision, a signal, a turn in progress) and \
      opens it on the facilitator screen. Chair it with the keyboard: n gives the floor to the \
      head of the queue, ? lists every key, q quits. Without a file name the meeting lives in a \
      private temporary file, removed on exit.

      With --transcript, or when not run in a terminal, it prints the meeting as a narrated \
      transcript instead: who got the floor and why, the decision, and the voice balance.

      Examples:
        roundtable demo
        roundtable demo forum.roundtable        # keep the meeting in this file
        roundtable demo --policy fifo --transcript
        roundtable demo --wrap-up 0             # no wrap-up cue
      """
  )

  @Argument(help: "Keep the demo meeting in this new file.") var file: String?
  @Option(help: "Queue policy for the demo: balanced or fifo.") var policy: QueuePolicy.Ordering = .balanced
  @Flag(help: "Print the meeting as a narrated transcript instead of opening the screen.") var transcript =
    false
  @OptionGroup var screen: ScreenOptions

  func run() throws {
    try reporting {
      // A file given is created, so it must not exist, terminal or not.
      if let file, anythingIsAt(file) {
        throw StoreError(.alreadyExists, "\(file) already exists; choose another name (nothing was changed).")
      }
      guard !transcript, isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
        var text = DemoTranscript()
        try DemoMeeting.play(policy: policy, into: &text)
        sayDocument(text.text)
        return
      }
      // Play it once to learn how long it runs, then again so that it ends now.
      var scratch = DemoTranscript()
      let length =
        try DemoMeeting.play(policy: policy, into: &scratch).last.map {
          $0.time.milliseconds(since: DemoMeeting.start)
        } ?? 0
      let events = try DemoMeeting.play(
        policy: policy, from: Instant.now.adding(milliseconds: -length), into: &scratch)
      var folder: URL?
      let path: String
      if let file {
        path = file
      } else {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
          "roundtable-demo-\(getpid())")
        try FileManager.default.createDirectory(
          at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        folder = directory
        path = directory.appendingPathComponent("demo.roundtable").path
      }
      defer { if let folder { try? FileManager.default.removeItem(at: folder) } }
      try createMeetingFile(at: path, from: events).close()
      try openScreen(file: path, options: screen)
      if file != nil { say("The demo meeting is in \(path).") }
    }
  }
}

extension QueuePolicy.Ordering: ExpressibleByArgument {}

/// Whether anything, even a link pointing nowhere, is at `path`.
private func anythingIsAt(_ path: String) -> Bool {
  var info = stat()
  return lstat(path, &info) == 0
}
