import Compiler
import Plugins
import XCTest

/// 013_storage's host part, for a worker whose disks carry every kind of pending change: a
/// partition to create, one to resize, one to delete, a nova-local disk being removed, an NVMe
/// disk. The expected values were printed by sysinv 19.01's own `StoragePuppet.get_host_config`
/// under Python 2.7 for the same disks, partitions and physical volumes given as database rows
/// (with this host's derived uuids): they are sysinv's bytes, Python 2's key and set orders
/// included.
final class StorageHostHieraTests: XCTestCase {
    static let inventory = """
        system:
          name: disks
          type: standard
          mode: duplex
          software_version: "19.01"
          kubernetes: {enabled: true, version: 1.29.2}
        \(InventoryText.networks)
        hosts:
          - {hostname: controller-0, personality: controller, interfaces: [{name: enp0s3, networks: [oam, mgmt, pxeboot, cluster-host]}]}
          - {hostname: controller-1, personality: controller, interfaces: [{name: enp0s3, networks: [oam, mgmt, pxeboot, cluster-host]}]}
          - hostname: worker-0
            personality: worker
            interfaces:
              - {name: enp0s8, networks: [mgmt]}
              - {name: enp0s9, networks: [cluster-host]}
            disks:
              - device: /dev/disk/by-path/pci-0000:00:1f.2-ata-1.0
                node: /dev/sda
                size_mib: 228936
                rootfs: true
                partitions:
                  - {number: 1, uuid: 0b3c5e0a-8f43-4c1e-9a57-2f6d1c8e4b01, type_guid: 21686148-6449-6e6f-744e-656564454649, start_mib: 1, size_mib: 1}
                  - {number: 2, uuid: 0b3c5e0a-8f43-4c1e-9a57-2f6d1c8e4b02, type_guid: 0fc63daf-8483-4772-8e79-3d69d8477de4, start_mib: 2, size_mib: 500}
                  - {number: 3, uuid: 0b3c5e0a-8f43-4c1e-9a57-2f6d1c8e4b03, type_guid: 0fc63daf-8483-4772-8e79-3d69d8477de4, start_mib: 502, size_mib: 20000}
                  - {number: 4, uuid: 0b3c5e0a-8f43-4c1e-9a57-2f6d1c8e4b04, type_guid: e6d6d379-f507-44c2-a23c-238f2a3df928, start_mib: 20502, size_mib: 60416, volume_group: cgts-vg}
                  - {number: 5, uuid: 0b3c5e0a-8f43-4c1e-9a57-2f6d1c8e4b05, type_guid: ba5eba11-0000-1111-2222-000000000001, start_mib: 80918, size_mib: 30000, state: modify, volume_group: nova-local}
                  - {number: 6, size_mib: 10240, state: create, volume_group: cgts-vg}
              - device: /dev/disk/by-path/pci-0000:00:1f.2-ata-2.0
                node: /dev/sdb
                volume_group: nova-local
                pv_state: removing
              - device: /dev/disk/by-path/pci-0000:85:00.0-nvme-1
                node: /dev/nvme0n1
                size_mib: 915715
                partitions:
                  - {number: 1, uuid: 0b3c5e0a-8f43-4c1e-9a57-2f6d1c8e4b11, type_guid: ba5eba11-0000-1111-2222-000000000001, start_mib: 1, size_mib: 400000, volume_group: nova-local}
                  - {number: 2, uuid: 0b3c5e0a-8f43-4c1e-9a57-2f6d1c8e4b12, type_guid: ba5eba11-0000-1111-2222-000000000001, start_mib: 400001, size_mib: 1000, state: delete}
          - hostname: worker-1
            personality: worker
            interfaces:
              - {name: enp0s8, networks: [mgmt]}
              - {name: enp0s9, networks: [cluster-host]}
        """

    func testAWorkersPartitionActionsAndVolumesAreSysinvs() throws {
        let tree = try KubernetesFixture.compile(Self.inventory)
        let worker = try XCTUnwrap(tree.hiera[.host("worker-0")])
        let expected: [String: YAMLValue] = [
            "platform::lvm::params::final_filter": .string("[ \"a|/dev/disk/by-path/pci-0000:00:1f.2-ata-1.0-part4|\", \"a|/dev/disk/by-path/pci-0000:00:1f.2-ata-1.0-part6|\", \"a|/dev/disk/by-path/pci-0000:00:1f.2-ata-1.0-part5|\", \"a|/dev/disk/by-path/pci-0000:85:00.0-nvme-1-part1|\", \"r|.*|\" ]"),
            "platform::lvm::params::transition_filter": .string("[ \"a|/dev/disk/by-path/pci-0000:85:00.0-nvme-1-part1|\", \"a|/dev/disk/by-path/pci-0000:00:1f.2-ata-1.0-part6|\", \"a|/dev/disk/by-path/pci-0000:00:1f.2-ata-2.0|\", \"a|/dev/disk/by-path/pci-0000:00:1f.2-ata-1.0-part4|\", \"a|/dev/disk/by-path/pci-0000:00:1f.2-ata-1.0-part5|\", \"r|.*|\" ]"),
            "platform::lvm::vg::cgts_vg::physical_volumes": ["/dev/disk/by-path/pci-0000:00:1f.2-ata-1.0-part4", "/dev/disk/by-path/pci-0000:00:1f.2-ata-1.0-part6"],
            "platform::lvm::vg::cinder_volumes::physical_volumes": [],
            "platform::lvm::vg::nova_local::physical_volumes": ["/dev/disk/by-path/pci-0000:00:1f.2-ata-1.0-part5", "/dev/disk/by-path/pci-0000:85:00.0-nvme-1-part1"],
            "platform::partitions::params::check_config": .string("[{\"device_path\": \"/dev/disk/by-path/pci-0000:00:1f.2-ata-1.0-part1\", \"start_mib\": 1, \"uuid\": \"0b3c5e0a-8f43-4c1e-9a57-2f6d1c8e4b01\", \"device_node\": \"/dev/sda1\", \"disk_device_path\": \"/dev/disk/by-path/pci-0000:00:1f.2-ata-1.0\", \"type_guid\": \"21686148-6449-6e6f-744e-656564454649\", \"size_mib\": 1}, {\"device_path\": \"/dev/disk/by-path/pci-0000:00:1f.2-ata-1.0-part2\", \"start_mib\": 2, \"uuid\": \"0b3c5e0a-8f43-4c1e-9a57-2f6d1c8e4b02\", \"device_node\": \"/dev/sda2\", \"disk_device_path\": \"/dev/disk/by-path/pci-0000:00:1f.2-ata-1.0\", \"type_guid\": \"0fc63daf-8483-4772-8e79-3d69d8477de4\", \"size_mib\": 500}, {\"device_path\": \"/dev/disk/by-path/pci-0000:00:1f.2-ata-1.0-part3\", \"start_mib\": 502, \"uuid\": \"0b3c5e0a-8f43-4c1e-9a57-2f6d1c8e4b03\", \"device_node\": \"/dev/sda3\", \"disk_device_path\": \"/dev/disk/by-path/pci-0000:00:1f.2-ata-1.0\", \"type_guid\": \"0fc63daf-8483-4772-8e79-3d69d8477de4\", \"size_mib\": 20000}, {\"device_path\": \"/dev/disk/by-path/pci-0000:00:1f.2-ata-1.0-part4\", \"start_mib\": 20502, \"uuid\": \"0b3c5e0a-8f43-4c1e-9a57-2f6d1c8e4b04\", \"device_node\": \"/dev/sda4\", \"disk_device_path\": \"/dev/disk/by-path/pci-0000:00:1f.2-ata-1.0\", \"type_guid\": \"e6d6d379-f507-44c2-a23c-238f2a3df928\", \"size_mib\": 60416}, {\"device_path\": \"/dev/disk/by-path/pci-0000:85:00.0-nvme-1-part1\", \"start_mib\": 1, \"uuid\": \"0b3c5e0a-8f43-4c1e-9a57-2f6d1c8e4b11\", \"device_node\": \"/dev/nvme0n1p1\", \"disk_device_path\": \"/dev/disk/by-path/pci-0000:85:00.0-nvme-1\", \"type_guid\": \"ba5eba11-0000-1111-2222-000000000001\", \"size_mib\": 400000}]"),
            "platform::partitions::params::create_config": .string("[{\"ihost_uuid\": \"20df27fe-4fb4-5655-b189-c9c358a0bed8\", \"disk_device_path\": \"/dev/disk/by-path/pci-0000:00:1f.2-ata-1.0\", \"req_size_mib\": 10240, \"part_device_path\": \"/dev/disk/by-path/pci-0000:00:1f.2-ata-1.0-part6\", \"req_guid\": \"ba5eba11-0000-1111-2222-000000000001\", \"req_uuid\": \"c434cc1a-0d36-579a-9c85-ae215867c796\"}]"),
            "platform::partitions::params::delete_config": .string("[{\"ihost_uuid\": \"20df27fe-4fb4-5655-b189-c9c358a0bed8\", \"part_device_path\": \"/dev/disk/by-path/pci-0000:85:00.0-nvme-1-part2\", \"current_uuid\": \"0b3c5e0a-8f43-4c1e-9a57-2f6d1c8e4b12\"}]"),
            "platform::partitions::params::modify_config": .string("[{\"start_mib\": 80918, \"current_uuid\": \"0b3c5e0a-8f43-4c1e-9a57-2f6d1c8e4b05\", \"part_device_path\": \"/dev/disk/by-path/pci-0000:00:1f.2-ata-1.0-part5\", \"new_size_mib\": 30000, \"req_guid\": \"ba5eba11-0000-1111-2222-000000000001\", \"ihost_uuid\": \"20df27fe-4fb4-5655-b189-c9c358a0bed8\"}]"),
            "platform::partitions::params::shutdown_drbd_resource": .null,
        ]
        for (key, value) in expected {
            XCTAssertEqual(worker[key], value, key)
        }
    }

    /// A host that lists no disks gets none of these keys: puppet keeps its own defaults rather
    /// than a filter that would hide the platform's volume group.
    func testAHostWithoutDisksGetsNoPartitionOrLVMKeys() throws {
        let tree = try KubernetesFixture.compile(Self.inventory)
        let worker = try XCTUnwrap(tree.hiera[.host("worker-1")])
        XCTAssertEqual(worker.keys.filter { $0.hasPrefix("platform::lvm::") || $0.hasPrefix("platform::partitions::") }, [])
    }
}
