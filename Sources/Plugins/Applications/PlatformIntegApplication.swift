import Compiler

/// The built-in platform-integ-apps application: the charts that connect Kubernetes to the
/// platform's Ceph cluster (the rbd provisioner behind persistent volume claims, and the audit
/// that keeps the Ceph pools' replication in line with the storage tiers).
public enum PlatformIntegApplication {
    public static let name = "platform-integ-apps"
    static let helmRepository = "http://controller:8080/helm_charts/stx-platform"

    public static let entry = CatalogApplication(manifest: manifest, chartPlugins: [
        HelmToolkitOverrides(),          // 001
        RbdProvisionerOverrides(),       // 002
        CephPoolsAuditOverrides(),       // 003
    ])

    public static let manifest = ArmadaApplication(
        name: name,
        version: "1.0-1",
        manifestName: "platform-integration-manifest",
        releasePrefix: "stx",
        groups: [
            ArmadaChartGroup(name: "starlingx-ceph-charts", description: "StarlingX Ceph Charts", sequenced: true,
                             charts: ["kube-system-rbd-provisioner", "kube-system-ceph-pools-audit"]),
        ],
        manifestGroups: ["starlingx-ceph-charts"],
        charts: [
            chart("helm-toolkit", name: "helm-toolkit", namespace: "helm-toolkit", wait: false, dependencies: []),
            chart("rbd-provisioner", name: "kube-system-rbd-provisioner", namespace: "kube-system", wait: true, dependencies: ["helm-toolkit"]),
            chart("ceph-pools-audit", name: "kube-system-ceph-pools-audit", namespace: "kube-system", wait: true, dependencies: ["helm-toolkit"]),
        ]
    )

    static func chart(_ chart: String, name: String, namespace: String, wait: Bool, dependencies: [String]) -> ArmadaChart {
        ArmadaChart(
            name: name, chartName: chart, release: name, namespace: namespace,
            sourceLocation: "\(helmRepository)/\(chart)-0.1.0.tgz", sourceSubpath: chart, sourceReference: "master",
            dependencies: dependencies, waitTimeout: wait ? 1800 : nil, waitLabels: wait ? ["app": chart] : [:],
            upgradePreDelete: wait ? [ArmadaHookAction(type: "job", labels: ["app": chart])] : nil, test: nil, values: [:]
        )
    }
}
