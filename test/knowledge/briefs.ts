/**
 * Briefs as people write them, with the archetype each must be classified as. Several mention
 * a secondary feature that belongs to another archetype ("with push notifications", "click
 * analytics", "payments via Stripe") to check that the main purpose wins.
 */
export const CLASSIFIED_BRIEFS: ReadonlyArray<readonly [brief: string, archetype: string]> = [
  // chat
  ['Messaging backend for a telehealth app: patients and doctors exchange messages and files; HIPAA; 50k DAU.', 'chat'],
  ['Real-time messaging for a dating app: matched users send texts and photos, with read receipts. 300k DAU.', 'chat'],
  ['Group chat for gamers inside our game client, 50k concurrent users.', 'chat'],
  ['A chat app like WhatsApp with push notifications for offline users.', 'chat'],
  ['Slack-like team messaging with channels, threads and file sharing for 5,000 companies.', 'chat'],
  ['Customer support messenger embedded in our website: visitors talk to agents in real time.', 'chat'],

  // ecommerce
  ['We sell concert merch and vinyl online; 5k orders a day at peak, need cart, checkout and stock sync with the warehouse.', 'ecommerce'],
  ['A second-hand marketplace like Vinted where people list clothes, chat with buyers and pay through us.', 'ecommerce'],
  // Mixed: delivery dispatch is geo, but catalog, cart and orders are the core.
  ['Grocery delivery app where shoppers pick orders and drivers deliver within an hour; live driver location for customers.', 'ecommerce'],
  ['B2C shop selling spare parts: customers order online and we ship from two warehouses; PCI-DSS applies to checkout.', 'ecommerce'],
  ['Design the backend for a food ordering app where customers order from a restaurant menu and pay in the app.', 'ecommerce'],
  ['An online store selling handmade jewelry, with a product catalog, shopping cart, checkout and order history. About 20k daily visitors.', 'ecommerce'],
  ["We're building an e-commerce platform for a grocery chain: customers browse products, add them to a cart and pay online; stock must never be oversold.", 'ecommerce'],
  ['Marketplace where independent sellers list products and buyers purchase them; expect 2M monthly users and big Black Friday spikes.', 'ecommerce'],
  ['Backend for a Shopify-like storefront with inventory management, discount coupons and payments via Stripe.', 'ecommerce'],
  ['Online shop for a fashion brand with product search, wishlists and order tracking.', 'ecommerce'],

  // social-feed
  ['A Mastodon-compatible microblogging server for 100k users.', 'social-feed'],
  ['Instagram clone for pet owners, 1M MAU, images up to 10 MB.', 'social-feed'],
  ['LinkedIn-style professional network: connections, posts, reactions and a feed.', 'social-feed'],
  ['Backend for a Reddit-like discussion forum with upvotes, comments and subreddits.', 'social-feed'],
  ['A Twitter-like social network where users follow each other and see a home timeline of posts from people they follow.', 'social-feed'],
  ['Photo-sharing app like Instagram: users post pictures, like and comment, and scroll a personalised news feed. 5M DAU.', 'social-feed'],
  ['Community app for runners with profiles, followers, posts with hashtags and a feed ranked by engagement.', 'social-feed'],
  ['Social media platform for short videos where creators post clips and their followers see them in a feed.', 'social-feed'],

  // url-shortener
  ['Short link service with 7-character codes, 100M redirects per day, 99.99% availability.', 'url-shortener'],
  ['We want our own link shortener on go.example.com for the marketing team, with UTM tracking.', 'url-shortener'],
  ['A URL shortener like bit.ly with custom aliases and click analytics.', 'url-shortener'],
  ['Service that turns long links into short links for our marketing campaigns and redirects 50k clicks per second at peak.', 'url-shortener'],
  ['Build a TinyURL clone: shorten URLs, redirect visitors, expire links after one year.', 'url-shortener'],
  ['Branded short links with QR codes and per-link click stats for 10k business customers.', 'url-shortener'],

  // pastebin
  ['Pastebin for our company: engineers paste logs and get a link that expires in 24 hours.', 'pastebin'],
  ['A place to dump stack traces and config files and share them with teammates; entries auto-delete after 7 days.', 'pastebin'],
  ['A Pastebin clone where developers paste code snippets and share them with a link; pastes can expire.', 'pastebin'],
  ['Service to share text and logs anonymously via unguessable URLs, with syntax highlighting and burn-after-read.', 'pastebin'],
  ['Internal gist-like tool for engineers to store and share code snippets, 2k users.', 'pastebin'],

  // file-storage
  ['A Google Drive competitor for schools: students store assignments, teachers share folders.', 'file-storage'],
  ['Let customers upload large CAD files and share them with suppliers via expiring links.', 'file-storage'],
  ['Document management for law firms: upload contracts, keep every version and share them securely with clients.', 'file-storage'],
  ['Photo backup app: phones upload every picture automatically and users browse them by date.', 'file-storage'],
  ['Dropbox-like file storage and sync across devices for 1M users, with shared folders and version history.', 'file-storage'],
  ['We need a cloud drive where teams upload documents, organise them in folders and share them via links.', 'file-storage'],
  ['File sharing service for large files up to 50 GB with expiring download links, like WeTransfer.', 'file-storage'],
  ['Sync desktop folders to the cloud, keeping file versions and resolving conflicts between devices.', 'file-storage'],

  // video-streaming
  ['OTT platform for a TV broadcaster: live channels and catch-up episodes for 2M subscribers.', 'video-streaming'],
  ['Design a Twitch-like live streaming service with 500k concurrent viewers at peak.', 'video-streaming'],
  ['Internal platform to host and play training videos for 10k employees.', 'video-streaming'],
  ['Music streaming service like Spotify with playlists and offline downloads.', 'video-streaming'],
  ['A video streaming platform like YouTube: creators upload videos, we transcode them and viewers watch on any device.', 'video-streaming'],
  ['Netflix-style subscription video on demand service for 500k subscribers with adaptive bitrate streaming.', 'video-streaming'],
  ['Live streaming of esports tournaments with chat, 100k concurrent viewers.', 'video-streaming'],
  ['Online course platform where students watch recorded video lessons; 20k daily learners.', 'video-streaming'],

  // ride-hailing
  ['Ambulance dispatch: find the nearest available ambulance and track it live to the patient.', 'ride-hailing'],
  ['Bike-sharing app: users find nearby e-bikes on a map and unlock them.', 'ride-hailing'],
  ['Last-mile delivery platform: dispatch parcels to drivers, optimise routes and show live ETAs to customers.', 'ride-hailing'],
  ['Uber-like ride-hailing app matching riders with nearby drivers in real time.', 'ride-hailing'],
  ['Taxi dispatch system for a city: passengers request a cab, we find the closest available driver and track the trip live.', 'ride-hailing'],
  ['Food delivery courier app: assign orders to the nearest courier and show their location on a map.', 'ride-hailing'],
  ['Ride-sharing service with driver GPS updates every 4 seconds, surge pricing and fare payments.', 'ride-hailing'],

  // payments
  ['Core banking ledger for a neobank with 300k accounts; every transfer must be exactly-once.', 'payments'],
  ['Expense-splitting app where friends settle debts and pay each other via bank transfer.', 'payments'],
  ['Build a system that collects monthly subscription payments and handles failed cards and dunning.', 'payments'],
  ['A payment processing service for online merchants: accept card payments, issue refunds and pay out to merchant bank accounts.', 'payments'],
  ['Digital wallet app where users top up balances and send money to friends; needs a double-entry ledger.', 'payments'],
  ['Fintech backend for peer-to-peer money transfers in 3 currencies, PCI-DSS compliant, strong consistency required.', 'payments'],
  ['Internal ledger service that records every balance movement for our marketplace, with a full audit trail.', 'payments'],

  // booking
  ['Physiotherapy practice scheduling: patients book 30-minute appointments with therapists.', 'booking'],
  ['Campsite booking for national parks, 500 sites, big rush when the season opens.', 'booking'],
  ['A tool for hair salons to let customers book appointments online and send SMS reminders.', 'booking'],
  ['Coworking desk reservation system for 40 locations.', 'booking'],
  ['Airline seat inventory and flight booking for a regional carrier.', 'booking'],
  ['Appointment booking system for clinics: patients pick a free time slot with a doctor; no double booking.', 'booking'],
  ['Hotel reservation platform with room availability calendars and online payments; 300 hotels.', 'booking'],
  ['Ticketing for concerts and sports events with seat selection and a 10-minute hold during checkout.', 'booking'],
  ['Restaurant table reservations for 2,000 restaurants, 50k bookings a day.', 'booking'],

  // iot-telemetry
  ['Telemetry from 5,000 wind turbines, 200 sensors each, sampled every second.', 'iot-telemetry'],
  ['Connected car platform: cars stream diagnostics and GPS every 5 seconds over MQTT.', 'iot-telemetry'],
  ['Backend for 10,000 wearables that upload heart rate every second; HIPAA applies.', 'iot-telemetry'],
  ['Collect readings from 1M smart electricity meters every 15 minutes and keep them for 3 years.', 'iot-telemetry'],
  ['IoT platform ingesting temperature sensor readings from 200k devices every 30 seconds, with dashboards and threshold alerts.', 'iot-telemetry'],
  ['Fleet telemetry: 20k trucks send GPS position, fuel level and engine metrics every 10 s; keep 2 years of history.', 'iot-telemetry'],
  ['Smart home backend: thermostats and smart plugs report energy usage; users see live charts and control devices over MQTT.', 'iot-telemetry'],
  ['Industrial monitoring of factory machines: vibration and pressure sensors stream time-series data.', 'iot-telemetry'],

  // analytics
  ['Collect analytics events from our SaaS product to build usage dashboards and churn cohorts.', 'analytics'],
  ['A/B testing and funnel analysis for our checkout flow.', 'analytics'],
  ['We want to know how users move through our app: capture every screen view and button tap and report conversion.', 'analytics'],
  ['Self-hosted alternative to Google Analytics.', 'analytics'],
  ['Product analytics like Mixpanel: track events from web and mobile SDKs, build funnels and retention charts.', 'analytics'],
  ['An event tracking pipeline ingesting 50k events per second from our apps, with dashboards for the product team.', 'analytics'],
  ['Privacy-friendly web analytics for our sites: page views, sessions and referrers, no cookies.', 'analytics'],
  ['Clickstream collection and cohort analysis for a mobile game with 2M MAU.', 'analytics'],

  // search
  ['Typeahead search for 50M usernames with prefix matching.', 'search'],
  ['Semantic and keyword search over our help-center articles.', 'search'],
  ['Autocomplete for the address field of our checkout, 2k lookups per second.', 'search'],
  ['Let users find recipes by ingredient with typo-tolerant search.', 'search'],
  ['Search service with autocomplete over a catalog of 20M products, typo tolerance and facets.', 'search'],
  ['Full-text search engine for our documentation and knowledge base, with typeahead suggestions.', 'search'],
  ['Elasticsearch-backed search-as-you-type for place names with relevance tuning.', 'search'],
  ["A search API like Algolia that indexes our customers' content.", 'search'],

  // notifications
  ['Service that sends order confirmations, shipping updates and password resets by email and SMS.', 'notifications'],
  ['Web push and mobile push notifications for a news app with 3M subscribers.', 'notifications'],
  ['Fan-out service to deliver breaking-news push alerts to 20M devices within a minute.', 'notifications'],
  ['A notification service that sends push, email and SMS to our 5M users, respecting user preferences and quiet hours.', 'notifications'],
  ['Send transactional emails and push notifications via APNs and FCM, triggered by events from our other microservices.', 'notifications'],
  ['In-app notification center with unread badges, plus email digests for users who were offline.', 'notifications'],
  ['Alerting system that notifies on-call engineers by SMS and phone call when monitors fire.', 'notifications'],

  // saas
  ['Multi-tenant invoicing SaaS for freelancers and small agencies, each account fully isolated.', 'saas'],
  ['An applicant tracking SaaS sold to recruiting agencies with SAML SSO and per-seat pricing.', 'saas'],
  ['Multi-tenant B2B SaaS for project management: each company gets its own workspace with users, roles and tasks.', 'saas'],
  ['CRM for small businesses: each organization manages its contacts, deals and pipeline; 2,000 tenants.', 'saas'],
  ['A helpdesk product where customer companies handle support tickets with their agents, SSO and per-seat billing.', 'saas'],
  ["HR software sold per seat to companies, where each customer organisation's employee data is isolated.", 'saas'],

  // cms
  ['Headless content API for our marketing pages and blog posts, editors preview drafts.', 'cms'],
  ['A documentation portal where product writers publish versioned guides.', 'cms'],
  ['Company intranet where HR and communications publish announcements and pages.', 'cms'],
  ['Docs site for our public API with versioned documentation pages.', 'cms'],
  ['A headless CMS for our marketing site and blog, with drafts, scheduled publishing and an image library.', 'cms'],
  ['News website publishing 200 articles a day to 1M readers, with editors, categories and comments.', 'cms'],
  ['Blogging platform where writers publish long-form posts and readers comment.', 'cms'],
  ["WordPress replacement for a university's 300 department websites.", 'cms'],

  // leaderboard
  ['Real-time rankings for a fantasy football league with 2M players.', 'leaderboard'],
  ['Global and friends leaderboards for a puzzle game, reset every Monday.', 'leaderboard'],
  ['Trivia game backend: players answer questions, earn points and see where they stand against others this week.', 'leaderboard'],
  ['Global leaderboard for a mobile game with 5M players, showing the top 100 and each player\'s rank in real time.', 'leaderboard'],
  ['Weekly and all-time high score tables for our arcade games, with friends rankings.', 'leaderboard'],
  ['Esports tournament platform tracking player ratings (Elo) and rankings across seasons.', 'leaderboard'],
  ['Gamification for a fitness app: users earn points and compete on weekly rankings with friends.', 'leaderboard'],
];

/** Briefs that name no kind of system: they must fall back to the generic archetype. */
export const GENERIC_BRIEFS: readonly string[] = [
  'a backend for my app',
  'We need a simple REST API for our internal tool, about 200 users.',
  'Backend for a recipe website where users save their favourite recipes.',
  "A CRUD service to manage our company's vehicle maintenance records, 50 employees.",
  'An API for a habit tracker mobile application with 50k users.',
  'Design a backend that handles 1M requests per day with 99.99% availability and p99 under 200 ms.',
  'Our team of 4 needs a backend in 3 months; budget $2k/month, GDPR applies.',
  'A small API for a volunteer organisation to manage member sign-ups.',
  "Backend for a school's timetable and homework app, 1,500 students.",
  "Internal API to manage our warehouse's equipment and maintenance schedules.",
  "We're rewriting our PHP monolith: a line-of-business app for 300 staff.",
  'A backend for a todo list app, 10k users.',
  'An internal API for HR to track employee training certificates.',
  'Migrate our Rails monolith to something that scales to 10x traffic.',
  // Technical words that also name archetypes must not pull a generic brief into one.
  'A REST API in order to manage internal documents for our product team; it should follow our existing conventions.',
  'Backend with social login, user profiles and an admin dashboard, deployed on Kubernetes.',
  'A service that publishes domain events to Kafka, exposes Prometheus metrics and needs ACID transactions.',
  'Our timeline is 3 months and we must load balance across two regions; sign-in uses the OAuth redirect flow.',
  'Import nightly CSV files from partners and expose them through an API; passwords are never stored in plain text.',
  'A backend for a mobile app that works across all devices and reserves capacity for reading large reports.',
];
