import Foundation

/// A name folded for matching: case, accents and surrounding spaces do not count, so “siobhan”
/// finds Siobhán and “ZOE” finds Zoë, while 会議 still only matches 会議.
struct NameKey: Hashable {
  let folded: String

  init(_ name: String) {
    folded = name.trimmed.folding(
      options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
  }
}

extension MeetingState {
  /// Finds a participant from what someone typed: the whole name, or the start of the name or
  /// of any word in it, ignoring case and accents. Refuses with the candidates when several
  /// people match, and with the closest names when nobody does.
  public func participantID(named typed: String) throws(Refusal) -> ParticipantID {
    let key = NameKey(typed)
    guard !key.folded.isEmpty else { throw Refusal(.invalidInput, "Give a name.") }
    if let exact = participants.first(where: { NameKey($0.name) == key }) { return exact.id }
    let matches = participants.filter { person in
      let folded = NameKey(person.name).folded
      return folded.hasPrefix(key.folded)
        || folded.split(separator: " ").contains { $0.hasPrefix(key.folded) }
    }
    if matches.count == 1 { return matches[0].id }
    if matches.count > 1 {
      throw Refusal(
        .ambiguousName,
        "“\(typed.trimmed)” could be \(listing(matches.map(\.name), joiner: "or")): give more of the name.")
    }
    let closest = participants.map { ($0.name, editDistance(NameKey($0.name).folded, key.folded)) }
      .filter { $0.1 <= max(2, key.folded.count / 2) }
      .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
      .prefix(3).map(\.0)
    var message = "Nobody called “\(typed.trimmed)” has joined."
    if !closest.isEmpty { message += " Did you mean \(listing(Array(closest), joiner: "or"))?" }
    throw Refusal(.unknownParticipant, message)
  }
}

/// `A`, `A or B`, `A, B or C`.
func listing(_ items: [String], joiner: String) -> String {
  guard items.count > 1 else { return items.first ?? "" }
  return items.dropLast().joined(separator: ", ") + " \(joiner) " + (items.last ?? "")
}

/// Levenshtein distance over characters (also used to suggest a verb for a mistyped one).
public func editDistance(_ a: String, _ b: String) -> Int {
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

extension MeetingState {
  /// People whose name matches what has been typed so far (the whole name, or the start of it or
  /// of any word in it, ignoring case and accents), exact matches first, then in joining order.
  /// Everyone when nothing is typed. For pickers that narrow down as the user types.
  public func participants(matching typed: String) -> [Participant] {
    let key = NameKey(typed)
    guard !key.folded.isEmpty else { return participants }
    let exact = participants.filter { NameKey($0.name) == key }
    let partial = participants.filter { person in
      let folded = NameKey(person.name).folded
      return folded != key.folded
        && (folded.hasPrefix(key.folded)
          || folded.split(separator: " ").contains { $0.hasPrefix(key.folded) })
    }
    return exact + partial
  }
}
