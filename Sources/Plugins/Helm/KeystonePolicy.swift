import Compiler

/// The keystone policy sysinv adds to the OpenStack application's keystone: the identities the
/// platform and the other charts depend on (the admin and services projects, the service users,
/// heat's and magnum's domains, the admin roles) cannot be deleted or have their passwords
/// changed through the API, even by an admin.
enum KeystonePolicy {
    /// Every chart's keystone service user: deleting one breaks that service.
    static let serviceUsers = ["aodh", "barbican", "ceilometer", "cinder", "glance", "gnocchi", "heat", "ironic",
                               "magnum", "murano", "neutron", "nova", "panko", "placement", "swift"]

    static func rules(adminUser: String) -> YAMLValue {
        [
            "admin_required": "role:admin or is_admin:1",
            "service_role": "role:service",
            "service_or_admin": "rule:admin_required or rule:service_role",
            "owner": "user_id:%(user_id)s",
            "admin_or_owner": "rule:admin_required or rule:owner",
            "token_subject": "user_id:%(target.token.user_id)s",
            "admin_or_token_subject": "rule:admin_required or rule:token_subject",
            "service_admin_or_token_subject": "rule:service_or_admin or rule:token_subject",
            "protected_domains": "'heat':%(target.domain.name)s or 'magnum':%(target.domain.name)s",
            "protected_projects": "'admin':%(target.project.name)s or 'services':%(target.project.name)s",
            "protected_admins": .string("'\(adminUser)':%(target.user.name)s or 'dcmanager':%(target.user.name)s"),
            "protected_roles": "'admin':%(target.role.name)s or 'heat_admin':%(target.role.name)s",
            // oslo.policy reads a list of one-element lists as "any of".
            "protected_services": .list(serviceUsers.map { .list([.string("'\($0)':%(target.user.name)s")]) }),
            "identity:delete_service": "rule:admin_required and not rule:protected_services",
            "identity:delete_domain": "rule:admin_required and not rule:protected_domains",
            "identity:delete_project": "rule:admin_required and not rule:protected_projects",
            "identity:delete_user": "rule:admin_required and not (rule:protected_admins or rule:protected_services)",
            "identity:change_password": "rule:admin_or_owner and not rule:protected_services",
            "identity:delete_role": "rule:admin_required and not rule:protected_roles",
        ]
    }
}
