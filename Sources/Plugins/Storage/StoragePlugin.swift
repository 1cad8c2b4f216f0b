import Compiler

/// sysinv's 013_storage, as of 19.01, system part: the size of each controller filesystem, as a
/// DRBD-replicated volume (`platform::drbd::<fs>`) or a local one (`platform::filesystem::<fs>`).
/// The database's DRBD volume is twice its size; etcd's and the registry's exist only with
/// Kubernetes. The host part (partitions, LVM filters and volume groups) needs the hosts' disks,
/// which the inventory does not describe yet.
public struct StoragePlugin: ConfigPlugin {
    public init() {}

    public let description = PluginDescription(
        identifier: "013_storage",
        summary: "controller filesystem sizes: `platform::drbd::*::params::lv_size`, `platform::filesystem::*::params::lv_size`",
        reads: ["storage.controller_filesystems", "system.kubernetes.enabled"],
        writes: [
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
}
