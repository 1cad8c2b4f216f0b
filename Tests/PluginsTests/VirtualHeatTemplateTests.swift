import Compiler
import Foundation
@testable import Plugins
import XCTest

/// The virtual example's templates as OpenStack Heat's own engine reads them (openstack-heat
/// 27.0.1, which scripts/test installs under .build/): for every host, the ports stack OVB
/// makes with that host's prefix and suffix, and for every stack, its BMC, with every function
/// resolved — the inventory's MAC, OAM address and BMC address must come out, by name.
final class VirtualHeatTemplateTests: XCTestCase {
    static let resolver = Examples.repository.appendingPathComponent("scripts/heat-resolve-template")
    static let templates = Examples.goldenPath("virtual") + "/virtual/templates"

    func resolve(_ requests: [[String: Any]]) throws -> [[String: Any]] {
        let venv = Examples.repository.appendingPathComponent(".build/openstack-heat-27.0.1/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: venv) else {
            throw XCTSkip("OpenStack Heat is not installed: scripts/test installs it (scripts/heat-resolve-template --install)")
        }
        let process = Process()
        process.executableURL = Self.resolver
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: requests))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, message)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [[String: Any]], message)
    }

    func testHeatResolvesEveryHostsPortsToTheInventorysValues() throws {
        let result = try Examples.compile("virtual")
        let inventory = try XCTUnwrap(result.inventory)
        let layout = VirtualLayout(try XCTUnwrap(inventory.inventory.virtual), hosts: inventory.hosts)
        let networks = ["provision": "provision-id", "public": "public-id", "private": "private"]
        let resolved = try resolve(layout.members.map { member in
            ["template": "\(Self.templates)/baremetal-ports.yaml",
             "parameters": ["baremetal_prefix": member.baremetalPrefix, "suffix": "_\(member.index)",
                            "networks": networks, "bmc_prefix": member.bmcPrefix]]
        })
        XCTAssertEqual(resolved.count, layout.members.count)
        for (member, stack) in zip(layout.members, resolved) {
            let resources = try XCTUnwrap(stack["resources"] as? [String: [String: Any]])
            let provision = try XCTUnwrap(resources["provision_port"], member.host.name)
            XCTAssertEqual(provision["name"] as? String, member.instance)
            XCTAssertEqual(provision["mac_address"] as? String, member.host.mgmtMAC?.value)
            XCTAssertEqual(provision["network"] as? String, "provision-id")
            XCTAssertEqual(provision["port_security_enabled"] as? Bool, false)
            let bmc = try XCTUnwrap(resources["bmc_port"], member.host.name)
            XCTAssertEqual(bmc["name"] as? String, member.bmcPort)
            XCTAssertEqual(bmc["fixed_ips"] as? [[String: String]], [["ip_address": member.bmcAddress?.description ?? "?"]])
            XCTAssertEqual(bmc["network"] as? String, "public-id")
            let ports = try XCTUnwrap((stack["outputs"] as? [String: Any])?["ports"] as? [Any])
            if member.host.isController {
                let oam = try XCTUnwrap(resources["oam_port"], member.host.name)
                XCTAssertEqual(oam["name"] as? String, member.oamPort)
                XCTAssertEqual(oam["mac_address"] as? String, member.oamMAC)
                XCTAssertEqual(oam["fixed_ips"] as? [[String: String]],
                               [["ip_address": inventory.addresses[member.host.name, .oam]?.address.description ?? "?"]])
                XCTAssertEqual(ports.count, 2, "a controller's instance has its OAM NIC")
            } else {
                XCTAssertNil(resources["oam_port"], member.host.name)
                XCTAssertEqual(ports.count, 1)
            }
        }
    }

    func testHeatResolvesEachStacksBMCWithItsOwnUserData() throws {
        let result = try Examples.compile("virtual")
        let inventory = try XCTUnwrap(result.inventory)
        let layout = VirtualLayout(try XCTUnwrap(inventory.inventory.virtual), hosts: inventory.hosts)
        let cloud = "{\"auth\": {\"auth_url\": \"https://cloud.example.com:5000/v3\"}}"
        let resolved = try resolve(layout.roles.map { role in
            ["template": "\(Self.templates)/bmc.yaml",
             "parameters": ["bmc_flavor": "m1.small", "bmc_image": "centos", "bmc_prefix": role.bmcPrefix, "key_name": "lab",
                            "private_net": "private", "cloud_data": cloud]]
        })
        for (role, stack) in zip(layout.roles, resolved) {
            let server = try XCTUnwrap((stack["resources"] as? [String: [String: Any]])?["bmc_server"], role.bmcPrefix)
            XCTAssertEqual(server["name"] as? String, role.bmcPrefix)
            XCTAssertEqual((server["networks"] as? [[String: Any]])?.last?["port"] as? String, "\(role.bmcPrefix)_0")
            let expected = VirtualBMCConfig.userData(role, prefixLength: 24, system: inventory.system.name.value)
                .replacingOccurrences(of: "$cloud_data", with: cloud)
            XCTAssertEqual(server["user_data"] as? String, expected)
        }
    }
}
