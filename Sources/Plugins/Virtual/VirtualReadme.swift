import Compiler

/// `virtual/README`: for this system, which instance is which host, how to stand the
/// environment up with OVB, what the host cloud must allow, and the MTU arithmetic for its
/// interfaces. Every value that appears in a command is shell-quoted.
enum VirtualReadme {
    static func render(_ layout: VirtualLayout, inventory: ValidatedInventory) -> String {
        let virtual = layout.environment
        let system = inventory.system.name.value
        let limit = virtual.networks.mtu.value
        var text = """
        Virtual environment of system \(system), written by sysinvc
        ================================================================

        The \(layout.members.count) host(s) of this inventory run as instances of the OpenStack cloud at
        \(virtual.cloud.authURL.value) (project \(virtual.cloud.project.value)), stood up with
        OpenStack Virtual Baremetal (OVB, "QuintupleO"). Every instance PXE boots from the iPXE
        image \(virtual.image.value); a BMC instance per personality answers IPMI for its hosts
        by starting and stopping their instances through Nova.


        """
        text += table(["host", "instance", "node", "flavor", "provision MAC", "BMC address", "BMC instance"],
                      layout.roles.flatMap { role in
                          role.hosts.map { member in
                              [member.host.name, member.instance, member.nodeName, role.flavor?.name ?? "",
                               member.mac ?? "", member.bmcAddress?.description ?? "", role.bmcPrefix]
                          }
                      })
        text += """

        Controllers have a second NIC on the public network (\(virtual.networks.public.value)), their OAM
        port, with their OAM unit address. The BMC user is \(VirtualEnvironment.bmcUsername), with OVB's fixed password
        (in nodes.json): the only credentials OVB's openstackbmc accepts.

        Files
        -----

        env.yaml                     OVB environment of the primary stack (the controllers)
        role-<personality>.yaml      one OVB role per other personality (deploy.py --role)
        templates/baremetal-ports.yaml, templates/bmc.yaml
                                     OVB resources replaced so that ports get the inventory's
                                     MACs and addresses
        bmc/<bmc instance>/          the units each BMC instance runs (also in its user data)
        clouds.yaml                  the host cloud's credentials (mode 0600)
        nodes.json                   what build-nodes-json writes for this environment (0600)

        Deploying
        ---------

        1. Create the flavors, once:


        """
        for role in layout.roles {
            guard let flavor = role.flavor else { continue }
            text += "       openstack flavor create --vcpus \(flavor.vcpus) --ram \(flavor.ramMiB) --disk \(flavor.diskGiB) \(ShellWord.quote(flavor.name))\n"
        }
        let roleArguments = layout.roles.compactMap { $0.roleName.map { " --role \"$VIRTUAL\"/role-\($0).yaml" } }.joined()
        text += """

        2. From a checkout of openstack-virtual-baremetal, with VIRTUAL set to this directory:

               export OS_CLIENT_CONFIG_FILE="$VIRTUAL"/clouds.yaml OS_CLOUD=host_cloud
               bin/deploy.py --quintupleo --poll --env "$VIRTUAL"/env.yaml\(roleArguments)

           Role stacks inherit env.yaml's resource registry, so they use the same templates.
           No undercloud is created: install controller-0 from the StarlingX ISO (rebuild its
           instance from an image of the ISO, or boot it once from one), then let it PXE boot
           the others over the provision network.

        3. Optional check: build-nodes-json --env "$VIRTUAL"/env.yaml --nodes_json /tmp/nodes.json
           run against the stacks writes the same nodes as nodes.json here.

        Host-cloud prerequisites
        ------------------------

        * PXE boot of instances: upload the iPXE image as \(virtual.image.value) with
          os_shutdown_timeout=5 (the instances ignore ACPI shutdown). An installed instance
          boots from its disk afterwards; to PXE boot it again, rebuild it from
          \(virtual.image.value), or apply OVB's Nova patch that honours the pxe-first server
          metadata the BMC sets for "chassis bootdev pxe".
        * Nova's force_config_drive must not be set: a config drive disturbs PXE boot.
        * Unsafe disk caching speeds installs up; Nova sets it per compute host, not per
          instance: [libvirt] disk_cachemodes = file=unsafe (and network=unsafe for Ceph-backed
          disks) in nova.conf of the compute hosts that run these instances.
        * The provision and public networks have neither DHCP nor port security: controller-0
          answers DHCP and PXE on the provision network, and the controllers move floating
          addresses between them.
        * Jumbo frames or a lowered MTU: see below.

        MTU
        ---

        The host cloud's tenant networks carry \(limit) bytes (virtual.networks.mtu). On a host cloud
        without jumbo frames that is a physical MTU of 1500 less VXLAN's \(VirtualMTU.vxlanOverheadBytes) bytes;
        with a physical MTU of \(1500 + VirtualMTU.vxlanOverheadBytes) or more they carry 1500. A VLAN on
        an instance's NIC takes \(VirtualMTU.vlanTagBytes) bytes more of that.


        """
        text += table(["host", "interface", "carries", "MTU", "needs", "spare"],
                      VirtualMTU.rows(inventory.hosts).map { row in
                          [row.host, row.interface + (row.isVLAN ? " (VLAN)" : ""), row.networks.joined(separator: ","),
                           String(row.mtu), row.isVLAN ? "\(row.mtu) + \(VirtualMTU.vlanTagBytes) = \(row.needs)" : String(row.needs),
                           String(limit - row.needs)]
                      })
        return text
    }

    /// Columns padded to their widest cell, two spaces apart.
    private static func table(_ header: [String], _ rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
