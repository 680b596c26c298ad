// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "PlanKit",
    products: [
        .library(name: "PlanKit", targets: ["PlanKit"]),
        .library(name: "PlanQuery", targets: ["PlanQuery"]),
        .library(name: "PlanShell", targets: ["PlanShell"]),
        .executable(name: "plankit", targets: ["plankit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // `swift package generate-documentation` for the DocC catalogs.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // Reads the zip container of .xlsx and .ods workbooks (Foundation, and zlib on Linux).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Core library: the plan model, readers, writers, reference data.
        .target(name: "PlanKit", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),

        // The query language.
        .target(name: "PlanQuery", dependencies: ["PlanKit"]),

        // The console: sessions, scripts, completion, and libedit behind a line-editor protocol.
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(name: "PlanShell", dependencies: ["PlanKit", "PlanQuery", "CLibEdit"]),

        // The report: figures computed by queries, written as self-contained HTML or Markdown.
        .target(name: "PlanReport", dependencies: ["PlanKit", "PlanQuery"]),

        // Command line: commands in a testable target, `plankit` wires them.
        .target(
            name: "PlanKitCommands",
            dependencies: [
                "PlanKit", "PlanQuery", "PlanShell", "PlanReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "plankit", dependencies: ["PlanKitCommands"]),

        // Tests
        .testTarget(name: "PlanKitTests", dependencies: ["PlanKit"]),
        .testTarget(name: "PlanQueryTests", dependencies: ["PlanQuery", "PlanKit"]),
        .testTarget(name: "PlanShellTests", dependencies: ["PlanShell", "PlanQuery", "PlanKit"]),
        .testTarget(name: "PlanKitCommandsTests", dependencies: ["PlanKitCommands"]),
        .testTarget(name: "PlanReportTests", dependencies: ["PlanReport", "PlanQuery", "PlanKit"]),
        // The library as a client sees it: plain imports, public API only.
        .testTarget(name: "PlanKitClientTests", dependencies: ["PlanKit", "PlanQuery"]),
    ]
)
