import Foundation
import NIOCore
import Vapor

/// Reads JSON bodies as Foundation does, refusing text that holds the NUL character (`\u0000`): SQLite would cut
/// the text short there, silently, and PostgreSQL refuses it, so it is a 422 that says what to remove.
struct APIJSONDecoder: ContentDecoder {
    let json = JSONDecoder()

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
        if Self.holdsEscapedNul(body.readableBytesView) {
            throw Abort(.unprocessableEntity, reason: "The text sent holds a NUL character (\\u0000), which cannot be stored; remove it and send again")
        }
        return try json.decode(D.self, from: body, headers: headers)
    }

    /// Whether a JSON text escapes NUL: a backslash that begins an escape (not itself escaped) followed by u0000.
    static func holdsEscapedNul<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8, Bytes.Index == Int {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            guard bytes[i] == UInt8(ascii: "\\") else { i += 1; continue }
            let next = i + 1
            if next + 4 < bytes.endIndex, bytes[next] == UInt8(ascii: "u"),
               bytes[(next + 1)...(next + 4)].allSatisfy({ $0 == UInt8(ascii: "0") }) {
                return true
            }
            i += 2
        }
        return false
    }
}
