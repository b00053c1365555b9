// graphql-js reports a variable value that does not fit its type (an unknown enum value deep
// in a mutation's input, a missing required field) only in the message; clients get the
// path as extensions.argumentName too, like every other bad argument.

// `Variable "$input" got invalid value "BOGUS" at "input.aliases[2].scheme"; Value "BOGUS" does not exist …`
const AT_PATH = /^Variable "\$[_A-Za-z][_0-9A-Za-z]*" got invalid value .*? at "([^"]+)"; /s;
// `Variable "$input" got invalid value {…}; Field "name" of required type "String!" was not provided.`
const MISSING_FIELD =
  /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" got invalid value .*?(?: at "([^"]+)")?; Field "([_A-Za-z][_0-9A-Za-z]*)" of required type .* was not provided\.$/s;
// `Variable "$input" got invalid value …; Field "color" is not defined by type "CreateActorInput".`
const UNKNOWN_FIELD =
  /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" got invalid value .*?(?: at "([^"]+)")?; Field "([_A-Za-z][_0-9A-Za-z]*)" is not defined by type/s;

/** The path inside the variables that a variable coercion error names, e.g. "input.aliases[2].scheme". */
export function variablePathOf(message: string): string | undefined {
  const missing = MISSING_FIELD.exec(message) ?? UNKNOWN_FIELD.exec(message);
  if (missing) return `${missing[2] ?? missing[1]}.${missing[3]}`;
  return AT_PATH.exec(message)?.[1];
}
