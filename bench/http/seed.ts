import { LibraryClient, inParallel } from '../../test/faults/support/library-client';

export interface SeededLibrary {
  locationId: string;
  titleIds: string[];
  /** Every copy, all on loan: each check-in of the benchmark returns a different one. */
  copyIds: string[];
  tokens: string[];
  staffToken: string;
}

export interface LibrarySize {
  titles: number;
  copiesPerTitle: number;
  patrons: number;
}

/**
 * A library seeded through the staff API as a desk would: one location, titles whose copies are all lent out (so
 * Library B takes online holds on them, R9), patrons with passwords, logged in.
 */
export async function seedLibrary(client: LibraryClient, size: LibrarySize): Promise<SeededLibrary> {
  const staffToken = await client.loginStaff();
  const locationId = 'central';
  await client.location(locationId);
  const lender = '100000000';
  await client.registerPatron(lender, 'lender-password');
  const titleIds = Array.from({ length: size.titles }, (_, i) => `T${i}`);
  const copyIds: string[] = [];
  await inParallel(titleIds, 8, async (titleId) => {
    await client.title(titleId);
    for (let c = 1; c <= size.copiesPerTitle; c++) {
      const copyId = `${titleId}-c${c}`;
      await client.copy(copyId, titleId, locationId);
      await client.checkout(copyId, lender);
      copyIds.push(copyId);
    }
  });
  const cards = Array.from({ length: size.patrons }, (_, i) => String(200000000 + i));
  const tokens = new Array<string>(cards.length);
  await inParallel(cards, 4, async (card, i) => {
    await client.registerPatron(card, 'patron-password');
    tokens[i] = await client.loginPatron(card, 'patron-password');
  });
  return { locationId, titleIds, copyIds, tokens, staffToken };
}
