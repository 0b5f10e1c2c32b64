/** A JSON value, as the emitters build it (its own module so the template values and the JSON emitter can share it without importing each other). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
