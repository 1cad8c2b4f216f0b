import Compiler

/// etcd, the Kubernetes datastore. sysinv 2019 emitted no `platform::etcd` keys (the bootstrap
/// playbook appended the bind address to static.yaml, §2.5); here one plugin writes them with the
/// DRBD filesystem etcd lives on, and only when Kubernetes is on.
public struct EtcdPlugin: ConfigPlugin {
    public init() {}

    static let dataRoot = "/opt/etcd"

    public let description = PluginDescription(
        identifier: "029_etcd",
        summary: "`platform::etcd::params` (bind address and port), the etcd DRBD filesystem",
        reads: ["system.kubernetes.enabled", "networks.cluster-host"],
        writes: ["platform::etcd::params::", "platform::drbd::etcd::params::"]
    )

    /// Where the bootstrap put them: SM starts etcd on the active controller from these.
    public func staticConfig(_ context: PluginContext) -> HieraData {
        let inventory = context.inventory
        var data = HieraData()
        guard inventory.kubernetesEnabled, let bind = inventory.clusterHostFloating else { return data }
        let from = inventory.clusterHostSource
        data.set("platform::etcd::params::bind_address", .string(bind.description), from: from)
        data.set("platform::etcd::params::bind_address_version", .int(bind.family), from: from)
        data.set("platform::etcd::params::port", .int(ValidatedInventory.etcdPort))
        data.set("platform::etcd::params::node", "controller")
        // The data directory is no parameter: the class derives it (<dir>/<release>/<node>.etcd).
        return data
    }

    /// P19 `platform::drbd::etcd::params`: the volume replicated between the controllers (its
    /// size is 013_storage's, with the other controller filesystems).
    public func systemConfig(_ context: PluginContext) -> HieraData {
        var data = HieraData()
        guard context.inventory.kubernetesEnabled else { return data }
        let prefix = "platform::drbd::etcd::params::"
        data.set(prefix + "lv_name", "etcd-lv")
        data.set(prefix + "vg_name", "cgts-vg")
        data.set(prefix + "mountpoint", .string(Self.dataRoot))
        data.set(prefix + "port", "7797")
        data.set(prefix + "device", "/dev/drbd7")
        data.set(prefix + "resource_name", "drbd-etcd")
        return data
    }
}
