import Compiler
import Foundation
import Plugins
import XCTest

/// A system of a thousand workers, written by `scripts/generate-system`, compiles as the small
/// one of the same shape does: every host gets its files, no address is handed out twice or
/// outside its pool, and no worker's hiera gains or loses a key with the size of the system.
final class ScaleTests: XCTestCase {
    static let workerCount = 1000

    func testThousandWorkersCompileLikeTwo() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sysinvc-scale-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let large = try Self.compile(workers: Self.workerCount, in: scratch)
        let small = try Self.compile(workers: 2, in: scratch)
        let inventory = try XCTUnwrap(large.inventory)
        let tree = try XCTUnwrap(large.tree)
        let files = try XCTUnwrap(large.rendered).files

        let workers = inventory.hosts.filter { $0.personality.value == .worker }
        XCTAssertEqual(workers.count, Self.workerCount)
        for host in inventory.hosts {
            XCTAssertNotNil(files["hieradata/\(host.name).yaml"], "no hiera file for \(host.name)")
            if host.name != "controller-0" {
                XCTAssertNotNil(files["kubernetes/kubeadm-join-\(host.name).yaml"], "no kubeadm join config for \(host.name)")
            }
        }
        XCTAssertNotNil(files["kubernetes/kubeadm-init.yaml"])

        let workerKeys = try Self.hieraKeys(of: "worker-0", in: XCTUnwrap(small.tree))
        XCTAssertFalse(workerKeys.isEmpty)
        var differing: [String] = []
        for worker in workers where Self.hieraKeys(of: worker.name, in: tree) != workerKeys {
            differing.append(worker.name)
        }
        XCTAssertEqual(differing, [], "workers whose hiera keys differ from a worker of the 2-worker system")

        Self.assertAddressesUniqueAndInPools(inventory)
    }

    /// Every planned address lies in its network's allocation range (explicit ones in its
    /// subnet), and no address belongs to two names.
    static func assertAddressesUniqueAndInPools(_ inventory: ValidatedInventory, file: StaticString = #filePath, line: UInt = #line) {
        var owners: [IPAddress: String] = [:]
        for (name, planned) in inventory.addresses.byName {
            if let owner = owners[planned.address] {
                XCTFail("\(planned.address) is both \(owner) and \(name)", file: file, line: line)
            }
            owners[planned.address] = name
            guard let pool = inventory.network(planned.network) else {
                XCTFail("\(name) has an address on \(planned.network.rawValue), which the inventory does not define", file: file, line: line)
                continue
            }
            XCTAssertTrue(pool.subnet.value.contains(planned.address), "\(name) \(planned.address) is outside \(pool.subnet.value)", file: file, line: line)
            if !planned.explicit, let range = pool.effectiveRange {
                XCTAssertTrue(range.start <= planned.address && planned.address <= range.end,
                              "\(name) \(planned.address) is outside the range \(range.start)-\(range.end)", file: file, line: line)
            }
        }
        let workerAddresses = inventory.hosts.filter { !$0.isController }.flatMap { host in
            [NetworkType.mgmt, .clusterHost].map { inventory.addresses[host.name, $0] }
        }
        XCTAssertFalse(workerAddresses.contains(nil), "a worker without a management or cluster-host address", file: file, line: line)
    }

    static func hieraKeys(of host: String, in tree: OutputTree) -> Set<String> {
        tree.hiera[.host(host)].map { Set($0.values.keys) } ?? []
    }

    /// Generates a system of `workers` workers with the repository's generator and compiles it.
    static func compile(workers: Int, in directory: URL, file: StaticString = #filePath, line: UInt = #line) throws -> Pipeline.Result {
        let path = directory.appendingPathComponent("scale-\(workers).yaml").path
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = ["python3", Examples.repository.appendingPathComponent("scripts/generate-system").path,
                               "--workers", String(workers), "--output", path]
        try generator.run()
        generator.waitUntilExit()
        XCTAssertEqual(generator.terminationStatus, 0, "scripts/generate-system --workers \(workers) failed", file: file, line: line)

        let result = try Pipeline.standard().run(path: path)
        XCTAssertFalse(result.hasErrors, result.diagnostics.map(\.description).joined(separator: "\n"), file: file, line: line)
        return result
    }
}
