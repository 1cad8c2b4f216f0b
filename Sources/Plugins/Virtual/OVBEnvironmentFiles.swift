import Compiler

/// OVB's environment files for the inventory: `env.yaml` for the primary stack (the
/// controllers, with the networks, images and the BMC settings every role inherits) and one
/// `role-<personality>.yaml` per other personality, holding only what `deploy.py --role` lets a
/// role set (base-role.yaml's four parameters). Every parameter is one OVB declares.
enum OVBEnvironmentFiles {
    /// Where the templates sysinvc writes replace OVB's (paths relative to env.yaml).
    static let resourceRegistry: YAMLValue = [
        "OS::OVB::BaremetalPorts": "templates/baremetal-ports.yaml",
        "OS::OVB::BMC": "templates/bmc.yaml",
        // No undercloud: controller-0 is installed from the StarlingX ISO and boots the others.
        "OS::OVB::UndercloudEnvironment": "OS::Heat::None",
    ]

    static func environment(_ layout: VirtualLayout, oam: IPSubnet) -> YAMLValue {
        let virtual = layout.environment
        let primary = layout.primary
        let parameters: YAMLValue = [
            "baremetal_flavor": .string(primary?.flavor?.name ?? ""),
            "baremetal_image": .string(virtual.image.value),
            "baremetal_prefix": .string(virtual.prefix.value),
            "bmc_flavor": .string(virtual.bmc.flavor.value),
            "bmc_image": .string(virtual.bmc.image.value),
            "bmc_prefix": .string(virtual.bmc.prefix.value),
            "external_net": .string(virtual.networks.external.value),
            "key_name": .string(virtual.keyName.value),
            "node_count": .int(primary?.hosts.count ?? 0),
            "private_net": .string(virtual.networks.private.value),
            "provision_net": .string(virtual.networks.provision.value),
            "provision_net_shared": false,
            "public_net": .string(virtual.networks.public.value),
            // Every port on the public network has a fixed address; nothing is allocated.
            "public_net_allocation_pools": [],
            "public_net_cidr": .string(oam.description),
            "public_net_ip_version": .int(oam.family),
            "public_net_shared": false,
            "role": .string(Personality.controller.rawValue),
        ]
        return ["parameter_defaults": parameters, "resource_registry": resourceRegistry]
    }

    static func role(_ role: VirtualLayout.Role, _ layout: VirtualLayout) -> YAMLValue {
        [
            "parameter_defaults": [
                "baremetal_flavor": .string(role.flavor?.name ?? ""),
                "key_name": .string(layout.environment.keyName.value),
                "node_count": .int(role.hosts.count),
                "role": .string(role.roleName ?? ""),
            ],
        ]
    }
}
