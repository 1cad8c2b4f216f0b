import Compiler

/// sysinv's 035_dockerdistribution: the local image registry (`registry.local:9001`, a dnsmasq
/// name for the controller) authenticates pulls against the platform keystone. Puppet derives
/// the registry's listen address from the mgmt floating address itself, so only the keystone
/// endpoint travels in hiera.
public struct DockerDistributionPlugin: ConfigPlugin {
    public init() {}

    public let description = PluginDescription(
        identifier: "035_dockerdistribution",
        summary: "local docker registry's keystone token endpoint",
        reads: ["system.kubernetes.enabled", "networks.mgmt"],
        writes: ["platform::dockerdistribution::params::"]
    )

    public func systemConfig(_ context: PluginContext) -> HieraData {
        let inventory = context.inventory
        var data = HieraData()
        guard inventory.kubernetesEnabled else { return data }
        data.set("platform::dockerdistribution::params::registry_ks_endpoint",
                 .string(inventory.internalURL(port: KeystonePlugin.port) + "/v3"), from: inventory.source("controller", .mgmt))
        return data
    }
}
