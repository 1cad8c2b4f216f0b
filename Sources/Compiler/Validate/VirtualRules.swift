/// What a virtual inventory needs so that OVB can stand it up and every name and address the
/// generated environment uses fits: virtual BMCs for every host, MACs for the provision ports,
/// flavors that can be sized, prefixes build-nodes-json can tell apart, and MTUs the host cloud
/// carries.
enum VirtualRules {
    /// Names of the other ports sysinvc's templates create on the host cloud; a prefix that
    /// starts them would make build-nodes-json count them as host or BMC ports.
    static let otherPortNames = ["oam_", "utility_"]

    static func check(_ inventory: ValidatedInventory) -> [Diagnostic] {
        guard let virtual = inventory.inventory.virtual else { return [] }
        let layout = VirtualLayout(virtual, hosts: inventory.hosts)
        return boardManagement(inventory, virtual) + macs(inventory) + oamPorts(layout) + flavors(layout, virtual) + prefixes(virtual)
            + mtus(inventory, virtual)
    }

    /// Each host answers IPMI through the virtual BMC, at an address of the OAM subnet that no
    /// platform address takes, as OVB's fixed user.
    private static func boardManagement(_ inventory: ValidatedInventory, _ virtual: VirtualEnvironment) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let oam = inventory.network(.oam)?.subnet.value
        let platform = Dictionary(inventory.addresses.byName.filter { $0.value.network == .oam }.map { ($0.value.address, $0.key) },
                                  uniquingKeysWith: min)
        for host in inventory.hosts {
            let bm = host.boardManagement
            let type = bm?.type?.value ?? .none
            guard type == .ipmi || type == .dynamic, let address = bm?.address, let user = bm?.username else {
                diagnostics.append(Diagnostic(.virtualBMC,
                    "\(host.name) is an instance powered by a virtual BMC, which speaks IPMI: set bm_type ipmi, bm_ip (an address of the OAM subnet) and bm_username \(VirtualEnvironment.bmcUsername)",
                    at: bm?.type?.location ?? host.hostname.location))
                continue
            }
            if user.value != VirtualEnvironment.bmcUsername {
                diagnostics.append(Diagnostic(.virtualBMC,
                    "\(host.name)'s bm_username is \(FieldGrammar.quoted(user.value)), but OVB's virtual BMC knows only the user \(VirtualEnvironment.bmcUsername) (with its fixed password); set bm_username \(VirtualEnvironment.bmcUsername)",
                    at: user.location))
            }
            if let oam, !oam.contains(address.value) {
                diagnostics.append(Diagnostic(.virtualBMCAddress,
                    "\(host.name)'s bm_ip \(address.value) is outside the OAM subnet \(oam): the virtual BMCs answer on the host cloud's public network, which has the OAM subnet; give an unused address of \(oam)",
                    at: address.location))
            } else if let oam, let role = oam.reservedRole(of: address.value) {
                diagnostics.append(Diagnostic(.virtualBMCAddress,
                    "\(host.name)'s bm_ip \(address.value) is the OAM subnet's \(role), which no port can hold; give an unused address of \(oam)",
                    at: address.location))
            } else if let name = platform[address.value] {
                diagnostics.append(Diagnostic(.virtualBMCAddress,
                    "\(host.name)'s bm_ip \(address.value) is the platform's \(name); give the BMC an unused address of the OAM subnet",
                    at: address.location))
            }
        }
        return diagnostics
    }

    private static func macs(_ inventory: ValidatedInventory) -> [Diagnostic] {
        inventory.hosts.filter { $0.mgmtMAC == nil }.map { host in
            Diagnostic(.virtualMAC,
                "\(host.name) has no mgmt_mac: its instance's provision port is created with that MAC so that the nodes file and the platform agree; add mgmt_mac (a unicast MAC, e.g. 52:54:00:00:01:05)",
                at: host.hostname.location)
        }
    }

    /// A controller instance has a second NIC on the public network for OAM, made with the MAC
    /// of the ethernet interface that carries OAM.
    private static func oamPorts(_ layout: VirtualLayout) -> [Diagnostic] {
        let controllers = layout.primary?.hosts ?? []
        return controllers.compactMap { member in
            guard let interface = member.oamInterface else {
                return Diagnostic(.virtualMAC,
                    "\(member.host.name) carries OAM on no ethernet interface of its own: a virtual controller has a second NIC on the host cloud's public network for it; give OAM to an ethernet interface with its mac",
                    at: member.host.hostname.location)
            }
            guard let mac = interface.mac else {
                return Diagnostic(.virtualMAC,
                    "\(member.host.name)'s OAM interface \(interface.name.value) has no mac: its OAM port is created with it; add mac",
                    at: interface.location)
            }
            guard mac.value.lowercased() != member.mac else {
                return Diagnostic(.virtualMAC,
                    "\(member.host.name)'s OAM interface \(interface.name.value) has the mgmt_mac, but OAM needs a NIC of its own on the public network; give the OAM interface its own mac",
                    at: mac.location)
            }
            return nil
        }
    }

    private static func flavors(_ layout: VirtualLayout, _ virtual: VirtualEnvironment) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for role in layout.roles {
            let personality = role.personality.rawValue
            let hosts = role.hosts.map(\.host)
            guard let flavor = virtual.flavors[role.personality] else {
                diagnostics.append(Diagnostic(.virtualFlavor,
                    "the inventory has \(personality) hosts but virtual.flavors has no \(personality); add it with name, ram_mib and (unless the hosts give cpus and a root disk) vcpus and disk_gib",
                    at: virtual.flavorsLocation))
                continue
            }
            if let vcpus = flavor.vcpus {
                for host in hosts {
                    if let cpus = host.cpus, cpus.logicalCount > vcpus.value {
                        diagnostics.append(Diagnostic(.virtualFlavor,
                            "\(host.name) has \(cpus.logicalCount) logical CPUs, but its flavor \(flavor.name.value) has \(vcpus.value) vCPUs; raise vcpus or describe the host's CPUs as the instance will have them",
                            at: cpus.location))
                    }
                }
            } else if VirtualLayout.hostCPUs(hosts) == nil {
                diagnostics.append(Diagnostic(.virtualFlavor,
                    "the \(personality) flavor \(flavor.name.value) gives no vcpus and no \(personality) host gives cpus; add vcpus to the flavor",
                    at: flavor.location))
            }
            if let disk = flavor.diskGiB {
                for host in hosts {
                    if let size = VirtualLayout.rootDiskGiB(host), size > disk.value {
                        diagnostics.append(Diagnostic(.virtualFlavor,
                            "\(host.name)'s root disk is \(size) GiB, but its flavor \(flavor.name.value) has a \(disk.value) GiB disk; raise disk_gib",
                            at: host.disks.first(where: \.isRootfs)?.location ?? host.location))
                    }
                }
            } else if hosts.allSatisfy({ VirtualLayout.rootDiskGiB($0) == nil }) {
                diagnostics.append(Diagnostic(.virtualFlavor,
                    "the \(personality) flavor \(flavor.name.value) gives no disk_gib and no \(personality) host lists a root disk with its size; add disk_gib to the flavor",
                    at: flavor.location))
            }
        }
        return diagnostics
    }

    /// build-nodes-json sorts the project's ports and pairs those whose names start with the
    /// BMC prefix with those that start with the host prefix; OVB's deploy refuses a host prefix
    /// ending in a role's name.
    private static func prefixes(_ virtual: VirtualEnvironment) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let host = virtual.prefix, bmc = virtual.bmc.prefix
        if host.value.hasPrefix(bmc.value) || bmc.value.hasPrefix(host.value) {
            diagnostics.append(Diagnostic(.virtualPrefix,
                "the host prefix \(FieldGrammar.quoted(host.value)) and the BMC prefix \(FieldGrammar.quoted(bmc.value)) start alike, so build-nodes-json would take one's ports for the other's; choose prefixes neither of which starts the other",
                at: bmc.location))
        }
        for prefix in [host, bmc] {
            if let name = otherPortNames.first(where: { $0.hasPrefix(prefix.value) }) {
                diagnostics.append(Diagnostic(.virtualPrefix,
                    "the prefix \(FieldGrammar.quoted(prefix.value)) starts the names of the \(name)… ports, which build-nodes-json would then count; choose another prefix",
                    at: prefix.location))
            }
        }
        if let personality = Personality.allCases.first(where: { host.value.hasSuffix("-\($0.rawValue)") }) {
            diagnostics.append(Diagnostic(.virtualPrefix,
                "the host prefix \(FieldGrammar.quoted(host.value)) ends with the role name \(personality.rawValue), which OVB's deploy refuses (build-nodes-json would strip it); choose another prefix",
                at: host.location))
        }
        return diagnostics
    }

    /// Every interface the host instances send on must fit the host cloud's tenant networks; a
    /// VLAN's tag takes 4 bytes more of what they carry.
    private static func mtus(_ inventory: ValidatedInventory, _ virtual: VirtualEnvironment) -> [Diagnostic] {
        let limit = virtual.networks.mtu.value
        return VirtualMTU.rows(inventory.hosts).filter { $0.needs > limit }.map { row in
            let allowed = limit - (row.needs - row.mtu)
            return Diagnostic(.virtualMTU,
                "\(row.host)'s interface \(row.interface) has MTU \(row.mtu), but the host cloud's networks carry \(limit)\(row.isVLAN ? " and a VLAN tag takes 4 of it" : ""); set mtu \(allowed) or less, or raise virtual.networks.mtu if the host cloud has jumbo frames",
                at: row.location)
        }
    }
}
