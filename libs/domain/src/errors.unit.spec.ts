import * as errors from './errors';
import { DomainRuleViolation, HoldLimitReached, ServiceInMaintenance, UnknownPatron } from './errors';
import { violationOf } from './test/given';

const KINDS = ['conflict', 'forbidden', 'not-found', 'invalid', 'unavailable'];

describe('rule violations', () => {
  it('carry a stable kebab-case code, a kind, the rule id and a human sentence', () => {
    const error = new HoldLimitReached({ cardNumber: '123456789', limit: 10 });
    expect(error).toBeInstanceOf(DomainRuleViolation);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'HoldLimitReached', code: 'hold-limit-reached', rule: 'R7', kind: 'conflict' });
    expect(error.message).toMatch(/^You already have 10 active holds/);
  });

  it('every violation class has its own kebab-case code and a known kind', () => {
    type AnyViolationClass = new (...args: unknown[]) => DomainRuleViolation;
    const classes = Object.values(errors).filter((value) => value !== DomainRuleViolation) as unknown as AnyViolationClass[];
    const anyDetails = { cardNumber: '1', limit: 1, offered: ['none'], contactMethod: 'phone', reason: 'material-type', from: '03:00', to: '05:00' };
    const instances = classes.map((ViolationClass) => {
      try {
        return new ViolationClass(anyDetails);
      } catch {
        return new ViolationClass(['a problem']);
      }
    });
    for (const instance of instances) {
      expect(instance).toBeInstanceOf(DomainRuleViolation);
      expect(instance.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(KINDS).toContain(instance.kind);
      expect(instance.rule === null || /^R\d+$/.test(instance.rule)).toBe(true);
    }
    expect(new Set(instances.map((instance) => instance.code)).size).toBe(classes.length);
  });

  it('R29: the maintenance refusal is "unavailable" and says when to come back', () => {
    const error = new ServiceInMaintenance({ from: '03:00', to: '05:00' });
    expect(error).toMatchObject({ code: 'service-in-maintenance', rule: 'R29', kind: 'unavailable', details: { from: '03:00', to: '05:00' } });
    expect(error.message).toBe('Online search and holds are unavailable for maintenance every day from 03:00 to 05:00. Please try again later.');
  });

  it('an unknown patron is named when the card number is known', () => {
    expect(new UnknownPatron('123').message).toBe('There is no patron with card number 123.');
    expect(new UnknownPatron(null).message).toBe('There is no such patron.');
  });

  it('the test helper reports a decision that did not throw, and passes other errors through', () => {
    expect(() => violationOf(() => 'fine')).toThrow('expected a DomainRuleViolation');
    expect(() => violationOf(() => JSON.parse('{'))).toThrow(SyntaxError);
  });
});
