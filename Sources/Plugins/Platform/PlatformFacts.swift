import Compiler

/// Lookups every hiera plugin shares: addresses by sysinv name, the interface carrying a
/// network, URL formatting. sysinv's BasePuppet helpers, without the base class.
extension ValidatedInventory {
    public func address(_ name: String, _ network: NetworkType) -> IPAddress? {
        addresses[name, network]?.address
    }

    public func floating(_ network: NetworkType) -> IPAddress? {
        addresses.floating(network)?.address
    }

    /// Where an address came from: its inventory line, or the pool it was allocated from.
    public func source(_ name: String, _ network: NetworkType) -> [SourceLocation] {
        addresses[name, network].map { [$0.source] } ?? []
    }

    /// The unit address name of a host: controllers use their hostname, so do other hosts.
    public func unitAddress(of host: InventoryHost, on network: NetworkType) -> IPAddress? {
        address(host.name, network)
    }

    /// The interface of `host` that carries `network`; on simplex the management network lives
    /// on the loopback when no interface carries it.
    public func interface(of host: InventoryHost, carrying network: NetworkType) -> Interface? {
        host.interfaces.first { $0.networks.contains { $0.value == network } }
    }

    /// The ports under an interface, as puppet lists them in `interface_devices`.
    public func devices(of interface: Interface, on host: InventoryHost) -> [String] {
        switch interface.type {
        case .ethernet:
            return [interface.port]
        case .bond:
            return interface.members.compactMap { member in host.interfaces.first { $0.name.value == member.value }?.port }
        case .vlan:
            guard let lower = interface.lower, let base = host.interfaces.first(where: { $0.name.value == lower.value }) else { return [] }
            return devices(of: base, on: host)
        }
    }

    public var mgmtFloatingURL: String { floating(.mgmt)?.urlFormatted ?? "" }
    public var oamFloatingURL: String { floating(.oam)?.urlFormatted ?? "" }

    /// Public endpoints are on the OAM floating address, over https when the system says so.
    public func publicURL(port: Int) -> String {
        "\(system.httpsEnabled.value ? "https" : "http")://\(oamFloatingURL):\(port)"
    }

    public func internalURL(port: Int) -> String {
        "http://\(mgmtFloatingURL):\(port)"
    }
}

extension YAMLValue {
    /// An address as hiera holds it, or null when the plan has none (puppet's `undef`).
    public init(_ address: IPAddress?) {
        self = address.map { .string($0.description) } ?? .null
    }

    public init(strings: [String]) {
        self = .list(strings.map(YAMLValue.string))
    }
}

extension HieraData {
    /// The endpoint triple of a keystone service (`<prefix>public_url`, `internal_url`,
    /// `admin_url`): public on the OAM floating address, the others on management.
    public mutating func setEndpoints(_ prefix: String, port: Int, _ inventory: ValidatedInventory) {
        let publicSources = inventory.source("controller", .oam) + [inventory.system.httpsEnabled.location]
        let mgmt = inventory.source("controller", .mgmt)
        set(prefix + "public_url", .string(inventory.publicURL(port: port)), from: publicSources)
        set(prefix + "internal_url", .string(inventory.internalURL(port: port)), from: mgmt)
        set(prefix + "admin_url", .string(inventory.internalURL(port: port)), from: mgmt)
    }
}
