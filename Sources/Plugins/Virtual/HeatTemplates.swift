import Compiler

/// The two OVB resources sysinvc replaces (through env.yaml's resource_registry) so that the
/// host cloud holds the inventory's addresses rather than ones Neutron picks:
/// `OS::OVB::BaremetalPorts`, one instance's ports — the provision port with the host's
/// `mgmt_mac`, a controller's OAM port with its OAM address and MAC, and the port reserving the
/// host's BMC address; and `OS::OVB::BMC`, the BMC instance with its user data. Both are one
/// template for every stack: what differs by host or role is looked up by port or prefix name
/// in parameters whose defaults hold the inventory's values (Heat resolves functions in a
/// `get_param` path). Names follow OVB's, so build-nodes-json pairs them as it would OVB's own.
enum HeatTemplates {
    static let version = "newton"

    static func join(_ parts: YAMLValue...) -> YAMLValue { ["list_join": ["", .list(parts)]] }
    static func parameter(_ name: String) -> YAMLValue { ["get_param": .string(name)] }
    static func lookup(_ table: String, _ key: YAMLValue) -> YAMLValue { ["get_param": [.string(table), key]] }
    static func json(_ entries: [String: YAMLValue], _ description: String) -> YAMLValue {
        ["type": "json", "default": .map(entries), "description": .string(description)]
    }
    static let string: YAMLValue = ["type": "string"]

    static func baremetalPorts(_ layout: VirtualLayout, addresses: AddressPlan, system: String) -> YAMLValue {
        let members = layout.members
        let controllers = layout.primary?.hosts ?? []
        let portName = join(parameter("baremetal_prefix"), parameter("suffix"))
        let bmcPortName = join(parameter("bmc_prefix"), parameter("suffix"))
        let parameters: YAMLValue = [
            "baremetal_prefix": string,
            "networks": ["type": "json"],
            "suffix": string,
            "bmc_prefix": string,
            "host_macs": json(Dictionary(uniqueKeysWithValues: members.map { ($0.instance, .string($0.mac ?? "")) }),
                              "each instance's provision MAC: the host's mgmt_mac"),
            "bmc_addresses": json(Dictionary(uniqueKeysWithValues: members.map { ($0.bmcPort, .string($0.bmcAddress?.description ?? "")) }),
                                  "each BMC port's address: the host's bm_ip"),
            "oam_addresses": json(Dictionary(uniqueKeysWithValues: controllers.map { ($0.instance, .string(addresses[$0.host.name, .oam]?.address.description ?? "")) }),
                                  "each controller's OAM unit address"),
            "oam_macs": json(Dictionary(uniqueKeysWithValues: controllers.map { ($0.instance, .string($0.oamMAC ?? "")) }),
                             "each controller's OAM MAC"),
        ]
        let controllerPrefix = layout.environment.prefix.value
        let resources: YAMLValue = [
            "provision_port": [
                "type": "OS::Neutron::Port",
                "properties": [
                    "name": portName,
                    "network": ["get_param": ["networks", "provision"]],
                    "mac_address": lookup("host_macs", portName),
                    "port_security_enabled": false,
                ],
            ],
            "bmc_port": [
                "type": "OS::Neutron::Port",
                "properties": [
                    "name": bmcPortName,
                    "network": ["get_param": ["networks", "public"]],
                    "fixed_ips": [["ip_address": lookup("bmc_addresses", bmcPortName)]],
                    "port_security_enabled": false,
                ],
            ],
            "oam_port": [
                "type": "OS::Neutron::Port",
                "condition": "controllers",
                "properties": [
                    "name": join("oam_", parameter("baremetal_prefix"), parameter("suffix")),
                    "network": ["get_param": ["networks", "public"]],
                    "mac_address": lookup("oam_macs", portName),
                    "fixed_ips": [["ip_address": lookup("oam_addresses", portName)]],
                    "port_security_enabled": false,
                ],
            ],
        ]
        let provision: YAMLValue = ["port": ["get_resource": "provision_port"]]
        return [
            "heat_template_version": .string(version),
            "description": .string("The ports of one host instance of system \(system), written by sysinvc (OS::OVB::BaremetalPorts)"),
            "parameters": parameters,
            "conditions": ["controllers": ["equals": [parameter("baremetal_prefix"), .string(controllerPrefix)]]],
            "resources": resources,
            "outputs": ["ports": ["value": ["if": ["controllers", [provision, ["port": ["get_resource": "oam_port"]]], [provision]]]]],
        ]
    }

    static func bmc(userData: [String: String], system: String) -> YAMLValue {
        let prefix = parameter("bmc_prefix")
        return [
            "heat_template_version": .string(version),
            "description": .string("The BMC instance of one stack of system \(system), written by sysinvc (OS::OVB::BMC)"),
            "parameters": [
                "bmc_flavor": string,
                "bmc_image": string,
                "bmc_prefix": string,
                "key_name": string,
                "private_net": string,
                "cloud_data": ["type": "string", "hidden": true],
                "bmc_user_data": json(userData.mapValues { .string($0) }, "each BMC's user data, by its prefix"),
            ],
            "resources": [
                "utility_port": [
                    "type": "OS::Neutron::Port",
                    "properties": ["name": join("utility_", prefix), "network": parameter("private_net")],
                ],
                "bmc_server": [
                    "type": "OS::Nova::Server",
                    "properties": [
                        "name": prefix,
                        "flavor": parameter("bmc_flavor"),
                        "image": parameter("bmc_image"),
                        "key_name": parameter("key_name"),
                        "config_drive": false,
                        // The first host's BMC port (made with the host's ports) is the NIC that
                        // carries every BMC address of the stack.
                        "networks": [["port": ["get_resource": "utility_port"]], ["port": join(prefix, "_0")]],
                        "user_data_format": "RAW",
                        "user_data": ["str_replace": [
                            "template": lookup("bmc_user_data", prefix),
                            "params": ["$cloud_data": parameter("cloud_data")],
                        ]],
                    ],
                ],
            ],
        ]
    }
}
