/// How one person stands to another: "A is the <kind> of B".
public enum RelationshipKind: String, CodedValue {
    case mother = "mother"
    case father = "father"
    case stepParent = "step_parent"
    case grandparent = "grandparent"
    case auntUncle = "aunt_uncle"
    case sibling = "sibling"
    case halfSibling = "half_sibling"
    case cousin = "cousin"
    case partner = "partner"
    case fosterParent = "foster_parent"
    case legalGuardian = "legal_guardian"
    case fictiveKin = "fictive_kin"

    public static let listName = "relationship"

    public var label: String {
        switch self {
        case .mother: "Mother"
        case .father: "Father"
        case .stepParent: "Step-parent"
        case .grandparent: "Grandparent"
        case .auntUncle: "Aunt or uncle"
        case .sibling: "Sibling"
        case .halfSibling: "Half-sibling"
        case .cousin: "Cousin"
        case .partner: "Partner"
        case .fosterParent: "Foster parent"
        case .legalGuardian: "Legal guardian"
        case .fictiveKin: "Family friend (fictive kin)"
        }
    }
}
