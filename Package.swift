// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "reunify",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "reunify", targets: ["reunify"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        // The record-linkage engine: transliteration, names, comparisons, Fellegi–Sunter, blocking. Foundation only.
        .target(name: "ReunifyMatching"),
        // The rules of the job. Foundation only (and the matching engine, which tracing uses).
        .target(name: "ReunifyDomain", dependencies: ["ReunifyMatching"]),
        .target(name: "ReunifyStore", dependencies: [
            "ReunifyDomain",
            .product(name: "Fluent", package: "fluent"),
            .product(name: "FluentKit", package: "fluent-kit"),
            .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
            .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
        ]),
        // The demo agency: a generated family services office, and its loader.
        .target(name: "ReunifyDemo", dependencies: [
            "ReunifyDomain", "ReunifyMatching", "ReunifyStore",
            .product(name: "FluentKit", package: "fluent-kit"),
        ]),
        .target(name: "ReunifyWeb", dependencies: [
            "ReunifyDomain", "ReunifyMatching", "ReunifyStore", "ReunifyDemo",
            .product(name: "Vapor", package: "vapor"),
            .product(name: "Fluent", package: "fluent"),
            .product(name: "Plot", package: "Plot"),
        ]),
        .executableTarget(name: "reunify", dependencies: [
            "ReunifyWeb", "ReunifyDomain", "ReunifyMatching",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Matching benchmarks (quality, time, memory); see Benchmarks/README.md.
        .executableTarget(name: "match-bench", dependencies: [
            "ReunifyMatching",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], path: "Benchmarks/Sources/match-bench"),
        .testTarget(name: "ReunifyMatchingTests", dependencies: ["ReunifyMatching"]),
        .testTarget(name: "ReunifyDomainTests", dependencies: ["ReunifyDomain", "ReunifyMatching", "ReunifyDemo"]),
        .testTarget(name: "ReunifyStoreTests", dependencies: [
            "ReunifyStore", "ReunifyDomain", "ReunifyDemo",
            .product(name: "FluentKit", package: "fluent-kit"),
            .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
            .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
        ]),
        .testTarget(name: "ReunifyWebTests", dependencies: [
            "ReunifyWeb", "ReunifyStore", "ReunifyDomain", "ReunifyMatching", "ReunifyDemo",
            .product(name: "VaporTesting", package: "vapor"),
            .product(name: "Fluent", package: "fluent"),
            .product(name: "Plot", package: "Plot"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
