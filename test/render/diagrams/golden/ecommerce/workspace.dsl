workspace "Online store for outdoor gear" "Modular monolith for 225k daily users (e-commerce store / marketplace), 4,000 req/s at peak growing to 7,183 in a year, on PostgreSQL 16, Redis 7, RabbitMQ 3.13, OpenSearch 2, Amazon S3; about $4,420/month at launch." {

    model {
        c_clients = person "Clients" "Call the API over HTTPS (Web and mobile apps)"
        system = softwareSystem "Online store for outdoor gear" "Modular monolith for 225k daily users (e-commerce store / marketplace), 4,000 req/s at peak growing to 7,183 in a year, on PostgreSQL 16, Redis 7, RabbitMQ 3.13, OpenSearch 2, Amazon S3; about $4,420/month at launch." {
            c_cdn = container "CDN" "Serve media and cacheable content from the edge" "Amazon CloudFront" "Component:cdn"
            c_edge = container "Edge / API gateway" "TLS termination, WAF, routing, coarse rate limits" "AWS Application Load Balancer + AWS WAF, with authentication and rate limiting in the application's edge middleware" "Component:gateway"
            c_identity = container "Identity provider" "Sign-in, MFA, OAuth 2.1/OIDC tokens" "Keycloak (self-hosted)" "Component:identity"
            c_api = container "API service" "Modular monolith with modules identity, catalog, cart, ordering, payments: REST API, validation, authorization, transactions" "TypeScript on Node.js 20 (Fastify)" "Component:service"
            c_worker = container "Background workers" "Consume order.placed, payment.captured, product.changed: side effects, notifications, search indexing; retries with backoff, dead-letter after 5 attempts" "TypeScript on Node.js 20" "Component:worker"
            c_postgres = container "Primary database" "System of record: users, products, product_images, cart_items, orders, order_lines, payments" "PostgreSQL 16" "Store,Database"
            c_redis = container "Cache" "hot entities (cache-aside), rate-limit counters, idempotency keys (24 h)" "Redis 7" "Store,Database"
            c_rabbitmq = container "Message broker" "Events: order.placed, payment.captured, product.changed; work queues with dead-lettering" "RabbitMQ 3.13" "Store,Queue"
            c_opensearch = container "Search index" "Full-text search over products" "OpenSearch 2" "Store,Database"
            c_object_storage = container "Object storage" "Uploaded media and files, addressed by object key" "Amazon S3" "Store,Bucket"
        }

        c_clients -> c_cdn "Uses" "" "Sync"
        c_cdn -> c_edge "Uses" "" "Sync"
        c_cdn -> c_object_storage "Uses" "" "Sync"
        c_edge -> c_api "Uses" "" "Sync"
        c_api -> c_postgres "Uses" "" "Sync"
        c_api -> c_redis "Uses" "" "Sync"
        c_api -> c_rabbitmq "Sends messages to" "" "Async"
        c_api -> c_opensearch "Uses" "" "Sync"
        c_api -> c_object_storage "Uses" "" "Sync"
        c_api -> c_identity "Uses" "" "Sync"
        c_worker -> c_rabbitmq "Sends messages to" "" "Async"
        c_worker -> c_postgres "Uses" "" "Sync"
        c_worker -> c_redis "Uses" "" "Sync"
        c_worker -> c_opensearch "Uses" "" "Sync"
        c_worker -> c_object_storage "Uses" "" "Sync"
    }

    views {
        systemContext system "SystemContext" "Online store for outdoor gear: system context" {
            include *
            autoLayout lr
        }

        container system "Containers" "Online store for outdoor gear: containers and data stores" {
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
