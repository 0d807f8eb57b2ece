import { Booking } from '../model/booking';
import { givingWayReason, inGivingWayOrder, priorityRank } from './givingWay';

const booking = (sheetRow: number, status: string, priority = '', booked: number | null = null): Booking => ({
  sheetRow, id: '', lab: '', team: '', workload: '', status, priority, owner: '', notes: '', booked, providerText: '', regionText: '', siliconText: '', blockText: '',
  pool: null, silicon: null, chips: null, start: null, endExclusive: null, active: true, catalogued: true,
});

describe('inGivingWayOrder', () => {
  it('puts tentative before confirmed, less important before more, later rows before earlier', () => {
    const order = inGivingWayOrder([booking(2, 'confirmed', 'P0'), booking(3, 'tentative', 'P0'), booking(4, 'confirmed', 'P2'), booking(5, 'confirmed', 'P0')]);
    expect(order.map((b) => b.sheetRow)).toEqual([3, 4, 5, 2]);
  });
});

describe('the Booked date in the giving-way order', () => {
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

  it('has the later-booked give way whatever the rows, an undated booking before dated ones, and rows deciding between equal dates', () => {
    const order = inGivingWayOrder([
      booking(2, 'confirmed', '', day('2026-03-10')), booking(3, 'confirmed', '', day('2026-01-05')), booking(4, 'confirmed', '', null),
      booking(5, 'confirmed', '', day('2026-01-05')), booking(6, 'confirmed', '', null),
    ]);
    expect(order.map((b) => b.sheetRow)).toEqual([6, 4, 2, 5, 3]);
  });

  it('comes after status and priority', () => {
    const order = inGivingWayOrder([booking(2, 'tentative', '', day('2026-01-01')), booking(3, 'confirmed', 'P3', day('2026-01-02')), booking(4, 'confirmed', 'P0', day('2026-06-01'))]);
    expect(order.map((b) => b.sheetRow)).toEqual([2, 3, 4]);
  });

  it('says which dates decided, or that the booking has none', () => {
    expect(givingWayReason(booking(20, 'confirmed', '', day('2026-03-10')), booking(73, 'confirmed', '', day('2026-02-20')))).toBe('booked 10 Mar 2026, after row 73 (20 Feb 2026)');
    expect(givingWayReason(booking(20, 'tentative', '', day('2026-03-10')), booking(73, 'confirmed', '', day('2026-02-20')))).toBe('tentative; booked 10 Mar 2026, after row 73 (20 Feb 2026)');
    expect(givingWayReason(booking(20, 'confirmed'), booking(73, 'confirmed', '', day('2026-02-20')))).toBe('no Booked date, unlike row 73');
    expect(givingWayReason(booking(80, 'confirmed', '', day('2026-02-20')), booking(73, 'confirmed', '', day('2026-02-20')))).toBe('booked after row 73');
    expect(givingWayReason(booking(80, 'confirmed', '', day('2026-01-01')), booking(73, 'confirmed', '', day('2026-02-20')))).toBe('');
  });
});

describe('givingWayReason', () => {
  it('names the deciding reason and the lesser ones agreeing with it', () => {
    expect(givingWayReason(booking(80, 'Tentative'), booking(73, 'confirmed'))).toBe('tentative; booked after row 73');
    expect(givingWayReason(booking(60, 'tentative', 'P0'), booking(73, 'confirmed', 'P3'))).toBe('tentative');
    expect(givingWayReason(booking(80, 'confirmed', 'P2'), booking(73, 'confirmed', 'P0'))).toBe('priority P2 below P0; booked after row 73');
    expect(givingWayReason(booking(80, 'confirmed'), booking(73, 'confirmed'))).toBe('booked after row 73');
  });

  it('says nothing for a booking that does not give way first', () => {
    expect(givingWayReason(booking(73, 'confirmed'), booking(80, 'tentative'))).toBe('');
  });
});

describe('priorityRank', () => {
  it('reads words and ranks, an empty priority as medium', () => {
    expect([priorityRank('Critical'), priorityRank('high'), priorityRank(''), priorityRank('low')]).toEqual([3, 2, 1, 0]);
    expect(priorityRank('P0')).toBeGreaterThan(priorityRank('P1'));
    expect(priorityRank('1')).toBeGreaterThan(priorityRank('3'));
  });
});
