/// The validate stage: every semantic rule over a loaded inventory, all problems at once.
public enum Validator {
    public static func validate(_ inventory: Inventory, applications: [CatalogApplication] = []) -> (validated: ValidatedInventory?, diagnostics: [Diagnostic]) {
        let (candidate, diagnostics) = check(inventory, applications: applications)
        let hasErrors = diagnostics.contains { $0.severity == .error }
        return (hasErrors ? nil : candidate, diagnostics)
    }

    /// Every rule, and the inventory with the addresses that could be allocated, errors or not:
    /// plugin checks run on it in the same pass, so one run reports every problem.
    /// `applications` are the built-in ones; the catalog adds those uploaded beside the inventory.
    static func check(_ inventory: Inventory, applications: [CatalogApplication]) -> (candidate: ValidatedInventory, diagnostics: [Diagnostic]) {
        var collector = DiagnosticCollector()
        collector.append(contentsOf: NetworkRules.check(inventory))
        collector.append(contentsOf: HostRules.check(inventory))
        collector.append(contentsOf: DataNetworkRules.check(inventory))
        collector.append(contentsOf: StorageRules.check(inventory))
        collector.append(contentsOf: DiskRules.check(inventory))
        collector.append(contentsOf: BoardManagementRules.check(inventory))
        collector.append(contentsOf: ApplicationRules.check(inventory))
        var allocator = AddressAllocator(inventory: inventory)
        allocator.allocate()
        collector.append(contentsOf: allocator.diagnostics)
        let catalog = ApplicationCatalog(builtIn: applications, uploaded: inventory.uploadedApplications)
        let candidate = ValidatedInventory(inventory: inventory, addresses: allocator.plan, catalog: catalog)
        collector.append(contentsOf: CatalogRules.check(candidate))
        collector.append(contentsOf: VirtualRules.check(candidate))
        return (candidate, collector.sorted)
    }
}

enum NetworkRules {
    static func required(for system: SystemSettings) -> [NetworkType] {
        var networks: [NetworkType] = [.mgmt, .oam, .clusterHost, .multicast]
        if system.mode.value != .simplex { networks.append(.pxeboot) }
        if system.kubernetesEnabled.value { networks += [.clusterPod, .clusterService] }
        return networks
    }

    static func check(_ inventory: Inventory) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let system = inventory.system
        for type in required(for: system) where inventory.networks[type] == nil {
            let why = (type == .clusterPod || type == .clusterService) ? "Kubernetes is enabled" : "every \(system.type.value.rawValue) \(system.mode.value.rawValue) system needs it"
            diagnostics.append(Diagnostic(.missingNetwork,
                "networks.\(type.rawValue) is missing (\(why)); add its subnet under networks", at: system.sectionLocation))
        }
        let pools = NetworkType.allCases.compactMap { inventory.networks[$0] }
        for pool in pools {
            let isMulticast = pool.subnet.value.network.isMulticast
            if pool.type == .multicast && !isMulticast {
                diagnostics.append(Diagnostic(.networkNotAllowed,
                    "the multicast pool \(pool.subnet.value) is not a multicast range; use one inside 224.0.0.0/4 or ff00::/8", at: pool.subnet.location))
            } else if pool.type != .multicast && isMulticast {
                diagnostics.append(Diagnostic(.networkNotAllowed,
                    "the \(pool.type.rawValue) pool \(pool.subnet.value) is a multicast range; use a unicast subnet", at: pool.subnet.location))
            }
        }
        for (index, pool) in pools.enumerated() {
            for other in pools[..<index] where pool.subnet.value.overlaps(other.subnet.value) {
                diagnostics.append(Diagnostic(.overlappingPools,
                    "the \(pool.type.rawValue) subnet \(pool.subnet.value) overlaps the \(other.type.rawValue) subnet \(other.subnet.value) (line \(other.subnet.location.line)); give each network its own range",
                    at: pool.subnet.location))
            }
        }
        if let pod = inventory.networks[.clusterPod], let service = inventory.networks[.clusterService], pod.subnet.value.family != service.subnet.value.family {
            diagnostics.append(Diagnostic(.familyMismatch,
                "cluster-pod is IPv\(pod.subnet.value.family) but cluster-service is IPv\(service.subnet.value.family); Kubernetes needs one family for both", at: service.subnet.location))
        }
        return diagnostics
    }
}
