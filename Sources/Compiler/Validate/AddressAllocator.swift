/// Fills in the addresses an inventory leaves out, the way sysinv allocates them: names in a
/// fixed order, each taking the next free address of the pool's range. Explicit addresses win and
/// are never handed out twice.
struct AddressAllocator {
    let inventory: Inventory
    private(set) var plan = AddressPlan()
    private(set) var diagnostics: [Diagnostic] = []

    init(inventory: Inventory) {
        self.inventory = inventory
    }

    static let multicastNames = ["sm-mgmt-ip", "mtce-mgmt-ip", "patch-controller-mgmt-ip", "patch-agent-mgmt-ip"]

    /// The names a pool serves, in allocation order, each with the explicit address if given.
    func names(for pool: NetworkPool) -> [(name: String, explicit: Located<IPAddress>?)] {
        let simplex = inventory.system.mode.value == .simplex
        var names: [(String, Located<IPAddress>?)] = []
        func host(_ name: String) -> Located<IPAddress>? {
            inventory.hosts.first { $0.name == name }?.addresses[pool.type]
        }
        switch pool.type {
        case .mgmt, .oam, .pxeboot, .clusterHost:
            names.append(("controller", pool.floating))
            names.append(("controller-0", host("controller-0")))
            if !simplex { names.append(("controller-1", host("controller-1"))) }
            if pool.type == .mgmt {
                names.append(("controller-platform-nfs", nil))
                names.append(("controller-nfs", nil))
            }
            if pool.type == .mgmt || pool.type == .clusterHost {
                for other in inventory.hosts where !other.isController {
                    names.append((other.name, other.addresses[pool.type]))
                }
            }
        case .multicast:
            names = Self.multicastNames.map { ($0, nil) }
        case .clusterPod, .clusterService:
            break
        }
        return names
    }

    mutating func allocate() {
        for type in NetworkType.allCases {
            guard let pool = inventory.networks[type] else { continue }
            allocate(pool)
        }
    }

    private mutating func allocate(_ pool: NetworkPool) {
        let subnet = pool.subnet.value
        let range: (start: IPAddress, end: IPAddress)
        if let explicit = pool.range {
            range = (explicit.start.value, explicit.end.value)
            for end in [explicit.start, explicit.end] where !subnet.contains(end.value) {
                diagnostics.append(Diagnostic(.invalidRange,
                    "range address \(end.value) of \(pool.type.rawValue) is outside its subnet \(subnet); pick an address inside it", at: end.location))
            }
            for end in [explicit.start, explicit.end] {
                if pool.type != .multicast, let role = subnet.reservedRole(of: end.value) {
                    diagnostics.append(Diagnostic(.reservedAddress,
                        "range address \(end.value) of \(pool.type.rawValue) is the subnet's \(role), which no host may use; start or end the range inside it", at: end.location))
                }
            }
            if explicit.start.value > explicit.end.value {
                diagnostics.append(Diagnostic(.invalidRange,
                    "range of \(pool.type.rawValue) starts at \(explicit.start.value) after its end \(explicit.end.value); swap them", at: explicit.start.location))
            }
        } else if let computed = pool.defaultRange {
            range = computed
        } else {
            diagnostics.append(Diagnostic(.poolExhausted, "subnet \(subnet) of \(pool.type.rawValue) is too small to hold any address; use a shorter prefix", at: pool.subnet.location))
            return
        }

        var used: [IPAddress: String] = [:]
        let gatewayName = "controller-gateway"
        var explicitAddresses: [(String, Located<IPAddress>)] = []
        if let gateway = pool.gateway { explicitAddresses.append((gatewayName, gateway)) }
        let names = names(for: pool)
        explicitAddresses += names.compactMap { entry in entry.explicit.map { (entry.name, $0) } }

        for (name, located) in explicitAddresses {
            guard check(located, of: name, in: pool) else { continue }
            if let owner = used[located.value] {
                diagnostics.append(Diagnostic(.duplicateAddress,
                    "\(located.value) is given to both \(owner) and \(name) on \(pool.type.rawValue); give each its own address", at: located.location))
                continue
            }
            used[located.value] = name
            plan.record(name, PlannedAddress(address: located.value, network: pool.type, source: located.location, explicit: true))
        }

        var cursor: IPAddress? = range.start
        for (name, explicit) in names where explicit == nil {
            while let candidate = cursor, used[candidate] != nil { cursor = candidate.adding(1) }
            guard let address = cursor, address <= range.end, subnet.contains(address) else {
                diagnostics.append(Diagnostic(.poolExhausted,
                    "no free address left in \(pool.type.rawValue) range \(range.start)-\(range.end) for \(name); widen the range or give the address explicitly",
                    at: pool.location))
                return
            }
            used[address] = name
            plan.record(name, PlannedAddress(address: address, network: pool.type, source: pool.location, explicit: false))
            cursor = address.adding(1)
        }
    }

    /// An explicit address must belong to its pool: right family, inside the subnet.
    private mutating func check(_ located: Located<IPAddress>, of name: String, in pool: NetworkPool) -> Bool {
        let subnet = pool.subnet.value
        if located.value.family != subnet.family {
            diagnostics.append(Diagnostic(.familyMismatch,
                "\(name) address \(located.value) is IPv\(located.value.family) but the \(pool.type.rawValue) pool \(subnet) is IPv\(subnet.family)", at: located.location))
            return false
        }
        if !subnet.contains(located.value) {
            diagnostics.append(Diagnostic(.addressOutsidePool,
                "\(name) address \(located.value) is outside the \(pool.type.rawValue) subnet \(subnet); use an address inside it", at: located.location))
            return false
        }
        if let role = subnet.reservedRole(of: located.value) {
            diagnostics.append(Diagnostic(.reservedAddress,
                "\(name) address \(located.value) is the \(role) of the \(pool.type.rawValue) subnet \(subnet), which no host may use; pick another address", at: located.location))
            return false
        }
        return true
    }
}

extension NetworkPool {
    /// First and last address sysinv hands out when the inventory gives no range: from
    /// subnet[2] on networks whose .1 is conventionally a gateway, subnet[1] on the others, to
    /// subnet[-2].
    public var defaultRange: (IPAddress, IPAddress)? {
        let first = [.mgmt, .pxeboot, .clusterHost].contains(type) ? 2 : 1
        guard let start = subnet.value.address(at: first), let end = subnet.value.address(at: -2) else { return nil }
        return (start, end)
    }

    /// The range addresses are allocated from.
    public var effectiveRange: (start: IPAddress, end: IPAddress)? {
        range.map { ($0.start.value, $0.end.value) } ?? defaultRange
    }
}

extension IPSubnet {
    /// What an address is when the subnet reserves it: the network and broadcast addresses of an
    /// IPv4 subnet, the subnet-router anycast address (RFC 4291) of an IPv6 one. Point-to-point
    /// subnets (/31, /127; RFC 3021, RFC 6164) and single addresses reserve none.
    func reservedRole(of address: IPAddress) -> String? {
        switch family {
        case 4:
            guard prefixLength <= 30 else { return nil }
            if address == network { return "network address" }
            if address == self.address(at: -1) { return "broadcast address" }
            return nil
        default:
            guard prefixLength <= 126 else { return nil }
            return address == network ? "subnet-router anycast address" : nil
        }
    }
}
