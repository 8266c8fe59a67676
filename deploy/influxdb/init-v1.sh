#!/bin/bash
# Runs once, on InfluxDB's first start, after DOCKER_INFLUXDB_INIT_MODE=setup created the org, the bucket and
# the admin token (the influx CLI is already signed in with it). ItssMonitor and Grafana speak the v1 API
# (/write, /query), which reaches a 2.x bucket only through a DBRP mapping; setup does not create one.
set -euo pipefail

# The database name is the bucket's name, so Storage__Influx__Database and INFLUX_DATABASE are the bucket.
influx v1 dbrp create \
  --org "${DOCKER_INFLUXDB_INIT_ORG}" \
  --bucket-id "${DOCKER_INFLUXDB_INIT_BUCKET_ID}" \
  --db "${DOCKER_INFLUXDB_INIT_BUCKET}" \
  --rp autogen \
  --default

# Grafana reads through a v1 login that can only read the bucket (it never sees the admin token).
influx v1 auth create \
  --org "${DOCKER_INFLUXDB_INIT_ORG}" \
  --read-bucket "${DOCKER_INFLUXDB_INIT_BUCKET_ID}" \
  --username grafana \
  --password "${GRAFANA_INFLUX_PASSWORD}"
