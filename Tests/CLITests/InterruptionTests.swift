import Foundation
import XCTest

/// sysinvc killed at any moment, or run twice at once: every file is whole (the old version or
/// the new one), no file others can read holds a secret, and no edit is lost.
final class InterruptionTests: XCTestCase {
    var scratch: URL!

    override func setUpWithError() throws {
        scratch = try CLIRunner.scratchDirectory()
        for file in ["standard.yaml", "example.key"] {
            try FileManager.default.copyItem(at: CLIRunner.repository.appendingPathComponent("inventory-examples/\(file)"),
                                             to: scratch.appendingPathComponent(file))
        }
        // A second inventory whose tree differs from the first in a host file and in secrets.
        let standard = try String(contentsOf: scratch.appendingPathComponent("standard.yaml"), encoding: .utf8)
        try standard.replacingOccurrences(of: "key_file: example.key", with: "key_file: other.key")
            .write(to: scratch.appendingPathComponent("other.yaml"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLIRunner.run(["keygen", "other.key"], in: scratch).status, 0)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Both complete trees, path to bytes.
    func completeTrees() throws -> [[String: Data]] {
        try ["standard.yaml", "other.yaml"].map { inventory in
            let out = scratch.appendingPathComponent("complete-\(inventory)")
            XCTAssertEqual(try CLIRunner.run(["compile", inventory, "-o", out.path], in: scratch).status, 0)
            return try CLIRunner.snapshot(out).mapValues(\.0).filter { !$0.key.hasPrefix(".") }
        }
    }

    /// Starts sysinvc in the scratch directory without waiting for it.
    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = arguments
        process.currentDirectoryURL = scratch
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func runKilled(_ arguments: [String], afterMicroseconds delay: UInt32) throws {
        let process = try start(arguments)
        usleep(delay)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func testCompilesKilledAtRandomLeaveWholeFilesAndNoReadableSecret() throws {
        let trees = try completeTrees()
        let secrets = SecretWords.differing(trees[0], trees[1])
        XCTAssertGreaterThan(secrets.count, 20)
        let out = scratch.appendingPathComponent("out")
        var generator = SystemRandomNumberGenerator()
        var interrupted = 0
        for run in 0..<100 {
            let inventory = run % 2 == 0 ? "standard.yaml" : "other.yaml"
            try runKilled(["compile", inventory, "-o", out.path], afterMicroseconds: UInt32.random(in: 0...120_000, using: &generator))
            for (path, file) in try CLIRunner.snapshot(out) {
                let name = (path as NSString).lastPathComponent
                if file.1 & 0o077 != 0 {
                    let text = String(decoding: file.0, as: UTF8.self)
                    XCTAssertNil(secrets.first { text.contains($0) }, "\(path) (mode \(String(file.1, radix: 8))) holds a secret after run \(run)")
                }
                // A file under a temporary name, or in the owner-only staging directory a first
                // compile builds its tree in, is not in the tree yet: only final paths must be whole.
                guard !name.hasPrefix("."), !path.hasPrefix(".sysinvc-staging-") else {
                    if name.contains(".sysinvc-tmp-") || path.hasPrefix(".sysinvc-staging-") { interrupted += 1 }
                    continue
                }
                XCTAssertTrue(trees.contains { $0[path] == file.0 }, "\(path) is torn after run \(run)")
            }
        }
        // The last run, not killed, cleans up after the killed ones.
        XCTAssertEqual(try CLIRunner.run(["compile", "standard.yaml", "-o", out.path], in: scratch).status, 0)
        let final = try CLIRunner.snapshot(out)
        XCTAssertEqual(final.keys.filter { $0.contains(".sysinvc-tmp-") || $0.hasPrefix(".sysinvc-staging-") }, [])
        XCTAssertEqual(final.mapValues(\.0).filter { !$0.key.hasPrefix(".") }, trees[0])
        print("\(interrupted) temporary files seen after killed compiles, none readable by others with a secret")
    }

    func testEditsKilledAtRandomLeaveTheInventoryWhole() throws {
        let inventory = scratch.appendingPathComponent("standard.yaml")
        XCTAssertEqual(try CLIRunner.run(["host-lock", "-i", "standard.yaml", "worker-1"], in: scratch).status, 0)
        chmod(inventory.path, 0o640)
        // The same edit run to its end on a copy gives the one other state the file may be in.
        let twin = scratch.appendingPathComponent("twin")
        try FileManager.default.createDirectory(at: twin, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: scratch.appendingPathComponent("example.key"), to: twin.appendingPathComponent("example.key"))
        var generator = SystemRandomNumberGenerator()
        for run in 0..<100 {
            let before = try Data(contentsOf: inventory)
            let command = String(decoding: before, as: UTF8.self).contains("sriov: enabled")
                ? ["host-label-remove", "-i", "standard.yaml", "worker-1", "sriov"]
                : ["host-label-assign", "-i", "standard.yaml", "worker-1", "sriov=enabled"]
            try before.write(to: twin.appendingPathComponent("standard.yaml"))
            XCTAssertEqual(try CLIRunner.run(command, in: twin).status, 0)
            let after = try Data(contentsOf: twin.appendingPathComponent("standard.yaml"))

            try runKilled(command, afterMicroseconds: UInt32.random(in: 0...120_000, using: &generator))
            let now = try Data(contentsOf: inventory)
            XCTAssertTrue(now == before || now == after, "the inventory is torn after run \(run)")
            let mode = try FileManager.default.attributesOfItem(atPath: inventory.path)[.posixPermissions] as? Int
            XCTAssertEqual(mode, 0o640, "run \(run)")
        }
        // An edit run to its end removes what the killed ones left behind.
        XCTAssertEqual(try CLIRunner.run(["host-label-assign", "-i", "standard.yaml", "worker-1", "rack=r1"], in: scratch).status, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.contains(".sysinvc-tmp-") }, [])
    }

    func testOverrideUpdatesKilledAtRandomLeaveNoReadableSecretAndWholeStores() throws {
        try FileManager.default.copyItem(at: CLIRunner.repository.appendingPathComponent("inventory-examples/openstack.yaml"),
                                         to: scratch.appendingPathComponent("openstack.yaml"))
        let store = scratch.appendingPathComponent("helm-overrides")
        var generator = SystemRandomNumberGenerator()
        for run in 0..<40 {
            let secret = "UserSecret\(run)x\(UInt32.random(in: .min ... .max, using: &generator))"
            try runKilled(["helm-override-update", "-i", "openstack.yaml", "stx-openstack", "nova", "openstack",
                           "--set", "conf.nova.custom.password=\(secret)"], afterMicroseconds: UInt32.random(in: 0...150_000, using: &generator))
            for (path, file) in try CLIRunner.snapshot(store) {
                let text = String(decoding: file.0, as: UTF8.self)
                XCTAssertEqual(file.1 & 0o077, 0, "\(path) is readable by others after run \(run)")
                if !(path as NSString).lastPathComponent.hasPrefix(".") {
                    XCTAssertTrue(text.hasPrefix("conf:\n") && text.hasSuffix("\n"), "\(path) is torn after run \(run): \(text)")
                }
            }
        }
    }

    func testTwentyConcurrentLabelEditsKeepEveryLabel() throws {
        for index in 10..<30 {
            XCTAssertEqual(try CLIRunner.run(["host-add", "-i", "standard.yaml", "--hostname", "worker-\(index)", "--personality", "worker"], in: scratch).status, 0)
        }
        let processes = try (10..<30).map { try start(["host-label-assign", "-i", "standard.yaml", "worker-\($0)", "rack=r\($0)"]) }
        processes.forEach { $0.waitUntilExit() }
        XCTAssertEqual(processes.map(\.terminationStatus), Array(repeating: 0, count: 20))
        for index in 10..<30 {
            let list = try CLIRunner.run(["host-label-list", "-i", "standard.yaml", "worker-\(index)", "--format", "yaml"], in: scratch)
            XCTAssertTrue(list.stdout.contains("label_value: r\(index)"), "worker-\(index): \(list.stdout)")
        }
    }

    func testTwoCompilesIntoOneDirectoryLeaveOneWholeTree() throws {
        let trees = try completeTrees()
        let out = scratch.appendingPathComponent("out")
        for _ in 0..<5 {
            let processes = try ["standard.yaml", "other.yaml"].map { try start(["compile", $0, "-o", out.path]) }
            processes.forEach { $0.waitUntilExit() }
            XCTAssertEqual(processes.map(\.terminationStatus), [0, 0])
            let files = try CLIRunner.snapshot(out).mapValues(\.0).filter { !$0.key.hasPrefix(".") }
            XCTAssertTrue(trees.contains(files), "the tree mixes both compiles")
        }
    }
}
