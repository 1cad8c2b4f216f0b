/// The inventory's hosts as instances of an OpenStack "host cloud", the way OpenStack Virtual
/// Baremetal (OVB, QuintupleO) stands bare metal up: every host an instance that PXE boots from
/// an iPXE image on a provision network whose DHCP is left to the deployment, and a BMC instance
/// answering IPMI for each host by starting and stopping its instance through Nova.
public struct VirtualEnvironment: Sendable {
    /// The user OVB's deploy and the virtual BMCs authenticate as. Its password is the secret
    /// `virtual/host-cloud`.
    public var cloud: HostCloud
    /// The Nova keypair injected into the BMC instances.
    public var keyName: Located<String>
    /// The image the host instances boot: iPXE, which chains what the provision network offers.
    public var image: Located<String>
    /// The prefix of the host instances and their ports (OVB's `baremetal_prefix`); each
    /// personality but the controllers' adds `-<personality>`.
    public var prefix: Located<String>
    public var networks: HostCloudNetworks
    public var bmc: VirtualBMCSettings
    /// Flavors by personality, as given; `VirtualRules` checks that each personality the
    /// inventory has can be sized.
    public var flavors: [Personality: VirtualFlavor]
    /// Where `flavors` is, for a personality it leaves out.
    public var flavorsLocation: SourceLocation
    public var location: SourceLocation

    /// The password of the host cloud's user, among the secrets.
    public static let cloudPasswordSecret = "virtual/host-cloud"
    /// The only user and password OVB's `openstackbmc` accepts (`{'admin': 'password'}`): every
    /// host of a virtual inventory has them as its BMC's.
    public static let bmcUsername = "admin"
    public static let bmcPassword = "password"
    /// What the tenant networks of a host cloud without jumbo frames carry: 1500 less VXLAN's 50.
    public static let defaultNetworkMTU = 1450
}

public struct HostCloud: Sendable {
    public var authURL: Located<String>
    public var username: Located<String>
    public var project: Located<String>
    public var userDomain: Located<String>
    public var projectDomain: Located<String>
    public var region: Located<String>?
}

/// Names of the host cloud's networks (OVB's parameters of the same names) and the MTU its
/// tenant networks carry.
public struct HostCloudNetworks: Sendable {
    /// Where floating addresses come from.
    public var external: Located<String>
    /// An existing tenant network with a router: the BMC instances reach the cloud's API on it.
    public var `private`: Located<String>
    /// Created by OVB without DHCP and without port security: the hosts' management and pxeboot
    /// networks, on the port with the host's `mgmt_mac`.
    public var provision: Located<String>
    /// Created by OVB the same way, with the OAM subnet: the controllers' OAM ports and the
    /// BMC addresses.
    public var `public`: Located<String>
    public var mtu: Located<Int>
}

public struct VirtualBMCSettings: Sendable {
    public var flavor: Located<String>
    public var image: Located<String>
    /// The prefix of the BMC instances and of their per-host ports (OVB's `bmc_prefix`).
    public var prefix: Located<String>
}

/// A Nova flavor of the host cloud. The sizes are those the nodes file reports; `vcpus` and
/// `diskGiB` may be left to the hosts (their CPU layout and root disk).
public struct VirtualFlavor: Sendable {
    public var name: Located<String>
    public var vcpus: Located<Int>?
    public var ramMiB: Located<Int>
    public var diskGiB: Located<Int>?
    public var location: SourceLocation
}
