import Compiler

/// sysinv's 099_service_parameter, last so that what the operator set wins: docker proxy and
/// registry parameters become `platform::docker::params::*`, a row naming a `resource` sets that
/// one key (within the classes sysinv's schema configures). Rows limited to a personality go to the host files of that personality. Each row
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
        summary: "service parameters: docker proxy and registries, and rows naming an explicit hiera resource",
        reads: ["service_parameters"],
        writes: [WritePattern(DockerParameters.prefix)],
        overrides: Self.resourceClasses
    )

    /// The puppet classes sysinv's service-parameter schema maps rows to: the only keys a row
    /// naming its own `resource` may set, so that an inventory cannot write keys no plugin
    /// declares.
    static let resourceClasses: [HieraKeyPattern] = [
        HieraKeyPattern(DockerParameters.prefix), "platform::kubernetes::", "platform::mtce::params::", "platform::haproxy::params::",
        "platform::drbd::", "openstack::keystone::params::", "keystone::", "horizon::", "openstack::horizon::params::", "nfv::",
    ]

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
    /// A resource outside the service-parameter classes would set a key sysinvc does not know.
    public func check(_ inventory: ValidatedInventory) -> [Diagnostic] {
        let parameters = inventory.inventory.serviceParameters
        let perPersonalitySecrets = parameters.filter { $0.personality != nil && Self.setsSecret($0) }.map { parameter in
            Diagnostic(.secretServiceParameter,
                       "service parameter \(parameter.service)/\(parameter.section)/\(parameter.name) sets the secret \(Self.resource(of: parameter) ?? "") for one personality, but host hiera files are not secret; remove personality so that it goes to secure_system.yaml",
                       at: parameter.location)
        }
        let unknownResources = parameters.compactMap { parameter -> Diagnostic? in
            // A resource that is no hiera key at all is already refused by its grammar.
            guard let resource = parameter.resource, FieldGrammar.hieraKey.problem(resource) == nil,
                  !Self.resourceClasses.contains(where: { $0.matches(resource) }) else { return nil }
            return Diagnostic(.serviceParameterResource,
                              "service parameter \(parameter.service)/\(parameter.section)/\(parameter.name) sets \(resource), outside the classes service parameters configure; use a key under one of \(Self.resourceClasses.map(\.description).joined(separator: ", "))",
                              at: parameter.location)
        }
        return perPersonalitySecrets + unknownResources
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
