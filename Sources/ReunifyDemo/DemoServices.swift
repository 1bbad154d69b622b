import Foundation
import ReunifyDomain

/// The demo agency's directory of services: organisations in California, where the agency is, and across the state
/// line in Nevada, with residency and age rules as real services have them. Invented organisations.
public enum DemoServices {
    public struct Organisation: Sendable {
        public let id: ProviderID
        public let provider: Provider
        public let services: [ProviderService]
    }

    /// The organisation the demo provider account works for.
    public static let providerAccountOrganisation = ProviderID(UUID(uuidString: "5E6A0000-0000-4000-8000-000000000001")!)

    /// A service's fixed id: the organisation's place in the directory and the service's place in it.
    public static func serviceUUID(organisation: Int, service: Int) -> UUID {
        UUID(uuidString: String(format: "5E6A1000-0000-4000-8000-%06d%06d", organisation, service))!
    }

    static func id(_ n: Int) -> ProviderID { ProviderID(UUID(uuidString: String(format: "5E6A0000-0000-4000-8000-%012d", n))!) }

    public static let directory: [Organisation] = [
        Organisation(id: providerAccountOrganisation, provider: Provider(name: "Fairview Family Resource Center", region: "CA", phone: "555-0300",
                                                                         email: "intake@fairview-frc.example", address: "200 Main St, Fairview, CA 95301"),
                     services: [
                        ProviderService(category: .parentingEducation, name: "Nurturing Parents (12 weeks)", languages: ["en", "es"],
                                        eligibility: Eligibility(minAge: 16), locations: ["200 Main St, Fairview"], hours: "Tue and Thu 6–8 pm",
                                        capacity: 16, waitlist: 0),
                        ProviderService(category: .reunificationTherapy, name: "Parent–child reunification therapy", languages: ["en", "es"],
                                        eligibility: Eligibility(referrers: [.caseworker, .clinician]), locations: ["200 Main St, Fairview"], hours: "By appointment", capacity: 8, waitlist: 2),
                        ProviderService(category: .familyTherapy, name: "Family therapy", languages: ["en"],
                                        locations: ["200 Main St, Fairview", "In the home"], hours: "Mon–Fri 9–5", capacity: 12, waitlist: 0),
                        ProviderService(category: .substanceUseTreatment, name: "Family recovery outpatient program", languages: ["en", "es"],
                                        eligibility: Eligibility(minAge: 18), locations: ["200 Main St, Fairview"], hours: "Mon–Fri 8–8",
                                        capacity: 20, waitlist: 0),
                     ]),
        Organisation(id: id(2), provider: Provider(name: "Golden State Housing Partners", region: "CA", phone: "555-0310",
                                                   email: "help@gshp.example"),
                     services: [
                        ProviderService(category: .housing, name: "Rapid rehousing for reunifying families (California residents only)",
                                        languages: ["en", "es"], eligibility: Eligibility(residentOf: ["CA"], minAge: 18),
                                        locations: ["44 Oak St, Fairview"], hours: "Mon–Fri 8–4", capacity: 20, waitlist: 6),
                        ProviderService(category: .financialAssistance, name: "Family stabilization fund (California residents only)",
                                        languages: ["en", "es"], eligibility: Eligibility(residentOf: ["CA"], minAge: 18),
                                        locations: ["44 Oak St, Fairview"], hours: "Mon–Fri 8–4"),
                     ]),
        Organisation(id: id(3), provider: Provider(name: "Sierra Recovery Services", region: "CA", phone: "555-0320"),
                     services: [
                        ProviderService(category: .substanceUseTreatment, name: "Outpatient substance use treatment", languages: ["en", "es"],
                                        eligibility: Eligibility(minAge: 18), locations: ["9 Cedar Ln, Fairview"], hours: "Mon–Sat 7–7",
                                        capacity: 30, waitlist: 3),
                     ]),
        Organisation(id: id(4), provider: Provider(name: "Valley Counseling Associates", region: "CA", phone: "555-0330"),
                     services: [
                        ProviderService(category: .individualTherapy, name: "Individual therapy for adults", languages: ["en", "es"],
                                        eligibility: Eligibility(minAge: 18), locations: ["15 Elm St, Fairview", "Online"], hours: "Mon–Fri 9–7"),
                        ProviderService(category: .mentalHealth, name: "Children's mental health (ages 3–17)", languages: ["en"],
                                        eligibility: Eligibility(minAge: 3, maxAge: 17), locations: ["15 Elm St, Fairview"], hours: "Mon–Fri 9–5"),
                     ]),
        Organisation(id: id(5), provider: Provider(name: "Safe Harbor Domestic Violence Services", region: "CA", phone: "555-0340"),
                     services: [
                        ProviderService(category: .domesticViolence, name: "Advocacy and safety planning", languages: ["en", "es"],
                                        locations: ["Confidential"], hours: "24 hours"),
                     ]),
        Organisation(id: id(6), provider: Provider(name: "Tri-County Transit Aid", region: "CA", phone: "555-0350"),
                     services: [
                        ProviderService(category: .transportation, name: "Rides to visits and appointments", languages: ["en", "es"],
                                        eligibility: Eligibility(residentOf: ["CA", "NV"]), locations: ["Fairview and Reno areas"]),
                        ProviderService(category: .employment, name: "WorkBridge job readiness", languages: ["en"],
                                        eligibility: Eligibility(residentOf: ["CA"], minAge: 18), locations: ["60 Pine Ct, Fairview"]),
                     ]),
        Organisation(id: id(7), provider: Provider(name: "Truckee Meadows Family Services", region: "NV", phone: "555-0400",
                                                   address: "12 Virginia St, Reno, NV 89501"),
                     services: [
                        ProviderService(category: .parentingEducation, name: "Parenting skills group (Nevada residents only)", languages: ["en"],
                                        eligibility: Eligibility(residentOf: ["NV"], minAge: 18), locations: ["12 Virginia St, Reno"],
                                        hours: "Wed 5–7 pm"),
                        ProviderService(category: .substanceUseTreatment, name: "Silver State outpatient recovery", languages: ["en", "es"],
                                        eligibility: Eligibility(residentOf: ["NV"], minAge: 18), locations: ["12 Virginia St, Reno"]),
                     ]),
    ]

    /// The demo service with this id.
    public static func service(_ id: ServiceID) -> ProviderService? {
        for (o, org) in directory.enumerated() {
            for (i, s) in org.services.enumerated() where serviceUUID(organisation: o, service: i) == id.uuid { return s }
        }
        return nil
    }

    /// What the domain finds wrong with the directory; empty when every organisation and service is valid.
    public static func problems() -> [String] {
        directory.flatMap { org in
            (org.provider.validate() + org.services.flatMap { $0.validate() }).map { "\(org.provider.name): \($0.field): \($0.message)" }
        }
    }
}
