// swift-tools-version:6.0
// A package that uses PlanKit as a client would, built by PlanKitClientTests: it must compile
// with `import Foundation` and `import PlanQuery` side by side, using public API only.
import PackageDescription

let package = Package(
    name: "PlanKitClient",
    dependencies: [
        .package(name: "PlanKit", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "PlanKitClient",
            dependencies: [
                .product(name: "PlanKit", package: "PlanKit"),
                .product(name: "PlanQuery", package: "PlanKit"),
            ]
        ),
    ]
)
