import Foundation
import Glibc
import Testing

/// However the facilitator screen ends (an interrupt, a hang-up, a crash) the terminal is put
/// back exactly as it was: the same `stty -g` settings, the alternate screen left, the shell's
/// own text showing again. Run with the user's default settings (no `SWIFT_BACKTRACE`).
@Suite("The terminal is restored however the screen ends", .enabled(if: Tmux.isAvailable), .serialized)
struct TerminalRestoreTests {
  /// The screen inside a shell that records the settings around it, how it exited, and then
  /// prints a line of its own, so the test can see the shell's screen is back.
  static func wrapped(_ prefix: String = "") -> String {
    "bash -c 'stty -g > before.txt; \(prefix) env -u SWIFT_BACKTRACE \"\(CLI.binary.path)\" run m.rt "
      + "2> stderr.txt; echo $? > status.txt; stty -g > after.txt; echo back at the shell; sleep 60'"
  }

  /// A screen on a small meeting, ready for a signal; returns its tmux and its pid.
  static func screen(in folder: Folder, prefix: String = "") throws -> (Tmux, pid_t) {
    CLI.ok(["new", "m.rt", "--title", "Restore forum"], in: folder.url)
    CLI.ok(["join", "m.rt", "Amira"], in: folder.url)
    CLI.ok(["hand", "m.rt", "amira"], in: folder.url)
    let tmux = Tmux(width: 100, height: 30, command: wrapped(prefix), in: folder.url)
    #expect(tmux.waitFor("Amira"))
    #expect(tmux.alternateScreen == true)
    // Exactly this screen: the child of the pane's shell.
    let shell = tmux.run(["display-message", "-p", "-t", tmux.session, "#{pane_pid}"])
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
    let pid = try #require(children.split(separator: " ").first.flatMap { pid_t($0) })
    return (tmux, pid)
  }

  /// The settings before and after are the same, the alternate screen is left and the shell's
  /// line shows; returns the screen's exit status as the shell saw it.
  static func expectRestored(
    _ tmux: Tmux, in folder: Folder, sourceLocation: SourceLocation = #_sourceLocation
  )
    -> Int?
  {
    #expect(waitForFile(folder.path("after.txt"), seconds: 40), sourceLocation: sourceLocation)
    let before = (try? String(contentsOfFile: folder.path("before.txt"), encoding: .utf8)) ?? "missing"
    let after = (try? String(contentsOfFile: folder.path("after.txt"), encoding: .utf8)) ?? "missing"
    let stderr = (try? String(contentsOfFile: folder.path("stderr.txt"), encoding: .utf8)) ?? ""
    #expect(before == after, "stderr: \(stderr)", sourceLocation: sourceLocation)
    #expect(tmux.waitFor("back at the shell"), sourceLocation: sourceLocation)
    #expect(tmux.alternateScreen == false, sourceLocation: sourceLocation)
    let status = (try? String(contentsOfFile: folder.path("status.txt"), encoding: .utf8)) ?? ""
    return Int(status.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  /// SIGINT, SIGTERM and SIGHUP ask the screen to stop: it puts the terminal back and exits.
  @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
  func aStopSignalRestoresTheTerminal(signal: Int32) throws {
    let folder = Folder()
    let (tmux, pid) = try Self.screen(in: folder)
    defer { tmux.end() }
    #expect(Glibc.kill(pid, signal) == 0)
    let status = Self.expectRestored(tmux, in: folder)
    #expect(status != nil)
    // Nothing was lost: the file still opens.
    #expect(CLI.run(["queue", "m.rt"], in: folder.url).status == 0)
  }

  /// A fatal signal sent from outside (`kill -SEGV`, `-ABRT`, `-ILL`, `-BUS`, `-FPE`, `-QUIT`):
  /// the terminal is put back and the program ends of that signal. (Before, the Swift
  /// backtracer returned from a signal that was no fault and the screen ran on in a terminal
  /// already put back.)
  @Test(arguments: [SIGSEGV, SIGABRT, SIGILL, SIGBUS, SIGFPE, SIGQUIT])
  func aFatalSignalFromOutsideRestoresTheTerminalAndEndsTheScreen(signal: Int32) throws {
    let folder = Folder()
    let (tmux, pid) = try Self.screen(in: folder)
    defer { tmux.end() }
    #expect(Glibc.kill(pid, signal) == 0)
    let status = Self.expectRestored(tmux, in: folder)
    #expect(status == 128 + Int(signal))
  }

  /// A real crash: the process traps (an illegal instruction, as a failed Swift precondition
  /// does on x86-64) inside the screen. With default settings the terminal is put back first,
  /// then the Swift backtracer prints where it crashed and waits for a key (up to 30 s); then
  /// the program dies of SIGILL, and the terminal is as it was.
  @Test func aRealCrashRestoresTheTerminal() throws {
    let folder = Folder()
    let library = try Self.trapOnSignal(in: folder)
    let (tmux, pid) = try Self.screen(in: folder, prefix: "LD_PRELOAD=\(library)")
    defer { tmux.end() }
    #expect(Glibc.kill(pid, SIGUSR1) == 0)
    #expect(tmux.waitFor("any other key to quit", seconds: 30))
    let history = tmux.run(["capture-pane", "-p", "-S", "-", "-t", tmux.session])
    #expect(history.contains("Program crashed: Illegal instruction"), "\(history.prefix(600))")
    #expect(tmux.alternateScreen == false)
    tmux.send("x")
    let status = Self.expectRestored(tmux, in: folder)
    #expect(status == 128 + Int(SIGILL))
  }

  /// A tiny library that, preloaded, makes SIGUSR1 execute a trap instruction in the process:
  /// a genuine synchronous crash at a moment the test chooses.
  static func trapOnSignal(in folder: Folder) throws -> String {
    let source = folder.path("trap.c")
    try """
    #include <signal.h>
    static void crash(int s) { (void)s; __builtin_trap(); }
    __attribute__((constructor)) static void install(void) { signal(SIGUSR1, crash); }
    """.write(toFile: source, atomically: true, encoding: .utf8)
    let library = folder.path("trap.so")
    let compile = Process()
    // The C compiler, or the clang that comes with the Swift toolchain.
    compile.executableURL = URL(fileURLWithPath: "/bin/sh")
    compile.arguments = [
      "-c", "cc -shared -fPIC -o \"$1\" \"$2\" || clang -shared -fPIC -o \"$1\" \"$2\"", "sh", library,
      source,
    ]
    try compile.run()
    compile.waitUntilExit()
    try #require(compile.terminationStatus == 0, "cannot compile the trap library with cc or clang")
    return library
  }
}

extension Tmux {
  /// Whether the pane shows the alternate screen (a full-screen program's), not the shell's.
  var alternateScreen: Bool {
    run(["display-message", "-p", "-t", session, "#{alternate_on}"]).trimmingCharacters(
      in: .whitespacesAndNewlines) == "1"
  }
}
