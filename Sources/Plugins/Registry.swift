import Compiler

/// Every plugin, in sysinv's entry-point order: data flows from earlier plugins to later ones,
/// and a later plugin may replace only the keys its description declares.
public enum PluginRegistry {
    public static let all: [any ConfigPlugin] = [
        PlatformPlugin(),
        InterfacePlugin(),
        NetworkingPlugin(),
        KeystonePlugin(),
        NfvPlugin(),
        EtcdPlugin(),
        KubernetesPlugin(),
        SmapiPlugin(),
        DockerDistributionPlugin(),
        ServiceParameterPlugin(),
        OpenrcPlugin(),
        KubeadmPlugin(),
        CalicoPlugin(),
        KeystoneAuthPlugin(),
        HelmOverridesPlugin(),
        ArmadaManifestPlugin(),
    ]
}
