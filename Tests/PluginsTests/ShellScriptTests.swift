import Compiler
import Foundation
@testable import Plugins
import XCTest

/// The generated shell scripts run nothing an inventory or an application says: hostile values
/// that got past validation still arrive in the shell as plain text.
final class ShellScriptTests: XCTestCase {
    static let canary = "/tmp/sysinvc-injection-canary"
    static let hostile = "RegionOne;touch${IFS}\(canary)$(touch \(canary))`touch \(canary)`'\"\nexport X=1\\"

    override func setUp() {
        try? FileManager.default.removeItem(atPath: Self.canary)
    }

    func testOpenrcExportsHostileValuesAsPlainText() throws {
        var inventory = try XCTUnwrap(InventoryLoader.load(path: Examples.inventoryPath("standard")).inventory)
        inventory.system.region.value = Self.hostile
        inventory.system.softwareVersion.value = "19.01$(touch \(Self.canary))"
        let validated = try XCTUnwrap(Validator.validate(inventory).validated)
        let tree = try Generator(plugins: PluginRegistry.all).generate(validated, secrets: SecretStore(key: Data(repeating: 7, count: 32)))
        let openrc = try XCTUnwrap(TreeRenderer.render(tree).files[OpenrcPlugin.path]?.text)

        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sysinvc-openrc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try openrc.write(to: scratch.appendingPathComponent("openrc"), atomically: true, encoding: .utf8)
        let region = try shell(". ./openrc >/dev/null; printf '%s' \"$OS_REGION_NAME\"", in: scratch)
        XCTAssertEqual(region, Self.hostile)
        XCTAssertFalse(FileManager.default.fileExists(atPath: Self.canary), openrc)
    }

    func testArmadaApplyPassesHostileNamesAsSingleArguments() throws {
        var chart = try XCTUnwrap(StxOpenstackApplication.manifest.charts.first)
        chart.namespace = "ks$(touch \(Self.canary))"
        chart.chartName = "x;touch \(Self.canary)\n"
        let script = ArmadaManifestPlugin.applyCommand(manifestFile: "m'$(touch \(Self.canary)).yaml", charts: [chart])

        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sysinvc-armada-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        // A stand-in armada that prints each argument it gets, NUL-terminated.
        try "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done\n".write(to: scratch.appendingPathComponent("armada"), atomically: true, encoding: .utf8)
        try script.write(to: scratch.appendingPathComponent("armada-apply.sh"), atomically: true, encoding: .utf8)
        chmod(scratch.appendingPathComponent("armada").path, 0o755)
        let output = try shell("PATH=\"$PWD:$PATH\" sh ./armada-apply.sh", in: scratch)
        XCTAssertEqual(output.split(separator: "\0", omittingEmptySubsequences: false).dropLast(), [
            "apply", "--debug", "/manifests/m'$(touch \(Self.canary)).yaml",
            "--values", "/overrides/ks$(touch \(Self.canary))-x;touch \(Self.canary)\n.yaml",
            "--tiller-host", "tiller-deploy.kube-system.svc.cluster.local",
        ])
        XCTAssertFalse(FileManager.default.fileExists(atPath: Self.canary), script)
    }

    private func shell(_ command: String, in directory: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
