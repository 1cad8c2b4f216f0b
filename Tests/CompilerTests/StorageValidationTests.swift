import Compiler
import XCTest

/// sysinv's Ceph rules over an inventory: replication, tiers, monitors, where OSDs may go, the
/// disks they take, and what an unlocked host needs. Every problem at its value's line and
/// column, with a stable code, all of them in one run.
final class StorageValidationTests: XCTestCase {
    /// An inventory whose hosts start at line 9, one host a line, and whose Ceph section's body
    /// starts at line `11 + hosts.count`.
    static func inventory(type: String = "standard", mode: String = "duplex", hosts: [String], ceph: String?) -> String {
        var lines = [
            "system: {name: s, type: \(type), mode: \(mode), kubernetes: {enabled: false}}",
            "networks:",
            "  oam: {subnet: 10.10.10.0/24}",
            "  mgmt: {subnet: 192.168.204.0/24}",
            "  pxeboot: {subnet: 169.254.202.0/24}",
            "  cluster-host: {subnet: 192.168.206.0/24}",
            "  multicast: {subnet: 239.1.1.0/28}",
            "hosts:",
        ]
        lines += hosts
        if let ceph {
            lines += ["storage:", "  ceph:"]
            lines += ceph.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A host line: `administrative` is the 4th field, so that its value's column is fixed by
    /// the name's and personality's lengths.
    static func host(_ name: String, _ personality: String, unlocked: Bool = true, interface: String = "eth0") -> String {
        let networks = personality == "controller" ? "oam, mgmt, pxeboot, cluster-host" : "mgmt, cluster-host"
        return "  - {hostname: \(name), personality: \(personality), administrative: \(unlocked ? "unlocked" : "locked"), interfaces: [{name: \(interface), networks: [\(networks)]}]}"
    }

    static let controllers = [host("controller-0", "controller"), host("controller-1", "controller")]
    static let standardWithStorage = controllers + [host("storage-0", "storage"), host("storage-1", "storage")]

    /// Two OSDs on each storage host: the base the storage-model rules break one at a time.
    static let storageOSDs = """
        osds:
          - {host: storage-0, device: /dev/sdb}
          - {host: storage-0, device: /dev/sdc}
          - {host: storage-1, device: /dev/sdb}
          - {host: storage-1, device: /dev/sdc}
        """

    func validate(_ text: String) -> [Diagnostic] {
        let (inventory, loadDiagnostics) = InventoryLoader.load(text: text, file: "s.yaml")
        guard let inventory else { return loadDiagnostics }
        return loadDiagnostics + Validator.validate(inventory).diagnostics
    }

    func codes(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.code.rawValue)" }
    }

    /// Every diagnostic of the inventory, as "line:column CODE".
    func assertCodes(_ text: String, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        let diagnostics = validate(text)
        XCTAssertEqual(codes(diagnostics), expected, diagnostics.map(\.description).joined(separator: "\n"), file: file, line: line)
    }

    func testTheStorageExampleShapeIsValid() {
        assertCodes(Self.inventory(hosts: Self.standardWithStorage, ceph: "replication: 2\n" + Self.storageOSDs), [])
    }

    /// A device path reaches a shell command on the host (puppet's ceph-manage-journal): no
    /// quote, space, `..` or path outside /dev gets past the schema.
    func testDevicePathsCarryNoShellAndStayUnderDev() {
        let ceph = """
            osds:
              - {host: storage-0, device: "/dev/sdb'; rm -rf /"}
              - {host: storage-0, device: /dev/../etc/passwd}
              - {host: storage-1, device: /etc/sdb, journal: {device: "/dev/sdd $(reboot)"}}
              - {host: storage-1, device: /dev/disk/by-path/pci-0000:00:0d.0-ata-2.0}
            """
        let diagnostics = validate(Self.inventory(hosts: Self.standardWithStorage, ceph: ceph))
        XCTAssertEqual(diagnostics.filter { $0.code == .invalidFormat }.map { $0.location?.line ?? 0 }, [16, 17, 18, 18],
                       diagnostics.map(\.description).joined(separator: "\n"))
    }

    func testReplicationOneIsForSimplexOnly() {
        assertCodes(Self.inventory(hosts: Self.standardWithStorage, ceph: "replication: 1\n" + Self.storageOSDs), [
            "15:18 STOR003",
        ])
        let simplex = Self.inventory(type: "all-in-one", mode: "simplex", hosts: [Self.host("controller-0", "controller")], ceph: """
            replication: 1
            osds:
              - {host: controller-0, device: /dev/sdb}
            """)
        assertCodes(simplex, [])
    }

    func testMinReplicationFollowsReplication() {
        assertCodes(Self.inventory(hosts: Self.standardWithStorage, ceph: "replication: 2\nmin_replication: 2\n" + Self.storageOSDs), [
            "16:22 STOR004",
        ])
        assertCodes(Self.inventory(hosts: Self.standardWithStorage, ceph: "replication: 3\nmin_replication: 2\n" + Self.storageOSDs), [])
    }

    func testOSDsGoOnStorageHostsWhenThereAreAny() {
        let ceph = Self.storageOSDs + "\n  - {host: controller-1, device: /dev/sdb}\n  - {host: worker-9, device: /dev/sdb}"
        assertCodes(Self.inventory(hosts: Self.standardWithStorage, ceph: ceph), [
            "20:16 STOR005",  // a controller, while the system has storage hosts
            "21:16 STOR002",  // no such host
        ])
    }

    func testOSDsNeedAStorageModel() {
        let text = Self.inventory(hosts: Self.controllers + [Self.host("worker-0", "worker", unlocked: false)], ceph: """
            osds:
              - {host: controller-0, device: /dev/sdb}
            """)
        assertCodes(text, ["15:16 STOR005"])
        let message = validate(text).first?.message ?? ""
        XCTAssertTrue(message.contains("storage-0") && message.contains("storage.ceph.monitors"), message)
    }

    func testADiskHoldsOneOSDOrJournals() {
        assertCodes(Self.inventory(hosts: Self.standardWithStorage, ceph: """
            osds:
              - {host: storage-0, device: /dev/sdb}
              - {host: storage-0, device: /dev/sdb}
              - {host: storage-0, device: /dev/sdc, journal: {device: /dev/sdd}}
              - {host: storage-0, device: /dev/sde, journal: {device: /dev/sdd}}
              - {host: storage-1, device: /dev/sdb, journal: {device: /dev/sdb}}
              - {host: storage-1, device: /dev/sdc, journal: {device: /dev/sdb}}
            """), [
            "17:35 STOR006",  // /dev/sdb twice on storage-0
            "20:63 STOR006",  // a journal on its own disk
            "21:63 STOR006",  // a journal on another OSD's disk
        ])
    }

    func testOneWorkerMonitorAtMost() {
        let hosts = Self.controllers + [Self.host("worker-0", "worker"), Self.host("worker-1", "worker")]
        let osds = "\nosds:\n  - {host: controller-0, device: /dev/sdb}\n  - {host: controller-1, device: /dev/sdb}"
        assertCodes(Self.inventory(hosts: hosts, ceph: "monitors: [worker-0]" + osds), [])
        assertCodes(Self.inventory(hosts: hosts, ceph: "monitors: [worker-0, worker-1]" + osds), ["15:26 STOR007"])
        assertCodes(Self.inventory(hosts: hosts, ceph: "monitors: [controller-1]" + osds), ["15:16 STOR007"])
        assertCodes(Self.inventory(hosts: hosts, ceph: "monitors: [worker-7]" + osds), ["15:16 STOR002"])
        assertCodes(Self.inventory(hosts: hosts, ceph: "replication: 3\nmin_replication: 2\nmonitors: [worker-0]" + osds), ["17:16 STOR007"])
    }

    func testNoWorkerMonitorBesideStorageHostsOrOnAllInOne() {
        let hosts = Self.standardWithStorage + [Self.host("worker-0", "worker")]
        assertCodes(Self.inventory(hosts: hosts, ceph: "monitors: [worker-0]\n" + Self.storageOSDs), ["16:16 STOR007"])
        let duplex = Self.inventory(type: "all-in-one", hosts: Self.controllers + [Self.host("worker-0", "worker")], ceph: """
            monitors: [worker-0]
            osds:
              - {host: controller-0, device: /dev/sdb}
              - {host: controller-1, device: /dev/sdb}
            """)
        assertCodes(duplex, ["14:16 STOR007"])
    }

    func testTiers() {
        assertCodes(Self.inventory(hosts: Self.standardWithStorage, ceph: """
            tiers: [gold, storage, gold]
            osds:
              - {host: storage-0, device: /dev/sdb, tier: storage}
              - {host: storage-0, device: /dev/sdc, tier: silver}
              - {host: storage-1, device: /dev/sdb}
              - {host: storage-1, device: /dev/sdc, tier: gold}
            """), [
            "15:13 STOR008",  // the first tier is not storage
            "15:28 STOR008",  // gold twice
            "18:51 STOR002",  // no tier silver
            "19:9 STOR008",   // several tiers, and this OSD names none
        ])
        // No tiers at all: the primary tier alone, as when tiers is left out.
        assertCodes(Self.inventory(hosts: Self.standardWithStorage, ceph: "tiers: []\n" + Self.storageOSDs + "\n  - {host: storage-1, device: /dev/sdd, tier: storage}"), [])
    }

    /// A name the schema refuses is reported once, by the schema, not again by the rule it breaks.
    func testValuesTheSchemaRefusedAreNotReportedAgain() {
        let hosts = Self.controllers + [Self.host("worker-0", "worker")]
        assertCodes(Self.inventory(hosts: hosts, ceph: """
            tiers: ["gold tier"]
            monitors: [Worker_0]
            osds:
              - {host: controller-0, device: sdb, journal: {device: sdb}}
              - {host: controller-1, device: /dev/sdb, tier: "gold tier"}
            """), ["14:13 INV014", "15:16 INV014", "17:38 INV014", "17:61 INV014", "18:54 INV014"])
    }

    func testAnUnlockedStorageHostNeedsAnOSD() {
        let hosts = Self.standardWithStorage + [Self.host("storage-2", "storage"), Self.host("storage-3", "storage", unlocked: false)]
        assertCodes(Self.inventory(hosts: hosts, ceph: Self.storageOSDs), ["13:65 STOR009"])
    }

    func testSimplexUnlocksWithReplicationManyOSDsPerTier() {
        let text = Self.inventory(type: "all-in-one", mode: "simplex", hosts: [Self.host("controller-0", "controller")], ceph: """
            replication: 2
            tiers: [storage, gold]
            osds:
              - {host: controller-0, device: /dev/sdb, tier: storage}
              - {host: controller-0, device: /dev/sdc, tier: storage}
              - {host: controller-0, device: /dev/sdd, tier: gold}
            """)
        assertCodes(text, ["9:71 STOR010"])
        XCTAssertTrue(validate(text).first?.message.contains("tier gold") == true)
        let locked = Self.inventory(type: "all-in-one", mode: "simplex", hosts: [Self.host("controller-0", "controller", unlocked: false)], ceph: """
            replication: 3
            min_replication: 2
            osds:
              - {host: controller-0, device: /dev/sdb}
            """)
        assertCodes(locked, [])
    }

    func testDuplexUnlocksEachControllerWithAnOSDPerTier() {
        assertCodes(Self.inventory(type: "all-in-one", hosts: Self.controllers, ceph: """
            osds:
              - {host: controller-0, device: /dev/sdb}
            """), ["10:71 STOR010"])
    }

    func testAWorkerWaitsForTheThirdMonitor() {
        let hosts = Self.controllers + [Self.host("worker-0", "worker"), Self.host("worker-1", "worker", unlocked: false)]
        assertCodes(Self.inventory(hosts: hosts, ceph: "replication: 2"), ["11:63 STOR011"])
        assertCodes(Self.inventory(hosts: hosts, ceph: nil), [])
    }

    func testStorageHostsNeedCeph() {
        assertCodes(Self.inventory(hosts: Self.standardWithStorage, ceph: nil), ["11:40 STOR001", "12:40 STOR001"])
    }

    /// One inventory, one problem of each kind: all of them in one run, in file order.
    static let manyMistakes = inventory(hosts: standardWithStorage + [host("storage-2", "storage"), host("worker-0", "worker")], ceph: """
        replication: 1
        min_replication: 2
        tiers: [gold, gold]
        monitors: [worker-0]
        osds:
          - {host: controller-0, device: /dev/sdb, tier: gold}
          - {host: storage-0, device: /dev/sdb, tier: gold}
          - {host: storage-0, device: /dev/sdb, tier: gold}
          - {host: storage-1, device: /dev/sdb, tier: silver, journal: {device: /dev/sdb}}
          - {host: storage-9, device: /dev/sdb, tier: gold}
        """)

    func testEveryStorageProblemInOneRun() {
        assertCodes(Self.manyMistakes, [
            "13:65 STOR009",  // storage-2 unlocked without an OSD
            "17:18 STOR003",  // replication 1 on a standard system
            "18:22 STOR004",  // min_replication 2 with replication 1
            "19:13 STOR008",  // the first tier is not storage
            "19:19 STOR008",  // gold twice
            "20:16 STOR007",  // a worker monitor beside storage hosts
            "22:16 STOR005",  // an OSD on a controller
            "24:35 STOR006",  // /dev/sdb twice on storage-0
            "25:51 STOR002",  // no tier silver
            "25:77 STOR006",  // a journal on its own disk
            "26:16 STOR002",  // no host storage-9
        ])
    }

    func testMessagesSayWhatToChange() {
        let messages = validate(Self.manyMistakes).map(\.message)
        let expected = [
            "storage host storage-2 is unlocked but has no OSD; add an OSD on storage-2 to storage.ceph.osds, or lock it",
            "replication 1 is not allowed on a standard duplex system; set storage.ceph.replication to 2 or 3",
            "min_replication 2 is not allowed with replication 1; set storage.ceph.min_replication to 1",
            "the first storage tier is gold, but the primary tier must come first; put storage first in storage.ceph.tiers",
            "storage tier gold is already listed at line 19; list each tier once",
            "the system has storage hosts, so storage-0 runs the third monitor; remove the worker monitor worker-0",
            "the storage model is storage-nodes (the system has storage hosts), so OSDs go on storage hosts only, and controller-0 is a controller; move the OSD to a storage host",
            "/dev/sdb on storage-0 already holds the OSD at line 23; give each OSD its own disk",
        ]
        for message in expected {
            XCTAssertTrue(messages.contains(message), "missing: \(message)\nin: \(messages.joined(separator: "\n"))")
        }
        for message in messages {
            XCTAssertTrue(message.contains("; "), "says what is wrong, then what to change: \(message)")
            XCTAssertTrue(message.first?.isLowercase == true || message.hasPrefix("/") || message.hasPrefix("OSD "), message)
        }
        let worker = validate(Self.inventory(hosts: Self.controllers + [Self.host("worker-0", "worker")], ceph: "replication: 2")).map(\.message)
        XCTAssertEqual(worker, ["worker worker-0 is unlocked, but Ceph has no third monitor; add storage hosts (storage-0), name a worker in storage.ceph.monitors, or lock worker-0"])
    }

    func testValidDuplexWithOSDsOnBothControllers() {
        assertCodes(Self.inventory(type: "all-in-one", hosts: Self.controllers + [Self.host("worker-0", "worker")], ceph: """
            replication: 2
            tiers: [storage, gold]
            osds:
              - {host: controller-0, device: /dev/disk/by-path/pci-0000:00:0d.0-ata-2.0, tier: storage, journal: {device: /dev/nvme0n1, size_mib: 2048}}
              - {host: controller-0, device: /dev/disk/by-path/pci-0000:00:0d.0-ata-3.0, tier: gold, journal: {device: /dev/nvme0n1}}
              - {host: controller-1, device: /dev/disk/by-path/pci-0000:00:0d.0-ata-2.0, tier: storage}
              - {host: controller-1, device: /dev/disk/by-path/pci-0000:00:0d.0-ata-3.0, tier: gold}
            """), [])
    }

    func testValidStandardWithAWorkerMonitorAndOSDsOnControllers() {
        let hosts = Self.controllers + [Self.host("worker-0", "worker"), Self.host("worker-1", "worker")]
        assertCodes(Self.inventory(hosts: hosts, ceph: """
            replication: 2
            min_replication: 1
            monitors: [worker-1]
            monitor_gib: 30
            osds:
              - {host: controller-0, device: /dev/sdb}
              - {host: controller-1, device: /dev/sdb}
            """), [])
    }
}
