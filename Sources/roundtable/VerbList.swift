import ArgumentParser
import Foundation
import MeetingModel

/// The verbs `roundtable` knows, for the message about a mistyped one. Read from the command
/// tree, so a new verb is listed as soon as it is registered.
enum VerbList {
  /// Every top-level verb's name, in the order `roundtable --help` lists them.
  static var names: [String] {
    Roundtable.configuration.subcommands.filter { $0.configuration.shouldDisplay }.map { $0._commandName }
  }

  /// The subcommand of `command` called `name` (or by one of its aliases), if there is one.
  static func subcommand(named name: String, of command: any ParsableCommand.Type) -> (
    any ParsableCommand.Type
  )? {
    command.configuration.subcommands.first {
      $0._commandName == name || $0.configuration.aliases.contains(name)
    }
  }

  /// Whether the shell's first argument names a verb (ArgumentParser's own `help` included).
  static func isKnown(_ name: String) -> Bool {
    name == "help" || subcommand(named: name, of: Roundtable.self) != nil
  }

  /// The closest verb to a mistyped one, if one is close: a verb it starts, or one or two
  /// letters away (one for short words).
  static func suggestion(for typed: String) -> String? {
    let word = typed.lowercased()
    if word.count >= 2, let started = names.first(where: { $0.hasPrefix(word) }) { return started }
    let limit = word.count <= 3 ? 1 : 2
    return names.map { ($0, editDistance($0, word)) }.filter { $0.1 <= limit }.min { $0.1 < $1.1 }?.0
  }

  /// What the shell prints for a verb it does not know.
  static func unknownVerbMessage(_ verb: String) -> String {
    var lines = [
      "roundtable: unknown command '\(verb)'."
        + (suggestion(for: verb).map { " Did you mean '\($0)'?" } ?? "")
    ]
    lines += wrapped(names, width: 100, prefix: "Verbs: ")
    lines.append("`roundtable VERB --help` explains one of them.")
    return lines.joined(separator: "\n")
  }

  /// `items` joined with commas into lines no wider than `width`.
  static func wrapped(_ items: [String], width: Int, prefix: String) -> [String] {
    var lines: [String] = []
    var line = prefix
    for (offset, item) in items.enumerated() {
      let piece = item + (offset == items.count - 1 ? "" : ",")
      if line.count + piece.count + 1 > width && line != prefix {
        lines.append(line)
        line = String(repeating: " ", count: prefix.count)
      } else if line != prefix {
        line += " "
      }
      line += piece
    }
    lines.append(line)
    return lines
  }
}
