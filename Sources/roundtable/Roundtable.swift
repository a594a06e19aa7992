import ArgumentParser
import Foundation
import MeetingModel

/// The `roundtable` command: run a co-production meeting from the terminal.
@main
struct Roundtable: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "roundtable",
    abstract: "Run a co-production meeting where every voice counts.",
    discussion: """
      The speaking queue balances voices: people not yet heard, and groups under-represented \
      in airtime, come first, and every place in the queue shows why. Every change is an event \
      in the meeting file; nothing is edited or deleted.

      Names can be given in part and in any case ("siobhan" finds Siobhán Byrne). Mutating \
      verbs take --at to record an earlier or scripted time.

      Exit status: 0 done; 1 refused (nothing changed; the message says why); 2 the meeting \
      file cannot be used (it was not changed); 64 the command line is wrong.
      """,
    subcommands: [
      NewCommand.self, OpenCommand.self, CloseCommand.self, PolicyCommand.self, JoinCommand.self,
      UpdateCommand.self, LeaveCommand.self, AgendaCommand.self, ParkCommand.self, UnparkCommand.self,
      HandCommand.self, LowerCommand.self, NextCommand.self, DoneCommand.self, FloorCommand.self,
      MoveCommand.self, RoundCommand.self, ContributeCommand.self, QueueCommand.self, DecideCommand.self,
      StanceCommand.self, AmendCommand.self, WithdrawCommand.self, ActionCommand.self, ActionsCommand.self,
      FollowUpCommand.self,
      SignalCommand.self, AcknowledgeCommand.self, UndoCommand.self, StatsCommand.self, LogCommand.self,
      ExportCommand.self, ImportCommand.self, RunCommand.self, WatchCommand.self, DemoCommand.self,
      SimulateCommand.self,
      StudyCommand.self,
    ]
  )

  static func main() {
    // A parent may start us with signals blocked (Foundation's Process does): unblock them so
    // that Ctrl-C and SIGTERM stop `log --follow` and, later, restore the terminal.
    var none = sigset_t()
    sigemptyset(&none)
    sigprocmask(SIG_SETMASK, &none, nil)
    // ArgumentParser would call a mistyped verb "unexpected arguments": name it, suggest the
    // closest verb and list them all.
    if let verb = CommandLine.arguments.dropFirst().first, !verb.hasPrefix("-"), !VerbList.isKnown(verb) {
      // The typed word is made visible first, so that a line break in it cannot start a line.
      printError(
        lines: VerbList.unknownVerbMessage(TerminalText.visible(verb)).split(separator: "\n").map(String.init)
      )
      Foundation.exit(ExitCode.validationFailure.rawValue)
    }
    // ArgumentParser's own `main` would print its messages raw, and they quote what was typed:
    // they go through the same door as everything else (Output.swift).
    do {
      var command = try parseAsRoot(nil)
      try command.run()
    } catch {
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if !message.isEmpty {
        if code == .success {
          // Help, version and completion scripts: our own text, never stored text; exact, as
          // ArgumentParser prints it.
          sayExactly(message)
        } else {
          printError(lines: message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }
      }
      Foundation.exit(code.rawValue)
    }
  }
}
