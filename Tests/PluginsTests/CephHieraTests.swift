import Compiler
import Plugins
import XCTest

/// 011_ceph beyond the worked example: a worker monitor on a standard system with OSDs on the
/// controllers, journals on a journal disk, a second tier, IPv4 monitor addresses with the port.
final class CephHieraTests: XCTestCase {
    static let inventory = KubernetesFixture.standard(extra: """
        storage:
          ceph:
            replication: 2
            tiers: [storage, gold]
            monitor_gib: 30
            monitors: [worker-0]
            osds:
              - {host: controller-0, device: /dev/disk/by-path/pci-0000:00:0d.0-ata-2.0, tier: storage,
                 journal: {device: /dev/disk/by-path/pci-0000:00:0d.0-ata-4.0, size_mib: 2048}}
              - {host: controller-0, device: /dev/disk/by-path/pci-0000:00:0d.0-ata-3.0, tier: gold,
                 journal: {device: /dev/disk/by-path/pci-0000:00:0d.0-ata-4.0}}
              - {host: controller-1, device: /dev/disk/by-path/pci-0000:00:0d.0-ata-2.0, tier: storage}
        """)

    func testJournalDisksAndStorsAreNumberedAsSysinvCreatesThem() throws {
        let tree = try KubernetesFixture.compile(Self.inventory)
        let controller0 = try XCTUnwrap(tree.hiera[.host("controller-0")])
        let disk = "/dev/disk/by-path/pci-0000:00:0d.0-ata-"
        XCTAssertEqual(controller0["platform::ceph::osds::journal_config"],
                       ["stor-1": ["disk_path": .string(disk + "4.0"), "journal_sizes": [2048, 1024]]])
        let osds = try XCTUnwrap(controller0["platform::ceph::osds::osd_config"])
        guard case let .map(entries) = osds else { return XCTFail("osd_config is \(osds)") }
        XCTAssertEqual(entries.keys.sorted(), ["stor-2", "stor-3"])
        XCTAssertEqual(osds["stor-2"]?["osd_id"], 0)
        XCTAssertEqual(osds["stor-2"]?["journal_path"], .string(disk + "4.0-part1"))
        XCTAssertEqual(osds["stor-3"]?["osd_id"], 1)
        XCTAssertEqual(osds["stor-3"]?["journal_path"], .string(disk + "4.0-part2"))
        XCTAssertEqual(osds["stor-3"]?["tier_name"], "gold")
        let controller1 = try XCTUnwrap(tree.hiera[.host("controller-1")]?["platform::ceph::osds::osd_config"])
        XCTAssertEqual(controller1["stor-4"]?["osd_id"], 2)
        XCTAssertEqual(controller1["stor-4"]?["journal_path"], .string(disk + "2.0-part2"))
        XCTAssertEqual(tree.hiera[.host("controller-1")]?["platform::ceph::osds::journal_config"], [:])
    }

    func testTheWorkerMonitorIsTheThird() throws {
        let tree = try KubernetesFixture.compile(Self.inventory)
        let system = try XCTUnwrap(tree.hiera[.system])
        XCTAssertEqual(system["platform::ceph::params::mon_2_host"], "worker-0")
        guard case let .string(ip)? = system["platform::ceph::params::mon_2_ip"] else { return XCTFail("no mon_2_ip") }
        XCTAssertEqual(system["platform::ceph::params::mon_2_addr"], .string(ip + ":6789"))
        // Monitors get the inventory's volume size; other hosts keep the default.
        XCTAssertEqual(tree.hiera[.host("worker-0")]?["platform::ceph::params::mon_lv_size"], 30)
        XCTAssertEqual(tree.hiera[.host("controller-0")]?["platform::ceph::params::mon_lv_size"], 30)
        XCTAssertEqual(tree.hiera[.host("worker-1")]?["platform::ceph::params::mon_lv_size"], 20)
        XCTAssertNil(tree.hiera[.host("worker-0")]?["platform::ceph::osds::osd_config"])
    }

    /// On IPv6 the monitors bind to IPv6 and their addresses are bracketed before the port.
    func testIPv6MonitorAddressesAreBracketed() throws {
        let text = KubernetesFixture.ipv6 + "\n" + """
            storage:
              ceph:
                monitors: [worker-0]
                osds:
                  - {host: controller-0, device: /dev/sdb}
                  - {host: controller-1, device: /dev/sdb}
            """
        let system = try XCTUnwrap(KubernetesFixture.compile(text).hiera[.system])
        XCTAssertEqual(system["ceph::ms_bind_ipv6"], true)
        guard case let .string(ip)? = system["platform::ceph::params::mon_0_ip"] else { return XCTFail("no mon_0_ip") }
        XCTAssertTrue(ip.hasPrefix("fd01::"), ip)
        XCTAssertEqual(system["platform::ceph::params::mon_0_addr"], .string("[\(ip)]:6789"))
    }

    /// Without a Ceph backend only what sysinv wrote on every system is there: the fsid, the
    /// gateway's password, empty OSD tables and the default monitor volume.
    func testWithoutCephNoMonitorIsConfigured() throws {
        let tree = try KubernetesFixture.compile(KubernetesFixture.standard())
        XCTAssertNotNil(tree.hiera[.staticConfig]?["platform::ceph::params::cluster_uuid"])
        XCTAssertNotNil(tree.hiera[.secureStatic]?["platform::ceph::params::rgw_admin_password"])
        XCTAssertEqual(tree.hiera[.system]?.values.keys.filter { $0.contains("ceph") }, [])
        XCTAssertEqual(tree.hiera[.host("controller-0")]?["platform::ceph::osds::osd_config"], [:])
    }

    /// The fsid is the inventory's when it gives one, else the same at every compile.
    func testTheFsidIsAnInputNeverRandom() throws {
        let derived = try KubernetesFixture.compile(Self.inventory).hiera[.staticConfig]?["platform::ceph::params::cluster_uuid"]
        XCTAssertEqual(derived, try KubernetesFixture.compile(Self.inventory).hiera[.staticConfig]?["platform::ceph::params::cluster_uuid"])
        let given = Self.inventory.replacingOccurrences(of: "replication: 2", with: "replication: 2\n    fsid: 0b5c4e3a-9d2f-4e1b-8a7c-6f5e4d3c2b1a")
        XCTAssertEqual(try KubernetesFixture.compile(given).hiera[.staticConfig]?["platform::ceph::params::cluster_uuid"],
                       "0b5c4e3a-9d2f-4e1b-8a7c-6f5e4d3c2b1a")
    }
}
