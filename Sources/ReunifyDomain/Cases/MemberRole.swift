/// A person's part in one case (DOMAIN.md, Member).
public enum MemberRole: String, CodedValue {
    case child = "child"
    case parent = "parent"
    case caregiver = "caregiver"
    case sibling = "sibling"
    case relative = "relative"
    case fosterParent = "foster_parent"
    case nonResidentFather = "non_resident_father"

    public static let listName = "member role"

    public var label: String {
        switch self {
        case .child: "Child"
        case .parent: "Parent"
        case .caregiver: "Caregiver"
        case .sibling: "Sibling"
        case .relative: "Relative (kin)"
        case .fosterParent: "Foster parent"
        case .nonResidentFather: "Non-resident father"
        }
    }
}
