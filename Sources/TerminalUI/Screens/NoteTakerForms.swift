import MeetingModel

/// The note-taker's forms: what each records, its fields, its checks as you type, and the
/// command it comes to. Pure functions of the form and the meeting.
public enum NoteForm: Equatable, Sendable {
  /// A new decision; `people` are the people present when the form opened, one stance row each.
  case decision(people: [ParticipantID], items: [AgendaItemID])
  case amend(DecisionID)
  case withdraw(DecisionID)
  case stance(DecisionID, people: [ParticipantID])
  case action(DecisionID?)
  /// A written or supported contribution for one of `people`.
  case contribution(people: [ParticipantID])
  case park

  public var submitLabel: String {
    switch self {
    case .withdraw: "withdraw"
    case .park: "park"
    default: "record"
    }
  }

  static let methods: [(DecisionMethod, FormChoice)] = [
    (.consent, .init("consent", key: "c")), (.consensus, .init("consensus", key: "n")),
    (.vote, .init("vote", key: "v")), (.other, .init("other", key: "o")),
  ]
  static let outcomes: [(DecisionOutcome, FormChoice)] = [
    (.agreed, .init("agreed", key: "a")), (.notAgreed, .init("not agreed", key: "n")),
    (.deferred, .init("deferred", key: "d")),
  ]
  static let rungs: [(ParticipationRung?, FormChoice)] = [
    (nil, .init("not recorded", key: "-")), (.informing, .init("informing", key: "i")),
    (.consultation, .init("consultation", key: "c")), (.engagement, .init("engagement", key: "e")),
    (.coDesign, .init("co-design", key: "d")), (.coProduction, .init("co-production", key: "p")),
  ]
  /// A stance is picked with one key: a agree, c concern, s stand aside, b block, x abstain.
  static let stances: [(StanceKind?, FormChoice)] = [
    (nil, .init("not recorded", key: "-")), (.agree, .init("agree", key: "a")),
    (.concern, .init("concern", key: "c")), (.standAside, .init("stand aside", key: "s")),
    (.block, .init("block", key: "b")), (.abstain, .init("abstain", key: "x")),
  ]
  static let modes: [(ContributionMode, FormChoice)] = [
    (.written, .init("written", key: "w")), (.supported, .init("supported", key: "s")),
  ]

  // MARK: Building

  /// The decision form: for the current item, one stance row per person present.
  public static func decisionForm(state: MeetingState) -> (NoteForm, Form) {
    let people = state.participants.filter(\.isPresent).map(\.id)
    let items = state.agendaOrder
    var fields: [FormField] = [
      .text("text", "Decision", placeholder: "what was decided, in plain words"),
      .choice(
        "item", "Item", [.init("no item")] + items.map { .init(state.item($0)?.title ?? "") },
        selected: state.currentItem.flatMap { items.firstIndex(of: $0) }.map { $0 + 1 } ?? 0),
      .choice("method", "Method", methods.map(\.1)),
      .choice("outcome", "Outcome", outcomes.map(\.1)),
      .choice("rung", "Rung", rungs.map(\.1)),
    ]
    fields += voteFields()
    for id in people {
      fields.append(.choice("stance.\(id.rawValue)", state.name(of: id), stances.map(\.1)))
      fields.append(.text("reason.\(id.rawValue)", "  reason", placeholder: "optional"))
    }
    fields += actionFields(1)
    return (.decision(people: people, items: items), Form(title: "Record a decision", fields: fields))
  }

  static func voteFields(_ votes: VoteTally? = nil) -> [FormField] {
    [
      .text("for", "Votes for", votes.map { "\($0.inFavour)" } ?? "", placeholder: "optional: a number"),
      .text("against", "  against", votes.map { "\($0.against)" } ?? "", placeholder: "optional"),
      .text("abstaining", "  abstaining", votes.map { "\($0.abstentions)" } ?? "", placeholder: "optional"),
    ]
  }

  static func actionFields(_ number: Int) -> [FormField] {
    [
      .text("action.\(number)", "Action \(number)", placeholder: "optional: what will be done"),
      .text("owner.\(number)", "  owner", placeholder: "who will do it"),
      .text("due.\(number)", "  due", placeholder: "YYYY-MM-DD, optional"),
    ]
  }

  /// The decision form grows an empty action row once the last one has text, so there is
  /// always room for one more.
  static func growActions(_ form: inout Form) {
    let numbers = form.fields.compactMap { field -> Int? in
      field.name.hasPrefix("action.") ? Int(field.name.dropFirst(7)) : nil
    }
    guard let last = numbers.max(), !form.text("action.\(last)").isEmpty else { return }
    form.fields += actionFields(last + 1)
  }

  public static func amendForm(_ decision: Decision) -> (NoteForm, Form) {
    let method = methods.firstIndex { $0.0 == decision.method } ?? 0
    let outcome = outcomes.firstIndex { $0.0 == decision.outcome } ?? 0
    let rung = rungs.firstIndex { $0.0 == decision.rung } ?? 0
    let fields: [FormField] =
      [
        .text("text", "Decision", decision.text),
        .choice("method", "Method", methods.map(\.1), selected: method),
        .choice("outcome", "Outcome", outcomes.map(\.1), selected: outcome),
        .choice("rung", "Rung", rungs.map(\.1), selected: rung),
      ] + voteFields(decision.votes)
    return (.amend(decision.id), Form(title: "Amend decision #\(decision.id.rawValue)", fields: fields))
  }

  public static func withdrawForm(_ decision: Decision) -> (NoteForm, Form) {
    (
      .withdraw(decision.id),
      Form(
        title: "Withdraw decision #\(decision.id.rawValue)",
        fields: [.text("reason", "Reason", placeholder: "why it is withdrawn (everyone sees it)")])
    )
  }

  public static func stanceForm(_ decision: Decision, state: MeetingState) -> (NoteForm, Form) {
    let people = state.participants.filter { $0.isPresent || decision.present.contains($0.id) }.map(\.id)
    return (
      .stance(decision.id, people: people),
      Form(
        title: "A stance on decision #\(decision.id.rawValue)",
        fields: [
          .choice("person", "Person", people.map { .init(state.name(of: $0)) }),
          .choice("stance", "Stance", stances.dropFirst().map(\.1)),
          .text("reason", "Reason", placeholder: "optional, in their words"),
        ])
    )
  }

  public static func actionForm(_ decision: Decision?) -> (NoteForm, Form) {
    let title = decision.map { "An action for decision #\($0.id.rawValue)" } ?? "An action"
    return (
      .action(decision?.id),
      Form(
        title: title,
        fields: [
          .text("action.1", "Action", placeholder: "what will be done"),
          .text("owner.1", "Owner", placeholder: "who will do it"),
          .text("due.1", "Due", placeholder: "YYYY-MM-DD, optional"),
        ])
    )
  }

  public static func contributionForm(state: MeetingState) -> (NoteForm, Form) {
    let people = state.participants.filter { $0.isPresent && $0.speaks }.map(\.id)
    return (
      .contribution(people: people),
      Form(
        title: "A written or supported contribution",
        fields: [
          .choice("person", "From", people.map { .init(state.name(of: $0)) }),
          .choice("mode", "How", modes.map(\.1)),
          .text("text", "What they said", placeholder: "their words"),
          .text("credit", "Counts as", "60", placeholder: "seconds of airtime"),
          .choice("supporter", "Supported by", [.init("nobody")] + people.map { .init(state.name(of: $0)) }),
        ])
    )
  }

  public static func parkForm() -> (NoteForm, Form) {
    (
      .park,
      Form(
        title: "Park a topic for later",
        fields: [.text("title", "Topic", placeholder: "what to come back to")])
    )
  }

  // MARK: Checks

  /// What is wrong with the form now, by field name; empty when it can be recorded.
  public static func problems(_ kind: NoteForm, _ form: Form, state: MeetingState) -> [String: String] {
    var problems: [String: String] = [:]
    func required(_ name: String, _ what: String) {
      if form.text(name).isEmpty { problems[name] = what }
    }
    func whole(_ name: String, min: Int = 0, max: Int = 100_000) {
      let text = form.text(name)
      guard !text.isEmpty else { return }
      guard let value = Int(text), value >= min, value <= max else {
        problems[name] = "a whole number from \(min) to \(max)"
        return
      }
    }
    func votes() {
      let names = ["for", "against", "abstaining"]
      for name in names { whole(name) }
      let filled = names.filter { !form.text($0).isEmpty }
      if !filled.isEmpty && filled.count < 3 {
        for name in names where form.text(name).isEmpty { problems[name] = "give all three counts, or none" }
      }
      if !filled.isEmpty, methods[form.selected("method")].0 != .vote {
        problems["for"] = problems["for"] ?? "vote counts go with the vote method"
      }
    }
    func actions() {
      for field in form.fields where field.name.hasPrefix("action.") {
        let number = field.name.dropFirst(7)
        let text = form.text(field.name)
        let owner = form.text("owner.\(number)")
        let due = form.text("due.\(number)")
        if text.isEmpty && (!owner.isEmpty || !due.isEmpty) { problems[field.name] = "say what will be done" }
        if !text.isEmpty && owner.isEmpty { problems["owner.\(number)"] = "say who will do it" }
        if !due.isEmpty && !isCalendarDate(due) { problems["due.\(number)"] = "a date like 2026-12-31" }
      }
    }
    switch kind {
    case .decision(let people, _):
      required("text", "say what was decided")
      for id in people where !form.text("reason.\(id.rawValue)").isEmpty {
        if Self.stances[form.selected("stance.\(id.rawValue)")].0 == nil {
          problems["reason.\(id.rawValue)"] =
            "choose their stance first (a, c, s, b or x), or the reason is lost"
        }
      }
      votes()
      actions()
    case .amend(let id):
      required("text", "a decision needs its words")
      votes()
      if problems.isEmpty, let decision = state.decisions.first(where: { $0.id == id }),
        amendment(of: decision, form) == nil
      {
        problems["text"] = "nothing has changed yet"
      }
    case .withdraw: required("reason", "say why, so the minutes can")
    case .stance(_, let people):
      if people.isEmpty { problems["person"] = "nobody to record a stance for" }
    case .action:
      required("action.1", "say what will be done")
      actions()
    case .contribution(let people):
      if people.isEmpty { problems["person"] = "nobody present who speaks" }
      required("text", "write down what they said")
      whole("credit", min: 0, max: 3600)
      if form.text("credit").isEmpty { problems["credit"] = "seconds of airtime, such as 60" }
      if form.selected("supporter") != 0, form.selected("supporter") == form.selected("person") + 1 {
        problems["supporter"] = "someone else supports them"
      }
    case .park: required("title", "name the topic")
    }
    return problems
  }

  /// `2026-12-31`: a real day of a real month (the model's one calendar check, CalendarDate).
  static func isCalendarDate(_ text: String) -> Bool { CalendarDate.isValid(text) }

  // MARK: Commands

  static func tally(_ form: Form) -> VoteTally? {
    guard let inFavour = Int(form.text("for")), let against = Int(form.text("against")),
      let abstentions = Int(form.text("abstaining"))
    else { return nil }
    return VoteTally(inFavour: inFavour, against: against, abstentions: abstentions)
  }

  static func actionDrafts(_ form: Form, decision: DecisionID?, state: MeetingState) -> [ActionDraft] {
    form.fields.filter { $0.name.hasPrefix("action.") }.compactMap { field in
      let number = field.name.dropFirst(7)
      let text = form.text(field.name)
      guard !text.isEmpty else { return nil }
      let owner = form.text("owner.\(number)")
      let participant = try? state.participantID(named: owner)
      let due = form.text("due.\(number)")
      return ActionDraft(
        decision: decision, owner: participant.map { state.name(of: $0) } ?? owner,
        ownerParticipant: participant,
        text: text, due: due.isEmpty ? nil : due)
    }
  }

  /// Only what changed; nil when nothing did.
  static func amendment(of decision: Decision, _ form: Form) -> DecisionAmendment? {
    var amendment = DecisionAmendment(decision: decision.id)
    var changed = false
    if form.text("text") != decision.text {
      amendment.text = form.text("text")
      changed = true
    }
    let method = methods[form.selected("method")].0
    if method != decision.method {
      amendment.method = method
      changed = true
    }
    let outcome = outcomes[form.selected("outcome")].0
    if outcome != decision.outcome {
      amendment.outcome = outcome
      changed = true
    }
    if let rung = rungs[form.selected("rung")].0, rung != decision.rung {
      amendment.rung = rung
      changed = true
    }
    if let votes = tally(form), votes != decision.votes {
      amendment.votes = votes
      changed = true
    }
    return changed ? amendment : nil
  }

  /// The command the form comes to; nil while it has problems.
  public static func command(_ kind: NoteForm, _ form: Form, state: MeetingState) -> Command? {
    guard problems(kind, form, state: state).isEmpty else { return nil }
    switch kind {
    case .decision(let people, let items):
      let item = form.selected("item")
      let stances = people.compactMap { id -> Stance? in
        guard let stance = Self.stances[form.selected("stance.\(id.rawValue)")].0 else { return nil }
        let reason = form.text("reason.\(id.rawValue)")
        return Stance(participant: id, stance: stance, reason: reason.isEmpty ? nil : reason)
      }
      return .recordDecision(
        DecisionDraft(
          text: form.text("text"), item: item == 0 ? nil : items[item - 1],
          method: methods[form.selected("method")].0, outcome: outcomes[form.selected("outcome")].0,
          rung: rungs[form.selected("rung")].0, votes: tally(form), stances: stances,
          actions: actionDrafts(form, decision: nil, state: state)))
    case .amend(let id):
      guard let decision = state.decisions.first(where: { $0.id == id }) else { return nil }
      return amendment(of: decision, form).map { .amendDecision($0) }
    case .withdraw(let id): return .withdrawDecision(id, reason: form.text("reason"))
    case .stance(let id, let people):
      let reason = form.text("reason")
      return .recordStance(
        id,
        Stance(
          participant: people[form.selected("person")],
          stance: Self.stances.dropFirst().map(\.0)[form.selected("stance")]!,
          reason: reason.isEmpty ? nil : reason))
    case .action(let id):
      return actionDrafts(form, decision: id, state: state).first.map { .addAction($0) }
    case .contribution(let people):
      let supporter = form.selected("supporter")
      return .recordContribution(
        people[form.selected("person")], mode: modes[form.selected("mode")].0, text: form.text("text"),
        creditSeconds: Int(form.text("credit")) ?? 60, supporter: supporter == 0 ? nil : people[supporter - 1]
      )
    case .park: return .park(title: form.text("title"))
    }
  }
}
