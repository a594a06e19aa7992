import Foundation
import Testing

/// `roundtable export` through the built binary: minutes and tables to the screen or to a
/// private file that is never overwritten without --force.
@Suite("Exporting minutes from the shell")
struct ExportMinutesTests {
  static func meeting(in folder: Folder) {
    CLI.ok(["new", "m.rt", "--title", "Housing forum", "--at", "2026-11-21T10:00:00Z"], in: folder.url)
    CLI.ok(
      ["join", "m.rt", "Siobhán Byrne", "--tag", "lived-experience", "--at", "2026-11-21T10:00:00Z"],
      in: folder.url)
    CLI.ok(
      ["join", "m.rt", "Ben Okafor", "--tag", "professional", "--at", "2026-11-21T10:00:00Z"], in: folder.url)
    CLI.ok(
      ["agenda", "add", "m.rt", "First home offers", "--minutes", "20", "--at", "2026-11-21T10:01:00Z"],
      in: folder.url)
    CLI.ok(["agenda", "next", "m.rt", "--at", "2026-11-21T10:02:00Z"], in: folder.url)
    CLI.ok(["hand", "m.rt", "ben", "--at", "2026-11-21T10:02:05Z"], in: folder.url)
    CLI.ok(["next", "m.rt", "--at", "2026-11-21T10:02:10Z"], in: folder.url)
    CLI.ok(["hand", "m.rt", "siobhan", "--at", "2026-11-21T10:04:00Z"], in: folder.url)
    CLI.ok(["next", "m.rt", "--at", "2026-11-21T10:05:00Z"], in: folder.url)
    CLI.ok(
      [
        "decide", "m.rt", "Every first home comes with a bed", "--method", "consent", "--outcome", "agreed",
        "--stance", "ben=concern:the budget is not agreed, says Siobhan", "--action",
        "Ben: cost it (due 2026-12-05)",
        "--at", "2026-11-21T10:09:00Z",
      ], in: folder.url)
    CLI.ok(["close", "m.rt", "--at", "2026-11-21T10:10:00Z"], in: folder.url)
  }

  @Test func minutesGoToTheScreenOrToAPrivateFileNeverOverwritten() throws {
    let folder = Folder()
    Self.meeting(in: folder)
    let markdown = CLI.ok(["export", "m.rt", "--format", "markdown"], in: folder.url)
    #expect(markdown.hasPrefix("# Housing forum\n"))
    #expect(markdown.contains("Ben Okafor had a concern: the budget is not agreed, says Siobhan"))
    #expect(markdown.contains("Action for Ben Okafor: cost it (by Saturday 5 December 2026)"))

    CLI.ok(["export", "m.rt", "--format", "html", "-o", "minutes.html"], in: folder.url)
    let attributes = try FileManager.default.attributesOfItem(atPath: folder.path("minutes.html"))
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    let first = try Data(contentsOf: URL(fileURLWithPath: folder.path("minutes.html")))
    #expect(String(decoding: first, as: UTF8.self).hasPrefix("<!DOCTYPE html>"))

    // Again without --force: refused, and the file is as it was.
    let again = CLI.run(["export", "m.rt", "--format", "markdown", "-o", "minutes.html"], in: folder.url)
    #expect(again.status != 0)
    #expect(again.stderr.contains("minutes.html already exists") && again.stderr.contains("--force"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path("minutes.html"))) == first)
    // With --force: replaced whole, still private.
    CLI.ok(["export", "m.rt", "--format", "markdown", "-o", "minutes.html", "--force"], in: folder.url)
    #expect(try String(contentsOfFile: folder.path("minutes.html"), encoding: .utf8) == markdown)
    let replaced = try FileManager.default.attributesOfItem(atPath: folder.path("minutes.html"))
    #expect((replaced[.posixPermissions] as? Int) == 0o600)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter {
      $0.contains("tmp")
    }
    #expect(leftovers.isEmpty)
  }

  @Test func anonymisedMinutesAndTablesNameNobody() throws {
    let folder = Folder()
    Self.meeting(in: folder)
    for arguments in [
      ["--format", "markdown"], ["--format", "html"], ["--format", "csv"],
      ["--format", "csv", "--table", "decisions"],
      ["--format", "csv", "--table", "actions"],
    ] {
      let output = CLI.ok(["export", "m.rt"] + arguments + ["--anonymize"], in: folder.url)
      for name in ["Siobhán", "Siobhan", "Byrne", "Ben", "Okafor"] {
        #expect(!output.contains(name), "\(name) in \(arguments)")
      }
      #expect(output.contains("Participant"), "\(arguments)")
    }
    let decisions = CLI.ok(["export", "m.rt", "--format", "csv", "--table", "decisions"], in: folder.url)
    #expect(decisions.contains("Every first home comes with a bed"))
  }

  @Test func refusalsSayWhyAndWriteNothing() throws {
    let folder = Folder()
    Self.meeting(in: folder)
    for (arguments, message) in [
      (["--format", "jsonl", "--anonymize"], "--anonymize goes with markdown, html or csv"),
      (["--format", "markdown", "--table", "turns"], "--table goes with --format csv"),
      (["--format", "markdown", "--force"], "--force goes with -o FILE"),
      (["--format", "pdf"], "pdf"),
    ] {
      let result = CLI.run(["export", "m.rt"] + arguments, in: folder.url)
      #expect(result.status != 0, "\(arguments)")
      #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
      #expect(result.stdout.isEmpty)
    }
  }
}
