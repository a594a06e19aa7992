import Foundation
import Testing

/// Every line the CLI prints goes through one door (Sources/roundtable/Output.swift, which
/// uses the model's `TerminalText.visible`): no other file of the executable writes to the
/// standard streams, and bare `print` is unavailable there, so a new verb cannot forget.
@Suite("One door for text to a terminal")
struct OutputDoorTests {
  static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Sources/roundtable")

  @Test func onlyOutputSwiftWritesToTheStandardStreams() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path).filter {
      $0.hasSuffix(".swift")
    }
    #expect(files.count > 20)
    let forbidden = [
      "Swift.print(", "FileHandle.standardOutput", "FileHandle.standardError", "fputs(", "fwrite(",
      "putchar(",
      "puts(", "write(STDOUT_FILENO", "write(STDERR_FILENO", "write(1,", "write(2,", "printf(", "dump(",
      "debugPrint(",
    ]
    for file in files where file != "Output.swift" {
      let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
      for pattern in forbidden {
        #expect(!text.contains(pattern), "\(file) writes with \(pattern): use say(_:) from Output.swift")
      }
    }
    let door = try String(contentsOf: Self.sources.appendingPathComponent("Output.swift"), encoding: .utf8)
    #expect(door.contains("@available(*, unavailable"))
    #expect(door.contains("func print(_ items: Any..."))
    #expect(door.contains("Swift.print(TerminalText.visible(line))"))
  }
}
