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
        CephPlugin(),
        StoragePlugin(),
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
        MaintenanceHostsPlugin(),
        VirtualEnvironmentPlugin(),
    ]

    /// The built-in applications, which uploaded ones join in the catalog.
    public static let applications: [CatalogApplication] = BuiltInApplications.all
}

extension Pipeline {
    /// The compiler with every plugin and built-in application.
    public static func standard(options: CompileOptions = CompileOptions(), secretKeyFile: String? = nil) -> Pipeline {
        Pipeline(plugins: PluginRegistry.all, applications: PluginRegistry.applications, options: options, secretKeyFile: secretKeyFile)
    }
}
