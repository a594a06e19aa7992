import ArgumentParser
import MeetingModel

/// `roundtable demo`: a realistic sample meeting.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Play a realistic sample co-production meeting.",
    discussion: """
      Plays a care leavers' housing forum through the meeting model, showing who gets the floor \
      and why, the decisions, and the voice balance. (The full-screen view comes with the \
      facilitator screen.)

      Example:
        roundtable demo
        roundtable demo --policy fifo     # the same hands, first come first served
      """
  )

  @Option(help: "Queue policy for the demo: balanced or fifo.")
  var policy: QueuePolicy.Ordering = .balanced

  func run() throws {
    var transcript = DemoTranscript()
    try DemoMeeting.play(policy: policy, into: &transcript)
    print(transcript.text, terminator: "")
  }
}

extension QueuePolicy.Ordering: ExpressibleByArgument {}
