workspace "URL shortener handling 100k requests/minute with 10x at peak, read:write 100:1," "Monolith for 36M daily users (url shortener), 16.7k req/s at peak growing to 66.7k in a year, on PostgreSQL 16, Redis 7, Apache Kafka 3.7; about $8,915/month at launch." {

    model {
        c_clients = person "Clients" "Call the API over HTTPS (Web and mobile apps)"
        system = softwareSystem "URL shortener handling 100k requests/minute with 10x at peak, read:write 100:1," "Monolith for 36M daily users (url shortener), 16.7k req/s at peak growing to 66.7k in a year, on PostgreSQL 16, Redis 7, Apache Kafka 3.7; about $8,915/month at launch." {
            c_edge = container "Edge / API gateway" "TLS termination, WAF, routing, coarse rate limits" "AWS Application Load Balancer + AWS WAF, with authentication and rate limiting in the application's edge middleware" "Component:gateway"
            c_identity = container "Identity provider" "Sign-in, MFA, OAuth 2.1/OIDC tokens" "Keycloak (self-hosted)" "Component:identity"
            c_api = container "API service" "Handles identity, links, stats: REST API, validation, authorization, transactions" "TypeScript on Node.js 20 (Fastify)" "Component:service"
            c_worker = container "Background workers" "Consume link.clicked, link.created: side effects, notifications; retries with backoff, dead-letter after 5 attempts" "TypeScript on Node.js 20" "Component:worker"
            c_postgres = container "Primary database" "System of record: users, links, click_stats" "PostgreSQL 16" "Store,Database"
            c_redis = container "Cache" "hot entities (cache-aside), rate-limit counters, idempotency keys (24 h)" "Redis 7" "Store,Database"
            c_kafka = container "Message broker" "Events: link.clicked, link.created; work queues with dead-lettering" "Apache Kafka 3.7" "Store,Queue"
        }

        c_clients -> c_edge "Uses" "" "Sync"
        c_edge -> c_api "Uses" "" "Sync"
        c_api -> c_postgres "Uses" "" "Sync"
        c_api -> c_redis "Uses" "" "Sync"
        c_api -> c_kafka "Sends messages to" "" "Async"
        c_api -> c_identity "Uses" "" "Sync"
        c_worker -> c_kafka "Sends messages to" "" "Async"
        c_worker -> c_postgres "Uses" "" "Sync"
        c_worker -> c_redis "Uses" "" "Sync"
    }

    views {
        systemContext system "SystemContext" "URL shortener handling 100k requests/minute with 10x at peak, read:write 100:1,: system context" {
            include *
            autoLayout lr
        }

        container system "Containers" "URL shortener handling 100k requests/minute with 10x at peak, read:write 100:1,: containers and data stores" {
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
