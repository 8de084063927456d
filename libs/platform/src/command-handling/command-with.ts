/**
 * The base of a command class whose fields come as one object, so a controller builds it from its validated DTO
 * in one expression (`new PlaceHoldCommand({ ...body, cardNumber, actor })`) and no field is passed by position.
 * Each command class stays a class of its own: the command bus finds its handler by that class.
 */
export function commandWith<Fields extends object>(): new (fields: Fields) => Readonly<Fields> {
  return class {
    constructor(fields: Fields) {
      Object.assign(this, fields);
    }
  } as new (fields: Fields) => Readonly<Fields>;
}
