import Synchronization

/// The output of validation: an inventory known to be consistent, plus the facts derived from
/// it (allocated addresses). Plugins read only this.
public struct ValidatedInventory: Sendable {
    /// Held by reference: every plugin hook of every host gets a context holding this value, and
    /// copying a reference costs one count where copying the inventory's fields would cost dozens.
    private final class Storage: Sendable {
        let inventory: Inventory
        let addresses: AddressPlan
        let catalog: ApplicationCatalog
        /// `derived` facts by their type, computed once per compile.
        let facts = Mutex<[ObjectIdentifier: any Sendable]>([:])

        init(inventory: Inventory, addresses: AddressPlan, catalog: ApplicationCatalog) {
            self.inventory = inventory
            self.addresses = addresses
            self.catalog = catalog
        }
    }

    private let storage: Storage

    init(inventory: Inventory, addresses: AddressPlan, catalog: ApplicationCatalog) {
        storage = Storage(inventory: inventory, addresses: addresses, catalog: catalog)
    }

    public var inventory: Inventory { storage.inventory }
    public var addresses: AddressPlan { storage.addresses }
    /// The applications this inventory can apply: built in, or uploaded beside it.
    public var catalog: ApplicationCatalog { storage.catalog }

    /// A fact derived from the inventory alone (a numbering of its disks, hosts indexed by
    /// name), computed the first time a hook asks for it and then shared by every hook of every
    /// file, so that a hook run once per host reads its own part instead of deriving the whole
    /// fact again. One fact per type. `derive` must be pure: two hooks asking at once may both
    /// run it, and the first result kept is the one every hook gets.
    public func derived<Fact: Sendable>(_ derive: (ValidatedInventory) -> Fact) -> Fact {
        let key = ObjectIdentifier(Fact.self)
        // Unwrapped before the cast, and stored boxed: a fact may itself be optional (no Ceph,
        // no fact), and nil is then a fact known like any other.
        if let stored = storage.facts.withLock({ $0[key] }), let known = stored as? Fact { return known }
        let fact = derive(self)
        return storage.facts.withLock { facts in
            if let stored = facts[key], let known = stored as? Fact { return known }
            facts[key] = fact as any Sendable
            return fact
        }
    }

    public var system: SystemSettings { inventory.system }
    public var hosts: [InventoryHost] { inventory.hosts }
    public var controllers: [InventoryHost] { inventory.hosts.filter(\.isController) }
    public var isSimplex: Bool { system.mode.value == .simplex }
    public var kubernetesEnabled: Bool { system.kubernetesEnabled.value }

    public func network(_ type: NetworkType) -> NetworkPool? { inventory.networks[type] }

    public func host(named name: String) -> InventoryHost? { inventory.hosts.first { $0.name == name } }

    /// Whether the named application is uploaded and applied.
    public func isApplied(_ application: String) -> Bool {
        inventory.applications.contains { $0.name.value == application && $0.applied }
    }
}

/// An address the plan holds, with where it came from: the inventory line that gave it, or the
/// pool it was allocated from.
public struct PlannedAddress: Sendable, Hashable {
    public let address: IPAddress
    public let network: NetworkType
    public let source: SourceLocation
    public let explicit: Bool
}

/// Addresses by sysinv's names (`controller-mgmt`, `controller-0-oam`, `sm-mgmt-ip-multicast`,
/// `worker-0-cluster-host`): the `format_address_name` convention every plugin looks up by.
public struct AddressPlan: Sendable {
    public private(set) var byName: [String: PlannedAddress] = [:]

    public init() {}

    public static func name(_ name: String, _ network: NetworkType) -> String { "\(name)-\(network.rawValue)" }

    public subscript(name: String, network: NetworkType) -> PlannedAddress? {
        byName[Self.name(name, network)]
    }

    public func floating(_ network: NetworkType) -> PlannedAddress? { self["controller", network] }

    mutating func record(_ name: String, _ planned: PlannedAddress) {
        byName[Self.name(name, planned.network)] = planned
    }
}
