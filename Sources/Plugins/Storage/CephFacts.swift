import Compiler

/// Ceph facts the storage-consuming charts share (sysinv's `_get_formatted_ceph_monitor_ips`,
/// crush rule names, pool replication).
struct CephFacts {
    static let monitorPort = 6789
    static let primaryTier = CephSettings.primaryTier
    static let chartSecretName = "ceph-pool-kube-rbd"

    let settings: CephSettings

    init?(_ inventory: ValidatedInventory) {
        guard let ceph = inventory.inventory.storage?.ceph else { return nil }
        settings = ceph
    }

    var tiers: [String] { settings.tiers.isEmpty ? [Self.primaryTier] : settings.tiers.map(\.value) }
    var replication: Int { settings.replication.value }
    var minReplication: Int { settings.minReplication.value }

    /// `<tier>-tier-ruleset` with dashes as underscores: `storage_tier_ruleset`.
    static func crushRule(tier: String) -> String {
        "\(tier)-tier-ruleset".replacingOccurrences(of: "-", with: "_")
    }

    /// sysinv's monitor list for the charts (`_get_formatted_ceph_monitor_ips`): controller-0's
    /// alone on simplex; otherwise every monitor address it knew, in the order Python 2 kept
    /// them: controller-1, the floating address, controller-0, the third monitor.
    static func monitors(_ inventory: ValidatedInventory) -> [String] {
        let hosts: [String?] = inventory.isSimplex
            ? ["controller-0"]
            : ["controller-1", "controller", "controller-0", inventory.inventory.storage?.ceph.flatMap { thirdMonitor(inventory, $0) }]
        return hosts.compactMap { $0.flatMap { inventory.address($0, .mgmt) } }.map { "\($0.urlFormatted):\(monitorPort)" }
    }

    /// The monitor besides the controllers: storage-0 on a system with storage hosts, else the
    /// worker the inventory names.
    static func thirdMonitor(_ inventory: ValidatedInventory, _ ceph: CephSettings) -> String? {
        if inventory.hosts.contains(where: { $0.name == "storage-0" && $0.personality.value == .storage }) { return "storage-0" }
        return ceph.monitors.first?.value
    }

    /// `ceph_client`: the secret holding the key the pods use; none without a Ceph backend, so
    /// that no chart names a secret nothing creates.
    static func client(_ inventory: ValidatedInventory) -> YAMLValue? {
        inventory.inventory.storage?.ceph == nil ? nil : ["user_secret_name": .string(chartSecretName)]
    }
}
