import Foundation

/// The fields kubeadm's configuration API accepts, per version, for checking emitted documents.
///
/// Source: /work/shared/reference/kubernetes/kubeadm-fields.md (read from
/// kubernetes/kubernetes cmd/kubeadm/app/apis/kubeadm/v1beta3/types.go @ 008b3652 and
/// v1beta4/types.go @ 13299357, bootstraptoken/v1/types.go @ 2d350a35). v1beta4's 1.35-only
/// `external.httpEndpoints` is left out: no release this compiler targets may rely on it.
indirect enum KubeadmFields {
    /// Any value (scalars, lists of scalars, corev1 types kubeadm passes through).
    case leaf
    /// A mapping (or a list of mappings) whose keys must be among these.
    case object([String: KubeadmFields])
    /// v1beta3 extra arguments: a map of flag name to string.
    case stringMap
    /// v1beta4 extra arguments: a list of {name, value}.
    case argList

    static func kinds(v1beta4: Bool) -> [String: KubeadmFields] {
        let extraArgs: KubeadmFields = v1beta4 ? .argList : .stringMap
        let v4: (([String: KubeadmFields]) -> [String: KubeadmFields]) = { v1beta4 ? $0 : [:] }
        let v3: (([String: KubeadmFields]) -> [String: KubeadmFields]) = { v1beta4 ? [:] : $0 }
        let typeMeta: [String: KubeadmFields] = ["apiVersion": .leaf, "kind": .leaf]
        let timeouts: KubeadmFields = .object(["controlPlaneComponentHealthCheck": .leaf, "kubeletHealthCheck": .leaf,
                                               "kubernetesAPICall": .leaf, "etcdAPICall": .leaf, "tlsBootstrap": .leaf,
                                               "discovery": .leaf, "upgradeManifests": .leaf])
        let apiEndpoint: KubeadmFields = .object(["advertiseAddress": .leaf, "bindPort": .leaf])
        let nodeRegistration: KubeadmFields = .object([
            "name": .leaf, "criSocket": .leaf, "taints": .leaf, "kubeletExtraArgs": extraArgs,
            "ignorePreflightErrors": .leaf, "imagePullPolicy": .leaf,
        ].merging(v4(["imagePullSerial": .leaf])) { $1 })
        let bootstrapToken: KubeadmFields = .object(["token": .leaf, "description": .leaf, "ttl": .leaf, "expires": .leaf,
                                                     "usages": .leaf, "groups": .leaf])
        let patches: KubeadmFields = .object(["directory": .leaf])
        let hostPathMount: KubeadmFields = .object(["name": .leaf, "hostPath": .leaf, "mountPath": .leaf, "readOnly": .leaf, "pathType": .leaf])
        let component: [String: KubeadmFields] = ["extraArgs": extraArgs, "extraVolumes": hostPathMount].merging(v4(["extraEnvs": .leaf])) { $1 }
        let imageMeta: [String: KubeadmFields] = ["imageRepository": .leaf, "imageTag": .leaf]
        let etcd: KubeadmFields = .object([
            "local": .object(imageMeta.merging(["dataDir": .leaf, "extraArgs": extraArgs, "serverCertSANs": .leaf, "peerCertSANs": .leaf]
                .merging(v4(["extraEnvs": .leaf])) { $1 }) { $1 }),
            "external": .object(["endpoints": .leaf, "caFile": .leaf, "certFile": .leaf, "keyFile": .leaf]),
        ])

        let initConfiguration = typeMeta.merging([
            "bootstrapTokens": bootstrapToken, "nodeRegistration": nodeRegistration, "localAPIEndpoint": apiEndpoint,
            "certificateKey": .leaf, "skipPhases": .leaf, "patches": patches,
        ].merging(v4(["dryRun": .leaf, "timeouts": timeouts])) { $1 }) { $1 }

        let clusterConfiguration = typeMeta.merging([
            "etcd": etcd,
            "networking": .object(["serviceSubnet": .leaf, "podSubnet": .leaf, "dnsDomain": .leaf]),
            "kubernetesVersion": .leaf, "controlPlaneEndpoint": .leaf,
            "apiServer": .object(component.merging(["certSANs": .leaf].merging(v3(["timeoutForControlPlane": .leaf])) { $1 }) { $1 }),
            "controllerManager": .object(component), "scheduler": .object(component),
            "dns": .object(imageMeta.merging(v4(["disabled": .leaf])) { $1 }),
            "certificatesDir": .leaf, "imageRepository": .leaf, "featureGates": .leaf, "clusterName": .leaf,
        ].merging(v4(["proxy": .object(["disabled": .leaf]), "encryptionAlgorithm": .leaf,
                      "certificateValidityPeriod": .leaf, "caCertificateValidityPeriod": .leaf])) { $1 }) { $1 }

        let discovery: KubeadmFields = .object([
            "bootstrapToken": .object(["token": .leaf, "apiServerEndpoint": .leaf, "caCertHashes": .leaf, "unsafeSkipCAVerification": .leaf]),
            "file": .object(["kubeConfigPath": .leaf]),
            "tlsBootstrapToken": .leaf,
        ].merging(v3(["timeout": .leaf])) { $1 })
        let joinConfiguration = typeMeta.merging([
            "nodeRegistration": nodeRegistration, "caCertPath": .leaf, "discovery": discovery,
            "controlPlane": .object(["localAPIEndpoint": apiEndpoint, "certificateKey": .leaf]),
            "skipPhases": .leaf, "patches": patches,
        ].merging(v4(["dryRun": .leaf, "timeouts": timeouts])) { $1 }) { $1 }

        return [
            "InitConfiguration": .object(initConfiguration),
            "ClusterConfiguration": .object(clusterConfiguration),
            "JoinConfiguration": .object(joinConfiguration),
        ]
    }

    /// Where `value` breaks the field list: dotted paths of unknown fields or wrong shapes.
    func violations(_ value: Any, at path: String = "") -> [String] {
        switch self {
        case .leaf:
            return []
        case let .object(fields):
            if let list = value as? [Any] {
                return list.enumerated().flatMap { violations($0.element, at: "\(path)[\($0.offset)]") }
            }
            guard let map = value as? [String: Any] else { return ["\(path): not a mapping"] }
            return map.keys.sorted().flatMap { key -> [String] in
                let here = path.isEmpty ? key : "\(path).\(key)"
                guard let field = fields[key] else { return ["\(here): not a field of this version"] }
                return field.violations(map[key]!, at: here)
            }
        case .stringMap:
            guard let map = value as? [String: Any], map.values.allSatisfy({ $0 is String }) else { return ["\(path): not a map of strings"] }
            return []
        case .argList:
            guard let list = value as? [[String: Any]],
                  list.allSatisfy({ Set($0.keys) == ["name", "value"] && $0["value"] is String }) else {
                return ["\(path): not a list of {name, value}"]
            }
            return []
        }
    }
}
