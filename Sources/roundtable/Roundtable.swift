import ArgumentParser

/// The `roundtable` command: run a co-production meeting from the terminal.
@main
struct Roundtable: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "roundtable",
    abstract: "Run a co-production meeting where every voice counts.",
    discussion: """
      The speaking queue balances voices: people not yet heard, and groups under-represented
      in airtime, come first, and every place in the queue shows why.
      """,
    subcommands: [DemoCommand.self]
  )
}
