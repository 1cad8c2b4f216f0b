/// Rules over how a host's interfaces stack, as sysinv's interface API enforces them: a port
/// belongs to at most one bond, once, and carries nothing itself; a VLAN fits inside its lower
/// interface and has its own id there.
enum InterfaceRules {
    static func check(_ host: InventoryHost) -> [Diagnostic] {
        checkBondMembers(host) + checkVLANs(host)
    }

    static func checkBondMembers(_ host: InventoryHost) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var bondOf: [String: (bond: String, location: SourceLocation)] = [:]
        for bond in host.interfaces where bond.type == .bond {
            var listed: Set<String> = []
            for member in bond.members {
                if !listed.insert(member.value).inserted {
                    diagnostics.append(Diagnostic(.bondMemberRepeated,
                        "bond \(bond.name.value) on \(host.name) lists \(member.value) twice; list each member once", at: member.location))
                    continue
                }
                if let other = bondOf[member.value] {
                    diagnostics.append(Diagnostic(.bondMemberShared,
                        "\(member.value) on \(host.name) is already a member of bond \(other.bond) (line \(other.location.line)); a port belongs to one bond: remove it from \(bond.name.value)",
                        at: member.location))
                    continue
                }
                bondOf[member.value] = (bond.name.value, member.location)
            }
        }
        for interface in host.interfaces {
            guard let bond = bondOf[interface.name.value] else { continue }
            let carried = interface.networks.map { ($0.value.rawValue, $0.location) } + interface.dataNetworks.map { ($0.value, $0.location) }
            if let (network, location) = carried.first {
                diagnostics.append(Diagnostic(.bondMemberCarriesNetwork,
                    "\(interface.name.value) on \(host.name) is a member of bond \(bond.bond) and cannot carry \(network) itself; move its networks to \(bond.bond)",
                    at: location))
            } else if interface.interfaceClass != .none {
                diagnostics.append(Diagnostic(.bondMemberCarriesNetwork,
                    "\(interface.name.value) on \(host.name) is a member of bond \(bond.bond), so its class must be none, not \(interface.interfaceClass.rawValue); set the class on \(bond.bond)",
                    at: interface.location))
            }
        }
        return diagnostics
    }

    static func checkVLANs(_ host: InventoryHost) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var idOwner: [String: String] = [:]
        for vlan in host.interfaces where vlan.type == .vlan {
            guard let lowerName = vlan.lower?.value, let lower = host.interfaces.first(where: { $0.name.value == lowerName }) else { continue }
            if vlan.mtu.value > lower.mtu.value {
                diagnostics.append(Diagnostic(.vlanMTU,
                    "vlan \(vlan.name.value) on \(host.name) has MTU \(vlan.mtu.value), above the MTU \(lower.mtu.value) of its lower interface \(lowerName); lower the vlan's mtu or raise \(lowerName)'s",
                    at: vlan.mtu.location))
            }
            guard let id = vlan.vlanID else { continue }
            let key = "\(lowerName)/\(id)"
            if let other = idOwner[key] {
                diagnostics.append(Diagnostic(.duplicateVLAN,
                    "vlan \(vlan.name.value) on \(host.name) reuses VLAN id \(id) of \(other) on \(lowerName); each VLAN on an interface has its own id",
                    at: vlan.location))
            } else {
                idOwner[key] = vlan.name.value
            }
        }
        return diagnostics
    }
}
