// swift-tools-version:5.10
import PackageDescription

let package = Package(
    name: "sysinvc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sysinvc", targets: ["sysinvc"]),
        .library(name: "Compiler", targets: ["Compiler"]),
        .library(name: "Plugins", targets: ["Plugins"]),
    ],
    dependencies: [
        // 5.x keeps every pair of a mapping, so duplicate keys are all reported with their own
        // positions; 6.x stops at the first duplicate and points at the first occurrence.
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        // syncfs(2), which Glibc declares only under _GNU_SOURCE.
        .target(name: "CFileSync"),
        .target(
            name: "Compiler",
            dependencies: [
                "CFileSync",
                "Yams",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "Plugins",
            dependencies: ["Compiler", "Yams", .product(name: "Crypto", package: "swift-crypto")],
            // Calico's CRDs and RBAC, upstream data (see Kubernetes/Calico/NOTICE.md), are compiled
            // into the module by EmbedUpstreamData rather than shipped as a resource bundle, so the
            // sysinvc binary runs alone wherever it is copied.
            exclude: ["Kubernetes/Calico"],
            plugins: ["EmbedUpstreamData"]
        ),
        // Build tools: run on the build machine, never part of a product.
        .executableTarget(name: "EmbedText", path: "BuildTools/EmbedText"),
        .plugin(
            name: "EmbedUpstreamData",
            capability: .buildTool(),
            dependencies: ["EmbedText"],
            path: "BuildTools/EmbedUpstreamData"
        ),
        .executableTarget(
            name: "sysinvc",
            dependencies: [
                "Compiler",
                "Plugins",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Measures the YAML renderer on a large system: swift run -c release render-benchmark
        .executableTarget(name: "render-benchmark", dependencies: ["Compiler", "RegexYAMLRenderer"], path: "Benchmarks/RenderBenchmark"),
        // The renderer as it was before it wrote bytes: the oracle of the tests and the benchmark.
        .target(name: "RegexYAMLRenderer", dependencies: ["Compiler"], path: "Benchmarks/RegexYAMLRenderer"),
        .testTarget(name: "CompilerTests", dependencies: ["Compiler", "RegexYAMLRenderer"]),
        .testTarget(name: "PluginsTests", dependencies: ["Compiler", "Plugins", "Yams"], exclude: ["ArmadaSchemas", "CephWorkedExample", "OVBParameters"],
                    // Inventories each named after the diagnostic code they must produce.
                    resources: [.copy("BadInventories")]),
        .testTarget(name: "CLITests", dependencies: ["sysinvc"]),
    ]
)
