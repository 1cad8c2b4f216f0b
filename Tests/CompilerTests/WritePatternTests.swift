import Compiler
import XCTest

final class WritePatternTests: XCTestCase {
    func testAPathIsAFilePatternAndAnythingElseHieraKeys() {
        guard case .files = WritePattern("platform/openrc") else { return XCTFail("a path is a file") }
        guard case .hieraKeys = WritePattern("platform::docker::params::") else { return XCTFail("no / is hiera keys") }
    }

    func testTrailingColonsStandForEveryKeyOfTheClass() {
        let prefix = HieraKeyPattern("platform::docker::params::")
        XCTAssertTrue(prefix.matches("platform::docker::params::k8s_registry"))
        XCTAssertFalse(prefix.matches("platform::dockerdistribution::params::registry_ks_endpoint"))
        let key = HieraKeyPattern("sysinv::agent::lldp_drivers")
        XCTAssertTrue(key.matches("sysinv::agent::lldp_drivers"))
        XCTAssertFalse(key.matches("sysinv::agent::lldp_drivers_extra"))
    }

    func testPlaceholdersMatchNamesHoldingTheSeparatorAroundThem() {
        let manifest = OutputPathPattern("armada/<app>/<app>-<manifest>.yaml")
        XCTAssertTrue(manifest.matches("armada/stx-openstack/stx-openstack-stx-openstack.yaml"))
        XCTAssertFalse(manifest.matches("armada/stx-openstack/overrides/openstack-nova.yaml"))
        let overrides = OutputPathPattern("armada/<app>/overrides/<namespace>-<chart>.yaml")
        XCTAssertTrue(overrides.matches("armada/stx-openstack/overrides/openstack-nova-api-proxy.yaml"))
    }

    func testAPlaceholderIsNeverEmptyNorCrossesADirectory() {
        let join = OutputPathPattern("kubernetes/kubeadm-join-<host>.yaml")
        XCTAssertTrue(join.matches("kubernetes/kubeadm-join-worker-0.yaml"))
        XCTAssertFalse(join.matches("kubernetes/kubeadm-join-.yaml"))
        XCTAssertFalse(join.matches("kubernetes/kubeadm-join-a/b.yaml"))
        XCTAssertFalse(OutputPathPattern("helm/<app>/<namespace>/<chart>.yaml").matches("helm/a/b.yaml"))
    }
}
