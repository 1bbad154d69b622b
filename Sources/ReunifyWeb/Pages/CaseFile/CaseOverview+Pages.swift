import Vapor
import ReunifyDomain
import ReunifyStore

extension CaseOverview {
    /// The trail back from a page of this case: the caseload, then the family's case page.
    func breadcrumbs(_ language: UILanguage) -> [(String, String)] { caseFile.breadcrumbs(language) }
}

extension Recorded where Subject == CaseSubject, Details == CaseDetails {
    /// The trail back from a page of this case: the caseload, then the family's case page.
    func breadcrumbs(_ language: UILanguage) -> [(String, String)] {
        [(Catalogue.text(.caseloadTitle, language), SiteURL.caseload.path),
         (Catalogue.text(.caseTitle, language, ["family": details.familyName]), SiteURL.caseFile(id).path)]
    }
}

extension Request {
    /// The case in the path, once the policy allows `action` on `kind` in it, with its overview for the page.
    func caseOverview(_ action: AccessAction, _ kind: RecordKind) async throws -> (CaseOverview, CaseAccessFacts) {
        let caseID = try caseIDParameter()
        let facts = try await authorize(action, kind, caseID: caseID)
        guard let overview = try await CaseRepository(db).overview(caseID, kept: application.keptOverviews) else { throw Request.noSuchCase }
        return (overview, facts)
    }
}
