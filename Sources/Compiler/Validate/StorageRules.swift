/// sysinv's storage API rules over the Ceph backend, its tiers, monitors and OSDs, restated for
/// an inventory: what sysinv refuses one command at a time is refused here for the whole file,
/// every problem in one run.
enum StorageRules {
    static func check(_ inventory: Inventory) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let ceph = inventory.storage?.ceph
        // sysinv: storage hosts can only be added when the Ceph backend is configured.
        for host in inventory.hosts where host.personality.value == .storage && ceph == nil {
            diagnostics.append(Diagnostic(.storageWithoutCeph,
                "storage host \(host.name) needs a Ceph backend; add storage.ceph or make the host a worker", at: host.personality.location))
        }
        guard let ceph else { return diagnostics }
        let context = Context(inventory: inventory, ceph: ceph)
        diagnostics += checkReplication(context)
        diagnostics += checkTiers(context)
        diagnostics += checkMonitors(context)
        diagnostics += checkPlacement(context)
        diagnostics += checkDevices(context)
        diagnostics += checkUnlocks(context)
        return diagnostics
    }

    /// What every rule reads: the inventory, its Ceph backend, the hosts by name and the model.
    struct Context {
        let inventory: Inventory
        let ceph: CephSettings
        let hosts: [String: InventoryHost]
        let model: CephStorageModel

        /// The tiers the schema accepted: a name it refused was reported there, and is not
        /// reported again for what it breaks here.
        let tiers: [Located<String>]
        let monitors: [Located<String>]
        /// OSDs whose host the schema accepted; the rules over their devices and tiers skip those
        /// it refused.
        let osds: [CephOSD]

        init(inventory: Inventory, ceph: CephSettings) {
            self.inventory = inventory
            self.ceph = ceph
            hosts = Dictionary(inventory.hosts.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            model = CephStorageModel(inventory)
            tiers = ceph.tiers.filter { Self.accepted($0.value, .tierName) }
            monitors = ceph.monitors.filter { Self.accepted($0.value, HostnameRules.grammar) }
            osds = ceph.osds.filter { Self.accepted($0.host.value, HostnameRules.grammar) }
        }

        var isAllInOne: Bool { inventory.system.type.value == .allInOne }
        /// "all-in-one simplex", "standard duplex": as the system section names it.
        var systemName: String { "\(inventory.system.type.value.rawValue) \(inventory.system.mode.value.rawValue)" }
        /// The tiers' names, each once, in the order of storage.ceph.tiers. An empty list is the
        /// primary tier alone, as the charts read it.
        var tierNames: [String] {
            var seen: Set<String> = []
            let names = tiers.map(\.value).filter { seen.insert($0).inserted }
            return names.isEmpty ? [CephSettings.primaryTier] : names
        }

        static func accepted(_ value: String, _ grammar: FieldGrammar) -> Bool { grammar.problem(value) == nil }
        /// The tiers that hold at least one OSD, in the order of storage.ceph.tiers.
        var tiersInUse: [String] {
            let used = Set(osds.map(\.tierName))
            return tierNames.filter(used.contains)
        }
    }

    // MARK: Replication

    static func checkReplication(_ context: Context) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let replication = context.ceph.replication
        let minimum = context.model == .allInOneSimplex ? 1 : 2
        // sysinv: "Required backend parameter 'replication' has invalid value" (1–3 on AIO-SX, else 2–3).
        if replication.value < minimum || replication.value > 3 {
            diagnostics.append(Diagnostic(.cephReplication,
                "replication \(replication.value) is not allowed on a \(context.systemName) system; set storage.ceph.replication to \(minimum == 1 ? "1, 2 or 3" : "2 or 3")",
                at: replication.location))
        }
        // sysinv: "Missing or invalid value for backend parameter 'min_replication'" ({1: [1], 2: [1], 3: [1, 2]}).
        let minReplication = context.ceph.minReplication
        let allowed = replication.value >= 3 ? [1, 2] : [1]
        if !allowed.contains(minReplication.value) {
            diagnostics.append(Diagnostic(.cephMinReplication,
                "min_replication \(minReplication.value) is not allowed with replication \(replication.value); set storage.ceph.min_replication to \(allowed.map(String.init).joined(separator: " or "))",
                at: minReplication.location))
        }
        return diagnostics
    }

    // MARK: Tiers

    static func checkTiers(_ context: Context) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let tiers = context.tiers
        let primary = CephSettings.primaryTier
        // sysinv: "Default system storage tier (storage) must be present" before any other tier.
        if let first = tiers.first, first.value != primary {
            diagnostics.append(Diagnostic(.cephTier,
                "the first storage tier is \(first.value), but the primary tier must come first; put \(primary) first in storage.ceph.tiers", at: first.location))
        }
        // sysinv: "Storage Tier … already present."
        var seen: [String: SourceLocation] = [:]
        for tier in tiers {
            if let first = seen[tier.value] {
                diagnostics.append(Diagnostic(.cephTier,
                    "storage tier \(tier.value) is already listed at line \(first.line); list each tier once", at: tier.location))
            } else {
                seen[tier.value] = tier.location
            }
        }
        let names = context.tierNames
        for osd in context.osds {
            if let tier = osd.tier {
                if Context.accepted(tier.value, .tierName) && !names.contains(tier.value) {
                    diagnostics.append(Diagnostic(.storageReference,
                        "OSD tier \(tier.value) is not one of storage.ceph.tiers (\(names.joined(separator: ", "))); name a listed tier or add it to tiers",
                        at: tier.location))
                }
            } else if names.count > 1 {
                // sysinv: "Multiple storage tiers are present. A tier is required for stor creation."
                diagnostics.append(Diagnostic(.cephTier,
                    "OSD \(osd.device.value) on \(osd.host.value) names no tier, but there are \(names.count) tiers; give the OSD a tier (\(names.joined(separator: ", ")))",
                    at: osd.location))
            }
        }
        return diagnostics
    }

    // MARK: Monitors

    /// One diagnostic per extra monitor: the first rule it breaks.
    static func checkMonitors(_ context: Context) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let hasStorageHosts = context.inventory.hosts.contains { $0.personality.value == .storage }
        for (index, monitor) in context.monitors.enumerated() {
            let name = monitor.value
            let host = context.hosts[name]
            let problem: (DiagnosticCode, String)?
            if index > 0 {
                // sysinv: "Too many ceph monitor hosts" (a third monitor at most, besides the controllers).
                problem = (.cephMonitor, "a second extra monitor (\(name)) is one too many: Ceph runs three monitors, the controllers and one more; keep one host in storage.ceph.monitors")
            } else if context.isAllInOne {
                // sysinv: a worker monitor only on a Standard system (controller model).
                problem = (.cephMonitor, "an all-in-one system's monitors run on its controllers; remove storage.ceph.monitors")
            } else if host == nil {
                problem = (.storageReference, "monitor host \(name) is not in hosts; name an existing worker host")
            } else if host?.isController == true {
                problem = (.cephMonitor, "\(name) is a controller, and the controllers run monitors already; name a worker host or remove the monitor")
            } else if host?.personality.value == .storage {
                // sysinv: "Ceph monitor can only be added to storage-0 or any worker."
                problem = (.cephMonitor, "\(name) is a storage host; storage-0 runs the third monitor on its own, so name a worker host or remove the monitor")
            } else if hasStorageHosts {
                // sysinv: "Can not add a storage monitor to a worker if ceph's deployments model is already set to storage-nodes".
                problem = (.cephMonitor, "the system has storage hosts, so storage-0 runs the third monitor; remove the worker monitor \(name)")
            } else if context.ceph.replication.value > 2 {
                // sysinv: a worker monitor only while replication is at most 2.
                problem = (.cephMonitor, "a worker monitor allows replication up to 2, and replication is \(context.ceph.replication.value); set storage.ceph.replication to 2 or add storage hosts instead of the worker monitor")
            } else {
                problem = nil
            }
            if let (code, message) = problem {
                diagnostics.append(Diagnostic(code, message, at: monitor.location))
            }
        }
        return diagnostics
    }

    // MARK: OSD placement

    static func checkPlacement(_ context: Context) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for osd in context.osds {
            guard let host = context.hosts[osd.host.value] else {
                diagnostics.append(Diagnostic(.storageReference, "OSD host \(osd.host.value) is not in hosts; name an existing host", at: osd.host.location))
                continue
            }
            // sysinv: "Storage model is '…'. Storage devices can only be added to … nodes."
            let message: String? = switch context.model {
            case .storageNodes where host.personality.value != .storage:
                "the storage model is storage-nodes (the system has storage hosts), so OSDs go on storage hosts only, and \(host.name) is a \(host.personality.value.rawValue); move the OSD to a storage host"
            case .controllerNodes where !host.isController, .allInOneSimplex where !host.isController:
                "the storage model is \(context.model.rawValue), so OSDs go on controllers only, and \(host.name) is a \(host.personality.value.rawValue); move the OSD to a controller"
            case .undefined:
                // sysinv: "Please install storage-0 or configure a Ceph monitor on a worker node before adding storage devices."
                "a standard system needs storage hosts or a worker monitor before OSDs can be placed; add storage hosts (storage-0) for the OSDs, or a worker monitor (storage.ceph.monitors) to keep them on the controllers"
            default:
                nil
            }
            if let message {
                diagnostics.append(Diagnostic(.osdPlacement, message, at: osd.host.location))
            }
        }
        return diagnostics
    }

    // MARK: Devices

    /// sysinv: "Disk already assigned." A disk holds one OSD, or journals, never both.
    static func checkDevices(_ context: Context) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var dataDisks: [String: [String: SourceLocation]] = [:]
        let osds = context.osds.filter { Context.accepted($0.device.value, .devicePath) }
        for osd in osds {
            if let first = dataDisks[osd.host.value]?[osd.device.value] {
                diagnostics.append(Diagnostic(.cephDevice,
                    "\(osd.device.value) on \(osd.host.value) already holds the OSD at line \(first.line); give each OSD its own disk", at: osd.device.location))
            } else {
                dataDisks[osd.host.value, default: [:]][osd.device.value] = osd.device.location
            }
        }
        for osd in osds {
            guard let journal = osd.journal, Context.accepted(journal.device.value, .devicePath) else { continue }
            if journal.device.value == osd.device.value {
                diagnostics.append(Diagnostic(.cephDevice,
                    "the journal of \(osd.device.value) on \(osd.host.value) is on the OSD's own disk; remove journal to keep it collocated, or name a separate journal disk",
                    at: journal.device.location))
            } else if let data = dataDisks[osd.host.value]?[journal.device.value] {
                diagnostics.append(Diagnostic(.cephDevice,
                    "journal disk \(journal.device.value) on \(osd.host.value) is the data disk of the OSD at line \(data.line); use a disk that holds no OSD for journals",
                    at: journal.device.location))
            }
        }
        return diagnostics
    }

    // MARK: Unlocking

    static func checkUnlocks(_ context: Context) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let osds = context.osds
        let unlocked = context.inventory.hosts.filter { !$0.isLocked }
        for host in unlocked where host.personality.value == .storage && !osds.contains(where: { $0.host.value == host.name }) {
            // sysinv: "Can not unlock a storage node without any Storage Volumes configured."
            diagnostics.append(Diagnostic(.storageHostWithoutOSD,
                "storage host \(host.name) is unlocked but has no OSD; add an OSD on \(host.name) to storage.ceph.osds, or lock it", at: host.administrative.location))
        }
        switch context.model {
        case .allInOneSimplex:
            // sysinv: "Can not unlock node until at least N osd stor are configured for tier '…'."
            let replication = context.ceph.replication.value
            for host in unlocked where host.isController {
                for tier in context.tiersInUse {
                    let count = osds.filter { $0.host.value == host.name && $0.tierName == tier }.count
                    if count < replication {
                        diagnostics.append(Diagnostic(.tooFewOSDs,
                            "\(host.name) is unlocked with \(count) OSD\(count == 1 ? "" : "s") in tier \(tier), fewer than replication \(replication); add OSDs to tier \(tier), lower storage.ceph.replication, or lock \(host.name)",
                            at: host.administrative.location))
                    }
                }
            }
        case .controllerNodes where context.isAllInOne:
            // sysinv: an all-in-one duplex controller unlocks only when every storage tier has an OSD on it.
            for host in unlocked where host.isController {
                for tier in context.tiersInUse where !osds.contains(where: { $0.host.value == host.name && $0.tierName == tier }) {
                    diagnostics.append(Diagnostic(.tooFewOSDs,
                        "\(host.name) is unlocked without an OSD in tier \(tier), and each unlocked controller needs one in every tier that has OSDs; add an OSD in tier \(tier) on \(host.name), or lock it",
                        at: host.administrative.location))
                }
            }
        case .undefined:
            // sysinv: "Can not unlock a worker node until the third Ceph monitor is defined."
            for host in unlocked where host.personality.value == .worker {
                diagnostics.append(Diagnostic(.thirdMonitorMissing,
                    "worker \(host.name) is unlocked, but Ceph has no third monitor; add storage hosts (storage-0), name a worker in storage.ceph.monitors, or lock \(host.name)",
                    at: host.administrative.location))
            }
        default:
            break
        }
        return diagnostics
    }
}

/// Where a system's OSDs live: sysinv's `get_ceph_storage_model`, read from the inventory rather
/// than from the monitors and stors already created.
enum CephStorageModel: String {
    case allInOneSimplex = "aio-sx"
    case controllerNodes = "controller-nodes"
    case storageNodes = "storage-nodes"
    case undefined

    /// A worker monitor counts as soon as one is listed: a monitor on a host that cannot carry
    /// it is reported at the monitor, not again at every OSD.
    init(_ inventory: Inventory) {
        let system = inventory.system
        if system.type.value == .allInOne {
            self = system.mode.value == .simplex ? .allInOneSimplex : .controllerNodes
        } else if inventory.hosts.contains(where: { $0.personality.value == .storage }) {
            self = .storageNodes
        } else if !(inventory.storage?.ceph?.monitors.isEmpty ?? true) {
            self = .controllerNodes
        } else {
            self = .undefined
        }
    }
}
