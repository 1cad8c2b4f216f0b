/// sysinv's checks of a host's board management fields (`_bm_semantic_check_and_update`), over
/// the whole inventory at once: a type maintenance can use wherever an address or user is given,
/// both of them with a type, the OAM network's IP version, and each BMC address on one host.
enum BoardManagementRules {
    static func check(_ inventory: Inventory) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let oamFamily = inventory.networks[.oam]?.subnet.value.family
        var owners: [IPAddress: (host: String, line: Int)] = [:]
        for host in inventory.hosts {
            guard let bm = host.boardManagement, let type = bm.type else { continue }
            if !type.value.isProvisioned {
                // sysinv: "Board Management controller Type is not provisioned."
                if let given = bm.address.map({ ("bm_ip", $0.location) }) ?? bm.username.map({ ("bm_username", $0.location) })
                    ?? bm.systemID.map({ ("bm_system_id", $0.location) }) {
                    // Without bm_type, sysinv makes the type dynamic only when both are given.
                    let why = bm.namesType ? "bm_type none" : "no bm_type, and without both bm_ip and bm_username that means none"
                    diagnostics.append(Diagnostic(.bmcNotProvisioned,
                        "\(host.name) has \(given.0) but \(why), so maintenance would never use it; set bm_type to ipmi, redfish or dynamic (and give bm_ip and bm_username), or remove \(given.0)",
                        at: given.1))
                }
                continue
            }
            // sysinv: "Board Management controller username is not configured." / "IP Address is not valid."
            let missing = [("bm_ip", !bm.namesAddress), ("bm_username", !bm.namesUsername)].filter(\.1).map(\.0)
            if !missing.isEmpty {
                diagnostics.append(Diagnostic(.bmcIncomplete,
                    "\(host.name) has bm_type \(type.value.rawValue) but no \(missing.joined(separator: " and ")); add \(missing.count == 1 ? "it" : "them") (the password is the secret \(BoardManagement.passwordSecret(host.name))), or set bm_type none",
                    at: type.location))
            }
            if let systemID = bm.systemID, type.value != .redfish && type.value != .dynamic {
                diagnostics.append(Diagnostic(.bmcSystemID,
                    "\(host.name) has bm_system_id, which only a Redfish BMC has, but bm_type \(type.value.rawValue); set bm_type redfish or dynamic, or remove bm_system_id",
                    at: systemID.location))
            }
            guard let address = bm.address else { continue }
            if let oamFamily, address.value.family != oamFamily {
                // sysinv: "Board management controller IP address must be the same version as OAM primary address."
                diagnostics.append(Diagnostic(.bmcAddressFamily,
                    "\(host.name)'s bm_ip \(address.value) is IPv\(address.value.family), but the OAM network is IPv\(oamFamily); give the BMC an IPv\(oamFamily) address",
                    at: address.location))
            }
            if let owner = owners[address.value] {
                // sysinv: "bm_ip … already exists".
                diagnostics.append(Diagnostic(.bmcAddressTaken,
                    "\(host.name)'s bm_ip \(address.value) is already the BMC of \(owner.host) (line \(owner.line)); each host has its own BMC address",
                    at: address.location))
            } else {
                owners[address.value] = (host.name, address.location.line)
            }
        }
        return diagnostics
    }
}
