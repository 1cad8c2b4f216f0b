import Compiler
import Foundation
@testable import Plugins
import XCTest
import Yams

/// The `virtual` example's `virtual/` tree: OVB's parameters only, every BMC address on one
/// host, a nodes file that build-nodes-json's own pairing of the generated ports reproduces, BMC
/// units identical to what the BMC's user data installs, and credentials only in 0600 files.
final class VirtualEnvironmentTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("OVBParameters")

    func fixture(_ name: String) throws -> Set<String> {
        Set(try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").map(String.init))
    }

    func rendered() throws -> (Pipeline.Result, RenderedTree) {
        let result = try Examples.compile("virtual")
        return (result, try XCTUnwrap(result.rendered))
    }

    func yaml(_ tree: RenderedTree, _ path: String) throws -> [String: Any] {
        let text = try XCTUnwrap(tree.files[path]?.text, "no \(path)")
        return try XCTUnwrap(try Yams.load(yaml: text) as? [String: Any], path)
    }

    func testEveryEnvironmentParameterIsOneOVBDeclares() throws {
        let (_, tree) = try rendered()
        let base = try fixture("base.txt"), role = try fixture("base-role.txt")
        let environment = try XCTUnwrap(try yaml(tree, "virtual/env.yaml")["parameter_defaults"] as? [String: Any])
        XCTAssertEqual(Set(environment.keys).subtracting(base), [])
        XCTAssertEqual(environment["node_count"] as? Int, 2)
        XCTAssertEqual(environment["public_net_cidr"] as? String, "10.10.10.0/24")
        XCTAssertEqual(environment["baremetal_flavor"] as? String, "stx.controller")
        let worker = try XCTUnwrap(try yaml(tree, "virtual/role-worker.yaml")["parameter_defaults"] as? [String: Any])
        XCTAssertEqual(Set(worker.keys).subtracting(role), [])
        XCTAssertEqual(worker["role"] as? String, "worker")
        XCTAssertEqual(worker["node_count"] as? Int, 2)
        // One role per personality but the primary stack's (the controllers).
        XCTAssertEqual(tree.files.keys.filter { $0.hasPrefix("virtual/role-") }.sorted(), ["virtual/role-worker.yaml"])

        // The templates ask only for what OVB passes or its environments declare; the rest have
        // defaults (the inventory's values).
        let passed: Set<String> = ["suffix", "networks", "cloud_data"]
        for template in ["virtual/templates/baremetal-ports.yaml", "virtual/templates/bmc.yaml"] {
            let parameters = try XCTUnwrap(try yaml(tree, template)["parameters"] as? [String: [String: Any]])
            let required = parameters.filter { $0.value["default"] == nil }.map(\.key)
            XCTAssertEqual(Set(required).subtracting(base).subtracting(passed), [], template)
        }
        let registry = try XCTUnwrap(try yaml(tree, "virtual/env.yaml")["resource_registry"] as? [String: String])
        for (_, path) in registry where path.hasSuffix(".yaml") {
            XCTAssertNotNil(tree.files["virtual/\(path)"], path)
        }
    }

    /// build-nodes-json's algorithm run over the ports the templates create: sorted names,
    /// BMC ports paired in order with host ports, each node from its pair.
    func testNodesFileIsWhatBuildNodesJSONMakesOfTheGeneratedPorts() throws {
        let (result, tree) = try rendered()
        let ports = try XCTUnwrap(try yaml(tree, "virtual/templates/baremetal-ports.yaml")["parameters"] as? [String: [String: Any]])
        let macs = try XCTUnwrap(ports["host_macs"]?["default"] as? [String: String])
        let bmcAddresses = try XCTUnwrap(ports["bmc_addresses"]?["default"] as? [String: String])
        let hostPorts = macs.keys.filter { $0.hasPrefix("baremetal") }.sorted()
        let bmcPorts = bmcAddresses.keys.filter { $0.hasPrefix("bmc") }.sorted()
        XCTAssertEqual(hostPorts.count, bmcPorts.count)

        let file = try XCTUnwrap(tree.files["virtual/nodes.json"])
        XCTAssertTrue(file.secure, "nodes.json holds the BMC password")
        let nodes = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(file.text.utf8)) as? [String: Any])?["nodes"] as? [[String: Any]])
        XCTAssertEqual(nodes.count, 4)
        for (node, (hostPort, bmcPort)) in zip(nodes, zip(hostPorts, bmcPorts)) {
            XCTAssertEqual(node["name"] as? String, hostPort.replacingOccurrences(of: "_", with: "-"))
            XCTAssertEqual(node["mac"] as? [String], [macs[hostPort] ?? ""])
            XCTAssertEqual(node["pm_addr"] as? String, bmcAddresses[bmcPort])
            XCTAssertEqual(node["pm_type"] as? String, "ipmi")
            XCTAssertEqual(node["pm_user"] as? String, "admin")
            let profile = hostPort.dropFirst("baremetal".count).hasPrefix("-") ? ",profile:worker" : ""
            XCTAssertEqual(node["capabilities"] as? String, "boot_option:local" + profile)
        }
        // The MACs and BMC addresses are the inventory's.
        let inventory = try XCTUnwrap(result.inventory)
        for host in inventory.hosts {
            let node = try XCTUnwrap(nodes.first { ($0["mac"] as? [String]) == [host.mgmtMAC?.value ?? ""] }, host.name)
            XCTAssertEqual(node["pm_addr"] as? String, host.boardManagement?.address?.value.description)
        }
        let sizes = nodes.map { [$0["cpu"] as? Int, $0["memory"] as? Int, $0["disk"] as? Int] }
        XCTAssertEqual(sizes, [[8, 16384, 120], [8, 16384, 120], [8, 24576, 240], [8, 24576, 240]])
    }

    /// Python's own json.dumps(…, indent=2) gives the same bytes, when python3 is at hand.
    func testNodesFileHasBuildNodesJSONsBytes() throws {
        let (_, tree) = try rendered()
        let text = try XCTUnwrap(tree.files["virtual/nodes.json"]?.text)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import json,sys; t=sys.stdin.read(); sys.stdout.write(json.dumps(json.loads(t), indent=2))"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        do { try process.run() } catch { throw XCTSkip("python3 is not available: \(error)") }
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw XCTSkip("python3 failed") }
        XCTAssertEqual(printed, text)
    }

    func testEveryBMCAddressMapsToExactlyOneHost() throws {
        let (result, tree) = try rendered()
        let inventory = try XCTUnwrap(result.inventory)
        var owners: [String: [String]] = [:]
        for (path, file) in tree.files where path.hasPrefix("virtual/bmc/") && path.contains("/openstack-bmc-") {
            let words = file.text.split(whereSeparator: \.isWhitespace).map(String.init)
            let instance = try XCTUnwrap(words.firstIndex(of: "--instance").map { words[$0 + 1] }, path)
            let address = try XCTUnwrap(words.firstIndex(of: "--address").map { words[$0 + 1] }, path)
            owners[address, default: []].append(instance)
        }
        XCTAssertEqual(owners.count, inventory.hosts.count)
        XCTAssertEqual(owners.values.filter { $0.count != 1 }, [])
        let layout = VirtualLayout(try XCTUnwrap(inventory.inventory.virtual), hosts: inventory.hosts)
        for member in layout.members {
            XCTAssertEqual(owners[member.bmcAddress?.description ?? ""], [member.instance], member.host.name)
        }
        // Each BMC instance puts exactly its stack's addresses on its public NIC.
        let controllers = try XCTUnwrap(tree.files["virtual/bmc/bmc/sysinvc-bmc-addresses.service"]?.text)
        XCTAssertTrue(controllers.contains("ip address replace 10.10.10.50/24 dev eth1"))
        XCTAssertTrue(controllers.contains("ip address replace 10.10.10.51/24 dev eth1"))
        XCTAssertFalse(controllers.contains("10.10.10.60"))
    }

    /// The user data each BMC runs is valid bash and installs exactly the unit files shown.
    func testBMCUserDataInstallsTheUnitsShown() throws {
        let (_, tree) = try rendered()
        let template = try yaml(tree, "virtual/templates/bmc.yaml")
        let parameters = try XCTUnwrap(template["parameters"] as? [String: [String: Any]])
        let userData = try XCTUnwrap(parameters["bmc_user_data"]?["default"] as? [String: String])
        XCTAssertEqual(Set(userData.keys), ["bmc", "bmc-worker"])
        for (prefix, script) in userData {
            XCTAssertTrue(script.contains("{\"clouds\": {\"host_cloud\": $cloud_data}}"), "Heat puts the credentials in at deploy time")
            let units = script.components(separatedBy: "cat > /etc/systemd/system/").dropFirst().map { block -> (String, String) in
                let header = block.prefix { $0 != "\n" }
                let name = String(header.split(separator: " ").first ?? "")
                let body = block.dropFirst(header.count + 1).components(separatedBy: "SYSINVC_UNIT\n").first ?? ""
                return (name, body)
            }
            let shown = tree.files.filter { $0.key.hasPrefix("virtual/bmc/\(prefix)/") }
            XCTAssertEqual(Set(units.map { "virtual/bmc/\(prefix)/\($0.0)" }), Set(shown.keys))
            for (name, body) in units {
                XCTAssertEqual(body, shown["virtual/bmc/\(prefix)/\(name)"]?.text, name)
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-n", "-c", script]
            try process.run()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, prefix)
        }
    }

    /// The provision ports carry the hosts' mgmt_mac, the controllers' OAM ports their OAM
    /// MACs and unit addresses.
    func testPortsCarryTheInventorysMACsAndAddresses() throws {
        let (_, tree) = try rendered()
        let parameters = try XCTUnwrap(try yaml(tree, "virtual/templates/baremetal-ports.yaml")["parameters"] as? [String: [String: Any]])
        XCTAssertEqual(parameters["host_macs"]?["default"] as? [String: String], [
            "baremetal_0": "52:54:00:10:00:01", "baremetal_1": "52:54:00:10:00:02",
            "baremetal-worker_0": "52:54:00:10:00:03", "baremetal-worker_1": "52:54:00:10:00:04",
        ])
        XCTAssertEqual(parameters["oam_addresses"]?["default"] as? [String: String], ["baremetal_0": "10.10.10.3", "baremetal_1": "10.10.10.4"])
        XCTAssertEqual(parameters["oam_macs"]?["default"] as? [String: String], ["baremetal_0": "52:54:00:20:00:01", "baremetal_1": "52:54:00:20:00:02"])
    }

    func testCredentialsOnlyInOwnerOnlyFiles() throws {
        let (result, tree) = try rendered()
        let clouds = try XCTUnwrap(tree.files["virtual/clouds.yaml"])
        XCTAssertTrue(clouds.secure)
        let password = try XCTUnwrap(result.secrets).password(VirtualEnvironment.cloudPasswordSecret)
        XCTAssertTrue(clouds.text.contains("password: \(password)"))
        for (path, file) in tree.files where !file.secure {
            XCTAssertFalse(file.text.contains(password), path)
        }
        // Without the password in the secrets file, the compile says clouds.yaml holds a made-up one.
        XCTAssertEqual(result.diagnostics.filter { $0.code == .virtualCloudPassword }.map(\.severity), [.warning])
    }

    /// The README does the MTU arithmetic for the system's interfaces.
    func testReadmeDoesTheMTUArithmetic() throws {
        let (_, tree) = try rendered()
        let readme = try XCTUnwrap(tree.files["virtual/README"]?.text)
        XCTAssertTrue(readme.contains("The host cloud's tenant networks carry 1450 bytes"))
        XCTAssertTrue(readme.contains("controller-0  vlan206 (VLAN)  cluster-host       1446  1446 + 4 = 1450  0"), readme)
        XCTAssertTrue(readme.contains("disk_cachemodes"))
        XCTAssertTrue(readme.contains("openstack flavor create --vcpus 8 --ram 16384 --disk 120 stx.worker"))
    }

    /// An inventory without a virtual section gets no virtual/ tree.
    func testOnlyVirtualInventoriesGetTheTree() throws {
        let tree = try XCTUnwrap(Examples.compile("standard").rendered)
        XCTAssertEqual(tree.files.keys.filter { $0.hasPrefix("virtual/") }, [])
    }
}
