import Foundation
import Testing
@testable import ReunifyStore

@Suite("Ids read from their text")
struct RowColumnsTests {
    @Test("an id's text in either case gives the id the platform reads from it")
    func sameAsPlatform() {
        for _ in 0..<2_000 {
            let id = UUID()
            #expect(UUID(text: id.uuidString) == id)
            #expect(UUID(text: id.uuidString.lowercased()) == id)
        }
        #expect(UUID(text: "00000000-0000-0000-0000-000000000000") == UUID(uuidString: "00000000-0000-0000-0000-000000000000"))
        #expect(UUID(text: "FFFFFFFF-ffff-FFFF-ffff-FFFFFFFFFFFF") == UUID(uuidString: "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF"))
    }

    @Test("anything but 8-4-4-4-12 hexadecimal digits is refused", arguments: [
        "", "306276F6-06A2-43AB-9B5E-15C10A36109", "306276F6-06A2-43AB-9B5E-15C10A3610911", "306276F6006A2-43AB-9B5E-15C10A361091",
        "306276G6-06A2-43AB-9B5E-15C10A361091", "306276F6-06A2-43AB-9B5E-15C10A36109 ", "{06276F6-06A2-43AB-9B5E-15C10A36109}",
        "306276F606A243AB9B5E15C10A361091xxxx", "306276F6-06A2-43AB-9B5E-15C10A3610é",
    ])
    func refused(_ text: String) {
        #expect(UUID(text: text) == nil)
        #expect(UUID(uuidString: text) == nil, "the platform refuses it too")
    }
}
