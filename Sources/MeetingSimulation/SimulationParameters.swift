import MeetingModel

/// One group of simulated people, such as the lived-experience members of a forum.
public struct SimulatedGroup: Equatable, Sendable {
  /// The tag everyone in the group joins with; the queue's groups are tags.
  public var tag: String
  public var size: Int
  /// How often each member raises a hand, relative to the other groups (1: the reference).
  public var rateMultiplier: Double
  /// How long the group's turns are, relative to `SimulationParameters.meanTurnSeconds`; each
  /// meeting draws one value uniformly from this range.
  public var turnLengthMultiplier: ClosedRange<Double>

  public init(
    tag: String, size: Int, rateMultiplier: Double = 1, turnLengthMultiplier: ClosedRange<Double> = 1...1
  ) {
    self.tag = tag
    self.size = size
    self.rateMultiplier = rateMultiplier
    self.turnLengthMultiplier = turnLengthMultiplier
  }
}

/// How the simulated people behave and how long the meeting runs.
///
/// Hands go up as a Poisson process per person: while someone has neither a hand up nor the
/// floor, their next hand comes after an exponential wait (someone whose hand is up does not
/// raise it again). Each person's rate is their group's multiplier times a log-normal
/// individual factor (mean 1, log-scale spread `rateSigma`), and all rates are scaled together
/// so that the time people would ask for, if every hand were heard at once, is `demand` times
/// the meeting's length. Each hand asks for a turn of log-normal length (mean:
/// `meanTurnSeconds` times the group's turn-length multiplier, log-scale spread
/// `turnLengthSigma`). A hand not given the floor within `maxWaitSeconds` is lowered.
public struct SimulationParameters: Equatable, Sendable {
  public var groups: [SimulatedGroup]
  /// Speaking time people would ask for if every hand were heard at once, over the time
  /// available: 1.5 means they would fill one and a half meetings. Below the number of people
  /// (each person can at most want to speak all the time).
  public var demand: Double
  public var meetingSeconds: Int
  public var meanTurnSeconds: Double
  public var turnLengthSigma: Double
  public var rateSigma: Double
  /// A hand still waiting after this long is lowered (the person gives up).
  public var maxWaitSeconds: Int
  /// Agenda items, of equal length, one after another; 0 runs the meeting without an agenda.
  public var agendaItems: Int
  /// Stop once at least this many events have been recorded (then the meeting closes), even if
  /// time is left; nil: run for `meetingSeconds`.
  public var eventLimit: Int?
  /// When the meeting starts (the events' clock).
  public var start: Instant

  public init(
    groups: [SimulatedGroup], demand: Double = 1.5, meetingSeconds: Int = 3600, meanTurnSeconds: Double = 60,
    turnLengthSigma: Double = 0.8, rateSigma: Double = 0.5, maxWaitSeconds: Int = 600, agendaItems: Int = 1,
    eventLimit: Int? = nil, start: Instant = SimulationParameters.defaultStart
  ) {
    self.groups = groups
    self.demand = demand
    self.meetingSeconds = meetingSeconds
    self.meanTurnSeconds = meanTurnSeconds
    self.turnLengthSigma = turnLengthSigma
    self.rateSigma = rateSigma
    self.maxWaitSeconds = maxWaitSeconds
    self.agendaItems = agendaItems
    self.eventLimit = eventLimit
    self.start = start
  }

  /// 2026-01-05T10:00:00Z.
  public static let defaultStart = Instant(secondsSince1970: 1_767_607_200)

  /// The study's two groups: `lived` people tagged `lived-experience` and `professionals`
  /// tagged `professional`, whose hands go up `rateRatio` times as often and whose turns are
  /// `professionalTurnLength` times as long (drawn per meeting).
  public static func livedAndProfessional(
    lived: Int, professionals: Int, rateRatio: Double, demand: Double,
    professionalTurnLength: ClosedRange<Double> = 1.0...1.4
  ) -> SimulationParameters {
    SimulationParameters(
      groups: [
        SimulatedGroup(tag: GroupTag.livedExperience, size: lived),
        SimulatedGroup(
          tag: GroupTag.professional, size: professionals, rateMultiplier: rateRatio,
          turnLengthMultiplier: professionalTurnLength),
      ], demand: demand)
  }

  /// Everyone simulated.
  public var participantCount: Int { groups.reduce(0) { $0 + $1.size } }

  /// Why these parameters cannot be simulated, or nil when they can.
  public var problem: String? {
    if groups.isEmpty || participantCount < 1 { return "A simulated meeting needs at least one person." }
    if groups.contains(where: { $0.size < 0 }) { return "A group cannot have fewer than 0 people." }
    if Set(groups.map(\.tag)).count != groups.count { return "Each group needs its own tag." }
    if groups.contains(where: { !($0.rateMultiplier > 0) || !$0.rateMultiplier.isFinite }) {
      return "Hand-raising rates must be above 0."
    }
    if groups.contains(where: {
      !($0.turnLengthMultiplier.lowerBound > 0) || !$0.turnLengthMultiplier.upperBound.isFinite
    }) {
      return "Turn-length multipliers must be above 0."
    }
    if !(demand > 0) || !(demand < Double(participantCount)) {
      return "Demand must be above 0 and below the number of people (\(participantCount))."
    }
    if meetingSeconds < 1 { return "The meeting must last at least a second." }
    if !(meanTurnSeconds >= 1) || !meanTurnSeconds.isFinite {
      return "Turns must last at least a second on average."
    }
    if !(turnLengthSigma >= 0) || !(rateSigma >= 0) { return "Spreads cannot be negative." }
    if maxWaitSeconds < 1 { return "Hands must be allowed to wait at least a second." }
    if agendaItems < 0 { return "The number of agenda items cannot be negative." }
    if let eventLimit, eventLimit < 1 { return "The event limit must be at least 1." }
    return nil
  }
}

/// The tags of the study's two groups.
public enum GroupTag {
  public static let livedExperience = "lived-experience"
  public static let professional = "professional"
}
