import Compiler
import XCTest

/// A chart that names a Ceph secret, pool or monitor on a system without Ceph (or without
/// platform-integ-apps, whose rbd provisioner makes the pools' secret) would wait for things
/// nothing creates: no example may compile to one.
final class CephReferenceTests: XCTestCase {
    /// What only a Ceph-backed chart mentions: the rbd provisioner's secrets, a monitor's port,
    /// a named pool.
    static let cephMarks = ["ceph-pool-kube-rbd", "ceph-admin", ":6789", "rbd_pool: ", "rbd_store_pool: images", "cinder-volumes"]

    func testOnlySystemsWithCephAndItsProvisionerReferenceIt() throws {
        var withCeph: [String] = []
        for name in Examples.names {
            let result = try Examples.compile(name)
            let inventory = try XCTUnwrap(result.inventory)
            let cephReady = inventory.inventory.storage?.ceph != nil && inventory.isApplied("platform-integ-apps")
            let charts = try XCTUnwrap(result.rendered).files.filter { $0.key.hasPrefix("helm/") || $0.key.hasPrefix("armada/") }
            let mentions = charts.flatMap { path, file in Self.cephMarks.filter(file.text.contains).map { "\(path): \($0)" } }
            if cephReady {
                withCeph.append(name)
                XCTAssertFalse(mentions.isEmpty, "\(name) has Ceph but no chart uses it")
            } else {
                XCTAssertEqual(mentions, [], "\(name) has no Ceph backend and platform-integ-apps, yet its charts reference Ceph")
            }
        }
        XCTAssertEqual(withCeph, ["aio-duplex", "storage", "openstack"])
    }
}
