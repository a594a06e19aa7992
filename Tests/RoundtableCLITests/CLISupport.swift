import Foundation
import Testing

/// What one run of the binary printed and how it exited.
struct Run {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// Runs the real `roundtable` binary, as built next to the test bundle.
enum CLI {
  static let binary: URL = {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("roundtable")
    if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(".build/debug/roundtable")
  }()

  /// The environment the binary runs in: times shown in UTC, whatever the machine's zone.
  static var environment: [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["TZ"] = "UTC"
    return environment
  }

  @discardableResult
  static func run(_ arguments: [String], in folder: URL, sourceLocation: SourceLocation = #_sourceLocation)
    -> Run
  {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = folder
    process.environment = CLI.environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    do {
      try process.run()
    } catch {
      Issue.record("cannot run \(binary.path): \(error)", sourceLocation: sourceLocation)
      return Run(status: -1, stdout: "", stderr: "")
    }
    let stdout = out.fileHandleForReading.readAllRetryingInterrupts()
    let stderr = err.fileHandleForReading.readAllRetryingInterrupts()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  /// Runs and expects success, returning standard output.
  @discardableResult
  static func ok(_ arguments: [String], in folder: URL, sourceLocation: SourceLocation = #_sourceLocation)
    -> String
  {
    let result = run(arguments, in: folder, sourceLocation: sourceLocation)
    #expect(result.status == 0, "\(arguments) failed: \(result.stderr)", sourceLocation: sourceLocation)
    return result.stdout
  }
}

/// A fresh folder for one test's files, removed afterwards.
final class Folder {
  let url: URL

  init() {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("roundtable-cli-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  deinit { try? FileManager.default.removeItem(at: url) }
}
