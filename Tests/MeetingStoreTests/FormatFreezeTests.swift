import Foundation
import GRDB
import MeetingModel
import Testing

@testable import MeetingStore

/// The stored format of the first file format, frozen: files in the wild must keep opening
/// exactly as they were written. See `Fixtures/README.md` for what the fixtures are and the one
/// case in which new ones are written.
@Suite("The first format is frozen")
struct FormatFreezeTests {
  static let fixtures = FixtureTests.fixtures
  static let layoutsFile = fixtures.appendingPathComponent("format-1-layouts.txt")
  static let everyEventFile = fixtures.appendingPathComponent("format-1-every-event.roundtable")
  static let everyEventJSONL = fixtures.appendingPathComponent("format-1-every-event.jsonl")
  static var updating: Bool { ProcessInfo.processInfo.environment["ROUNDTABLE_UPDATE_FIXTURES"] == "1" }

  static func committedLayouts() throws -> [LayoutLine] {
    try String(contentsOf: layoutsFile, encoding: .utf8).split(
      separator: "\n", omittingEmptySubsequences: false
    )
    .compactMap { try LayoutLine.parse($0) }
  }

  /// With `ROUNDTABLE_UPDATE_FIXTURES=1`: appends a golden line for each sample whose line is
  /// not there yet (lines already committed are never rewritten), and writes the every-event
  /// fixture if it is missing.
  @Test(.serialized, arguments: [()]) func updateFixturesWhenAsked(_: Void) throws {
    guard Self.updating else { return }
    var text = (try? String(contentsOf: Self.layoutsFile, encoding: .utf8)) ?? Self.layoutsHeader
    let committed = (try? Self.committedLayouts()) ?? []
    for event in LayoutSamples.all {
      let line = try LayoutLine(event)
      if !committed.contains(line) && !text.contains(line.text + "\n") { text += line.text + "\n" }
    }
    try text.write(to: Self.layoutsFile, atomically: true, encoding: .utf8)
    if !FileManager.default.fileExists(atPath: Self.everyEventFile.path) {
      let folder = TemporaryFolder()
      let store = try MeetingStore.create(
        at: folder.path("every.roundtable"), recorded: try EveryEventMeeting.log())
      var lines = ""
      try store.exportJSONL { lines += $0 + "\n" }
      try store.close()
      try FileManager.default.copyItem(
        atPath: folder.path("every.roundtable"), toPath: Self.everyEventFile.path)
      try lines.write(to: Self.everyEventJSONL, atomically: true, encoding: .utf8)
    }
  }

  static let layoutsHeader = """
    # Golden bytes of Roundtable's stored event layouts, file format 1 (see README.md here).
    # One sample event a line: type code, schema version, type name, the bytes of its data as
    # stored in the events.data column (hex; - for none), and its data as exported to JSON.
    # Append-only: a line, once committed, never changes.

    """

  // MARK: Golden bytes

  /// Every line's bytes read back as the event its JSON describes, and that event is written as
  /// exactly those bytes: a change to any stored layout (order, width, a field added or
  /// dropped, a renamed enum value) fails here.
  @Test func everyGoldenLayoutReadsAndWritesTheSameBytes() throws {
    let lines = try Self.committedLayouts()
    #expect(!lines.isEmpty)
    for line in lines {
      let fromJSON = try line.jsonEvent()
      #expect(line.type == fromJSON.type.rawValue)
      #expect(line.code == StoredEventCodec.code(of: fromJSON.type), "\(line.type)")
      #expect(line.version == fromJSON.schemaVersion, "\(line.type)")
      #expect(
        try line.storedEvent() == fromJSON, "stored bytes of \(line.type) read differently: \(line.hex)")
      #expect(try LayoutLine(fromJSON) == line, "\(line.type) is no longer written as \(line.hex)")
    }
  }

  /// Every event type, and every schema version of it, has golden bytes: a new event type (or
  /// version) fails here until its line is added.
  @Test func everyEventTypeAndVersionHasGoldenBytes() throws {
    let lines = try Self.committedLayouts()
    for type in EventType.allCases {
      for version in 1...type.currentVersion {
        #expect(
          lines.contains { $0.code == StoredEventCodec.code(of: type) && $0.version == version },
          "no golden bytes for \(type.rawValue) version \(version): append its line (Fixtures/README.md)")
      }
    }
    // The codes are a bijection over the known types.
    let codes = EventType.allCases.map(StoredEventCodec.code(of:))
    #expect(Set(codes).count == codes.count)
    for type in EventType.allCases {
      #expect(StoredEventCodec.type(code: StoredEventCodec.code(of: type)) == type)
    }
  }

  /// Within the golden samples of each event type, every optional field is both present and
  /// absent somewhere, and every list is non-empty somewhere (so its elements' layout is
  /// frozen too), found by walking the payloads: a new optional field fails here until a
  /// sample shows it both ways.
  @Test func theGoldenSamplesShowEveryOptionalFieldBothWays() throws {
    var seen: [String: Set<String>] = [:]
    for line in try Self.committedLayouts() {
      let event = try line.jsonEvent()
      guard let payload = Mirror(reflecting: event).children.first?.value else { continue }
      walk(payload, path: line.type) { path, state in seen[path, default: []].insert(state) }
    }
    var oneWay: [String] = []
    for (path, states) in seen.sorted(by: { $0.key < $1.key }) {
      if (states.contains("nil") || states.contains("some")) && !states.isSuperset(of: ["nil", "some"]) {
        oneWay.append("\(path) is never \(states.contains("nil") ? "set" : "nil")")
      }
      if (states.contains("empty") || states.contains("elements")) && !states.contains("elements") {
        oneWay.append("\(path) is never a non-empty list")
      }
    }
    #expect(oneWay == [])
  }

  private func walk(_ value: Any, path: String, _ note: (String, String) -> Void) {
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .optional:
      if let wrapped = mirror.children.first?.value {
        note(path, "some")
        walk(wrapped, path: path, note)
      } else {
        note(path, "nil")
      }
    case .collection:
      note(path, mirror.children.isEmpty ? "empty" : "elements")
      for child in mirror.children { walk(child.value, path: path + "[]", note) }
    case .struct:
      for child in mirror.children { walk(child.value, path: path + "." + (child.label ?? "?"), note) }
    default: break
    }
  }

  /// Every value of every enum stored by name is in some golden sample, so a renamed value
  /// fails the golden bytes.
  @Test func everyStoredEnumValueAppearsInTheGoldenBytes() throws {
    let hex = try Self.committedLayouts().map(\.hex).joined(separator: " ")
    var missing: [String] = []
    func check<E: RawRepresentable<String> & CaseIterable>(_: E.Type) {
      for value in E.allCases {
        let bytes = Array(value.rawValue.utf8)
        let stored = ([UInt8(bytes.count)] + bytes).map { String(format: "%02x", $0) }.joined()
        if !hex.contains(stored) { missing.append("\(E.self).\(value)") }
      }
    }
    check(Role.self)
    check(EntryKind.self)
    check(TurnSource.self)
    check(ContributionMode.self)
    check(SignalType.self)
    check(LowerReason.self)
    check(DecisionMethod.self)
    check(DecisionOutcome.self)
    check(ParticipationRung.self)
    check(StanceKind.self)
    check(UndoKind.self)
    check(QueuePolicy.Ordering.self)
    check(FollowUpStatus.self)
    check(CarriedItem.Kind.self)
    #expect(missing == [], "enum values in no golden sample")
  }

  // MARK: The every-event file

  /// The rows of a meeting file as stored: code, version and data of each event.
  static func storedRows(_ path: URL) throws -> [(code: Int, version: Int, data: [UInt8])] {
    let folder = TemporaryFolder()
    let copy = folder.path("copy.roundtable")
    try FileManager.default.copyItem(atPath: path.path, toPath: copy)
    var configuration = Configuration()
    configuration.readonly = true
    let queue = try DatabaseQueue(path: copy, configuration: configuration)
    return try queue.read { db in
      try Row.fetchAll(db, sql: "SELECT type, version, data FROM events ORDER BY seq").map { row in
        (row["type"], row["version"], [UInt8]((row["data"] as Data?) ?? Data()))
      }
    }
  }

  /// The committed every-event file opens, holds every event type (derived from the code), and
  /// each of its rows is stored exactly as this code writes the event.
  @Test func theEveryEventFileOpensWithEveryEventTypeStoredAsWritten() throws {
    let folder = TemporaryFolder()
    let copy = folder.path("every.roundtable")
    try FileManager.default.copyItem(atPath: Self.everyEventFile.path, toPath: copy)
    let store = try MeetingStore.open(at: copy, access: .readWrite)
    let events = try store.events()
    let expected = try EveryEventMeeting.log()
    #expect(events == expected)
    let missing = EventType.allCases.filter { type in !events.contains { $0.event.type == type } }
    #expect(missing == [], "the every-event fixture lacks \(missing.map(\.rawValue))")
    var state = MeetingState()
    for event in expected { state.apply(event) }
    #expect(try store.replay() == state)
    #expect(state.status == .closed)
    let rows = try Self.storedRows(Self.everyEventFile)
    #expect(rows.count == expected.count)
    for (row, event) in zip(rows, expected) {
      #expect(row.code == StoredEventCodec.code(of: event.event.type))
      #expect(row.version == event.event.schemaVersion)
      #expect(
        row.data == StoredEventCodec.encode(event.event), "\(event.event.type.rawValue) is stored differently"
      )
    }
  }

  @Test func theEveryEventJSONLIsWhatThisCodeExportsAndImports() throws {
    let committed = try String(contentsOf: Self.everyEventJSONL, encoding: .utf8)
    let lines = committed.split(separator: "\n").map(String.init)
    let folder = TemporaryFolder()
    let store = try MeetingStore.create(
      at: folder.path("fresh.roundtable"), recorded: try EveryEventMeeting.log())
    var exported = ""
    try store.exportJSONL { exported += $0 + "\n" }
    #expect(exported == committed)
    let imported = try MeetingStore.importJSONL(lines, to: folder.path("imported.roundtable"))
    #expect(try imported.events() == (try EveryEventMeeting.log()))
  }

  /// The every-event file is the first format: the same schema and format version as the file
  /// format 1 first wrote, and the first file's rows are still stored as this code writes them.
  @Test func theEveryEventFileIsTheSameFormatAsTheFirstFile() throws {
    func schema(_ url: URL) throws -> (sql: [String], format: String?, types: [String]) {
      let folder = TemporaryFolder()
      let copy = folder.path("copy.roundtable")
      try FileManager.default.copyItem(atPath: url.path, toPath: copy)
      var configuration = Configuration()
      configuration.readonly = true
      let queue = try DatabaseQueue(path: copy, configuration: configuration)
      return try queue.read { db in
        (
          try String.fetchAll(
            db, sql: "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master ORDER BY name"
          ),
          try String.fetchOne(db, sql: "SELECT value FROM meeting_metadata WHERE key = 'format_version'"),
          try String.fetchAll(db, sql: "SELECT code || ' ' || name FROM event_types ORDER BY code")
        )
      }
    }
    let first = try schema(Self.fixtures.appendingPathComponent("format-1.roundtable"))
    let every = try schema(Self.everyEventFile)
    #expect(first.format == "1")
    #expect(every.format == "1")
    // The presence table is made on demand by any Roundtable that opens a file to write (it
    // holds who is connected, not the meeting): the first file has none until opened so.
    #expect(every.sql.filter { !$0.hasPrefix("table presence ") } == first.sql)
    // Later Roundtables added type names to the table; none changed.
    #expect(Array(every.types.prefix(first.types.count)) == first.types)
    let rows = try Self.storedRows(Self.fixtures.appendingPathComponent("format-1.roundtable"))
    let log = try FixtureTests.fixtureLog()
    #expect(rows.count == log.count)
    for (row, event) in zip(rows, log) {
      #expect(row.code == StoredEventCodec.code(of: event.event.type))
      #expect(row.data == StoredEventCodec.encode(event.event))
    }
  }
}
