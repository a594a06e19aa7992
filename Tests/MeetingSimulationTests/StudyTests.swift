import MeetingModel
import Testing

@testable import MeetingSimulation

@Suite("A small study")
struct StudyTests {
  @Test func twentyMeetingsLookSane() throws {
    let study = Study(
      settings: Study.standardSettings(
        compositions: [(3, 7), (5, 5)], rateRatios: [2.5], demands: [1.5]),
      policies: [.fifo, .balanced], meetingsPerSetting: 20, seed: 7)
    let rows = try study.run()
    #expect(rows.count == 4)
    for row in rows {
      #expect(row.summary.meetings == 20)
      #expect(abs(row.summary.groups.reduce(0) { $0 + $1.meanShare } - 1) < 1e-9)
      #expect(row.summary.groups.map(\.target) == [0.5, 0.5])
      #expect((0...1).contains(row.summary.gini?.estimate ?? -1))
    }
    for composition in [3, 5] {
      let lived = { (policy: StudyPolicy) in
        rows.first { $0.setting.lived == composition && $0.policy == policy }!.summary.groups[0].meanShare
      }
      #expect(lived(.balanced) >= lived(.fifo))
    }
    // The demand-limited meetings are the same under every policy: they depend on the seed.
    #expect(rows[0].summary.demandLimitedMeetings == rows[1].summary.demandLimitedMeetings)
    // Rows are the same whether meetings are simulated in one go or in pieces.
    let pieces =
      try study.figures(setting: study.settings[0], policy: .fifo, meetings: 0..<10)
      + study.figures(setting: study.settings[0], policy: .fifo, meetings: 10..<20)
    #expect(PolicySummary(pieces) == rows[0].summary)
  }

  @Test func targetsReachThePolicy() {
    let setting = StudySetting(lived: 3, professionals: 7, rateRatio: 1, demand: 1.5)
    var study = Study(settings: [setting])
    #expect(study.facilitation(.balanced, for: setting) == .queue(.balanced, wrapUpAfter: 30))
    #expect(study.facilitation(.fifo, for: setting) == .queue(.fifo))
    #expect(study.facilitation(.roundRobin, for: setting) == .rounds)
    study.targets = .composition
    #expect(
      study.facilitation(.balanced, for: setting)
        == .queue(
          QueuePolicy(
            groupTargets: [
              GroupTarget(tag: "lived-experience", share: 0.3), GroupTarget(tag: "professional", share: 0.7),
            ]), wrapUpAfter: 30))
    #expect(
      study.facilitation(.progressive, for: setting)
        == .queue(
          QueuePolicy(starvationLimit: 0, groupTargets: [GroupTarget(tag: "lived-experience", share: 1)])))
    study.starvationLimit = 0
    study.wrapUpAfter = 0
    #expect(
      study.facilitation(.balanced, for: setting)
        == .queue(
          QueuePolicy(
            starvationLimit: 0,
            groupTargets: [
              GroupTarget(tag: "lived-experience", share: 0.3), GroupTarget(tag: "professional", share: 0.7),
            ])))
  }
}
