import { useEffect, useState } from 'preact/hooks';

/** A title the patron keeps for later (R15); the note is theirs, as the patron API has no title lookup. */
export interface Favourite {
  titleId: string;
  note: string;
}

const keyOf = (cardNumber: string) => `holds.patron.favourites.${cardNumber}`;

function read(cardNumber: string): Favourite[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(keyOf(cardNumber)) ?? '[]');
    return Array.isArray(stored)
      ? stored.filter((item): item is Favourite => typeof item?.titleId === 'string').map((item) => ({ titleId: item.titleId, note: String(item.note ?? '') }))
      : [];
  } catch {
    return [];
  }
}

/** Favourites live in this browser's localStorage, one list per card, so two patrons on one device stay apart. */
export function useFavourites(cardNumber: string) {
  const [favourites, setFavourites] = useState<Favourite[]>(() => read(cardNumber));
  useEffect(() => setFavourites(read(cardNumber)), [cardNumber]);
  const save = (next: Favourite[]) => {
    localStorage.setItem(keyOf(cardNumber), JSON.stringify(next));
    setFavourites(next);
  };
  return {
    favourites,
    add(favourite: Favourite) {
      const titleId = favourite.titleId.trim();
      if (!titleId) return;
      save([...favourites.filter((item) => item.titleId !== titleId), { titleId, note: favourite.note.trim() }]);
    },
    remove(titleId: string) {
      save(favourites.filter((item) => item.titleId !== titleId));
    },
  };
}

export function addFavourite(cardNumber: string, favourite: Favourite): void {
  const titleId = favourite.titleId.trim();
  const next = [...read(cardNumber).filter((item) => item.titleId !== titleId), { titleId, note: favourite.note.trim() }];
  localStorage.setItem(keyOf(cardNumber), JSON.stringify(next));
}
