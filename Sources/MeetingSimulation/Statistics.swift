import MeetingModel

/// The statistics the study reports, as small pure functions (tested with hand-computed values).
public enum Statistics {
  /// The arithmetic mean; 0 for no values.
  public static func mean(_ values: [Double]) -> Double {
    values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
  }

  /// The sample standard deviation (n − 1 in the denominator); 0 for fewer than two values.
  public static func standardDeviation(_ values: [Double]) -> Double {
    guard values.count > 1 else { return 0 }
    let average = mean(values)
    let squares = values.reduce(0) { $0 + ($1 - average) * ($1 - average) }
    return (squares / Double(values.count - 1)).squareRoot()
  }

  /// The `fraction` quantile (0.9 for the 90th percentile) by linear interpolation between the
  /// closest ranks: position (n − 1)·fraction in the sorted values (R's type 7, NumPy's
  /// default). Nil for no values.
  public static func quantile(_ values: [Double], _ fraction: Double) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let position = Double(sorted.count - 1) * min(max(fraction, 0), 1)
    let lower = Int(position.rounded(.down))
    let upper = min(lower + 1, sorted.count - 1)
    let weight = position - Double(lower)
    return sorted[lower] + (sorted[upper] - sorted[lower]) * weight
  }

  /// The median (the 0.5 quantile); nil for no values.
  public static func median(_ values: [Double]) -> Double? { quantile(values, 0.5) }

  /// The mean with its 95% confidence interval by the normal approximation:
  /// mean ± 1.96 · s / √n. Nil for no values; for one value the interval is that value.
  public static func meanWithInterval(_ values: [Double]) -> Interval? {
    guard !values.isEmpty else { return nil }
    let average = mean(values)
    let half = 1.959_963_984_540_054 * standardDeviation(values) / Double(values.count).squareRoot()
    return Interval(estimate: average, low: average - half, high: average + half)
  }

  /// A proportion `successes / trials` with its 95% Wilson score interval (good near 0 and 1,
  /// unlike the normal approximation). Nil for no trials.
  public static func proportionWithInterval(successes: Int, trials: Int) -> Interval? {
    guard trials > 0 else { return nil }
    let n = Double(trials)
    let p = Double(successes) / n
    let z = 1.959_963_984_540_054
    let z2 = z * z
    let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    let half = z / (1 + z2 / n) * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
    return Interval(estimate: p, low: max(0, centre - half), high: min(1, centre + half))
  }

  /// Gini coefficient of non-negative values, zeros included (someone who never spoke counts):
  /// the mean absolute difference over twice the mean. 0 when all are equal, (n − 1)/n when one
  /// has everything. The product's own fairness figure (`giniCoefficient`), so the study and the
  /// screen agree.
  public static func gini(_ values: [Double]) -> Double { giniCoefficient(values) }
}

/// An estimate with a 95% interval.
public struct Interval: Equatable, Sendable, Codable {
  public var estimate: Double
  public var low: Double
  public var high: Double

  public init(estimate: Double, low: Double, high: Double) {
    self.estimate = estimate
    self.low = low
    self.high = high
  }
}
