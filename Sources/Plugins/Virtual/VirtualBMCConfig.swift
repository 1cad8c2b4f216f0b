import Compiler

/// What each BMC instance runs (OVB's `install_openstackbmc.sh`, written for the inventory):
/// one `openstackbmc` unit per host, answering IPMI at the host's `bm_ip` for the host's
/// instance, a unit putting those addresses on the instance's public NIC, and the host cloud's
/// credentials, which Heat hands the instance as `$cloud_data` so that they are in no file here.
enum VirtualBMCConfig {
    /// The release of OVB on PyPI whose `openstackbmc` the BMC instances run.
    static let ovbPackage = "openstack-virtual-baremetal==1.0.2.dev28"
    /// The BMC's second NIC, on the public network (the first is its port on the private one).
    static let publicInterface = "eth1"
    static let venv = "/opt/openstackbmc"

    static func unitName(_ member: VirtualLayout.Member) -> String { "openstack-bmc-\(member.instance).service" }
    static let addressesUnit = "sysinvc-bmc-addresses.service"

    /// The unit answering IPMI for one host (OVB's, with the address and instance from the
    /// inventory: openstackbmc takes an instance's name as well as its uuid).
    static func unit(_ member: VirtualLayout.Member, system: String) -> String {
        let address = member.bmcAddress.map { $0.description } ?? ""
        return """
        [Unit]
        Description=Virtual BMC of \(member.host.name) (instance \(member.instance)) of system \(system)
        Requires=\(addressesUnit)
        After=\(addressesUnit)

        [Service]
        ExecStart=\(venv)/bin/openstackbmc --os-cloud host_cloud --instance \(ShellWord.quote(member.instance)) --address \(ShellWord.quote(address))
        Restart=always
        User=root

        [Install]
        WantedBy=multi-user.target

        """
    }

    /// The unit that puts the role's BMC addresses on the public NIC before the BMCs start.
    static func addresses(_ role: VirtualLayout.Role, prefixLength: Int) -> String {
        let commands = role.hosts.compactMap(\.bmcAddress).map { address in
            "ExecStart=/usr/sbin/ip address replace \(ShellWord.quote("\(address)/\(prefixLength)")) dev \(publicInterface)"
        }
        return """
        [Unit]
        Description=BMC addresses of the \(role.personality.rawValue) instances
        Requires=network-online.target
        After=network-online.target

        [Service]
        Type=oneshot
        RemainAfterExit=yes
        ExecStart=/usr/sbin/ip link set \(publicInterface) up
        \(commands.joined(separator: "\n"))

        [Install]
        WantedBy=multi-user.target

        """
    }

    /// The BMC instance's user data: the units above, OVB's openstackbmc in a virtualenv, and
    /// clouds.yaml from `$cloud_data`, which Heat replaces with the credentials deploy.py read.
    static func userData(_ role: VirtualLayout.Role, prefixLength: Int, system: String) -> String {
        var script = """
        #!/bin/bash
        # Virtual BMC \(role.bmcPrefix) of system \(system), written by sysinvc: answers IPMI for
        # the \(role.hosts.count) \(role.personality.rawValue) instance(s) by starting and stopping them through Nova.
        set -euo pipefail
        # The credentials: owner-only from the moment the file exists.
        mkdir -p -m 700 /root/.config/openstack
        (umask 077 && cat > /root/.config/openstack/clouds.yaml) <<'SYSINVC_CLOUD'
        {"clouds": {"host_cloud": $cloud_data}}
        SYSINVC_CLOUD
        # Python 3 with venv: CentOS 7 cloud images (OVB's default BMC image) have neither.
        if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
            if command -v dnf >/dev/null; then dnf install -y python3
            elif command -v yum >/dev/null; then yum install -y python3
            else apt-get update && apt-get install -y python3-venv
            fi
        fi
        python3 -m venv \(venv)
        \(venv)/bin/pip install --quiet \(ShellWord.quote(ovbPackage))

        """
        let units = [(addressesUnit, addresses(role, prefixLength: prefixLength))]
            + role.hosts.map { (unitName($0), unit($0, system: system)) }
        for (name, text) in units {
            script += "cat > /etc/systemd/system/\(ShellWord.quote(name)) <<'SYSINVC_UNIT'\n\(text)SYSINVC_UNIT\n"
        }
        script += "systemctl daemon-reload\n"
        script += "systemctl enable --now " + units.map { ShellWord.quote($0.0) }.joined(separator: " ") + "\n"
        return script
    }

    /// clouds.yaml for the operator's own use (`OS_CLIENT_CONFIG_FILE`, `OS_CLOUD=host_cloud`)
    /// when deploying: the same cloud the BMCs receive. Owner-only: it holds the password.
    static func clouds(_ cloud: HostCloud, password: String) -> YAMLValue {
        var entry: [String: YAMLValue] = [
            "auth": [
                "auth_url": .string(cloud.authURL.value),
                "username": .string(cloud.username.value),
                "password": .string(password),
                "project_name": .string(cloud.project.value),
                "user_domain_name": .string(cloud.userDomain.value),
                "project_domain_name": .string(cloud.projectDomain.value),
            ],
            "identity_api_version": 3,
        ]
        if let region = cloud.region { entry["region_name"] = .string(region.value) }
        return ["clouds": ["host_cloud": .map(entry)]]
    }
}
