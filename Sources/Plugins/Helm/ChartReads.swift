/// The inventory facts chart descriptions name, each spelled once, so that every chart reading a
/// fact names it in the same words.
enum ChartReads {
    /// What `ControlPlane` counts and selects hosts by.
    static let controlPlaneLabel = "hosts[].labels openstack-control-plane"
    static let region = "system.region"
    static let https = "system.https"
    static let endpointDomain = "service_parameters openstack/helm/endpoint_domain"
    /// What `Endpoints` builds a service's URLs from: its region, scheme and public domain.
    static let endpoints = [region, https, endpointDomain]
    static let ceph = "storage.ceph"
    static let mgmtFloatingAddress = "networks.mgmt floating address"
    static let mgmtAddresses = "hosts[] mgmt addresses"
    static let rabbitmqAdminSecret = "secrets rabbitmq/admin"
    static let dataNetworks = "data_networks"
}
