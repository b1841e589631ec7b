import { describe, expect, it } from 'vitest';
import { evaluateInvalidConstraints } from '../../../src/diagnose/checks/invalid-constraint.js';

describe('invalid-constraint', () => {
  it('a NOT VALID check: how to find the rows that break it, then VALIDATE', () => {
    const [f] = evaluateInvalidConstraints([{ schema: 'public', table: 'orders', name: 'orders_total_check', type: 'check', definition: 'CHECK ((total_cents >= 0)) NOT VALID' }], 'shop');
    expect(f?.severity).toBe('warning');
    expect(f?.location).toMatchObject({ objectType: 'constraint', name: 'public.orders.orders_total_check' });
    expect(f?.fix?.code).toBe('SELECT count(*) FROM public.orders WHERE NOT ((total_cents >= 0));  -- rows that would fail it\nALTER TABLE public.orders VALIDATE CONSTRAINT orders_total_check;');
  });

  it('a NOT VALID foreign key, with a name that needs quoting', () => {
    const [f] = evaluateInvalidConstraints([{ schema: 'public', table: 'line', name: 'Line FK', type: 'foreign key', definition: 'FOREIGN KEY (order_id) REFERENCES orders(id) NOT VALID' }], 'shop');
    expect(f?.fix?.code).toMatch(/\nALTER TABLE public.line VALIDATE CONSTRAINT "Line FK";$/);
  });

  it('nothing unvalidated, nothing reported', () => {
    expect(evaluateInvalidConstraints([], 'shop')).toEqual([]);
  });
});
