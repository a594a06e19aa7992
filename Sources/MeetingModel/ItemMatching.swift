extension MeetingState {
  /// Finds an agenda item from what someone typed: its place on the agenda as `agenda list`
  /// numbers it (`2`, `#2`), or its title in whole or in part (the start of the title or of any
  /// word in it), ignoring case and accents. Refuses with the candidates when several items
  /// match, and when none does.
  public func agendaItemID(matching typed: String) throws(Refusal) -> AgendaItemID {
    try itemID(matching: typed, among: agendaOrder, place: "on the agenda")
  }

  /// Finds a parking-lot topic from what someone typed: its place in the parking lot (`1`) or
  /// its title in whole or in part, as for `agendaItemID(matching:)`.
  public func parkedItemID(matching typed: String) throws(Refusal) -> AgendaItemID {
    try itemID(matching: typed, among: parkingLot.map(\.id), place: "in the parking lot")
  }

  private func itemID(matching typed: String, among candidates: [AgendaItemID], place: String) throws(Refusal)
    -> AgendaItemID
  {
    let text = typed.trimmed
    guard !text.isEmpty else {
      throw Refusal(.invalidInput, "Say which item: its number or part of its title.")
    }
    let digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
    if let number = Int(digits) {
      guard candidates.indices.contains(number - 1) else {
        throw Refusal(
          .unknownItem,
          candidates.isEmpty
            ? "There is nothing \(place)."
            : "There is no item \(number) \(place); it has \(candidates.count) (1 to \(candidates.count)).")
      }
      return candidates[number - 1]
    }
    let key = NameKey(text)
    let items = candidates.compactMap { item($0) }
    if let exact = items.first(where: { NameKey($0.title) == key }) { return exact.id }
    let matches = items.filter { item in
      let folded = NameKey(item.title).folded
      return folded.hasPrefix(key.folded)
        || folded.split(separator: " ").contains { $0.hasPrefix(key.folded) }
    }
    if matches.count == 1 { return matches[0].id }
    if matches.count > 1 {
      throw Refusal(
        .invalidInput,
        "“\(text)” could be \(listing(matches.map { "“\($0.title)”" }, joiner: "or")): "
          + "give more of the title, or its number.")
    }
    throw Refusal(.unknownItem, "No item \(place) is called “\(text)”.")
  }
}
