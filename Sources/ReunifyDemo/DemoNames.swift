import ReunifyDomain
import ReunifyMatching
/// Name lists for the demo agency. Invented people; common names from both languages.
enum DemoNames {
    static let englishFemale = ["Ashley", "Brianna", "Crystal", "Danielle", "Emily", "Jasmine", "Kayla", "Latoya", "Megan",
                                "Nicole", "Olivia", "Rachel", "Samantha", "Tiffany", "Whitney", "Amber", "Destiny", "Hannah"]
    static let englishMale = ["Aaron", "Brandon", "Cody", "Darnell", "Eric", "Jamal", "Justin", "Kevin", "Marcus",
                              "Nathan", "Ryan", "Tyler", "Travis", "Derek", "Shawn", "Dylan", "Mason", "Elijah"]
    static let englishChildFemale = ["Ava", "Harper", "Zoe", "Lily", "Aaliyah", "Chloe", "Madison", "Riley", "Nevaeh", "Skylar"]
    static let englishChildMale = ["Liam", "Noah", "Jayden", "Caleb", "Logan", "Isaiah", "Carter", "Wyatt", "Josiah", "Bentley"]
    static let englishFamily = ["Johnson", "Williams", "Brown", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Thomas",
                                "Moore", "Jackson", "Martin", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker",
                                "Young", "Allen", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill"]
    static let spanishFemale = ["María", "Guadalupe", "Rosa", "Verónica", "Adriana", "Leticia", "Yesenia", "Marisol", "Carmen", "Inés"]
    static let spanishMale = ["José", "Jesús", "Luis", "Miguel", "Juan Carlos", "Alejandro", "Óscar", "Raúl", "Héctor", "Andrés"]
    static let spanishChildFemale = ["Sofía", "Valentina", "Camila", "Ximena", "Lucía", "Mía", "Daniela", "Itzel"]
    static let spanishChildMale = ["Mateo", "Santiago", "Sebastián", "Diego", "Emiliano", "Ángel", "Julián", "Iker"]
    static let spanishFamily = ["García", "Hernández", "López", "Martínez", "González", "Rodríguez", "Pérez", "Sánchez",
                                "Ramírez", "Núñez", "Peña", "Muñoz", "Jiménez", "Ortiz", "Castillo", "Vázquez"]
    static let streets = ["Maple Ave", "Oak St", "Cedar Ln", "Elm St", "Lincoln Blvd", "Pine Ct", "Riverside Dr", "Washington St"]
    static let town = "Fairview"
    /// The agency's county is in California; its families' homes are in its town unless a builder says otherwise.
    static let region = "CA", postcode = "95301"

    /// Some fathers who do not live with the family live across the state line, in Reno.
    /// (Drawn from the family's number, not the generator, so the rest of the agency stays as it was.)
    static func nevadaHome(_ index: Int) -> Address {
        Address(line: "\(100 + index * 37) \(["Sierra St", "Plumas St", "Mill St", "Kietzke Ln"][index % 4])", locality: "Reno", region: "NV",
                postcode: "89502", country: "US")
    }

    static func home(_ rng: inout SeededGenerator) -> Address {
        Address(line: "\(rng.int(10...980)) \(rng.pick(streets))", locality: town, region: region, postcode: postcode, country: "US")
    }
    static let fosterFamilies = ["Carter", "Bennett", "Hughes", "Foster", "Reed", "Coleman", "Price", "Bishop"]
    static let facilities = ["Fairview Children's Home", "Hope Harbor Group Home", "Sunrise Residential Treatment Center",
                             "Meadowbrook Youth Shelter"]
}
