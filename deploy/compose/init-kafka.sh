#!/usr/bin/env bash
# Kafka's users and ACLs (the same as the embedded broker's, cn.eduduty.embedded.KafkaAccess,
# which ComposeFileTest compares with the lines `owner` and `reader` below). Run by the one-off
# kafka-init service on every `docker compose up`; every step is idempotent. Passwords come from
# compose.yaml. It logs in as the administrator, whose credential kafka-start.sh formatted the
# broker's data with.
set -euo pipefail

KAFKA=/opt/kafka/bin
cat > /tmp/admin.properties <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$SCRAM_ADMIN_PASSWORD";
PROPS

user() { # NAME PASSWORD: sets the user's SCRAM-SHA-512 credential
  "$KAFKA/kafka-configs.sh" --bootstrap-server kafka:9092 --command-config /tmp/admin.properties \
    --alter --entity-type users --entity-name "$1" --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]"
}
acl() { # kafka-acls.sh arguments, as the administrator on the client listener
  "$KAFKA/kafka-acls.sh" --bootstrap-server kafka:9092 --command-config /tmp/admin.properties --add "$@"
}
owner() { # USER TOPIC: writes (and creates) its own topic with an idempotent producer, nothing else
  acl --allow-principal "User:$1" --operation Write --operation Describe --operation Create --topic "$2"
  acl --allow-principal "User:$1" --operation IdempotentWrite --cluster
}
reader() { # USER GROUP TOPIC...: reads the topics in its consumer group
  local who=$1 group=$2
  shift 2
  for topic in "$@"; do
    acl --allow-principal "User:$who" --operation Read --operation Describe --topic "$topic"
  done
  acl --allow-principal "User:$who" --operation Read --group "$group"
}

until "$KAFKA/kafka-acls.sh" --bootstrap-server kafka:9092 --command-config /tmp/admin.properties --list >/dev/null 2>&1; do
  echo "waiting for the Kafka broker to accept the administrator ..."; sleep 2
done

user indicator-service "$INDICATOR_KAFKA_PASSWORD"
user school-registry-service "$REGISTRY_KAFKA_PASSWORD"
user funding-service "$FUNDING_KAFKA_PASSWORD"
user report-service "$REPORT_KAFKA_PASSWORD"

owner indicator-service indicator.events
owner school-registry-service registry.events
owner funding-service funding.events
owner report-service report.events
reader report-service report-service indicator.events registry.events funding.events
echo "Kafka users and ACLs are in place"
