/// The inventory's hosts as the node list TripleO and Ironic import (`instackenv.json` /
/// `nodes.json`, reference quintupleo.md §1): one node per host, named after it, its driver from
/// its board management, its PXE port from its management MAC. What a node says is only what the
/// inventory knows: CPUs when the CPU layout is given, the root disk's size when its disks are;
/// no memory size, which the inventory never holds.
public enum NodesExport {
    public struct Result: Sendable {
        /// `{"nodes": [...]}`, or nil when a host cannot be a node.
        public var document: YAMLValue?
        public var diagnostics: [Diagnostic]
    }

    /// - Parameter password: the BMC password of a host, as the caller may show it (masked, or
    ///   revealed into an owner-only file).
    public static func nodes(_ inventory: ValidatedInventory, password: (InventoryHost) -> String) -> Result {
        var nodes: [YAMLValue] = []
        var diagnostics: [Diagnostic] = []
        for host in inventory.hosts {
            var node: [String: YAMLValue] = ["name": .string(host.name), "arch": "x86_64"]
            let bm = host.boardManagement
            switch driver(bm) {
            case nil:
                // No BMC: Ironic can still deploy the node, with someone at its power button.
                node["pm_type"] = "manual-management"
            case let driver?:
                node["pm_type"] = .string(driver)
                node["pm_addr"] = bm?.address.map { .string($0.value.description) } ?? .null
                node["pm_user"] = bm?.username.map { .string($0.value) } ?? .null
                node["pm_password"] = .string(password(host))
                if driver == "redfish" {
                    guard let systemID = bm?.systemID else {
                        diagnostics.append(Diagnostic(.nodeExport,
                            "\(host.name) has a Redfish BMC but no bm_system_id, which Ironic needs to find the system; add bm_system_id (e.g. /redfish/v1/Systems/1)",
                            at: bm?.type?.location ?? host.location))
                        continue
                    }
                    node["pm_system_id"] = .string(systemID.value)
                }
            }
            if let mac = host.mgmtMAC {
                node["ports"] = [["address": .string(mac.value)]]
            }
            if let cpus = host.cpus {
                node["cpu"] = .int(cpus.logicalCount)
            }
            if let root = host.disks.first(where: \.isRootfs), let size = root.sizeMiB {
                node["disk"] = .int(size.value / 1024)
            }
            // Placement by name (`node:<hostname>`), the way TripleO pins a role's nodes; the profile
            // is the personality; StarlingX installs to the local disk.
            node["capabilities"] = .string("boot_option:local,node:\(host.name),profile:\(host.personality.value.rawValue)")
            nodes.append(.map(node))
        }
        let failed = diagnostics.contains { $0.severity == .error }
        return Result(document: failed ? nil : ["nodes": .list(nodes)], diagnostics: diagnostics)
    }

    /// Ironic's hardware type for a board: ipmi or redfish as given; a dynamic board (maintenance
    /// learns its protocol) is redfish when it names a Redfish system, else ipmi; nil for none.
    static func driver(_ bm: BoardManagement?) -> String? {
        switch bm?.type?.value {
        case .ipmi?: "ipmi"
        case .redfish?: "redfish"
        case .dynamic?: bm?.systemID == nil ? "ipmi" : "redfish"
        case .none?, nil: nil
        }
    }
}
