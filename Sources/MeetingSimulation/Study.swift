import MeetingModel

/// One setting of the study: who is at the table, how much more often professionals raise
/// their hands, and how much speaking time is asked for.
public struct StudySetting: Hashable, Sendable, Codable {
  /// People tagged `lived-experience`.
  public var lived: Int
  /// People tagged `professional`.
  public var professionals: Int
  /// How much more often each professional raises a hand than each lived-experience member.
  public var rateRatio: Double
  /// Speaking time asked for over time available (nominal rates).
  public var demand: Double

  public init(lived: Int, professionals: Int, rateRatio: Double, demand: Double) {
    self.lived = lived
    self.professionals = professionals
    self.rateRatio = rateRatio
    self.demand = demand
  }
}

/// Many simulated meetings per setting and policy, on the same seeds for every policy.
///
/// Meeting number k of every setting and every policy is simulated from the same seed
/// (`meetingSeed(k)`), so policies are compared on the same people with the same wishes.
public struct Study: Sendable {
  public var settings: [StudySetting]
  public var policies: [StudyPolicy]
  public var meetingsPerSetting: Int
  public var seed: UInt64
  public var targets: StudyTargets
  /// Everything else about the meetings (length, turn lengths, spreads, maximum wait…); its
  /// groups and demand are replaced by each setting's.
  public var template: SimulationParameters
  /// Professionals' turns are this many times as long, drawn per meeting.
  public var professionalTurnLength: ClosedRange<Double>
  /// The balanced policy's starvation guard (the product's default: 3; 0 turns it off).
  public var starvationLimit: Int
  /// Under `balanced`, the facilitator acts on the wrap-up cue after this many seconds of a turn
  /// (the screen's default: 30; 0: never).
  public var wrapUpAfter: Int

  public init(
    settings: [StudySetting], policies: [StudyPolicy] = StudyPolicy.allCases, meetingsPerSetting: Int = 1000,
    seed: UInt64 = 1, targets: StudyTargets = .equal,
    template: SimulationParameters = SimulationParameters(groups: []),
    professionalTurnLength: ClosedRange<Double> = 1.0...1.4,
    starvationLimit: Int = QueuePolicy.balanced.starvationLimit,
    wrapUpAfter: Int = MeetingState.defaultWrapUpSeconds
  ) {
    self.settings = settings
    self.policies = policies
    self.meetingsPerSetting = meetingsPerSetting
    self.seed = seed
    self.targets = targets
    self.template = template
    self.professionalTurnLength = professionalTurnLength
    self.starvationLimit = starvationLimit
    self.wrapUpAfter = wrapUpAfter
  }

  /// The grid: compositions 3/7, 5/5, 7/3; rate ratios 1.0, 1.4, 1.8, 2.5; demand 1.5
  /// and 2 times the time available.
  public static func standardSettings(
    compositions: [(lived: Int, professionals: Int)] = [(3, 7), (5, 5), (7, 3)],
    rateRatios: [Double] = [1.0, 1.4, 1.8, 2.5], demands: [Double] = [1.5, 2.0]
  ) -> [StudySetting] {
    var settings: [StudySetting] = []
    for demand in demands {
      for composition in compositions {
        for ratio in rateRatios {
          settings.append(
            StudySetting(
              lived: composition.lived, professionals: composition.professionals, rateRatio: ratio,
              demand: demand))
        }
      }
    }
    return settings
  }

  /// The seed of meeting number `index` (the same in every setting and under every policy).
  public func meetingSeed(_ index: Int) -> UInt64 {
    SplitMix64.derive(seed, UInt64(index))
  }

  /// The simulation parameters of a setting.
  public func parameters(for setting: StudySetting) -> SimulationParameters {
    var parameters = template
    let study = SimulationParameters.livedAndProfessional(
      lived: setting.lived, professionals: setting.professionals, rateRatio: setting.rateRatio,
      demand: setting.demand, professionalTurnLength: professionalTurnLength)
    parameters.groups = study.groups
    parameters.demand = setting.demand
    return parameters
  }

  /// The target share of each group in a setting (lived experience first).
  public func targetShares(for setting: StudySetting) -> [Double] {
    targets.shares(for: parameters(for: setting).groups)
  }

  /// How the facilitator runs a meeting of `setting` under `policy`. With equal targets the
  /// balanced policy keeps the product's default (no targets set: equal shares); otherwise the
  /// targets are set on the policy, as a facilitator would.
  public func facilitation(_ policy: StudyPolicy, for setting: StudySetting) -> Facilitation {
    let groups = parameters(for: setting).groups
    let policyTargets: [GroupTarget]
    switch targets {
    case .equal: policyTargets = []
    case .composition, .shares:
      policyTargets = zip(groups, targets.shares(for: groups)).filter { $0.1 > 0 }.map {
        GroupTarget(tag: $0.0.tag, share: $0.1)
      }
    }
    return policy.facilitation(
      targets: policyTargets, starvationLimit: starvationLimit, wrapUpAfter: wrapUpAfter)
  }

  /// Simulates meetings `range` of `setting` under `policy` and returns their figures, in
  /// order. Pure and independent of other ranges, so ranges can run in parallel.
  public func figures(setting: StudySetting, policy: StudyPolicy, meetings range: Range<Int>)
    throws(SimulationError) -> [MeetingFigures]
  {
    let simulator = MeetingSimulator(
      parameters: parameters(for: setting), facilitation: facilitation(policy, for: setting))
    let targets = targetShares(for: setting)
    var figures: [MeetingFigures] = []
    figures.reserveCapacity(range.count)
    for index in range {
      figures.append(MeetingFigures(meeting: try simulator.run(seed: meetingSeed(index)), targets: targets))
    }
    return figures
  }

  /// Runs the whole study in this thread, calling `progress` with the number of meetings done
  /// after each setting and policy. The command line runs the same `figures` calls in parallel.
  public func run(progress: (Int) -> Void = { _ in }) throws(SimulationError) -> [StudyRow] {
    var rows: [StudyRow] = []
    var done = 0
    for setting in settings {
      for policy in policies {
        let figures = try figures(setting: setting, policy: policy, meetings: 0..<meetingsPerSetting)
        rows.append(StudyRow(setting: setting, policy: policy, summary: PolicySummary(figures)))
        done += meetingsPerSetting
        progress(done)
      }
    }
    return rows
  }
}

/// One line of the study's results: a setting under a policy.
public struct StudyRow: Equatable, Sendable, Codable {
  public var setting: StudySetting
  public var policy: StudyPolicy
  public var summary: PolicySummary

  public init(setting: StudySetting, policy: StudyPolicy, summary: PolicySummary) {
    self.setting = setting
    self.policy = policy
    self.summary = summary
  }
}
