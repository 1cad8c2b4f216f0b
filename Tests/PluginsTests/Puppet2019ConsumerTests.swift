import Compiler
import Foundation
import XCTest

/// Every hiera key the examples compile to (all of them StarlingX 19.01 systems) is read by
/// StarlingX's puppet code as of 2019 — a class parameter or a key it looks up — or is one of the
/// keys listed here, each for its reason: a parameter of an upstream module StarlingX 19.01
/// installed beside its own, a key sysinv 19.01 wrote that nothing reads (found literally in
/// sysinv's 19.01 puppet plugins), or a key of later StarlingX releases the 19.01 layout still
/// carries. A new key outside these fails. Reads the puppet code from
/// ../shared/reference/stx-puppet/2019 when it is there (never copied into this repository) and
/// skips when it is not.
final class Puppet2019ConsumerTests: XCTestCase {
    /// Key prefixes of upstream puppet modules, with the module that reads them.
    static let upstreamModules = ["keystone::": "puppet-keystone", "ceph::": "puppet-ceph"]

    /// Keys sysinv 19.01's puppet plugins wrote that no 2019 class or lookup reads. The README
    /// lists them.
    static let writtenWithoutConsumer: Set<String> = [
        "CONFIG_KEYSTONE_ADMIN_USERNAME",
        "platform::client::params::auth_region",
        "platform::params::controller_0_ipaddress",
        "platform::params::controller_1_ipaddress",
        "platform::smapi::params::internal_url",
        "smapi::auth::auth_password",
        "smapi::keystone::authtoken::auth_url",
        "smapi::keystone::authtoken::password",
        "smapi::keystone::authtoken::username",
    ]

    /// Keys of later releases that sysinv 19.01 did not write and 2019's classes do not read;
    /// the 19.01 layout drops them once release profiles tell the layouts apart. The README
    /// lists them too.
    static let laterReleases: Set<String> = Set([
        "platform::etcd::params::bind_address_version",
        "platform::kubernetes::params::k8s_cpu_mgr_policy",
    ] + ["cluster_pod", "cluster_service", "multicast"].flatMap { network in
        ["subnet_version", "subnet_network", "subnet_network_url", "subnet_prefixlen", "subnet_netmask", "subnet_start", "subnet_end"]
            .map { "platform::network::\(network)::params::\($0)" }
    })

    func testEveryKeyHasA2019ConsumerOrAListedReason() throws {
        let reference = Examples.repository.deletingLastPathComponent().appendingPathComponent("shared/reference/stx-puppet/2019")
        guard FileManager.default.fileExists(atPath: reference.path) else {
            throw XCTSkip("StarlingX's 2019 puppet code is not at \(reference.path); this check reads it from there")
        }
        let consumed = try StoragePuppetParameterTests.classParameters(under: reference)
        XCTAssertTrue(consumed.contains("platform::compute::hugepage::params::nr_hugepages_1G"), "the parser missed a parameter with capitals")
        XCTAssertTrue(consumed.contains("platform::tpm::tpm_data"), "the parser missed a lookup")
        var unexplained: [String: Set<String>] = [:]
        var used: Set<String> = []
        for name in Examples.names {
            let tree = try XCTUnwrap(Examples.compile(name).tree)
            for (_, document) in tree.hiera {
                for key in document.values.keys {
                    if consumed.contains(key) || Self.upstreamModules.keys.contains(where: key.hasPrefix) { continue }
                    if Self.writtenWithoutConsumer.contains(key) || Self.laterReleases.contains(key) {
                        used.insert(key)
                    } else {
                        unexplained[key, default: []].insert(name)
                    }
                }
            }
        }
        XCTAssertEqual(unexplained.keys.sorted(), [], "keys no 2019 class reads, without a listed reason: \(unexplained)")
        // A listed key that no example writes any more, or that a class now reads, leaves the list.
        XCTAssertEqual(Self.writtenWithoutConsumer.union(Self.laterReleases).subtracting(used).sorted(), [])
    }

    /// The README's list is the test's list.
    func testReadmeListsTheKeysWithoutConsumer() throws {
        let readme = try String(contentsOf: Examples.repository.appendingPathComponent("README.md"), encoding: .utf8)
        for key in Self.writtenWithoutConsumer.union(Self.laterReleases) where !key.hasPrefix("platform::network::") {
            XCTAssertTrue(readme.contains("`\(key)`"), key)
        }
        XCTAssertTrue(readme.contains("`platform::network::<cluster_pod|cluster_service|multicast>::params::*`"))
    }
}
