/// Rules over data networks and the interfaces that attach them: names resolve, only data and
/// PCI interfaces attach them, MTUs fit, and SR-IOV and passthrough ports say which PCI device
/// they are and how many VFs they get — the facts neutron, nova and the SR-IOV device plugin need.
enum DataNetworkRules {
    static func check(_ inventory: Inventory) -> [Diagnostic] {
        var diagnostics = checkNames(inventory.dataNetworks)
        for host in inventory.hosts {
            var pciOwners: [String: String] = [:]
            for interface in host.interfaces {
                diagnostics += checkAttachments(interface, host, inventory)
                diagnostics += checkSRIOV(interface, host)
                diagnostics += checkPCIAddress(interface, host, owners: &pciOwners)
            }
        }
        return diagnostics
    }

    static func checkNames(_ networks: [DataNetwork]) -> [Diagnostic] {
        var seen: [String: SourceLocation] = [:]
        var diagnostics: [Diagnostic] = []
        for network in networks {
            if let first = seen[network.name.value] {
                diagnostics.append(Diagnostic(.duplicateDataNetwork,
                    "data network \(network.name.value) is already defined at line \(first.line); give each data network its own name", at: network.name.location))
            } else {
                seen[network.name.value] = network.name.location
            }
        }
        return diagnostics
    }

    static func checkAttachments(_ interface: Interface, _ host: InventoryHost, _ inventory: Inventory) -> [Diagnostic] {
        let name = "\(interface.name.value) on \(host.name)"
        guard let first = interface.dataNetworks.first else { return [] }
        guard interface.interfaceClass.attachesDataNetworks else {
            return [Diagnostic(.dataNetworkNotAllowed,
                "\(name) is a \(interface.interfaceClass.rawValue)-class interface; data networks attach only to class data, pci-sriov or pci-passthrough: set its class or move data_networks to another interface",
                at: first.location)]
        }
        var diagnostics: [Diagnostic] = []
        if interface.interfaceClass == .data {
            // neutron's OVS agent maps each physical network to its own bridge, and each bridge has one port.
            let bridged = interface.dataNetworks.filter { inventory.dataNetwork(named: $0.value).map { $0.type.value != .vxlan } ?? false }
            for extra in bridged.dropFirst() {
                diagnostics.append(Diagnostic(.dataNetworkNotAllowed,
                    "\(name) already attaches flat or vlan data network \(bridged[0].value); OVS gives each such network its own bridge and port, so attach \(extra.value) to another data interface",
                    at: extra.location))
            }
        }
        for reference in interface.dataNetworks {
            guard let network = inventory.dataNetwork(named: reference.value) else {
                let known = inventory.dataNetworks.map(\.name.value)
                var message = "\(name) attaches data network \(reference.value), which is not in data_networks"
                if let suggestion = SchemaChecker.closest(to: reference.value, among: known) {
                    message += "; did you mean \(suggestion)?"
                } else {
                    message += known.isEmpty ? "; define it under data_networks" : "; define it or use one of \(known.joined(separator: ", "))"
                }
                diagnostics.append(Diagnostic(.unknownDataNetwork, message, at: reference.location))
                continue
            }
            if interface.mtu.value < network.mtu.value {
                diagnostics.append(Diagnostic(.dataNetworkMTU,
                    "\(name) has MTU \(interface.mtu.value) but data network \(network.name.value) carries frames of up to \(network.mtu.value); set the interface's mtu to at least \(network.mtu.value) or lower the data network's",
                    at: reference.location))
            }
        }
        return diagnostics
    }

    static func checkSRIOV(_ interface: Interface, _ host: InventoryHost) -> [Diagnostic] {
        let name = "\(interface.name.value) on \(host.name)"
        if interface.interfaceClass == .pciSRIOV {
            guard interface.sriovVFs == nil else { return [] }
            return [Diagnostic(.sriovSettings, "pci-sriov interface \(name) needs sriov_vfs, the number of virtual functions to create", at: interface.location)]
        }
        let stray: [(String, SourceLocation)] = [("sriov_vfs", interface.sriovVFs?.location), ("sriov_vf_driver", interface.sriovVFDriver?.location)]
            .compactMap { field, location in location.map { (field, $0) } }
        return stray.map { field, location in
            Diagnostic(.sriovSettings,
                "\(field) applies only to pci-sriov interfaces, and \(name) is class \(interface.interfaceClass.rawValue); set class: pci-sriov or remove \(field)", at: location)
        }
    }

    static func checkPCIAddress(_ interface: Interface, _ host: InventoryHost, owners: inout [String: String]) -> [Diagnostic] {
        let name = "\(interface.name.value) on \(host.name)"
        guard let address = interface.pciAddress else {
            guard [.pciSRIOV, .pciPassthrough].contains(interface.interfaceClass) else { return [] }
            return [Diagnostic(.pciAddress, "\(interface.interfaceClass.rawValue) interface \(name) needs pci_address, its port's PCI address (e.g. 0000:00:0a.0)", at: interface.location)]
        }
        if interface.type != .ethernet {
            return [Diagnostic(.pciAddress, "\(name) is a \(interface.type.rawValue); only an ethernet port has a PCI address: remove pci_address", at: address.location)]
        }
        if !isPCIAddress(address.value) {
            return [Diagnostic(.invalidFormat,
                "pci_address \"\(address.value)\" of \(name) is not a PCI address; write domain:bus:device.function in hex, e.g. 0000:00:0a.0", at: address.location)]
        }
        let canonical = address.value.lowercased()
        if let other = owners[canonical] {
            return [Diagnostic(.pciAddress, "pci_address \(address.value) of \(name) is also given to \(other); each port has its own PCI address", at: address.location)]
        }
        owners[canonical] = interface.name.value
        return []
    }

    /// `dddd:bb:dd.f`: 16-bit domain, 8-bit bus, 5-bit device, 3-bit function, in ASCII hex
    /// digits (not their fullwidth forms, which `Int(_:radix:)` does not read).
    static func isPCIAddress(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return false }
        let slot = parts[2].split(separator: ".", omittingEmptySubsequences: false)
        guard slot.count == 2 else { return false }
        let fields = [parts[0], parts[1], slot[0], slot[1]]
        let widths = [4, 2, 2, 1]
        guard zip(fields, widths).allSatisfy({ field, width in field.utf8.count == width && field.utf8.allSatisfy(\.isHex) }) else { return false }
        return Int(fields[2], radix: 16)! < 32 && Int(fields[3], radix: 16)! < 8
    }
}
