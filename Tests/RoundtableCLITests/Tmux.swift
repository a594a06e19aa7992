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
      ["LANG": "C.UTF-8", "TERM": "xterm-256color", "TZ": "UTC", "NO_COLOR": ""],
      uniquingKeysWith: { a, _ in a })
    {
      arguments += ["-e", "\(name)=\(value)"]
    }
    arguments += ["-c", folder.path, command]
    // The first command starts the tmux server, which keeps the client's output open: give it
    // no pipe to hold, or reading the pipe would never finish.
    run(arguments, capture: false)
  }

  deinit { end() }

  private var closed = false

  /// Ends the tmux server and the program in it. Tests with several terminals call it in a
  /// `defer`: an object captured by a failing expectation's message may outlive the test.
  func end() {
    guard !closed else { return }
    closed = true
    run(["kill-server"], capture: false)
  }

  static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

  /// Runs one tmux client command. Not through Foundation's `Process`: on Linux it learns that
  /// a child exited when a socket it gave the child closes, and the tmux server that the first
  /// command starts keeps that socket open, so waiting would never end. `posix_spawn` and
  /// `waitpid` have no such trap.
  @discardableResult
  func run(_ arguments: [String], capture: Bool = true) -> String {
    let all = ["tmux", "-u", "-L", socket, "-f", "/dev/null"] + arguments
    var output: [Int32] = [-1, -1]
    guard pipe(&output) == 0 else { return "" }
    let devNull = open("/dev/null", O_RDWR)
    defer { close(devNull) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, devNull, 0)
    posix_spawn_file_actions_adddup2(&actions, capture ? output[1] : devNull, 1)
    posix_spawn_file_actions_adddup2(&actions, devNull, 2)
    posix_spawn_file_actions_addclose(&actions, output[0])
    posix_spawn_file_actions_addclose(&actions, output[1])
    var argv: [UnsafeMutablePointer<CChar>?] = all.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    // Test threads run with most signals blocked, and a child inherits that mask: a tmux
    // server started so would never see the SIGTERM that `kill-server` sends, and would outlive
    // the test with its program still running. Start it with no signal blocked, as a shell would.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    posix_spawnattr_setsigmask(&attributes, &unblocked)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGHUP, SIGINT, SIGTERM, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, "/usr/bin/tmux", &actions, &attributes, &argv, environ)
    close(output[1])
    var data = Data()
    if spawned == 0 {
      var chunk = [UInt8](repeating: 0, count: 4096)
      while true {
        let count = read(output[0], &chunk, chunk.count)
        if count <= 0 { break }
        data.append(contentsOf: chunk[0..<count])
      }
      var status: Int32 = 0
      waitpid(pid, &status, 0)
    }
    close(output[0])
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

/// Waits until a file written by the shell around the binary is complete: it exists and ends
/// with a newline (a file can exist, still empty, while the shell is writing it).
func waitForFile(_ path: String, seconds: Double = 10) -> Bool {
  let deadline = Date().addingTimeInterval(seconds)
  while Date() < deadline {
    if let text = try? String(contentsOfFile: path, encoding: .utf8), text.hasSuffix("\n") { return true }
    Thread.sleep(forTimeInterval: 0.1)
  }
  return false
}
