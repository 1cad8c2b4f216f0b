import Compiler

/// k8s-keystone-auth (cloud-provider-openstack): Kubernetes users log in with platform keystone
/// tokens, and a policy maps keystone roles to API permissions. Each controller runs the webhook
/// as a static pod on the loopback, serving with the API server's own certificate (its SANs
/// include the loopback), so the API server verifies it against the cluster CA. The kubeadm
/// ClusterConfiguration carries the matching API server arguments.
public struct KeystoneAuthPlugin: ConfigPlugin {
    public init() {}

    static let directory = "/etc/kubernetes/keystone-auth"
    static let webhookConfigPath = directory + "/webhook.kubeconfig"
    static let policyConfigMap = "k8s-auth-policy"
    static let port = 8443

    static let apiServerArguments: [(name: String, value: String)] = [
        ("authorization-mode", "Node,RBAC,Webhook"),
        ("authentication-token-webhook-config-file", webhookConfigPath),
        ("authorization-webhook-config-file", webhookConfigPath),
    ]

    static let apiServerVolume: YAMLValue = [
        "name": "keystone-auth", "hostPath": .string(directory), "mountPath": .string(directory),
        "readOnly": true, "pathType": "DirectoryOrCreate",
    ]

    /// The platform admin (role admin in project admin) may do everything; other keystone users
    /// get what RBAC grants them.
    static let adminPolicy = """
    [{"resource": {"verbs": ["*"], "resources": ["*"], "version": "*", "namespace": "*"}, \
    "match": [{"type": "role", "values": ["admin"]}, {"type": "project", "values": ["admin"]}]}, \
    {"nonresource": {"verbs": ["*"], "path": "*"}, \
    "match": [{"type": "role", "values": ["admin"]}, {"type": "project", "values": ["admin"]}]}]
    """

    public let description = PluginDescription(
        identifier: "912_keystone_auth",
        summary: "k8s-keystone-auth webhook kubeconfig, static pod and authorization policy",
        reads: ["system.kubernetes", "networks.mgmt", "networks.cluster-host", "platform::docker::params::k8s_registry (system hiera)"],
        writes: ["kubernetes/keystone-auth/webhook.kubeconfig", "kubernetes/keystone-auth/k8s-keystone-auth.yaml",
                 "kubernetes/keystone-auth/policy.yaml"]
    )

    public func files(_ context: PluginContext) -> [OutputFile] {
        let inventory = context.inventory
        let version = inventory.system.kubernetesVersion.value
        guard inventory.kubernetesEnabled, case .success = KubeadmAPIVersion.forKubernetes(version),
              let release = KubernetesRelease(version) else { return [] }
        let loopback = inventory.clusterHostFloating?.family == 6 ? "[::1]" : "127.0.0.1"
        let registry = DockerParameters(systemHiera: context.earlier).k8sRegistry
        return [
            OutputFile(path: "kubernetes/keystone-auth/webhook.kubeconfig", content: .yaml(webhookKubeconfig(loopback))),
            OutputFile(path: "kubernetes/keystone-auth/k8s-keystone-auth.yaml",
                       content: .yaml(staticPod(inventory, loopback: loopback, image: "\(registry)/provider-os/k8s-keystone-auth:v\(release.major).\(release.minor).0"))),
            OutputFile(path: "kubernetes/keystone-auth/policy.yaml", content: .yaml(policy)),
        ]
    }

    /// What the API server reads to call the webhook for authentication and authorization.
    func webhookKubeconfig(_ loopback: String) -> YAMLValue {
        [
            "apiVersion": "v1",
            "kind": "Config",
            "clusters": [["name": "keystone-auth", "cluster": [
                "server": .string("https://\(loopback):\(Self.port)/webhook"),
                "certificate-authority": "/etc/kubernetes/pki/ca.crt",
            ]]],
            "contexts": [["name": "webhook", "context": ["cluster": "keystone-auth", "user": "apiserver"]]],
            "current-context": "webhook",
            "users": [["name": "apiserver", "user": [:]]],
        ]
    }

    /// The webhook, pointed at the platform keystone on the mgmt floating address.
    func staticPod(_ inventory: ValidatedInventory, loopback: String, image: String) -> YAMLValue {
        let keystoneURL = inventory.internalURL(port: KeystonePlugin.port) + "/v3"
        let arguments = [
            "--keystone-url=\(keystoneURL)",
            "--listen=\(loopback):\(Self.port)",
            "--policy-configmap-name=\(Self.policyConfigMap)",
            "--kubeconfig=/etc/kubernetes/admin.conf",
            "--tls-cert-file=/etc/kubernetes/pki/apiserver.crt",
            "--tls-private-key-file=/etc/kubernetes/pki/apiserver.key",
        ]
        return [
            "apiVersion": "v1",
            "kind": "Pod",
            "metadata": ["name": "k8s-keystone-auth", "namespace": "kube-system", "labels": ["component": "k8s-keystone-auth"]],
            "spec": [
                "hostNetwork": true,
                "priorityClassName": "system-node-critical",
                "containers": [[
                    "name": "k8s-keystone-auth",
                    "image": .string(image),
                    "command": ["/bin/k8s-keystone-auth"],
                    "args": YAMLValue(strings: arguments),
                    "volumeMounts": [
                        ["name": "pki", "mountPath": "/etc/kubernetes/pki", "readOnly": true],
                        ["name": "admin-conf", "mountPath": "/etc/kubernetes/admin.conf", "readOnly": true],
                    ],
                ]],
                "volumes": [
                    ["name": "pki", "hostPath": ["path": "/etc/kubernetes/pki", "type": "Directory"]],
                    ["name": "admin-conf", "hostPath": ["path": "/etc/kubernetes/admin.conf", "type": "File"]],
                ],
            ],
        ]
    }

    var policy: YAMLValue {
        [
            "apiVersion": "v1",
            "kind": "ConfigMap",
            "metadata": ["name": .string(Self.policyConfigMap), "namespace": "kube-system"],
            "data": ["policies": .string(Self.adminPolicy)],
        ]
    }
}
