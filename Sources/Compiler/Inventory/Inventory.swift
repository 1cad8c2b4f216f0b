/// The inventory as read from its files: typed, every value still tied to its source line.
/// It is the output of the load stage and the input of validation.
public struct Inventory: Sendable {
    public var system: SystemSettings
    public var networks: [NetworkType: NetworkPool]
    /// Provider networks of OpenStack guests, which hosts attach through data and PCI interfaces.
    public var dataNetworks: [DataNetwork]
    public var hosts: [InventoryHost]
    public var storage: StorageSettings?
    public var serviceParameters: [ServiceParameter]
    public var applications: [Application]
    public var secrets: SecretSources
    /// The hosts as instances of an OpenStack host cloud (OVB), when the inventory says so.
    public var virtual: VirtualEnvironment? = nil
    /// Every file read, the main one first.
    public var files: [String]
    /// The deployer's stored chart overrides, from `helm-overrides/` beside the inventory.
    public var userOverrides: [StoredOverrides] = []
    /// Applications uploaded beside the inventory (`applications/`).
    public var uploadedApplications: [UploadedApplication] = []
}

public enum NetworkType: String, CaseIterable, Sendable, Comparable {
    case mgmt
    case oam
    case pxeboot
    case clusterHost = "cluster-host"
    case clusterPod = "cluster-pod"
    case clusterService = "cluster-service"
    case multicast

    /// The spelling puppet class names use: `platform::network::cluster_host::params`.
    public var puppetName: String { rawValue.replacingOccurrences(of: "-", with: "_") }

    var summary: String {
        switch self {
        case .mgmt: return "management network"
        case .oam: return "operations, administration and management (external) network"
        case .pxeboot: return "network hosts boot from"
        case .clusterHost: return "network between Kubernetes nodes"
        case .clusterPod: return "Kubernetes pod addresses"
        case .clusterService: return "Kubernetes service addresses"
        case .multicast: return "multicast addresses of platform services"
        }
    }

    public static func < (lhs: NetworkType, rhs: NetworkType) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

public enum SystemType: String, CaseIterable, Sendable {
    case standard
    case allInOne = "all-in-one"

    /// sysinv's spelling, as hiera carries it.
    public var sysinvName: String { self == .standard ? "Standard" : "All-in-one" }
}

public enum SystemMode: String, CaseIterable, Sendable {
    case simplex, duplex
    case duplexDirect = "duplex-direct"
}

public struct SystemSettings: Sendable {
    public var name: Located<String>
    public var type: Located<SystemType>
    public var mode: Located<SystemMode>
    public var description: String?
    public var location: String?
    public var contact: String?
    public var region: Located<String>
    public var timezone: Located<String>
    public var softwareVersion: Located<String>
    public var securityProfile: String
    public var dnsServers: [Located<IPAddress>]
    public var ntpServers: [Located<String>]
    public var httpsEnabled: Located<Bool>
    public var vswitch: Located<VswitchType>
    /// Nil for a system that stands alone.
    public var distributedCloud: Located<DistributedCloudRole>?
    public var kubernetesEnabled: Located<Bool>
    public var kubernetesVersion: Located<String>
    public var drbd: DRBDSettings
    /// Where the `system` section starts: the location of facts derived from the whole system.
    public var sectionLocation: SourceLocation
}

extension SystemSettings {
    /// The platform runs its own vswitch for OpenStack guests; without one, stx-openstack
    /// deploys its openvswitch chart and neutron adds the provider bridges itself.
    public var runsPlatformVswitch: Bool { vswitch.value != .none }

    /// The central system of a distributed cloud, which its subclouds are managed from.
    public var isSystemController: Bool { distributedCloud?.value == .systemController }
}

/// The vswitch the platform runs for OpenStack guests (sysinv's `vswitch_type`).
public enum VswitchType: String, CaseIterable, Sendable {
    case none
    case ovs
    case ovsDPDK = "ovs-dpdk"
}

/// A system's place in a distributed cloud.
public enum DistributedCloudRole: String, CaseIterable, Sendable {
    case systemController = "systemcontroller"
    case subcloud
}

public struct DRBDSettings: Sendable {
    public var linkUtil: Located<Int>
    public var numParallel: Located<Int>
    public var rttMs: Located<Double>
}

public enum DataNetworkType: String, CaseIterable, Sendable {
    case flat, vlan, vxlan
}

public struct DataNetwork: Sendable {
    public var name: Located<String>
    public var type: Located<DataNetworkType>
    public var mtu: Located<Int>
    public var description: String?
    public var location: SourceLocation
}

extension Inventory {
    public func dataNetwork(named name: String) -> DataNetwork? {
        dataNetworks.first { $0.name.value == name }
    }
}

public struct NetworkPool: Sendable {
    public var type: NetworkType
    public var subnet: Located<IPSubnet>
    public var range: (start: Located<IPAddress>, end: Located<IPAddress>)?
    public var gateway: Located<IPAddress>?
    public var floating: Located<IPAddress>?
    public var location: SourceLocation
}

public enum Personality: String, CaseIterable, Sendable {
    case controller, worker, storage
}

/// What a host runs: its personality's functions, plus worker on an all-in-one controller, and
/// `lowlatency` for a worker whose kernel is tuned for latency.
public enum Subfunction: String, CaseIterable, Sendable {
    case controller, worker, storage, lowlatency

    init(_ personality: Personality) {
        switch personality {
        case .controller: self = .controller
        case .worker: self = .worker
        case .storage: self = .storage
        }
    }
}

/// A locked host is out of service: its labels may change, and it takes no workloads.
public enum AdministrativeState: String, CaseIterable, Sendable {
    case locked, unlocked
}

public struct InventoryHost: Sendable {
    public var hostname: Located<String>
    public var personality: Located<Personality>
    public var subfunctions: [Subfunction]
    public var administrative: Located<AdministrativeState>
    public var mgmtMAC: Located<String>?
    /// Nil when the host names no board management field.
    public var boardManagement: BoardManagement?
    public var addresses: [NetworkType: Located<IPAddress>]
    public var interfaces: [Interface]
    public var cpus: CPULayout?
    public var memory: [NUMAMemory]
    public var labels: [Located<Label>]
    /// The disks sysinv's agent reports, with their partitions and LVM physical volumes. Empty:
    /// the inventory does not describe them, and the host gets no partition or LVM keys.
    public var disks: [HostDisk]
    public var location: SourceLocation

    public var name: String { hostname.value }
    public var isController: Bool { personality.value == .controller }
    public var hasWorkerSubfunction: Bool { subfunctions.contains(.worker) }
    public var isLowLatency: Bool { subfunctions.contains(.lowlatency) }
    public var isLocked: Bool { administrative.value == .locked }

    /// sysinv's `_interface_sort_key`: ethernet, then bonds, then VLANs, each by name — the order
    /// ifup needs, and the one bridge numbers follow, so it never depends on the inventory file.
    public var interfacesByType: [Interface] {
        interfaces.sorted(by: Interface.precedesInConfiguration)
    }

    /// The name the OS gives an interface, which puppet configures: an ethernet interface is its
    /// port, a bond its own name, a VLAN `<lower's OS name>.<vlan id>`.
    public func osName(of interface: Interface) -> String {
        switch interface.type {
        case .ethernet:
            return interface.port
        case .bond:
            return interface.name.value
        case .vlan:
            guard let lower = interface.lower, let base = interfaces.first(where: { $0.name.value == lower.value }) else {
                return interface.name.value
            }
            return "\(osName(of: base)).\(interface.vlanID ?? 0)"
        }
    }
}

/// A disk of a host (sysinv's `i_idisk`), as the agent reports it.
public struct HostDisk: Sendable {
    /// The persistent path (`device_path`, `/dev/disk/by-path/…`), which names the partitions.
    public var device: Located<String>
    /// The kernel's name (`device_node`, `/dev/sda`).
    public var node: Located<String>
    public var sizeMiB: Located<Int>?
    /// The disk the platform is installed on (`stor_function: rootfs`).
    public var isRootfs: Bool
    /// The whole disk as a physical volume.
    public var physicalVolume: PhysicalVolume?
    /// A `pv_state` given without a volume group, for the validator to report.
    public var pvStateWithoutGroup: Located<PhysicalVolumeState>?
    public var partitions: [DiskPartition]
    public var location: SourceLocation

    /// The agent's names: `<device_path>-part<n>`, and `<device_node><n>`, or `…p<n>` on NVMe.
    public func path(of partition: DiskPartition) -> String { "\(device.value)-part\(partition.number.value)" }
    public func node(of partition: DiskPartition) -> String {
        node.value + (node.value.contains("nvme") ? "p" : "") + "\(partition.number.value)"
    }
}

/// A GPT partition (sysinv's `partition`), with the change sysinv has pending for it.
public struct DiskPartition: Sendable {
    /// sysinv's type for the partitions it creates: an LVM physical volume.
    public static let userPhysicalVolumeType = "ba5eba11-0000-1111-2222-000000000001"

    public var number: Located<Int>
    /// The partition's unique GUID; nil only for one still to be created.
    public var uuid: Located<String>?
    public var typeGUID: Located<String>?
    public var startMiB: Located<Int>?
    /// The size, or for a partition being resized, its new size.
    public var sizeMiB: Located<Int>
    /// `present` when not given; nil when given but not one of the states (the schema reports
    /// it, and the rules that depend on the state pass over the partition).
    public var state: Located<PartitionState>?
    public var physicalVolume: PhysicalVolume?
    /// A `pv_state` given without a volume group, for the validator to report.
    public var pvStateWithoutGroup: Located<PhysicalVolumeState>?
    public var location: SourceLocation
}

/// What puppet is to do with a partition: check it is there (sysinv's ready and in-use
/// partitions), or create, resize or delete it.
public enum PartitionState: String, CaseIterable, Sendable {
    case present, create, modify, delete
}

/// A disk or partition given to an LVM volume group (sysinv's `i_pv`).
public struct PhysicalVolume: Sendable {
    public var group: Located<VolumeGroup>
    public var state: Located<PhysicalVolumeState>?
    public var location: SourceLocation

    public var isRemoving: Bool { state?.value == .removing }
}

/// The volume groups sysinv manages on a host: the platform's own, and the local storage of
/// virtual machines on hosts with the worker subfunction.
public enum VolumeGroup: String, CaseIterable, Sendable {
    case cgtsVG = "cgts-vg"
    case novaLocal = "nova-local"
}

/// A physical volume being removed stays in LVM's filter until puppet has removed it.
public enum PhysicalVolumeState: String, CaseIterable, Sendable {
    case provisioned, removing
}

/// A host's board management controller (sysinv's `bm_type`, `bm_ip`, `bm_username`), through
/// which maintenance powers and resets it. Its password is a secret, never in the inventory.
public struct BoardManagement: Sendable {
    /// As given, or sysinv's default: dynamic when an address and a user are given, else none.
    /// Nil when given but not a type (the schema reports it; the rules pass over the host).
    public var type: Located<BoardManagementType>?
    public var address: Located<IPAddress>?
    public var username: Located<String>?
    /// A Redfish BMC's system path, which Ironic needs and sysinv does not keep.
    public var systemID: Located<String>?
    /// Which fields the host names, valid or not: a value the schema refused is not missing.
    public var namesType: Bool
    public var namesAddress: Bool
    public var namesUsername: Bool

    /// The name of the BMC password among the secrets.
    public static func passwordSecret(_ hostname: String) -> String { "bm/\(hostname)" }
}

/// sysinv's board management types since 2019-11 (`HOST_BM_VALID_TYPE_LIST`): none deprovisions;
/// dynamic lets maintenance learn whether the BMC speaks IPMI or Redfish.
public enum BoardManagementType: String, CaseIterable, Sendable {
    case none, ipmi, redfish, dynamic

    public var isProvisioned: Bool { self != .none }
}

public struct Label: Hashable, Sendable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

public enum InterfaceType: String, CaseIterable, Sendable {
    case ethernet, bond, vlan

    /// Ports first, then bonds over them, then VLANs over either: the order interfaces are
    /// configured in.
    var layer: Int {
        switch self {
        case .ethernet: 0
        case .bond: 1
        case .vlan: 2
        }
    }
}

/// What an interface carries (sysinv's ifclass): platform networks, a vswitch port for data
/// networks, PCI devices handed to guests and pods, or nothing (a bond member).
public enum InterfaceClass: String, CaseIterable, Sendable {
    case platform
    case data
    case pciSRIOV = "pci-sriov"
    case pciPassthrough = "pci-passthrough"
    case none

    /// The classes that attach data networks; the others carry platform networks or nothing.
    public var attachesDataNetworks: Bool {
        switch self {
        case .data, .pciSRIOV, .pciPassthrough: return true
        case .platform, .none: return false
        }
    }
}

/// How a bond spreads traffic over its members (the Linux bonding `mode`).
public enum BondMode: String, CaseIterable, Sendable {
    case activeBackup = "active-backup"
    case balanceXOR = "balance-xor"
    /// LACP link aggregation.
    case ieee8023ad = "802.3ad"
}

public struct Interface: Sendable {
    public var name: Located<String>
    public var type: InterfaceType
    public var mac: Located<String>?
    public var port: String
    public var members: [Located<String>]
    public var bondMode: BondMode
    public var transmitHashPolicy: String
    public var lower: Located<String>?
    public var vlanID: Int?
    public var mtu: Located<Int>
    public var interfaceClass: InterfaceClass
    public var networks: [Located<NetworkType>]
    /// Names of the data networks the interface attaches (classes data, pci-sriov, pci-passthrough).
    public var dataNetworks: [Located<String>]
    /// The port's PCI address (`0000:00:0a.0`): what SR-IOV and passthrough configuration name.
    public var pciAddress: Located<String>?
    /// Virtual functions the pci-sriov port is split into.
    public var sriovVFs: Located<Int>?
    public var sriovVFDriver: Located<SRIOVDriver>?
    public var location: SourceLocation

    /// The order of `InventoryHost.interfacesByType`: by type (ports, bonds, VLANs), then by name.
    public static func precedesInConfiguration(_ left: Interface, _ right: Interface) -> Bool {
        left.type != right.type ? left.type.layer < right.type.layer : left.name.value < right.name.value
    }
}

/// How SR-IOV VFs are bound: to the NIC's kernel VF driver (netdevice) or to vfio-pci for
/// user-space drivers such as DPDK.
public enum SRIOVDriver: String, CaseIterable, Sendable {
    case netdevice, vfio
}

public struct CPULayout: Sendable {
    public var nodes: Int
    public var coresPerNode: Int
    public var threadsPerCore: Int
    public var platform: [Located<Int>]
    public var vswitch: [Located<Int>]
    public var location: SourceLocation

    public var logicalCount: Int { nodes * coresPerNode * threadsPerCore }

    /// Linux numbering: thread t of core c on node n is `t * nodes * cores + n * cores + c`.
    public func node(of cpu: Int) -> Int {
        (cpu % (nodes * coresPerNode)) / coresPerNode
    }
}

public struct NUMAMemory: Sendable {
    public var node: Int
    public var platformReservedMiB: Int?
    public var vswitchHugepages1G: Int?
    public var vmHugepages2M: Int?
    public var vmHugepages1G: Int?
    public var location: SourceLocation
}

public struct StorageSettings: Sendable {
    public var ceph: CephSettings?
    /// Sizes in GiB of the controllers' filesystems the inventory sets (`controller_fs`), by
    /// sysinv's names; the others keep their defaults.
    public var controllerFilesystems: [String: Located<Int>]
    public var location: SourceLocation
}

/// sysinv's `controller_fs` rows and their bootstrap sizes in GiB on a root disk larger than
/// 240 GiB; `database` is doubled for the DRBD volume that holds it.
public enum ControllerFilesystem: String, CaseIterable, Sendable {
    case database, cgcs, backup, scratch, docker, `extension`, etcd
    case dockerDistribution = "docker-distribution"

    public var defaultGiB: Int {
        switch self {
        case .database, .cgcs: 20
        case .backup: 60
        case .scratch: 8
        case .docker: 30
        case .`extension`: 1
        case .etcd: 5
        case .dockerDistribution: 16
        }
    }
}

/// sysinv's primary Ceph backend (`ceph-store`, on tier `storage`) with its tiers, monitors and
/// OSDs. Replication lives in no hiera key (puppet fixes the pool defaults); the charts and the
/// validation read it.
public struct CephSettings: Sendable {
    /// The backend's name, as sysinv requires for the primary backend.
    public static let backendName = "ceph-store"
    public static let primaryTier = "storage"
    /// `ceph_mon_gib` when the inventory gives none.
    public static let defaultMonitorGiB = 20

    /// The cluster's fsid. sysinv drew a new one at every bootstrap; here it is an input, so that
    /// compiling again never changes the cluster's identity. Nil: derived from the system name.
    public var fsid: Located<String>?
    public var replication: Located<Int>
    public var minReplication: Located<Int>
    public var tiers: [Located<String>]
    /// `ceph_mon_gib`: the size of each monitor's volume, the same on every monitor.
    public var monitorGiB: Located<Int>
    /// Monitor hosts besides the controllers and storage-0 (sysinv's `ceph-mon-add` on a worker).
    public var monitors: [Located<String>]
    public var osds: [CephOSD]
    public var location: SourceLocation

    /// sysinv's defaults: replication 1 on all-in-one simplex, else 2; min_replication 1 for 1
    /// and 2 copies, 2 for 3.
    public static func defaultReplication(simplex: Bool) -> Int { simplex ? 1 : 2 }
    public static func defaultMinReplication(replication: Int) -> Int { replication >= 3 ? 2 : 1 }
}

/// An OSD: a whole disk of a host given to one tier, with its journal on the same disk (the
/// second partition) or on a journal disk of the same host.
public struct CephOSD: Sendable {
    public var host: Located<String>
    /// The disk's persistent path (`/dev/disk/by-path/…`): puppet names the data and journal
    /// partitions after it (`…-part1`, `…-part2`).
    public var device: Located<String>
    /// Nil: the primary tier (`storage`); an inventory with several tiers must name it.
    public var tier: Located<String>?
    public var journal: CephJournal?
    public var location: SourceLocation
}

extension CephOSD {
    public var tierName: String { tier?.value ?? CephSettings.primaryTier }
}

/// A journal on another disk of the OSD's host (an SSD or NVMe disk sysinv keeps as a journal stor).
public struct CephJournal: Sendable {
    /// sysinv's `journal_default_size`, and the size of a collocated journal.
    public static let defaultSizeMiB = 1024

    public var device: Located<String>
    public var sizeMiB: Located<Int>
}

public struct ServiceParameter: Sendable {
    public var service: String
    public var section: String
    public var name: String
    public var value: String
    public var personality: Personality?
    public var resource: String?
    public var location: SourceLocation
}

public struct Application: Sendable {
    public var name: Located<String>
    public var applied: Bool
}

public struct SecretSources: Sendable {
    public var keyFile: Located<String>?
    public var overridesFile: Located<String>?
}
