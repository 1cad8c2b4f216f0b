import Compiler

/// How a joining node learns the cluster and proves it may join.
///
/// Token discovery needs the SHA-256 of the cluster CA's public key, and the CA does not exist
/// until `kubeadm init` creates it on controller-0; a hash invented here would be a lie and
/// `unsafeSkipCAVerification` would trust whoever answers. So the join documents use file
/// discovery: `discovery.conf` (written by this compiler) names the API endpoint and trusts the
/// CA certificate at `caCertificatePath`, which the operator (in StarlingX, puppet, from the
/// `ca_crt` secure hiera) copies from controller-0's /etc/kubernetes/pki/ca.crt. kubeadm embeds
/// that file when it reads the kubeconfig. The bootstrap token still authenticates the node.
extension KubeadmDocuments {
    static let discoveryDirectory = "/etc/kubernetes/discovery"
    static let discoveryConfigPath = discoveryDirectory + "/discovery.conf"
    /// Not /etc/kubernetes/pki/ca.crt: kubeadm join refuses to start if that file exists.
    static let caCertificatePath = discoveryDirectory + "/ca.crt"

    /// The `kubeadm join --config` document of `host`: controller-1 joins as a second control
    /// plane and fetches the certificates controller-0 uploaded.
    func joinDocument(for host: InventoryHost) -> YAMLValue {
        var join: [String: YAMLValue] = [
            "apiVersion": .string(api.rawValue),
            "kind": "JoinConfiguration",
            "nodeRegistration": nodeRegistration(host),
            "discovery": [
                "file": ["kubeConfigPath": .string(Self.discoveryConfigPath)],
                "tlsBootstrapToken": .string(bootstrapToken(for: host)),
            ],
        ]
        if host.isController {
            join["controlPlane"] = [
                "localAPIEndpoint": localAPIEndpoint(host),
                "certificateKey": .string(inventory.certificateKey(secrets)),
            ]
        }
        return .map(join)
    }

    /// The kubeconfig file discovery reads: the API endpoint and the CA to trust, no credentials.
    var discoveryKubeconfig: YAMLValue {
        [
            "apiVersion": "v1",
            "kind": "Config",
            "clusters": [[
                "name": "kubernetes",
                "cluster": [
                    "server": .string("https://\(inventory.apiServerEndpoint)"),
                    "certificate-authority": .string(Self.caCertificatePath),
                ],
            ]],
            "contexts": [["name": "discovery", "context": ["cluster": "kubernetes", "user": "discovery"]]],
            "current-context": "discovery",
            "users": [["name": "discovery", "user": [:]]],
        ]
    }
}
