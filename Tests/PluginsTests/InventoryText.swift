/// Inventory fragments the inline test inventories share.
enum InventoryText {
    /// The address pools of a standard IPv4 system, as the examples use them.
    static let networks = """
        networks:
          oam: {subnet: 10.10.10.0/24, gateway: 10.10.10.1, floating: 10.10.10.2}
          mgmt: {subnet: 192.168.204.0/24}
          pxeboot: {subnet: 169.254.202.0/24}
          cluster-host: {subnet: 192.168.206.0/24}
          cluster-pod: {subnet: 172.16.0.0/16}
          cluster-service: {subnet: 10.96.0.0/12}
          multicast: {subnet: 239.1.1.0/28}
        """
}
