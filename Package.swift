// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Kontor",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kontor", targets: ["kontor"]),
        .library(name: "KontorCore", targets: ["KontorCore"]),
        .library(name: "KontorConfig", targets: ["KontorConfig"]),
        .library(name: "KontorStore", targets: ["KontorStore"]),
        .library(name: "KontorSQLite", targets: ["KontorSQLite"]),
        .library(name: "KontorPostgres", targets: ["KontorPostgres"]),
        .library(name: "KontorHTTP", targets: ["KontorHTTP"]),
        .library(name: "KontorRuntime", targets: ["KontorRuntime"]),
        .library(name: "KontorServer", targets: ["KontorServer"]),
        .library(name: "KontorTesting", targets: ["KontorTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        .target(
            name: "KontorCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        .target(
            name: "KontorConfig",
            dependencies: ["KontorCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        .target(
            name: "KontorStore",
            dependencies: ["KontorCore"],
            swiftSettings: strict
        ),
        .target(
            name: "KontorSQLite",
            dependencies: [
                "KontorCore", "KontorStore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "KontorHTTP",
            dependencies: [
                "KontorCore", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "KontorRuntime",
            dependencies: [
                "KontorCore", "KontorStore", "KontorHTTP",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: strict
        ),
        // PostgreSQL: the `postgres` SQL source (and, later, the shared store for several nodes).
        .target(
            name: "KontorPostgres",
            dependencies: [
                "KontorCore", "KontorStore", "KontorRuntime",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // The system zlib, for gzip request bodies (Debian: zlib1g-dev).
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "KontorServer",
            dependencies: [
                "KontorCore", "KontorStore", "KontorRuntime", "CZlib",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "KontorTesting",
            dependencies: [
                "KontorCore", "KontorStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "kontor",
            dependencies: [
                "KontorCore", "KontorConfig", "KontorStore", "KontorSQLite", "KontorPostgres",
                "KontorHTTP", "KontorRuntime", "KontorServer", "KontorTesting",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "KontorCoreTests", dependencies: ["KontorCore"], swiftSettings: strict),
        .testTarget(
            name: "KontorConfigTests",
            dependencies: ["KontorConfig", "KontorCore"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
        .testTarget(name: "KontorStoreTests", dependencies: ["KontorStore", "KontorCore"], swiftSettings: strict),
        .testTarget(
            name: "KontorSQLiteTests",
            dependencies: [
                "KontorSQLite", "KontorStore", "KontorCore", "KontorTesting",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "KontorPostgresTests",
            dependencies: [
                "KontorPostgres", "KontorRuntime", "KontorStore", "KontorCore", "KontorConfig", "KontorSQLite",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "KontorHTTPTests", dependencies: ["KontorHTTP", "KontorCore"], swiftSettings: strict),
        .testTarget(
            name: "KontorRuntimeTests",
            dependencies: [
                "KontorRuntime", "KontorCore", "KontorHTTP", "KontorStore", "KontorSQLite", "KontorTesting", "KontorConfig",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "KontorServerTests",
            dependencies: [
                "KontorServer", "KontorCore", "KontorStore", "KontorSQLite", "KontorConfig", "KontorTesting", "KontorRuntime",
                "CZlib",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Python"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "KontorTestingTests",
            dependencies: [
                "KontorTesting", "KontorCore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "KontorCLITests",
            dependencies: ["KontorCore", "KontorStore", "KontorSQLite", "KontorTesting"],
            swiftSettings: strict
        ),
    ]
)
