import Compiler

/// The calico-node DaemonSet and calico-kube-controllers Deployment of Calico's manifest, with
/// the pool, address detection and images of this system.
struct CalicoWorkloads {
    let network: CalicoNetwork
    let imagePrefix: String
    let version: String

    func image(_ name: String) -> YAMLValue { .string("\(imagePrefix)\(name):\(version)") }

    static func env(_ name: String, _ value: String) -> YAMLValue { ["name": .string(name), "value": .string(value)] }

    static func env(_ name: String, configKey: String) -> YAMLValue {
        ["name": .string(name), "valueFrom": ["configMapKeyRef": ["name": "calico-config", "key": .string(configKey)]]]
    }

    static let nodeName: YAMLValue = ["name": "KUBERNETES_NODE_NAME", "valueFrom": ["fieldRef": ["fieldPath": "spec.nodeName"]]]
    static let servicesEndpoint: YAMLValue = [["configMapRef": ["name": "kubernetes-services-endpoint", "optional": true]]]

    static func hostPath(_ name: String, _ path: String, type: String? = nil) -> YAMLValue {
        var source: [String: YAMLValue] = ["path": .string(path)]
        if let type { source["type"] = .string(type) }
        return ["name": .string(name), "hostPath": .map(source)]
    }

    static func mount(_ name: String, _ path: String, readOnly: Bool? = nil) -> YAMLValue {
        var mount: [String: YAMLValue] = ["name": .string(name), "mountPath": .string(path)]
        if let readOnly { mount["readOnly"] = .bool(readOnly) }
        return .map(mount)
    }

    var nodeDaemonSet: YAMLValue {
        let labels: YAMLValue = ["k8s-app": "calico-node"]
        return [
            "apiVersion": "apps/v1",
            "kind": "DaemonSet",
            "metadata": ["name": "calico-node", "namespace": "kube-system", "labels": labels],
            "spec": [
                "selector": ["matchLabels": labels],
                "updateStrategy": ["type": "RollingUpdate", "rollingUpdate": ["maxUnavailable": 1]],
                "template": [
                    "metadata": ["labels": labels],
                    "spec": [
                        "nodeSelector": ["kubernetes.io/os": "linux"],
                        "hostNetwork": true,
                        // Every node, tainted controllers included.
                        "tolerations": [["effect": "NoSchedule", "operator": "Exists"],
                                        ["key": "CriticalAddonsOnly", "operator": "Exists"],
                                        ["effect": "NoExecute", "operator": "Exists"]],
                        "serviceAccountName": "calico-node",
                        "securityContext": ["seccompProfile": ["type": "RuntimeDefault"]],
                        "terminationGracePeriodSeconds": 0,
                        "priorityClassName": "system-node-critical",
                        "initContainers": [upgradeIPAM, installCNI, ebpfBootstrap],
                        "containers": [calicoNode],
                        "volumes": nodeVolumes,
                    ],
                ],
            ],
        ]
    }

    var upgradeIPAM: YAMLValue {
        [
            "name": "upgrade-ipam",
            "image": image("cni"),
            "imagePullPolicy": "IfNotPresent",
            "command": ["/opt/cni/bin/calico-ipam", "-upgrade"],
            "envFrom": Self.servicesEndpoint,
            "env": [Self.nodeName, Self.env("CALICO_NETWORKING_BACKEND", configKey: "calico_backend")],
            "volumeMounts": [Self.mount("host-local-net-dir", "/var/lib/cni/networks"), Self.mount("cni-bin-dir", "/host/opt/cni/bin")],
            "securityContext": ["privileged": true],
        ]
    }

    var installCNI: YAMLValue {
        [
            "name": "install-cni",
            "image": image("cni"),
            "imagePullPolicy": "IfNotPresent",
            "command": ["/opt/cni/bin/install"],
            "envFrom": Self.servicesEndpoint,
            "env": [Self.env("CNI_CONF_NAME", "10-calico.conflist"),
                    Self.env("CNI_NETWORK_CONFIG", configKey: "cni_network_config"),
                    Self.nodeName,
                    Self.env("CNI_MTU", configKey: "veth_mtu"),
                    Self.env("SLEEP", "false")],
            "volumeMounts": [Self.mount("cni-bin-dir", "/host/opt/cni/bin"), Self.mount("cni-net-dir", "/host/etc/cni/net.d")],
            "securityContext": ["privileged": true],
        ]
    }

    /// Mounts bpffs and cgroup2 for the eBPF data plane; best effort, harmless with iptables.
    var ebpfBootstrap: YAMLValue {
        [
            "name": "ebpf-bootstrap",
            "image": image("node"),
            "imagePullPolicy": "IfNotPresent",
            "command": ["calico-node", "-init", "-best-effort"],
            "volumeMounts": [
                ["name": "sys-fs", "mountPath": "/sys/fs", "mountPropagation": "Bidirectional"],
                ["name": "var-run-calico", "mountPath": "/var/run/calico", "mountPropagation": "Bidirectional"],
                Self.mount("nodeproc", "/nodeproc", readOnly: true),
            ],
            "securityContext": ["privileged": true],
        ]
    }

    var calicoNode: YAMLValue {
        var env: [YAMLValue] = [
            Self.env("DATASTORE_TYPE", "kubernetes"),
            Self.env("WAIT_FOR_DATASTORE", "true"),
            ["name": "NODENAME", "valueFrom": ["fieldRef": ["fieldPath": "spec.nodeName"]]],
            Self.env("CALICO_NETWORKING_BACKEND", configKey: "calico_backend"),
            Self.env("CLUSTER_TYPE", "k8s,bgp"),
        ]
        env += network.environment.map { Self.env($0.0, $0.1) }
        env += ["FELIX_IPINIPMTU", "FELIX_VXLANMTU", "FELIX_VXLANMTUV6", "FELIX_WIREGUARDMTU"].map { Self.env($0, configKey: "veth_mtu") }
        env += [Self.env("CALICO_DISABLE_FILE_LOGGING", "true"),
                Self.env("FELIX_DEFAULTENDPOINTTOHOSTACTION", "ACCEPT"),
                Self.env("FELIX_HEALTHENABLED", "true")]
        let usesBird = network.backend == "bird"
        let live: [String] = ["/bin/calico-node", "-felix-live"] + (usesBird ? ["-bird-live"] : [])
        let ready: [String] = ["/bin/calico-node", "-felix-ready"] + (usesBird ? ["-bird-ready"] : [])
        return [
            "name": "calico-node",
            "image": image("node"),
            "imagePullPolicy": "IfNotPresent",
            "envFrom": Self.servicesEndpoint,
            "env": .list(env),
            "securityContext": ["privileged": true],
            "resources": ["requests": ["cpu": "250m"]],
            "lifecycle": ["preStop": ["exec": ["command": ["/bin/calico-node", "-shutdown"]]]],
            "livenessProbe": ["exec": ["command": YAMLValue(strings: live)], "periodSeconds": 10, "initialDelaySeconds": 10,
                              "failureThreshold": 6, "timeoutSeconds": 10],
            "readinessProbe": ["exec": ["command": YAMLValue(strings: ready)], "periodSeconds": 10, "timeoutSeconds": 10],
            "volumeMounts": [
                Self.mount("cni-net-dir", "/host/etc/cni/net.d", readOnly: false),
                Self.mount("lib-modules", "/lib/modules", readOnly: true),
                Self.mount("xtables-lock", "/run/xtables.lock", readOnly: false),
                Self.mount("var-run-calico", "/var/run/calico", readOnly: false),
                Self.mount("var-lib-calico", "/var/lib/calico", readOnly: false),
                Self.mount("policysync", "/var/run/nodeagent"),
                Self.mount("bpffs", "/sys/fs/bpf"),
                Self.mount("cni-log-dir", "/var/log/calico/cni", readOnly: true),
            ],
        ]
    }

    var nodeVolumes: YAMLValue {
        [
            Self.hostPath("lib-modules", "/lib/modules"),
            Self.hostPath("var-run-calico", "/var/run/calico", type: "DirectoryOrCreate"),
            Self.hostPath("var-lib-calico", "/var/lib/calico", type: "DirectoryOrCreate"),
            Self.hostPath("xtables-lock", "/run/xtables.lock", type: "FileOrCreate"),
            Self.hostPath("sys-fs", "/sys/fs/", type: "DirectoryOrCreate"),
            Self.hostPath("bpffs", "/sys/fs/bpf", type: "Directory"),
            Self.hostPath("nodeproc", "/proc"),
            Self.hostPath("cni-bin-dir", "/opt/cni/bin", type: "DirectoryOrCreate"),
            Self.hostPath("cni-net-dir", "/etc/cni/net.d"),
            Self.hostPath("cni-log-dir", "/var/log/calico/cni"),
            Self.hostPath("host-local-net-dir", "/var/lib/cni/networks"),
            Self.hostPath("policysync", "/var/run/nodeagent", type: "DirectoryOrCreate"),
        ]
    }

    var kubeControllers: YAMLValue {
        let labels: YAMLValue = ["k8s-app": "calico-kube-controllers"]
        return [
            "apiVersion": "apps/v1",
            "kind": "Deployment",
            "metadata": ["name": "calico-kube-controllers", "namespace": "kube-system", "labels": labels],
            "spec": [
                "replicas": 1,
                "selector": ["matchLabels": labels],
                "strategy": ["type": "Recreate"],
                "template": [
                    "metadata": ["name": "calico-kube-controllers", "namespace": "kube-system", "labels": labels],
                    "spec": [
                        "nodeSelector": ["kubernetes.io/os": "linux"],
                        "tolerations": [["key": "CriticalAddonsOnly", "operator": "Exists"],
                                        ["key": "node-role.kubernetes.io/master", "effect": "NoSchedule"],
                                        ["key": "node-role.kubernetes.io/control-plane", "effect": "NoSchedule"]],
                        "serviceAccountName": "calico-kube-controllers",
                        "securityContext": ["seccompProfile": ["type": "RuntimeDefault"]],
                        "priorityClassName": "system-cluster-critical",
                        "containers": [[
                            "name": "calico-kube-controllers",
                            "image": image("kube-controllers"),
                            "imagePullPolicy": "IfNotPresent",
                            "env": [Self.env("ENABLED_CONTROLLERS", "node,loadbalancer"), Self.env("DATASTORE_TYPE", "kubernetes")],
                            "livenessProbe": ["exec": ["command": ["/usr/bin/check-status", "-l"]], "periodSeconds": 10,
                                              "initialDelaySeconds": 10, "failureThreshold": 6, "timeoutSeconds": 10],
                            "readinessProbe": ["exec": ["command": ["/usr/bin/check-status", "-r"]], "periodSeconds": 10],
                            "securityContext": ["runAsNonRoot": true],
                        ]],
                    ],
                ],
            ],
        ]
    }
}
