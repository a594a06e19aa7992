/// Something a person asks the meeting to do: from a key, the `:` command line or the CLI.
/// `MeetingState.decide` checks it against the state and turns it into events, or refuses it.
public enum Command: Equatable, Sendable {
  case createMeeting(
    title: String, purpose: String? = nil, date: String? = nil, policy: QueuePolicy = .balanced)
  case openMeeting
  /// Ends the current turn, closes the current item and the meeting; hands go down.
  case closeMeeting
  case changePolicy(QueuePolicy)

  /// Joins a new person, or welcomes back someone who left (matched by name).
  case join(name: String, tags: [String] = [], role: Role = .participant, timeAdjustment: Double = 1)
  case leave(ParticipantID)
  case updateParticipant(
    ParticipantID, tags: [String]? = nil, role: Role? = nil, timeAdjustment: Double? = nil)

  case addAgendaItem(title: String, minutes: Int? = nil, leads: [ParticipantID] = [], position: Int? = nil)
  /// Puts a topic in the parking lot, to come back to later.
  case park(title: String)
  /// Takes a parking-lot topic onto the agenda.
  case unpark(AgendaItemID, position: Int? = nil)
  case moveAgendaItem(AgendaItemID, to: Int)
  /// Opens a given item (reopens it if it was done or deferred); the current one goes back to
  /// pending.
  case startItem(AgendaItemID)
  /// Closes the current item (ending the current turn) and opens the next pending one.
  case nextItem
  case closeItem
  /// Defers an item (nil: the current one).
  case deferItem(AgendaItemID?)

  case raiseHand(ParticipantID, kind: EntryKind = .point)
  case lowerHand(ParticipantID, byFacilitator: Bool = false)
  /// Puts a waiting hand at a fixed place in the queue; the reason is shown to everyone.
  case moveEntry(ParticipantID, to: Int, reason: String)
  /// Ends the current turn and gives the floor to the head of the queue (or the next person in
  /// a go-round).
  case nextSpeaker
  /// Gives the floor to one person, whether or not their hand is up.
  case giveFloor(ParticipantID)
  case endTurn

  /// A written or supported contribution, credited as `creditSeconds` of airtime.
  case recordContribution(
    ParticipantID, mode: ContributionMode, text: String, creditSeconds: Int = 60,
    supporter: ParticipantID? = nil)
  /// A go-round; `order` nil means everyone present who speaks, in joining order.
  case startRound(order: [ParticipantID]? = nil, topic: String? = nil)
  /// The next person in the round passes.
  case passInRound
  case endRound

  case sendSignal(SignalType, from: ParticipantID? = nil, note: String? = nil)
  case acknowledgeSignal(SignalID)

  case recordDecision(DecisionDraft)
  case recordStance(DecisionID, Stance)
  case amendDecision(DecisionAmendment)
  case withdrawDecision(DecisionID, reason: String)
  case addAction(ActionDraft)
  /// Records what became of an action item, or of an item carried over from the previous
  /// meeting.
  case followUp(FollowUpTarget, status: FollowUpStatus, note: String? = nil)
  /// Carries the previous meeting's open actions and its decisions into this one (see
  /// `MeetingState.itemsToCarry`), with the agenda item "You said, we did" put first.
  case carryOver([CarriedItem])

  /// Takes back an action with a compensating event: the last of `kind` (of any kind when nil),
  /// or exactly the one recorded by the event `action` (how a screen undoes its own last action
  /// and nobody else's).
  case undo(UndoKind? = nil, action: EventID? = nil)
}

/// A decision as the note-taker records it.
public struct DecisionDraft: Equatable, Sendable {
  public var text: String
  /// Nil: the current item (or none, before the agenda starts).
  public var item: AgendaItemID?
  public var method: DecisionMethod
  public var outcome: DecisionOutcome
  public var rung: ParticipationRung?
  public var votes: VoteTally?
  public var stances: [Stance]
  public var actions: [ActionDraft]

  public init(
    text: String, item: AgendaItemID? = nil, method: DecisionMethod, outcome: DecisionOutcome,
    rung: ParticipationRung? = nil, votes: VoteTally? = nil, stances: [Stance] = [],
    actions: [ActionDraft] = []
  ) {
    self.text = text
    self.item = item
    self.method = method
    self.outcome = outcome
    self.rung = rung
    self.votes = votes
    self.stances = stances
    self.actions = actions
  }
}

/// Changes to a recorded decision; nil fields stay as they are.
public struct DecisionAmendment: Equatable, Sendable {
  public var decision: DecisionID
  public var text: String?
  public var method: DecisionMethod?
  public var outcome: DecisionOutcome?
  public var rung: ParticipationRung?
  public var votes: VoteTally?

  public init(
    decision: DecisionID, text: String? = nil, method: DecisionMethod? = nil,
    outcome: DecisionOutcome? = nil, rung: ParticipationRung? = nil, votes: VoteTally? = nil
  ) {
    self.decision = decision
    self.text = text
    self.method = method
    self.outcome = outcome
    self.rung = rung
    self.votes = votes
  }
}

/// An action item as recorded: who will do what, by when.
public struct ActionDraft: Equatable, Sendable {
  /// The decision it follows from; set by `recordDecision` for the actions it carries.
  public var decision: DecisionID?
  public var owner: String
  public var ownerParticipant: ParticipantID?
  public var text: String
  public var due: String?

  public init(
    decision: DecisionID? = nil, owner: String, ownerParticipant: ParticipantID? = nil, text: String,
    due: String? = nil
  ) {
    self.decision = decision
    self.owner = owner
    self.ownerParticipant = ownerParticipant
    self.text = text
    self.due = due
  }
}
