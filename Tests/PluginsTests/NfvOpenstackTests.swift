import Compiler
import Foundation
import Plugins
import XCTest

/// Seed 000: the VIM's OpenStack plugins are off until stx-openstack is applied, and then point
/// at the containerized services.
final class NfvOpenstackTests: XCTestCase {
    func testOpenStackPluginsFollowTheApplication() throws {
        let plain = try Examples.compile("standard")
        XCTAssertEqual(Examples.hiera(plain, .system, "nfv::vim::compute_plugin_disabled"), true)
        XCTAssertNil(Examples.hiera(plain, .system, "nfv::nfvi::rabbit_host"))
        XCTAssertNil(Examples.hiera(plain, .secureSystem, "nfv::nfvi::rabbit_password"))

        let openstack = try Examples.compile("openstack")
        XCTAssertEqual(Examples.hiera(openstack, .system, "nfv::vim::compute_plugin_disabled"), false)
        XCTAssertEqual(Examples.hiera(openstack, .system, "nfv::nfvi::nova_endpoint_override"), "http://nova-api.openstack.svc.cluster.local:8774")
        XCTAssertEqual(Examples.hiera(openstack, .system, "nfv::nfvi::rabbit_host"), "rabbitmq.openstack.svc.cluster.local")
        XCTAssertEqual(Examples.hiera(openstack, .system, "nfv::nfvi::rabbit_port"), 5672)
        let key = try Data(contentsOf: Examples.repository.appendingPathComponent("inventory-examples/example.key"))
        XCTAssertEqual(Examples.hiera(openstack, .secureSystem, "nfv::nfvi::rabbit_password"), .string(SecretStore(key: key).password("rabbitmq/admin")))
    }
}
