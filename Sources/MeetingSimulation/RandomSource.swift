import Foundation

/// SplitMix64: turns one 64-bit seed into a stream of well-mixed 64-bit numbers. Used to seed
/// `Xoshiro256StarStar` and to derive independent seeds (one per meeting, per person, per
/// purpose) from a study's seed.
public struct SplitMix64: Sendable {
  public private(set) var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A seed for a sub-stream named by `parts` (meeting number, person, purpose…), derived from
  /// `seed`: the same parts always give the same seed, different parts unrelated ones.
  public static func derive(_ seed: UInt64, _ parts: UInt64...) -> UInt64 {
    var mixer = SplitMix64(seed: seed)
    var value = mixer.next()
    for part in parts {
      mixer = SplitMix64(seed: value ^ (part &* 0xD1B5_4A32_D192_ED03))
      value = mixer.next()
    }
    return value
  }
}

/// xoshiro256** (Blackman and Vigna): the simulation's random numbers. Fast, small, and the
/// same on every platform, so a seed always gives the same meetings. The standard library's
/// generators and `random(in:)` are not used because their output may change between Swift
/// versions.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  public init(seed: UInt64) {
    var mixer = SplitMix64(seed: seed)
    s0 = mixer.next()
    s1 = mixer.next()
    s2 = mixer.next()
    s3 = mixer.next()
  }

  public mutating func next() -> UInt64 {
    let result = rotateLeft(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotateLeft(s3, 45)
    return result
  }

  /// Uniform in [0, 1), with 53 random bits.
  public mutating func nextUnit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// Uniform in `range` (the upper end is not reached unless the range is one point).
  public mutating func uniform(in range: ClosedRange<Double>) -> Double {
    range.lowerBound + (range.upperBound - range.lowerBound) * nextUnit()
  }

  /// Exponential with the given rate (mean 1/rate): the waiting time of a Poisson process.
  public mutating func exponential(rate: Double) -> Double {
    -Foundation.log(1 - nextUnit()) / rate
  }

  /// Standard normal, by the Box–Muller transform (one value per two uniforms).
  public mutating func standardNormal() -> Double {
    let u1 = 1 - nextUnit()  // (0, 1]: log stays finite
    let u2 = nextUnit()
    return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
  }

  /// Log-normal with the given mean and log-scale spread σ: exp(μ + σZ) with μ = ln(mean) − σ²/2.
  public mutating func logNormal(mean: Double, sigma: Double) -> Double {
    guard sigma > 0 else { return mean }
    return Foundation.exp(Foundation.log(mean) - sigma * sigma / 2 + sigma * standardNormal())
  }
}

private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
  (x << k) | (x >> (64 - k))
}
