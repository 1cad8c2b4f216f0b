import Compiler

/// sysinv's 006_keystone: the containerized keystone of the OpenStack application (not the
/// platform's), its token and password rules and its public endpoint.
struct KeystoneOverrides: ChartPlugin {
    /// sysinv's defaults when /etc/keystone/password-rules.conf is absent.
    static let passwordRegex = #"^(?=.*\d)(?=.*[a-z])(?=.*[A-Z])(?=.*[!@#$%^&*()<>{}+=_\\\[\]\-?|~`,.;:]).{7,}$"#
    static let passwordRegexDescription = "Password must have a minimum length of 7 characters, and must contain at least 1 upper case, 1 lower case, 1 digit, and 1 special character"

    let description = ChartDescription(
        chart: "keystone", namespaces: ["openstack"],
        summary: "keystone API replicas, token and identity drivers, password rules, credentials and public endpoint",
        reads: [ChartReads.controlPlaneLabel] + ChartReads.endpoints,
        writes: ["pod.replicas.api", "pod.lifecycle", "labels", "conf.keystone", "conf.policy", "endpoints.identity", "endpoints.oslo_db", "endpoints.oslo_messaging", "endpoints.oslo_cache"])

    func overrides(namespace: String, context: ChartContext) -> [String: YAMLValue] {
        var identity = Endpoints.publicEndpoint("keystone", context)
        identity["auth"] = Endpoints.identityAuth("keystone", users: [], context)
        return [
            "pod": [
                "replicas": ControlPlane.podReplicas(["api"], context),
                "lifecycle": ["termination_grace_period": ["api": ["timeout": 60]]],
            ],
            "labels": ControlPlane.labels(control: ["api", "job"]),
            "conf": ["policy": KeystonePolicy.rules(adminUser: Endpoints.adminUser), "keystone": [
                "DEFAULT": ["max_token_size": 255, "debug": false, "use_syslog": true,
                            "syslog_log_facility": "local2", "log_file": "/dev/null"],
                "database": ["idle_timeout": 60, "max_pool_size": 1, "max_overflow": 50],
                "oslo_middleware": ["enable_proxy_headers_parsing": true],
                "token": ["provider": "fernet"],
                "identity": ["driver": "sql"],
                "assignment": ["driver": "sql"],
                "security_compliance": [
                    "unique_last_password_count": 2,
                    "password_regex": .string(Self.passwordRegex),
                    "password_regex_description": .string(Self.passwordRegexDescription),
                ],
            ]],
            "endpoints": [
                "identity": .map(identity),
                "oslo_db": Endpoints.osloDBAuth("keystone", context),
                "oslo_messaging": Endpoints.osloMessagingAuth("keystone", context),
                "oslo_cache": Endpoints.osloCache(context),
            ],
        ]
    }
}
