/// The MTU arithmetic of hosts running as instances: the host cloud's tenant networks are
/// themselves tunnelled (VXLAN takes 50 bytes of the physical MTU), and a VLAN the guest adds
/// takes 4 bytes more of what the tenant network carries.
public enum VirtualMTU {
    public static let vxlanOverheadBytes = 50
    public static let vlanTagBytes = 4

    /// What one interface of a host needs from the host cloud's tenant networks.
    public struct Row: Sendable {
        public let host: String
        public let interface: String
        public let networks: [String]
        public let mtu: Int
        public let isVLAN: Bool
        /// Where the interface's MTU is given (or the interface, for the default).
        public let location: SourceLocation
        /// The tenant MTU it needs: its own, plus a VLAN's tag.
        public var needs: Int { mtu + (isVLAN ? VirtualMTU.vlanTagBytes : 0) }
    }

    public static func rows(_ hosts: [InventoryHost]) -> [Row] {
        hosts.flatMap { host in
            host.interfaces.map { interface in
                Row(host: host.name, interface: interface.name.value,
                    networks: interface.networks.map(\.value.rawValue) + interface.dataNetworks.map(\.value),
                    mtu: interface.mtu.value, isVLAN: interface.type == .vlan, location: interface.mtu.location)
            }
        }
    }
}
