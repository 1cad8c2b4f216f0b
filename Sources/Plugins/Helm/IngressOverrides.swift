import Compiler

/// sysinv's 001_ingress: nginx ingress for the cluster (kube-system, host network daemonset) and
/// for the OpenStack endpoints (openstack), scaled to the control plane.
struct IngressOverrides: ChartPlugin {
    let description = ChartDescription(
        chart: "ingress", namespaces: ["kube-system", "openstack"],
        summary: "nginx ingress controllers: kube-system on the host network, openstack for the OpenStack endpoints",
        reads: [ChartReads.controlPlaneLabel],
        writes: ["pod.replicas", "deployment", "network.host_namespace"])

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] {
        let replicas = YAMLValue.int(ControlPlane.replicas(context))
        if namespace == "kube-system" {
            return [
                "pod": ["replicas": ["error_page": replicas]],
                "deployment": ["mode": "cluster", "type": "DaemonSet"],
                // The chart compares a string.
                "network": ["host_namespace": "true"],
            ]
        }
        return ["pod": ["replicas": ["ingress": replicas, "error_page": replicas]]]
    }
}
