import Compiler

/// The kubeadm configuration files: `kubernetes/kubeadm-init.yaml` for controller-0,
/// `kubernetes/kubeadm-join-<host>.yaml` for controller-1 and each worker, and the
/// `kubernetes/discovery.conf` they join through. Init and join files hold bootstrap tokens and
/// the certificate key, so they are written as secure files.
public struct KubeadmPlugin: ConfigPlugin {
    public init() {}

    public let description = PluginDescription(
        identifier: "910_kubeadm",
        summary: "kubeadm init and join configuration, discovery kubeconfig",
        reads: ["system.kubernetes", "networks.cluster-host", "networks.cluster-pod", "networks.cluster-service", "hosts",
                "platform::docker::params::k8s_registry (system hiera)"],
        writes: ["kubernetes/kubeadm-init.yaml", "kubernetes/kubeadm-join-<host>.yaml", "kubernetes/discovery.conf"]
    )

    public func check(_ inventory: ValidatedInventory) -> [Diagnostic] {
        KubeadmAPIVersion.check(inventory.inventory)
    }

    /// Nothing when Kubernetes is off, or when no kubeadm API serves the version
    /// (`KubeadmAPIVersion.check` reports that during validation).
    public func files(_ context: PluginContext) -> [OutputFile] {
        let inventory = context.inventory
        let version = inventory.system.kubernetesVersion.value
        guard inventory.kubernetesEnabled,
              case let .success(api) = KubeadmAPIVersion.forKubernetes(version),
              let release = KubernetesRelease(version),
              let controller0 = inventory.host(named: "controller-0") else { return [] }
        let documents = KubeadmDocuments(api: api, release: release, inventory: inventory, secrets: context.secrets,
                                         registries: DockerParameters(systemHiera: context.earlier))
        var files = [OutputFile(path: "kubernetes/kubeadm-init.yaml", content: .yamlDocuments(documents.initDocuments(for: controller0)), secure: true)]
        files += Parallel.map(inventory.joiningHosts) { host in
            OutputFile(path: "kubernetes/kubeadm-join-\(host.name).yaml", content: .yamlDocuments([documents.joinDocument(for: host)]), secure: true)
        }
        if !inventory.joiningHosts.isEmpty {
            files.append(OutputFile(path: "kubernetes/discovery.conf", content: .yaml(documents.discoveryKubeconfig)))
        }
        return files
    }
}
