import Compiler

/// `platform::docker::params`: the registries and proxies the operator chose through service
/// parameters (099_service_parameter writes them). This type alone knows the key names: the
/// service-parameter plugin writes through `Key`, and the plugins that name images (kubeadm,
/// Calico, keystone-auth) read the mirrors from the system hiera their files are rendered from.
/// No mirror set means the upstream registry, as in sysinv.
struct DockerParameters {
    static let prefix = "platform::docker::params::"

    enum Key: String {
        case httpProxy = "http_proxy"
        case httpsProxy = "https_proxy"
        case noProxy = "no_proxy"
        case k8sRegistry = "k8s_registry"
        case gcrRegistry = "gcr_registry"
        case quayRegistry = "quay_registry"
        case dockerRegistry = "docker_registry"
        case dockerRegistries = "docker_registries"
        case insecureRegistry = "insecure_registry"

        var hieraKey: String { DockerParameters.prefix + rawValue }
    }

    static let upstreamK8sRegistry = "registry.k8s.io"
    static let upstreamQuayRegistry = "quay.io"

    /// The mirror of registry.k8s.io, when the operator set one.
    let k8sRegistryMirror: String?
    /// The mirror of quay.io, when the operator set one.
    let quayRegistryMirror: String?

    init(systemHiera hiera: HieraDocument) {
        func mirror(_ key: Key) -> String? {
            if case let .string(registry)? = hiera[key.hieraKey] { return registry }
            return nil
        }
        k8sRegistryMirror = mirror(.k8sRegistry)
        quayRegistryMirror = mirror(.quayRegistry)
    }

    /// Where Kubernetes' own images come from.
    var k8sRegistry: String { k8sRegistryMirror ?? Self.upstreamK8sRegistry }
    /// Where Calico's images come from.
    var quayRegistry: String { quayRegistryMirror ?? Self.upstreamQuayRegistry }
}
