import MeetingModel

/// How minutes are made: anonymised or not, the local clock, and "now" for a meeting still
/// under way.
public struct MinutesOptions: Sendable {
  public var anonymize: Bool
  /// Seconds the local clock is ahead of UTC: times are given in local time.
  public var clockOffsetSeconds: Int
  /// The time the minutes are made; turns still running are counted up to it.
  public var now: Instant

  public init(anonymize: Bool = false, clockOffsetSeconds: Int = 0, now: Instant) {
    self.anonymize = anonymize
    self.clockOffsetSeconds = clockOffsetSeconds
    self.now = now
  }
}

/// The record of a meeting, as the people who were there should read it: plain words, names
/// (or labels), local times, no internal ids. Markdown and HTML are two renderings of it.
public struct Minutes: Equatable, Sendable {
  public struct Attendee: Equatable, Sendable {
    public var name: String
    /// "10:00–11:30", "joined 10:20", or "10:00–10:40, 11:00–11:30".
    public var times: String
  }

  public struct AttendanceGroup: Equatable, Sendable {
    public var group: String
    public var people: [Attendee]
  }

  public struct AgendaLine: Equatable, Sendable {
    public var number: Int
    public var title: String
    /// "20 min", or nil without a timebox.
    public var planned: String?
    /// "10:02–10:24 (22 min)", or "not reached".
    public var actual: String
  }

  public struct Speaker: Equatable, Sendable {
    public var name: String
    public var group: String
    public var turns: Int
    public var airtime: String
  }

  public struct GroupTime: Equatable, Sendable {
    public var group: String
    public var airtime: String
    public var seconds: Double
    public var share: Double
    public var target: Double?
  }

  public struct DecisionRecord: Equatable, Sendable {
    /// "Decision 1".
    public var heading: String
    public var text: String
    /// "Agreed by consent", "Not agreed (vote)".
    public var how: String
    /// "3 for, 1 against, 1 abstaining", when counted.
    public var votes: String?
    /// "Co-production: decided and delivered together as equals".
    public var rung: String?
    /// "Amira Haddad agreed", "Tom Hughes had a concern: the budget is not agreed".
    public var stances: [String]
    /// The stances that were not agreement, stated plainly.
    public var dissent: [String]
    /// "for Tom Hughes: ask the council for notice dates (by Friday 18 December 2026)".
    public var actions: [String]
    /// "Amended twice", "Withdrawn: recorded twice".
    public var notes: [String]
  }

  public struct ItemRecord: Equatable, Sendable {
    public var title: String
    public var speakers: [Speaker]
    /// Airtime by group, facilitation apart (unless the meeting counts it).
    public var byGroup: [GroupTime]
    /// Time the facilitators spoke on the item, shown apart: "30s".
    public var facilitation: String?
    /// "Amira Haddad, written: Buses stop at 7", "…, supported by Priya Shah: …".
    public var contributions: [String]
    /// "Go-round “One word for today”: everyone spoke; Ben Okafor passed."
    public var rounds: [String]
    public var decisions: [DecisionRecord]
  }

  public struct Balance: Equatable, Sendable {
    public var groups: [GroupTime]
    public var people: [Speaker]
    /// The Gini coefficient of airtime between people (0 even, 1 one voice), two decimals.
    public var fairness: String
    /// "Rachel Green (facilitator): 4m 10s", apart from the balance.
    public var facilitation: [String]
    public var total: String
  }

  public var title: String
  /// "Saturday 21 November 2026".
  public var date: String
  public var purpose: String?
  /// "10:00–11:30", "from 10:00 (still open)", "not started".
  public var times: String
  public var attendance: [AttendanceGroup]
  public var agenda: [AgendaLine]
  public var items: [ItemRecord]
  /// You said, we did: what became of the previous meeting's actions and decisions carried
  /// into this one ("Ben Okafor: cost the furniture grant (by …) — done: grant agreed").
  public var carried: [String]
  /// Where the carried items came from ("Care leavers forum, 21 November 2026").
  public var carriedFrom: [String]
  /// Actions recorded outside any decision.
  public var otherActions: [String]
  /// "10:14 — Someone asked for plain language (dealt with)".
  public var signals: [String]
  public var parkingLot: [String]
  public var balance: Balance
  /// Whether names were replaced by labels.
  public var isAnonymised: Bool
}

extension Minutes {
  public init(state: MeetingState, options: MinutesOptions) {
    let masker = NameMasker(state: state, active: options.anonymize)
    let offset = options.clockOffsetSeconds
    let now = options.now
    let end = state.status == .closed ? (state.lastEventTime ?? now) : now
    func time(_ instant: Instant) -> String { instant.timeOfDay(offsetSeconds: offset) }
    func text(_ free: String) -> String { masker.mask(free) }

    isAnonymised = options.anonymize
    title = text(state.info?.title ?? "Meeting")
    purpose = state.info?.purpose.map(text)
    let created = state.info?.createdAt ?? now
    let first = state.participants.flatMap { $0.presence.map(\.from) }.min() ?? created
    date = CalendarDay(first, offsetSeconds: offset).longDescription
    let opened = state.items.flatMap { $0.stretches.map(\.start) }.min() ?? first
    switch state.status {
    case .closed: times = "\(time(opened))–\(time(end))"
    case .open: times = "from \(time(opened)) (still open when these minutes were made)"
    default: times = "not started"
    }

    // Attendance, by group: facilitation and observers after the groups.
    var byGroup: [String: [Attendee]] = [:]
    var groupOrder: [String] = []
    for person in state.participants {
      let group = NameMasker.groupWords(person)
      if byGroup[group] == nil { groupOrder.append(group) }
      let spans = person.presence.map { span -> String in
        let until = span.until ?? (state.status == .closed ? end : nil)
        return until.map { "\(time(span.from))–\(time($0))" } ?? "from \(time(span.from))"
      }
      byGroup[group, default: []].append(
        Attendee(name: masker.name(person.id), times: spans.joined(separator: ", ")))
    }
    let roleGroups = Set(
      Role.allCases.filter { $0 != .participant }.map { $0.rawValue.replacingOccurrences(of: "-", with: " ") }
    )
    groupOrder = groupOrder.filter { !roleGroups.contains($0) } + groupOrder.filter(roleGroups.contains)
    attendance = groupOrder.map { AttendanceGroup(group: $0, people: byGroup[$0] ?? []) }

    // The agenda with planned and actual times.
    let agendaItems = state.agendaOrder.compactMap { state.item($0) }
    agenda = agendaItems.enumerated().map { index, item in
      let actual: String
      if let start = item.stretches.first?.start {
        let minutes = (item.elapsedMilliseconds(at: end) + 30_000) / 60_000
        let finish = item.stretches.last?.end
        let span = finish.map { "\(time(start))–\(time($0))" } ?? "from \(time(start))"
        let status = item.status == .deferred ? ", deferred" : ""
        actual = "\(span) (\(minutes) min\(status))"
      } else {
        actual = item.status == .deferred ? "deferred" : "not reached"
      }
      return AgendaLine(
        number: index + 1, title: text(item.title), planned: item.minutes.map { "\($0) min" }, actual: actual)
    }

    // Each item: who spoke, contributions, go-rounds, decisions.
    func record(for item: AgendaItemID?, title: String) -> ItemRecord? {
      let turns =
        state.turns.filter { $0.item == item }
        + [state.currentTurn].compactMap { $0 }.filter { $0.item == item }
      let contributions = state.contributions.filter { $0.item == item && !$0.isWithdrawn }
      let rounds = (state.pastRounds + [state.round].compactMap { $0 }).filter { $0.item == item }
      let decisions = state.decisions.filter { $0.item == item }
      guard item != nil || !turns.isEmpty || !contributions.isEmpty || !decisions.isEmpty else { return nil }
      var speakers: [ParticipantID: (turns: Int, milliseconds: Int64)] = [:]
      var order: [ParticipantID] = []
      for turn in turns {
        if speakers[turn.participant] == nil { order.append(turn.participant) }
        speakers[turn.participant, default: (0, 0)].turns += 1
        speakers[turn.participant, default: (0, 0)].milliseconds += turn.milliseconds(at: turn.end ?? end)
      }
      var groupTime: [String: Double] = [:]
      var groupsSeen: [String] = []
      var facilitation: Int64 = 0
      for id in order
      where state.participant(id)?.role.isFacilitation == true && !state.policy.countsFacilitation {
        facilitation += speakers[id]!.milliseconds
      }
      for id in order
      where state.participant(id)?.role.isFacilitation != true || state.policy.countsFacilitation {
        let group = masker.group(id)
        if groupTime[group] == nil { groupsSeen.append(group) }
        groupTime[group, default: 0] += Double(speakers[id]!.milliseconds) / 1000
      }
      let itemTotal = groupTime.values.reduce(0, +)
      return ItemRecord(
        title: title,
        speakers: order.map { id in
          Speaker(
            name: masker.name(id), group: masker.group(id), turns: speakers[id]!.turns,
            airtime: formatDuration(seconds: speakers[id]!.milliseconds / 1000))
        },
        byGroup: groupsSeen.map { group in
          GroupTime(
            group: group, airtime: formatDuration(seconds: Int64(groupTime[group]!)),
            seconds: groupTime[group]!,
            share: itemTotal > 0 ? groupTime[group]! / itemTotal : 0, target: nil)
        },
        facilitation: facilitation > 0 ? formatDuration(seconds: facilitation / 1000) : nil,
        contributions: contributions.map { contribution in
          var how = contribution.mode.rawValue
          if let supporter = contribution.supporter { how = "supported by \(masker.reference(supporter))" }
          return "\(masker.reference(contribution.participant)), \(how): \(text(contribution.text))"
        },
        rounds: rounds.map { round in
          let topic = round.topic.map { " “\(text($0))”" } ?? ""
          let passed = round.passes.map(masker.reference)
          let spoke = round.order.count - round.passes.count
          var line = "Go-round\(topic): \(spoke) of \(round.order.count) spoke"
          line += passed.isEmpty ? "; nobody passed." : "; passed: \(passed.joined(separator: ", "))."
          return line
        },
        decisions: decisions.map { Self.decisionRecord($0, state: state, masker: masker) })
    }
    items =
      agendaItems.compactMap { record(for: $0.id, title: text($0.title)) }
      + [record(for: nil, title: "Outside the agenda")].compactMap { $0 }

    carried = state.carriedOver.map { item in
      var line = text(item.text)
      if item.kind == .action {
        let owner = item.owner.map { text($0) + ": " } ?? ""
        let due = item.due.map { " (by \(CalendarDay(text: $0)?.longDescription ?? $0))" } ?? ""
        line = owner + line + due
      } else {
        line = "Decision: " + line
      }
      if let followUp = item.followUp {
        line += " — " + Self.followUpWords(followUp, masker: masker)
      } else if item.kind == .action {
        line += " — no news yet"
      }
      return line
    }
    var origins: [String] = []
    for item in state.carriedOver where !origins.contains(item.fromMeeting) {
      origins.append(item.fromMeeting)
    }
    carriedFrom = origins.map(text)
    otherActions = state.actions.filter { $0.decision == nil && !$0.isWithdrawn }.map {
      Self.actionWords($0, masker: masker)
    }

    signals = state.signals.filter { !$0.isWithdrawn }.map { signal in
      let who = signal.from.map(masker.reference) ?? "Someone"
      let words: String
      switch signal.type {
      case .break: words = "\(who) asked for a break"
      case .jargon: words = "\(who) asked for plain language"
      case .slower: words = "\(who) asked to slow down"
      case .louder: words = "\(who) asked for more volume"
      case .other: words = "\(who) asked for a word with the facilitator"
      }
      return "\(time(signal.at)) — \(words)\(signal.isAcknowledged ? " (dealt with)" : " (still open)")"
    }
    parkingLot = state.parkingLot.map { text($0.title) }

    let stats = state.voiceStats(now: end)
    balance = Balance(
      groups: stats.groups.map { group in
        GroupTime(
          group: group.tag.replacingOccurrences(of: "-", with: " "),
          airtime: formatDuration(seconds: Int64(group.airtimeSeconds)), seconds: group.airtimeSeconds,
          share: group.share, target: group.target)
      },
      people: stats.people.map { person in
        Speaker(
          name: masker.name(person.participant), group: masker.group(person.participant), turns: person.turns,
          airtime: formatDuration(seconds: Int64(person.airtimeSeconds)))
      },
      fairness: twoDecimals(stats.gini),
      facilitation: stats.facilitation.map { person in
        "\(masker.nameWithGroup(person.participant)): \(formatDuration(seconds: Int64(person.airtimeSeconds)))"
      },
      total: formatDuration(seconds: Int64(stats.totalAirtimeSeconds)))
  }

  static func rungWords(_ rung: ParticipationRung) -> String {
    switch rung {
    case .informing: "Informing: people were told"
    case .consultation: "Consultation: people were asked"
    case .engagement: "Engagement: people helped shape it"
    case .coDesign: "Co-design: designed together"
    case .coProduction: "Co-production: decided and delivered together as equals"
    }
  }

  static func stanceWords(_ stance: Stance, masker: NameMasker) -> String {
    let who = masker.reference(stance.participant)
    let reason = stance.reason.map { masker.mask($0) }
    switch stance.stance {
    case .agree: return reason.map { "\(who) agreed: \($0)" } ?? "\(who) agreed"
    case .concern: return reason.map { "\(who) had a concern: \($0)" } ?? "\(who) had a concern"
    case .standAside: return reason.map { "\(who) stood aside: \($0)" } ?? "\(who) stood aside"
    case .block: return reason.map { "\(who) blocked it: \($0)" } ?? "\(who) blocked it"
    case .abstain: return reason.map { "\(who) abstained: \($0)" } ?? "\(who) abstained"
    }
  }

  static func decisionRecord(_ decision: Decision, state: MeetingState, masker: NameMasker) -> DecisionRecord
  {
    let method: String
    switch decision.method {
    case .consensus: method = "by consensus"
    case .consent: method = "by consent"
    case .vote: method = "by vote"
    case .other: method = "another way"
    }
    let how: String
    switch decision.outcome {
    case .agreed: how = "Agreed \(method)"
    case .notAgreed: how = "Not agreed (\(method))"
    case .deferred: how = "Deferred (\(method))"
    }
    var votes: String?
    if decision.votes != nil || decision.method == .vote {
      let tally = decision.tally
      votes = "\(tally.inFavour) for, \(tally.against) against, \(tally.abstentions) abstaining"
    }
    var notes: [String] = []
    if decision.amendments > 0 {
      notes.append(decision.amendments == 1 ? "Amended once" : "Amended \(decision.amendments) times")
    }
    if let reason = decision.withdrawal { notes.append("Withdrawn: \(masker.mask(reason))") }
    let actions = state.actions.filter { decision.actions.contains($0.id) && !$0.isWithdrawn }.map { action in
      actionWords(action, masker: masker)
    }
    return DecisionRecord(
      heading: "Decision \(decision.id.rawValue)", text: masker.mask(decision.text), how: how, votes: votes,
      rung: decision.rung.map(rungWords), stances: decision.stances.map { stanceWords($0, masker: masker) },
      dissent: decision.dissent.map { stanceWords($0, masker: masker) }, actions: actions, notes: notes)
  }

  static func actionWords(_ action: ActionItem, masker: NameMasker) -> String {
    let owner = action.ownerParticipant.map(masker.reference) ?? masker.mask(action.owner)
    let due = action.due.map { " (by \(CalendarDay(text: $0)?.longDescription ?? $0))" } ?? ""
    let state = action.followUp.map { " — " + followUpWords($0, masker: masker) } ?? ""
    return "for \(owner): \(masker.mask(action.text))\(due)\(state)"
  }

  /// "done: grant agreed", "in progress", "dropped: no budget".
  static func followUpWords(_ followUp: FollowUp, masker: NameMasker) -> String {
    followUp.status.label + (followUp.note.map { ": " + masker.mask($0) } ?? "")
  }
}

/// A day in the local calendar, for dates in words ("Saturday 21 November 2026").
struct CalendarDay: Equatable, Sendable {
  var year: Int
  var month: Int
  var day: Int

  init(_ instant: Instant, offsetSeconds: Int) {
    let seconds = instant.millisecondsSince1970 / 1000 + Int64(offsetSeconds)
    let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    day = doy - (153 * mp + 2) / 5 + 1
    month = mp < 10 ? mp + 3 : mp - 9
    year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  }

  /// `2026-12-18`; nil when it is not a real date.
  init?(text: String) {
    let parts = text.split(separator: "-")
    guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), (1...31).contains(day), parts[0].count == 4
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  var weekday: String {
    // Sakamoto's method: 0 is Sunday.
    let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
    let y = month < 3 ? year - 1 : year
    let index = (y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + day) % 7
    return ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][index]
  }

  static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
  ]

  var description: String { "\(day) \(Self.monthNames[month - 1]) \(year)" }
  var longDescription: String { "\(weekday) \(description)" }
}
