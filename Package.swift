// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "Roundtable",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "MeetingModel", targets: ["MeetingModel"]),
    .library(name: "MeetingStore", targets: ["MeetingStore"]),
    .library(name: "MeetingSimulation", targets: ["MeetingSimulation"]),
    .executable(name: "roundtable", targets: ["roundtable"]),
    .executable(name: "roundtable-bench", targets: ["RoundtableBenchmarks"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
  ],
  targets: [
    .target(name: "MeetingModel"),
    // Seeded meetings played through the model's commands: the voice-equity study and
    // synthetic meetings. Pure: no clock, no I/O.
    .target(name: "MeetingSimulation", dependencies: ["MeetingModel"]),
    .target(name: "TerminalUI", dependencies: ["MeetingModel"]),
    // Minutes and exports (Markdown, HTML, CSV), anonymised on request. Pure: a function of the
    // meeting, no I/O.
    .target(name: "MeetingReports", dependencies: ["MeetingModel", .product(name: "Plot", package: "Plot")]),
    // ncursesw for Swift: wrappers for what Swift cannot import, and the signal and crash
    // guard. A C target rather than a system library because the guard's state and signal
    // handlers must live in exactly one compiled C file.
    .target(name: "CNCurses", linkerSettings: [.linkedLibrary("ncursesw")]),
    // The only code that talks to ncurses.
    .target(name: "CursesTerminal", dependencies: ["TerminalUI", "CNCurses"]),
    .target(
      name: "MeetingStore",
      dependencies: [
        "MeetingModel",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]
    ),
    .executableTarget(
      name: "roundtable",
      dependencies: [
        "MeetingModel",
        "MeetingStore",
        "MeetingSimulation",
        "MeetingReports",
        "TerminalUI",
        "CursesTerminal",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    // The benchmark suite, run in release by ./scripts/bench (docs/performance.md).
    .executableTarget(
      name: "RoundtableBenchmarks", dependencies: ["MeetingModel", "MeetingStore", "TerminalUI"]),
    .testTarget(
      name: "MeetingStoreTests",
      dependencies: ["MeetingStore", "MeetingModel"],
      exclude: ["Fixtures"]
    ),
    .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
    .testTarget(
      name: "MeetingReportsTests", dependencies: ["MeetingReports", "MeetingModel"], exclude: ["Golden"]),
    .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "TerminalUI"]),
    // Runs the built `roundtable` binary the way a person or a script does.
    // GRDB: the hostile-file and crash suites tamper with files and check their integrity.
    .testTarget(
      name: "RoundtableCLITests",
      dependencies: ["MeetingModel", "MeetingStore", .product(name: "GRDB", package: "GRDB.swift")]),
    // Mutation fuzzing of everything that reads outside input: the stored-event decoder, the
    // JSONL importer, the meeting-plan reader and the screen's `:` line (docs/reliability.md).
    .testTarget(name: "FuzzTests", dependencies: ["roundtable", "MeetingStore", "MeetingModel"]),
    .testTarget(name: "MeetingSimulationTests", dependencies: ["MeetingSimulation", "MeetingModel"]),
    .testTarget(
      name: "MeetingModelTests",
      dependencies: [
        "MeetingModel",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]
    ),
  ],
  swiftLanguageModes: [.v6]
)
