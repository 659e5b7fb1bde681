/** The part of json-logic-js (the reference JsonLogic implementation, a dev dependency) the fuzz uses. */
declare module 'json-logic-js' {
  const jsonLogic: { apply(logic: unknown, data?: unknown): unknown };
  export default jsonLogic;
}
