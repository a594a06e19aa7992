import MeetingModel

/// How the simulated facilitator gives the floor. Every way is a sequence of the model's own
/// commands, so the simulation describes the shipped behaviour.
public enum Facilitation: Equatable, Sendable {
  /// The meeting runs with this queue policy; whenever the floor is free and someone is waiting,
  /// the facilitator says `next` (`Command.nextSpeaker`) and the queue decides who speaks.
  /// With `wrapUpAfter` above 0 the facilitator also acts on the screen's wrap-up cue
  /// (`MeetingState.wrapUpCue(at:afterSeconds:)`, shown after that many seconds of a turn): as
  /// soon as it shows, they ask the speaker to wrap up; the speaker finishes within 10 seconds,
  /// then the facilitator says `next`. They look at the screen every 5 seconds once the cue may
  /// show, and whenever a hand goes up.
  case queue(QueuePolicy, wrapUpAfter: Int = 0)
  /// Round-robin: go-rounds one after another (`Command.startRound`), each starting one person
  /// further along the table; in a round, everyone in turn speaks if their hand is up and passes
  /// otherwise (`Command.passInRound`), so nobody speaks twice before everyone waiting has
  /// spoken once. A new round starts when the floor is free and someone is waiting.
  case rounds
}

/// The policies the study compares, by the names the command line uses.
public enum StudyPolicy: String, CaseIterable, Codable, Sendable {
  /// First come, first served (`QueuePolicy.fifo`).
  case fifo
  /// The shipped default (`QueuePolicy.balanced`), with the study's group targets; the
  /// facilitator acts on the screen's wrap-up cue.
  case balanced
  /// A strict progressive stack, as near as the model's policy can express it: the priority
  /// group is given a 100% target and the starvation guard is off, so its hands always go before
  /// the others'; the model's first-voice rule still comes first (someone not yet heard goes
  /// before someone who has been, whatever their group), and within a group less airtime, then
  /// arrival, decides.
  case progressive
  /// Go-rounds one after another (`Facilitation.rounds`).
  case roundRobin = "round-robin"

  /// How the facilitator runs the meeting under this policy: `targets` are the group targets
  /// the balanced policy works toward (empty: equal shares for the groups present, the
  /// product's default), `starvationLimit` its starvation guard (the product's default is 3; 0
  /// turns it off), `wrapUpAfter` when the facilitator running `balanced` acts on the wrap-up cue
  /// (the screen's default, 30 s; 0: never), `priorityGroup` the group a progressive stack puts
  /// first.
  public func facilitation(
    targets: [GroupTarget], starvationLimit: Int = QueuePolicy.balanced.starvationLimit,
    wrapUpAfter: Int = MeetingState.defaultWrapUpSeconds, priorityGroup: String = GroupTag.livedExperience
  ) -> Facilitation {
    switch self {
    case .fifo: .queue(.fifo)
    case .balanced:
      .queue(QueuePolicy(starvationLimit: starvationLimit, groupTargets: targets), wrapUpAfter: wrapUpAfter)
    case .progressive:
      .queue(QueuePolicy(starvationLimit: 0, groupTargets: [GroupTarget(tag: priorityGroup, share: 1)]))
    case .roundRobin: .rounds
    }
  }
}
