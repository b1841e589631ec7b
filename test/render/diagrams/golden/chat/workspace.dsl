workspace "Team chat for a European SaaS company" "Modular monolith for 2M daily users (real-time chat / messaging), 8,333 req/s at peak growing to 15k in a year, on PostgreSQL 16, Redis 7, RabbitMQ 3.13, OpenSearch 2, Amazon S3; about $20,404/month at launch." {

    model {
        c_clients = person "Clients" "Call the API over HTTPS and hold a WebSocket for pushes (Web and mobile apps)"
        system = softwareSystem "Team chat for a European SaaS company" "Modular monolith for 2M daily users (real-time chat / messaging), 8,333 req/s at peak growing to 15k in a year, on PostgreSQL 16, Redis 7, RabbitMQ 3.13, OpenSearch 2, Amazon S3; about $20,404/month at launch." {
            c_cdn = container "CDN" "Serve media and cacheable content from the edge" "Amazon CloudFront" "Component:cdn"
            c_edge = container "Edge / API gateway" "TLS termination, WAF, routing, coarse rate limits" "AWS Application Load Balancer + AWS WAF, with authentication and rate limiting in the application's edge middleware" "Component:gateway"
            c_identity = container "Identity provider" "Sign-in, MFA, OAuth 2.1/OIDC tokens" "Keycloak (self-hosted)" "Component:identity"
            c_api = container "API service" "Modular monolith with modules identity, conversations, messaging, media: REST API, validation, authorization, transactions" "TypeScript on Node.js 20 (Fastify)" "Component:service"
            c_realtime = container "Real-time gateway" "Holds client WebSockets, authenticates them, forwards sends to the API and pushes events to members" "WebSocket server on Node.js 20 (ws)" "Component:realtime"
            c_worker = container "Background workers" "Consume message.created: side effects, notifications, search indexing; retries with backoff, dead-letter after 5 attempts" "TypeScript on Node.js 20" "Component:worker"
            c_postgres = container "Primary database" "System of record: users, conversations, memberships, messages, attachments" "PostgreSQL 16" "Store,Database"
            c_redis = container "Cache" "hot entities (cache-aside), presence and pub/sub fan-out between real-time nodes, rate-limit counters, idempotency keys (24 h)" "Redis 7" "Store,Database"
            c_rabbitmq = container "Message broker" "Events: message.created; work queues with dead-lettering" "RabbitMQ 3.13" "Store,Queue"
            c_opensearch = container "Search index" "Full-text search over messages" "OpenSearch 2" "Store,Database"
            c_object_storage = container "Object storage" "Uploaded media and files, addressed by object key" "Amazon S3" "Store,Bucket"
        }

        c_clients -> c_cdn "Uses" "" "Sync"
        c_clients -> c_realtime "Uses" "" "Sync"
        c_cdn -> c_edge "Uses" "" "Sync"
        c_cdn -> c_object_storage "Uses" "" "Sync"
        c_edge -> c_api "Uses" "" "Sync"
        c_api -> c_postgres "Uses" "" "Sync"
        c_api -> c_redis "Uses" "" "Sync"
        c_api -> c_rabbitmq "Sends messages to" "" "Async"
        c_api -> c_opensearch "Uses" "" "Sync"
        c_api -> c_object_storage "Uses" "" "Sync"
        c_api -> c_identity "Uses" "" "Sync"
        c_realtime -> c_redis "Uses" "" "Sync"
        c_realtime -> c_api "Uses" "" "Sync"
        c_worker -> c_rabbitmq "Sends messages to" "" "Async"
        c_worker -> c_postgres "Uses" "" "Sync"
        c_worker -> c_redis "Uses" "" "Sync"
        c_worker -> c_opensearch "Uses" "" "Sync"
        c_worker -> c_object_storage "Uses" "" "Sync"
    }

    views {
        systemContext system "SystemContext" "Team chat for a European SaaS company: system context" {
            include *
            autoLayout lr
        }

        container system "Containers" "Team chat for a European SaaS company: containers and data stores" {
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
