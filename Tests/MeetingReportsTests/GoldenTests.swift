import Foundation
import MeetingModel
import Testing

@testable import MeetingReports

/// The exports of one scripted meeting, compared whole against files reviewed by hand. To
/// accept a deliberate change, run with `ROUNDTABLE_UPDATE_GOLDEN=1`, then read the diff.
@Suite("Exports of a scripted meeting, against golden files")
struct GoldenTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "Golden")

  static func compare(_ text: String, with name: String) throws {
    let url = folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["ROUNDTABLE_UPDATE_GOLDEN"] == "1" {
      try text.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    // Bytes, not String(contentsOf:), which would drop the CSV files' byte-order mark.
    let expected = String(decoding: try Data(contentsOf: url), as: UTF8.self)
    if text != expected {
      let got = text.split(separator: "\n", omittingEmptySubsequences: false)
      let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let line =
        zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(got.count, want.count)
      Issue.record(
        "\(name) differs from line \(line + 1):\n got: \(line < got.count ? got[line] : "<end>")\nwant: \(line < want.count ? want[line] : "<end>")"
      )
    }
  }

  @Test(arguments: [false, true])
  func markdown(anonymised: Bool) throws {
    let state = try ScriptedForum.meeting()
    let minutes = Minutes(
      state: state, options: anonymised ? ScriptedForum.anonymised : ScriptedForum.options)
    try Self.compare(
      MarkdownMinutes.render(minutes), with: anonymised ? "minutes-anonymised.md" : "minutes.md")
  }

  @Test(arguments: [false, true])
  func html(anonymised: Bool) throws {
    let state = try ScriptedForum.meeting()
    let minutes = Minutes(
      state: state, options: anonymised ? ScriptedForum.anonymised : ScriptedForum.options)
    try Self.compare(
      HTMLMinutes.render(minutes), with: anonymised ? "minutes-anonymised.html" : "minutes.html")
  }

  @Test(arguments: CSVTables.Table.allCases)
  func csv(table: CSVTables.Table) throws {
    let state = try ScriptedForum.meeting()
    try Self.compare(
      CSVTables.render(table, state: state, options: ScriptedForum.options), with: "\(table.rawValue).csv")
    try Self.compare(
      CSVTables.render(table, state: state, options: ScriptedForum.anonymised),
      with: "\(table.rawValue)-anonymised.csv")
  }
}
