import Foundation
import Testing

/// The benchmark suite at tiny sizes (`roundtable-bench --smoke`): every benchmark runs, checks
/// its own results (the replayed state, the twin file of the append baseline, the follower's
/// lines, the screen in tmux) and prints a figure next to a baseline. It asserts no timings:
/// the figures themselves come from `./scripts/bench` in release (docs/performance.md).
@Suite(.serialized) struct BenchmarkSmokeTests {
  static let bench = CLI.binary.deletingLastPathComponent().appendingPathComponent("roundtable-bench")

  @Test func everyBenchmarkRunsAtTinySizesAndPrintsAFigureBesideItsBaseline() throws {
    let folder = Folder()
    let process = Process()
    process.executableURL = Self.bench
    process.arguments = ["--smoke", "--roundtable", CLI.binary.path, "--data", folder.url.path]
    process.currentDirectoryURL = folder.url
    // Output to a file, not a pipe: a daemon the bench starts (the tmux server of benchmark 6)
    // must not be able to hold the test's read open. The run is bounded: killed after 300 s.
    let outputURL = folder.url.appendingPathComponent("bench-output.txt")
    #expect(FileManager.default.createFile(atPath: outputURL.path, contents: nil))
    let out = try FileHandle(forWritingTo: outputURL)
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    try out.close()
    let deadline = Date().addingTimeInterval(300)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.2) }
    let finished = !process.isRunning
    if !finished {
      process.terminate()
      process.waitUntilExit()
    }
    let output = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
    #expect(finished, "the smoke run did not finish in 300 s:\n\(output)")
    #expect(process.terminationStatus == 0, "\(output)")
    #expect(!output.contains("FAILED"), "\(output)")
    let lines = output.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("machine: ") == true)
    // Benchmark 7 prints two figures (export and stats): eight rows in all, each with a number
    // in its figure and a baseline.
    let rows = lines.filter { $0.hasPrefix("| ") && !$0.hasPrefix("| benchmark") && !$0.hasPrefix("| ---") }
    #expect(rows.count == 8, "\(output)")
    for number in 1...7 {
      let printed = lines.filter { $0.hasPrefix("\(number). ") && $0.contains("| baseline: ") }
      #expect(!printed.isEmpty, "benchmark \(number) printed no figure:\n\(output)")
      for line in printed {
        let figure = line.split(separator: "|").first.map(String.init) ?? ""
        let afterLabel = figure.split(separator: ":", maxSplits: 1).last.map(String.init) ?? ""
        #expect(afterLabel.contains { $0.isNumber }, "no figure in: \(line)")
      }
    }
  }
}
