import Compiler

/// platform-integ-apps' 002_rbd-provisioner: a storage class per Ceph tier for persistent
/// volumes. Without Ceph there is nothing to provision and the overrides are empty.
struct RbdProvisionerOverrides: ChartPlugin {
    let description = ChartDescription(
        chart: "rbd-provisioner", namespaces: ["kube-system"],
        summary: "Ceph RBD storage classes (one per tier), monitors, provisioner replicas (one per controller)",
        reads: [ChartReads.ceph, "hosts[].personality", ChartReads.mgmtAddresses],
        writes: ["classdefaults", "classes", "global"])

    static let defaultStorageClass = "general"

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] {
        let inventory = context.inventory
        guard let ceph = CephFacts(inventory) else { return [:] }
        let classes: [YAMLValue] = ceph.tiers.map { tier in
            let primary = tier == CephFacts.primaryTier
            let pool = primary ? "kube-rbd" : "kube-rbd-\(tier)"
            return [
                "name": .string(primary ? Self.defaultStorageClass : "\(tier)-general"),
                "pool_name": .string(pool),
                "replication": .int(ceph.replication),
                "crush_rule_name": .string(CephFacts.crushRule(tier: tier)),
                "chunk_size": 64,
                "userId": .string(pool),
                "userSecretName": .string("ceph-pool-\(pool)"),
                "additionalNamespaces": ["default", "kube-public"],
            ]
        }
        return [
            "classdefaults": ["monitors": YAMLValue(strings: CephFacts.monitors(inventory)), "adminId": "admin", "adminSecretName": "ceph-admin"],
            "classes": .list(classes),
            // Counted by personality, not label: the provisioner is a platform service.
            "global": ["replicas": .int(inventory.controllers.count), "defaultStorageClass": .string(Self.defaultStorageClass)],
        ]
    }
}
