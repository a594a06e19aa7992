import Foundation
import Testing

/// A tmux session on its own server, running a command in a terminal of a given size, for
/// driving the real binary as a person would: send keys, read the screen.
final class Tmux {
  let socket = "roundtable-test-\(UUID().uuidString.prefix(8))"
  let session = "meeting"

  init(width: Int, height: Int, command: String, in folder: URL, environment: [String: String] = [:]) {
    var arguments = ["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)"]
    for (name, value) in environment.merging(
      ["LANG": "C.UTF-8", "TERM": "xterm-256color", "TZ": "UTC"], uniquingKeysWith: { a, _ in a })
    {
      arguments += ["-e", "\(name)=\(value)"]
    }
    arguments += ["-c", folder.path, command]
    run(arguments)
  }

  deinit { run(["kill-server"]) }

  static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

  @discardableResult
  func run(_ arguments: [String]) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/tmux")
    process.arguments = ["-u", "-L", socket, "-f", "/dev/null"] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = Pipe()
    do { try process.run() } catch { return "" }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  /// The screen as text, one string per row.
  func screen() -> [String] {
    run(["capture-pane", "-p", "-t", session]).split(separator: "\n", omittingEmptySubsequences: false).map(
      String.init)
  }

  /// The screen with its colour and attribute escape sequences.
  func screenWithAttributes() -> String { run(["capture-pane", "-p", "-e", "-t", session]) }

  func send(_ keys: String...) { run(["send-keys", "-t", session] + keys) }

  func resize(width: Int, height: Int) {
    run(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
  }

  /// Waits (up to `seconds`) until the screen shows `text`; true when it does.
  @discardableResult
  func waitFor(_ text: String, seconds: Double = 10) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if screen().joined(separator: "\n").contains(text) { return true }
      Thread.sleep(forTimeInterval: 0.1)
    }
    return false
  }
}

/// Waits until a file exists (written by the shell around the binary when it exits).
func waitForFile(_ path: String, seconds: Double = 10) -> Bool {
  let deadline = Date().addingTimeInterval(seconds)
  while Date() < deadline {
    if FileManager.default.fileExists(atPath: path) { return true }
    Thread.sleep(forTimeInterval: 0.1)
  }
  return false
}
