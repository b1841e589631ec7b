workspace "IoT telemetry" "Modular monolith for 50k daily devices (iot telemetry), 7,875 req/s at peak growing to 14.1k in a year, on PostgreSQL 16, Redis 7, Apache Kafka 3.7, TimescaleDB (PostgreSQL 16); about $22,250/month at launch." {

    model {
        c_clients = person "Clients" "Call the API over HTTPS and hold a WebSocket for pushes (Web and mobile apps)"
        system = softwareSystem "IoT telemetry" "Modular monolith for 50k daily devices (iot telemetry), 7,875 req/s at peak growing to 14.1k in a year, on PostgreSQL 16, Redis 7, Apache Kafka 3.7, TimescaleDB (PostgreSQL 16); about $22,250/month at launch." {
            c_edge = container "Edge / API gateway" "TLS termination, WAF, routing, coarse rate limits" "Google Cloud Load Balancing + Cloud Armor, with authentication and rate limiting in the application's edge middleware" "Component:gateway"
            c_identity = container "Identity provider" "Sign-in, MFA, OAuth 2.1/OIDC tokens" "Google Identity Platform" "Component:identity"
            c_api = container "API service" "Modular monolith with modules identity, devices, telemetry, alerting: REST API, validation, authorization, transactions" "TypeScript on Node.js 20 (Fastify)" "Component:service"
            c_realtime = container "Real-time gateway" "Holds client WebSockets, authenticates them, forwards sends to the API and pushes events to members" "WebSocket server on Node.js 20 (ws)" "Component:realtime"
            c_worker = container "Background workers" "Consume reading.received, alert.opened, device.offline: side effects, notifications; retries with backoff, dead-letter after 5 attempts" "TypeScript on Node.js 20" "Component:worker"
            c_postgres = container "Primary database" "System of record: users, devices, alert_rules, alerts" "PostgreSQL 16" "Store,Database"
            c_redis = container "Cache" "hot entities (cache-aside), presence and pub/sub fan-out between real-time nodes, rate-limit counters, idempotency keys (24 h)" "Redis 7" "Store,Database"
            c_kafka = container "Message broker" "Events: reading.received, alert.opened, device.offline; work queues with dead-lettering" "Apache Kafka 3.7" "Store,Queue"
            c_timescaledb = container "Time-series store" "Measurements by device and time; continuous aggregates for dashboards" "TimescaleDB (PostgreSQL 16)" "Store,Database"
        }

        c_clients -> c_edge "Uses" "" "Sync"
        c_clients -> c_realtime "Uses" "" "Sync"
        c_edge -> c_api "Uses" "" "Sync"
        c_api -> c_postgres "Uses" "" "Sync"
        c_api -> c_redis "Uses" "" "Sync"
        c_api -> c_kafka "Sends messages to" "" "Async"
        c_api -> c_timescaledb "Uses" "" "Sync"
        c_api -> c_identity "Uses" "" "Sync"
        c_realtime -> c_redis "Uses" "" "Sync"
        c_realtime -> c_api "Uses" "" "Sync"
        c_worker -> c_kafka "Sends messages to" "" "Async"
        c_worker -> c_postgres "Uses" "" "Sync"
        c_worker -> c_redis "Uses" "" "Sync"
        c_worker -> c_timescaledb "Uses" "" "Sync"
    }

    views {
        systemContext system "SystemContext" "IoT telemetry: system context" {
            include *
            autoLayout lr
        }

        container system "Containers" "IoT telemetry: containers and data stores" {
            include *
            autoLayout tb
        }

        styles {
            element "Person" {
                shape Person
            }
            element "Database" {
                shape Cylinder
            }
            element "Queue" {
                shape Pipe
            }
            element "Bucket" {
                shape Folder
            }
            relationship "Async" {
                style dashed
            }
        }
    }
}
