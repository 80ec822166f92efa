import { VERBS } from '../../src/teams/verbs';

/**
 * Numbers in card data: a number, or the text of one as Input.Number and a ChoiceSet send it.
 * z.coerce.number() read null, [] and "" as 0 and true as 1, so a payload without a number was
 * stored as if 0 or 1 had been entered (a 0-hours record over the real one, shown as a success).
 */
describe('numbers in card data', () => {
  const parse = (name: keyof typeof VERBS, data: Record<string, unknown>) => VERBS[name].data.safeParse(data);

  it.each([
    ['null', null],
    ['an empty array', []],
    ['true', true],
    ['empty text', ''],
    ['hexadecimal text', '0x10'],
    ['an exponent', '1e1'],
    ['text that is no number', 'veel'],
  ])('refuses %s where a number is required', (_name, value) => {
    expect(parse('saveTime', { groupId: 'g', cycleId: 'c', hours: value }).success).toBe(false);
    expect(parse('startCycle', { groupId: 'g', week: value }).success).toBe(false);
    expect(parse('saveTraject', { weeks: value }).success).toBe(false);
    expect(parse('contribute', { groupId: 'g', sessionId: 's', questionId: value, text: 'x' }).success).toBe(false);
  });

  it('reads numbers and their text, with the limits of each field', () => {
    expect(parse('saveTime', { groupId: 'g', cycleId: 'c', hours: '2.5' })).toMatchObject({ success: true, data: { hours: 2.5 } });
    expect(parse('saveTime', { groupId: 'g', cycleId: 'c', hours: 0 })).toMatchObject({ success: true, data: { hours: 0 } });
    expect(parse('startCycle', { groupId: 'g', week: ' 3 ' })).toMatchObject({ success: true, data: { week: 3 } });
    expect(parse('saveSetup', { name: 'T', days: '1', startTime: '09:30', timeZone: 'UTC', language: 'nl', weeks: 12 })).toMatchObject({ success: true, data: { weeks: 12 } });
    expect(parse('startCycle', { groupId: 'g', week: '1.5' }).success).toBe(false);
    expect(parse('startCycle', { groupId: 'g', week: '0' }).success).toBe(false);
    expect(parse('saveTime', { groupId: 'g', cycleId: 'c', hours: '-1' }).success).toBe(false);
  });

  it('leaves an optional number out when its input is empty, and refuses what is no number', () => {
    // An emptied "days before" field means the default, not 0 days.
    expect(parse('planReview', { reportId: 'r', date: '2026-12-10', timeZone: 'UTC', prepDays: '' })).toMatchObject({ success: true, data: { prepDays: undefined } });
    expect(parse('planReview', { reportId: 'r', date: '2026-12-10', timeZone: 'UTC', prepDays: '0' })).toMatchObject({ success: true, data: { prepDays: 0 } });
    expect(parse('planReview', { reportId: 'r', date: '2026-12-10', timeZone: 'UTC', prepDays: null }).success).toBe(false);
    expect(parse('checkIn', { groupId: 'g', sessionId: 's', phase: 'in', energyIn: true }).success).toBe(false);
    expect(parse('checkIn', { groupId: 'g', sessionId: 's', phase: 'in', energyIn: '4' })).toMatchObject({ success: true, data: { energyIn: 4 } });
  });
});
