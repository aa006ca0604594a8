#!/usr/bin/env bash
# The kafka service's command: on the first start (an empty data volume) it formats the log
# directory with the administrator's SCRAM-SHA-512 credential, which no client could create later
# without logging in first; then it runs the image as usual (/etc/kafka/docker/run, whose own
# format step finds the directory formatted). The service users and ACLs come from init-kafka.sh.
set -euo pipefail

if [ ! -e /var/lib/kafka/data/meta.properties ]; then
  # just what formatting reads; the broker's real configuration is the KAFKA_* environment
  cat > /tmp/format.properties <<PROPS
process.roles=broker,controller
node.id=$KAFKA_NODE_ID
controller.quorum.voters=$KAFKA_CONTROLLER_QUORUM_VOTERS
controller.listener.names=$KAFKA_CONTROLLER_LISTENER_NAMES
listeners=$KAFKA_LISTENERS
listener.security.protocol.map=$KAFKA_LISTENER_SECURITY_PROTOCOL_MAP
inter.broker.listener.name=$KAFKA_INTER_BROKER_LISTENER_NAME
sasl.mechanism.inter.broker.protocol=$KAFKA_SASL_MECHANISM_INTER_BROKER_PROTOCOL
sasl.mechanism.controller.protocol=$KAFKA_SASL_MECHANISM_CONTROLLER_PROTOCOL
log.dirs=$KAFKA_LOG_DIRS
PROPS
  /opt/kafka/bin/kafka-storage.sh format --cluster-id "$CLUSTER_ID" --config /tmp/format.properties \
    --add-scram "SCRAM-SHA-512=[name=admin,password=$SCRAM_ADMIN_PASSWORD]"
  rm /tmp/format.properties
fi
exec /etc/kafka/docker/run
