import Foundation
import Testing

/// Every numeric argument has a documented range (docs/cli.md, "Numbers"), through the built
/// binary: a value just inside is accepted, just outside refused with the range in the message
/// and the documented exit status (64: the command line is wrong, checked before the file is
/// opened; 1: refused by the meeting, nothing changed).
@Suite("Numeric ranges and impossible dates, through the binary")
struct NumericRangeTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var option: String
    /// The verb and its other arguments; `VALUE` stands for the value tried.
    var words: [String]
    var inside: [String]
    var outside: [String]
    var status: Int32
    var message: String
    var testDescription: String { option }
  }

  static let file = "m.rt"
  static let at = "2026-11-21T10:05:00Z"

  static let cases: [Case] = [
    Case(
      option: "simulate --participants",
      words: ["simulate", "s.rt", "--events", "5", "--participants", "VALUE"],
      inside: ["2", "500"], outside: ["1", "501", "9223372036854775807"], status: 64,
      message: "--participants must be 2 to 500"),
    Case(
      option: "simulate --events", words: ["simulate", "s.rt", "--participants", "4", "--events", "VALUE"],
      inside: ["1"], outside: ["0", "10000001", "9223372036854775807"], status: 64,
      message: "--events must be 1 to 10000000"),
    Case(
      option: "simulate --ratio", words: ["simulate", "s.rt", "--events", "5", "--ratio", "VALUE"],
      inside: ["0.01", "100"], outside: ["0", "100.5", "nan", "inf"], status: 64,
      message: "--ratio must be 0.01 to 100"),
    Case(
      option: "simulate --seed", words: ["simulate", "s.rt", "--events", "5", "--seed", "VALUE"],
      inside: ["0", "18446744073709551615"], outside: ["-1", "18446744073709551616"], status: 64,
      message: "--seed"),
    Case(
      option: "study --meetings",
      words: [
        "study", "--composition", "2/2", "--ratio", "1", "--demand", "1",
        "--policy", "fifo", "--minutes", "1", "--meetings", "VALUE",
      ],
      inside: ["1"], outside: ["0", "100001"], status: 64, message: "--meetings must be 1 to 100000"),
    Case(
      option: "study --ratio",
      words: [
        "study", "--meetings", "1", "--composition", "2/2", "--demand", "1",
        "--policy", "fifo", "--minutes", "1", "--ratio", "VALUE",
      ],
      inside: ["100"], outside: ["0", "100.1", "-1"], status: 64,
      message: "give numbers above 0 up to 100"),
    Case(
      option: "study --demand",
      words: [
        "study", "--meetings", "1", "--composition", "2/2", "--ratio", "1",
        "--policy", "fifo", "--minutes", "1", "--demand", "VALUE",
      ],
      inside: ["0.5"], outside: ["0", "101"], status: 64, message: "give numbers above 0 up to 100"),
    Case(
      option: "study --starvation-limit",
      words: [
        "study", "--meetings", "1", "--composition", "2/2", "--ratio",
        "1", "--demand", "1", "--policy", "balanced", "--minutes", "1", "--starvation-limit", "VALUE",
      ],
      inside: ["0", "1000"], outside: ["-1", "1001"], status: 64,
      message: "--starvation-limit must be 0 to 1000"),
    Case(
      option: "study --wrap-up",
      words: [
        "study", "--meetings", "1", "--composition", "2/2", "--ratio", "1",
        "--demand", "1", "--policy", "balanced", "--minutes", "1", "--wrap-up", "VALUE",
      ],
      inside: ["0", "3600"], outside: ["-1", "3601"], status: 64, message: "--wrap-up must be 0 to 3600"),
    Case(
      option: "study --minutes",
      words: [
        "study", "--meetings", "1", "--composition", "2/2", "--ratio", "1",
        "--demand", "1", "--policy", "fifo", "--minutes", "VALUE",
      ],
      inside: ["1"], outside: ["0", "601"], status: 64, message: "--minutes must be 1 to 600"),
    Case(
      option: "study --jobs",
      words: [
        "study", "--meetings", "1", "--composition", "2/2", "--ratio", "1",
        "--demand", "1", "--policy", "fifo", "--minutes", "1", "--jobs", "VALUE",
      ],
      inside: ["1", "256"], outside: ["0", "257"], status: 64, message: "--jobs must be 1 to 256"),
    Case(
      option: "study --composition",
      words: [
        "study", "--meetings", "1", "--ratio", "1", "--demand", "1",
        "--policy", "fifo", "--minutes", "1", "--composition", "VALUE",
      ],
      inside: ["1/1"], outside: ["0/5", "250/251"], status: 64, message: "each at least 1 and 500 in all"),
    Case(
      option: "run --wrap-up", words: ["run", file, "--wrap-up", "VALUE"],
      inside: [], outside: ["-1", "3601"], status: 64, message: "--wrap-up must be 0 to 3600"),
    Case(
      option: "agenda add --minutes",
      words: ["agenda", "add", file, "Item", "--minutes", "VALUE", "--at", at],
      inside: ["1", "600"], outside: ["0", "601", "-5"], status: 1, message: "A timebox is 1 to 600 minutes."),
    Case(
      option: "agenda add --position",
      words: ["agenda", "add", file, "Item", "--position", "VALUE", "--at", at],
      inside: ["1", "9223372036854775807"], outside: ["0", "-1"], status: 1, message: "Positions start at 1."),
    Case(
      option: "contribute --credit",
      words: [
        "contribute", file, "ama", "--written", "Hi", "--credit", "VALUE",
        "--at", at,
      ],
      inside: ["0", "3600"], outside: ["-1", "3601"], status: 1,
      message: "Credit a contribution with 0 to 3600 seconds of airtime."),
    Case(
      option: "join --time-adjust", words: ["join", file, "Cy", "--time-adjust", "VALUE", "--at", at],
      inside: ["0.25", "4"], outside: ["0.24", "4.01", "nan"], status: 1,
      message: "A time adjustment is between 0.25 and 4"),
    Case(
      option: "policy --starvation-limit",
      words: ["policy", file, "--starvation-limit", "VALUE", "--at", at],
      inside: ["0", "1000"], outside: ["-1", "1001"], status: 1,
      message: "The starvation limit is a number of turns: 0 (off) to 1000."),
    Case(
      option: "decide --votes",
      words: [
        "decide", file, "Go", "--method", "vote", "--outcome", "agreed", "--votes",
        "VALUE", "--at", at,
      ],
      inside: ["0,0,0", "100000,0,1"], outside: ["100001,0,0", "-1,0,0"], status: 1, message: "Vote counts"),
    Case(
      option: "--at", words: ["hand", file, "ama", "--at", "VALUE"],
      inside: ["2026-11-22T04:05:00+18:00", "2026-11-21T10:05:00Z"],
      outside: [
        "2026-02-30T10:00:00Z", "2026-11-21T10:00:00+99:00", "2026-11-21T10:00:00+18:30",
        "99999-01-01T00:00:00Z", "1969-12-31T23:00:00Z", "2026-11-21T25:00:00Z",
      ], status: 64,
      message: "a real date in the years 1970 to 9999, a time of day, and Z or an offset up to ±18:00"),
    Case(
      option: "stats --at", words: ["stats", file, "--at", "VALUE"], inside: ["9999-12-31T23:59:59Z"],
      outside: ["10000-01-01T00:00:00Z", "2027-02-29T00:00:00Z"], status: 64,
      message: "a real date in the years"),
    Case(
      option: "due date", words: ["action", file, "VALUE", "--at", at],
      inside: ["Ama: book rooms (due 2028-02-29)"],
      outside: ["Ama: x (due 2026-02-30)", "Ama: x (due 99999-01-01)", "Ama: x (due 2027-02-29)"], status: 1,
      message: "is not a real date such as 2026-12-31 (years 1970 to 9999)."),
    Case(
      option: "new --date", words: ["new", "d.rt", "--title", "T", "--date", "VALUE"], inside: ["2026-11-21"],
      outside: ["2026-02-30", "2026-13-01"], status: 1, message: "The meeting's date “"),
  ]

  func prepare(_ folder: Folder) {
    CLI.ok(["new", Self.file, "--title", "Forum", "--at", "2026-11-21T10:00:00Z"], in: folder.url)
    CLI.ok(["join", Self.file, "Ama", "--at", "2026-11-21T10:00:00Z"], in: folder.url)
    CLI.ok(["open", Self.file, "--at", "2026-11-21T10:00:00Z"], in: folder.url)
  }

  @Test(arguments: cases) func insideIsAcceptedOutsideIsRefused(range: Case) throws {
    for value in range.outside {
      let folder = Folder()
      prepare(folder)
      let before = CLI.ok(["log", Self.file, "--json"], in: folder.url)
      let arguments = range.words.map { $0 == "VALUE" ? value : $0 }
      let started = Date()
      let run = CLI.run(arguments, in: folder.url)
      #expect(run.status == range.status, "\(arguments): \(run.status) \(run.stderr)")
      #expect(run.stderr.contains(range.message), "\(arguments): \(run.stderr)")
      #expect(run.stdout.isEmpty, "\(arguments)")
      #expect(Date().timeIntervalSince(started) < 10, "\(arguments) took too long")
      #expect(
        CLI.ok(["log", Self.file, "--json"], in: folder.url) == before, "\(arguments) changed the file")
      #expect(!FileManager.default.fileExists(atPath: folder.path("s.rt")), "\(arguments)")
      #expect(!FileManager.default.fileExists(atPath: folder.path("d.rt")), "\(arguments)")
    }
    for value in range.inside {
      let folder = Folder()
      prepare(folder)
      let arguments = range.words.map { $0 == "VALUE" ? value : $0 }
      let run = CLI.run(arguments, in: folder.url)
      #expect(run.status == 0, "\(arguments): \(run.stderr)")
    }
  }

  /// Every range is in the verb's `--help`.
  @Test func rangesAreInTheHelp() {
    let folder = Folder()
    let expected: [([String], [String])] = [
      (["simulate"], ["2 to 500", "1 to 10000000", "0.01 to 100", "0 to 18446744073709551615"]),
      (
        ["study"],
        ["1 to 100000", "0 to 1000", "0 to 3600", "1 to 600", "1 to 256", "500 in all", "up to 100"]
      ),
      (["run"], ["up to 3600"]), (["agenda", "add"], ["1 to 600", "from 1"]),
      (["contribute"], ["0 to 3600"]), (["join"], ["0.25 to 4"]), (["update"], ["0.25 to 4"]),
      (["policy"], ["0 to 1000"]), (["decide"], ["0 to 100000"]), (["amend"], ["0 to 100000"]),
      (["hand"], ["1970 to 9999", "±18:00"]), (["move"], ["from 1"]),
    ]
    for (verb, pieces) in expected {
      let help = CLI.ok(verb + ["--help"], in: folder.url).replacingOccurrences(of: "\n", with: " ")
        .split(separator: " ").joined(separator: " ")
      for piece in pieces { #expect(help.contains(piece), "\(verb) --help lacks \(piece)") }
    }
  }
}
