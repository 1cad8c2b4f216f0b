import Compiler

/// sysinv's 099_service_parameter, last so that what the operator set wins: docker proxy and
/// registry parameters become `platform::docker::params::*`, a row naming a `resource` sets that
/// one key. Rows limited to a personality go to the host files of that personality. Each row
/// replaces exactly one key, so the keys around it stay as generated.
public struct ServiceParameterPlugin: ConfigPlugin {
    public init() {}

    /// sysinv's service-parameter schema for service `docker`: (section, name) -> resource.
    static let dockerResources: [String: [String: DockerParameters.Key]] = [
        "proxy": ["http_proxy": .httpProxy, "https_proxy": .httpsProxy, "no_proxy": .noProxy],
        "registry": ["k8s": .k8sRegistry, "gcr": .gcrRegistry, "quay": .quayRegistry, "docker": .dockerRegistry,
                     "registries": .dockerRegistries, "insecure_registry": .insecureRegistry],
    ]

    public let description = PluginDescription(
        identifier: "099_service_parameter",
        summary: "service parameters, last, so they override generated values: docker proxy and registries, and rows naming an explicit hiera resource",
        reads: ["service_parameters"],
        // A row's own resource is the operator's escape to any puppet parameter, as in sysinv.
        writes: [WritePattern(DockerParameters.prefix), .keysNamedByInventory("service_parameters[].resource")],
        // The puppet classes sysinv's service-parameter schema maps rows to.
        overrides: [HieraKeyPattern(DockerParameters.prefix), "platform::kubernetes::", "platform::mtce::params::", "platform::haproxy::params::",
                    "platform::drbd::", "openstack::keystone::params::", "keystone::", "horizon::", "openstack::horizon::params::", "nfv::"]
    )

    public func systemConfig(_ context: PluginContext) -> HieraData {
        config(context.inventory.inventory.serviceParameters.filter { $0.personality == nil && !Self.setsSecret($0) })
    }

    /// A row setting a password or key goes where secrets go, never into a file others can read.
    public func secureSystemConfig(_ context: PluginContext) -> HieraData {
        config(context.inventory.inventory.serviceParameters.filter { $0.personality == nil && Self.setsSecret($0) })
    }

    public func hostConfig(_ host: InventoryHost, _ context: PluginContext) -> HieraData {
        config(context.inventory.inventory.serviceParameters.filter { $0.personality == host.personality.value && !Self.setsSecret($0) })
    }

    /// Host files are readable by every user of a host: a secret cannot be set per personality.
    public func check(_ inventory: ValidatedInventory) -> [Diagnostic] {
        inventory.inventory.serviceParameters.filter { $0.personality != nil && Self.setsSecret($0) }.map { parameter in
            Diagnostic(.secretServiceParameter,
                       "service parameter \(parameter.service)/\(parameter.section)/\(parameter.name) sets the secret \(Self.resource(of: parameter) ?? "") for one personality, but host hiera files are not secret; remove personality so that it goes to secure_system.yaml",
                       at: parameter.location)
        }
    }

    /// Whether the row's hiera key holds a password or key (by the name puppet gives it).
    static func setsSecret(_ parameter: ServiceParameter) -> Bool {
        guard let key = resource(of: parameter) else { return false }
        return SecretMask.looksSecret(String(key.split(separator: ":").last ?? Substring(key)))
    }

    func config(_ parameters: [ServiceParameter]) -> HieraData {
        var data = HieraData()
        for parameter in parameters {
            guard let key = Self.resource(of: parameter) else { continue }
            data.set(key, Self.value(of: parameter), from: parameter.location)
        }
        return data
    }

    /// The hiera key a row sets: its explicit resource, else the schema's; rows neither names
    /// configure a service sysinvc has no plugin for.
    static func resource(of parameter: ServiceParameter) -> String? {
        if let resource = parameter.resource { return resource }
        guard parameter.service == "docker", let key = dockerResources[parameter.section]?[parameter.name] else { return nil }
        return key.hieraKey
    }

    /// Booleans as booleans, so puppet's `if $insecure_registry` does not take "False" as true.
    static func value(of parameter: ServiceParameter) -> YAMLValue {
        switch parameter.value.lowercased() {
        case "true": return true
        case "false": return false
        default: return .string(parameter.value)
        }
    }
}
