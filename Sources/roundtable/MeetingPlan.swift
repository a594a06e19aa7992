import Foundation
import MeetingModel
import MeetingStore
import Yams

/// A meeting prepared in advance (YAML): everything `roundtable new --from` sets up. See
/// docs/plan-example.yaml for a commented example.
struct MeetingPlan: Decodable {
  struct Person: Decodable {
    var name: String
    var tags: [String]?
    var role: Role?
    var timeAdjust: Double?
  }

  struct Item: Decodable {
    var title: String
    var minutes: Int?
    var leads: [String]?
  }

  /// `balanced` or `fifo`, or a mapping with the details.
  struct Policy: Decodable {
    var ordering: QueuePolicy.Ordering
    var interrupts: Bool?
    var starvationLimit: Int?

    enum CodingKeys: String, CodingKey { case ordering, interrupts, starvationLimit }

    init(from decoder: any Decoder) throws {
      if let name = try? decoder.singleValueContainer().decode(QueuePolicy.Ordering.self) {
        ordering = name
        return
      }
      let container = try decoder.container(keyedBy: CodingKeys.self)
      ordering = try container.decodeIfPresent(QueuePolicy.Ordering.self, forKey: .ordering) ?? .balanced
      interrupts = try container.decodeIfPresent(Bool.self, forKey: .interrupts)
      starvationLimit = try container.decodeIfPresent(Int.self, forKey: .starvationLimit)
    }
  }

  var title: String?
  var purpose: String?
  var date: String?
  var policy: Policy?
  /// Target share of airtime per group, in percent.
  var targets: [String: Double]?
  var participants: [Person]?
  var agenda: [Item]?

  static func load(_ path: String) throws -> MeetingPlan {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw StoreError(.notFound, "Cannot read the plan \(path): no such file, or it is not text.")
    }
    do {
      return try YAMLDecoder().decode(MeetingPlan.self, from: text)
    } catch let error as DecodingError {
      throw Refusal(.invalidInput, "The plan \(path) has a problem: \(describe(error)). Nothing was created.")
    } catch {
      throw Refusal(.invalidInput, "The plan \(path) is not valid YAML: \(error). Nothing was created.")
    }
  }

  /// The commands that set the meeting up, in order; `title` and `ordering` given on the command
  /// line win over the plan's.
  func commands(title overrideTitle: String?, policy overridePolicy: QueuePolicy.Ordering?) throws
    -> [Command]
  {
    var queuePolicy = QueuePolicy(ordering: overridePolicy ?? policy?.ordering ?? .balanced)
    if let interrupts = policy?.interrupts { queuePolicy.interruptsFirst = interrupts }
    if let limit = policy?.starvationLimit { queuePolicy.starvationLimit = limit }
    queuePolicy.groupTargets = (targets ?? [:]).sorted { $0.key < $1.key }.map {
      GroupTarget(tag: $0.key, share: $0.value / 100)
    }
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

  private static func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
      let components = context.codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)"
      }
      let text = components.joined()
      return text.hasPrefix(".") ? String(text.dropFirst()) : text
    }
    switch error {
    case .keyNotFound(let key, let context):
      return "\(path(context).isEmpty ? "" : path(context) + ": ")\(key.stringValue) is missing"
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
      return "\(path(context)): \(context.debugDescription)"
    @unknown default:
      return "\(error)"
    }
  }
}
