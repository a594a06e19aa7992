import ArgumentParser
import Foundation

extension ScreenCommandLine {
  /// The full argument list for the words typed at the screen's `:` line (verb first, no
  /// file): the meeting file goes where the verb takes it, after the verb (`hand FILE amira`)
  /// or after a group's step (`agenda add FILE "Bus passes"`, `round start FILE`). Verbs
  /// without a meeting file (`study`, `verbs`) get none. `help` lists the verbs.
  static func arguments(forScreenLine words: [String], file: String) throws -> [String] {
    guard let verb = words.first else { return [] }
    if verb == "help" || verb == "?" { return [VerbsCommand._commandName] }
    guard var command = VerbList.subcommand(named: verb, of: Roundtable.self) else {
      throw CommandLineWords.Problem(message: "unknown command '\(verb)' — :help lists them")
    }
    var path = [verb]
    let steps = command.configuration.subcommands.map { $0._commandName }
    if !steps.isEmpty {
      let step = words.dropFirst().first
      // `:agenda --help` is a question about the group, not a step.
      if let step, step.hasPrefix("-") { return words }
      guard let step, let subcommand = VerbList.subcommand(named: step, of: command) else {
        let known = listing(steps)
        throw CommandLineWords.Problem(
          message: step.map { "\(verb) has no step '\($0)': \(known)" } ?? "\(verb) needs a step: \(known)")
      }
      command = subcommand
      path.append(step)
    }
    let rest = Array(words.dropFirst(path.count))
    return path + (takesMeetingFile(command) ? [file] : []) + rest
  }

  /// Whether a verb's first argument is the meeting file (it declares a `FileArgument`).
  static func takesMeetingFile(_ command: any ParsableCommand.Type) -> Bool {
    Mirror(reflecting: command.init()).children.contains { $0.value is OptionGroup<FileArgument> }
  }

  /// `add, next or list`.
  private static func listing(_ steps: [String]) -> String {
    steps.count > 1 ? steps.dropLast().joined(separator: ", ") + " or " + (steps.last ?? "") : steps.joined()
  }
}
