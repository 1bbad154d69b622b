import Vapor
import ReunifyDomain
import ReunifyStore

extension CaseOverview {
    /// The trail back from a page of this case: the caseload, then the family's case page.
    var breadcrumbs: [(String, String)] {
        [("Caseload", SiteURL.caseload.path), ("\(caseFile.details.familyName) family", SiteURL.caseFile(caseID).path)]
    }
}

extension Request {
    /// The case in the path, once the policy allows `action` on `kind` in it, with its overview for the page.
    func caseOverview(_ action: AccessAction, _ kind: RecordKind) async throws -> (CaseOverview, CaseAccessFacts) {
        let caseID = try caseIDParameter()
        let facts = try await authorize(action, kind, caseID: caseID)
        guard let overview = try await CaseRepository(db).overview(caseID) else { throw Request.noSuchCase }
        return (overview, facts)
    }
}
