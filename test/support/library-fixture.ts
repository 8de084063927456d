import type { TestApp } from './test-app';

export const ADMIN = { staffId: 'admin', password: 'change-me-now' };

export async function staffToken(app: TestApp, staffId = ADMIN.staffId, password = ADMIN.password): Promise<string> {
  const response = await app.http().post('/staff/auth/login').send({ staffId, password }).expect(200);
  return response.body.accessToken as string;
}

export async function patronToken(app: TestApp, cardNumber: string, password: string): Promise<string> {
  const response = await app.http().post('/auth/login').send({ cardNumber, password }).expect(200);
  return response.body.accessToken as string;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A small library through the staff API: a location, titles with copies, patrons with passwords. */
export class LibraryFixture {
  constructor(
    readonly app: TestApp,
    readonly staff: string,
  ) {}

  static async create(app: TestApp): Promise<LibraryFixture> {
    return new LibraryFixture(app, await staffToken(app));
  }

  async location(locationId: string, name = locationId) {
    await this.app.http().post('/staff/locations').set(bearer(this.staff)).send({ locationId, name }).expect(201);
  }

  async calendar(locationId: string, calendar: Partial<{ weeklyClosedDays: number[]; closedDates: string[]; closedRanges: { from: string; to: string }[]; closedOnNationalHolidays: boolean; closedDayAfterNationalHoliday: boolean }>) {
    await this.app
      .http()
      .put(`/staff/locations/${locationId}/calendar`)
      .set(bearer(this.staff))
      .send({ weeklyClosedDays: [], closedDates: [], closedRanges: [], closedOnNationalHolidays: false, closedDayAfterNationalHoliday: false, ...calendar })
      .expect(200);
  }

  async title(titleId: string, materialType = 'book', name = `Title ${titleId}`) {
    await this.app.http().post('/staff/titles').set(bearer(this.staff)).send({ titleId, name, materialType }).expect(201);
  }

  async copy(copyId: string, titleId: string, locationId: string, loanable = true) {
    await this.app.http().post('/staff/copies').set(bearer(this.staff)).send({ copyId, titleId, locationId, loanable }).expect(201);
  }

  async patron(cardNumber: string, password = 'patron-password', extra: Partial<{ name: string; birthDate: string; cardExpiresOn: string; wideArea: boolean }> = {}) {
    await this.app
      .http()
      .post('/staff/patrons')
      .set(bearer(this.staff))
      .send({ cardNumber, name: `Patron ${cardNumber}`, birthDate: '1990-05-01', cardExpiresOn: '2030-03-31', wideArea: false, ...extra })
      .expect(201);
    await this.app.http().post(`/staff/patrons/${cardNumber}/password`).set(bearer(this.staff)).send({ password }).expect(204);
    return patronToken(this.app, cardNumber, password);
  }

  /** Checks a copy out to a patron (the copy leaves the shelf). */
  async checkout(copyId: string, cardNumber: string) {
    return (await this.app.http().post('/staff/checkouts').set(bearer(this.staff)).send({ copyId, cardNumber }).expect(201)).body;
  }

  async checkin(copyId: string, locationId: string) {
    return (await this.app.http().post('/staff/checkins').set(bearer(this.staff)).send({ copyId, locationId }).expect(201)).body;
  }
}

export { bearer };
