import type { Archetype } from './_types.js';

const RIDER = '3f0c7c9e-8a1b-4c2d-9e3f-1a2b3c4d5e6f';
const DRIVER_USER = '8c5d1e2f-6a7b-4c8d-9e0f-1a2b3c4d5e70';
const DRIVER = '7e6d5c4b-3a29-4f18-8e07-d6c5b4a39281';
const TRIP = 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f';

export const rideHailing: Archetype = {
  id: 'ride-hailing',
  name: 'Ride-hailing / geo dispatch',
  description: 'Riders request trips, the nearest available driver is matched in seconds, both follow each other live on a map, and the fare is charged at the end.',
  keywords: [
    ['ride-hailing', 3], ['ride hailing', 3], ['ridehailing', 3], ['ride-sharing', 3], ['ride sharing', 3], ['ridesharing', 3],
    ['rideshare', 3], ['uber', 3], ['lyft', 3], ['taxi', 3], ['cab', 2], ['surge pricing', 3], ['nearby driver', 3], ['nearest driver', 3],
    ['rider', 2], ['passenger', 2], ['dispatch', 2], ['courier', 2], ['delivery driver', 2], ['scooter', 2], ['bike sharing', 2], ['bike-sharing', 2], ['e-bike', 1], ['pickup', 1], ['pick-up', 1],
    ['driver', 1], ['trip', 1], ['fare', 1], ['eta', 1], ['gps', 1], ['nearest', 1], ['nearby', 1], ['live location', 2],
    ['real-time location', 2], ['geolocation', 1], ['map', 1],
  ],
  domains: ['identity', 'fleet', 'dispatch', 'trips', 'payments'],
  // A blended rider + driver figure. About one active user in ten is a driver who, while online
  // (~5 h), sends a position every 4 s (the interval Uber has described): ~450 pings per active
  // user a day, against a few dozen rider calls. So the API is write-heavy (~10 writes per read)
  // and little of it is cacheable. Trip records are kept for years; the ping volume, kept a year
  // for safety investigations and disputes, dominates storage.
  defaults: {
    dau: 100_000, dauOverMau: 0.15, concurrencyRatio: 0.1, requestsPerUserPerDay: 500, peakFactor: 3,
    readWriteRatio: 0.1, recordBytes: 120, responseBytes: 2_000, requestBytes: 150,
    blobsPerUserPerDay: 0, blobBytes: 0, retentionDays: 365, growthPerMonth: 0.05,
    // A dispatch outage strands riders and stops all revenue.
    availability: 0.9999, p99Ms: 200, cacheHitRate: 0.3,
  },
  traits: {
    realtime: true, money: true, contention: true, fullTextSearch: false, timeSeries: false, geo: true,
    fanout: false, blobs: false, cdn: false, eventLog: true, audit: true, multiTenant: false, personalData: true, ranking: false,
  },
  entities: [
    {
      name: 'User', table: 'users', resource: 'users', description: 'A rider (drivers have a user too).', domain: 'identity',
      softDelete: true, rows: { perUser: 1 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'phone', type: 'short-text', description: 'E.164 phone number, the sign-in identity (one-time codes).', unique: true, maxLength: 16, personal: true, example: '+447700900123', distinct: 'unique' },
        { name: 'email', type: 'short-text', description: 'Receipt address.', nullable: true, unique: true, maxLength: 254, personal: true, example: 'ada@example.com', distinct: 'unique' },
        { name: 'display_name', type: 'short-text', description: 'First name shown to the driver.', maxLength: 80, personal: true, example: 'Ada', distinct: 'high' },
        { name: 'rating', type: 'double', description: 'Average rating given by drivers.', min: 1, max: 5, serverGenerated: true, example: 4.9, distinct: 'medium' },
      ],
      accessPatterns: [
        { id: 'user-by-phone', description: 'Find a user by phone at sign-in.', kind: 'lookup', filters: [{ field: 'phone', op: '=' }], sort: [], share: 0.8 },
        { id: 'user-by-email', description: 'Find a user by email (support, receipts).', kind: 'lookup', filters: [{ field: 'email', op: '=' }], sort: [], share: 0.2 },
      ],
    },
    {
      name: 'Driver', table: 'drivers', resource: 'drivers', description: 'A vetted driver and vehicle.', domain: 'fleet',
      softDelete: true, rows: { perUser: 0.1 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'user_id', type: 'uuid', description: 'The driver\'s user account.', unique: true, references: 'User', onDelete: 'restrict', example: DRIVER_USER, distinct: 'unique' },
        { name: 'license_plate', type: 'short-text', description: 'Vehicle registration, shown to the rider.', unique: true, maxLength: 16, personal: true, example: 'AB12 CDE', distinct: 'unique' },
        { name: 'vehicle_class', type: 'enum', description: 'Product the vehicle can serve.', values: ['economy', 'comfort', 'xl', 'premium'], example: 'economy', distinct: 'low' },
        { name: 'status', type: 'enum', description: 'Dispatch state.', values: ['offline', 'available', 'on_trip', 'suspended'], example: 'available', distinct: 'low' },
        { name: 'rating', type: 'double', description: 'Average rating given by riders.', min: 1, max: 5, serverGenerated: true, example: 4.8, distinct: 'medium' },
      ],
      accessPatterns: [
        { id: 'driver-by-user', description: 'The driver profile of the signed-in user.', kind: 'lookup', filters: [{ field: 'user_id', op: '=' }], sort: [], share: 0.9 },
        { id: 'driver-by-plate', description: 'Find a driver by plate (support, safety reports).', kind: 'lookup', filters: [{ field: 'license_plate', op: '=' }], sort: [], share: 0.1 },
      ],
    },
    {
      name: 'DriverLocation', table: 'driver_locations', resource: 'locations', description: 'The latest position of each driver (the live copy sits in the cache\'s geo index).', domain: 'dispatch',
      parent: 'Driver', rows: { perUser: 0.1 }, rateLimitPerMinute: 30,
      fields: [
        { name: 'driver_id', type: 'uuid', description: 'Driver.', unique: true, references: 'Driver', onDelete: 'cascade', example: DRIVER, distinct: 'unique' },
        { name: 'lat', type: 'double', description: 'Latitude, WGS 84.', min: -90, max: 90, personal: true, example: 51.5074, distinct: 'high' },
        { name: 'lng', type: 'double', description: 'Longitude, WGS 84.', min: -180, max: 180, personal: true, example: -0.1278, distinct: 'high' },
        { name: 'geohash', type: 'short-text', description: 'Geohash of the position (9 characters, ~5 m); a 6-character prefix is a ~1.2 km cell.', maxLength: 12, example: 'gcpvj0duq', distinct: 'high' },
        { name: 'available', type: 'boolean', description: 'Free to take a trip (copied from the driver status for matching).', example: true, distinct: 'low' },
      ],
      accessPatterns: [
        { id: 'nearby-available-drivers', description: 'Available drivers in the pickup cell and its neighbours (geohash prefix).', kind: 'search', filters: [{ field: 'available', op: '=' }, { field: 'geohash', op: 'prefix' }], sort: [{ field: 'geohash', direction: 'asc' }], limit: 50, share: 0.7 },
        { id: 'location-of-driver', description: 'Where the assigned driver is now (rider\'s map on reconnect).', kind: 'lookup', filters: [{ field: 'driver_id', op: '=' }], sort: [], share: 0.3 },
      ],
    },
    {
      name: 'Trip', table: 'trips', resource: 'trips', description: 'A ride from request to drop-off.', domain: 'trips',
      // ~40k trips a day out of ~45M writes.
      rows: { writeShare: 0.0009 }, rateLimitPerMinute: 20,
      fields: [
        { name: 'rider_id', type: 'uuid', description: 'Rider.', references: 'User', onDelete: 'restrict', example: RIDER, distinct: 'high' },
        { name: 'driver_id', type: 'uuid', description: 'Assigned driver; empty until accepted.', nullable: true, references: 'Driver', onDelete: 'restrict', example: DRIVER, distinct: 'high' },
        { name: 'status', type: 'enum', description: 'Trip state; only legal transitions are accepted.', values: ['requested', 'accepted', 'arriving', 'in_progress', 'completed', 'cancelled'], example: 'in_progress', distinct: 'low' },
        { name: 'pickup', type: 'json', description: 'Pickup point and address.', personal: true, example: '{"lat":51.5074,"lng":-0.1278,"address":"Trafalgar Sq"}', distinct: 'high' },
        { name: 'dropoff', type: 'json', description: 'Destination point and address.', personal: true, example: '{"lat":51.5033,"lng":-0.1196,"address":"London Eye"}', distinct: 'high' },
        { name: 'fare', type: 'money', description: 'Final fare; empty until completed.', nullable: true, min: 0, max: 10_000, example: 14.6, distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'trips-of-rider', description: 'A rider\'s trips, newest first.', kind: 'list', filters: [{ field: 'rider_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 20, share: 0.4 },
        { id: 'trips-of-driver', description: 'A driver\'s trips and earnings, newest first.', kind: 'list', filters: [{ field: 'driver_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 20, share: 0.3 },
        { id: 'trips-by-status', description: 'Unmatched or stuck trips, oldest first, for the dispatcher sweep.', kind: 'list', filters: [{ field: 'status', op: '=' }], sort: [{ field: 'created_at', direction: 'asc' }], limit: 100, share: 0.3 },
      ],
    },
    {
      name: 'LocationPing', table: 'location_pings', resource: 'location-pings', description: 'Every reported driver position: trip routes, fare disputes, safety.', domain: 'dispatch',
      internal: true, partitioned: true, rows: { writeShare: 0.95 },
      fields: [
        { name: 'driver_id', type: 'uuid', description: 'Driver.', references: 'Driver', onDelete: 'cascade', example: DRIVER, distinct: 'high' },
        { name: 'trip_id', type: 'uuid', description: 'Trip in progress, if any.', nullable: true, references: 'Trip', onDelete: 'set-null', example: TRIP, distinct: 'high' },
        { name: 'lat', type: 'double', description: 'Latitude, WGS 84.', min: -90, max: 90, personal: true, example: 51.5074, distinct: 'high' },
        { name: 'lng', type: 'double', description: 'Longitude, WGS 84.', min: -180, max: 180, personal: true, example: -0.1278, distinct: 'high' },
        { name: 'speed_kmh', type: 'double', description: 'Reported speed.', min: 0, max: 300, example: 32.5, distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'route-of-trip', description: 'The route driven on a trip, in order (receipt map, disputes).', kind: 'list', filters: [{ field: 'trip_id', op: '=' }], sort: [{ field: 'created_at', direction: 'asc' }], limit: 2_000, share: 0.7 },
        { id: 'pings-of-driver', description: 'A driver\'s positions over a period (safety investigations).', kind: 'range', filters: [{ field: 'driver_id', op: '=' }, { field: 'created_at', op: '>=' }], sort: [{ field: 'created_at', direction: 'asc' }], limit: 5_000, share: 0.3 },
      ],
    },
    {
      name: 'Payment', table: 'payments', resource: 'payments', description: 'The fare charge of a trip at the payment provider.', domain: 'payments',
      parent: 'Trip', readOnly: true, rows: { writeShare: 0.0009 },
      fields: [
        { name: 'trip_id', type: 'uuid', description: 'Trip paid for.', references: 'Trip', onDelete: 'restrict', example: TRIP, distinct: 'high' },
        { name: 'amount', type: 'money', description: 'Amount authorised or captured.', min: 0, max: 10_000, example: 14.6, distinct: 'high' },
        { name: 'status', type: 'enum', description: 'Provider-side state.', values: ['authorized', 'captured', 'failed', 'refunded'], example: 'captured', distinct: 'low' },
        { name: 'provider_reference', type: 'short-text', description: 'Payment id at the provider.', nullable: true, unique: true, maxLength: 128, example: 'pi_3N8xYz2eZvKYlo2C', distinct: 'unique' },
        { name: 'idempotency_key', type: 'short-text', description: 'Key sent with the capture so a retry never charges twice.', unique: true, maxLength: 64, serverGenerated: true, example: 'trip-c1d2e3f4-capture', distinct: 'unique' },
      ],
      accessPatterns: [
        { id: 'payments-of-trip', description: 'Charges of a trip.', kind: 'list', filters: [{ field: 'trip_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 10, share: 0.8 },
        { id: 'payment-by-provider-reference', description: 'Match a provider webhook to its payment.', kind: 'lookup', filters: [{ field: 'provider_reference', op: '=' }], sort: [], share: 0.2 },
      ],
    },
  ],
  actions: [
    { entity: 'Trip', name: 'accept', method: 'POST', purpose: 'A driver accepts an offered trip; only the first acceptance wins.', operationId: 'acceptTrip' },
    { entity: 'Trip', name: 'cancel', method: 'POST', purpose: 'Cancel a trip, with a fee after the grace period.', operationId: 'cancelTrip' },
    { entity: 'Trip', name: 'complete', method: 'POST', purpose: 'End the trip, compute the fare from the route and capture payment.', operationId: 'completeTrip' },
  ],
  realtime: [
    { name: 'driver.location', entity: 'DriverLocation', direction: 'both', purpose: 'Drivers send positions every few seconds; the rider of a matched trip receives them.' },
    { name: 'trip.offer', entity: 'Trip', direction: 'receive', purpose: 'Offer a trip to a driver, with a short deadline to accept.' },
    { name: 'trip.status', entity: 'Trip', direction: 'receive', purpose: 'Trip state changes for rider and driver.' },
  ],
  events: [
    { name: 'trip.requested', entity: 'Trip', purpose: 'The matching worker finds nearby drivers and sends offers.' },
    { name: 'trip.completed', entity: 'Trip', purpose: 'Capture the fare, send the receipt and credit the driver\'s earnings.' },
    { name: 'driver.location-updated', entity: 'DriverLocation', purpose: 'Supply and demand per cell for surge pricing and ETA models.' },
  ],
  mainFlow: {
    title: 'Request a ride and match a driver',
    steps: [
      { from: 'client', to: 'gateway', message: 'POST /v1/trips (pickup, dropoff; Idempotency-Key)' },
      { from: 'gateway', to: 'app', message: 'authenticated rider' },
      { from: 'app', to: 'external', message: 'pre-authorise the estimated fare' },
      { from: 'app', to: 'db', message: 'INSERT trip (status requested)' },
      { from: 'app', to: 'queue', message: 'publish trip.requested', async: true },
      { from: 'app', to: 'client', message: '201 Created' },
      { from: 'queue', to: 'worker', message: 'match the trip', async: true },
      { from: 'worker', to: 'cache', message: 'GEOSEARCH available drivers within 2 km of the pickup', async: true },
      { from: 'worker', to: 'realtime', message: 'trip.offer to the nearest driver (15 s to accept)', async: true },
      { from: 'realtime', to: 'client', message: 'offer shown to the driver', async: true },
      { from: 'client', to: 'gateway', message: 'POST /v1/trips/{id}/accept (driver)' },
      { from: 'app', to: 'db', message: 'UPDATE trips SET driver_id, status = accepted WHERE id = $1 AND status = requested; UPDATE drivers SET status = on_trip (one transaction)' },
      { from: 'app', to: 'realtime', message: 'trip.status to the rider', async: true },
    ],
  },
  functional: [
    { text: 'Riders request a trip and are matched with a nearby available driver within seconds', priority: 'must' },
    { text: 'A driver is never assigned two trips, and a trip never two drivers', priority: 'must' },
    { text: 'Rider and driver see each other\'s position live during the trip', priority: 'must' },
    { text: 'The fare is charged once at the end of the trip, with a receipt', priority: 'must' },
    { text: 'Upfront price estimate and ETA before requesting', priority: 'should' },
    { text: 'Riders and drivers rate each other', priority: 'should' },
    { text: 'Surge pricing from supply and demand per area', priority: 'could' },
  ],
  failureModes: [
    { failure: 'Double assignment', impact: 'Two drivers head to the same rider, or one driver gets two trips.', mitigation: 'Compare-and-set on trip status and driver status in one transaction; offers expire; a driver receives one offer at a time.', detection: 'Rejected accepts and reassignment count.' },
    { failure: 'Location update flood at peak', impact: 'Position writes saturate the database; dispatch sees stale positions.', mitigation: 'Live positions in the cache\'s geo index with a TTL, breadcrumbs batched into a partitioned table, out-of-date updates dropped, partitioning by city.', detection: 'Ingest lag and write latency.' },
    { failure: 'Stale positions', impact: 'Riders are matched with drivers who are offline or far away; pickups take longer.', mitigation: 'Positions expire after ~30 s without an update; drivers go offline after missed heartbeats; the search radius widens gradually.', detection: 'Pickup ETA error and offer acceptance rate.' },
    { failure: 'Fare capture fails after the trip', impact: 'The ride was given but not paid.', mitigation: 'Pre-authorise at request, capture with an idempotency key, retry with backoff, and block new requests while a debt is open.', detection: 'Capture failure rate.' },
  ],
};
