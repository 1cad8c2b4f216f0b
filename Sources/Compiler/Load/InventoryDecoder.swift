/// Builds the typed `Inventory` from a tree that passed the schema check, filling defaults.
struct InventoryDecoder {
    let files: [String]
    private(set) var diagnostics: [Diagnostic] = []

    init(files: [String]) {
        self.files = files
    }

    mutating func decode(_ root: SourceNode) -> Inventory {
        let top = MappingReader(root)
        let system = decodeSystem(top.section("system"))
        let secrets = top.section("secrets")
        return Inventory(
            system: system,
            networks: decodeNetworks(top.section("networks")),
            dataNetworks: top.list("data_networks").map(decodeDataNetwork),
            hosts: top.list("hosts").map { decodeHost(MappingReader($0), system: system) },
            storage: top["storage"].map { decodeStorage($0, system: system) },
            serviceParameters: top.list("service_parameters").map(decodeServiceParameter),
            applications: top.list("applications").map { node in
                let item = MappingReader(node)
                return Application(name: item.string("name", default: ""), applied: item.bool("applied", default: false).value)
            },
            secrets: SecretSources(keyFile: secrets.string("key_file"), overridesFile: secrets.string("overrides")),
            virtual: top["virtual"].map { decodeVirtual(MappingReader($0)) },
            files: files
        )
    }

    private func decodeSystem(_ system: MappingReader) -> SystemSettings {
        let kubernetes = system.section("kubernetes")
        let drbd = system.section("drbd")
        let here = system.location
        return SystemSettings(
            name: system.string("name", default: ""),
            type: system.oneOf("type", default: SystemType.standard),
            mode: system.oneOf("mode", default: SystemMode.duplex),
            description: system.string("description")?.value,
            location: system.string("location")?.value,
            contact: system.string("contact")?.value,
            region: system.string("region", default: "RegionOne"),
            timezone: system.string("timezone", default: "UTC"),
            softwareVersion: system.string("software_version", default: "19.01"),
            securityProfile: system.string("security_profile")?.value ?? "standard",
            dnsServers: system.strings("dns").compactMap { item in IPAddress(item.value).map { Located($0, at: item.location) } },
            ntpServers: system.strings("ntp"),
            httpsEnabled: system.bool("https", default: false),
            vswitch: system.oneOf("vswitch", default: VswitchType.none),
            distributedCloud: system.oneOf("distributed_cloud_role"),
            kubernetesEnabled: kubernetes.isPresent ? kubernetes.bool("enabled", default: true) : Located(true, at: here),
            kubernetesVersion: kubernetes.string("version", default: "1.29.2"),
            drbd: DRBDSettings(
                linkUtil: drbd.int("link_util") ?? Located(40, at: here),
                numParallel: drbd.int("num_parallel") ?? Located(1, at: here),
                rttMs: drbd.double("rtt_ms") ?? Located(0.2, at: here)
            ),
            sectionLocation: here
        )
    }

    private mutating func decodeNetworks(_ networks: MappingReader) -> [NetworkType: NetworkPool] {
        var result: [NetworkType: NetworkPool] = [:]
        for pair in networks.pairs {
            guard let type = NetworkType(rawValue: pair.key.value) else { continue }
            let pool = MappingReader(pair.value)
            guard let cidr = pool.scalar("subnet"), case let .success(subnet) = IPSubnet.parse(cidr.text) else { continue }
            let range = pool.strings("range").compactMap { item in IPAddress(item.value).map { Located($0, at: item.location) } }
            result[type] = NetworkPool(
                type: type,
                subnet: Located(subnet, at: cidr.location),
                range: range.count == 2 ? (range[0], range[1]) : nil,
                gateway: pool.address("gateway"),
                floating: pool.address("floating"),
                location: pair.key.location
            )
            if pool.list("range").count != 2, pool["range"] != nil {
                // reported here because the schema cannot say "exactly two"
                diagnostics.append(Diagnostic(.invalidRange, "networks.\(type.rawValue).range must list exactly two addresses: first and last", at: pool["range"]!.location))
            }
        }
        return result
    }

    private func decodeHost(_ host: MappingReader, system: SystemSettings) -> InventoryHost {
        let personality = host.oneOf("personality", default: Personality.worker)
        var subfunctions = host.strings("subfunctions").compactMap { Subfunction(rawValue: $0.value) }
        if subfunctions.isEmpty {
            subfunctions = [Subfunction(personality.value)]
            if personality.value == .controller && system.type.value == .allInOne { subfunctions.append(.worker) }
        }
        var addresses: [NetworkType: Located<IPAddress>] = [:]
        for pair in host.section("addresses").pairs {
            guard let type = NetworkType(rawValue: pair.key.value), case let .scalar(scalar) = pair.value,
                  let address = IPAddress(scalar.text) else { continue }
            addresses[type] = Located(address, at: scalar.location)
        }
        let cpus = host.section("cpus")
        return InventoryHost(
            hostname: host.string("hostname", default: ""),
            personality: personality,
            subfunctions: subfunctions,
            administrative: host.oneOf("administrative", default: AdministrativeState.locked),
            mgmtMAC: host.string("mgmt_mac").map { Located($0.value.lowercased(), at: $0.location) },
            boardManagement: decodeBoardManagement(host),
            addresses: addresses,
            interfaces: host.list("interfaces").map { decodeInterface(MappingReader($0)) },
            cpus: cpus.isPresent ? CPULayout(
                nodes: cpus.int("nodes")?.value ?? 1,
                coresPerNode: cpus.int("cores_per_node")?.value ?? 1,
                threadsPerCore: cpus.int("threads_per_core")?.value ?? 1,
                platform: cpus.ints("platform"),
                vswitch: cpus.ints("vswitch"),
                location: cpus.location
            ) : nil,
            memory: host.list("memory").map { node in
                let memory = MappingReader(node)
                return NUMAMemory(
                    node: memory.int("node")?.value ?? 0,
                    platformReservedMiB: memory.int("platform_reserved_mib")?.value,
                    vswitchHugepages1G: memory.int("vswitch_hugepages_1G")?.value,
                    vmHugepages2M: memory.int("vm_hugepages_2M")?.value,
                    vmHugepages1G: memory.int("vm_hugepages_1G")?.value,
                    location: memory.location
                )
            },
            labels: host.section("labels").pairs.map { pair in
                let value: String
                if case let .scalar(scalar) = pair.value { value = scalar.text } else { value = "" }
                return Located(Label(key: pair.key.value, value: value), at: pair.key.location)
            },
            disks: host.list("disks").map { decodeDisk(MappingReader($0)) },
            location: host.location
        )
    }

    /// sysinv's host-add default: a host given a BMC address and user but no type gets dynamic.
    private func decodeBoardManagement(_ host: MappingReader) -> BoardManagement? {
        let address = host.address("bm_ip"), username = host.string("bm_username")
        guard ["bm_type", "bm_ip", "bm_username", "bm_system_id"].contains(where: { host[$0] != nil }) else { return nil }
        let type: Located<BoardManagementType>? = host["bm_type"] == nil
            ? Located(address != nil && username != nil ? .dynamic : .none, at: host.location)
            : host.oneOf("bm_type")
        return BoardManagement(type: type, address: address, username: username, systemID: host.string("bm_system_id"), namesType: host["bm_type"] != nil,
                               namesAddress: host["bm_ip"] != nil, namesUsername: host["bm_username"] != nil)
    }

    private func decodeDisk(_ disk: MappingReader) -> HostDisk {
        HostDisk(
            device: disk.string("device", default: ""),
            node: disk.string("node", default: ""),
            sizeMiB: disk.int("size_mib"),
            isRootfs: disk.bool("rootfs", default: false).value,
            physicalVolume: decodePhysicalVolume(disk),
            pvStateWithoutGroup: disk["volume_group"] == nil ? disk.oneOf("pv_state") : nil,
            partitions: disk.list("partitions").map { node in
                let partition = MappingReader(node)
                return DiskPartition(
                    number: partition.int("number") ?? Located(0, at: partition.location),
                    uuid: partition.string("uuid"),
                    typeGUID: partition.string("type_guid"),
                    startMiB: partition.int("start_mib"),
                    sizeMiB: partition.int("size_mib") ?? Located(0, at: partition.location),
                    state: partition["state"] == nil ? Located(.present, at: partition.location) : partition.oneOf("state"),
                    physicalVolume: decodePhysicalVolume(partition),
                    pvStateWithoutGroup: partition["volume_group"] == nil ? partition.oneOf("pv_state") : nil,
                    location: partition.location)
            },
            location: disk.location)
    }

    /// `volume_group` and `pv_state` of a disk or partition.
    private func decodePhysicalVolume(_ mapping: MappingReader) -> PhysicalVolume? {
        guard let group: Located<VolumeGroup> = mapping.oneOf("volume_group") else { return nil }
        return PhysicalVolume(group: group, state: mapping.oneOf("pv_state"), location: group.location)
    }

    private func decodeInterface(_ interface: MappingReader) -> Interface {
        let name = interface.string("name", default: "")
        let networks = interface.strings("networks").compactMap { item in
            NetworkType(rawValue: item.value).map { Located($0, at: item.location) }
        }
        return Interface(
            name: name,
            type: interface.oneOf("type", default: InterfaceType.ethernet).value,
            mac: interface.string("mac").map { Located($0.value.lowercased(), at: $0.location) },
            port: interface.string("port")?.value ?? name.value,
            members: interface.strings("members"),
            bondMode: interface.oneOf("mode", default: BondMode.activeBackup).value,
            transmitHashPolicy: interface.string("transmit_hash_policy")?.value ?? "layer2",
            lower: interface.string("lower"),
            vlanID: interface.int("vlan_id")?.value,
            mtu: interface.int("mtu") ?? Located(1500, at: interface.location),
            interfaceClass: interface.oneOf("class")?.value ?? (networks.isEmpty ? InterfaceClass.none : .platform),
            networks: networks,
            dataNetworks: interface.strings("data_networks"),
            pciAddress: interface.string("pci_address"),
            sriovVFs: interface.int("sriov_vfs"),
            sriovVFDriver: interface.oneOf("sriov_vf_driver"),
            location: interface.location
        )
    }

    private func decodeDataNetwork(_ node: SourceNode) -> DataNetwork {
        let network = MappingReader(node)
        return DataNetwork(
            name: network.string("name", default: ""),
            type: network.oneOf("type", default: DataNetworkType.vlan),
            mtu: network.int("mtu") ?? Located(1500, at: network.location),
            description: network.string("description")?.value,
            location: network.location
        )
    }

    private func decodeStorage(_ node: SourceNode, system: SystemSettings) -> StorageSettings {
        let storage = MappingReader(node)
        let ceph = storage.section("ceph")
        let filesystems = storage.section("controller_filesystems")
        return StorageSettings(
            ceph: storage["ceph"] == nil ? nil : decodeCeph(ceph, system: system),
            controllerFilesystems: Dictionary(uniqueKeysWithValues: ControllerFilesystem.allCases.compactMap { filesystem in
                filesystems.int(filesystem.rawValue).map { (filesystem.rawValue, $0) }
            }),
            location: storage.location)
    }

    private func decodeCeph(_ ceph: MappingReader, system: SystemSettings) -> CephSettings {
        let simplex = system.type.value == .allInOne && system.mode.value == .simplex
        let replication = ceph.int("replication") ?? Located(CephSettings.defaultReplication(simplex: simplex), at: ceph.location)
        return CephSettings(
            fsid: ceph.string("fsid"),
            replication: replication,
            minReplication: ceph.int("min_replication")
                ?? Located(CephSettings.defaultMinReplication(replication: replication.value), at: ceph.location),
            tiers: ceph["tiers"] == nil ? [Located(CephSettings.primaryTier, at: ceph.location)] : ceph.strings("tiers"),
            monitorGiB: ceph.int("monitor_gib") ?? Located(CephSettings.defaultMonitorGiB, at: ceph.location),
            monitors: ceph.strings("monitors"),
            osds: ceph.list("osds").map { node in
                let osd = MappingReader(node)
                let journal = osd.section("journal")
                return CephOSD(
                    host: osd.string("host", default: ""),
                    device: osd.string("device", default: ""),
                    tier: osd.string("tier"),
                    journal: osd["journal"] == nil ? nil : CephJournal(
                        device: journal.string("device", default: ""),
                        sizeMiB: journal.int("size_mib") ?? Located(CephJournal.defaultSizeMiB, at: journal.location)),
                    location: osd.location)
            },
            location: ceph.location
        )
    }

    private func decodeVirtual(_ virtual: MappingReader) -> VirtualEnvironment {
        let cloud = virtual.section("cloud"), networks = virtual.section("networks"), bmc = virtual.section("bmc")
        let flavors = virtual.section("flavors")
        return VirtualEnvironment(
            cloud: HostCloud(
                authURL: cloud.string("auth_url", default: ""),
                username: cloud.string("username", default: ""),
                project: cloud.string("project", default: ""),
                userDomain: cloud.string("user_domain", default: "Default"),
                projectDomain: cloud.string("project_domain", default: "Default"),
                region: cloud.string("region")),
            keyName: virtual.string("key_name", default: "default"),
            image: virtual.string("image", default: "ipxe-boot"),
            prefix: virtual.string("prefix", default: "baremetal"),
            networks: HostCloudNetworks(
                external: networks.string("external", default: "external"),
                private: networks.string("private", default: "private"),
                provision: networks.string("provision", default: "provision"),
                public: networks.string("public", default: "public"),
                mtu: networks.int("mtu") ?? Located(VirtualEnvironment.defaultNetworkMTU, at: networks.location)),
            bmc: VirtualBMCSettings(
                flavor: bmc.string("flavor", default: "m1.small"),
                image: bmc.string("image", default: "CentOS-7-x86_64-GenericCloud"),
                prefix: bmc.string("prefix", default: "bmc")),
            flavors: Dictionary(uniqueKeysWithValues: Personality.allCases.compactMap { personality in
                guard flavors[personality.rawValue] != nil else { return nil }
                let flavor = flavors.section(personality.rawValue)
                return (personality, VirtualFlavor(
                    name: flavor.string("name", default: ""),
                    vcpus: flavor.int("vcpus"),
                    ramMiB: flavor.int("ram_mib") ?? Located(0, at: flavor.location),
                    diskGiB: flavor.int("disk_gib"),
                    location: flavor.location))
            }),
            flavorsLocation: flavors.location,
            location: virtual.location)
    }

    private func decodeServiceParameter(_ node: SourceNode) -> ServiceParameter {
        let parameter = MappingReader(node)
        return ServiceParameter(
            service: parameter.string("service")?.value ?? "",
            section: parameter.string("section")?.value ?? "",
            name: parameter.string("name")?.value ?? "",
            value: parameter.string("value")?.value ?? "",
            personality: parameter.oneOf("personality")?.value,
            resource: parameter.string("resource")?.value,
            location: parameter.location
        )
    }
}
