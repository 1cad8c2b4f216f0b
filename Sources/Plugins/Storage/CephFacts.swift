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

    /// Monitors run on the controllers (controller-0 alone on simplex) and the first storage host.
    static func monitors(_ inventory: ValidatedInventory) -> [String] {
        var hosts = inventory.isSimplex ? Array(inventory.controllers.prefix(1)) : inventory.controllers
        if let storage = inventory.hosts.first(where: { $0.personality.value == .storage }) { hosts.append(storage) }
        return hosts.compactMap { inventory.address($0.name, .mgmt) }.map { "\($0.urlFormatted):\(monitorPort)" }
    }

    /// `ceph_client`: the secret holding the key the pods use.
    static let client: YAMLValue = ["user_secret_name": .string(chartSecretName)]
}
