#!/bin/sh
# Run by armada in a container started in this directory with
#   -v "$PWD:/manifests" -v "$PWD/overrides:/overrides"
exec armada apply --debug /manifests/stx-openstack-armada-manifest.yaml \
    --values /overrides/kube-system-ingress.yaml \
    --values /overrides/openstack-ingress.yaml \
    --values /overrides/openstack-nginx-ports-control.yaml \
    --values /overrides/openstack-mariadb.yaml \
    --values /overrides/openstack-garbd.yaml \
    --values /overrides/openstack-memcached.yaml \
    --values /overrides/openstack-rabbitmq.yaml \
    --values /overrides/openstack-keystone.yaml \
    --values /overrides/openstack-barbican.yaml \
    --values /overrides/openstack-glance.yaml \
    --values /overrides/openstack-cinder.yaml \
    --values /overrides/openstack-ceph-rgw.yaml \
    --values /overrides/openstack-libvirt.yaml \
    --values /overrides/openstack-openvswitch.yaml \
    --values /overrides/openstack-nova.yaml \
    --values /overrides/openstack-nova-api-proxy.yaml \
    --values /overrides/openstack-neutron.yaml \
    --values /overrides/openstack-placement.yaml \
    --values /overrides/openstack-heat.yaml \
    --values /overrides/openstack-fm-rest-api.yaml \
    --values /overrides/openstack-horizon.yaml \
    --values /overrides/openstack-aodh.yaml \
    --values /overrides/openstack-gnocchi.yaml \
    --values /overrides/openstack-panko.yaml \
    --values /overrides/openstack-ceilometer.yaml \
    --values /overrides/openstack-keystone-api-proxy.yaml \
    --values /overrides/openstack-magnum.yaml \
    --values /overrides/openstack-murano.yaml \
    --values /overrides/helm-toolkit-helm-toolkit.yaml \
    --values /overrides/openstack-ironic.yaml \
    --tiller-host tiller-deploy.kube-system.svc.cluster.local
