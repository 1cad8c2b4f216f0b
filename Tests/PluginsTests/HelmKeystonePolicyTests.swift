import Compiler
import Foundation
@testable import Plugins
import XCTest

/// The OpenStack keystone refuses to delete what the platform and the charts depend on.
final class HelmKeystonePolicyTests: XCTestCase {
    func testProtectedIdentities() throws {
        let values = try HelmFixture.overrides("keystone", try HelmFixture.validated(HelmFixture.inventory()))
        XCTAssertEqual(values.at("conf.policy.identity:delete_project"), "rule:admin_required and not rule:protected_projects")
        XCTAssertEqual(values.at("conf.policy.protected_projects"), "'admin':%(target.project.name)s or 'services':%(target.project.name)s")
        guard case let .list(services)? = values.at("conf.policy.protected_services") else { return XCTFail("no protected_services") }
        XCTAssertTrue(services.contains(["'nova':%(target.user.name)s"]))
        XCTAssertEqual(services.count, KeystonePolicy.serviceUsers.count)
    }
}

final class HelmNovaSecretsTests: XCTestCase {
    /// nova's migration key pair is reproducible, masked like a password, and the PCI aliases
    /// carry the QuickAssist and GPU defaults plus the service parameter's alias.
    func testSSHKeysAndPCIAliases() throws {
        let text = HelmFixture.inventory(extra: """
            service_parameters:
              - {service: nova, section: pci_alias, name: fpga, value: "vendor_id=8086,device_id=0b30"}
            """)
        let inventory = try HelmFixture.validated(text)
        let values = try HelmFixture.overrides("nova", inventory)
        guard case let .string(privateKey)? = values.at("conf.ssh_private"), case let .string(publicKey)? = values.at("conf.ssh_public") else {
            return XCTFail("no ssh keys")
        }
        XCTAssertTrue(privateKey.hasPrefix("-----BEGIN OPENSSH PRIVATE KEY-----\n"))
        XCTAssertTrue(publicKey.hasPrefix("ssh-ed25519 "))
        XCTAssertEqual(try HelmFixture.overrides("nova", inventory).at("conf.ssh_private"), .string(privateKey))
        guard case let .list(aliases)? = values.at("conf.nova.pci.alias.values") else { return XCTFail("no aliases") }
        XCTAssertEqual(aliases.count, 6)
        XCTAssertEqual(aliases.first, #"{"device_type":"type-PF","name":"qat-dh895xcc-pf","product_id":"0435","vendor_id":"8086"}"#)
        XCTAssertEqual(aliases.last, #"{"name":"fpga","product_id":"0b30","vendor_id":"8086"}"#)
    }
}
