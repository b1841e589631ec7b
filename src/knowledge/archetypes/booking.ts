import type { Archetype } from './_types.js';

const USER = '3f0c7c9e-8a1b-4c2d-9e3f-1a2b3c4d5e6f';
const VENUE = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
const RESOURCE = '3c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e7f';
const SLOT = '4d5e6f7a-8b9c-4d0e-9f1a-3b4c5d6e7f8a';
const RESERVATION = '5e6f7a8b-9c0d-4e1f-8a2b-4c5d6e7f8a9b';

export const booking: Archetype = {
  id: 'booking',
  name: 'Booking / reservations',
  description: 'Venues publish bookable time slots (rooms, tables, seats, appointments); customers hold and confirm them, and nothing is ever double-booked.',
  keywords: [
    ['booking', 3], ['reservation', 3], ['appointment', 3], ['double booking', 3], ['double-booking', 3], ['overbooking', 3],
    ['time slot', 3], ['timeslot', 3], ['hotel', 3], ['airbnb', 3], ['opentable', 3], ['calendly', 3], ['vacation rental', 3],
    ['holiday rental', 3], ['ticketing', 2], ['ticket', 2], ['slot', 2], ['concert', 2], ['salon', 2],
    ['seat', 1], ['flight', 1], ['book', 1], ['room', 1], ['restaurant', 1], ['clinic', 1], ['doctor', 1], ['calendar', 1],
    ['venue', 1], ['rental', 1],
  ],
  domains: ['identity', 'inventory', 'reservations', 'payments'],
  // People book occasionally (low stickiness) and look far more than they book: availability
  // searches outnumber reservations ~30:1 (travel sites see "look-to-book" ratios of hundreds).
  // Peak 5x covers evenings and Monday mornings; a ticket on-sale is 50-100x and must be stated.
  // Reservations with payments are accounting records: kept seven years.
  defaults: {
    dau: 30_000, dauOverMau: 0.1, concurrencyRatio: 0.03, requestsPerUserPerDay: 30, peakFactor: 5,
    readWriteRatio: 30, recordBytes: 800, responseBytes: 6_000, requestBytes: 700,
    blobsPerUserPerDay: 0, blobBytes: 0, retentionDays: 2_555, growthPerMonth: 0.04,
    // Availability changes with every booking; only venue data caches well.
    availability: 0.999, p99Ms: 200, cacheHitRate: 0.5,
  },
  traits: {
    realtime: false, money: true, contention: true, fullTextSearch: true, timeSeries: false, geo: false,
    fanout: false, blobs: false, cdn: false, eventLog: false, audit: true, multiTenant: false, personalData: true, ranking: false,
  },
  entities: [
    {
      name: 'User', table: 'users', resource: 'users', description: 'A customer or venue staff member.', domain: 'identity',
      softDelete: true, rows: { perUser: 1 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'email', type: 'short-text', description: 'Sign-in and confirmation address.', unique: true, maxLength: 254, personal: true, example: 'ada@example.com', distinct: 'unique' },
        { name: 'full_name', type: 'short-text', description: 'Name on the reservation.', maxLength: 120, personal: true, example: 'Ada Lovelace', distinct: 'high' },
        { name: 'phone', type: 'short-text', description: 'E.164 number for reminders.', nullable: true, maxLength: 16, personal: true, example: '+447700900123', distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'user-by-email', description: 'Find a user by email at sign-in and guest booking.', kind: 'lookup', filters: [{ field: 'email', op: '=' }], sort: [], share: 1 },
      ],
    },
    {
      name: 'Venue', table: 'venues', resource: 'venues', description: 'A hotel, restaurant, clinic or other place that takes bookings.', domain: 'inventory',
      softDelete: true, rows: { perUser: 0.01 }, rateLimitPerMinute: 120,
      fields: [
        { name: 'owner_id', type: 'uuid', description: 'Account that manages the venue.', references: 'User', onDelete: 'restrict', example: USER, distinct: 'high' },
        { name: 'name', type: 'short-text', description: 'Venue name.', maxLength: 200, example: 'The Harbour Hotel', distinct: 'high' },
        { name: 'category', type: 'enum', description: 'Kind of venue.', values: ['hotel', 'restaurant', 'clinic', 'salon', 'event_venue', 'other'], example: 'hotel', distinct: 'low' },
        { name: 'city', type: 'short-text', description: 'City, for browsing.', maxLength: 100, example: 'Bristol', distinct: 'medium' },
        { name: 'timezone', type: 'short-text', description: 'IANA time zone; slots are shown in local time.', maxLength: 64, example: 'Europe/London', distinct: 'low' },
      ],
      accessPatterns: [
        { id: 'venues-by-city', description: 'Venues of a kind in a city, by name.', kind: 'list', filters: [{ field: 'city', op: '=' }, { field: 'category', op: '=' }], sort: [{ field: 'name', direction: 'asc' }], limit: 50, share: 0.6 },
        { id: 'venue-search', description: 'Full-text search on venue names.', kind: 'search', filters: [{ field: 'name', op: 'match' }], sort: [], limit: 20, share: 0.3 },
        { id: 'venues-of-owner', description: 'Venues an account manages.', kind: 'list', filters: [{ field: 'owner_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 50, share: 0.1 },
      ],
    },
    {
      name: 'Resource', table: 'resources', resource: 'resources', description: 'A bookable unit of a venue: a room, table, seat block or practitioner.', domain: 'inventory',
      parent: 'Venue', rows: { perUser: 0.1 }, rateLimitPerMinute: 120,
      fields: [
        { name: 'venue_id', type: 'uuid', description: 'Venue.', references: 'Venue', onDelete: 'cascade', example: VENUE, distinct: 'high' },
        { name: 'name', type: 'short-text', description: 'Name shown when booking.', maxLength: 120, example: 'Double room, sea view', distinct: 'high' },
        { name: 'kind', type: 'enum', description: 'What is booked.', values: ['room', 'table', 'seat', 'practitioner', 'equipment'], example: 'room', distinct: 'low' },
        { name: 'capacity', type: 'integer', description: 'People it takes.', min: 1, max: 1_000, example: 2, distinct: 'low' },
      ],
      accessPatterns: [
        { id: 'resources-of-venue', description: 'Bookable units of a venue.', kind: 'list', filters: [{ field: 'venue_id', op: '=' }], sort: [{ field: 'name', direction: 'asc' }], limit: 200, share: 1 },
      ],
    },
    {
      name: 'Slot', table: 'slots', resource: 'slots', description: 'A bookable time window of a resource with the units left.', domain: 'inventory',
      // Generated from opening hours ~90 days ahead.
      parent: 'Resource', rows: { perUser: 3 }, rateLimitPerMinute: 120,
      fields: [
        { name: 'resource_id', type: 'uuid', description: 'Resource.', references: 'Resource', onDelete: 'cascade', example: RESOURCE, distinct: 'high' },
        { name: 'starts_at', type: 'timestamp', description: 'Start (UTC).', example: '2026-02-14T19:00:00Z', distinct: 'high' },
        { name: 'ends_at', type: 'timestamp', description: 'End (UTC); after starts_at.', example: '2026-02-14T21:00:00Z', distinct: 'high' },
        { name: 'capacity', type: 'integer', description: 'Units on sale in this slot.', min: 1, max: 100_000, example: 1, distinct: 'low' },
        { name: 'remaining', type: 'integer', description: 'Units not held or booked; decremented atomically, never below zero.', min: 0, max: 100_000, serverGenerated: true, example: 1, distinct: 'low' },
        { name: 'price', type: 'money', description: 'Price per unit.', min: 0, max: 1_000_000, example: 145, distinct: 'medium' },
      ],
      accessPatterns: [
        { id: 'availability-of-resource', description: 'Slots of a resource from a date, in time order (the availability calendar).', kind: 'range', filters: [{ field: 'resource_id', op: '=' }, { field: 'starts_at', op: '>=' }], sort: [{ field: 'starts_at', direction: 'asc' }], limit: 100, share: 1 },
      ],
    },
    {
      name: 'Reservation', table: 'reservations', resource: 'reservations', description: 'A customer\'s hold or booking of units in a slot.', domain: 'reservations',
      rows: { writeShare: 0.5 }, rateLimitPerMinute: 20,
      fields: [
        { name: 'slot_id', type: 'uuid', description: 'Slot booked.', references: 'Slot', onDelete: 'restrict', example: SLOT, distinct: 'high' },
        { name: 'user_id', type: 'uuid', description: 'Customer.', references: 'User', onDelete: 'restrict', example: USER, distinct: 'high' },
        { name: 'status', type: 'enum', description: 'Held during checkout, then confirmed or released.', values: ['held', 'confirmed', 'cancelled', 'expired', 'no_show', 'completed'], example: 'confirmed', distinct: 'low' },
        { name: 'quantity', type: 'integer', description: 'Units booked.', min: 1, max: 20, example: 1, distinct: 'low' },
        { name: 'hold_expires_at', type: 'timestamp', description: 'When an unconfirmed hold releases its units.', nullable: true, example: '2026-01-15T10:10:00Z', distinct: 'high' },
        { name: 'total', type: 'money', description: 'Price charged.', min: 0, max: 10_000_000, example: 145, distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'reservations-of-user', description: 'A customer\'s bookings, newest first.', kind: 'list', filters: [{ field: 'user_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 20, share: 0.5 },
        { id: 'reservations-of-slot', description: 'The guest list of a slot.', kind: 'list', filters: [{ field: 'slot_id', op: '=' }, { field: 'status', op: '=' }], sort: [{ field: 'created_at', direction: 'asc' }], limit: 500, share: 0.3 },
        { id: 'expired-holds', description: 'Holds past their expiry, for the release job.', kind: 'range', filters: [{ field: 'status', op: '=' }, { field: 'hold_expires_at', op: '<=' }], sort: [{ field: 'hold_expires_at', direction: 'asc' }], limit: 500, share: 0.2 },
      ],
    },
    {
      name: 'Payment', table: 'payments', resource: 'payments', description: 'The charge for a reservation at the payment provider.', domain: 'payments',
      parent: 'Reservation', readOnly: true, rows: { writeShare: 0.3 },
      fields: [
        { name: 'reservation_id', type: 'uuid', description: 'Reservation paid for.', references: 'Reservation', onDelete: 'restrict', example: RESERVATION, distinct: 'high' },
        { name: 'amount', type: 'money', description: 'Amount charged or refunded.', min: 0, max: 10_000_000, example: 145, distinct: 'high' },
        { name: 'status', type: 'enum', description: 'Provider-side state.', values: ['pending', 'captured', 'failed', 'refunded'], example: 'captured', distinct: 'low' },
        { name: 'provider_reference', type: 'short-text', description: 'Payment id at the provider.', nullable: true, unique: true, maxLength: 128, example: 'pi_3N8xYz2eZvKYlo2C', distinct: 'unique' },
        { name: 'idempotency_key', type: 'short-text', description: 'Key sent with the charge so a retry never charges twice.', unique: true, maxLength: 64, serverGenerated: true, example: 'res-5e6f7a8b-1', distinct: 'unique' },
      ],
      accessPatterns: [
        { id: 'payments-of-reservation', description: 'Charges and refunds of a reservation.', kind: 'list', filters: [{ field: 'reservation_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 10, share: 0.7 },
        { id: 'payment-by-provider-reference', description: 'Match a provider webhook to its payment.', kind: 'lookup', filters: [{ field: 'provider_reference', op: '=' }], sort: [], share: 0.3 },
      ],
    },
  ],
  actions: [
    { entity: 'Reservation', name: 'confirm', method: 'POST', purpose: 'Pay for a hold and turn it into a confirmed booking, if the hold is still valid.', operationId: 'confirmReservation' },
    { entity: 'Reservation', name: 'cancel', method: 'POST', purpose: 'Cancel a booking, release its units and refund per the venue\'s policy.', operationId: 'cancelReservation' },
  ],
  realtime: [],
  events: [
    { name: 'reservation.confirmed', entity: 'Reservation', purpose: 'Confirmation email or SMS, calendar invite, and notice to the venue.' },
    { name: 'reservation.cancelled', entity: 'Reservation', purpose: 'Refund per policy and offer the units to the waitlist.' },
    { name: 'reservation.expired', entity: 'Reservation', purpose: 'Tell the customer their hold lapsed.' },
  ],
  mainFlow: {
    title: 'Hold a slot, then confirm it',
    steps: [
      { from: 'client', to: 'gateway', message: 'POST /v1/reservations (slot, quantity; Idempotency-Key)' },
      { from: 'gateway', to: 'app', message: 'authenticated request' },
      { from: 'app', to: 'db', message: 'BEGIN; UPDATE slots SET remaining = remaining - q WHERE id = $1 AND remaining >= q; INSERT reservation (held, expires in 10 min); COMMIT' },
      { from: 'app', to: 'client', message: '201 Created: held until hold_expires_at (409 if sold out)' },
      { from: 'client', to: 'gateway', message: 'POST /v1/reservations/{id}/confirm' },
      { from: 'app', to: 'external', message: 'charge with an idempotency key' },
      { from: 'app', to: 'db', message: 'UPDATE reservation SET status = confirmed WHERE status = held AND hold_expires_at > now()' },
      { from: 'app', to: 'queue', message: 'publish reservation.confirmed', async: true },
      { from: 'queue', to: 'worker', message: 'confirmation and venue notice', async: true },
      { from: 'worker', to: 'db', message: 'every minute: expire lapsed holds and give their units back', async: true },
    ],
  },
  functional: [
    { text: 'Browse venues and see real-time availability for a date range', priority: 'must' },
    { text: 'Hold a slot during checkout for a limited time, then confirm with payment', priority: 'must' },
    { text: 'A slot is never booked beyond its capacity, even under concurrent bookings', priority: 'must' },
    { text: 'Customers see, change and cancel their bookings', priority: 'must' },
    { text: 'Venues manage resources, opening hours and prices', priority: 'should' },
    { text: 'Confirmation and reminder messages', priority: 'should' },
    { text: 'Waitlist for sold-out slots', priority: 'could' },
  ],
  failureModes: [
    { failure: 'Double booking', impact: 'Two customers hold the last unit; one is turned away at the door.', mitigation: 'Conditional decrement in one transaction with CHECK (remaining >= 0); for time ranges on one resource, an exclusion constraint on overlapping periods.', detection: 'Overbooking reports (target zero) and rejected conditional updates.' },
    { failure: 'Hold release job stops', impact: 'Lapsed holds keep units locked; slots look sold out.', mitigation: 'Availability reads treat lapsed holds as free; the release job is idempotent and alerts when behind.', detection: 'Count of held reservations past hold_expires_at.' },
    { failure: 'Payment succeeds after the hold lapsed', impact: 'The customer is charged without a place.', mitigation: 'Extend the hold while payment is in progress; on confirm, re-check and refund automatically if the units are gone.', detection: 'Automatic refunds per day.' },
    { failure: 'On-sale rush on one slot', impact: 'Thousands of buyers contend for one row; lock waits and timeouts for everyone.', mitigation: 'A virtual waiting room that admits buyers at a steady rate, capacity split into buckets, per-user rate limits.', detection: 'Lock wait time and waiting-room length.' },
  ],
};
