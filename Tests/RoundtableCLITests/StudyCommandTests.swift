import Foundation
import Testing

/// `roundtable study`, run like a facilitator or a script would.
@Suite("roundtable study")
struct StudyCommandTests {
  static let small = [
    "study", "--meetings", "6", "--composition", "5/5", "--ratio", "1.8", "--demand", "1.5,2", "--policy",
    "fifo,balanced",
  ]

  @Test func jsonIsTheSameWhateverTheNumberOfThreads() throws {
    let folder = Folder()
    let one = CLI.run(Self.small + ["--json", "--jobs", "1"], in: folder.url)
    let two = CLI.run(Self.small + ["--json", "--jobs", "2"], in: folder.url)
    #expect(one.status == 0 && two.status == 0)
    #expect(one.stdout == two.stdout)
    // Standard error is not a terminal here: no progress line.
    #expect(one.stderr.isEmpty)
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
    #expect(report["seed"] as? Int == 1)
    #expect(report["meetingsPerSetting"] as? Int == 6)
    let rows = try #require(report["rows"] as? [[String: Any]])
    #expect(rows.count == 4)
    #expect(rows.compactMap { $0["policy"] as? String } == ["fifo", "balanced", "fifo", "balanced"])
    let summary = try #require(rows.first?["summary"] as? [String: Any])
    let groups = try #require(summary["groups"] as? [[String: Any]])
    #expect(groups.compactMap { $0["tag"] as? String } == ["lived-experience", "professional"])
    #expect(groups.compactMap { $0["target"] as? Double } == [0.5, 0.5])
    #expect(report["wrapUpSeconds"] as? Int == 30)
  }

  @Test func theWrapUpCueCanBeLeftUnused() throws {
    let folder = Folder()
    func wrapped(_ extra: [String]) throws -> [Double] {
      let output = CLI.ok(Self.small + ["--json"] + extra, in: folder.url)
      let report = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
      let rows = try #require(report["rows"] as? [[String: Any]])
      return rows.filter { $0["policy"] as? String == "balanced" }.flatMap { row -> [Double] in
        let summary = row["summary"] as? [String: Any]
        let groups = summary?["groups"] as? [[String: Any]] ?? []
        return groups.compactMap { $0["wrappedUpPercent"] as? Double }
      }
    }
    #expect(try wrapped([]).contains { $0 > 0 })
    let off = try wrapped(["--wrap-up", "0"])
    #expect(off.count == 4 && off.allSatisfy { $0 == 0 })
    for arguments in [["study", "--wrap-up=-5"], ["study", "--wrap-up", "-5"]] {
      let negative = CLI.run(arguments, in: folder.url)
      #expect(negative.status == 64)
      #expect(negative.stderr.contains("--wrap-up must be 0 to 3600, not -5."))
    }
  }

  @Test func theTableHasARowPerSettingAndPolicy() {
    let folder = Folder()
    let table = CLI.ok(Self.small + ["--seed", "9"], in: folder.url)
    let lines = table.split(separator: "\n")
    #expect(lines.first?.hasPrefix("Mix  Ratio  Demand  Policy") == true)
    #expect(lines.filter { $0.hasPrefix("5/5  1.8×") }.count == 4)
    #expect(table.contains("6 meetings per row"))
    #expect(CLI.ok(Self.small + ["--seed", "9"], in: folder.url) == table)
  }

  @Test func wrongSettingsAreRefusedClearly() {
    let folder = Folder()
    let composition = CLI.run(["study", "--composition", "3-7"], in: folder.url)
    #expect(composition.status == 64)
    #expect(composition.stderr.contains("--composition '3-7' is not understood"))
    let targets = CLI.run(["study", "--targets", "half"], in: folder.url)
    #expect(targets.status == 64)
    #expect(targets.stderr.contains("--targets 'half'"))
    let policy = CLI.run(["study", "--policy", "lottery"], in: folder.url)
    #expect(policy.status == 64)
  }
}
