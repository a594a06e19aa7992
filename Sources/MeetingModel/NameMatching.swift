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
    let closest = closestNames(to: typed)
    var message = "Nobody called “\(typed.trimmed)” has joined."
    if !closest.isEmpty { message += " Did you mean \(listing(closest, joiner: "or"))?" }
    throw Refusal(.unknownParticipant, message)
  }

  /// The names of up to three people closest to what was typed, closest first (ties
  /// alphabetically), for a "did you mean" when a name matches nobody. Names are compared
  /// folded (case, accents and width ignored) as the whole name, the first name and the
  /// surname, by edit distance, and also by how they sound roughly (`siobhn` and `shivaun` both
  /// find Siobhán). Empty when nobody is close.
  public func closestNames(to typed: String) -> [String] {
    let key = NameKey(typed)
    guard !key.folded.isEmpty else { return [] }
    return participants.compactMap { person in
      nameDistance(person.name, typed: key.folded).map { (person.name, $0) }
    }
    .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
    .prefix(3).map(\.0)
  }
}

/// How far a typed name is from a person's name, or nil when too far to suggest: the smallest
/// edit distance to the whole name, the first name or the surname (a part only when the typing
/// is not a replacement of the whole part), or one more than a near match of how they sound.
func nameDistance(_ name: String, typed: String) -> Int? {
  let folded = NameKey(name).folded
  let words = folded.split(separator: " ").map(String.init)
  var parts = [folded]
  if words.count > 1, let first = words.first, let last = words.last { parts += [first, last] }
  let limit = max(2, typed.count / 2)
  var best: Int?
  for (index, part) in parts.enumerated() {
    let distance = editDistance(part, typed)
    guard distance <= limit, index == 0 || distance < part.count else { continue }
    best = min(best ?? distance, distance)
  }
  let sound = soundKey(typed)
  if sound.count >= 3 {
    for part in parts {
      let other = soundKey(part)
      guard other.count >= 3 else { continue }
      let distance = editDistance(other, sound)
      guard distance <= (min(other.count, sound.count) >= 4 ? 1 : 0) else { continue }
      best = min(best ?? distance + 1, distance + 1)
    }
  }
  return best
}

/// A rough key of how a folded name sounds, for names people spell as they hear them: common
/// Irish and English spellings of the same sound are made alike (`sio` and `sh`, `bh`, `mh` and
/// `v`, `ph` and `f`, `c`, `ck`, `q` and `k`, `z` and `s`), doubled letters are made single, and
/// vowels after the first letter are dropped. `siobhan`, `shivaun` and `siobhn` all give `shvn`.
func soundKey(_ folded: String) -> String {
  var text = folded.filter { !$0.isWhitespace && $0 != "-" && $0 != "'" }
  for (from, to) in [
    ("sio", "sh"), ("bh", "v"), ("mh", "v"), ("ph", "f"), ("ck", "k"), ("c", "k"), ("q", "k"), ("z", "s"),
  ] {
    text = text.replacingOccurrences(of: from, with: to)
  }
  var key = ""
  for character in text {
    if character == key.last { continue }
    if !key.isEmpty && "aeiouy".contains(character) { continue }
    key.append(character)
  }
  return key
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
