import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Files that are not usable meetings (`HostileFile.all`: truncated, random, foreign, tampered,
/// folders, FIFOs, sockets, devices, unreadable) × every verb (`VerbCase.all`): a clear message
/// on standard error, exit 2, nothing on standard output, no crash, no hang, and the folder
/// (the file, its companions, any output) exactly as it was.
@Suite("Hostile files × every verb", .serialized)
struct HostileFileTests {
  /// A verb still running after this is a hang: killed, and a failure.
  static let timeoutSeconds = 10.0
  /// How many hostile files are tried at once (one process each).
  static let width = 3

  /// A valid meeting of several pages and its exported log, in `folder`.
  static func makeValidMeeting(in folder: Folder) {
    CLI.ok(["simulate", "good.rt", "--events", "300", "--seed", "7"], in: folder.url)
    let log = CLI.ok(["export", "good.rt", "--format", "jsonl"], in: folder.url)
    #expect(FileManager.default.createFile(atPath: folder.path("good.jsonl"), contents: Data(log.utf8)))
  }

  /// Makes `folder` and everything in it user nobody's.
  static func giveToNobody(_ folder: String) {
    chown(folder, 65534, 65534)
    for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
      lchown(folder + "/" + name, 65534, 65534)
    }
  }

  /// Runs `verb` on `h.rt` in `folder` and says what was wrong, if anything.
  static func problems(
    running verb: VerbCase, in folder: URL, asNobody: Bool, expecting status: Int32 = 2,
    messageContains: String? = nil
  ) -> [String] {
    let before = folderSnapshot(folder.path)
    guard let child = ChildProcess(verb.arguments(file: "h.rt"), in: folder, asNobody: asNobody) else {
      return ["\(verb): cannot start"]
    }
    let outcome = child.wait(seconds: timeoutSeconds)
    var problems: [String] = []
    switch outcome {
    case .timedOut: problems.append("hung (killed after \(timeoutSeconds) s)")
    case .signalled(let signal): problems.append("crashed with signal \(signal)")
    case .exited(let code) where code != status: problems.append("exit \(code)")
    case .exited: break
    }
    let stderr = child.stderr
    if status != 0 {
      if !stderr.hasPrefix("roundtable: ") { problems.append("no clear message") }
      if !child.stdout.isEmpty { problems.append("printed \(child.stdout.prefix(80).debugDescription)") }
    }
    if stderr.contains("Fatal error") || stderr.contains("Stack dump") { problems.append("crash report") }
    if let messageContains, !stderr.contains(messageContains) {
      problems.append("message lacks “\(messageContains)”")
    }
    let after = folderSnapshot(folder.path)
    if after != before {
      let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
      problems.append("changed \(changed)")
    }
    guard !problems.isEmpty else { return [] }
    return [
      "\(verb): " + problems.joined(separator: ", ") + " — stderr: \(stderr.prefix(200).debugDescription)"
    ]
  }

  @Test func theMatrixHasEveryVerb() {
    let folder = Folder()
    func names(_ help: String) -> [String] {
      let lines = help.components(separatedBy: "SUBCOMMANDS:").last?.split(separator: "\n") ?? []
      return lines.filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }.compactMap {
        $0.split(separator: " ").first.map(String.init)
      }.filter { $0.first?.isLowercase == true }
    }
    var verbs: Set<String> = []
    for name in names(CLI.ok(["--help"], in: folder.url)) {
      if ["agenda", "round"].contains(name) {
        for sub in names(CLI.ok([name, "--help"], in: folder.url)) { verbs.insert(name + " " + sub) }
      } else {
        verbs.insert(name)
      }
    }
    #expect(verbs.count > 40)
    let covered = Set(VerbCase.all.map(\.verb))
    #expect(verbs.subtracting(covered).subtracting(VerbCase.withoutMeetingFile) == [])
    #expect(covered.subtracting(verbs) == [])
  }

  @Test func everyVerbRefusesEveryHostileFile() throws {
    let base = Folder()
    Self.makeValidMeeting(in: base)
    let findings = Findings()
    let kinds = HostileFile.all
    let started = Date()
    let baseURL = base.url
    inParallel(kinds.count, width: Self.width) { index in
      let kind = kinds[index]
      let folder = baseURL.appendingPathComponent("case-\(index)")
      do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        try FileManager.default.copyItem(
          atPath: baseURL.appendingPathComponent("good.jsonl").path,
          toPath: folder.appendingPathComponent("good.jsonl").path)
        try kind.make(
          folder.appendingPathComponent("h.rt").path, baseURL.appendingPathComponent("good.rt").path)
      } catch {
        findings.add("\(kind): cannot make it: \(error)")
        return
      }
      if kind.asNobody { Self.giveToNobody(folder.path) }
      for verb in VerbCase.all where verb.role != .readsInput || kind.irregular {
        findings.countRun()
        for problem in Self.problems(running: verb, in: folder, asNobody: kind.asNobody) {
          findings.add("\(kind) × \(problem)")
        }
      }
    }
    let seconds = Date().timeIntervalSince(started)
    print(
      "Hostile files: \(kinds.count) kinds × \(VerbCase.all.count) verb cases, \(findings.runCount) runs in "
        + "\(String(format: "%.1f", seconds)) s, \(findings.all.count) problems")
    #expect(findings.runCount > 1000)
    #expect(findings.all == [], "\(findings.all.joined(separator: "\n"))")
  }

  /// Makes a folder of user nobody's holding a meeting `h.rt` they created, with Amira in it.
  static func nobodysMeeting() -> Folder {
    let folder = Folder()
    giveToNobody(folder.url.path)
    for arguments in [["new", "h.rt", "--title", "Archive"], ["join", "h.rt", "Amira"]] {
      let child = ChildProcess(arguments, in: folder.url, asNobody: true)
      #expect(child?.wait(seconds: timeoutSeconds) == .exited(0), "\(arguments): \(child?.stderr ?? "")")
    }
    return folder
  }

  /// Read as nobody, a read-only meeting (mode 0400, folder writable) is shown by every reading
  /// verb and refused by every recording one, and nothing is left beside it: no `-wal` or
  /// `-shm` with its read-only mode that would stop a write once it is writable again.
  @Test func aReadOnlyFileIsReadWithoutLeavingAnythingAndRefusedForWriting() throws {
    let folder = Self.nobodysMeeting()
    chmod(folder.path("h.rt"), 0o400)
    var findings: [String] = []
    var runs = 0
    for verb in VerbCase.all {
      // Following never ends, the screens need a terminal, new creates another file.
      let skipped =
        ["run", "watch", "new"].contains(verb.verb) || verb.arguments.contains("-o")
        || verb.arguments.contains("--follow")
      switch verb.role {
      case .reads where !skipped:
        findings += Self.problems(running: verb, in: folder.url, asNobody: true, expecting: 0)
      case .writes where !skipped:
        findings += Self.problems(
          running: verb, in: folder.url, asNobody: true, messageContains: "is read-only")
      default: continue
      }
      runs += 1
    }
    #expect(runs > 40)
    #expect(findings == [], "\(findings.joined(separator: "\n"))")
    #expect(!FileManager.default.fileExists(atPath: folder.path("h.rt-shm")))
    #expect(!FileManager.default.fileExists(atPath: folder.path("h.rt-wal")))
    // Writable again, it takes a write at once.
    chmod(folder.path("h.rt"), 0o600)
    let hand = ChildProcess(["hand", "h.rt", "Amira"], in: folder.url, asNobody: true)
    #expect(hand?.wait(seconds: Self.timeoutSeconds) == .exited(0), "\(hand?.stderr ?? "")")
  }

  /// Companions left read-only by an older Roundtable (a read of a read-only file) are made
  /// writable again by the next writer that owns them; another user's are refused clearly.
  @Test func staleReadOnlyCompanionsDoNotBlockTheOwnersWrites() throws {
    let folder = Self.nobodysMeeting()
    // A read-only open of a writable file leaves empty companions; make them read-only.
    let queue = ChildProcess(["queue", "h.rt"], in: folder.url, asNobody: true)
    #expect(queue?.wait(seconds: Self.timeoutSeconds) == .exited(0))
    for suffix in ["-wal", "-shm"] {
      #expect(FileManager.default.fileExists(atPath: folder.path("h.rt" + suffix)))
      chmod(folder.path("h.rt" + suffix), 0o400)
    }
    let hand = ChildProcess(["hand", "h.rt", "Amira"], in: folder.url, asNobody: true)
    #expect(hand?.wait(seconds: Self.timeoutSeconds) == .exited(0), "\(hand?.stderr ?? "")")

    // Another user's read-only companions: refused with a message saying what to do.
    let queueAgain = ChildProcess(["queue", "h.rt"], in: folder.url, asNobody: true)
    #expect(queueAgain?.wait(seconds: Self.timeoutSeconds) == .exited(0))
    for suffix in ["-wal", "-shm"] {
      chown(folder.path("h.rt" + suffix), 0, 0)
      chmod(folder.path("h.rt" + suffix), 0o400)
    }
    let problems = Self.problems(
      running: VerbCase(["lower", "@", "Amira"], .writes), in: folder.url, asNobody: true,
      messageContains: "cannot be written by you")
    #expect(problems == [])
  }
}
