/** Shapes of identifiers accepted on the wire. */
export const ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
export const ID_MESSAGE = 'must be 1-64 letters, digits, ".", "_" or "-"';
/** Card numbers are the digits under the barcode (Library B: 9 digits). */
export const CARD_PATTERN = /^[0-9]{4,20}$/;
export const CARD_MESSAGE = 'must be the 4-20 digits under the card barcode';
export const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const DATE_MESSAGE = 'must be a date as YYYY-MM-DD';
export const CONTACT_METHODS = ['email', 'phone', 'ring-only', 'voicemail', 'none'] as const;
export const MATERIAL_TYPES = ['book', 'magazine', 'audiovisual', 'in-library-video', 'reference'] as const;
export const STAFF_ROLES = ['admin', 'circulation', 'auditor'] as const;
