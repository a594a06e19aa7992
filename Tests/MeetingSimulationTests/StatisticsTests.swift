import Testing

@testable import MeetingSimulation

/// Expected values worked out by hand (shown in the comments).
@Suite("Statistics: hand-computed values")
struct StatisticsTests {
  @Test func meanAndStandardDeviation() {
    #expect(Statistics.mean([1, 2, 3, 4]) == 2.5)
    #expect(Statistics.mean([]) == 0)
    // Squares of the differences from 2.5: 2.25 + 0.25 + 0.25 + 2.25 = 5; 5 / 3, square root.
    #expect(abs(Statistics.standardDeviation([1, 2, 3, 4]) - 1.290_994_448_7) < 1e-9)
    #expect(Statistics.standardDeviation([7]) == 0)
  }

  @Test func quantilesInterpolateBetweenClosestRanks() {
    #expect(Statistics.median([3, 1, 2]) == 2)
    #expect(Statistics.median([4, 1, 3, 2]) == 2.5)
    // Ten values 1…10: position 0.9 · 9 = 8.1, between 9 and 10: 9 + 0.1 · 1.
    #expect(abs(Statistics.quantile(Array(1...10).map(Double.init), 0.9)! - 9.1) < 1e-12)
    #expect(Statistics.quantile([0, 10], 0.25) == 2.5)
    #expect(Statistics.quantile([5], 0.9) == 5)
    #expect(Statistics.quantile([], 0.5) == nil)
    #expect(Statistics.quantile([1, 2, 3], 0) == 1)
    #expect(Statistics.quantile([1, 2, 3], 1) == 3)
  }

  @Test func meanWithNormalInterval() throws {
    // 2.5 ± 1.959964 · 1.290994 / √4 = 2.5 ± 1.265151.
    let interval = try #require(Statistics.meanWithInterval([1, 2, 3, 4]))
    #expect(interval.estimate == 2.5)
    #expect(abs(interval.low - 1.234_849) < 1e-6)
    #expect(abs(interval.high - 3.765_151) < 1e-6)
    #expect(Statistics.meanWithInterval([2]) == Interval(estimate: 2, low: 2, high: 2))
    #expect(Statistics.meanWithInterval([]) == nil)
  }

  @Test func proportionWithWilsonInterval() throws {
    // 9 of 10, z² = 3.841459: centre (0.9 + 0.192073) / 1.384146 = 0.788987;
    // half-width 1.416010 · √(0.009 + 0.009604) = 0.193137.
    let interval = try #require(Statistics.proportionWithInterval(successes: 9, trials: 10))
    #expect(interval.estimate == 0.9)
    #expect(abs(interval.low - 0.595_850) < 1e-5)
    #expect(abs(interval.high - 0.982_124) < 1e-5)
    // All successes: the interval reaches 1 and stays below it at the low end.
    let all = try #require(Statistics.proportionWithInterval(successes: 20, trials: 20))
    #expect(all.high == 1)
    #expect(abs(all.low - 0.838_9) < 1e-4)  // 20 / (20 + 3.841459)
    #expect(Statistics.proportionWithInterval(successes: 0, trials: 0) == nil)
  }

  @Test func giniCountsThoseWhoNeverSpoke() {
    #expect(Statistics.gini([5, 5, 5, 5]) == 0)
    // One person has everything: (n − 1) / n.
    #expect(Statistics.gini([0, 0, 0, 10]) == 0.75)
    // Sorted 0, 10, 20, 30: Σ (2i − n − 1)·xᵢ = −10 + 20 + 90 = 100; 100 / (4 · 60).
    #expect(abs(Statistics.gini([30, 0, 20, 10]) - 100.0 / 240) < 1e-12)
    #expect(Statistics.gini([0, 0]) == 0)
    #expect(Statistics.gini([3]) == 0)
  }
}
