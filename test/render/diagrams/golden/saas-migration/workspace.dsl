workspace "Multi-tenant B2B SaaS" "Modular monolith for 36k daily users (multi-tenant b2b saas), 188 req/s at peak growing to 188 in a year, on PostgreSQL 16, Redis 7, RabbitMQ 3.13; about $1,539/month at launch." {

    model {
        c_clients = person "Clients" "Call the API over HTTPS (Web and mobile apps)"
        system = softwareSystem "Multi-tenant B2B SaaS" "Modular monolith for 36k daily users (multi-tenant b2b saas), 188 req/s at peak growing to 188 in a year, on PostgreSQL 16, Redis 7, RabbitMQ 3.13; about $1,539/month at launch." {
            c_edge = container "Edge / API gateway" "TLS termination, WAF, routing, coarse rate limits" "Azure Application Gateway + WAF, with authentication and rate limiting in the application's edge middleware" "Component:gateway"
            c_identity = container "Identity provider" "Sign-in, MFA, OAuth 2.1/OIDC tokens" "Microsoft Entra External ID" "Component:identity"
            c_api = container "API service" "Modular monolith with modules identity, tenancy, work, audit: REST API, validation, authorization, transactions" "TypeScript on Node.js 20 (Fastify)" "Component:service"
            c_worker = container "Background workers" "Consume task.changed, member.invited, tenant.export-requested: side effects, notifications; retries with backoff, dead-letter after 5 attempts" "TypeScript on Node.js 20" "Component:worker"
            c_postgres = container "Primary database" "System of record: users, tenants, memberships, projects, tasks, audit_logs" "PostgreSQL 16" "Store,Database"
            c_redis = container "Cache" "hot entities (cache-aside), rate-limit counters, idempotency keys (24 h)" "Redis 7" "Store,Database"
            c_rabbitmq = container "Message broker" "Events: task.changed, member.invited, tenant.export-requested; work queues with dead-lettering" "RabbitMQ 3.13" "Store,Queue"
        }

        c_clients -> c_edge "Uses" "" "Sync"
        c_edge -> c_api "Uses" "" "Sync"
        c_api -> c_postgres "Uses" "" "Sync"
        c_api -> c_redis "Uses" "" "Sync"
        c_api -> c_rabbitmq "Sends messages to" "" "Async"
        c_api -> c_identity "Uses" "" "Sync"
        c_worker -> c_rabbitmq "Sends messages to" "" "Async"
        c_worker -> c_postgres "Uses" "" "Sync"
        c_worker -> c_redis "Uses" "" "Sync"
    }

    views {
        systemContext system "SystemContext" "Multi-tenant B2B SaaS: system context" {
            include *
            autoLayout lr
        }

        container system "Containers" "Multi-tenant B2B SaaS: containers and data stores" {
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
