workspace "Wallet and payments ledger" "Microservices for 300k daily users (payments / ledger), 4,200 req/s at peak growing to 4,200 in a year, on PostgreSQL 16, Redis 7, Apache Kafka 3.7; about $16,161/month at launch." {

    model {
        c_clients = person "Clients" "Call the API over HTTPS (Web and mobile apps)"
        system = softwareSystem "Wallet and payments ledger" "Microservices for 300k daily users (payments / ledger), 4,200 req/s at peak growing to 4,200 in a year, on PostgreSQL 16, Redis 7, Apache Kafka 3.7; about $16,161/month at launch." {
            c_edge = container "Edge / API gateway" "TLS termination, WAF, routing, coarse rate limits" "Kong Gateway behind AWS Application Load Balancer + AWS WAF" "Component:gateway"
            c_identity = container "Identity provider" "Sign-in, MFA, OAuth 2.1/OIDC tokens" "Keycloak (self-hosted)" "Component:identity"
            c_identity_service = container "Identity service" "Owns the identity context: its API and its tables" "TypeScript on Node.js 20 (Fastify)" "Component:service"
            c_accounts_service = container "Accounts service" "Owns the accounts context: its API and its tables" "TypeScript on Node.js 20 (Fastify)" "Component:service"
            c_payments_service = container "Payments service" "Owns the payments context: its API and its tables" "TypeScript on Node.js 20 (Fastify)" "Component:service"
            c_ledger_service = container "Ledger service" "Owns the ledger context: its API and its tables" "TypeScript on Node.js 20 (Fastify)" "Component:service"
            c_worker = container "Background workers" "Consume payment.succeeded, refund.succeeded, journal.posted: side effects, notifications; retries with backoff, dead-letter after 5 attempts" "TypeScript on Node.js 20" "Component:worker"
            c_postgres = container "Primary database" "System of record: users, accounts, payments, refunds, journal_entries, ledger_entries" "PostgreSQL 16" "Store,Database"
            c_redis = container "Cache" "hot entities (cache-aside), rate-limit counters, idempotency keys (24 h)" "Redis 7" "Store,Database"
            c_kafka = container "Message broker" "Events: payment.succeeded, refund.succeeded, journal.posted; work queues with dead-lettering" "Apache Kafka 3.7" "Store,Queue"
        }

        c_clients -> c_edge "Uses" "" "Sync"
        c_edge -> c_identity_service "Uses" "" "Sync"
        c_edge -> c_accounts_service "Uses" "" "Sync"
        c_edge -> c_payments_service "Uses" "" "Sync"
        c_edge -> c_ledger_service "Uses" "" "Sync"
        c_identity_service -> c_postgres "Uses" "" "Sync"
        c_identity_service -> c_redis "Uses" "" "Sync"
        c_identity_service -> c_kafka "Sends messages to" "" "Async"
        c_accounts_service -> c_postgres "Uses" "" "Sync"
        c_accounts_service -> c_redis "Uses" "" "Sync"
        c_accounts_service -> c_kafka "Sends messages to" "" "Async"
        c_payments_service -> c_postgres "Uses" "" "Sync"
        c_payments_service -> c_redis "Uses" "" "Sync"
        c_payments_service -> c_kafka "Sends messages to" "" "Async"
        c_ledger_service -> c_postgres "Uses" "" "Sync"
        c_ledger_service -> c_redis "Uses" "" "Sync"
        c_ledger_service -> c_kafka "Sends messages to" "" "Async"
        c_worker -> c_kafka "Sends messages to" "" "Async"
        c_worker -> c_postgres "Uses" "" "Sync"
        c_worker -> c_redis "Uses" "" "Sync"
    }

    views {
        systemContext system "SystemContext" "Wallet and payments ledger: system context" {
            include *
            autoLayout lr
        }

        container system "Containers" "Wallet and payments ledger: containers and data stores" {
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
