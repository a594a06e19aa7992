import Foundation
import MeetingModel
import MeetingStore
import Yams

/// A meeting prepared in advance (YAML): everything `roundtable new --from` sets up. See
/// docs/plan-example.yaml for a commented example.
///
/// The plan is read from the YAML document itself rather than through a decoder, so that a
/// wrong field is explained in words (what was expected, with an example, and the line), and an
/// unknown key is named with the key it most likely meant.
struct MeetingPlan {
  struct Person {
    var name: String
    var tags: [String]?
    var role: Role?
    var timeAdjust: Double?
  }

  struct Item {
    var title: String
    var minutes: Int?
    var leads: [String]?
  }

  /// `balanced` or `fifo`, or a mapping with the details.
  struct Policy {
    var ordering: QueuePolicy.Ordering
    var interrupts: Bool?
    var starvationLimit: Int?
  }

  var title: String?
  var purpose: String?
  var date: String?
  var policy: Policy?
  /// Target share of airtime per group, in percent.
  var targets: [String: Double]?
  /// Whether facilitation counts as voice in the balance (`count-facilitation`).
  var countFacilitation: Bool?
  var participants: [Person]?
  var agenda: [Item]?

  static func load(_ path: String) throws -> MeetingPlan {
    let data = try FileSafety.read(path, what: "meeting plan")
    guard let text = String(data: data, encoding: .utf8) else {
      throw StoreError(.io, "Cannot read the plan \(path): it is not text. Nothing was created.")
    }
    return try parse(text, path: path)
  }

  /// Reads the plan in `text` (the contents of the file at `path`, named in messages).
  static func parse(_ text: String, path: String) throws -> MeetingPlan {
    let node: Node?
    do {
      node = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw Refusal(
        .invalidInput, "The plan \(path) is not valid YAML\(Self.where(error)). Nothing was created.")
    } catch {
      throw Refusal(.invalidInput, "The plan \(path) is not valid YAML. Nothing was created.")
    }
    var reader = PlanReader()
    let plan = reader.plan(from: node)
    guard reader.problems.isEmpty else {
      let problems = reader.problems.prefix(8)
      let more =
        reader.problems.count > problems.count
        ? "  (and \(reader.problems.count - problems.count) more)" : ""
      if problems.count == 1 {
        throw Refusal(
          .invalidInput, "The plan \(path) has a problem: \(problems[0]). Nothing was created.")
      }
      // Several lines, each shown on its own (a line break inside a problem is shown as ⏎).
      throw RefusalLines(
        lines: ["The plan \(path) has problems:"] + problems.map { "  \($0)" } + (more.isEmpty ? [] : [more])
          + ["Nothing was created."])
    }
    return plan
  }

  /// ` (line 3, column 7: found character that cannot start any token)`, as far as known.
  private static func `where`(_ error: YamlError) -> String {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return " (line \(mark.line), column \(mark.column): \(problem))"
    case .duplicatedKeysInMapping(let duplicates, _):
      return " (a key is given twice: \(duplicates.joined(separator: ", ")))"
    default:
      return ""
    }
  }

  /// The commands that set the meeting up, in order; `title`, `ordering` and
  /// `countsFacilitation` given on the command line win over the plan's.
  func commands(
    title overrideTitle: String?, policy overridePolicy: QueuePolicy.Ordering?,
    countsFacilitation: Bool? = nil
  ) throws -> [Command] {
    var queuePolicy = QueuePolicy(ordering: overridePolicy ?? policy?.ordering ?? .balanced)
    if let interrupts = policy?.interrupts { queuePolicy.interruptsFirst = interrupts }
    if let limit = policy?.starvationLimit { queuePolicy.starvationLimit = limit }
    queuePolicy.groupTargets = (targets ?? [:]).sorted { $0.key < $1.key }.map {
      GroupTarget(tag: $0.key, share: $0.value / 100)
    }
    queuePolicy.countsFacilitation = countsFacilitation ?? countFacilitation ?? false
    var commands: [Command] = [
      .createMeeting(title: overrideTitle ?? title ?? "", purpose: purpose, date: date, policy: queuePolicy)
    ]
    let people = participants ?? []
    for person in people {
      commands.append(
        .join(
          name: person.name, tags: person.tags ?? [], role: person.role ?? .participant,
          timeAdjustment: person.timeAdjust ?? 1))
    }
    for item in agenda ?? [] {
      let leads = try (item.leads ?? []).map { lead in
        guard let index = people.firstIndex(where: { $0.name == lead }) else {
          throw Refusal(
            .unknownParticipant,
            "The plan's item “\(item.title)” is led by \(lead), who is not among its participants.")
        }
        return ParticipantID(index + 1)
      }
      commands.append(.addAgendaItem(title: item.title, minutes: item.minutes, leads: leads))
    }
    return commands
  }
}

/// Reads a plan from its YAML nodes, collecting every problem in words.
struct PlanReader {
  /// Every problem found, in the order of the lines they are on.
  var problems: [String] {
    found.enumerated()
      .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
      .map { entry in (entry.element.line.map { "line \($0): " } ?? "") + entry.element.text }
  }
  private var found: [(line: Int?, text: String)] = []

  static let topKeys = [
    "title", "purpose", "date", "policy", "targets", "count-facilitation", "participants", "agenda",
  ]
  static let personKeys = ["name", "tags", "role", "timeAdjust"]
  static let itemKeys = ["title", "minutes", "leads"]
  static let policyKeys = ["ordering", "interrupts", "starvationLimit"]

  static let roles = listing(Role.allCases.map(\.rawValue), joiner: "or")

  private mutating func problem(_ node: Node?, _ text: String) {
    found.append((node?.mark?.line, text))
  }

  /// The node's entries, with each unknown key reported (and the known key it most likely
  /// meant); nil (with a problem) when the node is not a mapping.
  private mutating func entries(
    _ node: Node, at label: String, known: [String], expected: String
  ) -> [String: Node]? {
    guard let mapping = node.mapping else {
      problem(node, "\(label): expected \(expected)")
      return nil
    }
    var result: [String: Node] = [:]
    for (key, value) in mapping {
      let name = key.string ?? ""
      guard known.contains(name) else {
        let place = label.isEmpty ? "" : "\(label): "
        if let guess = closest(to: name, among: known) {
          problem(key, "\(place)unknown key “\(name)”: did you mean \(guess)?")
        } else {
          problem(key, "\(place)unknown key “\(name)”: the keys here are \(listing(known, joiner: "and"))")
        }
        continue
      }
      result[name] = value
    }
    return result
  }

  /// `a.b` for a nested field; the field alone at the top.
  private func field(_ label: String, _ key: String) -> String {
    label.isEmpty ? key : "\(label), \(key)"
  }

  private func isNull(_ node: Node?) -> Bool {
    guard let node else { return true }
    return node.null != nil
  }

  private mutating func text(_ node: Node?, _ name: String, example: String) -> String? {
    guard let node, !isNull(node) else { return nil }
    guard node.scalar != nil, let value = node.string else {
      problem(node, "\(name): expected text, such as \(example)")
      return nil
    }
    return value
  }

  private mutating func list(_ node: Node?, _ name: String, example: String) -> [String]? {
    guard let node, !isNull(node) else { return nil }
    guard let sequence = node.sequence else {
      problem(node, "\(name): expected a list, such as \(example)")
      return nil
    }
    var values: [String] = []
    for element in sequence {
      guard element.scalar != nil, let value = element.string else {
        problem(element, "\(name): expected a list of words, such as \(example)")
        continue
      }
      values.append(value)
    }
    return values
  }

  private mutating func whole(_ node: Node?, _ name: String, expected: String) -> Int? {
    guard let node, !isNull(node) else { return nil }
    guard let value = node.int else {
      problem(node, "\(name): expected \(expected)")
      return nil
    }
    return value
  }

  private mutating func number(_ node: Node?, _ name: String, expected: String) -> Double? {
    guard let node, !isNull(node) else { return nil }
    guard let value = node.float, value.isFinite else {
      problem(node, "\(name): expected \(expected)")
      return nil
    }
    return value
  }

  private mutating func flag(_ node: Node?, _ name: String) -> Bool? {
    guard let node, !isNull(node) else { return nil }
    guard let value = node.bool else {
      problem(node, "\(name): expected true or false")
      return nil
    }
    return value
  }

  mutating func plan(from node: Node?) -> MeetingPlan {
    var plan = MeetingPlan()
    guard let node, !isNull(node) else {
      problem(nil, "it is empty: give at least a title, such as title: Care leavers' forum")
      return plan
    }
    guard node.mapping != nil,
      let top = entries(node, at: "", known: Self.topKeys, expected: "")
    else {
      problem(node, "expected keys such as title: …, participants: … and agenda: …, one to a line")
      return plan
    }
    plan.title = text(top["title"], "title", example: "Care leavers' forum")
    plan.purpose = text(top["purpose"], "purpose", example: "Agree what a good first home offer looks like")
    plan.date = text(top["date"], "date", example: "2026-11-21")
    plan.policy = policy(top["policy"])
    plan.targets = targets(top["targets"])
    plan.countFacilitation = flag(top["count-facilitation"], "count-facilitation")
    plan.participants = people(top["participants"])
    plan.agenda = agenda(top["agenda"])
    return plan
  }

  private mutating func policy(_ node: Node?) -> MeetingPlan.Policy? {
    guard let node, !isNull(node) else { return nil }
    let orderings = listing(QueuePolicy.Ordering.allCases.map(\.rawValue), joiner: "or")
    if node.scalar != nil {
      guard let ordering = node.string.flatMap(QueuePolicy.Ordering.init(rawValue:)) else {
        problem(
          node, "policy: expected \(orderings), or a mapping with ordering, interrupts and starvationLimit")
        return nil
      }
      return MeetingPlan.Policy(ordering: ordering)
    }
    guard
      let fields = entries(
        node, at: "policy", known: Self.policyKeys,
        expected: "\(orderings), or a mapping with ordering, interrupts and starvationLimit")
    else { return nil }
    var policy = MeetingPlan.Policy(ordering: .balanced)
    if let value = text(fields["ordering"], "policy, ordering", example: "balanced") {
      if let ordering = QueuePolicy.Ordering(rawValue: value) {
        policy.ordering = ordering
      } else {
        problem(fields["ordering"], "policy, ordering: expected \(orderings)")
      }
    }
    policy.interrupts = flag(fields["interrupts"], "policy, interrupts")
    policy.starvationLimit = whole(
      fields["starvationLimit"], "policy, starvationLimit",
      expected: "a whole number of turns, such as 3 (0 turns the guard off)")
    return policy
  }

  private mutating func targets(_ node: Node?) -> [String: Double]? {
    guard let node, !isNull(node) else { return nil }
    guard let mapping = node.mapping else {
      problem(node, "targets: expected each group with its share in percent, such as lived-experience: 60")
      return nil
    }
    var targets: [String: Double] = [:]
    for (key, value) in mapping {
      let tag = key.string ?? ""
      guard let share = number(value, "targets, \(tag)", expected: "a share in percent, such as 60") else {
        continue
      }
      targets[tag] = share
    }
    return targets
  }

  private mutating func people(_ node: Node?) -> [MeetingPlan.Person]? {
    guard let node, !isNull(node) else { return nil }
    guard let sequence = node.sequence else {
      problem(node, "participants: expected a list of people, each starting with - name: …")
      return nil
    }
    var people: [MeetingPlan.Person] = []
    for (offset, element) in sequence.enumerated() {
      let label = "participant \(offset + 1)\(element["name"]?.string.map { " (\($0))" } ?? "")"
      guard
        let fields = entries(
          element, at: label, known: Self.personKeys, expected: "a person, such as - name: Siobhán Byrne")
      else { continue }
      guard let name = text(fields["name"], field(label, "name"), example: "Siobhán Byrne") else {
        if isNull(fields["name"]) { problem(element, "\(label): name is missing") }
        continue
      }
      var person = MeetingPlan.Person(name: name)
      person.tags = list(fields["tags"], field(label, "tags"), example: "[lived-experience]")
      if let role = text(fields["role"], field(label, "role"), example: "note-taker") {
        if let value = Role(rawValue: role) {
          person.role = value
        } else {
          let guess = closest(to: role, among: Role.allCases.map(\.rawValue)).map { " (did you mean \($0)?)" }
          problem(fields["role"], "\(field(label, "role")): expected \(Self.roles)\(guess ?? "")")
        }
      }
      person.timeAdjust = number(
        fields["timeAdjust"], field(label, "timeAdjust"),
        expected: "a number from 0.25 to 4, such as 1.5 (90 seconds count as 60)")
      people.append(person)
    }
    return people
  }

  private mutating func agenda(_ node: Node?) -> [MeetingPlan.Item]? {
    guard let node, !isNull(node) else { return nil }
    guard let sequence = node.sequence else {
      problem(node, "agenda: expected a list of items, each starting with - title: …")
      return nil
    }
    var items: [MeetingPlan.Item] = []
    for (offset, element) in sequence.enumerated() {
      let label = "agenda item \(offset + 1)\(element["title"]?.string.map { " (\($0))" } ?? "")"
      guard
        let fields = entries(
          element, at: label, known: Self.itemKeys,
          expected: "an item, such as - title: Bus passes for college")
      else { continue }
      guard let title = text(fields["title"], field(label, "title"), example: "Bus passes for college") else {
        if isNull(fields["title"]) { problem(element, "\(label): title is missing") }
        continue
      }
      var item = MeetingPlan.Item(title: title)
      item.minutes = whole(
        fields["minutes"], field(label, "minutes"), expected: "a whole number of minutes, such as 20")
      item.leads = list(fields["leads"], field(label, "leads"), example: "[Tom Hughes, Siobhán Byrne]")
      items.append(item)
    }
    return items
  }
}

/// `A`, `A or B`, `A, B or C`.
private func listing(_ items: [String], joiner: String) -> String {
  guard items.count > 1 else { return items.first ?? "" }
  return items.dropLast().joined(separator: ", ") + " \(joiner) " + (items.last ?? "")
}

/// The known key closest to a mistyped one (case and `-`/`_` ignored), when close enough to be
/// a likely slip.
func closest(to typed: String, among known: [String]) -> String? {
  func fold(_ text: String) -> String {
    text.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
  }
  let folded = fold(typed)
  let scored = known.map { ($0, levenshtein(fold($0), folded)) }
  guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
  return best.1 <= max(2, folded.count / 3) ? best.0 : nil
}

private func levenshtein(_ a: String, _ b: String) -> Int {
  let a = Array(a)
  let b = Array(b)
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var previous = Array(0...b.count)
  var current = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    swap(&previous, &current)
  }
  return previous[b.count]
}
