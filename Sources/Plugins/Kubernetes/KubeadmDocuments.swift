import Compiler

/// The kubeadm documents of one cluster, in the API its Kubernetes release reads. Everything a
/// node and the cluster agree on (endpoint, tokens, certificate key) comes from the shared
/// facts, so init and join documents cannot drift apart.
struct KubeadmDocuments {
    let api: KubeadmAPIVersion
    let release: KubernetesRelease
    let inventory: ValidatedInventory
    let secrets: SecretStore
    /// Registries the operator chose through service parameters.
    let registries: DockerParameters
    /// Each joining host's bootstrap token, derived once: the init document lists them all and
    /// each join document holds its own.
    let bootstrapTokens: [String: String]

    init(api: KubeadmAPIVersion, release: KubernetesRelease, inventory: ValidatedInventory, secrets: SecretStore, registries: DockerParameters) {
        self.api = api
        self.release = release
        self.inventory = inventory
        self.secrets = secrets
        self.registries = registries
        let hosts = inventory.joiningHosts
        bootstrapTokens = Dictionary(zip(hosts.map(\.name), Parallel.map(hosts) { inventory.bootstrapToken(for: $0, secrets) }),
                                     uniquingKeysWith: { first, _ in first })
    }

    func bootstrapToken(for host: InventoryHost) -> String {
        bootstrapTokens[host.name] ?? inventory.bootstrapToken(for: host, secrets)
    }

    static let criSocket = "unix:///var/run/containerd/containerd.sock"
    static let controlPlaneTaint: YAMLValue = ["key": "node-role.kubernetes.io/control-plane", "effect": "NoSchedule"]
    /// The taint the VIM puts on a host taken out of service (locked), so that no dynamic pod
    /// runs there; the VIM removes it when the host is unlocked.
    static let outOfServiceTaint: YAMLValue = ["key": "services", "value": "disabled", "effect": "NoExecute"]

    /// controller-0's `kubeadm init --upload-certs --config`: the node, the cluster, the kubelet
    /// and kube-proxy.
    func initDocuments(for host: InventoryHost) -> [YAMLValue] {
        var initConfiguration: [String: YAMLValue] = [
            "apiVersion": .string(api.rawValue),
            "kind": "InitConfiguration",
            "certificateKey": .string(inventory.certificateKey(secrets)),
            "localAPIEndpoint": localAPIEndpoint(host),
            "nodeRegistration": nodeRegistration(host),
        ]
        if !inventory.joiningHosts.isEmpty {
            initConfiguration["bootstrapTokens"] = .list(inventory.joiningHosts.map { joining in
                ["token": .string(bootstrapToken(for: joining)),
                 "description": .string("Bootstrap token for \(joining.name)"),
                 "ttl": "24h"]
            })
        }
        return [.map(initConfiguration), clusterConfiguration, kubeletConfiguration, kubeProxyConfiguration]
    }

    var clusterConfiguration: YAMLValue {
        var cluster: [String: YAMLValue] = [
            "apiVersion": .string(api.rawValue),
            "kind": "ClusterConfiguration",
            "kubernetesVersion": .string(release.kubeadmSpelling),
            "controlPlaneEndpoint": .string(inventory.apiServerEndpoint),
            // etcd serves plain http on the cluster-host floating address (P19 client_url), so
            // kubeadm gets no etcd TLS files and runs no etcd of its own.
            "etcd": ["external": ["endpoints": [.string(inventory.etcdEndpoint)]]],
            "networking": [
                "podSubnet": .string(inventory.podSubnet?.value.description ?? ""),
                "serviceSubnet": .string(inventory.serviceSubnet?.value.description ?? ""),
                "dnsDomain": .string(ValidatedInventory.serviceDomain),
            ],
            "apiServer": [
                "certSANs": YAMLValue(strings: certSANs),
                "extraArgs": api.extraArgs([
                    ("default-not-ready-toleration-seconds", "30"),
                    ("default-unreachable-toleration-seconds", "30"),
                ] + KeystoneAuthPlugin.apiServerArguments),
                "extraVolumes": [KeystoneAuthPlugin.apiServerVolume],
            ],
            // Failed nodes are noticed within 20s; their pods leave after the 30s NoExecute
            // tolerations above (pod-eviction-timeout, in P19's list, is gone since 1.27).
            "controllerManager": ["extraArgs": api.extraArgs([
                ("node-monitor-period", "2s"),
                ("node-monitor-grace-period", "20s"),
            ])],
        ]
        // Without a mirror kubeadm pulls from its own default, so the document names none.
        if let registry = registries.k8sRegistryMirror {
            cluster["imageRepository"] = .string(registry)
        }
        return .map(cluster)
    }

    /// The API server answers on the floating address, each controller's own address and the
    /// loopback (where the keystone-auth webhook calls it back).
    var certSANs: [String] {
        let units = ["controller-0", "controller-1"].compactMap { inventory.address($0, .clusterHost) }
        let loopback = inventory.clusterHostFloating?.family == 6 ? "::1" : "127.0.0.1"
        return ([inventory.clusterHostFloating].compactMap { $0 } + units).map(\.description) + [loopback]
    }

    /// P19's kubelet settings: fast status updates so SM and the VIM see failures quickly, swap
    /// tolerated, pods under the k8s-infra cgroup puppet creates with cgroupfs.
    var kubeletConfiguration: YAMLValue {
        [
            "apiVersion": "kubelet.config.k8s.io/v1beta1",
            "kind": "KubeletConfiguration",
            "cgroupDriver": "cgroupfs",
            "cgroupRoot": "/k8s-infra",
            "configMapAndSecretChangeDetectionStrategy": "Cache",
            "failSwapOn": false,
            "nodeStatusUpdateFrequency": "4s",
        ]
    }

    var kubeProxyConfiguration: YAMLValue {
        [
            "apiVersion": "kubeproxy.config.k8s.io/v1alpha1",
            "kind": "KubeProxyConfiguration",
            "clusterCIDR": .string(inventory.podSubnet?.value.description ?? ""),
        ]
    }

    func localAPIEndpoint(_ host: InventoryHost) -> YAMLValue {
        ["advertiseAddress": YAMLValue(inventory.nodeIP(of: host)), "bindPort": .int(ValidatedInventory.apiServerPort)]
    }

    /// How a host registers: its name and cluster-host address, its CPU manager policy, and on
    /// controllers the control-plane taint, kept so that only tolerating pods land there (an
    /// all-in-one controller is also the worker, so it is left without it). A locked host joins
    /// already tainted out of service.
    func nodeRegistration(_ host: InventoryHost) -> YAMLValue {
        var registration: [String: YAMLValue] = [
            "name": .string(host.name),
            "criSocket": .string(Self.criSocket),
            "kubeletExtraArgs": api.extraArgs(kubeletArguments(host)),
        ]
        var taints: [YAMLValue] = host.isController && !host.hasWorkerSubfunction ? [Self.controlPlaneTaint] : []
        if host.isLocked { taints.append(Self.outOfServiceTaint) }
        if host.isController || !taints.isEmpty {
            registration["taints"] = .list(taints)
        }
        return .map(registration)
    }

    /// Per-node kubelet flags: kubeadm shares one KubeletConfiguration across the cluster, so
    /// what differs by host is passed here.
    func kubeletArguments(_ host: InventoryHost) -> [(name: String, value: String)] {
        var arguments = [(name: "node-ip", value: inventory.nodeIP(of: host)?.description ?? "")]
        guard let policy = CPUManagerPolicy(host) else { return arguments }
        arguments.append(("cpu-manager-policy", policy.rawValue))
        let reserved = KubeletReservation(host).systemReserved
        if policy == .static && !reserved.isEmpty {
            arguments.append(("system-reserved", reserved))
        }
        return arguments
    }
}
