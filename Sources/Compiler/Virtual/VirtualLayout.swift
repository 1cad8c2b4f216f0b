/// Where each host of a virtual inventory lives on the host cloud, as OVB names things: the
/// controllers are the primary stack's instances `<prefix>_<i>`; every other personality is a
/// role stack whose instances are `<prefix>-<personality>_<i>`; each stack has one BMC instance
/// whose per-host ports `<bmc prefix>[-<personality>]_<i>` hold the hosts' BMC addresses. The
/// index is the host's place among its personality in the inventory.
public struct VirtualLayout: Sendable {
    public let environment: VirtualEnvironment
    public let roles: [Role]

    public struct Role: Sendable {
        public let personality: Personality
        /// Nil for the primary stack (the controllers), else the personality: OVB's role name.
        public let roleName: String?
        public let baremetalPrefix: String
        public let bmcPrefix: String
        /// Nil when the inventory cannot size it (`VirtualRules` reports why).
        public let flavor: SizedFlavor?
        public let hosts: [Member]
    }

    public struct Member: Sendable {
        public let host: InventoryHost
        public let index: Int
        public let baremetalPrefix: String
        public let bmcPrefix: String

        /// The instance, and its provision port (OVB names both the same).
        public var instance: String { "\(baremetalPrefix)_\(index)" }
        /// The node name build-nodes-json gives it: the instance name with '_' made '-'.
        public var nodeName: String { "\(baremetalPrefix)-\(index)" }
        /// The BMC port whose fixed address answers IPMI for this host.
        public var bmcPort: String { "\(bmcPrefix)_\(index)" }
        /// The controller's OAM port on the public network: named so that neither prefix starts
        /// it, since build-nodes-json pairs every port whose name starts with one of them.
        public var oamPort: String { "oam_\(instance)" }
        /// A controller's second NIC, on the public network: the ethernet interface carrying OAM.
        public var oamInterface: Interface? {
            host.interfaces.first { $0.type == .ethernet && $0.networks.contains { $0.value == .oam } }
        }
        public var oamMAC: String? { oamInterface?.mac?.value.lowercased() }
        public var bmcAddress: IPAddress? { host.boardManagement?.address?.value }
        public var mac: String? { host.mgmtMAC?.value.lowercased() }
    }

    /// A flavor with every size known.
    public struct SizedFlavor: Sendable {
        public let name: String
        public let vcpus: Int
        public let ramMiB: Int
        public let diskGiB: Int
    }

    public init(_ environment: VirtualEnvironment, hosts: [InventoryHost]) {
        self.environment = environment
        let base = environment.prefix.value, bmcBase = environment.bmc.prefix.value
        roles = Personality.allCases.compactMap { personality in
            let members = hosts.filter { $0.personality.value == personality }
            guard !members.isEmpty else { return nil }
            let roleName: String? = personality == .controller ? nil : personality.rawValue
            let prefix = roleName.map { "\(base)-\($0)" } ?? base
            let bmcPrefix = roleName.map { "\(bmcBase)-\($0)" } ?? bmcBase
            return Role(
                personality: personality, roleName: roleName, baremetalPrefix: prefix, bmcPrefix: bmcPrefix,
                flavor: Self.size(environment.flavors[personality], hosts: members),
                hosts: members.enumerated().map { index, host in
                    Member(host: host, index: index, baremetalPrefix: prefix, bmcPrefix: bmcPrefix)
                })
        }
    }

    public var members: [Member] { roles.flatMap(\.hosts) }

    /// The primary stack's role: the controllers.
    public var primary: Role? { roles.first { $0.roleName == nil } }

    /// The most logical CPUs a host of the personality has, when any says.
    static func hostCPUs(_ hosts: [InventoryHost]) -> Int? {
        hosts.compactMap { $0.cpus?.logicalCount }.max()
    }

    /// The largest root disk a host of the personality lists, in GiB rounded up.
    static func rootDiskGiB(_ host: InventoryHost) -> Int? {
        host.disks.first(where: \.isRootfs)?.sizeMiB.map { ($0.value + 1023) / 1024 }
    }

    static func size(_ flavor: VirtualFlavor?, hosts: [InventoryHost]) -> SizedFlavor? {
        guard let flavor,
              let vcpus = flavor.vcpus?.value ?? hostCPUs(hosts),
              let disk = flavor.diskGiB?.value ?? hosts.compactMap(rootDiskGiB).max() else { return nil }
        return SizedFlavor(name: flavor.name.value, vcpus: vcpus, ramMiB: flavor.ramMiB.value, diskGiB: disk)
    }
}
