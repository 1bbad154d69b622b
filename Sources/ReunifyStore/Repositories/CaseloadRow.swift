import Foundation
import ReunifyDomain

/// One line of a caseload: what a worker scans first thing in the morning.
public struct CaseloadRow: Sendable {
    public struct Child: Sendable {
        public let id: PersonID
        public let name: String
        public let age: Int?
        public let inCare: Bool
    }
    /// What in the case waits for a supervisor: a step up in family time to approve, a step down not yet
    /// acknowledged, a team decision to approve.
    public struct Awaiting: Sendable, Equatable {
        public var stepUp = false
        public var stepDown = false
        public var decision = false
        public init(stepUp: Bool = false, stepDown: Bool = false, decision: Bool = false) {
            self.stepUp = stepUp
            self.stepDown = stepDown
            self.decision = decision
        }
    }
    public let caseID: CaseID
    public let caseNumber: String
    public let familyName: String
    public let stage: CaseStage
    public let caseworkerID: UUID?
    public let children: [Child]
    public let daysInCare: Int?
    public let nextDue: DueItem?
    /// The case plan's own date: the first plan, or the review of the approved one (nil when no child is in care).
    public let planDue: DueItem?
    /// The permanency clock's deadlines not yet met (overdue, due soon or upcoming), soonest first.
    public let deadlines: [ClockItem]
    /// A child of the case came back into care within a year of leaving it.
    public let reEntry: Bool
    public let awaiting: Awaiting
    public let version: Int

    public var overdue: [ClockItem] { deadlines.filter { $0.status == .overdue } }
    public var nextDeadline: ClockItem? { deadlines.first { $0.status != .overdue } }
    public func childName(_ id: PersonID) -> String { children.first { $0.id == id }?.name ?? "child" }
}
