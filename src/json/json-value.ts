/** A JSON value, as JSON.parse gives it and the emitters build it. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
