/// sysinv's rules over a host's disks, partitions and LVM physical volumes, for the hosts that
/// list their disks: what the agent could never report (a path or partition number twice,
/// partitions that overlap or overrun their disk), what sysinv's API refuses (nova-local off the
/// worker subfunction, a cgts-vg physical volume removed, an OSD on the root disk), and what
/// would break the host (no cgts-vg physical volume: LVM's filter would hide the platform's own
/// volume group).
enum DiskRules {
    static func check(_ inventory: Inventory) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for host in inventory.hosts where !host.disks.isEmpty {
            diagnostics += checkDisks(host)
            diagnostics += checkPartitions(host)
            diagnostics += checkPhysicalVolumes(host)
        }
        diagnostics += checkOSDDisks(inventory)
        return diagnostics
    }

    // MARK: Disks

    /// More disks than any server holds is a mistake, and bounds the work a host's disks cost.
    static let maximumDisks = 1024

    static func checkDisks(_ host: InventoryHost) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if host.disks.count > maximumDisks {
            diagnostics.append(Diagnostic(.diskLayout,
                "\(host.name) lists \(host.disks.count) disks, more than the \(maximumDisks) a host may have; list the disks the agent reports", at: host.disks[maximumDisks].location))
        }
        var devices: [String: SourceLocation] = [:]
        var nodes: [String: SourceLocation] = [:]
        for disk in host.disks {
            if let first = seenBefore(disk.device, in: &devices) {
                diagnostics.append(Diagnostic(.diskLayout,
                    "disk \(disk.device.value) of \(host.name) is already listed at line \(first.line); list each disk once", at: disk.device.location))
            }
            if let first = seenBefore(disk.node, in: &nodes) {
                diagnostics.append(Diagnostic(.diskLayout,
                    "device node \(disk.node.value) of \(host.name) is already the node of the disk at line \(first.line); give each disk its own node", at: disk.node.location))
            }
        }
        let roots = host.disks.filter(\.isRootfs)
        if roots.count > 1 {
            diagnostics.append(Diagnostic(.diskLayout,
                "\(host.name) has \(roots.count) disks marked rootfs; the platform is installed on one, so mark only that disk", at: roots[1].location))
        }
        return diagnostics
    }

    /// Where a device path was listed first, if it was; a path the schema refused (or that is
    /// missing) was reported there and is passed over.
    static func seenBefore(_ path: Located<String>, in seen: inout [String: SourceLocation]) -> SourceLocation? {
        guard FieldGrammar.devicePath.problem(path.value) == nil else { return nil }
        if let first = seen[path.value] { return first }
        seen[path.value] = path.location
        return nil
    }

    // MARK: Partitions

    static func checkPartitions(_ host: InventoryHost) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for disk in host.disks {
            if let volume = disk.physicalVolume, !disk.partitions.isEmpty {
                diagnostics.append(Diagnostic(.diskLayout,
                    "disk \(disk.device.value) of \(host.name) is a whole-disk physical volume of \(volume.group.value.rawValue) and also has partitions; give the volume group a partition, or remove the partitions",
                    at: volume.location))
            }
            var numbers: [Int: SourceLocation] = [:]
            for partition in disk.partitions {
                let number = partition.number.value
                if let first = numbers[number] {
                    diagnostics.append(Diagnostic(.diskLayout,
                        "partition \(number) of \(disk.device.value) on \(host.name) is already listed at line \(first.line); list each partition once", at: partition.number.location))
                } else {
                    numbers[number] = partition.number.location
                }
                if let state = partition.state?.value, state != .create {
                    // sysinv knows these of every partition the agent reported.
                    let missing = [("uuid", partition.uuid == nil), ("type_guid", partition.typeGUID == nil), ("start_mib", partition.startMiB == nil)]
                        .filter(\.1).map(\.0)
                    if !missing.isEmpty {
                        diagnostics.append(Diagnostic(.diskLayout,
                            "partition \(number) of \(disk.device.value) on \(host.name) exists on the disk, so its \(missing.joined(separator: ", ")) must be given (sgdisk -i \(number) \(disk.node.value) shows them); add \(missing.count == 1 ? "it" : "them"), or set state: create for a partition still to be made",
                            at: partition.location))
                    }
                }
            }
            diagnostics += checkExtents(disk, host)
        }
        return diagnostics
    }

    /// Partitions whose place is known must lie inside the disk and apart from each other.
    static func checkExtents(_ disk: HostDisk, _ host: InventoryHost) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let placed = disk.partitions.filter { $0.startMiB != nil && $0.state != nil && $0.state?.value != .create }
            .sorted { ($0.startMiB?.value ?? 0, $0.number.value) < ($1.startMiB?.value ?? 0, $1.number.value) }
        for (index, partition) in placed.enumerated() {
            let start = partition.startMiB?.value ?? 0
            let end = start + partition.sizeMiB.value
            if let size = disk.sizeMiB?.value, end > size {
                diagnostics.append(Diagnostic(.diskLayout,
                    "partition \(partition.number.value) of \(disk.device.value) on \(host.name) ends at MiB \(end), past the disk's \(size) MiB; correct its start_mib and size_mib, or the disk's size_mib",
                    at: partition.sizeMiB.location))
            }
            if index > 0 {
                let previous = placed[index - 1]
                let previousEnd = (previous.startMiB?.value ?? 0) + previous.sizeMiB.value
                if start < previousEnd {
                    diagnostics.append(Diagnostic(.diskLayout,
                        "partition \(partition.number.value) of \(disk.device.value) on \(host.name) starts at MiB \(start), inside partition \(previous.number.value) (MiB \(previous.startMiB?.value ?? 0) to \(previousEnd)); correct start_mib or size_mib",
                        at: partition.startMiB?.location ?? partition.location))
                }
            }
        }
        return diagnostics
    }

    // MARK: Physical volumes

    static func checkPhysicalVolumes(_ host: InventoryHost) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var hasPlatformVolume = false
        for disk in host.disks {
            for state in [disk.pvStateWithoutGroup] + disk.partitions.map(\.pvStateWithoutGroup) {
                guard let state else { continue }
                diagnostics.append(Diagnostic(.volumeGroup,
                    "pv_state \(state.value.rawValue) is given without volume_group; add the volume group it belongs to, or remove pv_state", at: state.location))
            }
            if let volume = disk.physicalVolume {
                diagnostics += check(volume, of: "disk \(disk.device.value)", on: host)
                hasPlatformVolume = hasPlatformVolume || volume.group.value == .cgtsVG
            }
            for partition in disk.partitions {
                guard let volume = partition.physicalVolume else { continue }
                let name = "partition \(disk.path(of: partition))"
                diagnostics += check(volume, of: name, on: host)
                if let state = partition.state, state.value == .delete {
                    diagnostics.append(Diagnostic(.volumeGroup,
                        "\(name) of \(host.name) is to be deleted but is a physical volume of \(volume.group.value.rawValue); remove the volume group from it first (or mark it pv_state: removing on nova-local and delete the partition later)",
                        at: state.location))
                }
                hasPlatformVolume = hasPlatformVolume || volume.group.value == .cgtsVG
            }
        }
        if !hasPlatformVolume {
            diagnostics.append(Diagnostic(.volumeGroup,
                "\(host.name) lists its disks but no cgts-vg physical volume, and LVM's filter would then hide the platform's volume group; give the partition that holds cgts-vg (the root disk's last, from the installer) volume_group: cgts-vg",
                at: host.disks[0].location))
        }
        return diagnostics
    }

    static func check(_ volume: PhysicalVolume, of name: String, on host: InventoryHost) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        switch volume.group.value {
        case .novaLocal where !host.hasWorkerSubfunction:
            // sysinv: nova-local only on hosts with the worker subfunction.
            diagnostics.append(Diagnostic(.volumeGroup,
                "\(name) of \(host.name) is given to nova-local, which only hosts with the worker subfunction have; remove volume_group, or use cgts-vg",
                at: volume.group.location))
        case .cgtsVG where volume.isRemoving:
            // sysinv only ever adds physical volumes to cgts-vg.
            diagnostics.append(Diagnostic(.volumeGroup,
                "\(name) of \(host.name) is a cgts-vg physical volume marked removing, but cgts-vg's physical volumes are never removed; remove pv_state",
                at: volume.state?.location ?? volume.location))
        default:
            break
        }
        return diagnostics
    }

    // MARK: OSD disks

    /// On a host that lists its disks, an OSD's disk and journal disk are among them, are not
    /// the root disk, and hold no partitions or physical volume of the host's own.
    static func checkOSDDisks(_ inventory: Inventory) -> [Diagnostic] {
        guard let ceph = inventory.storage?.ceph else { return [] }
        var diagnostics: [Diagnostic] = []
        // Each listing host's disks by path, the first of a path that is listed twice.
        var disks: [String: [String: HostDisk]] = [:]
        for host in inventory.hosts where !host.disks.isEmpty && disks[host.name] == nil {
            disks[host.name] = Dictionary(host.disks.map { ($0.device.value, $0) }, uniquingKeysWith: { first, _ in first })
        }
        for osd in ceph.osds {
            guard let hostDisks = disks[osd.host.value] else { continue }
            let host = osd.host.value
            let devices = [(osd.device, "OSD")] + (osd.journal.map { [($0.device, "journal")] } ?? [])
            for (device, role) in devices where FieldGrammar.devicePath.problem(device.value) == nil {
                guard let disk = hostDisks[device.value] else {
                    diagnostics.append(Diagnostic(.storageReference,
                        "\(role) disk \(device.value) is not one of \(host)'s disks; name a disk listed under its disks, or add it there",
                        at: device.location))
                    continue
                }
                let problem: String? = if disk.isRootfs {
                    // sysinv: "Can not associate to a rootfs disk".
                    "it is the root disk, which holds the platform"
                } else if !disk.partitions.isEmpty || disk.physicalVolume != nil {
                    // sysinv: "Disk already assigned."
                    "it holds \(disk.physicalVolume.map { "a physical volume of \($0.group.value.rawValue)" } ?? "partitions") already"
                } else {
                    nil
                }
                if let problem {
                    diagnostics.append(Diagnostic(.cephDevice,
                        "\(role) disk \(device.value) of \(host) cannot be given to Ceph: \(problem); use an empty disk", at: device.location))
                }
            }
        }
        return diagnostics
    }
}
