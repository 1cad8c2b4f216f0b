import Compiler

/// platform-integ-apps' 003_ceph-pools-audit: the job that keeps pool replication in line with
/// the storage tiers.
struct CephPoolsAuditOverrides: ChartPlugin {
    let description = ChartDescription(
        chart: "ceph-pools-audit", namespaces: ["kube-system"],
        summary: "Ceph monitors and the replication each storage tier's pools must have",
        reads: [ChartReads.ceph, ChartReads.mgmtAddresses],
        writes: ["conf.ceph"])

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] {
        guard let ceph = CephFacts(context.inventory) else { return [:] }
        let tiers: [YAMLValue] = ceph.tiers.map { tier in
            ["name": .string(CinderOverrides.backend(tier: tier)), "replication": .int(ceph.replication),
             "min_replication": .int(ceph.minReplication), "crush_rule_name": .string(CephFacts.crushRule(tier: tier))]
        }
        return ["conf": ["ceph": ["monitors": YAMLValue(strings: CephFacts.monitors(context.inventory)), "storage_tiers": .list(tiers)]]]
    }
}
