import Compiler
import XCTest

/// A host's disks, partitions and LVM physical volumes: what the agent could never report, what
/// sysinv refuses, and what would leave a host without its platform volume group. Every problem
/// at its value's line and column, with its code, all in one run.
final class DiskValidationTests: XCTestCase {
    static let root = "/dev/disk/by-path/pci-0000:00:1f.2-ata-1.0"
    static let lvm = "e6d6d379-f507-44c2-a23c-238f2a3df928"

    /// A standard system whose worker-0 (at line 11) lists `disks`, starting at line 15; storage
    /// hosts and Ceph when `ceph` is given.
    static func inventory(disks: String, host: String = "worker-0", personality: String = "worker", ceph: String? = nil) -> String {
        var text = """
            system: {name: s, type: standard, mode: duplex, kubernetes: {enabled: false}}
            networks:
              oam: {subnet: 10.10.10.0/24}
              mgmt: {subnet: 192.168.204.0/24}
              pxeboot: {subnet: 169.254.202.0/24}
              cluster-host: {subnet: 192.168.206.0/24}
              multicast: {subnet: 239.1.1.0/28}
            hosts:
              - {hostname: controller-0, personality: controller, interfaces: [{name: eth0, networks: [oam, mgmt, pxeboot, cluster-host]}]}
              - {hostname: controller-1, personality: controller, interfaces: [{name: eth0, networks: [oam, mgmt, pxeboot, cluster-host]}]}
              - hostname: \(host)
                personality: \(personality)
                interfaces: [{name: eth0, networks: [mgmt, cluster-host]}]
                disks:

            """
        text += disks.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n") + "\n"
        if let ceph {
            text += "  - {hostname: storage-1, personality: storage, interfaces: [{name: eth0, networks: [mgmt, cluster-host]}]}\n"
            text += "storage:\n  ceph:\n" + ceph.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n"
        }
        return text
    }

    /// The root disk as the installer leaves it, its fourth partition cgts-vg's (lines 15–22).
    static let rootDisk = """
        - device: \(root)
          node: /dev/sda
          size_mib: 228936
          rootfs: true
          partitions:
            - {number: 1, uuid: 0b3c5e0a-8f43-4c1e-9a57-2f6d1c8e4b01, type_guid: 21686148-6449-6e6f-744e-656564454649, start_mib: 1, size_mib: 1}
            - {number: 2, uuid: 0b3c5e0a-8f43-4c1e-9a57-2f6d1c8e4b02, type_guid: 0fc63daf-8483-4772-8e79-3d69d8477de4, start_mib: 2, size_mib: 20500}
            - {number: 4, uuid: 0b3c5e0a-8f43-4c1e-9a57-2f6d1c8e4b04, type_guid: \(lvm), start_mib: 20502, size_mib: 60416, volume_group: cgts-vg}
        """

    func testTheInstallersLayoutIsValid() {
        assertDiagnosticCodes(Self.inventory(disks: Self.rootDisk), [])
    }

    func testDisksAndPartitionsTheAgentCouldNeverReport() {
        let disks = Self.rootDisk + """

            - {device: /dev/disk/by-path/pci-0000:00:1f.2-ata-2.0, node: /dev/sdb, rootfs: true}
            - {device: /dev/disk/by-path/pci-0000:00:1f.2-ata-2.0, node: /dev/sda}
            - device: /dev/disk/by-path/pci-0000:00:1f.2-ata-3.0
              node: /dev/sdc
              size_mib: 1000
              partitions:
                - {number: 1, uuid: 0b3c5e0a-8f43-4c1e-9a57-2f6d1c8e4b11, type_guid: \(Self.lvm), start_mib: 1, size_mib: 600}
                - {number: 1, uuid: 0b3c5e0a-8f43-4c1e-9a57-2f6d1c8e4b12, type_guid: \(Self.lvm), start_mib: 500, size_mib: 600}
                - {number: 3, size_mib: 10}
                - {number: 4, size_mib: 10, state: create}
            - {device: /dev/disk/by-path/pci-0000:00:1f.2-ata-4.0, node: /dev/sdd, volume_group: cgts-vg, partitions: [{number: 1, size_mib: 5, state: create}]}
            """
        assertDiagnosticCodes(Self.inventory(disks: disks), [
            "23:9 STOR012",   // a second rootfs disk
            "24:18 STOR012",  // ata-2.0 listed twice
            "24:68 STOR012",  // /dev/sda is the root disk's node already
            "30:22 STOR012",  // partition 1 twice
            "30:129 STOR012", // partition 1 (the second) starts inside the first
            "30:144 STOR012", // … and ends past the disk's 1000 MiB
            "31:13 STOR012",  // partition 3 exists but lacks uuid, type_guid, start_mib
            "33:92 STOR012",  // a whole-disk physical volume with partitions
        ])
    }

    func testVolumeGroupsAsSysinvAllowsThem() {
        let disks = Self.rootDisk + """

            - {device: /dev/disk/by-path/pci-0000:00:1f.2-ata-2.0, node: /dev/sdb, volume_group: cgts-vg, pv_state: removing}
            - {device: /dev/disk/by-path/pci-0000:00:1f.2-ata-3.0, node: /dev/sdc, pv_state: removing}
            - device: /dev/disk/by-path/pci-0000:00:1f.2-ata-4.0
              node: /dev/sdd
              partitions:
                - {number: 1, uuid: 0b3c5e0a-8f43-4c1e-9a57-2f6d1c8e4b11, type_guid: \(Self.lvm), start_mib: 1, size_mib: 600, state: delete, volume_group: nova-local}
            """
        assertDiagnosticCodes(Self.inventory(disks: disks), [
            "23:111 STOR013", // cgts-vg physical volumes are never removed
            "24:88 STOR013",  // pv_state without volume_group
            "28:154 STOR013", // a physical volume on a partition being deleted
        ])
        // nova-local only with the worker subfunction; a host without cgts-vg would lose it to the filter.
        let controller = """
            - {device: /dev/disk/by-path/pci-0000:00:1f.2-ata-1.0, node: /dev/sda, rootfs: true, volume_group: nova-local}
            """
        let text = Self.inventory(disks: controller).replacingOccurrences(of: "personality: worker", with: "personality: storage")
            .replacingOccurrences(of: "hostname: worker-0", with: "hostname: storage-0")
        let found = validationDiagnostics(text).filter { $0.code == .volumeGroup }
        XCTAssertEqual(found.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0)" }, ["15:9", "15:106"], found.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(found[1].message.contains("worker subfunction"), found[0].message)
        XCTAssertTrue(found[0].message.contains("no cgts-vg physical volume"), found[1].message)
    }

    /// On a host that lists its disks, an OSD takes one of them, never the root disk, and none
    /// holding partitions or a physical volume.
    func testOSDsTakeEmptyListedDisks() {
        let disks = Self.rootDisk + """

            - {device: /dev/disk/by-path/pci-0000:00:1f.2-ata-2.0, node: /dev/sdb, volume_group: cgts-vg}
            - {device: /dev/disk/by-path/pci-0000:00:1f.2-ata-3.0, node: /dev/sdc}
            """
        let ceph = """
            osds:
              - {host: storage-0, device: \(Self.root)}
              - {host: storage-0, device: /dev/disk/by-path/pci-0000:00:1f.2-ata-2.0}
              - {host: storage-0, device: /dev/disk/by-path/pci-0000:00:1f.2-ata-9.0, journal: {device: /dev/disk/by-path/pci-0000:00:1f.2-ata-3.0}}
              - {host: storage-1, device: /dev/sdb}
            """
        let text = Self.inventory(disks: disks, host: "storage-0", personality: "storage", ceph: ceph)
        let found = validationDiagnostics(text)
        XCTAssertEqual(found.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.code.rawValue)" }, [
            "29:35 STOR006", // the root disk
            "30:35 STOR006", // a disk holding a physical volume
            "31:35 STOR002", // a disk storage-0 does not list (its journal disk is listed and empty)
        ], found.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(found[0].message.contains("root disk"), found[0].message)
    }

    /// The partition records reach a shell line inside single quotes, and the LVM filter quotes
    /// paths between `|` and `"`: no such character, and no uppercase or malformed GUID, loads.
    func testHostileValuesNeverLoad() {
        let disks = """
            - device: "/dev/disk/by-path/x|y"
              node: "/dev/sda'; reboot; '"
              rootfs: true
              partitions:
                - {number: 4, uuid: 0B3C5E0A-8F43-4C1E-9A57-2F6D1C8E4B04, type_guid: 'e6d6d379"', start_mib: -1, size_mib: 0, volume_group: cgts-vg}
                - {number: 129, size_mib: 1, state: resize, volume_group: cinder-volumes}
            """
        let found = validationDiagnostics(Self.inventory(disks: disks))
        XCTAssertEqual(found.map { "\($0.location?.line ?? 0) \($0.code.rawValue)" }, [
            "15 INV014", "16 INV014", "19 INV014", "19 INV014", "19 INV015", "19 INV015", "20 INV015", "20 INV013", "20 INV013",
        ], found.map(\.description).joined(separator: "\n"))
    }

    /// No server holds more than 1,024 disks: more is refused at the first one too many.
    func testAHostHoldsAtMostAThousandAndTwentyFourDisks() {
        let disks = Self.rootDisk + "\n" + (1...1024).map { "- {device: /dev/disk/by-id/d\($0), node: /dev/n\($0)}" }.joined(separator: "\n")
        let found = validationDiagnostics(Self.inventory(disks: disks))
        XCTAssertEqual(found.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.code.rawValue)" }, ["1046:9 STOR012"],
                       found.map(\.description).joined(separator: "\n"))
    }
}
