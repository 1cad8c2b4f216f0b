/// The shape of an inventory, written once: the loader checks input against it (unknown fields,
/// types, allowed values, required fields) and `sysinvc schema` prints it as JSON Schema.
public indirect enum SchemaType: Sendable {
    case string(SchemaStringFormat?, allowed: [String]?)
    case integer(minimum: Int?, maximum: Int?)
    /// A finite number above `above` (exclusive) and at most `maximum`.
    case number(above: Double?, maximum: Double?)
    case boolean
    case list(SchemaType)
    case object([SchemaField])
    /// Free-form keys (labels, per-network values) whose values share one type.
    case dictionary(SchemaType)

    static let text = SchemaType.string(nil, allowed: nil)
    static func oneOf(_ values: [String]) -> SchemaType { .string(nil, allowed: values) }
    /// The raw values of a closed set, in its declared order, so the schema and the decoder agree.
    static func oneOf<Choice: CaseIterable & RawRepresentable>(_: Choice.Type) -> SchemaType where Choice.RawValue == String {
        oneOf(Choice.allCases.map(\.rawValue))
    }
    static func format(_ format: SchemaStringFormat) -> SchemaType { .string(format, allowed: nil) }
}

public enum SchemaStringFormat: String, Sendable {
    case ipAddress = "ip-address"
    case cidr
    case mac
    case hostname
    case path
    case region
    case softwareVersion = "software-version"
    case systemName = "system-name"
    case applicationName = "application-name"
    case server
    case interfaceName = "interface-name"
    case dataNetworkName = "data-network-name"
    case parameterWord = "parameter-word"
    case hieraKey = "hiera-key"
    case timezone
    case tierName = "tier-name"
    case uuid
    case devicePath = "device-path"
    case bmcUsername = "bmc-username"
    case redfishSystemID = "redfish-system-id"
    case cloudURL = "cloud-url"
    case openstackName = "openstack-name"
    case keystoneName = "keystone-name"
    case instancePrefix = "instance-prefix"

    /// The grammar of a format that has one (every format but addresses, MACs and paths).
    var grammar: FieldGrammar? {
        switch self {
        case .hostname: return HostnameRules.grammar
        case .region: return .region
        case .softwareVersion: return .softwareVersion
        case .systemName: return .systemName
        case .applicationName: return .dnsLabel("application name")
        case .server: return .dnsName
        case .interfaceName: return .interfaceName
        case .dataNetworkName: return .dataNetworkName
        case .parameterWord: return .parameterWord("service parameter word")
        case .hieraKey: return .hieraKey
        case .timezone: return .timezone
        case .tierName: return .tierName
        case .uuid: return .uuid
        case .devicePath: return .devicePath
        case .bmcUsername: return .bmcUsername
        case .redfishSystemID: return .redfishSystemID
        case .cloudURL: return .cloudURL
        case .openstackName: return .openstackName
        case .keystoneName: return .keystoneName
        case .instancePrefix: return .instancePrefix
        case .ipAddress, .cidr, .mac, .path: return nil
        }
    }
}

public struct SchemaField: Sendable {
    public let name: String
    public let type: SchemaType
    public let required: Bool
    public let summary: String

    init(_ name: String, _ type: SchemaType, required: Bool = false, _ summary: String) {
        self.name = name
        self.type = type
        self.required = required
        self.summary = summary
    }
}

public enum InventorySchema {
    public static let networkTypes = NetworkType.allCases.map(\.rawValue)

    static let network = SchemaType.object([
        SchemaField("subnet", .format(.cidr), required: true, "the pool's subnet, e.g. 192.168.204.0/24 or fd01::/64"),
        SchemaField("range", .list(.format(.ipAddress)), "first and last address the pool hands out; default subnet[2]..subnet[-2] (oam, multicast, cluster-pod, cluster-service start at subnet[1])"),
        SchemaField("gateway", .format(.ipAddress), "gateway address (controller-gateway-<network>)"),
        SchemaField("floating", .format(.ipAddress), "floating address of the active controller (controller-<network>); allocated from the range when left out"),
    ])

    /// sysinv bounds a port's VFs by the device's sriov_totalvfs, which an inventory does not
    /// know; 1024 is the most any NIC offers per physical function (ConnectX's 1K), so more is a
    /// typo, not a device.
    static let maximumVFs = 1024

    /// The memory of one NUMA node, as an upper bound for what is reserved on it: 4 TiB, more than
    /// a socket of today's servers holds.
    static let nodeMemoryMiB = 4 * 1024 * 1024

    /// The last logical CPU of the largest layout the schema allows (8 nodes of 512 cores, 2 threads).
    static let maximumLogicalCPU = 8 * 512 * 2 - 1

    static let interface = SchemaType.object([
        SchemaField("name", .format(.interfaceName), required: true, "interface name as the OS sees it (enp0s3, bond0, vlan11)"),
        SchemaField("type", .oneOf(InterfaceType.self), "default ethernet"),
        SchemaField("mac", .format(.mac), "MAC address of an ethernet port"),
        SchemaField("port", .format(.interfaceName), "OS port name of an ethernet interface; default its name"),
        SchemaField("members", .list(.text), "bond: names of the ethernet interfaces it aggregates"),
        SchemaField("mode", .oneOf(BondMode.self), "bond mode; default active-backup"),
        SchemaField("transmit_hash_policy", .oneOf(["layer2", "layer2+3", "layer3+4"]), "bond hash policy for balance-xor and 802.3ad; default layer2"),
        SchemaField("lower", .text, "vlan: the interface it runs on"),
        SchemaField("vlan_id", .integer(minimum: 1, maximum: 4094), "vlan: the 802.1Q id"),
        SchemaField("mtu", .integer(minimum: 576, maximum: 9216), "default 1500"),
        SchemaField("class", .oneOf(InterfaceClass.self), "default platform when it carries networks, else none"),
        SchemaField("networks", .list(.oneOf(networkTypes)), "platform networks this interface carries"),
        SchemaField("data_networks", .list(.text), "names from data_networks this interface attaches; classes data, pci-sriov and pci-passthrough only"),
        SchemaField("pci_address", .text, "PCI address of the port, e.g. 0000:00:0a.0; required for pci-sriov and pci-passthrough"),
        SchemaField("sriov_vfs", .integer(minimum: 1, maximum: maximumVFs), "pci-sriov: number of virtual functions to create; required"),
        SchemaField("sriov_vf_driver", .oneOf(SRIOVDriver.self), "pci-sriov: bind VFs to the kernel's VF driver (netdevice, default) or vfio-pci (vfio)"),
    ])

    static let dataNetwork = SchemaType.object([
        SchemaField("name", .format(.dataNetworkName), required: true, "provider network name guests attach to, e.g. physnet0"),
        SchemaField("type", .oneOf(DataNetworkType.self), required: true, "flat (untagged), vlan (802.1Q tenant segments) or vxlan (tunnelled)"),
        SchemaField("mtu", .integer(minimum: 576, maximum: 9216), "largest frame guests may send; default 1500; every interface attaching it needs at least this MTU"),
        SchemaField("description", .text, "free text"),
    ])

    /// The largest disk or partition size in MiB: 1 EiB.
    static let maximumMiB = 1 << 40

    static let physicalVolumeFields = [
        SchemaField("volume_group", .oneOf(VolumeGroup.self), "the LVM volume group this is a physical volume of: cgts-vg (the platform's), or nova-local (instances' local disks, worker subfunction only)"),
        SchemaField("pv_state", .oneOf(PhysicalVolumeState.self), "removing: a nova-local physical volume on its way out, kept in LVM's filter until puppet removes it; default provisioned"),
    ]

    static let partition = SchemaType.object([
        SchemaField("number", .integer(minimum: 1, maximum: 128), required: true, "GPT partition number: the partition is <disk device>-part<number>"),
        SchemaField("uuid", .format(.uuid), "the partition's unique GUID (sgdisk -i); required unless state is create"),
        SchemaField("type_guid", .format(.uuid), "partition type GUID; required unless state is create, which defaults to sysinv's LVM type \(DiskPartition.userPhysicalVolumeType)"),
        SchemaField("start_mib", .integer(minimum: 0, maximum: maximumMiB), "first MiB on the disk; required unless state is create"),
        SchemaField("size_mib", .integer(minimum: 1, maximum: maximumMiB), required: true, "size in MiB; with state modify, the new size"),
        SchemaField("state", .oneOf(PartitionState.self), "present (default: puppet checks it), or the change puppet is to make: create, modify (resize) or delete"),
    ] + physicalVolumeFields)

    static let disk = SchemaType.object([
        SchemaField("device", .format(.devicePath), required: true, "the disk's persistent path (device_path), e.g. /dev/disk/by-path/pci-0000:00:1f.2-ata-1.0"),
        SchemaField("node", .format(.devicePath), required: true, "the kernel's name for it (device_node), e.g. /dev/sda"),
        SchemaField("size_mib", .integer(minimum: 1, maximum: maximumMiB), "size in MiB; the partitions must fit"),
        SchemaField("rootfs", .boolean, "the disk the platform is installed on; default false"),
        SchemaField("partitions", .list(partition), "its GPT partitions, as the agent reports them"),
    ] + physicalVolumeFields.map { field in
        SchemaField(field.name, field.type, "the whole disk: " + field.summary)
    })

    static let host = SchemaType.object([
        SchemaField("hostname", .format(.hostname), required: true, "controller-0, controller-1, storage-N or any RFC 1123 name for workers"),
        SchemaField("personality", .oneOf(Personality.self), required: true, "what the host is"),
        SchemaField("subfunctions", .list(.oneOf(Subfunction.self)), "default: the personality, plus worker on all-in-one controllers"),
        SchemaField("administrative", .oneOf(AdministrativeState.self), "administrative state; default locked"),
        SchemaField("mgmt_mac", .format(.mac), "MAC of the port the host boots from on the management network"),
        SchemaField("bm_type", .oneOf(BoardManagementType.self), "board management: none, ipmi, redfish or dynamic (maintenance learns which); default dynamic when bm_ip and bm_username are given, else none"),
        SchemaField("bm_ip", .format(.ipAddress), "the board management controller's address, of the OAM network's IP version"),
        SchemaField("bm_username", .format(.bmcUsername), "the BMC user; its password is the secret bm/<hostname> (secrets file), never in the inventory"),
        SchemaField("bm_system_id", .format(.redfishSystemID), "a Redfish BMC's system, e.g. /redfish/v1/Systems/1: not sysinv's, but Ironic and tripleo need it (host-export, host-import)"),
        SchemaField("addresses", .object(NetworkType.allCases.map { SchemaField($0.rawValue, .format(.ipAddress), "unit address on \($0.rawValue)") }),
                    "explicit unit addresses by network (mgmt, oam, cluster-host, pxeboot); others are allocated"),
        SchemaField("interfaces", .list(interface), "ethernet, bond and vlan interfaces"),
        SchemaField("cpus", .object([
            SchemaField("nodes", .integer(minimum: 1, maximum: 8), "NUMA nodes (processors); default 1"),
            SchemaField("cores_per_node", .integer(minimum: 1, maximum: 512), required: true, "physical cores on each node"),
            SchemaField("threads_per_core", .integer(minimum: 1, maximum: 2), "default 1"),
            SchemaField("platform", .list(.integer(minimum: 0, maximum: maximumLogicalCPU)), "logical CPUs reserved for the platform"),
            SchemaField("vswitch", .list(.integer(minimum: 0, maximum: maximumLogicalCPU)), "logical CPUs reserved for the vswitch"),
        ]), "CPU layout and the CPUs reserved for platform and vswitch; the rest run applications"),
        SchemaField("memory", .list(.object([
            SchemaField("node", .integer(minimum: 0, maximum: 7), required: true, "NUMA node"),
            SchemaField("platform_reserved_mib", .integer(minimum: 0, maximum: nodeMemoryMiB), "memory reserved for the platform"),
            SchemaField("vswitch_hugepages_1G", .integer(minimum: 0, maximum: nodeMemoryMiB / 1024), "1G pages for the vswitch"),
            SchemaField("vm_hugepages_2M", .integer(minimum: 0, maximum: nodeMemoryMiB / 2), "2M pages for applications"),
            SchemaField("vm_hugepages_1G", .integer(minimum: 0, maximum: nodeMemoryMiB / 1024), "1G pages for applications"),
        ])), "memory per NUMA node"),
        SchemaField("labels", .dictionary(.text), "Kubernetes node labels (key: value)"),
        SchemaField("disks", .list(disk), "disks with their partitions and LVM physical volumes; a host that lists them gets 013_storage's partition and LVM filter keys"),
    ])

    static let system = SchemaType.object([
        SchemaField("name", .format(.systemName), required: true, "system name"),
        SchemaField("type", .oneOf(SystemType.self), required: true, "system type"),
        SchemaField("mode", .oneOf(SystemMode.self), required: true, "system mode"),
        SchemaField("description", .text, "free text"),
        SchemaField("location", .text, "free text"),
        SchemaField("contact", .text, "free text"),
        SchemaField("region", .format(.region), "keystone region; default RegionOne"),
        SchemaField("timezone", .format(.timezone), "default UTC"),
        SchemaField("software_version", .format(.softwareVersion), "platform release, e.g. \"19.01\" (quote it)"),
        SchemaField("security_profile", .oneOf(["standard", "extended"]), "default standard"),
        SchemaField("dns", .list(.format(.ipAddress)), "name servers"),
        SchemaField("ntp", .list(.format(.server)), "NTP servers"),
        SchemaField("https", .boolean, "serve public endpoints over https; default false"),
        SchemaField("vswitch", .oneOf(VswitchType.self), "vswitch type; default none"),
        SchemaField("distributed_cloud_role", .oneOf(DistributedCloudRole.self), "distributed cloud role, if any"),
        SchemaField("kubernetes", .object([
            SchemaField("enabled", .boolean, "default true"),
            SchemaField("version", .text, "Kubernetes version, e.g. 1.29.2"),
        ]), "the Kubernetes cluster of the platform"),
        SchemaField("drbd", .object([
            SchemaField("link_util", .integer(minimum: 1, maximum: 100), "percent of the link DRBD may use; default 40"),
            SchemaField("num_parallel", .integer(minimum: 1, maximum: 8), "default 1"),
            SchemaField("rtt_ms", .number(above: 0, maximum: 1000), "round-trip time to the peer controller in milliseconds, above 0 and at most 1000; default 0.2"),
        ]), "DRBD replication tuning"),
    ])

    static let storage = SchemaType.object([
        SchemaField("ceph", .object([
            SchemaField("fsid", .format(.uuid), "the cluster's fsid (a UUID); keep it for the cluster's life. Default: derived from the system name"),
            SchemaField("replication", .integer(minimum: 1, maximum: 3), "copies of each object: 1 to 3 on all-in-one simplex, 2 or 3 elsewhere; default 1 on simplex, else 2"),
            SchemaField("min_replication", .integer(minimum: 1, maximum: 2), "copies a write waits for: 1, or 1 or 2 with replication 3; default 1, 2 with replication 3"),
            SchemaField("tiers", .list(.format(.tierName)), "storage tiers, the first being storage; default [storage]"),
            SchemaField("monitor_gib", .integer(minimum: 20, maximum: 40), "size of each monitor's volume in GiB (ceph_mon_gib), 20 to 40; default 20"),
            SchemaField("monitors", .list(.format(.hostname)), "a monitor host besides the controllers and storage-0: one worker, on a standard system without storage hosts"),
            SchemaField("osds", .list(.object([
                SchemaField("host", .format(.hostname), required: true, "host holding the disk: a storage host, or a controller on all-in-one or with a worker monitor"),
                SchemaField("device", .format(.devicePath), required: true, "the disk's persistent path, e.g. /dev/disk/by-path/pci-0000:00:0d.0-ata-2.0"),
                SchemaField("tier", .format(.tierName), "default storage"),
                SchemaField("journal", .object([
                    SchemaField("device", .format(.devicePath), required: true, "an SSD or NVMe disk of the same host holding journals"),
                    SchemaField("size_mib", .integer(minimum: 200, maximum: 10240), "journal size in MiB, 200 to 10240; default 1024"),
                ]), "a journal on another disk; default: on the OSD's own disk"),
            ])), "object storage daemons, one per disk"),
        ]), "the Ceph backend (ceph-store)"),
        SchemaField("controller_filesystems", .object(ControllerFilesystem.allCases.map { filesystem in
            SchemaField(filesystem.rawValue, .integer(minimum: 1, maximum: 10240), "size in GiB; default \(filesystem.defaultGiB)")
        }), "sizes of the controllers' filesystems (sysinv's controller_fs)"),
    ])

    static let virtualFlavor = SchemaType.object([
        SchemaField("name", .format(.openstackName), required: true, "the host cloud's flavor (OVB's baremetal_flavor), at least 1 vCPU, 4 GiB and 50 GiB"),
        SchemaField("vcpus", .integer(minimum: 1, maximum: 1024), "its vCPUs; default the most logical CPUs a host of the personality has (cpus)"),
        SchemaField("ram_mib", .integer(minimum: 4096, maximum: nodeMemoryMiB * 8), required: true, "its memory in MiB"),
        SchemaField("disk_gib", .integer(minimum: 50, maximum: 1 << 20), "its root disk in GiB; default the largest root disk a host of the personality lists (disks)"),
    ])

    static let virtual = SchemaType.object([
        SchemaField("cloud", .object([
            SchemaField("auth_url", .format(.cloudURL), required: true, "the host cloud's Keystone endpoint, e.g. https://cloud.example.com:5000/v3"),
            SchemaField("username", .format(.keystoneName), required: true, "the user OVB deploys as and the virtual BMCs power instances as; its password is the secret \(VirtualEnvironment.cloudPasswordSecret)"),
            SchemaField("project", .format(.keystoneName), required: true, "the project the instances belong to"),
            SchemaField("user_domain", .format(.keystoneName), "default Default"),
            SchemaField("project_domain", .format(.keystoneName), "default Default"),
            SchemaField("region", .format(.region), "the host cloud's region, if it has several"),
        ]), required: true, "the OpenStack cloud the hosts run on"),
        SchemaField("key_name", .format(.openstackName), "Nova keypair of the BMC instances; default default"),
        SchemaField("image", .format(.openstackName), "image the host instances boot, an iPXE image; default ipxe-boot"),
        SchemaField("prefix", .format(.instancePrefix), "prefix of the host instances and their ports (OVB's baremetal_prefix); default baremetal"),
        SchemaField("networks", .object([
            SchemaField("external", .format(.openstackName), "network floating addresses come from; default external"),
            SchemaField("private", .format(.openstackName), "existing routed network the BMC instances reach the cloud's API on; default private"),
            SchemaField("provision", .format(.openstackName), "network OVB creates, without DHCP or port security, for pxeboot and mgmt; default provision"),
            SchemaField("public", .format(.openstackName), "network OVB creates the same way with the OAM subnet, for the controllers' OAM ports and the BMC addresses; default public"),
            SchemaField("mtu", .integer(minimum: 1280, maximum: 9000), "the largest packet the host cloud's tenant networks carry; default \(VirtualEnvironment.defaultNetworkMTU) (1500 less VXLAN's 50)"),
        ]), "the host cloud's networks"),
        SchemaField("bmc", .object([
            SchemaField("flavor", .format(.openstackName), "flavor of the BMC instances; default m1.small"),
            SchemaField("image", .format(.openstackName), "image of the BMC instances, a cloud image with python3; default CentOS-7-x86_64-GenericCloud"),
            SchemaField("prefix", .format(.instancePrefix), "prefix of the BMC instances and their per-host ports (OVB's bmc_prefix); default bmc"),
        ]), "the virtual BMCs, one instance per personality"),
        SchemaField("flavors", .object(Personality.allCases.map { personality in
            SchemaField(personality.rawValue, virtualFlavor, "flavor of the \(personality.rawValue) instances")
        }), required: true, "flavors by personality"),
    ])

    /// The whole inventory document.
    public static let root = SchemaType.object([
        SchemaField("include", .list(.format(.path)), "other inventory files merged into this one (paths relative to this file)"),
        SchemaField("system", system, required: true, "the system"),
        SchemaField("networks", .object(NetworkType.allCases.map { SchemaField($0.rawValue, network, $0.summary) }), "address pools by network type"),
        SchemaField("data_networks", .list(dataNetwork), "provider networks of OpenStack guests, attached through data and PCI interfaces"),
        SchemaField("hosts", .list(host), "hosts of the system"),
        SchemaField("storage", storage, "storage backends"),
        SchemaField("service_parameters", .list(.object([
            SchemaField("service", .format(.parameterWord), required: true, "e.g. docker"),
            SchemaField("section", .format(.parameterWord), required: true, "e.g. proxy"),
            SchemaField("name", .format(.parameterWord), required: true, "e.g. http_proxy"),
            SchemaField("value", .text, required: true, "the value"),
            SchemaField("personality", .oneOf(Personality.self), "limit to hosts of this personality"),
            SchemaField("resource", .format(.hieraKey), "explicit hiera key the value is written to"),
        ])), "service parameters; applied last, they override generated values"),
        SchemaField("applications", .list(.object([
            SchemaField("name", .format(.applicationName), required: true, "e.g. stx-openstack"),
            SchemaField("applied", .boolean, "default false"),
        ])), "applications uploaded to the system"),
        SchemaField("secrets", .object([
            SchemaField("key_file", .format(.path), "file holding the key every secret is derived from (relative to this file)"),
            SchemaField("overrides", .format(.path), "YAML file of name: value pairs that replace derived secrets"),
        ]), "where secrets come from; they are never written in the inventory"),
        SchemaField("virtual", virtual, "the hosts are instances of an OpenStack host cloud (OpenStack Virtual Baremetal): compile also writes virtual/"),
    ])
}
