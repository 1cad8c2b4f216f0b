import Compiler

/// The `endpoints.*` subtrees every OpenStack chart shares (sysinv's OpenstackBaseHelm helpers):
/// keystone users, database and rabbitmq credentials, the memcache secret and the public
/// endpoint's host, scheme and port. Secret names are `<service>/<purpose>`, so a password two
/// charts share (nova's neutron user) is derived once.
enum Endpoints {
    static let adminUser = "admin"
    static let rabbitmqAdminUser = "rabbitmq-admin"
    /// Service parameter naming the DNS domain public endpoints are served under.
    static let endpointDomain = (service: "openstack", section: "helm", name: "endpoint_domain")

    /// `endpoints.identity.auth`: the admin and test users, and each service user. `others`
    /// are users of other services the chart talks to (nova's neutron and placement users).
    static func identityAuth(_ service: String, users: [String], others: [String] = [], _ context: ChartContext) -> YAMLValue {
        let region = YAMLValue.string(context.inventory.system.region.value)
        var auth: [String: YAMLValue] = [
            "admin": ["region_name": region, "username": .string(adminUser), "password": .string(context.password("keystone/admin"))],
            "test": ["region_name": region, "username": "test", "password": .string(context.password("\(service)/test"))],
        ]
        for user in users {
            auth[user] = ["region_name": region, "password": .string(context.password(keystoneSecret(service, user)))]
        }
        for other in others {
            auth[other] = ["region_name": region, "password": .string(context.password(keystoneSecret(other, other)))]
        }
        return .map(auth)
    }

    static func keystoneSecret(_ service: String, _ user: String) -> String {
        user == service ? "\(service)/keystone" : "\(service)/keystone-\(user)"
    }

    /// `endpoints.oslo_db.auth`: the database admin and the service's own user; usernames are
    /// the chart defaults.
    static func osloDB(_ service: String, _ context: ChartContext) -> YAMLValue {
        [
            "admin": ["password": .string(context.password("mariadb/admin"))],
            service: ["password": .string(context.password("\(service)/db"))],
        ]
    }

    static func osloDBAuth(_ service: String, _ context: ChartContext) -> YAMLValue {
        ["auth": osloDB(service, context)]
    }

    /// `endpoints.oslo_messaging.auth`: the rabbitmq admin and `<service>-rabbitmq-user`.
    static func osloMessagingAuth(_ service: String, _ context: ChartContext) -> YAMLValue {
        ["auth": [
            "admin": ["username": .string(rabbitmqAdminUser), "password": .string(rabbitmqAdminPassword(context))],
            service: ["username": .string("\(service)-rabbitmq-user"),
                                            "password": .string(context.password("\(service)/rabbit"))],
        ]]
    }

    static func rabbitmqAdminPassword(_ context: ChartContext) -> String {
        context.password("rabbitmq/admin")
    }

    /// `endpoints.oslo_cache`: the key memcached entries are signed with, shared by all services.
    static func osloCache(_ context: ChartContext) -> YAMLValue {
        ["auth": ["memcache_secret_key": .string(context.password("memcached/secret-key"))]]
    }

    /// `host_fqdn_override`, `scheme` and `port` of a service's public endpoint: a host under the
    /// endpoint domain when one is set, https on 443 when the system serves https.
    static func publicEndpoint(_ service: String, _ context: ChartContext) -> [String: YAMLValue] {
        var endpoint: [String: YAMLValue] = ["host_fqdn_override": hostFQDNOverride(service, context)]
        if context.inventory.system.httpsEnabled.value {
            endpoint["scheme"] = ["public": "https"]
            endpoint["port"] = ["api": ["public": 443]]
        }
        return endpoint
    }

    static func hostFQDNOverride(_ service: String, _ context: ChartContext) -> YAMLValue {
        guard let domain = self.domain(context) else { return ["public": [:]] }
        return ["public": ["host": .string("\(service).\(domain)")]]
    }

    /// The endpoint domain service parameter, lowercased as sysinv does.
    static func domain(_ context: ChartContext) -> String? {
        context.inventory.serviceParameter(endpointDomain.service, endpointDomain.section, endpointDomain.name)?.lowercased()
    }

    /// The usual endpoints of an OpenStack service chart: keystone users, database, rabbitmq and
    /// memcache credentials, and the public endpoint under `publicName` when it has one.
    static func service(_ service: String, identityUsers: [String]? = nil, publicName: String? = nil,
                        database: Bool = true, messaging: Bool = true, cache: Bool = true,
                        _ context: ChartContext) -> [String: YAMLValue] {
        var endpoints: [String: YAMLValue] = [
            "identity": ["auth": identityAuth(service, users: identityUsers ?? [service], context)],
        ]
        if database { endpoints["oslo_db"] = osloDBAuth(service, context) }
        if messaging { endpoints["oslo_messaging"] = osloMessagingAuth(service, context) }
        if cache { endpoints["oslo_cache"] = osloCache(context) }
        if let publicName { endpoints[publicName] = .map(publicEndpoint(service, context)) }
        return endpoints
    }
}

extension ValidatedInventory {
    /// The value of a service parameter, if the inventory sets it (the last row wins).
    func serviceParameter(_ service: String, _ section: String, _ name: String) -> String? {
        inventory.serviceParameters.last { $0.service == service && $0.section == section && $0.name == name }?.value
    }

    func serviceParameters(_ service: String, _ section: String) -> [ServiceParameter] {
        inventory.serviceParameters.filter { $0.service == service && $0.section == section }
    }
}
