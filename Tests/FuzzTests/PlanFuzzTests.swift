import Foundation
import MeetingModel
import Testing

@testable import roundtable

/// The meeting-plan reader (`roundtable new --from PLAN.yaml`), from the example plan and a few
/// small ones, mutated line by line, value by value and byte by byte.
@Suite("Fuzzing: the meeting-plan reader")
struct PlanFuzzTests {
  static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("docs")

  static func corpus() throws -> [String] {
    [
      try String(contentsOf: docs.appendingPathComponent("plan-example.yaml"), encoding: .utf8),
      "title: Forum\n",
      "title: Forum\npolicy:\n  ordering: fifo\n  interrupts: false\n  starvationLimit: 0\n",
      "title: Forum\nparticipants:\n  - name: Amira\n    tags: [a, b]\n    role: observer\n    timeAdjust: 2\n"
        + "agenda:\n  - title: One\n    minutes: 5\n    leads: [Amira]\n",
      "title: Forum\ntargets: {a: 50, b: 50}\ncount-facilitation: true\n",
    ]
  }

  /// Values that YAML reads in surprising ways, or that break numbers.
  static let values = [
    "~", "null", "[]", "{}", "''", "-1", "0", "1e309", ".nan", ".inf", "-.inf", "9223372036854775808",
    "-9223372036854775809", "0x7fffffffffffffff", "1_000", "yes", "no", "on", "\"\\u001b[2J\"", "&a [1]",
    "*a", "!!binary aGVsbG8=", "!!float 1", "[[[[[[]]]]]]", "2026-02-30", "|\n  multi\n  line", "? a",
    "<<: {title: x}", "'\u{202E}'", "\"\\0\"", "- x", "{a: b, a: c}",
  ]

  static func mutate(_ text: String, random: inout FuzzRandom) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let index = random.below(lines.count)
    switch random.below(10) {
    case 0: lines.remove(at: index)
    case 1: lines.insert(lines[index], at: random.below(lines.count + 1))
    case 2: lines.swapAt(index, random.below(lines.count))
    case 3: lines[index] = String(repeating: " ", count: random.below(6)) + lines[index].drop { $0 == " " }
    case 4, 5, 6:
      // A value replaced, or a key given one.
      if let colon = lines[index].firstIndex(of: ":") {
        lines[index] = String(lines[index][...colon]) + " " + random.pick(values)
      } else {
        lines[index] += random.pick(values)
      }
    case 7:
      let keys = PlanReader.topKeys + PlanReader.personKeys + PlanReader.itemKeys + PlanReader.policyKeys
      lines.insert(
        String(repeating: " ", count: 2 * random.below(3)) + random.pick(keys) + ": " + random.pick(values),
        at: random.below(lines.count + 1))
    default:
      return String(decoding: Mutate.bytes(Array(text.utf8), corpus: [], random: &random), as: UTF8.self)
    }
    return lines.joined(separator: "\n")
  }

  /// One plan: refused in words, or read into commands that the model decides (each accepted
  /// or refused), as `roundtable new --from` does; never a crash, and quickly.
  static func check(_ text: String) -> String {
    let start = Date()
    defer {
      let seconds = Date().timeIntervalSince(start)
      #expect(seconds < 2, "a plan took \(seconds) s to read: \(text.prefix(300))")
    }
    let plan: MeetingPlan
    do {
      plan = try MeetingPlan.parse(text, path: "plan.yaml")
    } catch let refusal as Refusal {
      #expect(refusal.message.hasSuffix("Nothing was created."), "\(refusal.message)")
      return "refused"
    } catch let refusal as RefusalLines {
      // Several problems, one per line, as `new --from` prints them.
      #expect(refusal.lines.count >= 2 && refusal.lines.last == "Nothing was created.", "\(refusal.lines)")
      return "refused"
    } catch {
      Issue.record("a plan was refused with \(error)")
      return "error"
    }
    let commands: [Command]
    do {
      commands = try plan.commands(title: nil, policy: nil)
    } catch {
      return "read, commands refused"
    }
    var state = MeetingState()
    var ids = SequentialEventIDs()
    for command in commands {
      do {
        _ = try state.execute(command, at: Instant(millisecondsSince1970: 1_763_719_200_000), ids: &ids)
      } catch {
        return "read, a command refused"
      }
    }
    return "created"
  }

  @Test func mutatedPlansAreReadOrRefusedNeverCrash() throws {
    let corpus = try Self.corpus()
    let figures = fuzz(
      "plan", corpus: corpus, budget: .fromEnvironment(iterations: 1500), dump: { Data($0.utf8) },
      mutate: { text, random in Self.mutate(text, random: &random) }, Self.check)
    #expect(figures.outcomes["created", default: 0] > 0)
    #expect(figures.outcomes["refused", default: 0] > 0)
  }
}
