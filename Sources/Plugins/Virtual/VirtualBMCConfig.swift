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
    /// inventory: openstackbmc takes an instance's name as well as its uuid), with `$host`,
    /// `$instance` and `$address` standing for the host's values. The user data fills them in a
    /// loop over a table of one line per host, so that a BMC of hundreds of hosts stays within
    /// what Nova takes as user data; `unit(_:system:)` fills them for the file shown here.
    static func unitTemplate(system: String) -> String {
        """
        [Unit]
        Description=Virtual BMC of $host (instance $instance) of system \(system)
        Requires=\(addressesUnit)
        After=\(addressesUnit)

        [Service]
        ExecStart=\(venv)/bin/openstackbmc --os-cloud host_cloud --instance $instance --address $address
        Restart=always
        User=root

        [Install]
        WantedBy=multi-user.target

        """
    }

    static func unit(_ member: VirtualLayout.Member, system: String) -> String {
        unitTemplate(system: system)
            .replacingOccurrences(of: "$host", with: member.host.name)
            .replacingOccurrences(of: "$instance", with: member.instance)
            .replacingOccurrences(of: "$address", with: member.bmcAddress.map { $0.description } ?? "")
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
        # Every path is below $root, which is empty on the BMC instance.
        root=${SYSINVC_BMC_ROOT:-}
        # The credentials: owner-only from the moment the file exists.
        mkdir -p -m 700 "$root"/root/.config/openstack
        (umask 077 && cat > "$root"/root/.config/openstack/clouds.yaml) <<'SYSINVC_CLOUD'
        {"clouds": {"host_cloud": $cloud_data}}
        SYSINVC_CLOUD
        # Python 3 with venv: CentOS 7 cloud images (OVB's default BMC image) have neither.
        if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
            if command -v dnf >/dev/null; then dnf install -y python3
            elif command -v yum >/dev/null; then yum install -y python3
            else apt-get update && apt-get install -y python3-venv
            fi
        fi
        python3 -m venv "$root"\(venv)
        "$root"\(venv)/bin/pip install --quiet \(ShellWord.quote(ovbPackage))
        units="$root/etc/systemd/system"
        mkdir -p "$units"
        cat > "$units"/\(addressesUnit) <<'SYSINVC_UNIT'
        \(addresses(role, prefixLength: prefixLength))SYSINVC_UNIT
        enabled=(\(addressesUnit))
        while read -r host instance address; do
            cat > "$units/openstack-bmc-$instance.service" <<SYSINVC_UNIT
        \(unitTemplate(system: system))SYSINVC_UNIT
            enabled+=("openstack-bmc-$instance.service")
        done <<'SYSINVC_HOSTS'

        """
        for member in role.hosts {
            script += [member.host.name, member.instance, member.bmcAddress.map { $0.description } ?? ""].map(ShellWord.quote).joined(separator: " ") + "\n"
        }
        script += "SYSINVC_HOSTS\n"
        script += "systemctl daemon-reload\n"
        script += "systemctl enable --now \"${enabled[@]}\"\n"
        return script
    }

    /// Nova takes at most 65,535 bytes of user data, base64-encoded.
    static let userDataLimit = 65_535

    static func encodedSize(_ userData: String) -> Int { (userData.utf8.count + 2) / 3 * 4 }

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
