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
        .target(name: "ReunifyDomain"),
        .target(name: "ReunifyStore", dependencies: [
            "ReunifyDomain",
            .product(name: "Fluent", package: "fluent"),
            .product(name: "FluentKit", package: "fluent-kit"),
            .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
            .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
        ]),
        .target(name: "ReunifyWeb", dependencies: [
            "ReunifyDomain", "ReunifyStore",
            .product(name: "Vapor", package: "vapor"),
            .product(name: "Fluent", package: "fluent"),
            .product(name: "Plot", package: "Plot"),
        ]),
        .executableTarget(name: "reunify", dependencies: [
            "ReunifyWeb",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Matching benchmarks (quality, time, memory); see Benchmarks/README.md.
        .executableTarget(name: "match-bench", dependencies: [
            "ReunifyDomain",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], path: "Benchmarks/Sources/match-bench"),
        .testTarget(name: "ReunifyDomainTests", dependencies: ["ReunifyDomain"]),
        .testTarget(name: "ReunifyStoreTests", dependencies: [
            "ReunifyStore", "ReunifyDomain",
            .product(name: "FluentKit", package: "fluent-kit"),
            .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
            .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
        ]),
        .testTarget(name: "ReunifyWebTests", dependencies: [
            "ReunifyWeb", "ReunifyStore", "ReunifyDomain",
            .product(name: "VaporTesting", package: "vapor"),
            .product(name: "Fluent", package: "fluent"),
            .product(name: "Plot", package: "Plot"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
