import Foundation
import MeetingModel
import PropertyBased
import Testing

// Property-based tests: random scripts of commands against a small meeting, with the model's
// invariants checked after every step that is accepted, and "nothing changed" checked after
// every step that is refused. After each accepted step:
// - nobody has two hands up or is twice in the queue; the queue is a permutation of the raised
//   hands, with places 1…n, each with a reason; whoever has the floor has no hand up;
// - only people present who speak (not observers) are in the queue or have the floor;
// - airtime is never negative (tallies, voice stats per person and group, per item too, turns),
//   and the running tallies match the turns and contributions they come from;
// - every event survives a JSON round trip, and folding the log (as recorded, and as read back)
//   gives an equal state and the same queue with the same reasons;
// - every event passes the validating fold (what opening and importing a file run): the model's
//   own commands never write a log it refuses, and its state equals the plain fold's;
// - an undo straight after the action it takes back puts the queue back as it was.

@Suite("Random scripts keep the meeting's invariants")
struct PropertyTests {
  /// Scripts per run: about 7 s for the whole file in a debug build on two cores.
  static let scriptCount = 600

  @Test(.shrinking) func randomScriptsKeepTheInvariants() async {
    var accepted = 0
    var attempted = 0
    await propertyCheck(count: Self.scriptCount, input: Script.generator) { script in
      var run = ScriptRun()
      run.perform(script)
      accepted += run.acceptedCount
      attempted += run.attemptedCount
    }
    // Scripts that are mostly refused would prove little: most steps must get through.
    #expect(attempted > 0)
    #expect(Double(accepted) >= 0.45 * Double(attempted), "only \(accepted) of \(attempted) steps accepted")
  }

  /// The generator reaches every kind of step, accepted, and a healthy share of steps gets through.
  /// A fixed seed keeps this deterministic.
  @Test func generatedScriptsReachEveryKindOfStep() {
    var rng = Xoshiro(seed: (0x526f_756e_6474_6162, 0x6c65, 0x5072_6f70, 0x6572_7479))
    var accepted: [StepKind: Int] = [:]
    var acceptedUndo: Set<UndoKind> = []
    var total = 0
    var attempted = 0
    for _ in 0..<50 {
      var run = ScriptRun()
      run.perform(Script.generator.run(using: &rng))
      accepted.merge(run.accepted, uniquingKeysWith: +)
      acceptedUndo.formUnion(run.acceptedUndo)
      total += run.acceptedCount
      attempted += run.attemptedCount
    }
    let missing = StepKind.allCases.filter { accepted[$0, default: 0] == 0 }
    #expect(missing.isEmpty, "never accepted: \(missing)")
    let missingUndo = UndoKind.allCases.filter { !acceptedUndo.contains($0) }
    #expect(missingUndo.isEmpty, "undo never accepted for: \(missingUndo)")
    #expect(Double(total) >= 0.5 * Double(attempted), "only \(total) of \(attempted) steps accepted")
  }

  /// One of each command (and an undo of each kind), every one accepted, with the invariants
  /// checked after each and the outcome checked along the way.
  @Test func fixedScriptExercisesEveryCommand() {
    let (amira, ben, chloe, dev, erin, femi, gus) = (0, 1, 2, 3, 4, 5, 6)
    func id(_ index: Int) -> ParticipantID { ParticipantID(index + 1) }
    var run = ScriptRun()
    func queue() -> [String] { run.state.speakingQueue.map(\.name) }

    run.expectAccepted(
      .nextItem, .raise(.index(ben), .point), .raise(.index(chloe), .point), .raise(.index(dev), .clarify),
      .advance(milliseconds: 10_000), .move(.index(ben), to: 1))
    #expect(run.state.status == .open && run.state.currentItem == AgendaItemID(1))
    #expect(queue() == ["Ben", "Dev", "Chloe"])
    #expect(
      run.state.speakingQueue.first?.reasons.first == "moved to 1st place by facilitator: "
        + "has waited since the last item")

    run.expectAccepted(.undo(.move), .next)
    #expect(run.state.currentTurn?.participant == id(dev))  // a clarifying question goes first
    run.expectAccepted(.advance(milliseconds: 60_250), .raise(.index(amira), .response), .undo(.floor))
    #expect(run.state.currentTurn == nil)
    // Ben facilitates: his hand makes no claim for a group below its target, so Chloe's does.
    #expect(queue() == ["Dev", "Amira", "Chloe", "Ben"])

    run.expectAccepted(.giveFloor(chloe), .advance(milliseconds: 45_000), .endTurn)
    #expect(run.state.voice(of: id(chloe)).spokenMilliseconds == 45_000)
    // Ending the turn by mistake: undone, Chloe's time runs on from the turn's start.
    run.expectAccepted(.advance(milliseconds: 5_000), .undo(.turnEnd))
    #expect(run.state.currentTurn?.participant == id(chloe) && run.state.voice(of: id(chloe)).turns == 0)
    run.expectAccepted(.endTurn)
    #expect(run.state.voice(of: id(chloe)).spokenMilliseconds == 50_000)
    run.expectAccepted(.lower(.index(ben), byFacilitator: false), .undo(.lower))
    run.expectAccepted(.raise(.index(erin), .point), .undo(.hand))
    #expect(queue() == ["Dev", "Amira", "Ben"])
    run.expectAccepted(
      .contribute(erin, seconds: 90, written: true, supporter: nil), .undo(.contribution),
      .contribute(erin, seconds: 60, written: false, supporter: amira))
    #expect(run.state.voice(of: id(erin)).creditedMilliseconds == 60_000)

    run.expectAccepted(.changePolicy(.fifo), .next, .advance(milliseconds: 30_000), .leave(dev))
    #expect(run.state.currentTurn == nil && run.state.participant(id(dev))?.isPresent == false)
    #expect(run.state.voice(of: id(dev)).turns == 1)  // the revoked turn does not count
    run.expectAccepted(.join(dev), .join(gus), .update(femi, .participant), .update(amira, .adjustment2))
    #expect(run.state.present.count == 7)

    run.expectAccepted(
      .addItem(position: nil), .park, .unpark(4, position: 2), .moveItem(3, to: 1), .startItem(2),
      .undo(.agenda),
      .startItem(2), .closeItem,
      .deferItem(1))
    #expect(run.state.agendaOrder.map(\.rawValue) == [4, 1, 5, 2, 3])
    #expect(run.state.items.map(\.status) == [.pending, .deferred, .done, .pending, .pending])

    run.expectAccepted(.startRound(people: nil), .next, .advance(milliseconds: 20_000), .pass)
    #expect(run.state.round?.passes == [id(ben)])
    run.expectAccepted(.endRound)
    #expect(run.state.round == nil)

    run.expectAccepted(
      .signal(.jargon, from: chloe, note: nil), .ack(0), .undo(.acknowledgement), .ack(0),
      .signal(.other, from: nil, note: "too hot in here"),
      .undo(.signal))
    #expect(run.state.openSignals.isEmpty && run.state.signals.count == 2)

    run.expectAccepted(
      .decide(method: .vote, votes: true, stanceBy: ben, withAction: true, onItem: nil),
      .stance(decision: 0, by: chloe, .concern), .amend(decision: 0, .outcome),
      .addAction(decision: 0, owner: erin),
      .undo(.action), .undo(.decision),
      .decide(method: .consensus, votes: false, stanceBy: nil, withAction: false, onItem: nil),
      .withdraw(decision: 1))
    #expect(run.state.decisions.map(\.isWithdrawn) == [true, true])
    #expect(run.state.decisions.first?.dissent.map(\.participant) == [id(chloe)])
    // Undoing the decision took its remaining action with it.
    #expect(run.state.actions.map(\.isWithdrawn) == [true, true])

    run.expectAccepted(.closeMeeting, .openMeeting, .raise(.index(gus), .point), .next)
    #expect(run.state.status == .open && run.state.currentTurn?.participant == id(gus))

    let missing = StepKind.allCases.filter { run.accepted[$0, default: 0] == 0 }
    #expect(missing.isEmpty, "the fixed script never ran: \(missing)")
    let missingUndo = UndoKind.allCases.filter { !run.acceptedUndo.contains($0) }
    #expect(missingUndo.isEmpty, "the fixed script never undid: \(missingUndo)")
    let failed = run.failed
    #expect(!failed)
  }

  /// Found by the random scripts: undoing a lowered hand put it back up after its owner had
  /// become an observer, so an observer stood in the queue.
  @Test func undoingALowerKeepsObserversOutOfTheQueue() {
    var run = ScriptRun()
    run.expectAccepted(
      .raise(.index(1), .point), .lower(.index(1), byFacilitator: false), .update(1, .observer))
    let wasAccepted = run.perform(.undo(.lower))
    #expect(!wasAccepted)
    #expect(run.lastRefusal?.code == .cannotUndo)
    let failed = run.failed
    #expect(run.state.entries.isEmpty)
    #expect(!failed)
  }

  /// Found by the random scripts: a go-round gave the floor to someone who had become an
  /// observer since it began. They pass instead, like someone who left.
  @Test func goRoundPassesOverSomeoneWhoBecameAnObserver() {
    var run = ScriptRun()
    run.expectAccepted(.startRound(people: nil), .update(0, .observer), .next)
    #expect(run.state.currentTurn?.participant == ParticipantID(2))
    #expect(run.state.round?.passes == [ParticipantID(1)])
    let failed = run.failed
    #expect(!failed)
  }
}

// MARK: - Steps

/// The kinds of step a script is made of, with how often the generator picks each.
enum StepKind: String, CaseIterable, Sendable {
  case raise
  case lower
  case move
  case next
  case giveFloor
  case endTurn
  case leave
  case join
  case update
  case contribute
  case changePolicy
  case addItem
  case park
  case unpark
  case moveItem
  case startItem
  case nextItem
  case closeItem
  case deferItem
  case startRound
  case pass
  case endRound
  case signal
  case ack
  case decide
  case stance
  case amend
  case withdraw
  case addAction
  case undo
  case advance
  case closeMeeting
  case openMeeting

  /// Relative weight: queue work most, rare life-cycle steps least. Closing is rarer than
  /// reopening, so that scripts spend most of their steps in an open meeting.
  var weight: Int {
    switch self {
    case .raise: 42
    case .advance: 36
    case .next: 24
    case .giveFloor, .lower, .move, .contribute: 12
    case .undo, .decide, .openMeeting: 9
    case .endTurn, .pass, .startRound: 6
    case .leave, .join, .update, .changePolicy, .nextItem, .signal, .ack, .stance: 6
    case .endRound, .addItem, .park, .unpark, .moveItem, .startItem, .closeItem, .deferItem, .amend,
      .withdraw,
      .addAction:
      3
    case .closeMeeting: 1
    }
  }
}

/// Who a step is about, resolved against the state when the step runs.
enum Who: Equatable, Sendable, CustomStringConvertible {
  /// Participant `n % count + 1`; 15 is one past the last (nobody).
  case index(Int)
  /// Someone present who speaks, with no hand up and not the floor, so that raising gets tried
  /// for real; falls back to `index` when there is nobody like that.
  case hopeful(Int)
  /// Someone with a hand up; falls back to `index` when nobody has.
  case waiting(Int)

  var description: String {
    switch self {
    case .index(let n): "#\(n)"
    case .hopeful(let n): "hopeful #\(n)"
    case .waiting(let n): "waiting #\(n)"
    }
  }
}

/// A change to a participant.
enum ParticipantChange: CaseIterable, Sendable {
  case observer
  case participant
  case facilitator
  case adjustment1
  case adjustment1half
  case adjustment2
  case livedExperience
  case professional
  case noTags
}

/// A queue policy to switch to.
enum PolicyChoice: CaseIterable, Sendable {
  case balanced
  case fifo
  case interruptsOff
  case starvationAfterOne
  case starvationOff
  case targets

  var policy: QueuePolicy {
    switch self {
    case .balanced: .balanced
    case .fifo: .fifo
    case .interruptsOff: QueuePolicy(interruptsFirst: false)
    case .starvationAfterOne: QueuePolicy(starvationLimit: 1)
    case .starvationOff: QueuePolicy(starvationLimit: 0)
    case .targets:
      QueuePolicy(
        groupTargets: [
          GroupTarget(tag: "lived-experience", share: 0.6), GroupTarget(tag: "professional", share: 0.3),
        ])
    }
  }
}

/// An amendment to a decision.
enum AmendmentChoice: CaseIterable, Sendable {
  case text
  case outcome
  case method
  case rung
}

/// One abstract step of a script. People, items, decisions and signals are small indices that
/// are resolved against the state when the step runs (index modulo how many there are), so any
/// script means something in any state; index 15 names someone or something that does not exist.
enum Step: Equatable, Sendable, CustomStringConvertible {
  case raise(Who, EntryKind)
  case lower(Who, byFacilitator: Bool)
  /// To place `to` when the queue has it; other places below 12 wrap into the queue, 12 and up
  /// are kept (likely past the end, so refused).
  case move(Who, to: Int)
  case next
  case giveFloor(Int)
  case endTurn
  case leave(Int)
  /// A name from the cast: joins someone new, welcomes back someone who left, or is refused.
  case join(Int)
  case update(Int, ParticipantChange)
  case contribute(Int, seconds: Int, written: Bool, supporter: Int?)
  case changePolicy(PolicyChoice)
  case addItem(position: Int?)
  case park
  case unpark(Int, position: Int?)
  case moveItem(Int, to: Int)
  case startItem(Int)
  case nextItem
  case closeItem
  case deferItem(Int?)
  /// Nil: everyone present who speaks.
  case startRound(people: [Int]?)
  case pass
  case endRound
  case signal(SignalType, from: Int?, note: String?)
  case ack(Int)
  case decide(method: DecisionMethod, votes: Bool, stanceBy: Int?, withAction: Bool, onItem: Int?)
  case stance(decision: Int, by: Int, StanceKind)
  case amend(decision: Int, AmendmentChoice)
  case withdraw(decision: Int)
  case addAction(decision: Int?, owner: Int?)
  case undo(UndoKind)
  case advance(milliseconds: Int64)
  case closeMeeting
  case openMeeting

  /// `raise(hopeful #3, point)`: short enough to read a failing script.
  var description: String {
    guard let payload = Mirror(reflecting: self).children.first else { return kind.rawValue }
    let text = String(describing: payload.value).replacingOccurrences(
      of: #"MeetingModel(Tests)?\.[A-Za-z]+\."#, with: "", options: .regularExpression)
    return text.hasPrefix("(") ? kind.rawValue + text : "\(kind.rawValue)(\(text))"
  }

  var kind: StepKind {
    switch self {
    case .raise: .raise
    case .lower: .lower
    case .move: .move
    case .next: .next
    case .giveFloor: .giveFloor
    case .endTurn: .endTurn
    case .leave: .leave
    case .join: .join
    case .update: .update
    case .contribute: .contribute
    case .changePolicy: .changePolicy
    case .addItem: .addItem
    case .park: .park
    case .unpark: .unpark
    case .moveItem: .moveItem
    case .startItem: .startItem
    case .nextItem: .nextItem
    case .closeItem: .closeItem
    case .deferItem: .deferItem
    case .startRound: .startRound
    case .pass: .pass
    case .endRound: .endRound
    case .signal: .signal
    case .ack: .ack
    case .decide: .decide
    case .stance: .stance
    case .amend: .amend
    case .withdraw: .withdraw
    case .addAction: .addAction
    case .undo: .undo
    case .advance: .advance
    case .closeMeeting: .closeMeeting
    case .openMeeting: .openMeeting
    }
  }

  /// Builds a step of `kind` from three random numbers: `a` and `b` in 0…15, `c` in 0…300.
  init(kind: StepKind, _ a: Int, _ b: Int, _ c: Int) {
    let maybe: Int? = b < 8 ? nil : b % 8
    switch kind {
    case .raise:
      let kinds: [EntryKind] = [.point, .point, .point, .point, .point, .response, .clarify, .process]
      self = .raise(a < 12 ? .hopeful(a) : .index(a), kinds[b % kinds.count])
    case .lower: self = .lower(a < 12 ? .waiting(a) : .index(a), byFacilitator: b % 2 == 1)
    case .move: self = .move(a < 12 ? .waiting(a) : .index(a), to: b)
    case .next: self = .next
    case .giveFloor: self = .giveFloor(a)
    case .endTurn: self = .endTurn
    case .leave: self = .leave(a)
    case .join: self = .join(a)
    case .update: self = .update(a, ParticipantChange.allCases[b % ParticipantChange.allCases.count])
    case .contribute:
      self = .contribute(a, seconds: c, written: b % 2 == 0, supporter: b >= 12 ? a + b : nil)
    case .changePolicy: self = .changePolicy(PolicyChoice.allCases[b % PolicyChoice.allCases.count])
    case .addItem: self = .addItem(position: maybe.map { $0 % 5 + 1 })
    case .park: self = .park
    case .unpark: self = .unpark(a, position: maybe.map { $0 % 5 + 1 })
    case .moveItem: self = .moveItem(a, to: b % 6 + 1)
    case .startItem: self = .startItem(a)
    case .nextItem: self = .nextItem
    case .closeItem: self = .closeItem
    case .deferItem: self = .deferItem(b < 8 ? nil : a)
    case .startRound: self = .startRound(people: b % 3 == 0 ? nil : [a, a + 1, a + b % 3 + 1])
    case .pass: self = .pass
    case .endRound: self = .endRound
    case .signal:
      let type = SignalType.allCases[b % SignalType.allCases.count]
      self = .signal(type, from: a < 8 ? a : nil, note: c % 2 == 0 ? "note \(c)" : nil)
    case .ack: self = .ack(a)
    case .decide:
      let method = DecisionMethod.allCases[b % DecisionMethod.allCases.count]
      self = .decide(
        method: method, votes: c % 3 == 0, stanceBy: b >= 8 ? a : nil, withAction: c % 2 == 0,
        onItem: c % 5 == 0 ? a : nil)
    case .stance:
      self = .stance(decision: a, by: b, StanceKind.allCases[c % StanceKind.allCases.count])
    case .amend: self = .amend(decision: a, AmendmentChoice.allCases[b % AmendmentChoice.allCases.count])
    case .withdraw: self = .withdraw(decision: a)
    case .addAction: self = .addAction(decision: maybe.map { _ in a }, owner: c % 2 == 0 ? b : nil)
    case .undo:
      // Queue corrections twice as often as most others: they have more ways to go wrong. Agenda
      // steps and contributions twice too: an undo of them is accepted only straight after.
      let kinds: [UndoKind] = [
        .hand, .lower, .floor, .move, .turnEnd, .acknowledgement, .floor, .lower, .turnEnd, .agenda, .agenda,
        .contribution, .contribution, .signal, .decision, .action,
      ]
      self = .undo(kinds[b])
    case .advance: self = .advance(milliseconds: Int64(c) * 1000 + (b % 4 == 0 ? Int64(b) * 37 : 0))
    case .closeMeeting: self = .closeMeeting
    case .openMeeting: self = .openMeeting
    }
  }

  // MARK: Resolving against the state

  /// The command this step stands for in `state`; nil for `advance`, which moves the clock.
  func command(in state: MeetingState) -> Command? {
    func person(_ index: Int) -> ParticipantID { Step.id(index, among: state.participants.count) }
    func item(_ index: Int) -> AgendaItemID {
      AgendaItemID(Step.id(index, among: state.items.count).rawValue)
    }
    func decision(_ index: Int) -> DecisionID {
      DecisionID(Step.id(index, among: state.decisions.count).rawValue)
    }
    func resolve(_ who: Who) -> ParticipantID {
      switch who {
      case .index(let index): return person(index)
      case .hopeful(let index):
        let free = state.present.filter { person in
          person.speaks && state.entry(for: person.id) == nil && state.currentTurn?.participant != person.id
        }
        return free.isEmpty ? person(index) : free[index % free.count].id
      case .waiting(let index):
        return state.entries.isEmpty ? person(index) : state.entries[index % state.entries.count].participant
      }
    }
    switch self {
    case .raise(let who, let kind): return .raiseHand(resolve(who), kind: kind)
    case .lower(let who, let byFacilitator): return .lowerHand(resolve(who), byFacilitator: byFacilitator)
    case .move(let who, let position):
      let count = state.entries.count
      let place =
        (1...max(count, 1)).contains(position) || position >= 12 ? position : position % max(count, 1) + 1
      return .moveEntry(resolve(who), to: place, reason: "has waited since the last item")
    case .next: return .nextSpeaker
    case .giveFloor(let who): return .giveFloor(person(who))
    case .endTurn: return .endTurn
    case .leave(let who): return .leave(person(who))
    case .join(let index):
      let member = Cast.people[index % Cast.people.count]
      return .join(name: member.name, tags: member.tags, role: member.role, timeAdjustment: member.adjustment)
    case .update(let who, let change):
      let id = person(who)
      switch change {
      case .observer: return .updateParticipant(id, role: .observer)
      case .participant: return .updateParticipant(id, role: .participant)
      case .facilitator: return .updateParticipant(id, role: .facilitator)
      case .adjustment1: return .updateParticipant(id, timeAdjustment: 1)
      case .adjustment1half: return .updateParticipant(id, timeAdjustment: 1.5)
      case .adjustment2: return .updateParticipant(id, timeAdjustment: 2)
      case .livedExperience: return .updateParticipant(id, tags: ["lived-experience"])
      case .professional: return .updateParticipant(id, tags: ["professional"])
      case .noTags: return .updateParticipant(id, tags: [])
      }
    case .contribute(let who, let seconds, let written, let supporter):
      return .recordContribution(
        person(who), mode: written ? .written : .supported, text: "Card: \(seconds) seconds' worth",
        creditSeconds: seconds, supporter: supporter.map(person))
    case .changePolicy(let choice): return .changePolicy(choice.policy)
    case .addItem(let position):
      return .addAgendaItem(
        title: "Item \(state.items.count + 1)", minutes: 10, leads: [person(state.items.count)],
        position: position)
    case .park: return .park(title: "Parked topic \(state.items.count + 1)")
    case .unpark(let index, let position):
      // Mostly a topic in the parking lot, so that unparking gets tried for real.
      let parked = state.parkingLot
      let id = index < 12 && !parked.isEmpty ? parked[index % parked.count].id : item(index)
      return .unpark(id, position: position)
    case .moveItem(let index, let position): return .moveAgendaItem(item(index), to: position)
    case .startItem(let index): return .startItem(item(index))
    case .nextItem: return .nextItem
    case .closeItem: return .closeItem
    case .deferItem(let index): return .deferItem(index.map(item))
    case .startRound(let people): return .startRound(order: people?.map(person), topic: "How was this month?")
    case .pass: return .passInRound
    case .endRound: return .endRound
    case .signal(let type, let from, let note): return .sendSignal(type, from: from.map(person), note: note)
    case .ack(let index):
      return .acknowledgeSignal(SignalID(Step.id(index, among: state.signals.count).rawValue))
    case .decide(let method, let votes, let stanceBy, let withAction, let onItem):
      return .recordDecision(
        DecisionDraft(
          text: "Decision \(state.decisions.count + 1)", item: onItem.map(item), method: method,
          outcome: .agreed, rung: .coDesign,
          votes: votes ? VoteTally(inFavour: 4, against: 1, abstentions: 1) : nil,
          stances: stanceBy.map { [Stance(participant: person($0), stance: .agree, reason: "fair")] } ?? [],
          actions: withAction ? [ActionDraft(owner: "Housing team", text: "Write to the council")] : []))
    case .stance(let index, let who, let kind):
      return .recordStance(decision(index), Stance(participant: person(who), stance: kind, reason: " "))
    case .amend(let index, let choice):
      let id = decision(index)
      switch choice {
      case .text: return .amendDecision(DecisionAmendment(decision: id, text: "Amended \(state.version)"))
      case .outcome: return .amendDecision(DecisionAmendment(decision: id, outcome: .notAgreed))
      case .method: return .amendDecision(DecisionAmendment(decision: id, method: .consent))
      case .rung: return .amendDecision(DecisionAmendment(decision: id, rung: .coProduction))
      }
    case .withdraw(let index): return .withdrawDecision(decision(index), reason: "agreed to revisit")
    case .addAction(let index, let owner):
      return .addAction(
        ActionDraft(
          decision: index.map(decision), owner: owner.map { state.name(of: person($0)) } ?? "Chair",
          ownerParticipant: owner.map(person), text: "Send the notes", due: "2026-12-05"))
    case .undo(let kind): return .undo(kind)
    case .advance: return nil
    case .closeMeeting: return .closeMeeting
    case .openMeeting: return .openMeeting
    }
  }

  /// Index 15 is one past the last id (unknown); other indices wrap around the ids that exist.
  private static func id(_ index: Int, among count: Int) -> ParticipantID {
    index == 15 ? ParticipantID(count + 1) : ParticipantID(index % max(count, 1) + 1)
  }
}

/// The people a script can call on: the first six are there from the start.
enum Cast {
  struct Member: Sendable {
    var name: String
    var tags: [String]
    var role: Role
    var adjustment: Double
  }

  static let people: [Member] = [
    Member(name: "Amira", tags: ["lived-experience", "young-person"], role: .participant, adjustment: 1.5),
    Member(name: "Ben", tags: ["professional"], role: .facilitator, adjustment: 1),
    Member(name: "Chloe", tags: ["lived-experience"], role: .participant, adjustment: 2),
    Member(name: "Dev", tags: ["professional", "lived-experience"], role: .participant, adjustment: 1),
    Member(name: "Erin", tags: ["young-person"], role: .noteTaker, adjustment: 1),
    Member(name: "Femi", tags: [], role: .observer, adjustment: 1),
    Member(name: "Gus", tags: ["lived-experience"], role: .participant, adjustment: 1),
    Member(name: "Hana", tags: ["professional", "young-person"], role: .participant, adjustment: 1.5),
  ]
  static let atStart = 6
}

enum Script {
  /// Each step's kind is drawn by weight; its three numbers shrink toward 0, and the script
  /// shrinks by dropping steps, so a failure comes down to a short script.
  static let generator = zip(
    Gen.int(in: 0...(weightedKinds.count - 1)), Gen.int(in: 0...15), Gen.int(in: 0...15), Gen.int(in: 0...300)
  )
  .map { drawn in Step(kind: weightedKinds[drawn.0], drawn.1, drawn.2, drawn.3) }
  .array(of: 1...100)

  static let weightedKinds: [StepKind] = StepKind.allCases.flatMap { kind in
    Array(repeating: kind, count: kind.weight)
  }
}

// MARK: - Running a script

/// A meeting driven step by step, with the log as recorded and as read back from JSON, and the
/// invariants checked after every accepted step.
struct ScriptRun {
  static let start = Instant(iso8601: "2026-11-21T10:00:00Z")!

  var state = MeetingState()
  var ids = SequentialEventIDs()
  var now = ScriptRun.start
  /// Every event recorded so far.
  var log: [RecordedEvent] = []
  /// The same events after a JSON encode and decode.
  var decodedLog: [RecordedEvent] = []
  /// The log so far through the validating fold, one event at a time as it is recorded.
  var fold = ValidatingFold()
  var accepted: [StepKind: Int] = [:]
  var acceptedUndo: Set<UndoKind> = []
  var acceptedCount = 0
  var attemptedCount = 0
  /// Steps run so far, advances included.
  var stepCount = 0
  var lastRefusal: Refusal?
  /// Set once a check fails: the script stops there, so one bug gives one report.
  var failed = false
  /// The last accepted command's events and the state before it, for checking an undo that
  /// follows straight after.
  private var previous: (events: [MeetingEvent], before: MeetingState)?

  private let encoder = JSONEncoder()
  private let decoder = JSONDecoder()

  /// A scheduled meeting with six people (one an observer, two with extra speaking time) and
  /// three agenda items.
  init() {
    var setup: [Command] = [.createMeeting(title: "Care leavers' forum", purpose: "Shape the local offer")]
    for member in Cast.people.prefix(Cast.atStart) {
      setup.append(
        .join(name: member.name, tags: member.tags, role: member.role, timeAdjustment: member.adjustment))
    }
    for title in ["Housing", "Education", "Money"] {
      setup.append(.addAgendaItem(title: title, minutes: 15))
    }
    for command in setup {
      do {
        let recorded = try state.execute(command, at: now, ids: &ids)
        log += recorded
        readBack(recorded, context: "setup")
      } catch {
        failed = true
        Issue.record("setup \(command) was refused: \(error.message)")
      }
    }
    checkInvariants(context: "after setup")
  }

  mutating func perform(_ script: [Step]) {
    for step in script {
      perform(step)
      if failed { return }
    }
    checkInvariants(context: "at the end")
  }

  /// Runs steps that must all be accepted: for fixed scripts.
  mutating func expectAccepted(_ steps: Step..., sourceLocation: SourceLocation = #_sourceLocation) {
    for step in steps {
      let index = stepCount
      let wasAccepted = perform(step)
      #expect(
        wasAccepted, "step \(index) \(step) was refused: \(lastRefusal?.message ?? "")",
        sourceLocation: sourceLocation)
    }
  }

  /// Runs one step; returns whether it was accepted.
  @discardableResult
  mutating func perform(_ step: Step) -> Bool {
    guard !failed else { return false }
    let index = stepCount
    stepCount += 1
    guard let command = step.command(in: state) else {
      if case .advance(let milliseconds) = step { now = now.adding(milliseconds: milliseconds) }
      accepted[step.kind, default: 0] += 1
      return true
    }
    attemptedCount += 1
    let before = state
    let idsBefore = ids.counter
    let context = "step \(index), \(step) as \(command)"
    do {
      // Some events carry metadata, so that its JSON form is read back too.
      let metadata =
        index % 3 == 0 ? EventMetadata(author: "Siobhán", terminal: "notes@tty2") : EventMetadata()
      let upNext = state.speakingQueue(at: now).first?.participant
      let recorded = try state.execute(command, at: now, metadata: metadata, ids: &ids)
      if case .nextSpeaker = command, before.round == nil,
        let started = recorded.lazy.compactMap({ event -> TurnStarted? in
          if case .turnStarted(let turn) = event.event { turn } else { nil }
        }).first
      {
        let after = state
        check(
          started.participant == upNext,
          "\(context): next gave the floor to \(after.name(of: started.participant)), but the queue at that "
            + "moment showed \(upNext.map { after.name(of: $0) } ?? "nobody") first")
      }
      acceptedCount += 1
      accepted[step.kind, default: 0] += 1
      if case .undo(let kind?, _) = command { acceptedUndo.insert(kind) }
      check(!recorded.isEmpty, "\(context): accepted without recording an event")
      log += recorded
      readBack(recorded, context: context)
      checkInvariants(context: context)
      if case .undo(let kind?, _) = command, let previous {
        checkUndoStraightAfter(kind, previous.events, before: previous.before, context: context)
      }
      previous = (recorded.map(\.event), before)
      return true
    } catch {
      lastRefusal = error
      let after = state
      let idsAfter = ids.counter
      check(
        after == before,
        "\(context): refused (\(error.message)) but the state changed: \(differences(before, after))")
      check(idsAfter == idsBefore, "\(context): refused (\(error.message)) but used up event ids")
      return false
    }
  }

  /// JSON round trip of each new event; the decoded copies make up `decodedLog`.
  private mutating func readBack(_ recorded: [RecordedEvent], context: String) {
    for event in recorded {
      do {
        try fold.apply(event)
      } catch {
        check(false, "\(context): the validating fold refused the model's own \(error)")
      }
      do {
        let data = try encoder.encode(event)
        let decoded = try decoder.decode(RecordedEvent.self, from: data)
        check(
          decoded == event,
          "\(context): \(event) changed in a JSON round trip to \(decoded) (\(String(decoding: data, as: UTF8.self)))"
        )
        decodedLog.append(decoded)
      } catch {
        check(false, "\(context): \(event) failed its JSON round trip: \(error)")
      }
    }
  }

  // MARK: Invariants

  mutating func checkInvariants(context: String) {
    let state = self.state
    let log = self.log
    let decodedLog = self.decodedLog
    let now = self.now

    // The queue: everyone at most once, the order a permutation of the raised hands, places 1…n.
    let waiting = state.entries.map(\.participant)
    check(Set(waiting).count == waiting.count, "\(context): someone has two hands up: \(waiting)")
    let queue = state.speakingQueue
    let queued = queue.map(\.participant)
    check(Set(queued).count == queued.count, "\(context): someone is twice in the queue: \(queued)")
    check(
      queued.sorted() == waiting.sorted(),
      "\(context): the queue \(queued) is not a permutation of the raised hands \(waiting)")
    check(
      state.queueOrder.map(\.participant) == queued,
      "\(context): queueOrder \(state.queueOrder.map(\.participant)) differs from speakingQueue \(queued)")
    check(
      queue.map(\.position) == Array(stride(from: 1, through: queue.count, by: 1)),
      "\(context): queue positions are \(queue.map(\.position))")
    check(queue.allSatisfy { !$0.reasons.isEmpty }, "\(context): a place in the queue has no reason")
    let queueNow = state.speakingQueue(at: now)
    check(
      queueNow.map(\.participant).sorted() == waiting.sorted(),
      "\(context): the queue at \(now) \(queueNow.map(\.participant)) is not a permutation of the raised hands"
    )
    if state.currentTurn == nil {
      check(queueNow == queue, "\(context): with nobody speaking, the queue depends on the time")
    }
    if let speaker = state.currentTurn?.participant {
      check(!waiting.contains(speaker), "\(context): \(state.name(of: speaker)) has the floor and a hand up")
      let person = state.participant(speaker)
      check(
        person?.isPresent == true && person?.speaks == true,
        "\(context): the floor is with \(state.name(of: speaker)), who is absent or an observer")
    }
    for id in waiting {
      let person = state.participant(id)
      check(
        person?.isPresent == true && person?.speaks == true,
        "\(context): \(state.name(of: id)) is in the queue but absent or an observer: \(String(describing: person))"
      )
    }

    // Airtime is never negative, and the running tallies agree with the turns and contributions.
    for (index, tally) in state.voice.enumerated() {
      let id = ParticipantID(index + 1)
      check(
        tally.spokenMilliseconds >= 0 && tally.creditedMilliseconds >= 0 && tally.turns >= 0
          && tally.contributions >= 0,
        "\(context): negative voice for \(state.name(of: id)): \(tally)")
      let turns = state.turns.filter { $0.participant == id }
      let contributions = state.contributions.filter { $0.participant == id && !$0.isWithdrawn }
      let spoken = turns.reduce(Int64(0)) { $0 + $1.milliseconds(at: $1.end ?? $1.start) }
      let credited = contributions.reduce(Int64(0)) { $0 + Int64($1.creditSeconds) * 1000 }
      check(
        tally.spokenMilliseconds == spoken && tally.creditedMilliseconds == credited
          && tally.turns == turns.count && tally.contributions == contributions.count,
        "\(context): voice tally of \(state.name(of: id)) is \(tally), but turns and contributions give "
          + "\(spoken) ms spoken in \(turns.count) turns, \(credited) ms credited for \(contributions.count)")
    }
    for turn in state.turns {
      check(
        turn.end.map { $0 >= turn.start } == true,
        "\(context): a finished turn ends before it starts: \(turn)")
    }
    if let turn = state.currentTurn {
      check(turn.end == nil && turn.start <= now, "\(context): the current turn is odd: \(turn)")
    }
    for item in [nil] + state.items.map(\.id) {
      let stats = state.voiceStats(now: now, item: item)
      for person in stats.people {
        check(
          person.spokenSeconds >= 0 && person.creditedSeconds >= 0 && person.turns >= 0
            && person.contributions >= 0 && person.share >= 0,
          "\(context): negative voice stats (item \(String(describing: item))): \(person)")
      }
      for group in stats.groups {
        check(
          group.airtimeSeconds >= 0 && group.turns >= 0 && group.share >= 0,
          "\(context): negative group stats (item \(String(describing: item))): \(group)")
      }
      check(
        stats.totalAirtimeSeconds >= 0 && stats.gini >= -1e-9 && stats.gini <= 1,
        "\(context): totals out of range: \(stats.totalAirtimeSeconds) s, gini \(stats.gini)")
    }

    // The log: numbered 1…n, and a fold of it (as recorded, and as read back from JSON) gives the
    // same state, and the same queue with the same reasons.
    check(state.version == Int64(log.count), "\(context): version \(state.version) with \(log.count) events")
    check(
      log.map(\.sequence) == Array(stride(from: Int64(1), through: Int64(log.count), by: 1)),
      "\(context): the log is not numbered 1…n")
    let replayed = MeetingState(replaying: log)
    check(replayed == state, "\(context): replaying the log differs: \(differences(state, replayed))")
    let fromJSON = MeetingState(replaying: decodedLog)
    check(fromJSON == state, "\(context): replaying the JSON log differs: \(differences(state, fromJSON))")
    let folded = fold.state
    check(folded == state, "\(context): the validating fold's state differs: \(differences(state, folded))")
    check(state.speakingQueue == queue, "\(context): the queue changed when asked again")
    check(
      replayed.speakingQueue == queue,
      "\(context): the replayed queue differs: \(replayed.speakingQueue) vs \(queue)")
    check(fromJSON.speakingQueue == queue, "\(context): the queue from the JSON log differs")
  }

  /// An undo straight after the action it takes back puts the queue back as it was: the same
  /// hands in the same order for the same reasons (the floor: the same hands, as the turn it
  /// ended stays ended).
  private mutating func checkUndoStraightAfter(
    _ kind: UndoKind, _ events: [MeetingEvent], before: MeetingState, context: String
  ) {
    let didIt = events.contains { event in
      switch (kind, event) {
      case (.hand, .handRaised), (.move, .queueEntryMoved), (.floor, .turnStarted),
        (.contribution, .contributionRecorded):
        true
      case (.lower, .handLowered(let lowered)): lowered.reason == .withdrawn || lowered.reason == .facilitator
      default: false
      }
    }
    guard didIt else { return }
    let state = self.state
    if kind == .floor {
      check(
        state.entries == before.entries,
        "\(context): the hands are not as before the floor was given: \(state.entries) vs \(before.entries)")
    } else {
      check(
        state.speakingQueue == before.speakingQueue,
        "\(context): the queue is not as before: \(state.speakingQueue) vs \(before.speakingQueue)")
      check(
        state.voice == before.voice && state.speakersOnCurrentItem == before.speakersOnCurrentItem,
        "\(context): voice is not as before: \(differences(before, state))")
    }
  }

  private mutating func check(
    _ condition: Bool, _ comment: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(condition, Comment(rawValue: comment()), sourceLocation: sourceLocation)
    if !condition { failed = true }
  }
}

/// The stored properties that differ between two states, for failure messages.
private func differences(_ lhs: MeetingState, _ rhs: MeetingState) -> String {
  let left = Mirror(reflecting: lhs).children
  let right = Mirror(reflecting: rhs).children
  var lines: [String] = []
  for (l, r) in zip(left, right) {
    let a = String(describing: l.value)
    let b = String(describing: r.value)
    if a != b { lines.append("\(l.label ?? "?"): \(a) ≠ \(b)") }
  }
  return lines.isEmpty ? "(no visible difference)" : lines.joined(separator: "; ")
}
