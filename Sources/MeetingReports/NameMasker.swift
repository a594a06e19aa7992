import Foundation
import MeetingModel

/// Replaces people's names with stable labels for anonymised minutes: "Participant C" in free
/// text, "Participant C, lived experience" where a person is named. Labels follow the order
/// people joined, so the same meeting always gets the same labels. Names inside free text are
/// found whole or in part (first name, surname, any part of two letters or more), ignoring
/// case and accents ("siobhan" finds Siobhán). A part two people share becomes "a
/// participant". The mapping itself is never written anywhere.
public struct NameMasker: Sendable {
  /// Whether names are masked at all; when false every function gives names back as they are.
  public let isActive: Bool
  private var labels: [ParticipantID: String] = [:]
  private var groups: [ParticipantID: String] = [:]
  private var names: [ParticipantID: String] = [:]
  /// Folded name or part → what replaces it, longest first.
  private var patterns: [(folded: [Character], replacement: String)] = []

  public init(state: MeetingState, active: Bool) {
    isActive = active
    var parts: [String: Set<ParticipantID>] = [:]
    for (index, person) in state.participants.enumerated() {
      labels[person.id] = "Participant \(Self.letters(index))"
      groups[person.id] = Self.groupWords(person)
      names[person.id] = person.name
      parts[Self.fold(person.name), default: []].insert(person.id)
      for word in person.name.split(whereSeparator: { $0.isWhitespace || $0 == "-" }) where word.count >= 2 {
        parts[Self.fold(String(word)), default: []].insert(person.id)
      }
    }
    // The owners of actions carried from an earlier meeting are names the meeting does not
    // know as people (they were not carried with the actions). They may be people, so they get
    // labels too, after the participants', and are masked in free text like them.
    var extra = state.participants.count
    let known = Set(state.participants.map { Self.fold($0.name) })
    var ownerIDs: [String: ParticipantID] = [:]
    for owner in state.carriedOver.compactMap(\.owner) where !known.contains(Self.fold(owner)) {
      let folded = Self.fold(owner)
      guard ownerIDs[folded] == nil else { continue }
      let id = ParticipantID(rawValue: 100_000 + extra)
      ownerIDs[folded] = id
      labels[id] = "Participant \(Self.letters(extra))"
      groups[id] = "from an earlier meeting"
      names[id] = owner
      parts[folded, default: []].insert(id)
      for word in owner.split(whereSeparator: { $0.isWhitespace || $0 == "-" }) where word.count >= 2 {
        parts[Self.fold(String(word)), default: []].insert(id)
      }
      extra += 1
    }
    patterns = parts.map { part, people in
      (Array(part), people.count == 1 ? labels[people.first!]! : "a participant")
    }
    .sorted { $0.folded.count > $1.folded.count }
  }

  /// "A", "B", … "Z", "AA", "AB", …
  static func letters(_ index: Int) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    var number = index
    var result = ""
    repeat {
      result.insert(alphabet[number % 26], at: result.startIndex)
      number = number / 26 - 1
    } while number >= 0
    return result
  }

  /// A person's group in words: their first tag with spaces ("lived experience"), or their
  /// role when they facilitate or observe.
  static func groupWords(_ person: Participant) -> String {
    if person.role != .participant { return person.role.rawValue.replacingOccurrences(of: "-", with: " ") }
    return person.tags.first.map { $0.replacingOccurrences(of: "-", with: " ") } ?? "no group"
  }

  /// The person's name, or their label.
  public func name(_ id: ParticipantID) -> String {
    isActive ? labels[id] ?? "a participant" : names[id] ?? "someone"
  }

  /// The person's name or label with their group: "Participant C, lived experience".
  public func nameWithGroup(_ id: ParticipantID) -> String {
    "\(name(id)), \(groups[id] ?? "no group")"
  }

  public func group(_ id: ParticipantID) -> String { groups[id] ?? "no group" }

  /// How a sentence names the person: their name, or when anonymised their label with their
  /// group in brackets ("Participant C (lived experience) had a concern").
  public func reference(_ id: ParticipantID) -> String {
    isActive ? "\(name(id)) (\(group(id)))" : name(id)
  }

  static func fold(_ text: String) -> String {
    text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
  }

  /// `text` with every name and part of a name replaced by the person's label.
  public func mask(_ text: String) -> String {
    guard isActive, !text.isEmpty else { return text }
    // Fold character by character, remembering which original character each folded one
    // came from, so that a match in the folded text maps back to the original.
    let original = Array(text)
    var folded: [Character] = []
    var origin: [Int] = []
    for (index, character) in original.enumerated() {
      for piece in Self.fold(String(character)) {
        folded.append(piece)
        origin.append(index)
      }
    }
    func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }
    var result = ""
    var position = 0
    var copiedUpTo = 0
    while position < folded.count {
      let atWordStart = position == 0 || !isWordCharacter(folded[position - 1])
      var matched = false
      if atWordStart {
        for pattern in patterns where position + pattern.folded.count <= folded.count {
          let end = position + pattern.folded.count
          guard Array(folded[position..<end]) == pattern.folded else { continue }
          guard end == folded.count || !isWordCharacter(folded[end]) else { continue }
          let start = origin[position]
          let stop = origin[end - 1] + 1
          result += String(original[copiedUpTo..<start]) + pattern.replacement
          copiedUpTo = stop
          position = end
          while position < folded.count, origin[position] < stop { position += 1 }
          matched = true
          break
        }
      }
      if !matched { position += 1 }
    }
    result += String(original[min(copiedUpTo, original.count)...])
    return result
  }
}
