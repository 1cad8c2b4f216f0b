import Compiler

/// Lookups the Kubernetes plugins share, so that hiera and the kubeadm, calico and keystone-auth
/// files cannot disagree about endpoints, node addresses, tokens or CPU policy.
extension ValidatedInventory {
    static let apiServerPort = 6443
    static let etcdPort = 2379
    static let serviceDomain = "cluster.local"

    /// Kubernetes runs on controllers and workers; storage hosts only serve Ceph.
    var kubernetesNodes: [InventoryHost] {
        hosts.filter { $0.personality.value != .storage }
    }

    /// Hosts that join the cluster controller-0 initialises: controller-1 as a second control
    /// plane, and every worker.
    var joiningHosts: [InventoryHost] {
        hosts.filter(joins)
    }

    func joins(_ host: InventoryHost) -> Bool {
        host.name == "controller-1" || host.personality.value == .worker
    }

    var clusterHostFloating: IPAddress? { floating(.clusterHost) }

    var clusterHostSource: [SourceLocation] { source("controller", .clusterHost) }

    /// `host:port` of the API server every node reaches: the cluster-host floating address,
    /// which SM moves with the active controller.
    var apiServerEndpoint: String {
        "\(clusterHostFloating?.urlFormatted ?? ""):\(Self.apiServerPort)"
    }

    var etcdEndpoint: String {
        "http://\(clusterHostFloating?.urlFormatted ?? ""):\(Self.etcdPort)"
    }

    var podSubnet: Located<IPSubnet>? { network(.clusterPod)?.subnet }
    var serviceSubnet: Located<IPSubnet>? { network(.clusterService)?.subnet }

    /// kubeadm gives cluster DNS the tenth address of the service subnet.
    var dnsServiceIP: IPAddress? { serviceSubnet?.value.address(at: 10) }

    /// The address a node registers with. Current StarlingX uses the cluster-host address
    /// (since 2023; 2019 used mgmt) so pod traffic and the API stay on the cluster network.
    func nodeIP(of host: InventoryHost) -> IPAddress? {
        unitAddress(of: host, on: .clusterHost)
    }

    /// A bootstrap token per joining host, as sysinv creates one per worker; reproducible, so
    /// `kubeadm token create <token>` can recreate it after its 24h lifetime.
    func bootstrapToken(for host: InventoryHost, _ secrets: SecretStore) -> String {
        let name = "kubernetes/bootstrap-token/\(host.name)"
        return secrets.token(name + "/id", length: 6) + "." + secrets.token(name + "/secret", length: 16)
    }

    /// Key under which `kubeadm init --upload-certs` encrypts the control-plane certificates
    /// controller-1 downloads when it joins.
    func certificateKey(_ secrets: SecretStore) -> String {
        secrets.token("kubernetes/certificate-key", length: 64)
    }
}

/// The kubelet CPU manager policy of a host (§3.1): `none` where OpenStack's nova pins CPUs
/// itself, `static` on other hosts that run workloads.
enum CPUManagerPolicy: String {
    case none
    case `static`

    /// Nil for hosts without the worker subfunction (their kubelet keeps its default). The static
    /// policy needs reserved CPUs, so a host whose CPU layout is not given gets `none`.
    init?(_ host: InventoryHost) {
        guard host.hasWorkerSubfunction else { return nil }
        let reservesCPUs = !(host.cpus?.platform.isEmpty ?? true)
        self = host.runsOpenstackCompute || !reservesCPUs ? .none : .static
    }
}

/// Platform resources a host keeps away from Kubernetes pods.
struct KubeletReservation {
    let cpus: Int?
    let memoryMiB: Int?
    let sources: [SourceLocation]

    init(_ host: InventoryHost) {
        cpus = host.cpus.map { $0.platform.count }
        let reserved = host.memory.compactMap(\.platformReservedMiB)
        memoryMiB = reserved.isEmpty ? nil : reserved.reduce(0, +)
        sources = (host.cpus?.platform.map(\.location) ?? []) + host.memory.map(\.location)
    }

    /// kubelet's `--system-reserved` value.
    var systemReserved: String {
        ([cpus.map { "cpu=\($0)" }, memoryMiB.map { "memory=\($0)Mi" }].compactMap { $0 }).joined(separator: ",")
    }
}
