import Compiler

/// sysinv's 013_storage, as of 19.01. System: the size of each controller filesystem, as a
/// DRBD-replicated volume (`platform::drbd::<fs>`) or a local one (`platform::filesystem::<fs>`);
/// the database's DRBD volume is twice its size; etcd's and the registry's exist only with
/// Kubernetes. Host, for each host that lists its disks: the partitions puppet checks, creates,
/// resizes and deletes, the LVM volume groups' physical volumes and lvm.conf's filters. A host
/// that lists no disks gets none of these, leaving puppet's defaults: a filter written from
/// nothing would hide the platform's own volume group. cinder-volumes (an LVM cinder backend on
/// DRBD) is not in the inventory, so its volumes are always empty and no DRBD resource is shut
/// down for a resize.
public struct StoragePlugin: ConfigPlugin {
    public init() {}

    public let description = PluginDescription(
        identifier: "013_storage",
        summary: "controller filesystem sizes (`platform::drbd::*`, `platform::filesystem::*`); each host's partitions (`platform::partitions::params`), LVM volumes and filters (`platform::lvm::*`)",
        reads: ["storage.controller_filesystems", "system.kubernetes.enabled", "hosts[].disks"],
        writes: [
            "platform::partitions::params::", "platform::lvm::params::", "platform::lvm::vg::",
            "platform::drbd::cgcs::params::lv_size", "platform::drbd::extension::params::lv_size",
            "platform::drbd::etcd::params::lv_size", "platform::drbd::dockerdistribution::params::lv_size",
            "platform::drbd::pgsql::params::lv_size", "platform::filesystem::backup::params::lv_size",
            "platform::filesystem::scratch::params::lv_size", "platform::filesystem::docker::params::lv_size",
        ]
    )

    public func systemConfig(_ context: PluginContext) -> HieraData {
        var data = HieraData()
        let given = context.inventory.inventory.storage?.controllerFilesystems ?? [:]
        // etcd's and the registry's volumes hold Kubernetes' datastore and images: none without it.
        let kubernetesOnly: Set<ControllerFilesystem> = [.etcd, .dockerDistribution]
        for filesystem in ControllerFilesystem.allCases where context.inventory.kubernetesEnabled || !kubernetesOnly.contains(filesystem) {
            let size = given[filesystem.rawValue]
            let gib = size?.value ?? filesystem.defaultGiB
            let sources = size.map { [$0.location] } ?? []
            switch filesystem {
            case .database: data.set("platform::drbd::pgsql::params::lv_size", .int(2 * gib), from: sources)
            case .dockerDistribution: data.set("platform::drbd::dockerdistribution::params::lv_size", .int(gib), from: sources)
            case .cgcs, .`extension`, .etcd: data.set("platform::drbd::\(filesystem.rawValue)::params::lv_size", .int(gib), from: sources)
            case .backup, .scratch, .docker: data.set("platform::filesystem::\(filesystem.rawValue)::params::lv_size", .int(gib), from: sources)
            }
        }
        return data
    }

    public func hostConfig(_ host: InventoryHost, _ context: PluginContext) -> HieraData {
        var data = HieraData()
        guard !host.disks.isEmpty else { return data }
        let sources = host.disks.map(\.location)
        let system = context.inventory.system.name.value
        let partitions = PartitionActions(host, hostUUID: StableUUID.host(host.name, system: system), systemName: system)
        let params = "platform::partitions::params::"
        data.set(params + "check_config", PartitionActions.config(partitions.check), from: partitions.sources[.present] ?? sources)
        data.set(params + "create_config", PartitionActions.config(partitions.create), from: partitions.sources[.create] ?? sources)
        data.set(params + "modify_config", PartitionActions.config(partitions.modify), from: partitions.sources[.modify] ?? sources)
        data.set(params + "delete_config", PartitionActions.config(partitions.delete), from: partitions.sources[.delete] ?? sources)
        // sysinv names a DRBD resource only when a cinder-volumes partition is resized.
        data.set(params + "shutdown_drbd_resource", .null, from: sources)
        let volumes = LVMFilters(host)
        data.set("platform::lvm::params::final_filter", .string(volumes.finalFilter), from: volumes.sources)
        data.set("platform::lvm::params::transition_filter", .string(volumes.transitionFilter), from: volumes.sources)
        data.set("platform::lvm::vg::cgts_vg::physical_volumes", .list(volumes.platform.map(YAMLValue.string)), from: volumes.sources)
        data.set("platform::lvm::vg::cinder_volumes::physical_volumes", .list([]), from: sources)
        data.set("platform::lvm::vg::nova_local::physical_volumes", .list(volumes.localStorage.map(YAMLValue.string)), from: volumes.sources)
        return data
    }
}
