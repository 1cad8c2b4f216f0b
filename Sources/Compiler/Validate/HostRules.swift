/// Rules over hosts: names, counts by system type and mode, interfaces, CPUs, labels.
enum HostRules {
    static func check(_ inventory: Inventory) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        diagnostics += checkNamesAndCounts(inventory)
        diagnostics += checkMACs(inventory)
        // Each host's own rules read nothing of the others': all cores check them, and the
        // findings keep the hosts' order.
        diagnostics += Parallel.map(inventory.hosts) { host in
            var diagnostics: [Diagnostic] = []
            diagnostics += checkInterfaces(host, inventory)
            diagnostics += checkAddresses(host, inventory)
            diagnostics += checkCPUs(host)
            diagnostics += checkMemoryNodes(host)
            diagnostics += InterfaceRules.check(host)
            diagnostics += host.labels.compactMap { label in
                LabelRules.problem(label.value).map { Diagnostic(.invalidLabel, "label on \(host.name): \($0)", at: label.location) }
            }
            diagnostics += host.labels.filter { $0.value.key == WellKnownLabel.openstackControllerNode }.map { label in
                Diagnostic(.labelSynonym,
                    "\(WellKnownLabel.openstackControllerNode) (the 2019 spec's name) is taken as \(WellKnownLabel.openstackControlPlane), the label sysinv and the charts read; rename it to \(WellKnownLabel.openstackControlPlane)",
                    at: label.location)
            }
            return diagnostics
        }.flatMap { $0 }
        return diagnostics
    }

    static func checkNamesAndCounts(_ inventory: Inventory) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: [String: SourceLocation] = [:]
        for host in inventory.hosts {
            if let first = seen[host.name] {
                diagnostics.append(Diagnostic(.duplicateHostname,
                    "host name \(host.name) is already used at line \(first.line); every host needs its own name", at: host.hostname.location))
            } else {
                seen[host.name] = host.hostname.location
            }
            if reservedNames.contains(host.name) {
                diagnostics.append(Diagnostic(.reservedHostname,
                    "host name \(host.name) is taken by the platform (a hiera file, the BMC password file or a controller address has that name); choose another name", at: host.hostname.location))
            }
            switch host.personality.value {
            case .controller where !["controller-0", "controller-1"].contains(host.name):
                diagnostics.append(Diagnostic(.invalidHostname, "a controller must be named controller-0 or controller-1, not \(host.name)", at: host.hostname.location))
            case .storage where !isStorageName(host.name):
                diagnostics.append(Diagnostic(.invalidHostname, "a storage host must be named storage-N (storage-0, storage-1, …), not \(host.name)", at: host.hostname.location))
            default: break
            }
        }
        let system = inventory.system
        let controllers = inventory.hosts.filter(\.isController)
        let expected = system.mode.value == .simplex ? 1 : 2
        if controllers.count != expected {
            diagnostics.append(Diagnostic(.controllerCount,
                "a \(system.type.value.rawValue) \(system.mode.value.rawValue) system has \(expected) controller\(expected == 1 ? "" : "s"), this inventory has \(controllers.count); \(controllers.count < expected ? "add" : "remove") controller hosts or change system.mode",
                at: system.mode.location))
        }
        if system.type.value == .standard && system.mode.value != .duplex {
            diagnostics.append(Diagnostic(.valueNotAllowed,
                "a standard system runs in duplex mode; set system.mode to duplex or system.type to all-in-one", at: system.mode.location))
        }
        for host in inventory.hosts {
            if host.personality.value == .storage && system.type.value == .allInOne {
                diagnostics.append(Diagnostic(.personalityNotAllowed,
                    "an all-in-one system has no storage hosts (its controllers hold the OSDs); remove \(host.name) or make the system standard", at: host.personality.location))
            }
            if host.personality.value == .worker && system.mode.value == .simplex {
                diagnostics.append(Diagnostic(.personalityNotAllowed,
                    "an all-in-one simplex system has no worker hosts; remove \(host.name) or use duplex mode", at: host.personality.location))
            }
        }
        return diagnostics
    }

    /// Names no host may take: the platform's hiera files sit beside the host files in
    /// hieradata/, the BMC passwords beside the maintenance records in maintenance/, and the
    /// address plan names the controllers' shared and multicast addresses `<name>-<network>` as
    /// it names hosts' addresses.
    static let reservedNames: Set<String> = Set(["static", "secure_static", "system", "secure_system", "bm-passwords",
        "controller", "controller-gateway", "controller-nfs", "controller-platform-nfs"] + AddressAllocator.multicastNames)

    /// As sysinv, a locked host is still being configured: what it lacks is checked when it is
    /// unlocked, so a host can be added before its interfaces are known.
    static func completenessSeverity(_ host: InventoryHost) -> Diagnostic.Severity {
        host.isLocked ? .warning : .error
    }

    static func lockedHostNote(_ host: InventoryHost) -> String {
        host.isLocked ? " before unlocking it" : ""
    }

    static func isStorageName(_ name: String) -> Bool {
        name.hasPrefix("storage-") && Int(name.dropFirst("storage-".count)) != nil
    }

    static func checkMACs(_ inventory: Inventory) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: [String: (host: String, location: SourceLocation)] = [:]
        for host in inventory.hosts {
            var macs = host.interfaces.compactMap(\.mac)
            if let mgmt = host.mgmtMAC, !macs.contains(where: { $0.value == mgmt.value }) { macs.insert(mgmt, at: 0) }
            for mac in macs {
                if let first = seen[mac.value] {
                    diagnostics.append(Diagnostic(.duplicateMAC,
                        "MAC \(mac.value) is also used by \(first.host) at line \(first.location.line); each port has its own MAC", at: mac.location))
                } else {
                    seen[mac.value] = (host.name, mac.location)
                }
            }
        }
        return diagnostics
    }

    static func checkInterfaces(_ host: InventoryHost, _ inventory: Inventory) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var byName: [String: Interface] = [:]
        for interface in host.interfaces {
            if byName[interface.name.value] != nil {
                diagnostics.append(Diagnostic(.duplicateInterface, "\(host.name) has two interfaces named \(interface.name.value); rename one", at: interface.name.location))
            }
            byName[interface.name.value] = interface
        }
        var carrier: [NetworkType: String] = [:]
        for interface in host.interfaces {
            switch interface.type {
            case .bond:
                if interface.members.isEmpty {
                    diagnostics.append(Diagnostic(.missingField, "bond \(interface.name.value) on \(host.name) needs members", at: interface.location))
                }
                for member in interface.members where byName[member.value]?.type != .ethernet {
                    diagnostics.append(Diagnostic(.unknownReference,
                        "bond member \(member.value) is not an ethernet interface of \(host.name); list its ethernet interfaces", at: member.location))
                }
            case .vlan:
                if interface.vlanID == nil {
                    diagnostics.append(Diagnostic(.missingField, "vlan \(interface.name.value) on \(host.name) needs vlan_id", at: interface.location))
                }
                if let lower = interface.lower {
                    if byName[lower.value] == nil || byName[lower.value]?.type == .vlan {
                        diagnostics.append(Diagnostic(.unknownReference,
                            "vlan lower interface \(lower.value) is not an ethernet or bond interface of \(host.name)", at: lower.location))
                    }
                } else {
                    diagnostics.append(Diagnostic(.missingField, "vlan \(interface.name.value) on \(host.name) needs lower (the interface it runs on)", at: interface.location))
                }
            case .ethernet:
                break
            }
            for network in interface.networks {
                if inventory.networks[network.value] == nil {
                    diagnostics.append(Diagnostic(.unknownReference,
                        "interface \(interface.name.value) carries \(network.value), which has no pool under networks; add the pool or drop the network", at: network.location))
                }
                if [.clusterPod, .clusterService, .multicast].contains(network.value) {
                    diagnostics.append(Diagnostic(.networkNotAllowed,
                        "\(network.value) is not carried by a host interface; remove it from \(interface.name.value)", at: network.location))
                }
                if let other = carrier[network.value] {
                    diagnostics.append(Diagnostic(.duplicateInterface,
                        "\(network.value) is carried by both \(other) and \(interface.name.value) on \(host.name); one interface per network", at: network.location))
                }
                carrier[network.value] = interface.name.value
            }
        }
        var needed: [NetworkType] = [.mgmt, .clusterHost]
        if host.isController { needed.append(.oam) }
        if inventory.system.mode.value == .simplex { needed.removeAll { $0 == .mgmt } }
        for network in needed where carrier[network] == nil && inventory.networks[network] != nil {
            diagnostics.append(Diagnostic(.missingPlatformInterface,
                "\(host.name) has no interface carrying \(network.rawValue); add \(network.rawValue) to the networks of one of its interfaces\(lockedHostNote(host))",
                at: host.hostname.location, severity: completenessSeverity(host)))
        }
        return diagnostics
    }

    static func checkAddresses(_ host: InventoryHost, _ inventory: Inventory) -> [Diagnostic] {
        var allowed: Set<NetworkType> = [.mgmt, .clusterHost]
        if host.isController { allowed.formUnion([.oam, .pxeboot]) }
        return host.addresses.sorted { $0.key < $1.key }.compactMap { network, address in
            if inventory.networks[network] == nil {
                return Diagnostic(.unknownReference, "\(host.name) has a \(network.rawValue) address but networks has no \(network.rawValue) pool", at: address.location)
            }
            guard allowed.contains(network) else {
                return Diagnostic(.networkNotAllowed,
                    "a \(host.personality.value.rawValue) has no \(network.rawValue) unit address; remove it (allowed: \(allowed.sorted().map(\.rawValue).joined(separator: ", ")))", at: address.location)
            }
            return nil
        }
    }

    static func checkCPUs(_ host: InventoryHost) -> [Diagnostic] {
        guard let cpus = host.cpus else { return [] }
        var diagnostics: [Diagnostic] = []
        var owner: [Int: String] = [:]
        for (function, list) in [("platform", cpus.platform), ("vswitch", cpus.vswitch)] {
            for cpu in list {
                if cpu.value >= cpus.logicalCount {
                    diagnostics.append(Diagnostic(.cpuAssignment,
                        "CPU \(cpu.value) does not exist on \(host.name): it has \(cpus.logicalCount) logical CPUs (0-\(cpus.logicalCount - 1))", at: cpu.location))
                } else if let other = owner[cpu.value] {
                    diagnostics.append(Diagnostic(.cpuAssignment, "CPU \(cpu.value) of \(host.name) is assigned to both \(other) and \(function)", at: cpu.location))
                }
                owner[cpu.value] = function
            }
        }
        if host.hasWorkerSubfunction && cpus.platform.isEmpty {
            diagnostics.append(Diagnostic(.cpuAssignment, "\(host.name) runs workloads but reserves no platform CPUs; list cpus.platform\(lockedHostNote(host))",
                                          at: cpus.location, severity: completenessSeverity(host)))
        }
        for memory in host.memory where memory.node >= cpus.nodes {
            diagnostics.append(Diagnostic(.cpuAssignment, "memory of node \(memory.node) on \(host.name), which has \(cpus.nodes) NUMA node(s)", at: memory.location))
        }
        return diagnostics
    }
}

extension HostRules {
    /// sysinv keeps one memory record per NUMA node; a second entry for a node would silently
    /// replace the first one's hugepage counts.
    static func checkMemoryNodes(_ host: InventoryHost) -> [Diagnostic] {
        var seen: [Int: SourceLocation] = [:]
        return host.memory.compactMap { memory in
            if let first = seen[memory.node] {
                return Diagnostic(.duplicateMemoryNode,
                    "\(host.name) lists memory of node \(memory.node) twice (first at line \(first.line)); merge the two entries", at: memory.location)
            }
            seen[memory.node] = memory.location
            return nil
        }
    }
}

/// Kubernetes label syntax: an optional DNS-subdomain prefix and a name of at most 63
/// characters, a value of at most 63.
public enum LabelRules {
    public static func problem(_ label: Label) -> String? {
        let parts = label.key.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return "key \(FieldGrammar.quoted(label.key)) has more than one '/'; use prefix/name" }
        let name = String(parts.last!)
        if parts.count == 2 {
            let prefix = String(parts[0])
            let labels = prefix.split(separator: ".", omittingEmptySubsequences: false)
            if prefix.isEmpty || prefix.count > 253 || !labels.allSatisfy({ isDNSLabel(String($0)) }) {
                return "key prefix \(FieldGrammar.quoted(prefix)) is not a DNS subdomain (lowercase letters, digits, '-' and '.', at most 253 characters)"
            }
        }
        if name.isEmpty || name.count > 63 || !isLabelWord(name) {
            return "key name \(FieldGrammar.quoted(name)) must be 1 to 63 characters of letters, digits, '-', '_' and '.', starting and ending with a letter or digit"
        }
        if !label.value.isEmpty && (label.value.count > 63 || !isLabelWord(label.value)) {
            return "value \(FieldGrammar.quoted(label.value)) of \(label.key) must be at most 63 characters of letters, digits, '-', '_' and '.', starting and ending with a letter or digit"
        }
        return nil
    }

    /// ASCII letters and digits, with '-', '_' and '.' inside; checked byte by byte (any other
    /// byte, of a non-ASCII character too, fails).
    static func isLabelWord(_ word: String) -> Bool {
        let bytes = word.utf8
        guard let first = bytes.first, let last = bytes.last, first.isASCIILetterOrDigit, last.isASCIILetterOrDigit else { return false }
        return bytes.allSatisfy { $0.isASCIILetterOrDigit || $0 == .minus || $0 == .underscore || $0 == .dot }
    }

    static func isDNSLabel(_ word: String) -> Bool {
        HostnameRules.problem(word) == nil
    }
}
