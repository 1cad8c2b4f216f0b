import Compiler

/// A host's LVM physical volumes as 013_storage hands them to puppet: the volume groups' members,
/// and the global filters of lvm.conf that let LVM see only them. The final filter admits
/// cgts-vg's volumes, then nova-local's that stay; while nova-local volumes are being removed,
/// the transition filter admits those too, in the order of Python 2's `list(set(…))`, as sysinv
/// wrote it.
struct LVMFilters {
    var platform: [String] = []
    var localStorage: [String] = []
    var removing: [String] = []
    var sources: [SourceLocation] = []

    init(_ host: InventoryHost) {
        for disk in host.disks {
            if let volume = disk.physicalVolume { add(disk.device.value, volume) }
            for partition in disk.partitions {
                if let volume = partition.physicalVolume { add(disk.path(of: partition), volume) }
            }
        }
    }

    private mutating func add(_ path: String, _ volume: PhysicalVolume) {
        switch volume.group.value {
        case .cgtsVG: platform.append(path)
        case .novaLocal where volume.isRemoving: removing.append(path)
        case .novaLocal: localStorage.append(path)
        }
        sources.append(volume.location)
    }

    var finalDevices: [String] { platform + localStorage }
    var finalFilter: String { Self.filter(finalDevices) }
    var transitionFilter: String { Self.filter(PythonTwoOrder.set(removing + finalDevices)) }

    /// sysinv's `format_lvm_filter`: accept each device, reject the rest. Device paths passed
    /// their grammar, which admits neither `|` nor `"`.
    static func filter(_ devices: [String]) -> String {
        "[ " + (devices.map { "\"a|\($0)|\"" } + ["\"r|.*|\""]).joined(separator: ", ") + " ]"
    }
}
