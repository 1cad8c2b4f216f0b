import Compiler

/// `kubernetes/calico.yaml`: Calico v3.32.1 with the Kubernetes datastore, as one manifest to
/// apply after `kubeadm init`. The pool, family, MTU, node address detection and images follow
/// the inventory; the CRDs and RBAC ship unchanged from upstream (Calico/NOTICE.md).
public struct CalicoPlugin: ConfigPlugin {
    public init() {}

    static let version = "v3.32.1"

    public let description = PluginDescription(
        identifier: "911_calico",
        summary: "Calico manifest: pod pool, encapsulation and MTU from the cluster networks",
        reads: ["system.kubernetes.enabled", "networks.cluster-pod", "networks.cluster-host", "hosts[].interfaces",
                "platform::docker::params::quay_registry (system hiera)"],
        writes: ["kubernetes/calico.yaml"]
    )

    public func files(_ context: PluginContext) -> [OutputFile] {
        let inventory = context.inventory
        guard inventory.kubernetesEnabled, let network = CalicoNetwork(inventory) else { return [] }
        let registry = DockerParameters(systemHiera: context.earlier).quayRegistry
        let workloads = CalicoWorkloads(network: network, imagePrefix: "\(registry)/calico/", version: Self.version)
        let text = YAMLRenderer.renderDocuments([network.configMap]) + Self.upstream
            + YAMLRenderer.renderDocuments([workloads.nodeDaemonSet, workloads.kubeControllers])
        return [OutputFile(path: "kubernetes/calico.yaml", content: .text(text))]
    }

    /// The manifest's objects that take no input: `Calico/calico-<version>-upstream.yaml`,
    /// compiled into the binary at build time (BuildTools/EmbedUpstreamData), so `sysinvc` runs alone.
    static let upstream: String = CalicoUpstream.text.hasSuffix("\n") ? CalicoUpstream.text : CalicoUpstream.text + "\n"
}

/// The pod network as Calico sees it.
///
/// Encapsulation: IPv4 pools use IP-in-IP, as StarlingX always has: 20 bytes of outer IPv4
/// header. Calico has no IP-in-IP for IPv6, so IPv6 pools use VXLAN, which needs no BGP: outer
/// IPv6 (40) + UDP (8) + VXLAN (8) + inner Ethernet (14) = 70 bytes, Calico's documented figure.
/// The pod MTU is the smallest cluster-host MTU of any node minus that overhead, so that no
/// encapsulated packet exceeds the link of any host it crosses.
struct CalicoNetwork {
    let pool: IPSubnet
    let canReach: IPAddress
    let linkMTU: Int

    init?(_ inventory: ValidatedInventory) {
        guard let pool = inventory.podSubnet?.value, let canReach = inventory.clusterHostFloating else { return nil }
        self.pool = pool
        self.canReach = canReach
        let mtus = inventory.kubernetesNodes.compactMap { inventory.interface(of: $0, carrying: .clusterHost)?.mtu.value }
        linkMTU = mtus.min() ?? 1500
    }

    var isIPv6: Bool { pool.family == 6 }
    var encapsulationOverhead: Int { isIPv6 ? 70 : 20 }
    var podMTU: Int { linkMTU - encapsulationOverhead }
    /// BIRD carries routes for IP-in-IP; VXLAN needs no routing daemon.
    var backend: String { isIPv6 ? "vxlan" : "bird" }

    var configMap: YAMLValue {
        [
            "apiVersion": "v1",
            "kind": "ConfigMap",
            "metadata": ["name": "calico-config", "namespace": "kube-system"],
            "data": [
                "typha_service_name": "none",
                "calico_backend": .string(backend),
                "veth_mtu": .string(String(podMTU)),
                "cni_network_config": .string(cniNetworkConfig),
            ],
        ]
    }

    /// The CNI configuration install-cni writes on every node; `__CNI_MTU__` and the other
    /// placeholders are filled in there, as upstream does.
    var cniNetworkConfig: String {
        """
        {
          "name": "k8s-pod-network",
          "cniVersion": "0.3.1",
          "plugins": [
            {
              "type": "calico",
              "log_level": "info",
              "log_file_path": "/var/log/calico/cni/cni.log",
              "datastore_type": "kubernetes",
              "nodename": "__KUBERNETES_NODE_NAME__",
              "mtu": __CNI_MTU__,
              "ipam": {
                "type": "calico-ipam",
                "assign_ipv4": "\(!isIPv6)",
                "assign_ipv6": "\(isIPv6)"
              },
              "policy": {
                "type": "k8s"
              },
              "kubernetes": {
                "kubeconfig": "__KUBECONFIG_FILEPATH__"
              }
            },
            {
              "type": "portmap",
              "snat": true,
              "capabilities": {"portMappings": true}
            }
          ]
        }
        """
    }

    /// calico-node's address and pool settings for the family.
    var environment: [(String, String)] {
        let reach = "can-reach=\(canReach)"
        if isIPv6 {
            return [("IP", "none"), ("IP6", "autodetect"), ("IP6_AUTODETECTION_METHOD", reach),
                    ("CALICO_IPV4POOL_IPIP", "Never"), ("CALICO_IPV4POOL_VXLAN", "Never"),
                    ("CALICO_IPV6POOL_CIDR", pool.description), ("CALICO_IPV6POOL_VXLAN", "Always"),
                    ("CALICO_IPV6POOL_NAT_OUTGOING", "true"), ("CALICO_ROUTER_ID", "hash"), ("FELIX_IPV6SUPPORT", "true")]
        }
        return [("IP", "autodetect"), ("IP_AUTODETECTION_METHOD", reach), ("IP6", "none"),
                ("CALICO_IPV4POOL_CIDR", pool.description), ("CALICO_IPV4POOL_IPIP", "Always"), ("CALICO_IPV4POOL_VXLAN", "Never"),
                ("CALICO_IPV4POOL_NAT_OUTGOING", "true"), ("CALICO_IPV6POOL_VXLAN", "Never"), ("FELIX_IPV6SUPPORT", "false")]
    }
}
