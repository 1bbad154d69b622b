import Foundation
import Vapor

/// Reunify's icon: two overlapping rings (a family coming back together) in the header's blue, drawn here as
/// pixels so the binary carries it. Served as `/favicon.ico` (a 32×32 icon holding one 32-bit bitmap).
enum Favicon {
    static let size = 32

    /// The colour of pixel (x, y), top row first: ARGB.
    static func pixel(_ x: Int, _ y: Int) -> UInt32 {
        let cx = Double(x) + 0.5, cy = Double(y) + 0.5
        func ring(_ ox: Double) -> Bool {
            let d = ((cx - ox) * (cx - ox) + (cy - 16) * (cy - 16)).squareRoot()
            return d >= 6.5 && d <= 10
        }
        if ring(11.5) || ring(20.5) { return 0xFF0B_3D5C }
        return 0x0000_0000
    }

    static let ico: Data = {
        var data = Data()
        func le16(_ v: Int) { data.append(contentsOf: [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)]) }
        func le32(_ v: Int) { le16(v & 0xFFFF); le16((v >> 16) & 0xFFFF) }
        let pixels = size * size * 4
        let mask = size * (size / 8)   // 1 bit per pixel, rows padded to 4 bytes (32 px = 4 bytes)
        let image = 40 + pixels + mask
        // ICONDIR and its one entry.
        le16(0); le16(1); le16(1)
        data.append(contentsOf: [UInt8(size), UInt8(size), 0, 0]); le16(1); le16(32); le32(image); le32(6 + 16)
        // BITMAPINFOHEADER: the height counts the colour rows and the mask rows.
        le32(40); le32(size); le32(size * 2); le16(1); le16(32); le32(0); le32(pixels + mask); le32(0); le32(0); le32(0); le32(0)
        for y in (0..<size).reversed() {
            for x in 0..<size {
                let argb = pixel(x, y)
                data.append(contentsOf: [UInt8(argb & 0xFF), UInt8((argb >> 8) & 0xFF), UInt8((argb >> 16) & 0xFF), UInt8(argb >> 24)])
            }
        }
        data.append(contentsOf: [UInt8](repeating: 0, count: mask))   // alpha decides; the AND mask lets every pixel through
        return data
    }()

    static func response() -> Response {
        let response = Response(status: .ok, body: .init(data: ico))
        response.headers.contentType = HTTPMediaType(type: "image", subType: "x-icon")
        response.headers.cacheControl = .init(maxAge: 86_400)
        return response
    }
}
