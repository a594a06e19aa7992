import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The built binary run as a child process that a test can time out or kill at any moment:
/// spawned with `posix_spawn` (no pipes to drain: its output goes to files), with no signal
/// blocked, optionally as user nobody (`setpriv`), for permission cases when tests run as root.
final class ChildProcess {
  /// How a child ended.
  enum Outcome: Equatable {
    case exited(Int32)
    case signalled(Int32)
    /// Still running at the deadline: killed.
    case timedOut
  }

  let pid: pid_t
  let outputPath: String
  let errorPath: String
  private(set) var outcome: Outcome?

  /// Starts `roundtable ARGUMENTS` in `folder`; standard input is `input` (a descriptor the
  /// child gets a copy of, such as a pipe's read end) or else /dev/null; `environment` adds to
  /// or replaces variables of `CLI.environment`.
  init?(
    _ arguments: [String], in folder: URL, asNobody: Bool = false, input: Int32? = nil,
    environment: [String: String] = [:]
  ) {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "roundtable-child-\(UUID().uuidString)")
    outputPath = scratch.path + ".out"
    errorPath = scratch.path + ".err"
    var all = [CLI.binary.path] + arguments
    if asNobody { all = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + all }
    // `env -C` changes folder and execs (posix_spawn's own chdir action is not exported here);
    // so does setpriv: the child's pid is the binary's.
    all = ["/usr/bin/env", "-C", folder.path] + all
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if let input {
      posix_spawn_file_actions_adddup2(&actions, input, 0)
    } else {
      posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    }
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
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
    var argv: [UnsafeMutablePointer<CChar>?] = all.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var envp: [UnsafeMutablePointer<CChar>?] =
      CLI.environment.merging(environment) { $1 }.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in envp { free(pointer) } }
    var child: pid_t = 0
    guard posix_spawn(&child, all[0], &actions, &attributes, &argv, &envp) == 0 else { return nil }
    pid = child
  }

  deinit {
    if outcome == nil { _ = kill(SIGKILL) }
    unlink(outputPath)
    unlink(errorPath)
  }

  /// Reaps the child if it has ended (without waiting).
  @discardableResult
  func poll() -> Outcome? {
    if let outcome { return outcome }
    var status: Int32 = 0
    let reaped = waitpid(pid, &status, WNOHANG)
    guard reaped == pid else { return nil }
    outcome = Self.outcome(of: status)
    return outcome
  }

  private static func outcome(of status: Int32) -> Outcome {
    status & 0x7f == 0 ? .exited((status >> 8) & 0xff) : .signalled(status & 0x7f)
  }

  /// Waits up to `seconds` for the child to end; kills it (and says so) when it has not.
  @discardableResult
  func wait(seconds: Double) -> Outcome {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if let outcome = poll() { return outcome }
      usleep(2_000)
    }
    _ = kill(SIGKILL)
    outcome = .timedOut
    return .timedOut
  }

  /// Sends `signal` and reaps the child; returns how it ended (it may have ended before).
  @discardableResult
  func kill(_ signal: Int32) -> Outcome {
    if let outcome { return outcome }
    Glibc.kill(pid, signal)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let ended = Self.outcome(of: status)
    outcome = ended
    return ended
  }

  var stdout: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }
  var stderr: String { (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "" }
}
