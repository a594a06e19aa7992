import Foundation
import Testing

/// A small mutation fuzzer: seeded, so every run can be replayed; bounded by iterations or
/// seconds. `swift test` runs a short round of each target; `scripts/fuzz` a long one.
///
/// - `ROUNDTABLE_FUZZ_ITERATIONS=N` or `ROUNDTABLE_FUZZ_SECONDS=S`: how long each target runs
///   (default: a few thousand inputs within 2 s, per target).
/// - `ROUNDTABLE_FUZZ_SEED=N`: the seed (default: fixed, so CI runs are repeatable).
/// - `ROUNDTABLE_FUZZ_DUMP=FOLDER`: each input is written to `FOLDER/<target>.current` before
///   it runs, so the input that crashes the process is there to keep as a regression test.
struct FuzzBudget {
  var iterations: Int
  var seconds: Double
  var seed: UInt64

  static var fromEnvironment: FuzzBudget { fromEnvironment(iterations: 3000) }

  /// The budget asked for in the environment, or by default `defaultIterations` inputs within
  /// 2 seconds.
  static func fromEnvironment(iterations defaultIterations: Int) -> FuzzBudget {
    let environment = ProcessInfo.processInfo.environment
    let iterations = environment["ROUNDTABLE_FUZZ_ITERATIONS"].flatMap(Int.init)
    let seconds = environment["ROUNDTABLE_FUZZ_SECONDS"].flatMap(Double.init)
    return FuzzBudget(
      iterations: iterations ?? (seconds == nil ? defaultIterations : Int.max),
      seconds: seconds ?? (iterations == nil ? 2 : .infinity),
      seed: environment["ROUNDTABLE_FUZZ_SEED"].flatMap(UInt64.init) ?? 0x5EED_1234)
  }
}

/// SplitMix64: small, fast and good enough to pick mutations.
struct FuzzRandom: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int.random(in: 0..<bound, using: &self) }
  mutating func chance(_ oneIn: Int) -> Bool { below(oneIn) == 0 }
  mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// What a fuzz run did, for the test's message and the report.
struct FuzzFigures: CustomStringConvertible {
  var target: String
  var iterations = 0
  var seconds = 0.0
  var outcomes: [String: Int] = [:]
  var description: String {
    "\(target): \(iterations) inputs in \(String(format: "%.1f", seconds)) s; "
      + outcomes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
  }
}

/// Runs `body` on inputs made by `mutate` from the corpus until the budget is spent. `body`
/// returns a short outcome name ("refused", "read"…) to count; a broken property is recorded
/// as an issue by `body` itself, and a crash ends the process (with `ROUNDTABLE_FUZZ_DUMP` the
/// input is on disk).
func fuzz<Input>(
  _ target: String, corpus: [Input], budget: FuzzBudget = .fromEnvironment,
  dump: (Input) -> Data,
  mutate: (Input, inout FuzzRandom) -> Input,
  _ body: (Input) -> String
) -> FuzzFigures {
  var random = FuzzRandom(seed: budget.seed)
  for character in target.utf8 { random.state = random.state &* 31 &+ UInt64(character) }
  let dumpFolder = ProcessInfo.processInfo.environment["ROUNDTABLE_FUZZ_DUMP"]
  let dumpPath = dumpFolder.map { URL(fileURLWithPath: $0).appendingPathComponent("\(target).current").path }
  var figures = FuzzFigures(target: target)
  let start = Date()
  // Every seed as it is first, then mutants of mutants (a mutated input may become a parent).
  var pool = corpus
  while figures.iterations < budget.iterations {
    if figures.iterations % 64 == 0, Date().timeIntervalSince(start) >= budget.seconds { break }
    let input: Input
    if figures.iterations < corpus.count {
      input = corpus[figures.iterations]
    } else {
      var mutant = mutate(random.pick(pool), &random)
      if random.chance(2) { mutant = mutate(mutant, &random) }
      input = mutant
    }
    if let dumpPath { _ = FileManager.default.createFile(atPath: dumpPath, contents: dump(input)) }
    let outcome = body(input)
    figures.outcomes[outcome, default: 0] += 1
    if figures.iterations >= corpus.count, random.chance(8) {
      if pool.count < 512 {
        pool.append(input)
      } else {
        pool[corpus.count + random.below(512 - corpus.count)] = input
      }
    }
    figures.iterations += 1
  }
  figures.seconds = Date().timeIntervalSince(start)
  if let dumpPath { try? FileManager.default.removeItem(atPath: dumpPath) }
  print("fuzz \(figures)")
  return figures
}

// MARK: Mutations

enum Mutate {
  /// Numbers that break code: the edges of every width, and zero.
  static let interestingIntegers: [Int64] = [
    0, 1, -1, 2, 7, 63, 64, 127, 128, 255, 256, 1 << 31 - 1, 1 << 31, 1 << 32, -(1 << 31),
    Int64(Int32.max) + 1,
    Int64.max, Int64.min, Int64.max - 1, Int64.min + 1, 1 << 53, 86_400_000, 253_402_300_799_999,
  ]

  /// Byte-level: flips, interesting bytes, inserts, deletes, duplicates, truncation, and
  /// splices from another input of the corpus.
  static func bytes(_ input: [UInt8], corpus: [[UInt8]], random: inout FuzzRandom) -> [UInt8] {
    var bytes = input
    switch random.below(10) {
    case 0 where !bytes.isEmpty:
      let index = random.below(bytes.count)
      bytes[index] ^= 1 << UInt8(random.below(8))
    case 1 where !bytes.isEmpty:
      bytes[random.below(bytes.count)] = random.pick([0x00, 0x01, 0x7F, 0x80, 0xFF, 0xFE, 0x3F, 0x40, 0xC0])
    case 2:
      let count = 1 + random.below(8)
      let at = random.below(bytes.count + 1)
      bytes.insert(contentsOf: (0..<count).map { _ in UInt8(random.below(256)) }, at: at)
    case 3 where !bytes.isEmpty:
      let at = random.below(bytes.count)
      bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(8)))
    case 4 where !bytes.isEmpty:
      let at = random.below(bytes.count)
      let end = min(bytes.count, at + 1 + random.below(16))
      bytes.insert(contentsOf: Array(bytes[at..<end]), at: random.below(bytes.count + 1))
    case 5:
      bytes = Array(bytes.prefix(random.below(bytes.count + 1)))
    case 6:
      let other = corpus.isEmpty ? input : random.pick(corpus)
      let cut = random.below(bytes.count + 1)
      let from = random.below(other.count + 1)
      bytes = Array(bytes.prefix(cut)) + Array(other.suffix(from: from))
    case 7:
      // A varint of an interesting number, zig-zag or plain, at a random place.
      let value = random.pick(interestingIntegers)
      var raw =
        random.chance(2) ? UInt64(bitPattern: (value << 1) ^ (value >> 63)) : UInt64(bitPattern: value)
      var varint: [UInt8] = []
      while raw >= 0x80 {
        varint.append(UInt8(truncatingIfNeeded: raw) | 0x80)
        raw >>= 7
      }
      varint.append(UInt8(raw))
      let at = random.below(bytes.count + 1)
      let end = min(bytes.count, at + random.below(4))
      bytes.replaceSubrange(at..<end, with: varint)
    case 8 where bytes.count >= 8:
      // A double's eight bytes: NaN, infinities, huge, tiny, negative zero.
      let value = random.pick([
        Double.nan, .infinity, -.infinity, 1e20, -1e20, .leastNonzeroMagnitude, -0.0, 1e308,
      ])
      let at = random.below(bytes.count - 7)
      withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.replaceSubrange(at..<at + 8, with: $0) }
    default:
      if !bytes.isEmpty { bytes[random.below(bytes.count)] = UInt8(random.below(256)) }
    }
    return bytes
  }

  /// Strings that break code that shows or parses text.
  static let interestingStrings = [
    "", " ", "\u{1B}[2J", "\n", "\t", "\"", "'", "\\", "\u{202E}", "\u{200B}", "会議", "🎉", "%s%n", "-",
    "--", "-1", "0", "1e309", "NaN", "nan", "inf", "-inf", "99999999999999999999", "9223372036854775807",
    "-9223372036854775808", "2026-02-30", "+99:00", "99999-01-01", "T", "null", "true",
    String(repeating: "a", count: 300),
  ]

  /// JSON values that break decoders.
  static var interestingJSON: [Any] {
    [
      NSNull(), true, false, 0, -1, 1e20, -1e20, 1.5, Int64.max, Int64.min, 9_223_372_036_854_775_807.0, "",
      "x", [Any](), [String: Any](), ["x"], [1, 2], 0.1, 1e308,
    ]
  }
}
