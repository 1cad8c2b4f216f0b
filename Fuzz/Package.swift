// swift-tools-version:5.10
import PackageDescription

// libFuzzer targets, one executable per entry point, each handing its inputs to libFuzzer's
// driver. Kept out of the main package so that `swift build` and `swift test` there never compile
// them; build and run one with `scripts/fuzz TARGET SECONDS`, which passes
// `-sanitize=fuzzer,address`.
let package = Package(
    name: "sysinvc-fuzz",
    dependencies: [.package(name: "sysinvc", path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(name: "FuzzInventory", dependencies: ["FuzzDriver", .product(name: "Compiler", package: "sysinvc")]),
        .executableTarget(name: "FuzzSet", dependencies: ["FuzzDriver", .product(name: "Compiler", package: "sysinvc")]),
        .executableTarget(name: "FuzzValues", dependencies: ["FuzzDriver", .product(name: "Compiler", package: "sysinvc")]),
        .executableTarget(name: "FuzzTarball", dependencies: ["FuzzDriver", .product(name: "Compiler", package: "sysinvc")]),
        .executableTarget(name: "FuzzNodes", dependencies: ["FuzzDriver", .product(name: "Compiler", package: "sysinvc")]),
    ]
)
