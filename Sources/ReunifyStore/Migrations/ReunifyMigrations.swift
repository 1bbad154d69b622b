import FluentKit

/// Every migration, in order. A migration is never edited after it lands; changes come as new ones.
public enum ReunifyMigrations {
    public static var all: [any Migration] {
        [
            CreateUsers(),
            CreateAuthSessions(),
            CreateSignInFailures(),
            CreatePersons(),
            CreateCases(),
            CreateMembersAndRelationships(),
            CreateEpisodesAndPlacements(),
            CreateAuditEvents(),
            CreateAssessments(),
            CreateReunificationReviews(),
            CreateVignettes(),
            CreateTracing(),
            UpdatePlacementsAddOneCurrent(),
            UpdatePersonsAddAddressParts(),
            CreateServices(),
            CreateFamilyTime(),
            CreatePermanencyRecords(),
            UpdatePlacementsAddRecordedAt(),
            CreateReadIndexes(),
            UpdateUsersAddLanguage(),
            CreateCaseMessages(),
            CreateInvitations(),
            UpdateAuditEventsAddWording(),
            UpdateCasesAddRecordsStamp(),
        ]
    }
}
