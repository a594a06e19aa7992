import MeetingModel
import Testing

@testable import MeetingSimulation

/// A hand-made meeting: each person as (group, airtime, unhindered demand) in seconds.
func handMadeMeeting(
  _ people: [(group: Int, airtime: Int64, unhindered: Int64)], seconds: Int64,
  waits: [(served: Int, total: Int64, longest: Int64, raised: Int, expired: Int)]? = nil
) -> SimulatedMeeting {
  SimulatedMeeting(
    groupTags: [GroupTag.livedExperience, GroupTag.professional],
    people: people.enumerated().map { index, person in
      let wait = waits?[index] ?? (served: 0, total: 0, longest: 0, raised: 0, expired: 0)
      return SimulatedMeeting.Person(
        participant: ParticipantID(index + 1), group: person.group, handsPerHour: 1, meanTurnSeconds: 60,
        unhinderedDemandMilliseconds: person.unhindered * 1000, airtimeMilliseconds: person.airtime * 1000,
        turns: person.airtime > 0 ? 1 : 0, handsRaised: wait.raised, handsServed: wait.served,
        handsExpired: wait.expired, handsOpenAtClose: 0, requestedMilliseconds: 0,
        totalWaitMilliseconds: wait.total * 1000, longestWaitMilliseconds: wait.longest * 1000)
    }, durationMilliseconds: seconds * 1000, eventCount: 0)
}

@Suite("One meeting's figures, and many meetings' summary")
struct FiguresTests {
  @Test func targets() {
    let groups = SimulationParameters.livedAndProfessional(
      lived: 3, professionals: 7, rateRatio: 1, demand: 1
    )
    .groups
    #expect(StudyTargets.equal.shares(for: groups) == [0.5, 0.5])
    #expect(StudyTargets.composition.shares(for: groups) == [0.3, 0.7])
    #expect(StudyTargets.shares([0.6, 0.4]).shares(for: groups) == [0.6, 0.4])
  }

  @Test func oneMeeting() throws {
    // Lived experience: 10 min and nothing; professionals 20, 15 and 15 min: 60 min in all.
    let meeting = handMadeMeeting(
      [(0, 600, 1000), (0, 0, 500), (1, 1200, 2000), (1, 900, 1000), (1, 900, 1000)], seconds: 3600,
      waits: [
        (2, 100, 80, 3, 1), (0, 0, 0, 1, 1), (1, 30, 30, 1, 0), (2, 200, 150, 2, 0), (1, 10, 10, 1, 0),
      ])
    let figures = MeetingFigures(meeting: meeting, targets: [0.5, 0.5])
    let lived = figures.groups[0]
    let professional = figures.groups[1]
    #expect(abs(lived.share - 1.0 / 6) < 1e-12)
    #expect(abs(lived.deviationPoints - (100.0 / 6 - 50)) < 1e-9)
    #expect(abs(professional.deviationPoints - (250.0 / 3 - 50)) < 1e-9)
    // Lived experience would have asked for 25 min: less than half the hour.
    #expect(lived.unhinderedDemandMilliseconds == 1_500_000)
    #expect(lived.isDemandLimited)
    #expect(abs(lived.headroom - 1500.0 / 1800) < 1e-12)
    // Professionals: 4000 s against 1800 s; the meeting's headroom is the smaller.
    #expect(abs(professional.headroom - 4000.0 / 1800) < 1e-12)
    #expect(figures.headroom == lived.headroom)
    #expect(!professional.isDemandLimited)
    #expect(figures.isDemandLimited)
    #expect(lived.neverSpoke == 1 && professional.neverSpoke == 0 && figures.neverSpoke == 1)
    // Sorted 0, 600, 900, 900, 1200 (total 3600): (−1200 + 1800 + 4800) / (5 · 3600) = 0.3.
    #expect(abs(figures.gini - 0.3) < 1e-12)
    #expect(lived.handsServed == 2 && lived.totalWaitMilliseconds == 100_000)
    #expect(lived.longestWaitMilliseconds == 80_000 && professional.longestWaitMilliseconds == 150_000)
    #expect(lived.handsRaised == 4 && lived.handsExpired == 2)
    #expect(figures.turns == 4)
  }

  @Test func nobodySpoke() {
    let figures = MeetingFigures(
      meeting: handMadeMeeting([(0, 0, 0), (1, 0, 0)], seconds: 60), targets: [0.5, 0.5])
    #expect(figures.groups.map(\.share) == [0, 0])
    #expect(figures.groups.map(\.deviationPoints) == [-50, -50])
    #expect(figures.gini == 0)
    #expect(figures.neverSpoke == 2)
  }

  @Test func summaryOfMeetings() throws {
    // Five meetings of 100 s, one person per group; lived-experience airtime 50, 40, 53, 45 and
    // 20 s. In the last, lived experience would have asked for only 30 s: demand-limited.
    let cases: [(lived: Int64, unhindered: Int64)] = [(50, 100), (40, 100), (53, 100), (45, 100), (20, 30)]
    var meetings: [MeetingFigures] = []
    for (lived, unhindered) in cases {
      let wait = lived / 10
      let meeting = handMadeMeeting(
        [(0, lived, unhindered), (1, 100 - lived, 100)], seconds: 100,
        waits: [(1, wait, wait, 2, 1), (1, 20, 20, 1, 0)])
      meetings.append(MeetingFigures(meeting: meeting, targets: [0.5, 0.5]))
    }
    let summary = PolicySummary(meetings)
    #expect(summary.meetings == 5)
    #expect(summary.demandLimitedMeetings == 1)
    let lived = summary.groups[0]
    #expect(lived.demandLimitedMeetings == 1 && summary.groups[1].demandLimitedMeetings == 0)
    // Not demand-limited: deviations 0, −10, +3, −5; sorted magnitudes 0, 3, 5, 10.
    #expect(lived.deviation.meetings == 4)
    #expect(lived.deviation.medianPoints.map { abs($0 - 4) < 1e-9 } == true)
    // 90th percentile: position 0.9 · 3 = 2.7, between 5 and 10: 5 + 0.7 · 5.
    #expect(lived.deviation.p90Points.map { abs($0 - 8.5) < 1e-9 } == true)
    #expect(lived.deviation.withinTolerance?.estimate == 0.75)
    #expect(lived.deviation.meanSignedPoints.map { abs($0 + 3) < 1e-9 } == true)
    #expect(lived.deviationDemandLimited.meetings == 1)
    #expect(lived.deviationDemandLimited.medianPoints.map { abs($0 - 30) < 1e-9 } == true)
    #expect(lived.deviationAllMeetings.meetings == 5)
    // Each group would have asked for 100 s against a 50 s target: headroom 2.
    #expect(lived.byHeadroom.map(\.meetings) == [0, 0, 0, 4])
    #expect(lived.byHeadroom.last?.withinTolerance?.estimate == 0.75)
    #expect(lived.byHeadroom.first?.withinTolerance == nil)
    // Equity ratios 1.0, 0.8, 1.06, 0.9: mean 0.94, s = √(0.0392 / 3) = 0.114310,
    // 0.94 ± 1.959964 · 0.114310 / 2 = 0.94 ± 0.112022.
    let ratio = try #require(lived.equityRatio)
    #expect(abs(ratio.estimate - 0.94) < 1e-9)
    #expect(abs(ratio.low - 0.827_978) < 1e-6)
    #expect(abs(ratio.high - 1.052_022) < 1e-6)
    #expect(abs(lived.meanShare - 0.416) < 1e-9)  // (50 + 40 + 53 + 45 + 20) / 500
    #expect(abs(lived.meanShare + summary.groups[1].meanShare - 1) < 1e-12)
    // Waits (lived): 5 + 4 + 5 + 4 + 2 = 20 s over 5 hands; the longest in each meeting, averaged.
    #expect(lived.meanWaitSeconds == 4)
    #expect(lived.meanLongestWaitSeconds == 4)
    #expect(lived.longestWaitSeconds == 5)
    #expect(lived.expiredPercent == 50)
    #expect(summary.neverSpokePercent == 0)
    #expect(lived.turnsPerMeeting == 1)
  }
}
