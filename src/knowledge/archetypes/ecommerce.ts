import type { Archetype } from './_types.js';

const USER = '3f0c7c9e-8a1b-4c2d-9e3f-1a2b3c4d5e6f';
const PRODUCT = '5b2e8d41-7c3a-4f19-9a6e-2d8c4b1f0e37';
const ORDER = 'a41f6c2d-93e8-4b07-8d15-6e2f9c3a7b10';

export const ecommerce: Archetype = {
  id: 'ecommerce',
  name: 'E-commerce store / marketplace',
  description: 'A product catalog with search, shopping carts, checkout with payment, orders and stock that must never be oversold.',
  keywords: [
    ['e-commerce', 3], ['ecommerce', 3], ['online store', 3], ['online shop', 3], ['webshop', 3], ['web shop', 3], ['storefront', 3],
    ['shopping cart', 3], ['product catalog', 3], ['product catalogue', 3], ['shopify', 3], ['woocommerce', 3], ['magento', 3],
    ['flash sale', 3], ['black friday', 2], ['checkout', 2], ['cart', 2], ['inventory', 2], ['sku', 2], ['shop', 2], ['shopping', 2],
    ['marketplace', 2], ['second-hand', 2], ['secondhand', 2], ['resale', 2], ['vinted', 3], ['retail', 2], ['grocery', 2], ['wishlist', 2], ['coupon', 2], ['fulfilment', 2], ['fulfillment', 2],
    ['order management', 2], ['food ordering', 2], ['online ordering', 2], ['menu', 1], ['etsy', 2], ['ebay', 2], ['buyer', 1], ['seller', 1], ['orders', 1], ['purchase', 1],
    ['catalog', 1], ['catalogue', 1], ['shipping', 1], ['discount', 1],
  ],
  domains: ['identity', 'catalog', 'cart', 'ordering', 'payments'],
  // Mid-size shop. Stickiness is low (people shop a few times a month); conversion is ~2-3 % of
  // sessions, so browsing dominates and reads outnumber writes ~30:1. Peak 5x covers evening and
  // campaign peaks; a Black Friday or flash sale runs 10-20x and should be stated in the brief.
  // Orders and payments are tax records, kept seven years.
  defaults: {
    dau: 50_000, dauOverMau: 0.15, concurrencyRatio: 0.05, requestsPerUserPerDay: 40, peakFactor: 5,
    readWriteRatio: 30, recordBytes: 1_000, responseBytes: 8_000, requestBytes: 800,
    // Product photos uploaded by merchants: ~100 a day at 50k DAU.
    blobsPerUserPerDay: 0.002, blobBytes: 400_000, retentionDays: 2_555, growthPerMonth: 0.05,
    availability: 0.999, p99Ms: 200, cacheHitRate: 0.85,
  },
  traits: {
    realtime: false, money: true, contention: true, fullTextSearch: true, timeSeries: false, geo: false,
    fanout: false, blobs: true, cdn: true, eventLog: false, audit: true, multiTenant: false, personalData: true, ranking: false,
  },
  entities: [
    {
      name: 'User', table: 'users', resource: 'users', description: 'A shopper or staff member with an account.', domain: 'identity',
      softDelete: true, rows: { perUser: 1 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'email', type: 'short-text', description: 'Sign-in and receipt address.', unique: true, maxLength: 254, personal: true, example: 'ada@example.com', distinct: 'unique' },
        { name: 'full_name', type: 'short-text', description: 'Name for shipping and invoices.', maxLength: 120, personal: true, example: 'Ada Lovelace', distinct: 'high' },
        { name: 'role', type: 'enum', description: 'Customer or staff permissions.', values: ['customer', 'staff', 'admin'], example: 'customer', distinct: 'low' },
      ],
      accessPatterns: [
        { id: 'user-by-email', description: 'Find a user by email at sign-in and guest checkout.', kind: 'lookup', filters: [{ field: 'email', op: '=' }], sort: [], share: 1 },
      ],
    },
    {
      name: 'Product', table: 'products', resource: 'products', description: 'A sellable item (one SKU) with its price and stock.', domain: 'catalog',
      // A catalog of ~15k SKUs for ~330k monthly users.
      softDelete: true, rows: { perUser: 0.05 }, rateLimitPerMinute: 120,
      fields: [
        { name: 'sku', type: 'short-text', description: 'Stock keeping unit, the merchant\'s product code.', unique: true, maxLength: 64, example: 'MUG-BLU-350', distinct: 'unique' },
        { name: 'name', type: 'short-text', description: 'Product title shown in listings.', maxLength: 200, example: 'Blue stoneware mug, 350 ml', distinct: 'high' },
        { name: 'category', type: 'short-text', description: 'Category path used for browsing.', maxLength: 100, example: 'kitchen/mugs', distinct: 'medium' },
        { name: 'price', type: 'money', description: 'Current unit price.', min: 0, max: 1_000_000, example: 18.5, distinct: 'medium' },
        { name: 'stock_quantity', type: 'integer', description: 'Units on hand; decremented atomically at checkout, never below zero.', min: 0, max: 10_000_000, example: 42, distinct: 'medium' },
        { name: 'status', type: 'enum', description: 'Whether the product is visible in the shop.', values: ['draft', 'active', 'archived'], example: 'active', distinct: 'low' },
      ],
      accessPatterns: [
        { id: 'category-listing', description: 'Active products of a category, newest first (category pages).', kind: 'list', filters: [{ field: 'category', op: '=' }, { field: 'status', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 48, share: 0.5 },
        { id: 'product-search', description: 'Full-text search on product names.', kind: 'search', filters: [{ field: 'name', op: 'match' }], sort: [], limit: 24, share: 0.35 },
        { id: 'product-by-sku', description: 'Find a product by SKU (warehouse scans, feed imports).', kind: 'lookup', filters: [{ field: 'sku', op: '=' }], sort: [], share: 0.15 },
      ],
    },
    {
      name: 'ProductImage', table: 'product_images', resource: 'images', description: 'A photo of a product; the bytes live in object storage behind the CDN.', domain: 'catalog',
      parent: 'Product', rows: { perUser: 0.2 }, rateLimitPerMinute: 30,
      fields: [
        { name: 'product_id', type: 'uuid', description: 'Product shown.', references: 'Product', onDelete: 'cascade', example: PRODUCT, distinct: 'high' },
        { name: 'object_key', type: 'short-text', description: 'Key of the original in object storage.', unique: true, maxLength: 512, serverGenerated: true, example: 'products/5b2e8d41/1.jpg', distinct: 'unique' },
        { name: 'position', type: 'integer', description: 'Order in the gallery; 0 is the main image.', min: 0, max: 50, example: 0, distinct: 'low' },
        { name: 'alt_text', type: 'short-text', description: 'Description for screen readers.', nullable: true, maxLength: 250, example: 'Blue mug on a wooden table', distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'images-of-product', description: 'Gallery of a product in display order.', kind: 'list', filters: [{ field: 'product_id', op: '=' }], sort: [{ field: 'position', direction: 'asc' }], limit: 20, share: 1 },
      ],
    },
    {
      name: 'CartItem', table: 'cart_items', resource: 'cart-items', description: 'A product and quantity in a shopper\'s cart.', domain: 'cart',
      rows: { writeShare: 0.5 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'user_id', type: 'uuid', description: 'Cart owner.', references: 'User', onDelete: 'cascade', example: USER, distinct: 'high' },
        { name: 'product_id', type: 'uuid', description: 'Product in the cart.', references: 'Product', onDelete: 'cascade', example: PRODUCT, distinct: 'high' },
        { name: 'quantity', type: 'integer', description: 'Units wanted.', min: 1, max: 99, example: 2, distinct: 'low' },
        { name: 'unit_price', type: 'money', description: 'Price when added, to warn the shopper if it changed.', min: 0, max: 1_000_000, example: 18.5, distinct: 'medium' },
      ],
      accessPatterns: [
        { id: 'cart-of-user', description: 'The items in a shopper\'s cart, in the order added.', kind: 'list', filters: [{ field: 'user_id', op: '=' }], sort: [{ field: 'created_at', direction: 'asc' }], limit: 100, share: 1 },
      ],
    },
    {
      name: 'Order', table: 'orders', resource: 'orders', description: 'A placed order: what was bought, for how much, and where it stands.', domain: 'ordering',
      rows: { writeShare: 0.03 }, rateLimitPerMinute: 20,
      fields: [
        { name: 'user_id', type: 'uuid', description: 'Customer.', references: 'User', onDelete: 'restrict', example: USER, distinct: 'high' },
        { name: 'status', type: 'enum', description: 'Lifecycle of the order.', values: ['pending', 'paid', 'fulfilled', 'shipped', 'delivered', 'cancelled', 'refunded'], example: 'paid', distinct: 'low' },
        { name: 'total', type: 'money', description: 'Amount charged, tax and shipping included.', min: 0, max: 10_000_000, example: 42.9, distinct: 'high' },
        { name: 'currency', type: 'short-text', description: 'ISO 4217 currency code.', maxLength: 3, example: 'EUR', distinct: 'low' },
        { name: 'shipping_address', type: 'json', description: 'Delivery address as entered at checkout.', personal: true, example: '{"line1":"1 Main St","city":"Leeds","postcode":"LS1 1AA","country":"GB"}', distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'orders-of-user', description: 'A customer\'s order history, newest first.', kind: 'list', filters: [{ field: 'user_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 20, share: 0.7 },
        { id: 'orders-by-status', description: 'The fulfilment queue: orders in a status, oldest first.', kind: 'list', filters: [{ field: 'status', op: '=' }], sort: [{ field: 'created_at', direction: 'asc' }], limit: 100, share: 0.3 },
      ],
    },
    {
      name: 'OrderLine', table: 'order_lines', resource: 'lines', description: 'One product of an order, with the price paid.', domain: 'ordering',
      // ~2.5 lines per order.
      parent: 'Order', readOnly: true, rows: { writeShare: 0.08 },
      fields: [
        { name: 'order_id', type: 'uuid', description: 'Order.', references: 'Order', onDelete: 'cascade', example: ORDER, distinct: 'high' },
        { name: 'product_id', type: 'uuid', description: 'Product bought.', references: 'Product', onDelete: 'restrict', example: PRODUCT, distinct: 'high' },
        { name: 'quantity', type: 'integer', description: 'Units bought.', min: 1, max: 999, example: 2, distinct: 'low' },
        { name: 'unit_price', type: 'money', description: 'Price per unit at the time of the order.', min: 0, max: 1_000_000, example: 18.5, distinct: 'medium' },
      ],
      accessPatterns: [
        { id: 'lines-of-order', description: 'The lines of an order.', kind: 'list', filters: [{ field: 'order_id', op: '=' }], sort: [{ field: 'created_at', direction: 'asc' }], limit: 100, share: 0.8 },
        { id: 'sales-of-product', description: 'Recent sales of a product (merchant reports, recalls).', kind: 'list', filters: [{ field: 'product_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 100, share: 0.2 },
      ],
    },
    {
      name: 'Payment', table: 'payments', resource: 'payments', description: 'A charge against an order at the payment provider; card data never touches our systems.', domain: 'payments',
      parent: 'Order', readOnly: true, rows: { writeShare: 0.035 },
      fields: [
        { name: 'order_id', type: 'uuid', description: 'Order paid for.', references: 'Order', onDelete: 'restrict', example: ORDER, distinct: 'high' },
        { name: 'amount', type: 'money', description: 'Amount charged or refunded.', min: 0, max: 10_000_000, example: 42.9, distinct: 'high' },
        { name: 'status', type: 'enum', description: 'Provider-side state of the charge.', values: ['pending', 'authorized', 'captured', 'failed', 'refunded'], example: 'captured', distinct: 'low' },
        { name: 'provider_reference', type: 'short-text', description: 'Payment intent id at the provider, for webhooks and reconciliation.', nullable: true, unique: true, maxLength: 128, example: 'pi_3N8xYz2eZvKYlo2C', distinct: 'unique' },
        { name: 'idempotency_key', type: 'short-text', description: 'Key sent to the provider so a retried charge is not charged twice.', unique: true, maxLength: 64, serverGenerated: true, example: 'ord-a41f6c2d-1', distinct: 'unique' },
      ],
      accessPatterns: [
        { id: 'payments-of-order', description: 'Charges and refunds of an order.', kind: 'list', filters: [{ field: 'order_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 10, share: 0.7 },
        { id: 'payment-by-provider-reference', description: 'Match a provider webhook to its payment.', kind: 'lookup', filters: [{ field: 'provider_reference', op: '=' }], sort: [], share: 0.3 },
      ],
    },
  ],
  actions: [
    { entity: 'Order', name: 'pay', method: 'POST', purpose: 'Start payment of a pending order at the provider and return the client secret.', operationId: 'payOrder' },
    { entity: 'Order', name: 'cancel', method: 'POST', purpose: 'Cancel an unshipped order, release its stock and refund any capture.', operationId: 'cancelOrder' },
    { entity: 'Payment', name: 'refund', method: 'POST', purpose: 'Refund all or part of a captured payment.', operationId: 'refundPayment' },
  ],
  realtime: [],
  events: [
    { name: 'order.placed', entity: 'Order', purpose: 'Send the confirmation email and hand the order to fulfilment without slowing checkout.' },
    { name: 'payment.captured', entity: 'Payment', purpose: 'Mark the order paid and release it to the warehouse.' },
    { name: 'product.changed', entity: 'Product', purpose: 'Re-index the product for search and purge its cached pages from the CDN.' },
  ],
  mainFlow: {
    title: 'Place an order',
    steps: [
      { from: 'client', to: 'gateway', message: 'POST /v1/orders from the cart (Idempotency-Key)' },
      { from: 'gateway', to: 'app', message: 'authenticated request' },
      { from: 'app', to: 'db', message: 'BEGIN; UPDATE products SET stock_quantity = stock_quantity - n WHERE stock_quantity >= n; INSERT order and lines; COMMIT' },
      { from: 'app', to: 'external', message: 'create payment intent (amount, idempotency key)' },
      { from: 'app', to: 'client', message: '201 Created with the payment client secret' },
      { from: 'external', to: 'app', message: 'webhook: payment succeeded', async: true },
      { from: 'app', to: 'db', message: 'mark payment captured and order paid', async: true },
      { from: 'app', to: 'queue', message: 'publish order.placed', async: true },
      { from: 'queue', to: 'worker', message: 'confirmation email, fulfilment request', async: true },
    ],
  },
  functional: [
    { text: 'Browse the catalog by category with product photos', priority: 'must' },
    { text: 'Search products by name', priority: 'must' },
    { text: 'Keep a shopping cart across sessions and devices', priority: 'must' },
    { text: 'Check out and pay; a retried checkout never charges twice', priority: 'must' },
    { text: 'Stock is never oversold, even when many shoppers buy the last units at once', priority: 'must' },
    { text: 'Customers see their order history and order status', priority: 'should' },
    { text: 'Staff work a fulfilment queue and issue cancellations and refunds', priority: 'should' },
    { text: 'Discount codes and wishlists', priority: 'could' },
  ],
  failureModes: [
    { failure: 'Oversell during a flash sale', impact: 'Concurrent checkouts take the last units; orders must be cancelled and customers refunded.', mitigation: 'Decrement stock with a conditional UPDATE in the order transaction and a CHECK (stock_quantity >= 0); for flash sales, admit shoppers through a queue and reserve stock with a short expiry.', detection: 'Out-of-stock cancellations and rejected conditional updates per minute.' },
    { failure: 'Payment provider times out or a webhook is lost', impact: 'Orders stay pending although the customer was charged, or a retry charges twice.', mitigation: 'Idempotency keys on every provider call, idempotent webhook handling keyed by provider reference, and a reconciliation job that asks the provider about orders pending for more than 15 minutes.', detection: 'Count of orders pending for more than 15 minutes; daily reconciliation differences.' },
    { failure: 'Stale price in a cached page or the CDN', impact: 'The shopper sees one price and is charged another.', mitigation: 'Always price the order from the database at checkout, purge product pages on product.changed, keep page TTLs short.', detection: 'Price-mismatch warnings at checkout.' },
  ],
};
