import Compiler

/// The inventory's hosts as instances of an OpenStack host cloud, stood up with OpenStack
/// Virtual Baremetal: OVB's environment and roles, the templates that give the ports the
/// inventory's MACs and addresses, the virtual BMCs' units, the host cloud's credentials
/// (0600), the nodes file build-nodes-json would write (0600, it holds the BMC password) and a
/// README for the system. Only for an inventory with a `virtual:` section.
public struct VirtualEnvironmentPlugin: ConfigPlugin {
    public init() {}

    static let directory = "virtual"

    public let description = PluginDescription(
        identifier: "940_virtual_environment",
        summary: "the hosts as OpenStack instances (OVB): `virtual/` with the environment, roles, templates, BMC units, clouds.yaml (0600), nodes.json (0600) and a README",
        reads: ["virtual", "hosts[].personality", "hosts[].mgmt_mac", "hosts[].bm_ip", "hosts[].interfaces", "hosts[].cpus",
                "hosts[].disks", "networks.oam", "secrets \(VirtualEnvironment.cloudPasswordSecret)"],
        writes: ["virtual/README", "virtual/env.yaml", "virtual/role-<personality>.yaml", "virtual/templates/<template>.yaml",
                 "virtual/bmc/<bmc>/<unit>.service", "virtual/clouds.yaml", "virtual/nodes.json"]
    )

    public func files(_ context: PluginContext) -> [OutputFile] {
        let inventory = context.inventory
        guard let virtual = inventory.inventory.virtual, let oam = inventory.network(.oam)?.subnet.value else { return [] }
        let layout = VirtualLayout(virtual, hosts: inventory.hosts)
        let system = inventory.system.name.value
        let path = { (name: String) in "\(Self.directory)/\(name)" }
        var files = [
            OutputFile(path: path("README"), content: .text(VirtualReadme.render(layout, inventory: inventory))),
            OutputFile(path: path("env.yaml"), content: .yaml(OVBEnvironmentFiles.environment(layout, oam: oam))),
        ]
        for role in layout.roles where role.roleName != nil {
            files.append(OutputFile(path: path("role-\(role.personality.rawValue).yaml"), content: .yaml(OVBEnvironmentFiles.role(role, layout))))
        }
        var userData: [String: String] = [:]
        for role in layout.roles {
            userData[role.bmcPrefix] = VirtualBMCConfig.userData(role, prefixLength: oam.prefixLength, system: system)
            files.append(OutputFile(path: path("bmc/\(role.bmcPrefix)/\(VirtualBMCConfig.addressesUnit)"),
                                    content: .text(VirtualBMCConfig.addresses(role, prefixLength: oam.prefixLength))))
            for member in role.hosts {
                files.append(OutputFile(path: path("bmc/\(role.bmcPrefix)/\(VirtualBMCConfig.unitName(member))"),
                                        content: .text(VirtualBMCConfig.unit(member, system: system))))
            }
        }
        files += [
            OutputFile(path: path("templates/baremetal-ports.yaml"),
                       content: .yaml(HeatTemplates.baremetalPorts(layout, addresses: inventory.addresses, system: system))),
            OutputFile(path: path("templates/bmc.yaml"), content: .yaml(HeatTemplates.bmc(userData: userData, system: system))),
            OutputFile(path: path("clouds.yaml"),
                       content: .yaml(VirtualBMCConfig.clouds(virtual.cloud, password: context.secrets.password(VirtualEnvironment.cloudPasswordSecret))),
                       secure: true),
            OutputFile(path: path("nodes.json"), content: .text(BuildNodesJSON.render(layout)), secure: true),
        ]
        return files
    }

    /// Each BMC's user data must fit what Nova takes; it grows by a line per host.
    public func check(_ inventory: ValidatedInventory) -> [Diagnostic] {
        guard let virtual = inventory.inventory.virtual, let oam = inventory.network(.oam)?.subnet.value else { return [] }
        let system = inventory.system.name.value
        return VirtualLayout(virtual, hosts: inventory.hosts).roles.compactMap { role in
            let size = VirtualBMCConfig.encodedSize(VirtualBMCConfig.userData(role, prefixLength: oam.prefixLength, system: system))
            guard size > VirtualBMCConfig.userDataLimit else { return nil }
            return Diagnostic(.virtualUserData,
                "the BMC of the \(role.hosts.count) \(role.personality.rawValue) instances would get \(size) bytes of user data (base64), more than the \(VirtualBMCConfig.userDataLimit) Nova takes; one BMC serves one personality, so split the \(role.personality.rawValue)s over two systems or shorten their host names",
                at: role.hosts.first?.host.hostname.location ?? virtual.location)
        }
    }

    /// The host cloud's password is the operator's, not one sysinvc can make up: a derived one
    /// works only if the operator gives the user that password.
    public func review(_ context: PluginContext) -> [Diagnostic] {
        guard let virtual = context.inventory.inventory.virtual,
              !context.secrets.isExplicit(VirtualEnvironment.cloudPasswordSecret) else { return [] }
        return [Diagnostic(.virtualCloudPassword,
            "the host cloud's password is not in the secrets file, so virtual/clouds.yaml holds one derived from the secret key; set \(VirtualEnvironment.cloudPasswordSecret) in the secrets file (secrets.overrides) to \(virtual.cloud.username.value)'s password",
            at: virtual.cloud.username.location)]
    }
}
