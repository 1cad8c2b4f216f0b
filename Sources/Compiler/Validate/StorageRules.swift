/// sysinv's storage API rules over the Ceph backend, its monitors and OSDs.
enum StorageRules {
    static func check(_ inventory: Inventory) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let ceph = inventory.storage?.ceph
        for host in inventory.hosts where host.personality.value == .storage && ceph == nil {
            diagnostics.append(Diagnostic(.storageWithoutCeph,
                "storage host \(host.name) needs a Ceph backend; add storage.ceph or make the host a worker", at: host.personality.location))
        }
        for osd in ceph?.osds ?? [] {
            guard let host = inventory.hosts.first(where: { $0.name == osd.host.value }) else {
                diagnostics.append(Diagnostic(.storageReference, "OSD host \(osd.host.value) is not in hosts; name an existing storage host", at: osd.host.location))
                continue
            }
            let allowed = host.personality.value == .storage || (inventory.system.type.value == .allInOne && host.isController)
            if !allowed {
                diagnostics.append(Diagnostic(.storageReference,
                    "OSDs go on storage hosts (or all-in-one controllers); \(host.name) is a \(host.personality.value.rawValue)", at: osd.host.location))
            }
            if let tiers = ceph?.tiers.map(\.value), !tiers.contains(osd.tierName) {
                diagnostics.append(Diagnostic(.storageReference, "OSD tier \(osd.tierName) is not one of storage.ceph.tiers (\(tiers.joined(separator: ", ")))", at: osd.tier?.location ?? osd.location))
            }
        }
        return diagnostics
    }
}
