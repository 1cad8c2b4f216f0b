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

    /// The user data each BMC runs, run in a scratch root with stand-ins for python3 and
    /// systemctl and Heat's `$cloud_data` put in: it installs exactly the unit files shown,
    /// clouds.yaml owner-only, and enables every unit.
    func testBMCUserDataInstallsTheUnitsShown() throws {
        let (_, tree) = try rendered()
        let template = try yaml(tree, "virtual/templates/bmc.yaml")
        let parameters = try XCTUnwrap(template["parameters"] as? [String: [String: Any]])
        let userData = try XCTUnwrap(parameters["bmc_user_data"]?["default"] as? [String: String])
        XCTAssertEqual(Set(userData.keys), ["bmc", "bmc-worker"])
        let cloud = #"{"auth": {"auth_url": "https://cloud.example.com:5000/v3", "password": "s3cret"}}"#
        for (prefix, script) in userData {
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sysinvc-bmc-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: scratch) }
            let root = scratch.appendingPathComponent("root"), bin = scratch.appendingPathComponent("bin")
            try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
            // python3 -m venv DIR leaves a pip that does nothing; systemctl records its arguments.
            try """
                #!/bin/sh
                if [ "$1" = -m ] && [ "$2" = venv ]; then mkdir -p "$3/bin"; printf '#!/bin/sh\\n' > "$3/bin/pip"; chmod +x "$3/bin/pip"; fi

                """.write(to: bin.appendingPathComponent("python3"), atomically: true, encoding: .utf8)
            try "#!/bin/sh\necho \"$@\" >> \"$SYSINVC_BMC_ROOT/systemctl.log\"\n".write(to: bin.appendingPathComponent("systemctl"), atomically: true, encoding: .utf8)
            chmod(bin.appendingPathComponent("python3").path, 0o755)
            chmod(bin.appendingPathComponent("systemctl").path, 0o755)

            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", script.replacingOccurrences(of: "$cloud_data", with: cloud)]
            process.environment = ["PATH": "\(bin.path):/usr/bin:/bin", "SYSINVC_BMC_ROOT": root.path]
            try process.run()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, prefix)

            let units = root.appendingPathComponent("etc/systemd/system")
            let installed = try FileManager.default.contentsOfDirectory(atPath: units.path).sorted()
            let shown = tree.files.filter { $0.key.hasPrefix("virtual/bmc/\(prefix)/") }
            XCTAssertEqual(installed.map { "virtual/bmc/\(prefix)/\($0)" }, shown.keys.sorted())
            for name in installed {
                XCTAssertEqual(try String(contentsOf: units.appendingPathComponent(name), encoding: .utf8),
                               shown["virtual/bmc/\(prefix)/\(name)"]?.text, name)
            }
            let clouds = root.appendingPathComponent("root/.config/openstack/clouds.yaml")
            XCTAssertEqual(try String(contentsOf: clouds, encoding: .utf8), #"{"clouds": {"host_cloud": \#(cloud)}}"# + "\n")
            let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: clouds.path)[.posixPermissions] as? Int)
            XCTAssertEqual(mode & 0o077, 0, "clouds.yaml is owner-only")
            let log = try String(contentsOf: root.appendingPathComponent("systemctl.log"), encoding: .utf8)
            XCTAssertEqual(log, "daemon-reload\nenable --now sysinvc-bmc-addresses.service "
                + installed.filter { $0.hasPrefix("openstack-bmc-") }.joined(separator: " ") + "\n")
        }
    }

    /// A BMC's user data grows by a line per host, and Nova takes 65,535 bytes of it: a stack
    /// whose user data would not fit is refused before anything is written.
    func testUserDataTooLargeForNovaIsRefused() throws {
        func inventory(workers: Int, name: (Int) -> String) -> String {
            var text = try! String(contentsOfFile: Examples.inventoryPath("virtual"), encoding: .utf8)
            text = text.replacingOccurrences(of: "key_file: example.key", with: "key_file: \(Examples.repository.path)/inventory-examples/example.key")
                .replacingOccurrences(of: "subnet: 192.168.204.0/24", with: "subnet: 192.168.0.0/16")
                .replacingOccurrences(of: "subnet: 192.168.206.0/24", with: "subnet: 192.169.0.0/16")
                .replacingOccurrences(of: "subnet: 10.10.10.0/24", with: "subnet: 10.10.0.0/16")
            let hostsStart = text.range(of: "  - hostname: worker-0")!.lowerBound
            let hostsEnd = text.range(of: "\nsecrets:")!.lowerBound
            let workers = (0..<workers).map { index in
                let mac = String(format: "52:54:01:00:%02x:%02x", index / 256, index % 256)
                return """
                      - hostname: \(name(index))
                        personality: worker
                        mgmt_mac: "\(mac)"
                        bm_ip: 10.10.\(100 + index / 250).\(1 + index % 250)
                        bm_username: admin
                        interfaces: [{name: ens3, mac: "\(mac)", mtu: 1450, networks: [mgmt, cluster-host]}]
                        cpus: {cores_per_node: 4, threads_per_core: 2, platform: [0]}

                    """
            }.joined()
            return String(text[..<hostsStart]) + workers + String(text[hostsEnd...])
        }
        func codes(_ text: String) throws -> [DiagnosticCode] {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("sysinvc-virtual-\(UUID().uuidString).yaml")
            defer { try? FileManager.default.removeItem(at: file) }
            try text.write(to: file, atomically: true, encoding: .utf8)
            return try Pipeline.standard().run(path: file.path).diagnostics.filter { $0.severity == .error }.map(\.code)
        }
        let long = { (index: Int) in "worker-" + String(repeating: "x", count: 50) + "-\(index)" }
        XCTAssertEqual(Set(try codes(inventory(workers: 400, name: long))), [.virtualUserData])
        XCTAssertEqual(try codes(inventory(workers: 300, name: { "worker-\($0)" })), [])
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
