import Compiler

/// sysinv's 011_libvirt: libvirt and qemu on the compute nodes, with the UEFI firmware mounted.
struct LibvirtOverrides: ChartPlugin {
    let description = ChartDescription(
        chart: "libvirt", namespaces: ["openstack"],
        summary: "libvirt listen address, qemu user and cgroups, UEFI firmware mount, compute-node placement",
        reads: ["hosts[].labels openstack-compute-node"],
        writes: ["conf.libvirt", "conf.qemu", "pod.mounts.libvirt", "labels.agent.libvirt"])

    /// OVMF firmware from the host, so guests can boot UEFI.
    static let uefiMounts: YAMLValue = [
        "volumes": [["name": "ovmf", "hostPath": ["path": "/usr/share/OVMF"]]],
        "volumeMounts": [["name": "ovmf", "mountPath": "/usr/share/OVMF"]],
    ]

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] {
        [
            "conf": [
                "libvirt": ["listen_addr": "0.0.0.0"],
                "qemu": ["user": "root", "group": "root", "cgroup_controllers": ["cpu", "cpuacct", "cpuset"],
                         "namespaces": [], "clear_emulator_capabilities": 0],
            ],
            "pod": ["mounts": ["libvirt": ["libvirt": Self.uefiMounts]]],
            "labels": ControlPlane.labels(control: [], agents: ["libvirt"]),
        ]
    }
}
