import ArgumentParser
import Foundation
import MeetingModel
import MeetingSimulation
import Synchronization

/// `roundtable study`: many seeded simulated meetings per setting, under each queue policy on
/// the same seeds, and how evenly each policy shared the floor between the groups.
struct StudyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "study",
    abstract: "Simulate seeded meetings and show how each queue policy shares the floor between groups.",
    discussion: """
      Ten people (by default) meet for an hour: some with lived experience (tag \
      lived-experience), the rest professionals (tag professional). Hands go up at random \
      (a Poisson process per person, individual rates spread log-normally), professionals' \
      hands go up --ratio times as often and their turns are 1.0 to 1.4 times as long; if \
      every hand were heard at once, people would ask for --demand times the hour; a hand \
      not heard within --max-wait minutes goes down. Whenever the floor is free and someone is waiting, the facilitator \
      says next; under balanced they also act on the screen's wrap-up cue (--wrap-up). Each meeting is played through the real meeting model, so the figures \
      describe Roundtable's own queue. Every policy plays the same meetings (same seeds).

      Policies: fifo (first come, first served), balanced (the default policy: first voices, \
      then the group furthest below its target, then least airtime), progressive (the \
      lived-experience group always first, as a 100% target with the starvation guard off), \
      round-robin (go-rounds: everyone waiting speaks once per round).

      Figures per setting and policy: how far the lived-experience share of airtime was from \
      its target (median and 90th percentile, in points, and how often within 5 points), the \
      equity ratio (share ÷ target, mean with a 95% confidence interval), the Gini \
      coefficient of airtime across everyone (including those who never spoke), the \
      percentage who never spoke, mean and longest waits per group, and how many meetings \
      were demand-limited (a group asked for less than its target: no queue could reach \
      it). Share figures count only meetings that were not demand-limited. docs/voice-equity.md \
      explains the method and the results.

      Examples:
        roundtable study                  # the full study: 1000 meetings per row
        roundtable study --meetings 200 --policy fifo,balanced --ratio 1.8
        roundtable study --composition 4/8 --targets composition --json
        roundtable study --composition 2/6 --targets 60/40 --demand 1.2 --max-wait 5
      """
  )

  @Option(parsing: .unconditional, help: "Simulated meetings per setting and policy, 1 to 100000.")
  var meetings = 1000
  @Option(
    parsing: .unconditional,
    help: "The seed, 0 to 18446744073709551615: the same seed gives the same meetings and figures.")
  var seed: UInt64 = 1
  @Option(
    help: ArgumentHelp(
      "Group make-up as LIVED/PROFESSIONALS, each at least 1 and 500 in all, repeatable or "
        + "comma-separated (default 3/7,5/5,7/3).",
      valueName: "L/P"))
  var composition: [String] = []
  @Option(
    parsing: .unconditionalSingleValue,
    help: ArgumentHelp(
      "How many times as often professionals raise hands, above 0 up to 100 (default 1.0,1.4,1.8,2.5).",
      valueName: "X"))
  var ratio: [String] = []
  @Option(
    parsing: .unconditionalSingleValue,
    help: ArgumentHelp(
      "Speaking time people would ask for if every hand were heard at once, over the time available "
        + ", above 0 up to 100 (default 1.5,2).", valueName: "X"))
  var demand: [String] = []
  @Option(
    help: ArgumentHelp(
      "Policies to compare: fifo, balanced, progressive, round-robin (default all).", valueName: "P"))
  var policy: [String] = []
  @Option(
    help: ArgumentHelp(
      "Group targets: equal (50/50, the default policy's own), composition (the groups' shares of the "
        + "people) or LIVED/PROFESSIONAL percentages such as 60/40.", valueName: "T"))
  var targets = "equal"
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "The balanced policy's starvation guard: a hand overtaken this many times is not overtaken again "
        + "(0: off), 0 to 1000.", valueName: "N"))
  var starvationLimit = QueuePolicy.balanced.starvationLimit
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Under balanced, the facilitator acts on the screen's wrap-up cue once a turn has lasted this "
        + "many seconds (0: never), 0 to 3600.", valueName: "SECONDS"))
  var wrapUp = MeetingState.defaultWrapUpSeconds
  @Option(parsing: .unconditional, help: "Length of each meeting, in minutes, 1 to 600.") var minutes = 60
  @Option(parsing: .unconditional, help: "A hand not heard after this many minutes goes down, 0.1 to 600.")
  var maxWait = 10.0
  @Option(
    parsing: .unconditional, help: "Mean length of a lived-experience member's turn, in seconds, 1 to 3600.")
  var meanTurn = 60.0
  @Option(parsing: .unconditional, help: "Meetings simulated at once, 1 to 256 (default: one per core).")
  var jobs: Int?
  @Flag(help: "Print the results as JSON.") var json = false

  func validate() throws {
    try checkRange(meetings, 1...100_000, "--meetings")
    try checkRange(minutes, 1...600, "--minutes")
    try checkRange(maxWait, 0.1...600, "--max-wait")
    try checkRange(meanTurn, 1...3600, "--mean-turn")
    if let jobs { try checkRange(jobs, 1...256, "--jobs") }
    try checkRange(starvationLimit, QueuePolicy.starvationLimits, "--starvation-limit")
    try checkRange(wrapUp, ScreenOptions.wrapUpRange, "--wrap-up")
    _ = try study()
  }

  /// The study the options describe.
  func study() throws -> Study {
    let compositions = try list(
      composition, "--composition",
      expected: "LIVED/PROFESSIONALS, each at least 1 and 500 in all, such as 3/7"
    ) { text -> (lived: Int, professionals: Int)? in
      let parts = text.split(separator: "/")
      guard parts.count == 2, let lived = Int(parts[0]), let professionals = Int(parts[1]), lived >= 1,
        professionals >= 1, lived + professionals <= 500
      else { return nil }
      return (lived, professionals)
    }
    let ratios = try list(ratio, "--ratio", expected: "numbers above 0 up to 100") {
      Double($0).flatMap { $0 > 0 && $0 <= 100 ? $0 : nil }
    }
    let demands = try list(demand, "--demand", expected: "numbers above 0 up to 100") {
      Double($0).flatMap { $0 > 0 && $0 <= 100 ? $0 : nil }
    }
    let policies = try list(policy, "--policy") { StudyPolicy(rawValue: $0) }
    let settings = Study.standardSettings(
      compositions: compositions.isEmpty ? [(3, 7), (5, 5), (7, 3)] : compositions,
      rateRatios: ratios.isEmpty ? [1.0, 1.4, 1.8, 2.5] : ratios,
      demands: demands.isEmpty ? [1.5, 2] : demands)
    var template = SimulationParameters(groups: [])
    template.meetingSeconds = minutes * 60
    template.maxWaitSeconds = max(1, Int((maxWait * 60).rounded()))
    template.meanTurnSeconds = meanTurn
    return Study(
      settings: settings, policies: policies.isEmpty ? StudyPolicy.allCases : unique(policies),
      meetingsPerSetting: meetings, seed: seed, targets: try studyTargets(), template: template,
      starvationLimit: starvationLimit, wrapUpAfter: wrapUp)
  }

  func studyTargets() throws -> StudyTargets {
    switch targets {
    case "equal": return .equal
    case "composition": return .composition
    default:
      let parts = targets.split(separator: "/").map { Double($0) }
      guard parts.count == 2, let lived = parts[0], let professional = parts[1], lived > 0, professional > 0,
        lived + professional <= 100.0001
      else {
        throw ValidationError(
          "--targets '\(targets)' is not equal, composition or two percentages such as 60/40.")
      }
      return .shares([lived / 100, professional / 100])
    }
  }

  func run() throws {
    try reporting {
      let study = try study()
      let rows: [StudyRow]
      do throws(SimulationError) {
        rows = try StudyRunner(study: study, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
          .run(showProgress: standardErrorTakesProgress)
      } catch {
        printError("roundtable: the simulation stopped: \(error.message)")
        throw ExitCode(Exit.refused)
      }
      if json {
        try printJSON(
          StudyReport(
            seed: seed, meetingsPerSetting: meetings, targets: targets, starvationLimit: starvationLimit,
            wrapUpSeconds: wrapUp,
            minutes: minutes, maxWaitMinutes: maxWait, meanTurnSeconds: meanTurn, rows: rows))
      } else {
        say(lines: StudyTable(rows: rows).lines)
      }
    }
  }
}

/// Values from repeatable, comma-separated options.
private func list<T>(
  _ values: [String], _ option: String, expected: String? = nil, _ parse: (String) -> T?
) throws -> [T] {
  var result: [T] = []
  for text in values.flatMap({ $0.split(separator: ",") }).map({
    String($0).trimmingCharacters(in: .whitespaces)
  }) {
    guard let value = parse(text) else {
      throw ValidationError(
        "\(option) '\(text)' is not understood" + (expected.map { ": give \($0)." } ?? "."))
    }
    result.append(value)
  }
  return result
}

private func unique(_ policies: [StudyPolicy]) -> [StudyPolicy] {
  var seen: [StudyPolicy] = []
  for policy in policies where !seen.contains(policy) { seen.append(policy) }
  return seen
}

/// `study --json`.
struct StudyReport: Encodable {
  var seed: UInt64
  var meetingsPerSetting: Int
  var targets: String
  var starvationLimit: Int
  var wrapUpSeconds: Int
  var minutes: Int
  var maxWaitMinutes: Double
  var meanTurnSeconds: Double
  var rows: [StudyRow]
}

/// Runs a study's meetings on several threads, in chunks, and puts the figures back in order:
/// the results do not depend on the number of threads.
struct StudyRunner {
  let study: Study
  let jobs: Int

  /// Meetings per piece of work: small enough to spread over the cores and to move the progress
  /// line, large enough to keep the bookkeeping negligible.
  static let chunk = 50

  struct Work: Sendable {
    var setting: Int
    var policy: Int
    var meetings: Range<Int>
  }

  struct Shared {
    var figures: [[MeetingFigures]?]
    var error: SimulationError?
    var done = 0
    var shownPercent = -1
  }

  func run(showProgress: Bool) throws(SimulationError) -> [StudyRow] {
    var pieces: [Work] = []
    for setting in study.settings.indices {
      for policy in study.policies.indices {
        for start in stride(from: 0, to: study.meetingsPerSetting, by: Self.chunk) {
          pieces.append(
            Work(
              setting: setting, policy: policy,
              meetings: start..<min(start + Self.chunk, study.meetingsPerSetting)))
        }
      }
    }
    let work = pieces
    let total = study.settings.count * study.policies.count * study.meetingsPerSetting
    let shared = Mutex(Shared(figures: Array(repeating: nil, count: work.count)))
    let next = Atomic(0)
    let study = self.study
    DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, work.count))) { _ in
      while true {
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard index < work.count else { return }
        let piece = work[index]
        do throws(SimulationError) {
          let figures = try study.figures(
            setting: study.settings[piece.setting], policy: study.policies[piece.policy],
            meetings: piece.meetings)
          shared.withLock { shared in
            shared.figures[index] = figures
            shared.done += figures.count
            let percent = shared.done * 100 / max(1, total)
            if showProgress, percent != shared.shownPercent {
              shared.shownPercent = percent
              printProgress("Simulating meetings: \(percent)% (\(shared.done) of \(total))")
            }
          }
        } catch {
          shared.withLock { $0.error = $0.error ?? error }
          next.store(work.count, ordering: .relaxed)
          return
        }
      }
    }
    if showProgress { printProgress("") }
    let (figures, failure) = shared.withLock { ($0.figures, $0.error) }
    if let failure { throw failure }
    var rows: [StudyRow] = []
    var index = 0
    for setting in study.settings {
      for policy in study.policies {
        var meetings: [MeetingFigures] = []
        while index < work.count, study.settings[work[index].setting] == setting,
          study.policies[work[index].policy] == policy
        {
          meetings += figures[index] ?? []
          index += 1
        }
        rows.append(StudyRow(setting: setting, policy: policy, summary: PolicySummary(meetings)))
      }
    }
    return rows
  }
}

/// Rewrites the progress line on standard error (empty: clears it).
private func printProgress(_ text: String) {
  if text.isEmpty { endProgress() } else { showProgress(text) }
}

/// The study's results as a table for the terminal, with a legend.
struct StudyTable {
  var rows: [StudyRow]

  var lines: [String] {
    let headers = [
      "Mix", "Ratio", "Demand", "Policy", "Limited", "LE share", "|dev| med", "p90", "±5 pts",
      "Equity ratio (95% CI)", "Gini", "Silent", "LE wait mean/max", "Pro wait mean/max", "Expired LE/Pro",
      "Turns", "Cut short LE/Pro",
    ]
    let body = rows.map { row -> [String] in
      let summary = row.summary
      let lived = summary.groups.first { $0.tag == GroupTag.livedExperience }
      let professional = summary.groups.first { $0.tag == GroupTag.professional }
      return [
        "\(row.setting.lived)/\(row.setting.professionals)", factor(row.setting.rateRatio),
        factor(row.setting.demand), row.policy.rawValue,
        "\(summary.demandLimitedMeetings)",
        lived.map { percent($0.meanShare) } ?? "-",
        points(lived?.deviation.medianPoints), points(lived?.deviation.p90Points),
        lived?.deviation.withinTolerance.map { percent($0.estimate) } ?? "-",
        lived?.equityRatio.map {
          "\(decimal($0.estimate)) (\(decimal($0.low))–\(decimal($0.high)))"
        } ?? "-",
        summary.gini.map { decimal($0.estimate) } ?? "-",
        "\(percent(summary.neverSpokePercent / 100))",
        waits(lived), waits(professional),
        "\(lived?.expiredPercent.map { percent($0 / 100) } ?? "-")/"
          + "\(professional?.expiredPercent.map { percent($0 / 100) } ?? "-")",
        String(format: "%.1f", summary.turnsPerMeeting),
        "\(wrapped(lived))/\(wrapped(professional))",
      ]
    }
    let meetings = rows.first?.summary.meetings ?? 0
    return Table(headers: headers, rows: body).lines + [
      "",
      "\(meetings) meetings per row; every policy plays the same meetings. LE: lived experience.",
      "Limited: meetings in which a group asked for less than its target (no queue could reach it).",
      "LE share: mean over all meetings. |dev| med, p90: median and 90th percentile of |LE share − target|",
      "in points; ±5 pts: meetings within 5 points of target; equity ratio: LE share ÷ target, mean with",
      "its 95% confidence interval. These four count only meetings that were not demand-limited.",
      "Gini: of airtime across everyone, including those who never spoke (Silent). Waits: mean over hands",
      "given the floor / longest in a meeting, averaged over meetings (m:ss). Expired: hands lowered unheard.",
      "Cut short LE/Pro: turns the facilitator ended on the wrap-up cue (balanced only).",
    ]
  }

  private func factor(_ value: Double) -> String {
    (value * 10).rounded() == value * 10 ? String(format: "%.1f×", value) : String(format: "%.2f×", value)
  }

  private func percent(_ fraction: Double) -> String { "\(Int((fraction * 100).rounded()))%" }

  private func wrapped(_ group: PolicySummary.Group?) -> String {
    group?.wrappedUpPercent.map { percent($0 / 100) } ?? "-"
  }

  private func points(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "-" }

  private func decimal(_ value: Double) -> String { String(format: "%.2f", value) }

  private func waits(_ group: PolicySummary.Group?) -> String {
    guard let group, let mean = group.meanWaitSeconds, let longest = group.meanLongestWaitSeconds else {
      return "-"
    }
    return "\(clock(mean)) / \(clock(longest))"
  }

  private func clock(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded())
    return "\(whole / 60):\(whole % 60 < 10 ? "0" : "")\(whole % 60)"
  }
}

extension StudyPolicy: ExpressibleByArgument {}
