import Foundation
import Testing

/// The README's shell meeting is real: run it and compare the queue it prints with the one the
/// README shows.
@Suite("The README's scripted meeting")
struct ReadmeScriptTests {
  @Test func theReadmeMeetingRunsAndPrintsTheQueueShown() throws {
    let readme = try String(
      contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
    let section = try #require(
      readme.components(separatedBy: "## A meeting from the shell").dropFirst().first)
    let blocks = section.components(separatedBy: "```")
    // blocks[1] is "sh\n<script>", blocks[3] is "\n<expected queue>".
    let script = String(try #require(blocks.dropFirst().first).dropFirst("sh\n".count))
    let expected = String(try #require(blocks.dropFirst(3).first).dropFirst())

    let folder = Folder()
    try script.write(toFile: folder.path("meeting.sh"), atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-e", "meeting.sh"]
    process.currentDirectoryURL = folder.url
    var environment = CLI.environment
    environment["PATH"] =
      CLI.binary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let printed = String(decoding: output.fileHandleForReading.readAllRetryingInterrupts(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(printed.contains(expected), "the README's queue is not what the script prints:\n\(printed)")
  }
}
